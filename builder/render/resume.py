"""A piece of a document laid out by WeasyPrint as it would be inside the whole (issue 26, item 1).

Layout by part (render/byparts.py) lays each part of the reading edition out as a document of its
own. For its pages to be the pages the whole document would have, WeasyPrint must start that
document where the whole one would be when the part begins, which it has no option for. Five of its
internals are wrapped while a `Start` is in force (`started`), and only then:

- `layout.initialize_page_maker`: the first page is made in the pagination state the whole
  document had after the previous part's last page (WeasyPrint's `page_maker` entry: the page
  counters, whether the next page is a right-hand one), behind the forced break that the previous
  part's end and this part's start make (`block_level_page_break`, as between two siblings), the
  page named as the part's first box names it, viewport units relative to the document's first
  page (`Start.sizes`). A part that does not start on a new page cannot be laid out alone.
- `layout.page.PageType`: page indexes continue the whole document's (`@page :first`, `:nth()`).
- `document.build_formatting_structure`: `target-counter()` of an anchor in another part (the
  contents page's page numbers) reads the page the whole layout put it on, known from that part
  (`Start.anchors`), instead of discarding the content; which anchors were read is recorded. Other
  counters of it and its text (target-text()) are not known: Unsplittable.
- `layout.len`: `counter(pages)` is the whole document's page count (`Start.total`), not the part's.
- `css.find_stylesheets`: the stylesheets, shared by every part, are parsed once (`Start.sheets`).

Outside a `Start`, each wrapper calls WeasyPrint's own function unchanged. `install()` leaves
WeasyPrint alone when its internals are not the expected ones (`available()` is then False: the
reading edition is laid out whole). With WeasyPrint 70 the PDFs laid out by part are
byte-identical to the whole layout's (tests/render/test_byparts*.py).
"""

from __future__ import annotations

import builtins
import copy
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

FORCED = ("page", "left", "right", "recto", "verso")
"""Break values that start a new page (CSS Fragmentation 3 §3.1): a part must start with one."""


class Unsplittable(Exception):
    """The document cannot be laid out part by part (the message says why): lay it out whole."""

@dataclass
class Start:
    """Where a part begins in the whole document, as the parts before it left the layout."""

    index: int
    """Its first page's index in the whole document (0: the first page)."""
    state: Any = None
    """WeasyPrint's pagination state after the previous part: (right_page, page_state); None for the first part."""
    before: Any = None
    """The previous part's last top-level box (its break-after values); None for the first part."""
    total: int = 0
    """The whole document's page count, as best known: `counter(pages)`."""
    anchors: Mapping[str, dict[str, list[int]]] = field(default_factory=dict)
    """The page counters of every anchor of the other parts (the page they are on)."""
    sizes: dict[str, Any] | None = None
    """The document's first page's size and area (initial_page_sizes, px: viewport units'); None for the first part."""
    sheets: dict[tuple[int, ...], tuple[list[Any], list[Any], list[Any]]] | None = None
    """The stylesheets parsed once for all the parts (they share the <head>; and the CounterStyle and
    colour profiles), by their <style> and <link> elements: the CSS objects, @page rules and layers added."""


@dataclass
class Outcome:
    """What laying a part out left, for the parts after it and for reuse."""

    context: Any = None
    root: Any = None
    read: set[str] = field(default_factory=set)
    """The anchors of other parts whose page it read (target-counter())."""
    footnotes: list[Any] = field(default_factory=list)
    """The boxes of its notes (out of the box tree once laid out)."""


_start: Start | None = None
_outcome: Outcome | None = None


@contextmanager
def started(start: Start) -> Iterator[Outcome]:
    """Lay documents out, meanwhile, as the part of a whole that begins at `start`."""
    global _start, _outcome
    outcome = Outcome()
    _start, _outcome = start, outcome
    try:
        yield outcome
    finally:
        _start = _outcome = None


def body_box(root: Any) -> Any:
    """The <body> box of a document's root box; Unsplittable when there is none, or when <html> or
    <body> is not a block of blocks, or has box edges each part would repeat (carried.frame)."""
    from builder.render import carried

    carried.frame(root)
    if not root.children or root.children[0].element_tag != "body" or not root.children[0].children:
        raise Unsplittable("a part is not a child of <body>")
    return root.children[0]


class _Read(dict[str, Any]):
    """WeasyPrint's target lookup items, recording which anchors of other parts are read."""

    foreign: frozenset[str] = frozenset()
    read: set[str]

    def get(self, key: Any, default: Any = None) -> Any:
        if key in self.foreign:
            self.read.add(key)
        return super().get(key, default)


def _formatting(original: Any) -> Any:
    def build(element_tree: Any, style_for: Any, get_image: Any, base_url: Any, collector: Any,
              *args: Any, **kwargs: Any) -> Any:
        if _start is None or _outcome is None:
            return original(element_tree, style_for, get_image, base_url, collector, *args, **kwargs)
        from weasyprint.css.targets import TargetLookupItem

        items = _Read(collector.target_lookup_items)
        for name, values in _start.anchors.items():
            item = items[name] = items.get(name) or TargetLookupItem()  # (a stand-in's may be "pending")
            item.state, item.target_box = "up-to-date", _Target()
            item.page_maker_index = -1  # on no page of this part
            item.cached_page_counter_values = {**copy.deepcopy(values), "pages": [_start.total]}
        items.read, items.foreign = _outcome.read, frozenset(_start.anchors)  # from now on: what WeasyPrint reads
        collector.target_lookup_items = items
        _outcome.root = original(element_tree, style_for, get_image, base_url, collector, *args, **kwargs)
        _outcome.footnotes = list(args[1] if len(args) > 1 else kwargs.get("footnotes", ()))
        return _outcome.root

    return build


class _Counters(dict[str, list[int]]):
    """An anchor of another part's counters: none but the page's (read from the lookup item)."""

    def __contains__(self, name: object) -> bool:  # another counter's value would be the part's, not the whole's
        if name in ("page", "pages"):
            return False
        raise Unsplittable(f"target-counter() reads the counter {name!r} of an element in another part")


class _Target:
    """An anchor of another part: its page counters only (target-counter()), not its text (target-text())."""
    cached_counter_values = _Counters()

    def extract_text(self, *_: Any) -> str:
        raise Unsplittable("target-text() reads an element in another part")


class _Pinned(dict[str, Any]):
    """Initial page sizes a part's first page does not change (it is not the document's first)."""
    __setitem__ = lambda *_: None  # noqa: E731


def _stylesheets(original: Any) -> Any:
    def find(wrapper: Any, media: Any, fetcher: Any, base_url: Any, font_config: Any, counter_style: Any,
             profiles: Any, page_rules: list[Any], layers: list[Any]) -> Any:
        if _start is None or _start.sheets is None:
            yield from original(wrapper, media, fetcher, base_url, font_config, counter_style, profiles,
                                page_rules, layers)
            return
        key = tuple(id(found.etree_element) for found in wrapper.query_all("style", "link"))
        if key in _start.sheets:
            sheets, added_rules, added_layers = _start.sheets[key]
            page_rules.extend(added_rules)
            layers.extend(added_layers)
        else:
            rules, known = len(page_rules), len(layers)
            sheets = list(original(wrapper, media, fetcher, base_url, font_config, counter_style, profiles,
                                   page_rules, layers))
            _start.sheets[key] = sheets, page_rules[rules:], layers[known:]
        yield from sheets

    return find


def _page_maker(original: Any) -> Any:
    def initialize(context: Any, root_box: Any) -> None:
        original(context, root_box)
        if _start is None or _outcome is None:
            return
        _outcome.context = context
        first = body_box(root_box).children[0]
        if _start.before is None:
            return
        # Viewport units are the whole document's first page's (WeasyPrint sets them on page 1).
        sizes = context.style_for.initial_page_sizes
        sizes.update(_start.sizes or {})
        context.style_for.initial_page_sizes = _Pinned(sizes)
        from weasyprint.layout.block import block_level_page_break

        forced = block_level_page_break(_start.before, first)
        if forced not in FORCED:
            raise Unsplittable(f"a part does not start on a new page (break-before: {forced})")
        right_page, page_state = copy.deepcopy(_start.state)
        page_state[3].clear()  # named page groups (`:nth(… of name)`) are not carried
        *_, remake_state = context.page_maker[0]
        # Resume at <body>'s first box, as the whole layout resumes at the part's (the stand-ins of
        # render/pieces.py make no box): never None, which would end the document after a blank page.
        context.page_maker[0] = ({0: {0: None}}, {"break": forced, "page": first.page_values()[0]}, right_page,
                                 page_state, remake_state)

    return initialize


def _page_type(original: Any) -> Any:
    def page_type(side: Any, blank: Any, name: Any, index: int, groups: Any) -> Any:
        return original(side, blank, name, index + (_start.index if _start is not None else 0), groups)

    return page_type


def _len(value: Any) -> int:
    """`len`, but the document's page count for a part's pages (layout_document's `len(pages)`: counter(pages))."""
    if _start is not None and type(value) is list and value and type(value[0]).__name__ == "PageBox":
        return _start.total
    return builtins.len(value)


def available() -> bool:
    """Whether the wrappers are in place (install() found WeasyPrint as expected)."""
    from weasyprint import layout

    return getattr(layout, "_zine_resume", False)


def install() -> None:
    """Put the wrappers in place, once, if WeasyPrint's internals are the expected ones."""
    from weasyprint import css, document, layout
    from weasyprint.layout import page

    if getattr(layout, "_zine_resume", False):
        return
    if not (hasattr(layout, "initialize_page_maker") and hasattr(page, "PageType") and hasattr(css, "find_stylesheets")
            and page.PageType._fields == ("side", "blank", "name", "index", "groups")
            and hasattr(document, "build_formatting_structure") and "len" not in vars(layout)):
        return
    layout.initialize_page_maker = _page_maker(layout.initialize_page_maker)
    css.find_stylesheets = _stylesheets(css.find_stylesheets)
    page.PageType = _page_type(page.PageType)
    document.build_formatting_structure = _formatting(document.build_formatting_structure)
    layout.len = _len
    layout._zine_resume = True
