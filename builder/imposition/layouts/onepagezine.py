"""One-page zine: eight small pages on one side of one sheet, one cut, folded into a booklet.

How to print: one-sided, at 100 %. Crease the sheet into eight panels (fold it in half each
way, then each half again across), fold it in half across (short edges together) and cut along
the middle crease from that fold to the next crease: the cut runs along the sheet's middle from
¼ to ¾ of its width. Unfold, fold it in half lengthwise with the printed side out, push the ends
together so the cut opens, and flatten into a booklet, page 1 on top. Each further eight pages
make another sheet.

Panels (FACTS.md §3): the sheet, landscape, is four panels across and two down (74.25 × 105 mm
on A4). Bottom row upright p6 p7 p8 p1; top row upside down p5 p4 p3 p2: the upright row holds
a, a+1, a+2, a+3 and the upside-down row a−1 … a−4 (mod 8), with a = 6.
"""

from __future__ import annotations

from builder.imposition import Imposition, Line, Sheet, Side, Slot, fit, padded, ticks
from builder.imposition.layout import Layout, Options
from builder.paper import Size

PAGES = 8
"""Pages on one sheet."""
CUT_WIDTH = 0.5
"""Points: the cut line, as thin as a copier still prints."""
BOTTOM = (5, 6, 7, 0)
"""0-based positions in the sheet's eight pages, left to right, bottom row (upright)."""
TOP = (4, 3, 2, 1)
"""Top row, left to right (upside down)."""


def panel(sheet: Size) -> Size:
    """The place of one page: a quarter of the landscape sheet's width, half its height."""
    sheet = sheet.landscape
    return Size(round(sheet.width / 4, 3), round(sheet.height / 2, 3))


def cut(sheet: Size) -> Line:
    """The one cut, drawn on every sheet: along the middle, from the first vertical fold to the last.

    It runs over the pages' top margins (the two rows meet there, head to head), so it crosses
    no text; cutting exactly along it, fold to fold, is what lets the sheet close into a booklet.
    """
    room = panel(sheet)
    return Line(room.width, room.height, 3 * room.width, room.height, CUT_WIDTH)


def layout(pages: int, page: Size, sheet: Size, *, blanks: str = "before-back", marks: bool = False,
           scaling: str = "none") -> Imposition:
    """Impose `pages` pages of size `page` eight to a side of `sheet` (landscape), one-sided.

    Each page is centred in its panel, `panel(sheet)`; `scaling` says what to do with pages larger
    or smaller than a panel (imposition.fit): lay the document out at the panel's size to print
    it at 100 % (A7, 74 × 105 mm, fits A4).
    """
    sheet = sheet.landscape
    room = panel(sheet)
    page, scale = fit(page, room, scaling, f"the {room} panels of a one-page zine on a sheet of {sheet}")
    order, blank_positions = padded(pages, PAGES, blanks)
    dx, dy = (room.width - page.width) / 2, (room.height - page.height) / 2
    sheets = []
    for start in range(0, len(order), PAGES):
        slots = tuple(
            [Slot(order[start + at], i * room.width + dx, dy) for i, at in enumerate(BOTTOM)]
            + [Slot(order[start + at], i * room.width + dx, room.height + dy, 180) for i, at in enumerate(TOP)])
        folds = ticks(slots, page, sheet, xs=(room.width, 2 * room.width, 3 * room.width),
                      ys=(room.height,)) if marks else ()
        sheets.append(Sheet(Side(slots, (cut(sheet), *folds)), None))
    return Imposition(sheet=sheet, page=page, sheets=tuple(sheets), blanks=blank_positions, scale=scale)


def _plan(pages: int, page: Size, sheet: Size, options: Options, /) -> Imposition:
    return layout(pages, page, sheet, blanks=options.blanks, marks=options.marks, scaling=options.scaling)


LAYOUT = Layout("onepagezine", _plan, way="landscape", flip=None, binding="side", pages=PAGES,
                options=frozenset({"blanks", "marks", "scaling", "direction"}))
