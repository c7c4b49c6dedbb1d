"""Two copies of a saddle-stitched booklet on each sheet, cut in half across: the A6 booklet on A4.

The sheet is used portrait and cut across its middle. Each half holds one spread in saddle
order (the order of `saddle`, FACTS.md §3), the upper half the same as the lower one: print the
stack recto-verso, cut it in half along the short axis, fold each half-stack in the middle and
staple it. pdfimpose calls this layout "copycutfold".

How to print: duplex, flip on the **long** edge (the portrait sheet turns about its vertical
axis, as a landscape saddle sheet does on its short edge). Printers that only flip on the short
edge: impose with `flip="short"`, which turns every back side 180°.
"""

from __future__ import annotations

from builder.errors import BuildError
from builder.imposition import FLIPS, Imposition, Sheet, Side, Slot, turned
from builder.imposition.layout import Edge, Layout, Options
from builder.imposition.layouts import saddle
from builder.paper import Size

COPIES = 2
"""Copies of the booklet on each side of a sheet."""
FLIP: Edge = "long"
"""The duplex edge: the portrait sheet turns about its vertical axis, as a saddle sheet does."""


def layout(pages: int, page: Size, sheet: Size, *, blanks: str = "before-back", flip: str = FLIP,
           creep: float = 0.0, scaling: str = "none") -> Imposition:
    """Impose `pages` pages of size `page` (mm) two spreads to a side of `sheet` (portrait).

    Each half of the sheet (sheet height / 2) is a saddle sheet of its own, laid out by
    `saddle.layout`; `creep` (mm of paper thickness), `blanks` and `scaling` mean what they mean
    there: a page larger than a quarter of the sheet is refused, or scaled to fit.
    """
    if flip not in FLIPS:
        raise BuildError(None, f"--flip must be one of {', '.join(FLIPS)}, not {flip!r}")
    sheet = sheet.portrait
    half = Size(sheet.width, sheet.height / COPIES)
    one = saddle.layout(pages, page, half, blanks=blanks, creep=creep, scaling=scaling)
    page = one.page

    def copies(side: Side) -> Side:
        # The lower half as saddle laid it out, then the same spread raised into the upper half.
        return Side(side.slots + tuple(_raised(slot, half.height) for slot in side.slots))

    sheets = [Sheet(copies(s.front), copies(s.back) if s.back else None) for s in one.sheets]
    if flip == "short":
        sheets = [Sheet(s.front, turned(s.back, sheet, page) if s.back else None) for s in sheets]
    return Imposition(sheet=sheet, page=page, sheets=tuple(sheets), blanks=one.blanks, flip=flip, scale=one.scale)


def _plan(pages: int, page: Size, sheet: Size, options: Options, /) -> Imposition:
    return layout(pages, page, sheet, blanks=options.blanks, flip=options.flip or FLIP, creep=options.creep,
                  scaling=options.scaling)


LAYOUT = Layout("copycutfold", _plan, way="portrait", flip=FLIP, binding="side", pages=saddle.PAGES, copies=COPIES,
                options=frozenset({"blanks", "flip", "creep", "scaling", "direction"}))


def _raised(slot: Slot, by: float) -> Slot:
    clip = slot.clip and (slot.clip[0], slot.clip[1] + by, slot.clip[2], slot.clip[3] + by)
    return Slot(slot.page, slot.x, slot.y + by, slot.rotation, clip)
