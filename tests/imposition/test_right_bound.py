"""Right-to-left booklets (issue 22): bound on the right, every side mirrored, each page still
backed by the same page (the duplex edge is the same)."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder.errors import BuildError
from builder.imposition import Imposition, placed
from builder.imposition.layout import Options, Printing
from builder.imposition.layouts import copycutfold, onepagezine, saddle, topbound
from builder.paper import A4, A5, A6, A7, ZINE_FORMATS

from conftest import half_texts, make_pdf, markers, run

RTL = Options(direction="rtl")


def _rows(plan: Imposition) -> list[list[int | None]]:
    """1-based pages of each side (and each half-sheet copy, by height), left to right."""
    rows: list[list[int | None]] = []
    for side in plan.sides:
        for y in sorted({slot.y for slot in side.slots}):
            row = sorted((slot for slot in side.slots if slot.y == y), key=lambda slot: slot.x)
            rows.append([None if slot.page is None else slot.page + 1 for slot in row])
    return rows


def _behind(plan: Imposition) -> set[tuple[int | None, int | None]]:
    """Each front page with the page printed behind it (the sheet turned about its vertical axis)."""
    pairs = set()
    for sheet in plan.sheets:
        assert sheet.back is not None
        for front in sheet.front.slots:
            width = placed(plan.page, front.rotation).width
            [back] = [slot for slot in sheet.back.slots
                      if abs(slot.x - (plan.sheet.width - front.x - width)) < 0.01 and abs(slot.y - front.y) < 0.01]
            pairs.add((front.page, back.page))
    return pairs


def test_a_right_bound_saddle_booklet_runs_the_other_way() -> None:
    """FACTS.md §3 mirrored: sheet k's front is 2k−1 | N−2k+2, its back N−2k+1 | 2k."""
    ltr, rtl = saddle.LAYOUT.impose(8, A5, A4), saddle.LAYOUT.impose(8, A5, A4, RTL)
    assert _rows(ltr) == [[8, 1], [2, 7], [6, 3], [4, 5]]
    assert _rows(rtl) == [[1, 8], [7, 2], [3, 6], [5, 4]]
    assert (ltr.direction, rtl.direction) == ("ltr", "rtl")
    assert _behind(rtl) == _behind(ltr), "each page keeps the page behind it: printed the same way"
    assert (rtl.sheet, rtl.page, rtl.flip, rtl.blanks) == (ltr.sheet, ltr.page, ltr.flip, ltr.blanks)


def test_creep_and_marks_are_mirrored_with_the_pages() -> None:
    rtl = saddle.LAYOUT.impose(8, A5, A4, Options(direction="rtl", creep=0.5, marks=False))
    [inner] = [slot for slot in rtl.sheets[1].front.slots if slot.page == 2]  # page 3, left of the spine
    assert inner.clip is not None and inner.clip[2] == pytest.approx(A4.landscape.width / 2)
    assert inner.x + A5.width == pytest.approx(A4.landscape.width / 2 + 0.5), "pushed toward the spine"


def test_two_copies_a_side_are_each_mirrored() -> None:
    """The A6 booklet: each half of the sheet holds a right-bound spread, backs on the long edge."""
    ltr, rtl = copycutfold.LAYOUT.impose(8, A6, A4), copycutfold.LAYOUT.impose(8, A6, A4, RTL)
    assert _rows(rtl) == [[1, 8], [1, 8], [7, 2], [7, 2], [3, 6], [3, 6], [5, 4], [5, 4]]
    assert _behind(rtl) == _behind(ltr)


def test_the_mini_zine_opens_from_the_right() -> None:
    """Bottom row upright p1 p8 p7 p6, top row upside down p2 p3 p4 p5: pdfimpose's panels mirrored."""
    rtl = onepagezine.LAYOUT.impose(8, A7, A4, RTL)
    [side] = rtl.sides
    rows = _rows(rtl)
    assert rows == [[1, 8, 7, 6], [2, 3, 4, 5]]
    assert {slot.rotation for slot in side.slots if slot.page in (1, 2, 3, 4)} == {180}
    assert side.marks == onepagezine.LAYOUT.impose(8, A7, A4).sides[0].marks, "the cut is symmetric"


def test_a_top_bound_booklet_has_no_side_to_bind_on() -> None:
    assert "direction" not in topbound.LAYOUT.options and "direction" in saddle.LAYOUT.options
    with pytest.raises(BuildError, match="--direction must be one of ltr, rtl, not 'up'"):
        saddle.LAYOUT.impose(8, A5, A4, Options(direction="up"))


def test_the_summary_says_where_it_is_bound() -> None:
    a5 = ZINE_FORMATS["A5"]
    assert Printing(a5.sheet, a5.booklet, "rtl").summary(2) == (
        "2 sheets of A4 per copy (recto-verso, flip on the short edge), bound on the right")
    assert "right" not in Printing(a5.sheet, a5.booklet).summary(2) + Printing(a5.sheet, a5.booklet).log


def test_zine_impose_binds_any_pdf_on_the_right(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = make_pdf(tmp_path / "in.pdf", 8)
    code, _, _ = run(capsys, "impose", str(source), "-o", str(tmp_path / "out.pdf"), "--direction", "rtl")
    assert code == 0 and markers(half_texts(tmp_path / "out.pdf")) == [(1, 8), (7, 2), (3, 6), (5, 4)]
    code, _, err = run(capsys, "impose", str(source), "-o", str(tmp_path / "top.pdf"), "--direction", "rtl",
                       "--layout", "topbound")
    assert code != 0 and "--direction does not apply to --layout topbound" in err
