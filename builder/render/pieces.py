"""The reading edition cut into pieces, each a WeasyPrint document of its own (issue 26, item 1).

The document is parsed once; `cut` groups the top-level elements of its <body> into pieces,
cut before each element that starts a part: the front matter (cover, contents), then each part,
the last with what follows it (the back cover). `html` makes a piece's document: the whole
document's <head> and, in its <body>, the piece's elements (the same objects: WeasyPrint reads
the tree, it never changes it) among stand-ins for every other top-level element: each a copy of
the element without its content, `display: none`. Selectors that look at siblings (`.part +
.part-letter`, `:first-child`, `:nth-child()`, `:empty`) so match as they do in the whole document,
and nothing of the other pieces is styled or laid out. Selectors that look into the content of
other elements (`:has()`) may see the stand-ins' missing content: `check_relational` compares
their matches with the whole document's.
"""

from __future__ import annotations

import hashlib
import itertools
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from builder.render.resume import Unsplittable

HIDDEN = "display: none !important"
"""The style of a stand-in (an attribute: it outweighs every rule, CSS Cascade 4 §6.4)."""


@dataclass(frozen=True)
class Piece:
    """Top-level elements of <body> laid out together, and what identifies them."""

    name: str
    """The id of its first element (a part's slug), or "front"."""
    elements: tuple[Any, ...]
    ids: frozenset[str]
    """Every id in it: the anchors other pieces may point to."""
    digest: str
    """SHA-256 of its elements, of the <head> and of every top-level element's tag and attributes."""


def cut(whole: Any, parts: Sequence[str]) -> list[Piece]:
    """The pieces of `whole` (a parsed weasyprint.HTML), cut before each top-level element of its
    <body> whose id is in `parts`: the front matter first, if any. Unsplittable if a part is not
    a top-level element, if <body> has text outside its elements (a piece would lose it, or
    repeat it with the stand-ins' tails) or a stylesheet (the stand-ins have none)."""
    root = whole.etree_element
    body, head = root.find("body"), root.find("head")
    if body is None or head is None:
        raise Unsplittable("the document has no <head> or <body>")
    children = list(body)
    if any(text and text.strip() for text in (body.text, *(element.tail for element in children))):
        raise Unsplittable("<body> has text of its own, outside its elements (a template's)")
    if any(element.tag in ("style", "link") for element in body.iter()):
        raise Unsplittable("<body> has a <style> or <link> (a template's): it would style its own piece only")
    wanted = set(parts)
    starts = [index for index, element in enumerate(children) if element.get("id") in wanted]
    if len(starts) != len(wanted) or not starts:
        raise Unsplittable("its parts are not all top-level elements of <body>")
    # What every piece's styles depend on besides its own elements: the head, <html> and <body>,
    # and the siblings the stand-ins copy (whether each is empty too: `:empty`).
    frame = repr((ElementTree.tostring(head, encoding="unicode"), root.attrib, body.attrib,
                  [(element.tag, element.attrib, bool(element.text or len(element))) for element in children]))
    pieces = []
    for begin, end in itertools.pairwise(([0] if starts[0] > 0 else []) + starts + [len(children)]):
        elements = tuple(children[begin:end])
        text = "".join(ElementTree.tostring(element, encoding="unicode") for element in elements)
        pieces.append(Piece(name=elements[0].get("id") or "front", elements=elements,
                            ids=frozenset(found.get("id") for element in elements for found in element.iter()
                                          if found.get("id")),
                            digest=hashlib.sha256(f"{frame}\x00{text}".encode()).hexdigest()))
    return pieces


def html(whole: Any, piece: Piece) -> Any:
    """A weasyprint.HTML of `whole`'s <head> and `piece`'s elements among stand-ins for the others."""
    import cssselect2  # type: ignore[import-untyped]
    from weasyprint import HTML

    root = whole.etree_element
    head, body = root.find("head"), root.find("body")
    new_root, new_body = ElementTree.Element(root.tag, root.attrib), ElementTree.Element("body", body.attrib)
    own = {id(element) for element in piece.elements}
    new_body.extend(element if id(element) in own else _stand_in(element) for element in body)
    new_root.extend([head, new_body])
    document = HTML.__new__(HTML)
    document.base_url, document.url_fetcher, document.media_type = whole.base_url, whole.url_fetcher, whole.media_type
    document.wrapper_element = cssselect2.ElementWrapper.from_html_root(new_root, content_language=None)
    document.etree_element = document.wrapper_element.etree_element
    return document


def _stand_in(element: Any) -> Any:
    """`element` without its content, hidden: a sibling selectors see, never laid out."""
    copy = ElementTree.Element(element.tag, {**element.attrib, "style": HIDDEN})
    copy.text = element.text or (" " if len(element) else None)  # `:empty` only if the element is
    copy.tail = element.tail
    return copy


def check_relational(whole: Any, piece: Any, tests: Sequence[Any], elements: dict[int, Any]) -> None:
    """Unsplittable when one of `tests` (`:has()` selectors: carried.relational) matches an element
    of `piece` (its weasyprint.HTML: html()) otherwise than in `whole`: it looked into another
    part's content (`body:has(…)`, `.part:has(…) + .part`), which the stand-ins leave out.
    `elements`: the wrappers of `whole`'s elements by id of their ElementTree element, filled at
    the first call."""
    if not tests:
        return
    if not elements:
        elements.update((id(wrapper.etree_element), wrapper) for wrapper in whole.wrapper_element.iter_subtree())
    root = whole.etree_element
    frame = {id(piece.etree_element): id(root), id(piece.etree_element.find("body")): id(root.find("body"))}
    for wrapper in piece.wrapper_element.iter_subtree():
        key = frame.get(id(wrapper.etree_element), id(wrapper.etree_element))
        if key in elements and any(test(wrapper) != test(elements[key]) for test in tests):
            raise Unsplittable("a :has() selector looks into the content of another part")
