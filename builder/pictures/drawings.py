"""What an SVG drawing costs to draw, counted before WeasyPrint sees it (issue 25, item 4).

WeasyPrint draws a `<use>` by drawing what it points to again, so a 1 kB file of nested `<use>`,
each pointing ten times at the one below, draws 10⁸ shapes and hangs the build. The file's XML
tree is read with the standard library's parser (expat 2.4 and later refuse an entity that
expands past a bounded amplification: no "billion laughs"), and every element is counted as
often as it is drawn, each `<use>` as a copy of its target, without drawing anything.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from builder.errors import BuildError

SHAPES = 50_000
"""The most elements one SVG drawing may draw, its `<use>` copies counted: a detailed map has some
thousands. Measured (issue 25): WeasyPrint draws about 8,000 a second, in each document that shows
the drawing, and holds about 5 kB for each, so 40,000 shapes add 5 s and 210 MB to a build."""
XLINK = "{http://www.w3.org/1999/xlink}href"


def check(path: Path, name: str, where: str | None, line: int | None, limit: int = SHAPES) -> None:
    """Nothing when the SVG at `path` draws at most `limit` elements; else BuildError at `where`,
    `line` naming the drawing `name`, the limit and the way out. A file that is not XML is left
    to WeasyPrint, which says so."""
    count = drawn(path, limit)
    if count > limit:
        raise BuildError(where, f"picture {name} draws more than {limit:,} shapes, its <use> copies counted, the "
                                "limit for one SVG drawing (issue 25): nested <use> multiply (a drawing made to "
                                "hang the build, or too detailed to print); simplify it, or export it as PNG", line)


def drawn(path: Path, limit: int) -> int:
    """How many elements the SVG at `path` draws, each `<use>` of an element of the file counted
    as a copy of it; a number past `limit` as soon as the count passes it, or when a `<use>`
    points at itself or its own ancestor (drawn for ever). 0 when the file is not XML."""
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError, ValueError):
        return 0
    ids = {element.get("id"): element for element in root.iter() if element.get("id")}
    counts: dict[int, int] = {}
    busy: set[int] = set()
    stack: list[tuple[ElementTree.Element, bool]] = [(root, False)]
    while stack:
        element, done = stack.pop()
        below = [*element, *_target(element, ids)]
        if done:
            busy.discard(id(element))
            counts[id(element)] = min(limit + 1, 1 + sum(counts[id(child)] for child in below))
            continue
        if id(element) in busy:
            return limit + 1
        busy.add(id(element))
        stack.append((element, True))
        stack.extend((child, False) for child in below if id(child) not in counts or id(child) in busy)
    return counts[id(root)]


def _target(element: ElementTree.Element, ids: dict[str | None, ElementTree.Element]) -> list[ElementTree.Element]:
    """What a `<use>` element draws again: the element of the same file it points to (#id), if any."""
    if element.tag.rpartition("}")[2] != "use":
        return []
    reference = element.get("href") or element.get(XLINK) or ""
    found = ids.get(reference[1:]) if reference.startswith("#") else None
    return [found] if found is not None else []
