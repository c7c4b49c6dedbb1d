"""The wheel: every module of the package, the templates and fonts as package data, nothing else."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def _files(folder: Path, suffixes: tuple[str, ...] = ()) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and (not suffixes or path.suffix in suffixes)}


def test_every_module_and_template_is_in_the_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {f"builder/{name}" for name in _files(ROOT / "builder", (".py",))}
    templates = {f"builder/templates/{name}" for name in _files(ROOT / "templates")}
    assert modules and modules <= names, sorted(modules - names)
    assert {"builder/content/__init__.py", "builder/render/weasy.py", "builder/imposition/layouts/saddle.py"} <= modules
    assert templates <= names, sorted(templates - names)
    assert {"builder/templates/zine.html", "builder/templates/fonts/CharisSIL-Regular.ttf",
            "builder/templates/fonts/OFL.txt"} <= templates
    data = {f"builder/{name}" for name in _files(ROOT / "builder") if not name.endswith((".py", ".pyc"))}
    assert {"builder/desk/static/index.html", "builder/desk/static/desk.js", "builder/desk/static/desk.css"} <= data
    assert data <= names, sorted(data - names)  # zine serve's page (issue 23)
    package = {name for name in names if not name.startswith("zine_builder-")}
    assert package == modules | templates | data, sorted(package ^ (modules | templates | data))  # no tests, content, output


def test_the_wheel_says_how_to_run_it_and_what_it_needs(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    info = next(name for name in archive.namelist() if name.endswith(".dist-info/entry_points.txt"))
    assert "zine = builder.cli:main" in archive.read(info).decode()
    metadata = archive.read(info.replace("entry_points.txt", "METADATA")).decode()
    for requirement in ("jinja2", "weasyprint", "pypdf", "markdown-it-py", "pypdfium2", "pillow", "watchfiles"):
        assert f"Requires-Dist: {requirement}" in metadata


def test_an_installed_package_finds_its_own_templates(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    found = subprocess.run([sys.executable, "-c", "from builder.project import shipped_templates as t; print(t())"],
                           cwd=tmp_path, capture_output=True, text=True, check=True,
                           env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert Path(found.stdout.strip()) == tmp_path / "builder" / "templates"
