"""What drawing a page did, recorded to be replayed (render/replay.py; issue 26).

`record` draws a page on WeasyPrint 70's `Stream` and keeps what the drawing did outside its own
operations, or says (None) that it cannot be replayed: its drawing added what WeasyPrint numbers
by a document-wide count (form XObjects of opacity groups, patterns, shadings, graphics states
other than opacities), showed glyphs of a bitmap or colour font or of two fonts of one name, or
logged a message.
"""

from __future__ import annotations

import array
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pydyf

_HEX = re.compile(rb"<([0-9a-f]*)>")
STATE = ("_current_color", "_current_color_stroke", "_current_alpha", "_current_alpha_stroke",
         "_current_font", "_current_font_size", "_old_font", "_old_font_size")
"""The attributes of a `Stream` that its next operations depend on (besides its transformations)."""


@dataclass
class Glyphs:
    """The glyphs a page showed in one font: the font's key in `Document.fonts`, its name, the
    glyph ids in the order first shown, the width each was shown with (PDF glyph units), and the
    widths and texts the page set itself (those that were missing)."""

    key: Any
    name: str
    used: tuple[int, ...]
    widths: dict[int, int]
    own_widths: dict[int, int]
    own_texts: dict[int, str]


@dataclass
class Record:
    """What drawing a page did, in the state it was drawn in (`start`)."""

    start: tuple[Any, ...]
    ops: bytes
    glyphs: list[Glyphs]
    tags: list[tuple[Any, dict[str, Any]]]
    alphas: list[tuple[str, dict[str, Any]]]
    images: list[tuple[Any, ...]] = field(default_factory=list)
    written: tuple[Any, bytes] | None = None
    """The stream as pydyf last wrote it (compressed), and what it wrote it from."""


class _Heard(logging.Handler):
    """Whether WeasyPrint said anything (a page that warns is drawn each time: it warns each time)."""

    def __init__(self) -> None:
        super().__init__()
        self.heard = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.heard += 1


def record(draw: Callable[[], None], stream: Any, start: tuple[Any, ...]) -> Record | None:
    """The record of `draw`ing a page on `stream`, in the state `start`; None when it cannot be
    replayed (the module's docstring says when). A page recorded leaves its operations on `stream`
    as one item, the bytes pydyf writes for them."""
    resources, fonts, first = stream._resources, stream._fonts, len(stream.stream)
    tagged, sizes = len(stream._tags or ()), {name: len(resources[name]) for name in ("XObject", "Pattern", "Shading")}
    known = {key: (len(font.widths), len(font.to_unicode)) for key, font in fonts.items()}
    images: list[tuple[Any, ...]] = []
    names: set[str] = set()
    add_image = stream.add_image

    def placed(*arguments: Any) -> Any:
        images.append(arguments)
        names.add(name := add_image(*arguments))
        return name

    stream.add_image, heard, logger = placed, _Heard(), logging.getLogger("weasyprint")
    logger.addHandler(heard)
    try:
        draw()
    finally:
        del stream.add_image
        logger.removeHandler(heard)
    added = {name: list(resources[name])[size:] for name, size in sizes.items()}
    if heard.heard or added["Pattern"] or added["Shading"] or not names.issuperset(added["XObject"]):
        return None
    ops = [pydyf._to_bytes(op) for op in stream.stream[first:]]
    glyphs, alphas = _glyphs(ops, fonts, known), _alphas(ops, resources["ExtGState"])
    if glyphs is None or alphas is None:
        return None
    tags = [(box, dict(tag)) for box, tag in list(stream._tags.items())[tagged:]] if stream._tags else []
    joined = b"\n".join(ops)  # what pydyf writes of them: a line each (replay.install checks it)
    stream.stream[first:] = [joined] if ops else []
    return Record(start=start, ops=joined, glyphs=glyphs, tags=tags, alphas=alphas, images=images)


def _alphas(ops: list[bytes], states: Any) -> list[tuple[str, dict[str, Any]]] | None:
    """The graphics states `ops` set, in order, with their entries; None if one is not an opacity
    (`Stream.set_alpha`: named by its value; the others are numbered by a document-wide count)."""
    found: dict[str, dict[str, Any]] = {}
    for op in ops:
        if op.endswith(b" gs"):
            name = op[1:-3].decode()
            if not (name[:1] in ("a", "A") and dict(states[name]).keys() == {"ca" if name[0] == "a" else "CA"}):
                return None
            found.setdefault(name, dict(states[name]))
    return list(found.items())


def _shown(ops: list[bytes]) -> dict[bytes, dict[int, None]] | None:
    """The glyph ids `ops` show, by font name (`/NAME size Tf`), in the order first shown (4
    hexadecimal digits each in a TJ string); None if glyphs are shown before any Tf, or otherwise."""
    shown: dict[bytes, dict[int, None]] = {}
    current = None
    for op in ops:
        if op.endswith(b" Tf"):
            current = shown.setdefault(op[1:op.index(b" ")], {})
        elif op.endswith(b" TJ"):
            shown_hex = b"".join(_HEX.findall(op))
            if current is None or len(shown_hex) % 4:  # (2 digits a glyph: a bitmap font)
                return None
            glyphs = array.array("H", bytes.fromhex(shown_hex.decode()))
            if sys.byteorder == "little":
                glyphs.byteswap()  # (big-endian in the string)
            current.update(dict.fromkeys(glyphs))
    return shown


def _glyphs(ops: list[bytes], fonts: dict[Any, Any], known: dict[Any, tuple[int, int]]) -> list[Glyphs] | None:
    """What `ops` show in each of `fonts` (`Document.fonts`, whose widths and texts had the lengths
    `known` before); None if a font cannot be told by its name, is a bitmap or colour font, or got
    glyphs that `ops` do not show."""
    shown, by_name = _shown(ops), dict[bytes, list[tuple[Any, Any]]]()
    for key, font in fonts.items():
        by_name.setdefault(font.hash.encode(), []).append((key, font))
    if shown is None or any(len(by_name.get(name, ())) != 1 for name in shown):
        return None
    if any((len(font.widths), len(font.to_unicode)) != known.get(key, (-1, -1))
           for key, font in fonts.items() if font.hash.encode() not in shown):  # (or a font made, unused)
        return None
    found = []
    for name, used in shown.items():
        [(key, font)] = by_name[name]
        widths, texts = known.get(key, (0, 0))
        own_widths, own_texts = dict(list(font.widths.items())[widths:]), dict(list(font.to_unicode.items())[texts:])
        if (font.bitmap or font.png or font.svg or font.colr or not used.keys() >= own_widths.keys() | own_texts.keys()
                or not all(glyph in font.widths for glyph in used)):
            return None
        found.append(Glyphs(key=key, name=font.hash, used=tuple(used), own_widths=own_widths, own_texts=own_texts,
                             widths={glyph: font.widths[glyph] for glyph in used}))
    return found

