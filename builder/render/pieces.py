"""The pieces of a document laid out by part: its <body> cut before each part (issue 26, item 1).

Layout by part (render/byparts.py) lays each piece out as a WeasyPrint document of its own, whose
<head> is the whole document's and whose <body> holds the piece's elements. The stylesheets must
style them as in the whole: a selector that reads an element's siblings (`.part + .part-letter`,
`:nth-child()`, `:last-child`, `~`) must see the same siblings. So the other top-level elements
of <body> stay in each piece, each as a stand-in: the same tag and attributes, no content, and
`display: none` (it makes no box, counts no counter and holds no anchor of its own: resume.py).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.render.resume import Unsplittable

CARRIED = re.compile(r"string-set|running\(|counter-(?:increment|reset|set)\s*:\s*(?!none\b|list-item\b)[a-z]")
"""What one piece's layout would carry to the next (running headers, counters of elements): such
a document is laid out whole. Notes are numbered per part already (content/notes.py)."""
HIDDEN = "display: none !important"
"""The style of a stand-in (a style attribute: it outweighs every stylesheet's rule)."""


@dataclass(frozen=True)
class Piece:
    """Top-level elements of <body> laid out together (children[begin:end]), and what identifies them."""

    name: str
    begin: int
    end: int
    ids: frozenset[str]
    digest: str
    """Of the <head>, the <body>'s attributes, the piece's elements and the tags and attributes
    of the other top-level elements (which its selectors may read)."""


def cut(whole: Any, parts: Sequence[str]) -> list[Piece]:
    """The top-level elements of `whole`'s <body> (a parsed weasyprint.HTML), cut before each
    element whose id is in `parts` (in that order: the front matter first, if any). Unsplittable
    if a part is not found there, or if the stylesheets carry something from part to part (CARRIED)."""
    root = whole.etree_element
    body = root.find("body")
    head = root.find("head")
    if body is None or head is None:
        raise Unsplittable("the document has no <head> or <body>")
    styles = ElementTree.tostring(head, encoding="unicode")
    if CARRIED.search(styles) or any(CARRIED.search(element.text or "") for element in root.iter("style")):
        raise Unsplittable("its stylesheets carry running headers or counters from part to part")
    children = list(body)
    starts = [index for index, element in enumerate(children) if element.get("id") in set(parts)]
    if len(starts) != len(parts) or not starts:
        raise Unsplittable("its parts are not all top-level elements of <body>")
    skeleton = repr([(child.tag, child.attrib) for child in children])
    bounds = ([0] if starts[0] > 0 else []) + starts + [len(children)]
    pieces = []
    for begin, end in itertools.pairwise(bounds):
        elements = children[begin:end]
        text = "".join(ElementTree.tostring(element, encoding="unicode") for element in elements)
        pieces.append(Piece(name=elements[0].get("id") or "front", begin=begin, end=end,
                            ids=frozenset(found.get("id") for element in elements for found in element.iter()
                                          if found.get("id")),
                            digest=hashlib.sha256(f"{styles}\x00{body.attrib}\x00{skeleton}\x00{text}".encode())
                            .hexdigest()))
    return pieces


def carried(served: Sequence[tuple[Any, ...]]) -> None:
    """Unsplittable if a stylesheet among the files `served` ((path, …) each: the <link>ed and
    @import-ed ones the layout read) carries running headers or counters from part to part
    (CARRIED, outside comments): the <head> names those files, it does not hold their rules."""
    for path, *stamped in served:
        if Path(path).suffix.lower() == ".css" and stamped[-1:] != [-1]:  # -1: missing, another layer's served
            text = re.sub(r"/\*.*?\*/", "", Path(path).read_text(encoding="utf-8", errors="replace"), flags=re.S)
            if found := CARRIED.search(text):
                raise Unsplittable(f"its stylesheet {Path(path).name} carries running headers or counters from part "
                                   f"to part ({found.group(0).split(':')[0].strip()})")


def alone(whole: Any, piece: Piece) -> Any:
    """A weasyprint.HTML of `whole`'s head and `piece`'s elements (shared, not copied: WeasyPrint
    does not change the tree it reads), the other top-level elements of <body> as stand-ins."""
    import cssselect2  # type: ignore[import-untyped]
    from weasyprint import HTML

    root = whole.etree_element
    copy_root = ElementTree.Element(root.tag, root.attrib)
    head, body = root.find("head"), root.find("body")
    new_body = ElementTree.Element("body", body.attrib)
    new_body.extend(child if piece.begin <= index < piece.end else _stand_in(child)
                    for index, child in enumerate(body))
    copy_root.extend([head, new_body])
    made = HTML.__new__(HTML)
    made.base_url, made.url_fetcher, made.media_type = whole.base_url, whole.url_fetcher, whole.media_type
    made.wrapper_element = cssselect2.ElementWrapper.from_html_root(copy_root, content_language=None)
    made.etree_element = made.wrapper_element.etree_element
    return made


def _stand_in(element: Any) -> Any:
    """`element` without its content, hidden: its tag and attributes for the selectors to read."""
    return ElementTree.Element(element.tag, {**element.attrib, "style": HIDDEN})
