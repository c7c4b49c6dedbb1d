"""Pages drawn once and replayed after, in a warm session (issue 26: a rebuild draws what changed).

In `zine watch`, a part that did not change keeps its laid-out pages (render/byparts.py): the same
WeasyPrint `Page` objects, build after build. WeasyPrint 70's `write_pdf` drew every one of them
again (≈6.5 s of a one-word rebuild of 425 pages, most of it in draw_text). Drawing a page is
deterministic given what it finds, so `Page.paint` is wrapped while `painting()` is in force, and
only then: a page drawn is recorded (painted.Record, kept on the page object, forgotten with it
when its piece is laid out again), and a page found recorded is replayed when it is drawn in the
same state (scale, tags on or off, colour profiles, the stream's state: `_start`) and what its
drawing read is as it was. What drawing a page changes outside its own operations, and how a
replay does the same:

- the glyphs it shows, registered on the document's `Font` objects (`widths`, `to_unicode`): its
  glyphs, in the order it first shows them, are set where missing, to the values its own drawing
  set. The fonts must exist (a page that shows a font first is drawn), and each glyph must be
  missing, or have the width its kerning was computed with (another page may have set it first,
  at another size: rounded otherwise), and a text the page knows;
- its marked content (PDF/UA tags: the page's boxes, the same objects, and their MCIDs);
- the opacities it sets (ExtGState `a…`/`A…`, named by their value), in order;
- the pictures it places (`Stream.add_image`, whose names come from the picture's URL), in order.

Pages whose drawing numbers what it adds by a document-wide count (opacity groups, patterns,
shadings) are never recorded (painted.record says which): they are drawn each time. So a replay
leaves the document as its drawing would, and the PDF is byte for byte the one drawn
(tests/render/test_replay.py). A recorded page's stream also keeps what pydyf wrote of it,
compressed, while its items are the same (`_kept`: zlib was ≈4 s of the same rebuild).

`install()` wraps `Page.paint` only for WeasyPrint 70.0, where these internals were read; outside
`painting()`, or for any other page, WeasyPrint draws as it does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pydyf

from builder.render.painted import STATE, Record, record

VERSION = "70.0"
"""The WeasyPrint whose drawing the records reproduce (render/painted.py)."""


@dataclass
class Counts:
    """Pages drawn and replayed while `painting()` was last in force."""

    drawn: int = 0
    replayed: int = 0


last = Counts()
"""The counts of the last `painting()` (the tests read them)."""
_active = False


@contextmanager
def painting() -> Iterator[Counts]:
    """Record the pages drawn meanwhile, and replay those recorded (`last` counts them)."""
    global _active, last
    last, _active = Counts(), True
    try:
        yield last
    finally:
        _active = False


def install() -> None:
    """Wrap `Page.paint` (once), if WeasyPrint is the version these records were made for, and pydyf
    writes a stream's items a line each."""
    import weasyprint
    from weasyprint import document
    from weasyprint.pdf.stream import Stream

    if (weasyprint.__version__ != VERSION or available()
            or pydyf.Stream([b"q", b"Q"]).data != pydyf.Stream([b"q\nQ"]).data):  # (a record's operations: one item)
        return
    original = document.Page.paint

    def paint(page: Any, stream: Any, scale: float = 1) -> None:
        if not _active:
            original(page, stream, scale)
            return
        done = getattr(page, "_zine_painted", None)
        if done is not None and replayed(done, stream, scale):
            last.replayed += 1
        else:
            last.drawn += 1
            done = page._zine_painted = recorded(lambda: original(page, stream, scale), stream, scale)
        if done is not None:
            stream.__class__, stream._zine_record = kept, done

    kept = _kept(Stream)
    document.Page.paint = paint
    document.Page._zine_replay = True


def available() -> bool:
    """Whether `install()` took: WeasyPrint 70.0, pydyf writing a stream's items a line each."""
    from weasyprint import document

    return bool(getattr(document.Page, "_zine_replay", False))


def recorded(draw: Callable[[], None], stream: Any, scale: float) -> Record | None:
    """The record of `draw`ing a page on `stream` at `scale`, in the stream's state (painted.record)."""
    return record(draw, stream, _start(stream, scale))


def replayed(done: Record, stream: Any, scale: float) -> bool:
    """Whether the page recorded in `done` was replayed on `stream` at `scale`: only in the state
    it was drawn in, with its glyphs as it found them (then its drawing is written again)."""
    return done.start == _start(stream, scale) and _replay(done, stream)


def _kept(base: type) -> type:
    """`base` (WeasyPrint's Stream) for a recorded page: its PDF data, compressed, is kept on its
    record and written again while the stream's items are the same."""

    class Kept(base):  # type: ignore[misc]
        @property
        def data(self) -> bytes:
            record, key = self._zine_record, (self.compress, dict(self.extra), list(self.stream))
            if record.written is None or record.written[0] != key:
                record.written = key, super().data
            data: bytes = record.written[1]
            return data

    return Kept


def _start(stream: Any, scale: float) -> tuple[Any, ...]:
    """What drawing a page on `stream` depends on besides the page and the glyphs it finds."""
    tags = stream._tags
    return (scale, tags is None, len(tags or ()), tuple(stream.page_rectangle), stream._output_intent,
            tuple(stream._color_profiles), repr([getattr(stream, name) for name in STATE]),
            repr(stream._ctm_stack), len(stream.stream) and pydyf._to_bytes(stream.stream[-1]))


def _replay(record: Record, stream: Any) -> bool:
    """Whether `record` could be replayed on `stream` (then it was): its fonts are there, and each
    glyph it shows is missing or has the width it was shown with."""
    fonts = stream._fonts
    for glyphs in record.glyphs:
        font = fonts.get(glyphs.key)
        if font is None or font.hash != glyphs.name:
            return False
        widths, texts = font.widths, font.to_unicode
        for glyph in glyphs.used:
            width = widths.get(glyph)
            if (glyphs.widths[glyph] != width if width is not None else glyph not in glyphs.own_widths) or (
                    glyph not in texts and glyph not in glyphs.own_texts):
                return False
    for glyphs in record.glyphs:
        font = fonts[glyphs.key]
        for glyph in glyphs.used:
            if glyph not in font.to_unicode:
                font.to_unicode[glyph] = glyphs.own_texts[glyph]
            if glyph not in font.widths:
                font.widths[glyph] = glyphs.own_widths[glyph]
    if record.ops:
        stream.stream.append(record.ops)
    for box, tag in record.tags:
        stream._tags[box] = dict(tag)
    states = stream._resources["ExtGState"]
    for name, values in record.alphas:
        if name not in states:
            states[name] = pydyf.Dictionary(values)
    for image in record.images:
        stream.add_image(*image)
    return True  # (the stream's state after a page is never read: WeasyPrint draws nothing after it)

