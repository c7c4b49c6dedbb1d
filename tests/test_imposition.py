"""Saddle-stitch order and geometry, as tables: no PDF needed."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from builder.errors import BuildError
from builder.imposition import padded, saddle
from builder.model import A4, A5, Size


def reading_pairs(pages: int, **options: str) -> list[tuple[int | None, ...]]:
    """Each side as (left, right) 1-based page numbers; None for a blank."""
    plan = saddle.layout(pages, A5, A4.landscape, **options)  # type: ignore[arg-type]
    return [tuple(None if slot.page is None else slot.page + 1 for slot in sorted(side, key=lambda s: s.x))
            for side in plan.sides]


def test_eight_pages_follow_the_textbook_order() -> None:
    # FACTS.md §3: 8|1, 2|7, 6|3, 4|5
    assert reading_pairs(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]


def test_four_pages() -> None:
    assert reading_pairs(4) == [(4, 1), (2, 3)]


def test_blanks_go_before_the_back_cover() -> None:
    # 6 pages: booklet order 1 2 3 4 5 _ _ 6
    assert reading_pairs(6) == [(6, 1), (2, None), (None, 3), (4, 5)]


def test_blanks_at_the_end_when_asked() -> None:
    assert reading_pairs(6, blanks="end") == [(None, 1), (2, None), (6, 3), (4, 5)]


@pytest.mark.parametrize(("pages", "order", "blanks"), [
    (1, (0, None, None, None), (2, 3, 4)),
    (2, (0, None, None, 1), (2, 3)),
    (5, (0, 1, 2, 3, None, None, None, 4), (5, 6, 7)),
    (8, tuple(range(8)), ()),
])
def test_padding_table(pages: int, order: tuple[int | None, ...], blanks: tuple[int, ...]) -> None:
    assert padded(pages, 4, "before-back") == (order, blanks)


@given(st.integers(min_value=1, max_value=64))
def test_every_page_once_and_back_cover_last(pages: int) -> None:
    plan = saddle.layout(pages, A5, A4.landscape)
    placed = [slot.page for side in plan.sides for slot in side if slot.page is not None]
    assert sorted(placed) == list(range(pages))
    assert len(plan.sheets) == -(-pages // 4)
    if pages > 1:
        # the back cover is the left page of the first sheet's front: the booklet's last page
        assert min(plan.sheets[0].front, key=lambda s: s.x).page == pages - 1


@given(st.integers(min_value=1, max_value=64))
def test_folded_booklet_reads_in_order(pages: int) -> None:
    """Unfold the plan: reading the sheets as a folded booklet gives 1, 2, 3, … (blanks skipped)."""
    plan = saddle.layout(pages, A5, A4.landscape)
    count = 4 * len(plan.sheets)
    booklet: list[int | None] = [None] * count
    for k, sheet in enumerate(plan.sheets, start=1):
        front_left, front_right = sorted(sheet.front, key=lambda s: s.x)
        back_left, back_right = sorted(sheet.back, key=lambda s: s.x)
        booklet[2 * k - 2] = front_right.page      # recto of the k-th leaf
        booklet[2 * k - 1] = back_left.page         # its verso
        booklet[count - 2 * k] = back_right.page    # recto of the matching leaf in the second half
        booklet[count - 2 * k + 1] = front_left.page
    reading = [page for page in booklet if page is not None]
    assert reading == list(range(pages))


def test_pages_touch_the_spine_and_are_centred() -> None:
    plan = saddle.layout(8, A5, A4.landscape)
    left, right = sorted(plan.sheets[0].front, key=lambda s: s.x)
    assert left.x + A5.width == pytest.approx(297 / 2)
    assert right.x == pytest.approx(297 / 2)
    assert left.x == pytest.approx(0.5)
    assert left.y == right.y == pytest.approx(0)


def test_long_edge_flip_turns_the_backs() -> None:
    short = saddle.layout(8, A5, A4.landscape)
    long = saddle.layout(8, A5, A4.landscape, flip="long")
    assert [s.rotation for s in long.sheets[0].front] == [0, 0]
    assert [s.rotation for s in long.sheets[0].back] == [180, 180]
    # turned 180°, the page that was on the left is now on the right
    assert sorted(long.sheets[0].back, key=lambda s: s.x)[0].page == sorted(short.sheets[0].back, key=lambda s: s.x)[1].page


def test_pages_too_big_for_the_sheet_are_refused() -> None:
    with pytest.raises(BuildError, match="do not fit"):
        saddle.layout(4, A4, A4.landscape)


def test_wrong_option_values_are_refused() -> None:
    with pytest.raises(BuildError, match="--blanks"):
        saddle.layout(4, A5, A4, blanks="middle")
    with pytest.raises(BuildError, match="--flip"):
        saddle.layout(4, A5, A4, flip="sideways")


def test_creep_moves_inner_sheets_toward_the_spine() -> None:
    plan = saddle.layout(12, A5, A4.landscape, creep=0.1)
    lefts = [min(sheet.front, key=lambda s: s.x).x for sheet in plan.sheets]
    assert lefts == pytest.approx([0.5, 0.6, 0.7])


def test_size_from_points() -> None:
    assert Size.from_points(419.53, 595.28) == Size(148.0, 210.0)
