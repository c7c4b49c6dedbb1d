"""The tool installed from its wheel, run outside its clone: `zine new`, then `zine build` in the
new folder, with the shipped templates, and with a project's own copy of one of them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader

from conftest import ROOT, page_texts

SHIPPED_ZINE = ("Légifrance", "Prix libre", "Anti-copyright", "diffusez", "CPAM", "Écran total", "espace santé")


@pytest.fixture(scope="module")
def site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel unpacked, as pip would install it: the package and its templates, no clone."""
    folder = tmp_path_factory.mktemp("site")
    zipfile.ZipFile(wheel).extractall(folder)
    return folder


def _zine(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`zine ARGS` run in `cwd`, the package imported from `site` (its dependencies from this venv)."""
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(site)})


@pytest.fixture(scope="module")
def scaffolded(site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A project made by `zine new` outside the clone, built there: the one build of the shipped set."""
    work = tmp_path_factory.mktemp("elsewhere")
    assert not work.is_relative_to(ROOT)
    made = _zine(site, work, "new", "notre-zine", "--lang", "fr")
    assert made.returncode == 0, made.stderr
    return work / "notre-zine", _zine(site, work / "notre-zine", "build")


@pytest.fixture(scope="module")
def overridden(site: Path, scaffolded: tuple[Path, subprocess.CompletedProcess[str]],
               tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The same project with templates/zine.css of its own, body text at 14 pt: the other files
    (shared.css it imports, the fonts, letters-a5.css, the HTML templates) stay the shipped ones."""
    folder = tmp_path_factory.mktemp("override") / "notre-zine"
    shutil.copytree(scaffolded[0] / "content", folder / "content")
    shipped = (site / "builder/templates/zine.css").read_text(encoding="utf-8")
    assert "  font-size: 10pt;\n" in shipped, "the shipped body size changed: update the test"
    (folder / "templates").mkdir()
    (folder / "templates/zine.css").write_text(shipped.replace("  font-size: 10pt;\n", "  font-size: 14pt;\n"),
                                               encoding="utf-8")
    return folder, _zine(site, folder, "build", "--no-previews")


def test_the_package_runs_from_its_wheel(site: Path, scaffolded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    found = subprocess.run([sys.executable, "-c", "import builder.project as p; print(p.__file__, p.shipped_templates())"],
                           cwd=scaffolded[0], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": str(site)})
    module, templates = found.stdout.split()
    assert Path(module).is_relative_to(site) and Path(templates) == site / "builder/templates"


def test_zine_build_in_a_new_project_writes_the_pdfs(scaffolded: tuple[Path, subprocess.CompletedProcess[str]]
                                                     ) -> None:
    folder, built = scaffolded
    assert built.returncode == 0, built.stderr
    assert "wrote output/notre-zine-reading.pdf: 4 pages of 148 × 210 mm" in built.stdout
    assert "wrote output/notre-zine-booklet.pdf: 2 sides of 297 × 210 mm" in built.stdout
    assert not (folder / "templates").exists(), "nothing copied into the project"
    pages = page_texts(folder / "output/notre-zine-reading.pdf")
    assert pages[0].startswith("notre-zine") and pages[2].startswith("Pour commencer")
    assert _fonts(folder / "output/notre-zine-reading.pdf") and all(
        name.startswith("Charis-SIL") for name in _fonts(folder / "output/notre-zine-reading.pdf")), "the shipped fonts"


def test_nothing_of_the_shipped_zine(scaffolded: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, _ = scaffolded
    text = " ".join(page for name in ("reading", "booklet") for page in
                    page_texts(folder / f"output/notre-zine-{name}.pdf")).lower()
    assert text and not [word for word in SHIPPED_ZINE if word.lower() in text]


def test_a_projects_stylesheet_replaces_the_shipped_one_alone(
        scaffolded: tuple[Path, subprocess.CompletedProcess[str]],
        overridden: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, built = overridden
    assert built.returncode == 0, built.stderr
    shipped = _size_of(scaffolded[0] / "output/notre-zine-reading.pdf", "Ceci est")
    assert _size_of(folder / "output/notre-zine-reading.pdf", "Ceci est") == pytest.approx(shipped * 14 / 10, abs=0.01)
    # shared.css, imported by the project's zine.css, and the fonts it names: still the shipped ones.
    assert _fonts(folder / "output/notre-zine-reading.pdf") == _fonts(scaffolded[0] / "output/notre-zine-reading.pdf")


def _fonts(pdf: Path) -> set[str]:
    """The base names of the fonts of every page, without the subset prefix."""
    return {str(font.get_object()["/BaseFont"]).split("+")[-1] for page in PdfReader(pdf).pages
            for font in page["/Resources"].get("/Font", {}).values()}


def _size_of(pdf: Path, text: str) -> float:
    """The font size of the first character of `text` in `pdf` (in the PDF's text space: its ratio
    to another size is what counts)."""
    document = pdfium.PdfDocument(pdf)
    try:
        for page in document:
            textpage = page.get_textpage()
            found = textpage.get_text_range().find(text)
            if found >= 0:
                return float(pdfium_c.FPDFText_GetFontSize(textpage.raw, found))
    finally:
        document.close()
    raise AssertionError(f"{text!r} not in {pdf}")
