"""The market mini-zine: eight pages on one A4 side, in the one-page-zine order, one sheet only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder.errors import BuildError
from builder.model import Report

from conftest import ROOT, build_project

MM = 72 / 25.4
# The first words of each page of content/minizine.md (its ## headings).
HEADINGS = {1: "« Mon espace", 2: "Refuser dans", 3: "Comment refuser", 4: "Fermez-le", 5: "Un DMP d’avant",
            6: "Enfants, personnes", 7: "Écrire à sa caisse", 8: "Si vous gardez"}
# FACTS.md §3: bottom row upright p6 p7 p8 p1, top row upside down p5 p4 p3 p2 (left to right).
PANELS = {6: (0, 0), 7: (1, 0), 8: (2, 0), 1: (3, 0), 5: (0, 1), 4: (1, 1), 3: (2, 1), 2: (3, 1)}


def _minizine(report: Report) -> Path:
    return next(out.path for out in report.outputs if out.path.name.endswith("-minizine.pdf"))


def test_one_a4_landscape_side(shipped_build: Report) -> None:
    document = pdfium.PdfDocument(_minizine(shipped_build))
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width / MM), round(height / MM)) == (297, 210)


@pytest.mark.parametrize("page", sorted(PANELS))
def test_each_page_sits_in_its_panel(shipped_build: Report, page: int) -> None:
    column, row = PANELS[page]
    text = pdfium.PdfDocument(_minizine(shipped_build))[0].get_textpage()
    panel = " ".join(text.get_text_bounded(column * 74.25 * MM, row * 105 * MM, (column + 1) * 74.25 * MM,
                                           (row + 1) * 105 * MM).split()).replace("\u00a0", " ")
    assert HEADINGS[page] in panel, panel[:80]
    others = [heading for number, heading in HEADINGS.items() if number != page and heading in panel]
    assert not others


def test_a_minizine_longer_than_one_sheet_is_refused(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    text = (tmp_path / "content/minizine.md").read_text(encoding="utf-8")
    (tmp_path / "content/minizine.md").write_text(text + "\n## Une page de plus\n\nEt une autre.\n",
                                                  encoding="utf-8")
    with pytest.raises(BuildError, match=r"content/minizine.md: the mini-zine runs to 9 pages; it must fit"):
        build_project(tmp_path, tmp_path / "output")


def test_the_cut_runs_from_fold_to_fold_along_the_middle(shipped_build: Report) -> None:
    """A line along y = 105 mm from x = 74.25 to 222.75 mm, and no further (FACTS.md §3)."""
    page = pdfium.PdfDocument(_minizine(shipped_build))[0]
    scale = 4  # 288 dpi: a 0.5 pt line is one pixel or more
    image = page.render(scale=scale, grayscale=True, no_smoothpath=True).to_pil()
    row = round(image.height - 105 * MM * scale)

    def inked(x_mm: float) -> bool:
        x = round(x_mm * MM * scale)
        return min(image.getpixel((x, y)) for y in range(row - 2, row + 3)) < 128

    assert all(inked(x) for x in (75, 100, 148.5, 200, 222))
    assert not any(inked(x) for x in (20, 60, 237, 280))
