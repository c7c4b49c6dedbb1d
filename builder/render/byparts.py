"""Layout by part: each part of the reading edition laid out as a document of its own (issue 26, item 1).

WeasyPrint lays a document out whole: after a one-word edit in one part of sixty, `zine watch`
laid out all 425 pages again. Here the document is parsed once and cut at the top-level elements
that start its parts (`Document.parts`, the parts' ids): the front matter (cover, contents), then
each part (the last with what follows it, the back cover). Each piece is laid out alone, starting
from the pagination state the pieces before it left (render/resume.py), and the pages of all the
pieces make one WeasyPrint document, written once: one PDF with its outline, links between parts,
tags and metadata, as the whole layout writes them.

A piece whose elements, stylesheets and start (page index, pagination state, the break that
starts it, the page numbers it reads of other parts, the page count if it prints it) are those of
the last layout is not laid out again: its pages are reused (in `zine watch`; a `zine build` is a
fresh process). Page numbers of other parts (the contents page) and the page count are known only
once every piece is laid out: the pieces that read one that changed are laid out again, until
nothing changes (at most `PASSES` times).

When the pieces cannot equal the whole (a part that does not start on a new page, running headers
carried from part to part, notes pushed past a part's last page, counters of elements or quotes
across parts, fixed-position elements, :has() into another part, text or styles right in <body>:
render/carried.py, render/pieces.py), `resume.Unsplittable` says why and the caller lays the
document out whole.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from builder.errors import collected
from builder.files import stamp
from builder.render import carried, resume
from builder.render import pieces as cutting
from builder.render.pieces import Piece
from builder.render.resume import Start, Unsplittable

PASSES = 4
"""Layouts of the pieces before the page numbers they read of each other must have settled."""


@dataclass
class _Laid:
    """A piece as last laid out, with what its layout depended on and what it left."""

    key: tuple[Any, ...]
    document: Any
    state: Any
    tail: tuple[Any, ...]
    """The break-after values and page name its last box ends with (the next piece's break)."""
    last: Any
    anchors: dict[str, dict[str, list[int]]]
    read: dict[str, Any]
    """The page counters of other pieces' anchors it read, as they were."""
    total: int | None
    """The page count it printed (counter(pages)), or None."""
    said: tuple[tuple[int, str], ...]
    served: tuple[Any, ...]
    sizes: dict[str, Any]
    """The document's first page's size and page area, as viewport units read them (resume.Start.sizes)."""


class ByParts:
    """The pieces of one document as last laid out, reused while unchanged (one per document name)."""

    def __init__(self, options: tuple[Any, ...] = ()) -> None:
        self.options = options
        """What the pieces were laid out with besides the document (the font set-up, forms): the
        caller's to compare; pieces laid out with other options are not to be reused."""
        self._laid: dict[str, _Laid] = {}
        self._anchors: dict[str, dict[str, list[int]]] = {}
        self._total = 0
        self.said = ""
        """How the last layout went: how many pieces it laid out anew (the others were reused)."""
        self.layouts = 0
        """How many layouts of a piece the last layout took (a piece that reads the page numbers of
        others, or prints the page count, is laid out again once they are known)."""

    def lay_out(self, whole: Any, parts: Sequence[str], render: Callable[..., Any], served: list[Any]) -> Any:
        """The WeasyPrint document of `whole` (a parsed weasyprint.HTML) laid out piece by piece,
        cut before each element whose id is in `parts`; `render(html, **options)` lays one out
        (HTML.render, with the options the pieces share: _Shared). WeasyPrint's messages and the
        files read (added to `served`, the fetcher's list) of a reused piece are said and listed
        again. Raises resume.Unsplittable."""
        if not resume.available():
            raise Unsplittable("WeasyPrint is not the version layout by part was made for")
        pieces = cutting.cut(whole, parts)
        # Anchors not laid out yet read as page 0 until they are (then the pieces that read them
        # are laid out again): never "undefined", which WeasyPrint would report.
        anchors = {name: self._anchors.get(name, {"page": [0]}) for piece in pieces for name in piece.ids}
        total, shared = self._total, _Shared()
        made: list[_Laid] = []

        def lay(piece: Piece, start: Start, key: tuple[Any, ...]) -> _Laid:
            return _lay_out_piece(whole, piece, start, key, render, shared, served)

        for _ in range(PASSES):
            laid = [*self._pass(pieces, anchors, total, lay, made)]
            self._laid = {piece.name: entry for piece, entry in zip(pieces, laid, strict=True)}
            anchors.update((name, values) for entry in laid for name, values in entry.anchors.items())
            count = sum(len(entry.document.pages) for entry in laid)
            if all(_settled(entry, anchors, count) for entry in laid):
                break
            total = count
        else:
            raise Unsplittable(f"the page numbers parts print of each other did not settle in {PASSES} layouts")
        self._anchors, self._total, self.layouts = anchors, count, len(made)
        fresh = {piece.name for piece in pieces for entry in made if self._laid[piece.name] is entry}
        self.said = f"laid out by part, {len(fresh)} of {len(pieces)} pieces anew"
        _reused(whole, [(piece, entry) for piece, entry in zip(pieces, laid, strict=True)
                        if not any(entry is new for new in made)], shared, served)
        return laid[0].document.copy([page for entry in laid for page in entry.document.pages])

    def _pass(self, pieces: list[Piece], anchors: dict[str, Any], total: int,
              lay_out: Callable[[Piece, Start, tuple[Any, ...]], _Laid], made: list[_Laid]) -> Iterator[_Laid]:
        """Each of `pieces` laid out in turn from where the one before ended (or reused), with
        `anchors` the page counters of every anchor and `total` the page count as best known; the
        pieces laid out anew are added to `made`."""
        before: _Laid | None = None
        index = 0
        for piece in pieces:
            start = Start(index=index, total=total, state=before and before.state, before=before and before.last,
                          anchors={name: values for name, values in anchors.items() if name not in piece.ids},
                          sizes=before.sizes if before else None)
            key = (piece.digest, index, _state_key(start.state), before and before.tail, repr(start.sizes))
            entry = self._laid.get(piece.name)
            # The first piece is always laid out (a few pages): the stylesheets are then read and
            # parsed, which says their warnings and lists their fonts (Renderer.render) each time.
            if (entry is None or entry.key != key or not _settled(entry, start.anchors, total)
                    or not _unchanged(entry.served) or not made):
                entry = lay_out(piece, start, key)
                made.append(entry)
            before, index = entry, index + len(entry.document.pages)
            yield entry


def _reused(whole: Any, reused: list[tuple[Piece, _Laid]], shared: _Shared, served: list[Any]) -> None:
    """The pieces of `whole` reused as last laid out: what their layout said, said again, and the
    files they read added to `served`. Unsplittable if a :has() selector now matches one of their
    elements otherwise than in `whole` (another part changed: pieces.check_relational)."""
    for piece, _ in reused if shared.relational else ():  # (no :has(): no piece's document to make)
        cutting.check_relational(whole, cutting.html(whole, piece), shared.relational, shared.elements)
    for _, entry in reused:
        for level, message in entry.said:
            logging.getLogger("weasyprint").log(level, message)
        served.extend(entry.served)


def _state_key(state: Any) -> str | None:
    """What of a pagination state (right_page, page_state) a piece's pages depend on: not the page
    count (`_Laid.total` says whether a piece prints it), nor named page groups (not carried)."""
    if state is None:
        return None
    right_page, (quotes, counters, scopes, _groups) = state
    return repr((right_page, quotes, {name: values for name, values in counters.items() if name != "pages"}, scopes))


def _unchanged(served: Sequence[Any]) -> bool:
    """Whether each file a piece read (stylesheets, pictures, fonts) is as it was (files.stamp)."""
    return all(stamp(path) == (path, *stamped) for path, *stamped in served)


def _settled(entry: _Laid, anchors: Mapping[str, dict[str, list[int]]], total: int) -> bool:
    """Whether the page numbers `entry` read of other pieces, and the page count it printed, are
    those of `anchors` and `total`."""
    return (all(anchors.get(name, {}).get("page") == values.get("page") for name, values in entry.read.items())
            and entry.total in (None, total))


class _Shared:
    """What the pieces of one layout share, as the whole document's layout has one of each: the
    pictures read (WeasyPrint's `cache`), the counter styles and colour profiles the stylesheets
    define, the stylesheets parsed (resume.Start.sheets) and the files they were read from."""

    def __init__(self) -> None:
        from weasyprint.css.counters import CounterStyle

        self.options: dict[str, Any] = {"cache": {}, "counter_style": CounterStyle(), "color_profiles": {}}
        self.sheets: dict[tuple[int, ...], Any] = {}
        self.served: list[Any] = []
        self.relational: list[Any] = []
        """The :has() selectors of the stylesheets (carried.relational)."""
        self.elements: dict[int, Any] = {}
        """The whole document's wrapped elements (pieces.check_relational)."""


def _lay_out_piece(whole: Any, piece: Piece, start: Start, key: tuple[Any, ...],
                   render: Callable[..., Any], shared: _Shared, served: list[Any]) -> _Laid:
    """`piece` of `whole` laid out from `start`, with what it said and read. The files a piece
    reads include the stylesheets, read by the first piece only (`shared.served`)."""
    from weasyprint.layout.block import _add_break_values

    first_served, parsed = len(served), len(shared.sheets)
    start.sheets = shared.sheets
    html = cutting.html(whole, piece)
    with collected("weasyprint") as records, resume.started(start) as outcome:
        document = render(html, **shared.options)
    if len(shared.sheets) > parsed:  # this piece parsed the stylesheets: what they read
        shared.served.extend(served[first_served:])
        shared.relational = carried.relational(sheet for sheets, *_ in shared.sheets.values() for sheet in sheets)
    cutting.check_relational(whole, html, shared.relational, shared.elements)
    carried.check(outcome, piece.name, document.pages)
    last = carried.last_box(outcome)
    anchors = carried.page_counters(outcome, document.pages)
    return _Laid(key=key, document=document, state=carried.end_state(outcome),
                 tail=(*_add_break_values(last, "after"), last.page_values()[1]), last=last, anchors=anchors,
                 read={name: copy.deepcopy(start.anchors[name]) for name in outcome.read},
                 total=start.total if carried.prints_count(outcome) else None,
                 said=tuple((record.levelno, record.getMessage()) for record in records),
                 served=tuple(dict.fromkeys([*shared.served, *served[first_served:]])),
                 sizes=dict(outcome.context.style_for.initial_page_sizes))
