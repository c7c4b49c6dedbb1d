"""What the layout of one part would carry into the next, which layout by part cannot (issue 26, item 1).

Render/resume.py carries the pagination state, page numbers and the page count from part to part.
Whatever else flows from one part into the next makes the parts' layouts differ from the whole
document's: `check` looks at a part once laid out and raises resume.Unsplittable, naming it, so
the document is laid out whole instead:

- a counter of elements shown in a part (`counter(figure)`) that the part does not start again
  before (`counter-reset`/`counter-set`): its value would come from the parts before;
- running headers (`string-set`, `position: running()`): a page without its own shows the last
  part's;
- notes that did not fit on a part's last page: in the whole document they go on the next part's
  first page, alone they make a page of their own;
- a counter shown in a part that only <html> or <body> resets: the whole document counts on from
  part to part (each part's own <html> and <body> would start it again);
- quotation marks opened in a part and not closed there (`open-quote`): the next part's quotes are
  one level deeper in the whole document;
- content before or after <html> or <body> (`body::before`): the whole document has it once,
  each part would repeat it;
- fixed-position elements (`position: fixed`): the whole document repeats them on every page,
  a part only on its own;
- an element that sets the page counter (`counter-reset: page`): target-counter() of its anchors
  reads it in the whole document, not in the other parts (render/resume.py's `_Target`).

`end_state`, `page_counters` and `last_box` are what a part's layout does carry to the next (its
pagination state, the pages its anchors are on, its break-after values). `prints_count` says
whether a part's pages show the page count (`counter(pages)`), so that its layout is redone when
the count changes.
"""

from __future__ import annotations

import copy
import types
from collections.abc import Iterable
from typing import Any

from builder.render.resume import Outcome, Unsplittable, body_box

RELATIONAL = frozenset({"iter_subtree", "iter_children", "iter_next_siblings"})
"""What cssselect2's code for `:has()` asks of an element (compiler._compile_node), and no other selector."""

PAGE_COUNTERS = frozenset({"page", "pages"})
"""Counters of pages, not of elements: carried by resume.py."""


def check(outcome: Outcome, name: str, pages: Iterable[Any] = ()) -> None:
    """Unsplittable when the layout of part `name` (its `outcome`; `pages`, its WeasyPrint Page
    objects) carries something into the next part."""
    context = outcome.context
    if any(page._page_box.fixed_boxes for page in pages):
        raise Unsplittable(f"the part {name!r} has fixed-position elements (position: fixed), which the whole "
                           "document repeats on every page")
    body = body_box(outcome.root)
    if any(child.element_tag.endswith(("::before", "::after")) for child in (*outcome.root.children, *body.children)):
        raise Unsplittable("<html> or <body> has content before or after it (::before, ::after), which each part "
                           "would repeat")
    if any(texts for carried in (context.string_set, context.running_elements)
           for pages in carried.values() for texts in pages.values()):
        raise Unsplittable("running headers (string-set, running elements) are carried from part to part")
    quotes, pages_set, shown = _walk(_boxes(outcome))
    if quotes:
        raise Unsplittable(f"quotation marks opened in the part {name!r} are not closed there (open-quote)")
    if pages_set:
        raise Unsplittable(f"an element of the part {name!r} sets the page counter (counter-reset: page), which "
                           "target-counter() of other parts reads")
    if shown:
        raise Unsplittable(f"the counter {shown!r} is shown in the part {name!r} without being reset there "
                           "(counter-reset)")
    makers = context.page_maker  # a page begun where the content had ended: notes that did not fit
    if any(makers[index][0] is None and makers[index - 1][0] is not None for index in range(1, len(makers) - 1)):
        raise Unsplittable(f"notes of the part {name!r} run past its last page")


def frame(root: Any) -> None:
    """Unsplittable when <html> (the root box `root`) or <body> is laid out otherwise than as a
    block of blocks (display, columns), or has what a part laid out alone would draw otherwise: a
    margin, border or padding at its top or bottom (each part would repeat it), a border or
    outline on its sides (it would end with each part's last line, not at the page's foot), a
    background of <body>'s own (<html> has one: <body>'s is not the page's)."""
    for box in (root, *(root.children[:1])):
        style, tag = box.style, box.element_tag
        if (style["display"] not in (("block", "flow"), ("block", "flow-root"))
                or (style["column_count"], style["column_width"]) != ("auto", "auto")):
            raise Unsplittable(f"<{tag}> is not laid out as a block of blocks (display, columns)")
        edges = (style["margin_top"], style["margin_bottom"], style["padding_top"], style["padding_bottom"])
        if any(edge.value for edge in edges) or style["border_top_width"] or style["border_bottom_width"]:
            raise Unsplittable(f"<{tag}> has a margin, border or padding at its top or bottom")
        if style["border_left_width"] or style["border_right_width"] or style["outline_width"]:
            raise Unsplittable(f"<{tag}> has a border or outline on its sides, which would end with each part")
        if box is not root and _painted(root.style) and _painted(style):
            raise Unsplittable("<body> has a background of its own (<html> has one), which would end with each part")


def _painted(style: Any) -> bool:
    """Whether a box's style gives it a background (a colour not transparent, or an image)."""
    return style["background_color"].alpha > 0 or any(image[0] != "none" for image in style["background_image"])


def prints_count(outcome: Outcome) -> bool:
    """Whether the part's pages show the document's page count: in its content (WeasyPrint asked for
    it while laying the part out) or in a page margin box (then on every page). True when the
    styles cannot be read."""
    context = outcome.context
    if any("pages" in item.missing_counters or any("pages" in names for names in item.missing_target_counters.values())
           for item in context.target_collector.counter_lookup_items.values()):
        return True
    sheets = getattr(context.style_for, "_sheets", None)
    if sheets is None:
        return True
    return any(declaration[0] == "content" and "'pages'" in repr(declaration[1])
               for sheet, *_ in sheets for *_, declarations in sheet.page_rules for declaration in declarations)


def _boxes(outcome: Outcome) -> Iterable[Any]:
    """Every box of the part's own elements (not <html> or <body>, whose counters and quotes the
    whole document carries from part to part), in document order, then its notes' (taken out of
    the tree)."""
    for child in body_box(outcome.root).children:
        yield from child.descendants()
    for note in outcome.footnotes:
        yield from note.descendants()


def _walk(boxes: Iterable[Any]) -> tuple[bool, bool, str | None]:
    """What `boxes` (a part's, in document order) carry into the next part, in one walk: whether
    quotation marks opened (open-quote, no-open-quote) are left open at the end, counted as
    WeasyPrint does (build.compute_content_list: a close at depth 0 stays at 0); whether one sets
    the page counter; the first counter of elements shown (in `content`) before any box of the
    part resets or sets it (its value would come from earlier parts; lists reset their own)."""
    depth, pages_set, shown = 0, False, None
    started: set[str] = set()
    for box in boxes:
        style = box.style
        for key in ("counter_reset", "counter_set", "counter_increment"):
            names = {name for name, *_ in _pairs(style[key])}
            pages_set = pages_set or bool(names & PAGE_COUNTERS)
            if key != "counter_increment":
                started |= names
        content = style["content"]
        for item in content if isinstance(content, (list, tuple)) else ():
            if item[0] == "quote":
                depth = depth + 1 if "open" in item[1] else max(0, depth - 1)
            elif item[0] in ("counter()", "counters()") and item[1][0] not in started | PAGE_COUNTERS:
                shown = shown or str(item[1][0])
    return depth > 0, pages_set, shown


def _pairs(value: Any) -> Iterable[tuple[Any, ...]]:
    """The (name, value) pairs of a computed counter-reset/counter-set ('none' or 'auto': none)."""
    return value if isinstance(value, (list, tuple)) else ()


def end_state(outcome: Outcome) -> tuple[Any, Any]:
    """The pagination state after the part's last page: (right_page, page_state), for the next part."""
    _, _, right_page, page_state, _ = outcome.context.page_maker[-1]
    return right_page, copy.deepcopy(page_state)


def page_counters(outcome: Outcome, pages: list[Any]) -> dict[str, dict[str, list[int]]]:
    """The page counters (WeasyPrint's page_state values: page, pages) of each anchor on `pages`
    (WeasyPrint Page objects of this part, in order), where it first appears."""
    found: dict[str, dict[str, list[int]]] = {}
    for number, page in enumerate(pages, start=1):
        values = outcome.context.page_maker[number][3][1]
        for name in page.anchors:
            found.setdefault(name, copy.deepcopy(values))
    return found


def last_box(outcome: Outcome) -> Any:
    """The part's last top-level box (a child of <body>), whose break-after values meet the next part's."""
    return body_box(outcome.root).children[-1]


def relational(sheets: Iterable[Any]) -> list[Any]:
    """The selector tests (cssselect2's compiled functions of a wrapped element) of the rules of
    `sheets` (WeasyPrint CSS objects) that have a `:has()`: they may look into other parts
    (render/pieces.py's `check_relational`)."""
    tests = []
    for sheet in sheets:
        matcher = sheet.matcher
        groups = [*matcher.id_selectors.values(), *matcher.class_selectors.values(),
                  *matcher.lower_local_name_selectors.values(), *matcher.namespace_selectors.values(),
                  matcher.lang_attr_selectors, matcher.other_selectors]
        tests += [test for entries in groups for test, *_ in entries if _asks(test.__code__)]
    return tests


def _asks(code: types.CodeType) -> bool:
    """Whether `code` (a compiled selector's, with the generators in it) uses a RELATIONAL name."""
    return bool(RELATIONAL & set(code.co_names)) or any(
        _asks(const) for const in code.co_consts if isinstance(const, types.CodeType))
