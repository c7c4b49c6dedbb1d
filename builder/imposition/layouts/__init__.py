"""The layouts, one module each (saddle.py, topbound.py, copycutfold.py, onepagezine.py): pure
functions from a page count and sizes to an `Imposition`, and each module's `LAYOUT` value
(imposition.layout.Layout); testsheet.py draws the duplex test sheet of any of them.

Adding a layout is one module with its `LAYOUT`, and its line here.
"""

from __future__ import annotations

from builder.imposition.layout import Layout
from builder.imposition.layouts import copycutfold, onepagezine, saddle, topbound
from builder.paper import Size

LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (
    saddle.LAYOUT, topbound.LAYOUT, copycutfold.LAYOUT, onepagezine.LAYOUT)}
"""The layouts `zine impose --layout` and a format (paper.Format.layout) name, by name."""


def default(page: Size) -> Layout:
    """The layout of a document whose user named none: a booklet, bound on the top edge when its
    pages are landscape (two stacked on a portrait side fit better than side by side)."""
    return topbound.LAYOUT if page.is_landscape else saddle.LAYOUT
