"""Bound on the top edge: landscape pages one above the other on each side of a portrait sheet.

The booklet of a landscape document (slides, wide tables, a calendar): it opens upward, its
fold along the top of every page. The order is saddle stitch's (FACTS.md §3), the verso of
each spread above the fold and the recto below it, both upright on the sheet.

How to print: duplex (recto-verso), flip on the short edge (« retourner sur le bord court »):
the portrait sheet turns over about its top edge, like a calendar page. Printers that only
flip on the long edge: impose with `flip="long"`, which turns every back side 180°. Keep the
sheets in the order they come out, fold the stack across its middle, printed side out, and
put two staples on the fold.
"""

from __future__ import annotations

from builder.imposition import Imposition
from builder.imposition.layout import OPTIONS, Layout
from builder.imposition.layouts import saddle
from builder.paper import Size


def layout(pages: int, page: Size, sheet: Size, *, blanks: str = "before-back", flip: str = saddle.FLIP,
           creep: float = 0.0, marks: bool = False, sheets_per_section: int | None = None,
           scaling: str = "none") -> Imposition:
    """Impose `pages` pages of size `page` two to a side of `sheet` (portrait), one above the other.

    The options mean what they mean for `saddle.layout`; creep moves pages toward the fold.
    """
    return saddle.booklet(pages, page, sheet, top=True, blanks=blanks, flip=flip, creep=creep, marks=marks,
                          sheets_per_section=sheets_per_section, scaling=scaling)


LAYOUT = Layout("topbound", saddle.booklets(top=True), way="portrait", flip=saddle.FLIP, binding="top",
                pages=saddle.PAGES, options=OPTIONS - {"direction"})
