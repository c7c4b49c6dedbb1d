"""Pictures (issue 12, item 8): a zine of ten generated pictures, one a phone photo of ~30 MB.

The zine is bench/picture_zine.py's, made here in a temporary folder (its pictures are never
committed). Times: a cold build (a new process) with the resampled pictures' cache empty, as a
first build is, and one with the cache kept (the next build); then the halftone switch on,
cache empty. Sizes: the huge photo, and each output. Target: PDFs under 3 MB (issue 12).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from builder.project import Project

import picture_zine
from timing import kilobytes, spread, table

TITLE = "pictures: a zine of ten pictures, one a 30 MB phone photo: build times and PDF sizes"
ZINE = Path(sys.executable).with_name("zine")
RUNS = 5
HUGE_MB = 30
TARGET_MB = 3


def _builds(root: Path, *, cold_cache: bool) -> list[float]:
    times = []
    for _ in range(RUNS):
        if cold_cache:
            shutil.rmtree(Project.at(root).pictures, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run([str(ZINE), "build", "--no-previews"], cwd=root, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def run() -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bench-pictures-") as folder:
        plain = picture_zine.write(Path(folder) / "plain", huge_mb=HUGE_MB)
        halftone = Path(folder) / "halftone"
        shutil.copytree(plain / "content", halftone / "content")
        manifest = halftone / "content/zine.toml"
        manifest.write_text(manifest.read_text(encoding="utf-8") + 'photos = "halftone"\n', encoding="utf-8")
        huge = plain / "content/images/huge photo.jpg"
        first = _builds(plain, cold_cache=True)
        again = _builds(plain, cold_cache=False)
        toned = _builds(halftone, cold_cache=True)
        rows = [["", "time", ""],
                ["cold build, pictures resampled", spread(first), ""],
                ["cold build, resampled pictures kept", spread(again), ""],
                ['cold build, photos = "halftone"', spread(toned), ""],
                ["the phone photo", kilobytes(huge), ""]]
        for project, label in ((plain, ""), (halftone, " (halftone)")):
            for path in sorted((project / "output").glob("*.pdf")):
                size = path.stat().st_size
                rows.append([f"{path.name.split('-')[-1]}{label}", kilobytes(path),
                             "ok" if size < TARGET_MB * 1_000_000 else f"over {TARGET_MB} MB"])
    return ["   " + line for line in table(rows)]
