"""The page margins of the shipped stylesheets, read back from the CSS: the one source of the
text blocks (paper.Format.text_block), which size the pictures (pictures/resample.py).

Read back rather than written from a table (issue 19): the stylesheets are what a designer
edits and what WeasyPrint lays out, their margins sit beside the rules that depend on them
(folios, cover heights), and the HTML the build writes stays as it was; a Python table from
which the CSS were written would put one design in two languages. The CSS is parsed by tinycss2,
WeasyPrint's own parser (no WeasyPrint import: the build process stays light). A test lays each
format out with WeasyPrint and compares (tests/render/test_pictures.py). Only what a page's
margins need is read: `@page` rules, with or without a pseudo-class, and margins in mm.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

import tinycss2
from tinycss2.ast import AtRule, Declaration, DimensionToken, Node, NumberToken

from builder.project import shipped_templates

_SHORTHAND = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}
"""Which of the `margin` shorthand's values sets the top, right, bottom and left margins (CSS 2.1 §8.3)."""
SIDES = ("top", "right", "bottom", "left")
_MARGINS = frozenset({"margin", *(f"margin-{side}" for side in SIDES)})


@functools.cache
def margins(stylesheets: tuple[str, ...], pseudo: str = "") -> tuple[float, float, float, float]:
    """The top, right, bottom and left margins (mm) that the shipped `stylesheets` (in cascade
    order; "" for none) give a page: those of `@page`, then those of `@page {pseudo}` (":right"),
    which win. Raises ValueError on a margin not in mm (the shipped stylesheets give all in mm).
    """
    found = dict.fromkeys(SIDES, 0.0)
    rules = [rule for name in stylesheets if name for rule in _page_rules(name)]
    for selector in ("", pseudo) if pseudo else ("",):
        for rule in rules:
            if tinycss2.serialize(rule.prelude).strip() == selector:
                found.update(_margins(tinycss2.parse_blocks_contents(rule.content or [])))
    return found["top"], found["right"], found["bottom"], found["left"]


def _page_rules(name: str) -> Iterator[AtRule]:
    """The `@page` rules of the shipped stylesheet `name`, in order."""
    css = (shipped_templates() / name).read_text(encoding="utf-8")
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if isinstance(rule, AtRule) and rule.lower_at_keyword == "page":
            yield rule


def _margins(declarations: Sequence[Node]) -> dict[str, float]:
    """The margins, in mm by side, that a page rule's declarations set ("margin: 15mm 14mm;
    margin-left: 17mm"); its margin boxes (@bottom-center { … }) are not the page's."""
    found: dict[str, float] = {}
    for declaration in declarations:
        if not isinstance(declaration, Declaration) or declaration.lower_name not in _MARGINS:
            continue
        values = [_mm(token) for token in declaration.value if token.type not in ("whitespace", "comment")]
        if declaration.lower_name == "margin":
            found.update(zip(SIDES, (values[i] for i in _SHORTHAND[len(values)]), strict=True))
        else:
            found[declaration.lower_name.removeprefix("margin-")] = values[0]
    return found


def _mm(token: Node) -> float:
    if isinstance(token, DimensionToken) and token.lower_unit == "mm":
        return float(token.value)
    if isinstance(token, NumberToken) and token.value == 0:
        return 0.0
    raise ValueError(f"a page margin of the shipped stylesheets is in mm, not {tinycss2.serialize([token])!r}")
