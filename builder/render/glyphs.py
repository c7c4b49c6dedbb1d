"""A line of text drawn as WeasyPrint 70 draws it, its glyphs read at once (issue 26, item 2).

Writing the PDF of a 425-page zine spends about a fifth of its time in `draw_first_line`
(weasyprint/draw/text.py), most of it in a Python loop that reads each glyph of each run through
cffi, field by field: glyph, width, x offset, y offset, then a dictionary or two and an f-string.
Here each run's glyphs are read in one go (`struct` over the PangoGlyphInfo array) and the loop
keeps only what a plain line of text needs; the PDF operators written are the same, byte for byte
(tests/render/test_glyphs.py compares whole PDFs drawn both ways).

A line with anything else is drawn by WeasyPrint's own function, unchanged: an ellipsis
(text-overflow, block-ellipsis), a glyph the fonts lack (the .notdef warning), a glyph raised or
lowered (a y offset: the text rise), a colour-glyph font (SVG, PNG or COLR emoji). `install()`
takes only for the WeasyPrint whose function was read and the glyph record size it was read with;
else WeasyPrint is left as it is (slower, never different).

Adapted from WeasyPrint 70.0 (BSD-3-Clause, © 2011-2025 Simon Sapin and contributors).
"""

from __future__ import annotations

import struct
import weakref
from collections.abc import Callable
from typing import Any

from weasyprint.text.ffi import FROM_UNITS

VERSION = "70.0"
"""The WeasyPrint whose draw_first_line was read."""
_GLYPH = struct.Struct("=IiiiI")
"""PangoGlyphInfo: glyph, then its geometry (width, x offset, y offset), then its attributes."""
FIELDS = 5
"""The 4-byte fields of one PangoGlyphInfo (`_GLYPH`)."""
_TOKENS: weakref.WeakKeyDictionary[Any, dict[float, dict[tuple[int, int], str]]] = weakref.WeakKeyDictionary()
"""What a glyph adds to a TJ string, by its font, the font's size, the glyph and its width (with
no x offset): the same each time, once the font knows the glyph's width, which it never forgets."""
_installed = False
original: Callable[..., Any] | None = None
"""WeasyPrint's own draw_first_line, once `install()` took (the tests draw with it too)."""


def install() -> None:
    """Draw plain lines of text this way from now on in this process (once), if WeasyPrint is
    the one this was written for; else leave it as it is."""
    global _installed, original
    import weasyprint
    from weasyprint.draw import text
    from weasyprint.text.ffi import ffi

    if _installed or weasyprint.__version__ != VERSION or ffi.sizeof("PangoGlyphInfo") != _GLYPH.size:
        return
    original = text.draw_first_line
    text.draw_first_line = _drawer(original)
    _installed = True


def _drawer(original: Callable[..., Any]) -> Callable[..., Any]:
    from weasyprint.text.ffi import ffi, pango

    def draw_first_line(stream: Any, textbox: Any, text_overflow: str, block_ellipsis: Any, matrix: Any) -> Any:
        if text_overflow == "ellipsis" or block_ellipsis != "none":
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
            return []
        pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)
        first_line, _ = textbox.pango_layout.get_first_line()
        runs = _runs(stream, first_line, ffi, pango)
        if runs is None:
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        stream.set_text_matrix(*matrix.values)
        _show(stream, textbox, runs, pango)
        return []

    return draw_first_line


def _runs(stream: Any, line: Any, ffi: Any, pango: Any) -> list[tuple[Any, Any, memoryview]] | None:
    """Each run of the line: its glyph item, its font and size (Stream.add_font's pair, looked up
    where the run's font changes, as WeasyPrint does: the same pair while it does not) and its
    glyphs (FIELDS signed ints each); None if a glyph or a font needs WeasyPrint's own way."""
    runs = []
    run, previous, font = line.runs[0], None, None
    while run != ffi.NULL:
        item, run = run.data, run.next
        glyphs = item.glyphs
        fields = memoryview(bytes(ffi.buffer(glyphs.glyphs, glyphs.num_glyphs * _GLYPH.size))).cast("i")
        if max(fields[0::FIELDS], default=0) & pango.PANGO_GLYPH_UNKNOWN_FLAG or any(fields[3::FIELDS]):
            return None  # a glyph the fonts lack (flagged), or one raised or lowered (a y offset)
        if item.item.analysis.font != previous:  # a line's runs share a font, mostly
            previous = item.item.analysis.font
            font = stream.add_font(previous)
            if font[0].svg or font[0].png or font[0].colr:
                return None
        runs.append((item, font, fields))
    return runs


def _show(stream: Any, textbox: Any, runs: list[tuple[Any, Any, memoryview]], pango: Any) -> None:
    """Write the TJ strings of the line's `runs` (_runs), as WeasyPrint's loop writes them."""
    previous, string, utf8 = None, "", b""
    font_size: float = 0
    tokens: dict[tuple[int, int], str] = {}
    for item, added, fields in runs:
        font, size = added
        if added is not previous:  # _runs made a new pair where the run's font changed
            previous, font_size = added, size
            if pango.pango_version() < 14802:  # https://gitlab.gnome.org/GNOME/pango/-/issues/530
                font_size = textbox.style["font_size"]
            if string:
                stream.show_text(string)
            string = ""
            stream.set_font_size(font.hash, 1 if font.bitmap else font_size)
            tokens = _TOKENS.setdefault(font, {}).setdefault(font_size, {})
        parts = ["<"]
        for index, (glyph, width, x_offset) in enumerate(zip(fields[0::FIELDS], fields[1::FIELDS],
                                                             fields[2::FIELDS], strict=True)):
            token = tokens.get((glyph, width)) if not x_offset else None
            if token is None:
                if glyph not in font.to_unicode and glyph != pango.PANGO_GLYPH_EMPTY:
                    utf8 = utf8 or textbox.pango_layout.text.encode()
                    font.to_unicode[glyph] = _characters(item, index, len(fields) // FIELDS, utf8)
                token = _token(stream, font, item.item.analysis.font, glyph, width, x_offset / font_size, font_size,
                               pango)
                if not x_offset:
                    tokens[glyph, width] = token
            parts.append(token)
        string += "".join(parts)
        string = string[:-1] if string[-1] == "<" else string + ">"
    stream.show_text(string)


def _token(stream: Any, font: Any, pango_font: Any, glyph: int, width: int, offset: float, font_size: float,
           pango: Any) -> str:
    """What WeasyPrint's loop adds to the TJ string for one glyph: its x offset, its code and the
    kerning that makes its advance pango's (`width`); for an empty glyph, its advance alone.
    Sets the font's width of the glyph where missing, as WeasyPrint does."""
    if glyph == pango.PANGO_GLYPH_EMPTY:
        return f">{-width / font_size}<"
    token = f">{-offset}<" if offset else ""
    token += f"{glyph:02x}" if font.bitmap else f"{glyph:04x}"
    logical = font.widths.get(glyph)
    if logical is None:
        pango.pango_font_get_glyph_extents(pango_font, glyph, stream.ink_rect, stream.logical_rect)
        logical = font.widths[glyph] = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
    kerning = logical + offset - width * 1000 * FROM_UNITS / font_size
    return token + f">{int(kerning)}<" if kerning else token


def _characters(item: Any, index: int, count: int, utf8: bytes) -> str:
    """The characters glyph `index` of the run `item` (of `count` glyphs) stands for, in `utf8`
    (the layout's text): its cluster, up to the next (the previous one's, right to left)."""
    clusters, offset = item.glyphs.log_clusters, item.item.offset
    start = clusters[index]
    if item.item.analysis.level % 2:  # right to left
        end = item.item.length if index == 0 else clusters[index - 1]
    else:
        end = item.item.length if index == count - 1 else clusters[index + 1]
    return utf8[offset + start:offset + end].decode()
