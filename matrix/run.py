"""`make test-matrix`: the test suite on every Python we support and with the lowest versions we declare.

Usage: python matrix/run.py [ENVIRONMENT…] [-- PYTEST-ARGUMENTS…]   (all environments by default)

Each environment is a virtual environment under .venv-matrix/NAME, made on first use (with the
newest versions allowed then) and installed into again when pyproject.toml or matrix/lowest.txt
changes; `make distclean` removes them all:

  3.11, 3.12, 3.13   that Python, the newest versions pyproject.toml allows
  lowest             Python 3.11, each dependency at its floor (matrix/lowest.txt)

A Python is looked for in pyenv (`pyenv root`/versions/3.X.*, the newest patch) and then on the
PATH (python3.X); an absent one is skipped with the reason, not counted as a failure. The
environments run one after the other (the suite starts its own worker processes), each printing
one line: its counts and time, and the log to read when it failed. The exit code is 1 when an
environment failed to install or to pass, else 0.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / ".venv-matrix"
LOWEST = ROOT / "matrix" / "lowest.txt"
PYTHONS = ("3.11", "3.12", "3.13")
ENVIRONMENTS = {**{version: (version, None) for version in PYTHONS}, "lowest": ("3.11", LOWEST)}
"""Name: (Python version, constraints file or None)."""


def main(arguments: list[str]) -> int:
    names, pytest_arguments = _split(arguments)
    unknown = [name for name in names if name not in ENVIRONMENTS]
    if unknown:
        print(f"unknown environment {unknown[0]!r}; environments: {', '.join(ENVIRONMENTS)}", file=sys.stderr)
        return 2
    failed = False
    chosen = names or list(ENVIRONMENTS)
    print(f"the suite in {', '.join(chosen)}, one after the other (minutes each; logs in "
          f"{HOME.relative_to(ROOT)}/NAME/pytest.log)", flush=True)
    for name in chosen:
        version, constraints = ENVIRONMENTS[name]
        python, reason = find_python(version)
        if python is None:
            print(f"{name:7} skipped: {reason}", flush=True)
            continue
        started = time.monotonic()
        venv = HOME / name
        problem = prepare(venv, python, constraints)
        if problem:
            failed = True
            print(f"{name:7} FAILED to install ({_seconds(started)}): {problem}", flush=True)
            continue
        ok, summary = run_suite(venv, pytest_arguments)
        failed |= not ok
        log = "" if ok else f" (log: {(venv / 'pytest.log').relative_to(ROOT)})"
        print(f"{name:7} {_version(venv)}: {summary} ({_seconds(started)}){log}", flush=True)
    return 1 if failed else 0


def _split(arguments: list[str]) -> tuple[list[str], list[str]]:
    if "--" in arguments:
        at = arguments.index("--")
        return arguments[:at], arguments[at + 1:]
    return arguments, []


def find_python(version: str) -> tuple[Path | None, str]:
    """The interpreter of `version` (3.X), or None and why."""
    pyenv = shutil.which("pyenv")
    if pyenv:
        found = subprocess.run([pyenv, "root"], capture_output=True, text=True)
        versions = Path(found.stdout.strip()) / "versions"
        patches = sorted((path for path in versions.glob(f"{version}.*") if re.fullmatch(rf"{re.escape(version)}\.\d+",
                                                                                           path.name)),
                         key=lambda path: int(path.name.rsplit(".", 1)[1]))
        for path in reversed(patches):
            if _runs(path / "bin" / f"python{version}", version):
                return path / "bin" / f"python{version}", ""
    on_path = shutil.which(f"python{version}")
    if on_path and _runs(Path(on_path), version):
        return Path(on_path), ""
    where = "in pyenv's versions nor on the PATH" if pyenv else "on the PATH (and pyenv is not installed)"
    return None, f"no Python {version} {where}"


def _runs(python: Path, version: str) -> bool:
    """Whether `python` starts and is `version` (a pyenv shim of a version not selected does not)."""
    try:
        result = subprocess.run([str(python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                capture_output=True, text=True, timeout=60)
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == version


def prepare(venv: Path, python: Path, constraints: Path | None) -> str:
    """Make `venv` with the project and its test extras installed; "" when done, else what failed.

    Made again from nothing when its interpreter changed; installed into again when
    pyproject.toml or the constraints changed (pip then moves each package to a version allowed).
    """
    stamp, made_by = venv / "installed", venv / "made-by"
    wanted = _fingerprint(constraints)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return ""
    log = venv.parent / f"{venv.name}-install.log"
    venv.parent.mkdir(exist_ok=True)
    interpreter = f"{python.resolve()}\n"
    with log.open("w", encoding="utf-8") as output:
        if not made_by.is_file() or made_by.read_text(encoding="utf-8") != interpreter:
            shutil.rmtree(venv, ignore_errors=True)
            if subprocess.run([str(python), "-m", "venv", str(venv)], stdout=output,
                              stderr=subprocess.STDOUT).returncode != 0:
                return f"`{python} -m venv` failed, see {log.relative_to(ROOT)}"
            made_by.write_text(interpreter, encoding="utf-8")
        stamp.unlink(missing_ok=True)
        install = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                   *(["-c", str(constraints)] if constraints else []), "-e", ".[test]"]
        if subprocess.run(install, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT).returncode != 0:
            return f"`pip install -e .[test]` failed, see {log.relative_to(ROOT)}"
    if constraints is not None:
        wrong = _not_pinned(venv, constraints)
        if wrong:
            return f"installed versions differ from {constraints.relative_to(ROOT)}: {', '.join(wrong)}"
    stamp.write_text(wanted, encoding="utf-8")
    log.unlink()
    return ""


def _fingerprint(constraints: Path | None) -> str:
    """The files that say what to install, as a digest."""
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", constraints):
        if path is not None:
            digest.update(path.read_bytes())
    return digest.hexdigest() + "\n"


def _not_pinned(venv: Path, constraints: Path) -> list[str]:
    """Each `name==version` of `constraints` that is not what pip installed (as "name version")."""
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", constraints.read_text(encoding="utf-8"), re.MULTILINE))
    script = ("import importlib.metadata as m, sys\n"
              "for name in sys.argv[1:]:\n"
              "    print(name, m.version(name))\n")
    found = subprocess.run([str(venv / "bin" / "python"), "-c", script, *pins], capture_output=True, text=True)
    installed = dict(line.split() for line in found.stdout.splitlines())
    return [f"{name} {installed.get(name, 'missing')}" for name, version in pins.items()
            if installed.get(name) != version]


def run_suite(venv: Path, pytest_arguments: list[str]) -> tuple[bool, str]:
    """Run the suite in `venv`; whether it passed and pytest's counts ("310 passed, 2 skipped")."""
    log = venv / "pytest.log"
    # No cache folder: the environments share the checkout and run the same tests.
    command = [str(venv / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_arguments]
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with log.open("w", encoding="utf-8") as output:
        code = subprocess.run(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env=environment).returncode
    text = log.read_text(encoding="utf-8", errors="replace")
    counts = re.findall(r"(\d+ (?:passed|failed|errors?|skipped|xfailed|xpassed|deselected))", _last_summary(text))
    summary = ", ".join(counts) or f"pytest exited with {code}"
    return code == 0, summary


def _last_summary(text: str) -> str:
    lines = [line for line in text.splitlines() if re.search(r"\b(passed|failed|errors?|skipped)\b.* in [\d.]+s", line)]
    return lines[-1] if lines else ""


def _version(venv: Path) -> str:
    found = subprocess.run([str(venv / "bin" / "python"), "-c", "import platform; print(platform.python_version())"],
                           capture_output=True, text=True)
    return f"Python {found.stdout.strip()}"


def _seconds(started: float) -> str:
    seconds = round(time.monotonic() - started)
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
