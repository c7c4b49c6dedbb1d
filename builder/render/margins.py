"""The page margins of the shipped stylesheets, read back from the CSS: the one source of the
text blocks (paper.Format.text_block), which size the pictures (pictures/resample.py).

Read back rather than written from a table (issue 19): the stylesheets are what a designer
edits and what WeasyPrint lays out, their margins sit beside the rules that depend on them
(folios, cover heights), and the HTML the build writes stays as it was; a Python table from
which the CSS were written would put one design in two languages. A test lays each format out
with WeasyPrint and compares (tests/render/test_pictures.py). Only what the shipped stylesheets
use is understood: `@page` rules, with or without a pseudo-class, and margins in mm.
"""

from __future__ import annotations

import functools
import re

from builder.project import shipped_templates

_PAGE_RULE = re.compile(r"@page\s*([^{]*?)\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
"""An @page rule: its selector, and its declarations with the margin boxes nested in them."""
_NESTED = re.compile(r"@[\w-]+\s*\{[^{}]*\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SHORTHAND = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}
"""Which of the `margin` shorthand's values sets the top, right, bottom and left margins (CSS 2.1 §8.3)."""
SIDES = ("top", "right", "bottom", "left")


@functools.cache
def margins(stylesheets: tuple[str, ...], pseudo: str = "") -> tuple[float, float, float, float]:
    """The top, right, bottom and left margins (mm) that the shipped `stylesheets` (in cascade
    order; "" for none) give a page: those of `@page`, then those of `@page {pseudo}` (":right"),
    which win. Raises ValueError on a margin not in mm (the shipped stylesheets give all in mm).
    """
    found = dict.fromkeys(SIDES, 0.0)
    rules = [rule for name in stylesheets if name for rule in _PAGE_RULE.findall(
        _COMMENT.sub("", (shipped_templates() / name).read_text(encoding="utf-8")))]
    for selector in ("", pseudo) if pseudo else ("",):
        for rule, declarations in rules:
            if rule == selector:
                found.update(_margins(_NESTED.sub("", declarations)))
    return found["top"], found["right"], found["bottom"], found["left"]


def _margins(declarations: str) -> dict[str, float]:
    """The margins, in mm by side, that CSS declarations set ("margin: 15mm 14mm; margin-left: 17mm")."""
    found: dict[str, float] = {}
    for declaration in declarations.split(";"):
        name, _, value = (part.strip() for part in declaration.partition(":"))
        if name == "margin":
            values = [_mm(v) for v in value.split()]
            found.update(zip(SIDES, (values[i] for i in _SHORTHAND[len(values)]), strict=True))
        elif name.startswith("margin-"):
            found[name.removeprefix("margin-")] = _mm(value)
    return found


def _mm(value: str) -> float:
    if value == "0" or value.endswith("mm"):
        return float(value.removesuffix("mm"))
    raise ValueError(f"a page margin of the shipped stylesheets is in mm, not {value!r}")
