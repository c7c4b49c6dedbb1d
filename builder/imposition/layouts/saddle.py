"""Saddle stitch: two pages side by side on each side of a sheet, sheets nested, folded, stapled.

How to print: duplex (recto-verso), flip on the short edge ("retourner sur le bord court").
Printers that only flip on the long edge: impose with `flip="long"`, which turns every back
side 180°. Keep the sheets in the order they come out, fold the stack in the middle and put
two staples on the fold. With sections, fold each section (every `sheets_per_section` sheets)
on its own, stack the folded sections in order and sew or glue them at the spine.

Order (FACTS.md §3): with N pages (a multiple of 4) and sheet k counted from the outside,
front = N−2k+2 | 2k−1 and back = 2k | N−2k+1. `booklet` also lays the same order out one page
above the other, for a booklet bound on its top edge (`topbound`).
"""

from __future__ import annotations

from builder.errors import BuildError
from builder.imposition import FLIPS, Imposition, Sheet, Side, Slot, fit, padded, ticks, turned
from builder.imposition.layout import OPTIONS, Edge, Layout, Options, Plan
from builder.paper import Size

FLIP: Edge = "short"
"""The duplex edge of a booklet, side- or top-bound: its sheet turns about the fold's perpendicular."""
PAGES = 4
"""Pages on each sheet, both sides."""


def layout(pages: int, page: Size, sheet: Size, *, blanks: str = "before-back", flip: str = FLIP,
           creep: float = 0.0, marks: bool = False, sheets_per_section: int | None = None,
           scaling: str = "none") -> Imposition:
    """Impose `pages` pages of size `page` two-up on `sheet` (landscape), for saddle stitching.

    `creep` is the paper thickness in mm: the pages of the k-th sheet from the outside of its
    section move (k−1)·creep toward the spine, so that the trimmed fore-edge is even. `scaling`
    says what to do with pages larger or smaller than half the sheet (imposition.fit).
    """
    return booklet(pages, page, sheet, top=False, blanks=blanks, flip=flip, creep=creep, marks=marks,
                   sheets_per_section=sheets_per_section, scaling=scaling)


def booklet(pages: int, page: Size, sheet: Size, *, top: bool, blanks: str, flip: str, creep: float, marks: bool,
            sheets_per_section: int | None, scaling: str) -> Imposition:
    """Saddle order, the pages side by side on a landscape sheet or, if `top`, one above the
    other on a portrait sheet (the verso above the fold, the recto below it)."""
    if flip not in FLIPS:
        raise BuildError(None, f"--flip must be one of {', '.join(FLIPS)}, not {flip!r}")
    if not 0 <= creep <= 1:
        raise BuildError(None, f"--creep is a paper thickness in mm, from 0 to 1, not {creep:g}")
    if sheets_per_section is not None and sheets_per_section < 1:
        raise BuildError(None, f"--sheets-per-section must be at least 1, not {sheets_per_section}")
    sheet = sheet.portrait if top else sheet.landscape
    room = Size(sheet.width, sheet.height / 2) if top else Size(sheet.width / 2, sheet.height)
    placed, scale = fit(page, room, scaling, f"the {room} halves of a sheet of {sheet}")
    order, blank_positions = padded(pages, PAGES, blanks)
    section = PAGES * (sheets_per_section or len(order))
    sheets: list[Sheet] = []
    for start in range(0, len(order), section):
        sheets += _section(order[start:start + section], placed, sheet, creep, marks, top)
    if flip == "long":
        sheets = [Sheet(s.front, turned(s.back, sheet, placed) if s.back else None) for s in sheets]
    return Imposition(sheet=sheet, page=placed, sheets=tuple(sheets), blanks=blank_positions,
                      sections=-(-len(order) // section), flip=flip, scale=scale, binding="top" if top else "side")


def booklets(*, top: bool) -> Plan:
    """`booklet`'s plan, with the options `zine impose` was given (the pages one above the other if `top`)."""
    def plan(pages: int, page: Size, sheet: Size, options: Options, /) -> Imposition:
        return booklet(pages, page, sheet, top=top, blanks=options.blanks, flip=options.flip or FLIP,
                       creep=options.creep, marks=options.marks, sheets_per_section=options.sheets_per_section,
                       scaling=options.scaling)
    return plan


LAYOUT = Layout("saddle", booklets(top=False), way="landscape", flip=FLIP, binding="side", pages=PAGES,
                options=OPTIONS)


def _section(order: tuple[int | None, ...], page: Size, sheet: Size, creep: float, marks: bool,
             top: bool) -> list[Sheet]:
    """The sheets of one folded section, outermost first; `order` is its reading order."""
    count = len(order)

    def side(verso: int, recto: int, shift: float, staples: bool) -> Side:
        slots = _pair(order[verso - 1], order[recto - 1], page, sheet, shift, top)
        if not marks:
            return Side(slots)
        # Staples go a quarter of the way in from each end of the fold; their ticks are in the
        # margins of the outermost sheet, the one the stapler goes through.
        if top:
            x = slots[0].x
            return Side(slots, ticks(slots, page, sheet, ys=(sheet.height / 2,)) + (
                ticks(slots, page, sheet, xs=(x + page.width / 4, x + 3 * page.width / 4)) if staples else ()))
        y = slots[0].y
        return Side(slots, ticks(slots, page, sheet, xs=(sheet.width / 2,)) + (
            ticks(slots, page, sheet, ys=(y + page.height / 4, y + 3 * page.height / 4)) if staples else ()))

    return [Sheet(side(count - 2 * k + 2, 2 * k - 1, (k - 1) * creep, k == 1),
                  side(2 * k, count - 2 * k + 1, (k - 1) * creep, False))
            for k in range(1, count // 4 + 1)]


def _pair(verso: int | None, recto: int | None, page: Size, sheet: Size, shift: float, top: bool) -> tuple[Slot, Slot]:
    """The two pages of a side against the fold, `shift` mm toward it (creep), centred along it.

    Shifted pages overlap at the fold: each is clipped to its half of the sheet.
    """
    if top:
        fold, x = sheet.height / 2, (sheet.width - page.width) / 2
        halves = ((0.0, fold, sheet.width, sheet.height), (0.0, 0.0, sheet.width, fold)) if shift else (None, None)
        return Slot(verso, x, fold - shift, clip=halves[0]), Slot(recto, x, fold - page.height + shift, clip=halves[1])
    spine, y = sheet.width / 2, (sheet.height - page.height) / 2
    halves = ((0.0, 0.0, spine, sheet.height), (spine, 0.0, sheet.width, sheet.height)) if shift else (None, None)
    return Slot(verso, spine - page.width + shift, y, clip=halves[0]), Slot(recto, spine - shift, y, clip=halves[1])
