"""The layouts `zine impose --layout` knows: a name, a module, and its `layout` function."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType

from builder.imposition import Imposition
from builder.imposition.layouts import copycutfold, onepagezine, saddle, topbound
from builder.paper import Size

MODULES: dict[str, ModuleType] = {
    "saddle": saddle,
    "topbound": topbound,
    "copycutfold": copycutfold,
    "onepagezine": onepagezine,
}
"""The layout modules by name: each has a `layout` function, and SHEET, FLIP and BINDING if printed duplex."""
LAYOUTS: dict[str, Callable[..., Imposition]] = {name: module.layout for name, module in MODULES.items()}
"""Each function takes (pages, page size, sheet size) and keyword-only options."""


def default(page: Size) -> str:
    """The layout of a document whose user named none: a booklet, bound on the top edge when its
    pages are landscape (two stacked on a portrait side fit better than side by side)."""
    return "topbound" if page.is_landscape else "saddle"


def options(name: str) -> frozenset[str]:
    """The keyword options a layout takes: the others do not apply to it (`--creep` on a one-page zine)."""
    parameters = inspect.signature(LAYOUTS[name]).parameters.values()
    return frozenset(p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY)


OPTIONS = frozenset(option for name in LAYOUTS for option in options(name))
"""Every layout's options: the command line passes on those the user gave."""
