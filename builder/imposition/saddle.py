"""Saddle stitch: two pages side by side on each side of a sheet, sheets nested, folded, stapled.

How to print: duplex (recto-verso), flip on the short edge ("retourner sur le bord court").
Printers that only flip on the long edge: impose with `flip="long"`, which turns every back
side 180°. Fold the stack in the middle, nest nothing (the sheets are already in order), and
put two staples on the fold.

Order (FACTS.md §3): with N pages (a multiple of 4) and sheet k counted from the outside,
front = N−2k+2 | 2k−1 and back = 2k | N−2k+1.
"""

from __future__ import annotations

from builder.errors import BuildError
from builder.imposition import FLIPS, Imposition, Sheet, Slot, padded, turned
from builder.model import Size


def layout(pages: int, page: Size, sheet: Size, *, blanks: str = "before-back",
           flip: str = "short", creep: float = 0.0) -> Imposition:
    """Impose `pages` pages of size `page` two-up on `sheet` (landscape), for saddle stitching.

    `creep` is the paper thickness in mm: the pages of the k-th sheet from the outside move
    (k−1)·creep toward the spine, so that the trimmed fore-edge of the folded booklet is even.
    """
    if flip not in FLIPS:
        raise BuildError(None, f"--flip must be one of {', '.join(FLIPS)}, not {flip!r}")
    sheet = sheet.landscape
    if 2 * page.width > sheet.width + 0.01 or page.height > sheet.height + 0.01:
        raise BuildError(None, f"two pages of {page} do not fit side by side on a sheet of {sheet}: "
                               "choose a larger --sheet (pages are never scaled)")
    order, blank_positions = padded(pages, 4, blanks)
    count = len(order)
    spine = sheet.width / 2
    y = (sheet.height - page.height) / 2

    def side(left: int, right: int, shift: float) -> tuple[Slot, Slot]:
        return (Slot(order[left - 1], spine - page.width + shift, y),
                Slot(order[right - 1], spine - shift, y))

    sheets = []
    for k in range(1, count // 4 + 1):
        shift = (k - 1) * creep
        front = side(count - 2 * k + 2, 2 * k - 1, shift)
        back = side(2 * k, count - 2 * k + 1, shift)
        sheets.append(Sheet(front, turned(back, sheet, page) if flip == "long" else back))
    return Imposition(sheet=sheet, page=page, sheets=tuple(sheets), blanks=blank_positions)
