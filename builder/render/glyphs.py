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
from collections.abc import Callable
from typing import Any

VERSION = "70.0"
"""The WeasyPrint whose draw_first_line was read."""
_GLYPH = struct.Struct("=IiiiI")
"""PangoGlyphInfo: glyph, then its geometry (width, x offset, y offset), then its attributes."""
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


def _runs(stream: Any, line: Any, ffi: Any, pango: Any) -> list[tuple[Any, Any, list[tuple[int, ...]]]] | None:
    """Each run of the line: its glyph item, its font (Stream.add_font: registered in the order
    WeasyPrint registers them) and its glyphs; None if a glyph or a font needs WeasyPrint's own way."""
    runs = []
    run = line.runs[0]
    while run != ffi.NULL:
        item, run = run.data, run.next
        glyphs = item.glyphs
        infos = list(_GLYPH.iter_unpack(ffi.buffer(glyphs.glyphs, glyphs.num_glyphs * _GLYPH.size)))
        if any(glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG or rise for glyph, _, _, rise, _ in infos):
            return None
        font, size = stream.add_font(item.item.analysis.font)
        if font.svg or font.png or font.colr:
            return None
        runs.append((item, (font, size), infos))
    return runs


def _show(stream: Any, textbox: Any, runs: list[tuple[Any, Any, list[tuple[int, ...]]]], pango: Any) -> None:
    """Write the TJ strings of the line's `runs` (_runs), as WeasyPrint's loop writes them."""
    from weasyprint.text.ffi import FROM_UNITS

    previous, string, utf8 = None, "", b""
    font_size: float = 0
    for item, (font, size), infos in runs:
        pango_font = item.item.analysis.font
        if pango_font != previous:
            previous, font_size = pango_font, size
            if pango.pango_version() < 14802:  # https://gitlab.gnome.org/GNOME/pango/-/issues/530
                font_size = textbox.style["font_size"]
            if string:
                stream.show_text(string)
            string = ""
            stream.set_font_size(font.hash, 1 if font.bitmap else font_size)
        widths, to_unicode, wide = font.widths, font.to_unicode, not font.bitmap
        parts = ["<"]
        for index, (glyph, width, x_offset, _, _) in enumerate(infos):
            if glyph == pango.PANGO_GLYPH_EMPTY:
                parts.append(f">{-width / font_size}<")
                continue
            if glyph not in to_unicode:
                utf8 = utf8 or textbox.pango_layout.text.encode()
                to_unicode[glyph] = _characters(item, index, len(infos), utf8)
            offset = x_offset / font_size
            if offset:
                parts.append(f">{-offset}<")
            parts.append(f"{glyph:04x}" if wide else f"{glyph:02x}")
            logical = widths.get(glyph)
            if logical is None:
                pango.pango_font_get_glyph_extents(item.item.analysis.font, glyph, stream.ink_rect, stream.logical_rect)
                logical = widths[glyph] = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
            kerning = logical + offset - width * 1000 * FROM_UNITS / font_size
            if kerning:
                parts.append(f">{int(kerning)}<")
        string += "".join(parts)
        string = string[:-1] if string[-1] == "<" else string + ">"
    stream.show_text(string)


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
