"""Personal data and git: is a file where `git add .` would commit it? (issue 15)

`zine letter` writes a letter filled with a name, an address and a social security number; its
values file holds them too. When either sits in a git work tree and git does not ignore it, the
command warns. Where git is absent, or the folder is not a work tree, it says nothing: the check
asks git (a local command, no network) and never reads the files themselves.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

TIMEOUT_S = 10


def exposed(path: Path) -> bool:
    """Whether `path` lies in a git work tree and git does not ignore it (False when unsure)."""
    git = shutil.which("git")
    folder = path.resolve().parent
    if git is None or not folder.is_dir():
        return False
    try:
        inside = subprocess.run([git, "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True, timeout=TIMEOUT_S)
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return False
        ignored = subprocess.run([git, "-C", str(folder), "check-ignore", "-q", "--", path.resolve().name],
                                 capture_output=True, timeout=TIMEOUT_S)
    except (OSError, subprocess.SubprocessError):
        return False
    return ignored.returncode == 1  # 0: ignored; 1: not ignored; 128: an error (unsure: silent)


def warnings(paths: dict[str, Path]) -> list[str]:
    """A warning for each of `paths` (by what it holds: "the filled letter") that git could commit."""
    return [f"warning: {path} ({what}) is in a git work tree and not ignored: `git add .` would commit "
            "personal data; keep it outside the repository, or add its name to .gitignore"
            for what, path in paths.items() if exposed(path)]
