"""The layouts `zine impose --layout` knows: a name, a module, and its `layout` function."""

from __future__ import annotations

import inspect
from collections.abc import Callable

from builder.imposition import Imposition, onepagezine, saddle

LAYOUTS: dict[str, Callable[..., Imposition]] = {
    "saddle": saddle.layout,
    "onepagezine": onepagezine.layout,
}
"""Each function takes (pages, page size, sheet size) and keyword-only options."""


def options(name: str) -> frozenset[str]:
    """The keyword options a layout takes: the others do not apply to it (`--creep` on a one-page zine)."""
    parameters = inspect.signature(LAYOUTS[name]).parameters.values()
    return frozenset(p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY)


OPTIONS = frozenset(option for name in LAYOUTS for option in options(name))
"""Every layout's options: the command line passes on those the user gave."""
