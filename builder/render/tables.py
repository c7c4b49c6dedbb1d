"""Tables wider than the text: their type made smaller to fit, never below 7 pt, or the build stops.

A table is as wide as its longest words and numbers allow, whatever the page: a twelve-column
table runs off an A5 page, and CSS cannot see it before layout. After layout, each table the
Markdown reader marked (`data-source="content/x.md:12"`, content.blocks) is measured against the
page's text area. One that runs over has its type set smaller by as much as it runs over (its
padding is in em: the whole table scales), and the document is laid out again; at 7 pt (the
smallest type the copier keeps crisp, preflight's threshold) it is refused, with its file and line.

This reads WeasyPrint's laid-out boxes (`page._page_box`), which are not a public API: a
WeasyPrint whose boxes changed raises BuildError here rather than passing wide tables in silence
(tests/render/test_tables.py fails then too).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from builder.errors import BuildError
from builder.paper import PX_PER_MM

SMALLEST_PT = 7.0
"""The smallest type a table is set in to fit (preflight warns below it: FACTS.md §5)."""
PX_PER_PT = 96 / 72
_MARGIN = 0.985
"""A table is set a little smaller than the exact ratio: its rules do not scale with its type."""


@dataclass(frozen=True)
class Wide:
    """A table that runs over the text area: where it comes from, how wide it is, and its type size."""

    source: str
    """content/x.md:12"""
    width_mm: float
    room_mm: float
    """The width of the text area it is in."""
    size_pt: float

    @property
    def fitting_pt(self) -> float:
        """The type size at which it would fit."""
        return self.size_pt * self.room_mm / self.width_mm * _MARGIN


def wide(pages: list[Any]) -> list[Wide]:
    """The tables of laid-out `pages` (WeasyPrint's) that run over their page's text area, each once."""
    found: dict[str, Wide] = {}
    try:
        for page in pages:
            box = page._page_box
            right = box.content_box_x() + box.width
            for table in _tables(box):
                source = table.element.get("data-source")
                over = table.border_box_x() + table.border_width() - right
                if source and over > 0.5 * PX_PER_MM and source not in found:
                    found[source] = Wide(source, table.border_width() / PX_PER_MM, (right - table.border_box_x())
                                         / PX_PER_MM, table.style["font_size"] / PX_PER_PT)
    except (AttributeError, KeyError, TypeError) as error:
        raise BuildError(None, f"internal: the table check no longer understands WeasyPrint's layout ({error!r}); "
                               "this version of WeasyPrint is not supported") from None
    return list(found.values())


def _tables(box: Any) -> Iterator[Any]:
    """The table boxes under `box` (inside their wrappers, which also hold their captions)."""
    for child in getattr(box, "children", ()) or ():
        if getattr(child, "is_table_wrapper", False):
            table = child.get_wrapped_table()
            if table is not None:
                yield table
        else:
            yield from _tables(child)


def fit(lay_out: Callable[[str], Any], document: str, name: str) -> tuple[Any, list[str], list[BuildError]]:
    """Lay `document` out with `lay_out` (HTML in, WeasyPrint's document out) until its tables fit.

    Returns the last layout, a warning for each table set smaller, and an error for each that
    cannot fit at 7 pt (`name`: the document, for messages). A document without a marked table is
    laid out once, and not measured.
    """
    laid_out = lay_out(document)
    if "data-source=" not in document:
        return laid_out, [], []
    first: dict[str, Wide] = {}
    last: dict[str, Wide] = {}
    for _ in range(3):  # the type scales the table almost exactly: once is the rule, twice is rare
        over = wide(laid_out.pages)
        if not over:
            break
        errors = [refused(first.get(table.source, table), name) for table in over if table.fitting_pt < SMALLEST_PT]
        if errors:
            return laid_out, [], errors
        for table in over:
            first.setdefault(table.source, table)
            last[table.source] = table
        document = shrunk(document, over)
        laid_out = lay_out(document)
    else:
        return laid_out, [], [refused(first[table.source], name) for table in wide(laid_out.pages)]
    return laid_out, [notice(first[source], table.fitting_pt) for source, table in last.items()], []


def shrunk(document: str, tables: list[Wide]) -> str:
    """`document` with each of `tables` set at the size that fits it (they must not be below 7 pt)."""
    for table in tables:
        escaped = table.source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        attribute = f'data-source="{escaped}"'  # as markdown-it writes it
        size = f"{table.fitting_pt:.2f}".rstrip("0").rstrip(".")
        document = re.sub(re.escape(attribute) + r'(?: style="font-size: [\d.]+pt")?',
                          f'{attribute} style="font-size: {size}pt"', document)
    return document


def refused(table: Wide, document: str) -> BuildError:
    """The error for a table that does not fit even at 7 pt."""
    where, _, line = table.source.rpartition(":")
    return BuildError(where, f"this table is {table.width_mm:.0f} mm wide at {table.size_pt:.1f} pt, and the text "
                             f"of the {document} is {table.room_mm:.0f} mm wide: even at {SMALLEST_PT:g} pt it would "
                             "not fit; drop a column, shorten the cells, or split it in two", int(line))


def notice(table: Wide, size_pt: float) -> str:
    """The warning for a table (as first measured) set at `size_pt` to fit."""
    return (f"{table.source}: this table was {table.width_mm:.0f} mm wide, the text {table.room_mm:.0f} mm: its type "
            f"is set at {size_pt:.1f} pt instead of {table.size_pt:.1f} pt to fit (drop a column or shorten the "
            "cells to keep the size)")
