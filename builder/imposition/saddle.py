"""Saddle stitch: two pages side by side on each side of a sheet, sheets nested, folded, stapled.

How to print: duplex (recto-verso), flip on the short edge ("retourner sur le bord court").
Printers that only flip on the long edge: impose with `flip="long"`, which turns every back
side 180°. Keep the sheets in the order they come out, fold the stack in the middle and put
two staples on the fold. With sections, fold each section (every `sheets_per_section` sheets)
on its own, stack the folded sections in order and sew or glue them at the spine.

Order (FACTS.md §3): with N pages (a multiple of 4) and sheet k counted from the outside,
front = N−2k+2 | 2k−1 and back = 2k | N−2k+1.
"""

from __future__ import annotations

from builder.errors import BuildError
from builder.imposition import FLIPS, Imposition, Sheet, Side, Slot, fits, padded, ticks, turned
from builder.paper import Size


def layout(pages: int, page: Size, sheet: Size, *, blanks: str = "before-back", flip: str = "short",
           creep: float = 0.0, marks: bool = False, sheets_per_section: int | None = None) -> Imposition:
    """Impose `pages` pages of size `page` two-up on `sheet` (landscape), for saddle stitching.

    `creep` is the paper thickness in mm: the pages of the k-th sheet from the outside of its
    section move (k−1)·creep toward the spine, so that the trimmed fore-edge is even.
    """
    if flip not in FLIPS:
        raise BuildError(None, f"--flip must be one of {', '.join(FLIPS)}, not {flip!r}")
    sheet = sheet.landscape
    if not fits(Size(2 * page.width, page.height), sheet):
        raise BuildError(None, f"two pages of {page} do not fit side by side on a sheet of {sheet}: "
                               "choose a larger --sheet (pages are never scaled)")
    if not 0 <= creep <= 1:
        raise BuildError(None, f"--creep is a paper thickness in mm, from 0 to 1, not {creep:g}")
    if sheets_per_section is not None and sheets_per_section < 1:
        raise BuildError(None, f"--sheets-per-section must be at least 1, not {sheets_per_section}")
    order, blank_positions = padded(pages, 4, blanks)
    section = 4 * (sheets_per_section or len(order))
    sheets: list[Sheet] = []
    for start in range(0, len(order), section):
        sheets += _section(order[start:start + section], page, sheet, creep, marks)
    if flip == "long":
        sheets = [Sheet(s.front, turned(s.back, sheet, page) if s.back else None) for s in sheets]
    return Imposition(sheet=sheet, page=page, sheets=tuple(sheets), blanks=blank_positions,
                      sections=-(-len(order) // section), flip=flip)


def _section(order: tuple[int | None, ...], page: Size, sheet: Size, creep: float, marks: bool) -> list[Sheet]:
    """The sheets of one folded section, outermost first; `order` is its reading order."""
    count = len(order)
    spine = sheet.width / 2
    y = (sheet.height - page.height) / 2

    def side(left: int, right: int, shift: float, staples: bool) -> Side:
        # Shifted pages overlap at the spine: each is clipped to its half of the sheet.
        halves = ((0.0, 0.0, spine, sheet.height), (spine, 0.0, sheet.width, sheet.height)) if shift else (None, None)
        slots = (Slot(order[left - 1], spine - page.width + shift, y, clip=halves[0]),
                 Slot(order[right - 1], spine - shift, y, clip=halves[1]))
        if not marks:
            return Side(slots)
        # Staples go a quarter of the way in from the head and the foot; their ticks are in the
        # side margins of the outermost sheet, the one the stapler goes through.
        heights = (y + page.height / 4, y + 3 * page.height / 4) if staples else ()
        return Side(slots, ticks(slots, page, sheet, xs=(spine,)) + (
            ticks(slots, page, sheet, ys=heights) if staples else ()))

    return [Sheet(side(count - 2 * k + 2, 2 * k - 1, (k - 1) * creep, k == 1),
                  side(2 * k, count - 2 * k + 1, (k - 1) * creep, False))
            for k in range(1, count // 4 + 1)]
