"""Imposition order and geometry, as tables: no PDF needed."""

from __future__ import annotations

import dataclasses

import pytest
from builder.errors import BuildError
from builder.imposition import Imposition, Label, Line, Side, fit, padded, placed, turned
from builder.imposition.layout import OPTIONS, Layout, Options
from builder.imposition.layouts import LAYOUTS, copycutfold, default, onepagezine, saddle, testsheet, topbound
from builder.paper import A3, A4, A5, A6, LETTER, Size
from builder.typography import en, fr
from builder.typography.language import Words
from hypothesis import example, given, settings
from hypothesis import strategies as st

A7ISH = Size(74.25, 105)


def numbers(side: Side) -> tuple[int | None, ...]:
    """1-based page numbers on a side, left to right (top row first); None for a blank."""
    ordered = sorted(side.slots, key=lambda s: (-s.y, s.x))
    return tuple(None if slot.page is None else slot.page + 1 for slot in ordered)


def reading_pairs(pages: int, **options: object) -> list[tuple[int | None, ...]]:
    plan = saddle.layout(pages, A5, A4, **options)  # type: ignore[arg-type]
    return [numbers(side) for side in plan.sides]


def booklet(plan: Imposition, per: int | None = None) -> list[int | None]:
    """Unfold a saddle plan: the page on each leaf face of the folded sections, in reading order."""
    order: list[int | None] = []
    per = per or len(plan.sheets)
    assert plan.sections == -(-len(plan.sheets) // per)
    for sheets in (plan.sheets[i:i + per] for i in range(0, len(plan.sheets), per)):
        count = 4 * len(sheets)
        faces: list[int | None] = [None] * count
        for k, sheet in enumerate(sheets, start=1):
            assert sheet.back is not None
            back = turned(sheet.back, plan.sheet, plan.page) if plan.flip == "long" else sheet.back
            front_left, front_right = sorted(sheet.front.slots, key=lambda s: s.x)
            back_left, back_right = sorted(back.slots, key=lambda s: s.x)
            faces[2 * k - 2] = front_right.page      # recto of the k-th leaf
            faces[2 * k - 1] = back_left.page         # its verso
            faces[count - 2 * k] = back_right.page    # recto of the matching leaf in the second half
            faces[count - 2 * k + 1] = front_left.page
        order += faces
    return order


# Saddle stitch --------------------------------------------------------------------------------

def test_eight_pages_follow_the_textbook_order() -> None:
    # FACTS.md §3: 8|1, 2|7, 6|3, 4|5
    assert reading_pairs(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]


def test_four_pages() -> None:
    assert reading_pairs(4) == [(4, 1), (2, 3)]


def test_blanks_go_before_the_back_cover() -> None:
    # 6 pages: booklet order 1 2 3 4 5 _ _ 6
    assert reading_pairs(6) == [(6, 1), (2, None), (None, 3), (4, 5)]
    assert saddle.layout(6, A5, A4).blanks == (6, 7)


def test_blanks_at_the_end_when_asked() -> None:
    assert reading_pairs(6, blanks="end") == [(None, 1), (2, None), (6, 3), (4, 5)]
    assert saddle.layout(6, A5, A4, blanks="end").blanks == (7, 8)


@pytest.mark.parametrize(("pages", "order", "blanks"), [
    (1, (0, None, None, None), (2, 3, 4)),
    (2, (0, None, None, 1), (2, 3)),
    (5, (0, 1, 2, 3, None, None, None, 4), (5, 6, 7)),
    (8, tuple(range(8)), ()),
])
def test_padding_table(pages: int, order: tuple[int | None, ...], blanks: tuple[int, ...]) -> None:
    assert padded(pages, 4, "before-back") == (order, blanks)


def saddle_table(pages: int) -> list[tuple[int | None, ...]]:
    """FACTS.md §3 written out for any count: sheet k front N−2k+2 | 2k−1, back 2k | N−2k+1."""
    count = -(-pages // 4) * 4
    booklet_order = list(range(1, pages)) + [None] * (count - pages) + [pages] if pages > 1 else \
        [1] + [None] * (count - 1)
    table: list[tuple[int | None, ...]] = []
    for k in range(1, count // 4 + 1):
        table.append((booklet_order[count - 2 * k + 1], booklet_order[2 * k - 2]))
        table.append((booklet_order[2 * k - 1], booklet_order[count - 2 * k]))
    return table


@pytest.mark.parametrize("pages", range(1, 65))
def test_saddle_order_table(pages: int) -> None:
    assert reading_pairs(pages) == saddle_table(pages)


@pytest.mark.parametrize("pages", range(1, 65))
def test_saddle_order_with_long_edge_flip(pages: int) -> None:
    # turned 180°, each back reads right to left: the same pairs, swapped
    table = saddle_table(pages)
    expected = [pair if i % 2 == 0 else pair[::-1] for i, pair in enumerate(table)]
    assert reading_pairs(pages, flip="long") == expected


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 200), st.sampled_from(["before-back", "end"]), st.sampled_from(["short", "long"]),
       st.one_of(st.none(), st.integers(1, 12)), st.floats(0, 0.3))
def test_saddle_properties(pages: int, blanks: str, flip: str, per: int | None, creep: float) -> None:
    plan = saddle.layout(pages, A5, A4, blanks=blanks, flip=flip, sheets_per_section=per, creep=creep)
    placed_pages = [slot.page for side in plan.sides for slot in side.slots if slot.page is not None]
    assert sorted(placed_pages) == list(range(pages)), "every page exactly once"
    assert len(plan.sheets) == -(-pages // 4)
    reading = booklet(plan, per)
    assert [p for p in reading if p is not None] == list(range(pages)), "reading order kept"
    assert [i + 1 for i, p in enumerate(reading) if p is None] == list(plan.blanks)
    if blanks == "before-back" and pages > 1:
        assert reading[-1] == pages - 1, "the back cover is the last page of the last section"
    for side in plan.sides:
        for slot in side.slots:
            size = placed(A5, slot.rotation)
            assert -0.01 <= slot.x and slot.x + size.width <= plan.sheet.width + 0.01
            assert -0.01 <= slot.y and slot.y + size.height <= plan.sheet.height + 0.01


# Two copies a side, cut across (A6 on A4) -----------------------------------------------------


def _copies(side: Side) -> tuple[tuple[int | None, ...], tuple[int | None, ...]]:
    """Page numbers of a side's upper and lower halves, left to right."""
    def row(upper: bool) -> tuple[int | None, ...]:
        slots = sorted((s for s in side.slots if (s.y >= 297 / 2) is upper), key=lambda s: s.x)
        return tuple(None if s.page is None else s.page + 1 for s in slots)
    return row(True), row(False)


@pytest.mark.parametrize("pages", range(1, 41))
def test_copycutfold_is_saddle_order_twice_per_side(pages: int) -> None:
    """Each half of each side holds the saddle pair of that side (FACTS.md §3), the same in both
    copies; printed flipping on the long edge, so the backs are not turned."""
    plan = copycutfold.layout(pages, A6, A4)
    assert plan.sheet == A4 and plan.flip == "long"
    assert plan.blanks == saddle.layout(pages, A6, A4).blanks
    assert [_copies(side) for side in plan.sides] == [(pair, pair) for pair in saddle_table(pages)]


def test_copycutfold_places_each_spread_in_its_half_against_the_spine() -> None:
    plan = copycutfold.layout(8, A6, A4)
    lower_left, lower_right, upper_left, upper_right = sorted(plan.sheets[0].front.slots, key=lambda s: (s.y, s.x))
    assert (lower_left.x, lower_right.x) == pytest.approx((0, 105))
    assert (lower_left.y, upper_left.y) == pytest.approx((0.25, 148.75)), "centred in each 148.5 mm half"
    assert upper_right.x == pytest.approx(105) and upper_right.y == pytest.approx(148.75)


def test_copycutfold_short_edge_turns_the_backs() -> None:
    long, short = copycutfold.layout(12, A6, A4), copycutfold.layout(12, A6, A4, flip="short")
    assert short.flip == "short"
    for long_sheet, short_sheet in zip(long.sheets, short.sheets):
        assert short_sheet.front == long_sheet.front
        assert long_sheet.back is not None
        assert short_sheet.back == turned(long_sheet.back, A4, A6)


def test_copycutfold_creep_moves_inner_sheets_toward_the_spine() -> None:
    plan = copycutfold.layout(16, A6, A4, creep=0.2)
    inner = sorted(plan.sheets[3].front.slots, key=lambda s: (s.y, s.x))
    assert inner[0].x == pytest.approx(0.6) and inner[1].x == pytest.approx(105 - 0.6)
    assert inner[2].x == pytest.approx(0.6), "the upper copy moves the same way"


@pytest.mark.parametrize(("call", "message"), [
    (lambda: copycutfold.layout(8, A5, A4), "do not fit the 105 × 148.5 mm halves of a sheet of 210 × 148.5 mm"),
    (lambda: copycutfold.layout(8, A6, A4, flip="sideways"), "--flip must be one of short, long"),
    (lambda: copycutfold.layout(0, A6, A4), "no pages"),
])
def test_copycutfold_refuses_what_cannot_be(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BuildError, match=message):
        call()


def test_pages_touch_the_spine_and_are_centred() -> None:
    plan = saddle.layout(8, A5, A4)
    left, right = sorted(plan.sheets[0].front.slots, key=lambda s: s.x)
    assert left.x + A5.width == pytest.approx(297 / 2)
    assert right.x == pytest.approx(297 / 2)
    assert left.x == pytest.approx(0.5)
    assert left.y == right.y == pytest.approx(0)
    small = saddle.layout(4, A6, A4)
    left, right = sorted(small.sheets[0].front.slots, key=lambda s: s.x)
    assert (left.x, left.y, right.x) == pytest.approx((148.5 - 105, 31, 148.5))


# Scaling to fit (FACTS.md §3) ---------------------------------------------------------------------

HALF_A4 = Size(148.5, 210)


@pytest.mark.parametrize(("page", "scaling", "factor"), [
    (A4, "down", 210 / 297),                            # A4 into an A5 place: about 0.707
    (LETTER, "down", 148.5 / 215.9),                    # US letter: about 0.688
    (Size(210.26, 297.04), "down", 148.5 / 210.26),     # Google Docs' A4
    (A5, "down", 1), (A5, "none", 1), (A5, "up", 1),    # a page that fits stays as it is
    (Size(148.9, 210.8), "none", 1),                    # within a millimetre of its place: producer rounding
    (A6, "down", 1), (A6, "none", 1),                   # smaller pages are never enlarged…
    (A6, "up", 148.5 / 105),                            # …unless asked
])
def test_pages_are_scaled_to_fit_their_place(page: Size, scaling: str, factor: float) -> None:
    size, scale = fit(page, HALF_A4, scaling, "half a sheet")
    assert scale == pytest.approx(factor)
    assert (size.width, size.height) == pytest.approx((page.width * factor, page.height * factor))
    assert size.within(HALF_A4)


def test_a_page_larger_than_its_place_is_refused_without_scaling() -> None:
    with pytest.raises(BuildError, match=r"pages of 210 × 297 mm do not fit half a sheet at 100 %"):
        fit(A4, HALF_A4, "none", "half a sheet")


def test_scaled_pages_fill_their_place_against_the_spine() -> None:
    plan = saddle.layout(4, A4, A4, scaling="down")
    assert plan.scale == pytest.approx(0.7071, abs=1e-4)
    assert (plan.page.width, plan.page.height) == pytest.approx((148.5, 210), abs=0.02)
    left, right = sorted(plan.sheets[0].front.slots, key=lambda s: s.x)
    assert (left.x + plan.page.width, right.x, left.y) == pytest.approx((148.5, 148.5, 0))
    letter = saddle.layout(4, LETTER, A4, scaling="down")
    left, right = sorted(letter.sheets[0].front.slots, key=lambda s: s.x)
    assert letter.page.width == pytest.approx(148.5) and left.y == pytest.approx((210 - letter.page.height) / 2)
    assert copycutfold.layout(4, A5, A4, scaling="down").scale == pytest.approx(min(105 / 148, 148.5 / 210))
    assert onepagezine.layout(8, A4, A4, scaling="down").scale == pytest.approx(min(74.25 / 210, 105 / 297))


# Bound on the top edge ----------------------------------------------------------------------------

@pytest.mark.parametrize("pages", range(1, 41))
def test_topbound_is_saddle_order_one_page_above_the_other(pages: int) -> None:
    plan = topbound.layout(pages, A5.landscape, A4)
    assert plan.sheet == A4 and plan.binding == "top" and plan.flip == "short"
    # the verso (the saddle table's left page) above the fold, the recto below it
    assert [numbers(side) for side in plan.sides] == saddle_table(pages)
    for side in plan.sides:
        upper, lower = sorted(side.slots, key=lambda s: -s.y)
        assert (upper.y, lower.y + A5.landscape.height) == pytest.approx((148.5, 148.5)), "against the fold"
        assert upper.x == lower.x == pytest.approx(0) and upper.rotation == lower.rotation == 0


def test_topbound_scales_creeps_and_turns_backs_like_saddle() -> None:
    plan = topbound.layout(8, A4.landscape, A4, scaling="down", creep=0.2, flip="long", marks=False)
    assert (plan.page.width, plan.page.height, plan.scale) == pytest.approx((210, 148.5, 0.7071), abs=0.02)
    inner = sorted(plan.sheets[1].front.slots, key=lambda s: -s.y)
    assert (inner[0].y, inner[1].y + plan.page.height) == pytest.approx((148.5 - 0.2, 148.5 + 0.2)), "toward the fold"
    assert [s.rotation for s in plan.sheets[0].back.slots] == [180, 180]  # type: ignore[union-attr]
    marked = topbound.layout(8, A6.landscape, A4, marks=True).sheets[0].front.marks
    assert any(isinstance(m, Line) and m.y0 == m.y1 == pytest.approx(148.5) for m in marked), "fold ticks"


def test_long_edge_flip_turns_the_backs() -> None:
    short = saddle.layout(8, A5, A4)
    long = saddle.layout(8, A5, A4, flip="long")
    assert [s.rotation for s in long.sheets[0].front.slots] == [0, 0]
    assert [s.rotation for s in long.sheets[0].back.slots] == [180, 180]  # type: ignore[union-attr]
    assert long.sheets[0].front == short.sheets[0].front
    assert long.flip == "long" and short.flip == "short"


def test_sections_are_saddle_booklets_of_their_own() -> None:
    # 12 pages, 2 sheets per section: section 1 holds pages 1–8, section 2 pages 9–12
    plan = saddle.layout(12, A5, A4, sheets_per_section=2)
    assert plan.sections == 2
    assert [numbers(side) for side in plan.sides] == [(8, 1), (2, 7), (6, 3), (4, 5), (12, 9), (10, 11)]


def test_creep_moves_inner_sheets_toward_the_spine_within_each_section() -> None:
    plan = saddle.layout(24, A5, A4, creep=0.1, sheets_per_section=3)
    lefts = [min(sheet.front.slots, key=lambda s: s.x).x for sheet in plan.sheets]
    assert lefts == pytest.approx([0.5, 0.6, 0.7, 0.5, 0.6, 0.7])
    # a shifted page crosses the spine: it is clipped to its half of the sheet
    inner = sorted(plan.sheets[1].front.slots, key=lambda s: s.x)
    assert inner[0].clip == (0, 0, 148.5, 210) and inner[1].clip == (148.5, 0, 297, 210)
    assert plan.sheets[0].front.slots[0].clip is None


@pytest.mark.parametrize(("call", "message"), [
    (lambda: saddle.layout(4, A4, A4), "do not fit"),
    (lambda: saddle.layout(4, A5, LETTER), "do not fit"),
    (lambda: saddle.layout(4, A5, A4, blanks="middle"), "--blanks"),
    (lambda: saddle.layout(4, A5, A4, flip="sideways"), "--flip"),
    (lambda: saddle.layout(4, A5, A4, creep=-0.1), "--creep"),
    (lambda: saddle.layout(4, A5, A4, creep=2), "--creep"),
    (lambda: saddle.layout(4, A5, A4, sheets_per_section=0), "--sheets-per-section"),
    (lambda: saddle.layout(0, A5, A4), "no pages"),
    (lambda: saddle.layout(4, A5, A4, marks=True), "no room for --marks"),
    (lambda: onepagezine.layout(8, A6, A4), "do not fit the 74.25 × 105 mm panels"),
])
def test_impossible_plans_are_refused(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BuildError, match=message):
        call()


# Marks ----------------------------------------------------------------------------------------

def page_boxes(side: Side, page: Size) -> list[tuple[float, float, float, float]]:
    return [(s.x, s.y, s.x + placed(page, s.rotation).width, s.y + placed(page, s.rotation).height)
            for s in side.slots]


def outside(line: Line, boxes: list[tuple[float, float, float, float]], sheet: Size) -> bool:
    """The whole line is on the sheet and off every page (sampled along its length)."""
    for t in (i / 10 for i in range(11)):
        x, y = line.x0 + t * (line.x1 - line.x0), line.y0 + t * (line.y1 - line.y0)
        if not (0 <= x <= sheet.width and 0 <= y <= sheet.height):
            return False
        if any(left - 0.5 < x < right + 0.5 and bottom - 0.5 < y < top + 0.5 for left, bottom, right, top in boxes):
            return False
    return True


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.sampled_from([(A5, A3), (A6, A4), (A6, A3), (Size(100, 140), LETTER)]),
       st.sampled_from(["short", "long"]), st.floats(0, 0.3), st.one_of(st.none(), st.integers(1, 4)))
def test_saddle_marks_are_outside_the_pages(pages: int, sizes: tuple[Size, Size], flip: str, creep: float,
                                            per: int | None) -> None:
    page, sheet = sizes
    plan = saddle.layout(pages, page, sheet, marks=True, flip=flip, creep=creep, sheets_per_section=per)
    for side in plan.sides:
        assert side.marks, "every side has fold ticks"
        for mark in side.marks:
            assert isinstance(mark, Line) and outside(mark, page_boxes(side, page), plan.sheet)


def test_saddle_marks_show_the_fold_and_the_staples() -> None:
    plan = saddle.layout(8, A6, A4, marks=True)
    spine = 297 / 2
    front = plan.sheets[0].front.marks
    folds = [m for m in front if isinstance(m, Line) and m.x0 == m.x1]
    staples = [m for m in front if isinstance(m, Line) and m.y0 == m.y1]
    assert {m.x0 for m in folds} == {spine} and len(folds) == 2
    assert sorted({m.y0 for m in staples}) == pytest.approx([31 + 148 / 4, 31 + 3 * 148 / 4])
    # staple ticks only on the outermost sheet, the one the stapler goes through
    assert all(m.x0 == m.x1 for m in plan.sheets[1].front.marks)


def test_onepagezine_marks_need_room() -> None:
    with pytest.raises(BuildError, match="no room for --marks"):
        onepagezine.layout(8, A7ISH, A4, marks=True)
    plan = onepagezine.layout(8, A7ISH, A3, marks=True)
    side = plan.sheets[0].front
    assert all(isinstance(m, Line) and outside(m, page_boxes(side, A7ISH), plan.sheet) for m in side.marks)
    assert {m.x0 for m in side.marks if isinstance(m, Line) and m.x0 == m.x1} == {105, 210, 315}


# One-page zine --------------------------------------------------------------------------------

def test_onepagezine_eight_pages() -> None:
    # FACTS.md §3: bottom row upright p6 p7 p8 p1, top row upside down p5 p4 p3 p2
    plan = onepagezine.layout(8, A7ISH, A4)
    (sheet,) = plan.sheets
    assert sheet.back is None and not plan.duplex
    top = sorted((s for s in sheet.front.slots if s.y >= 105), key=lambda s: s.x)
    bottom = sorted((s for s in sheet.front.slots if s.y < 105), key=lambda s: s.x)
    assert [s.page + 1 for s in bottom if s.page is not None] == [6, 7, 8, 1]
    assert [s.page + 1 for s in top if s.page is not None] == [5, 4, 3, 2]
    assert {s.rotation for s in bottom} == {0} and {s.rotation for s in top} == {180}
    assert [s.x for s in bottom] == pytest.approx([0, 74.25, 148.5, 222.75])
    assert plan.sheet == Size(297, 210)


@pytest.mark.parametrize("pages", range(1, 65))
def test_onepagezine_order_table(pages: int) -> None:
    # FACTS.md §3's rule: upright row a, a+1, a+2, a+3 and upside-down row a−1 … a−4 (mod 8), a = 6
    plan = onepagezine.layout(pages, A7ISH, A4)
    order, _ = padded(pages, 8, "before-back")
    assert len(plan.sheets) == -(-pages // 8)
    for n, sheet in enumerate(plan.sheets):
        def at(position: int, n: int = n) -> int | None:  # 1-based position in this sheet's eight pages
            page = order[8 * n + (position - 1) % 8]
            return None if page is None else page + 1
        expected_top = tuple(at(6 - i) for i in range(1, 5))
        expected_bottom = tuple(at(6 + i) for i in range(4))
        assert numbers(sheet.front) == expected_top + expected_bottom


def test_onepagezine_centres_smaller_pages_in_their_panels() -> None:
    a7 = Size(74, 105)
    slot = next(s for s in onepagezine.layout(8, a7, A4).sheets[0].front.slots if s.page == 0)
    assert (slot.x, slot.y) == pytest.approx((222.75 + 0.125, 0))
    assert onepagezine.panel(A3) == Size(105, 148.5)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 120), st.sampled_from(["before-back", "end"]))
def test_onepagezine_properties(pages: int, blanks: str) -> None:
    plan = onepagezine.layout(pages, A7ISH, A4, blanks=blanks)
    placed_pages = [slot.page for side in plan.sides for slot in side.slots if slot.page is not None]
    assert sorted(placed_pages) == list(range(pages))
    reading = [numbers(side) for side in plan.sides]
    # folded, each sheet reads 1…8 from its bottom-right panel: p1, then the top row right to left…
    flat = [p for top_bottom in reading for p in (top_bottom[7], *top_bottom[3::-1], *top_bottom[4:7])]
    assert [p for p in flat if p is not None] == list(range(1, pages + 1))
    if blanks == "before-back" and pages > 1:
        assert flat[-1] == pages


# Manual duplex, test sheet, sizes, registry ---------------------------------------------------

def test_fronts_then_backs_in_the_order_of_the_tray() -> None:
    plan = saddle.layout(12, A5, A4)
    fronts, backs = plan.fronts_backs()
    assert [numbers(s) for s in fronts] == [(12, 1), (10, 3), (8, 5)]
    assert [numbers(s) for s in backs] == [(6, 7), (4, 9), (2, 11)], "a tray feeding the top sheet: last first"
    assert plan.fronts_backs("top") == (fronts, backs)
    assert [numbers(s) for s in plan.fronts_backs("bottom")[1]] == [(2, 11), (4, 9), (6, 7)]
    with pytest.raises(BuildError, match="--fronts-backs must be one of top, bottom"):
        plan.fronts_backs("middle")


@given(st.integers(1, 40), st.floats(0, 0.3))
@example(5, 0.04531250000000001)  # x = 43.5453125: on a rounding boundary
def test_turning_twice_changes_nothing(pages: int, creep: float) -> None:
    for side in saddle.layout(pages, A6, A4, creep=creep, marks=True).sides:
        twice = turned(turned(side, Size(297, 210), A6), Size(297, 210), A6)
        # Equal within 1e-9 mm: rounding both to 6 decimals failed when a value lay on a rounding
        # boundary (x = 43.5453125 turned twice is 43.545312499999…).
        assert [(s.page, s.rotation, s.clip is None) for s in twice.slots] == \
               [(s.page, s.rotation, s.clip is None) for s in side.slots]
        for again, slot in zip(twice.slots, side.slots):
            assert [again.x, again.y, *(again.clip or ())] == pytest.approx([slot.x, slot.y, *(slot.clip or ())],
                                                                            rel=0, abs=1e-9)


@pytest.mark.parametrize(("layout", "way", "right", "wrong"), [
    (saddle.LAYOUT, A4.landscape, "sur le bord COURT", "--flip long"),
    (topbound.LAYOUT, A4, "sur le bord COURT", "--flip long"),
    (copycutfold.LAYOUT, A4, "sur le bord LONG", "--flip short"),
])
def test_each_layout_has_its_test_sheet(layout: Layout, way: Size, right: str, wrong: str) -> None:
    plan = testsheet.layout(A4, layout, fr.WORDS)
    assert plan.sheet == way and plan.flip == layout.flip and plan.binding == layout.binding
    back = [m for m in plan.sheets[0].back.marks if isinstance(m, Label)]  # type: ignore[union-attr]
    assert any(right in m.text and m.rotation == 0 for m in back)
    assert any(wrong in m.text and m.rotation == 180 for m in back)
    front = " ".join(m.text for m in plan.sheets[0].front.marks if isinstance(m, Label))
    assert ("calendrier" in front) is (layout.binding == "top")


def test_a_one_sided_layout_has_no_test_sheet() -> None:
    with pytest.raises(BuildError, match="a onepagezine sheet is printed on one side only"):
        testsheet.layout(A4, onepagezine.LAYOUT)


@pytest.mark.parametrize(("words", "front", "right", "wrong", "other"), [
    (fr.WORDS, "Cette ligne mesure 100\u00a0mm", "LE RÉGLAGE EST BON", "CHANGEZ LE RÉGLAGE", ("FRONT", "This line")),
    (en.WORDS, "This line is 100\u00a0mm long", "THE SETTING IS RIGHT", "CHANGE THE SETTING", ("RECTO", "Cette")),
])
def test_test_sheet_speaks_on_both_sides_in_one_language(words: Words, front: str, right: str, wrong: str,
                                                         other: tuple[str, ...]) -> None:
    plan = testsheet.layout(A4, words=words)
    (sheet,) = plan.sheets
    assert sheet.back is not None and not sheet.front.slots and not sheet.back.slots
    front_words = " ".join(m.text for m in sheet.front.marks if isinstance(m, Label))
    back = [m for m in sheet.back.marks if isinstance(m, Label)]
    assert front in front_words
    assert not any(word in front_words for word in other), "one language only"
    assert any(right in m.text and m.rotation == 0 for m in back)
    assert any(wrong in m.text and m.rotation == 180 for m in back)
    assert all(0 < m.x < 297 and 0 < m.y < 210 for side in (sheet.front, sheet.back) for m in side.marks
               if isinstance(m, Label))


def test_registry_knows_each_layouts_options() -> None:
    assert set(LAYOUTS) == {"saddle", "topbound", "copycutfold", "onepagezine"}
    assert all(name == layout.name for name, layout in LAYOUTS.items())
    # A top-bound booklet has no side to bind on: no --direction (issue 22).
    assert LAYOUTS["saddle"].options == LAYOUTS["topbound"].options | {"direction"} == {
        "blanks", "flip", "creep", "marks", "sheets_per_section", "scaling", "direction"}
    assert LAYOUTS["copycutfold"].options == {"blanks", "flip", "creep", "scaling", "direction"}
    assert LAYOUTS["onepagezine"].options == {"blanks", "marks", "scaling", "direction"}
    assert OPTIONS == {field.name for field in dataclasses.fields(Options)}, "each Option names a field"
    assert (default(A5).name, default(A5.landscape).name, default(Size(210.5, 210)).name) == (
        "saddle", "topbound", "saddle")


@pytest.mark.parametrize(("name", "page", "way", "flip", "binding", "pages", "copies"), [
    ("saddle", A5, "landscape", "short", "side", 4, 1), ("topbound", A5.landscape, "portrait", "short", "top", 4, 1),
    ("copycutfold", A6, "portrait", "long", "side", 4, 2), ("onepagezine", A7ISH, "landscape", None, "side", 8, 1),
])
def test_each_layout_says_how_it_is_printed(name: str, page: Size, way: str, flip: str | None, binding: str,
                                            pages: int, copies: int) -> None:
    """The values the build, the summary, preflight and the test sheet read (FACTS.md §3), against
    what the plans themselves do."""
    layout = LAYOUTS[name]
    assert (layout.way, layout.flip, layout.binding, layout.pages, layout.copies) == (
        way, flip, binding, pages, copies)
    plan = layout.impose(3, page, A4)
    assert plan.sheet == layout.sheet(A4) == layout.sheet(A4.landscape)
    assert plan.duplex is (flip is not None) and plan.binding == binding
    assert plan.positions == pages * copies * len(plan.sheets)
    if flip is not None:
        other = "long" if flip == "short" else "short"
        assert plan.flip == flip and layout.impose(3, page, A4, Options(flip=other)).flip == other


def test_size_from_points() -> None:
    assert Size.from_points(419.53, 595.28) == Size(148.0, 210.0)
