"""Text and fonts of a PDF, as printed: fonts not embedded, fonts not shipped, text too small.

Print facts from shared FACTS.md §5: small text fills in on a photocopy, and a font that is
not embedded is replaced at the copy shop. Walks pdfium's page objects, into Form XObjects
with their matrices composed, so an imposed or scaled-down page is measured as printed.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from builder.errors import pages, plural
from builder.model import Finding

SMALLEST_PT = 7.0
"""Text below this size fills in or breaks up on a photocopy."""
STANDARD_14 = frozenset({
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats"})
"""The fonts PDF readers must provide (PDF 1.7, 9.6.2.2): not embedding them is a warning only."""


@dataclass
class Font:
    """What a document does with one font: embedded or not, on which pages, a few of its characters."""

    embedded: bool
    pages: set[int] = field(default_factory=set)
    chars: set[str] = field(default_factory=set)


CHARS = 12
"""Characters kept of each font (Font.chars), to show in a finding."""


@dataclass(frozen=True)
class Seen:
    """What the text of one page shows preflight, whatever its number (kept by page digest: reader.py)."""

    small: str
    """The warning about text too small to survive a photocopy, "" if none."""
    uses: tuple[tuple[str, bool, str], ...]
    """Each text object's font (base name), whether the PDF embeds it, and its first CHARS
    characters, in page order: what `record` makes of them (each triple once: again adds nothing)."""


def measure(path: Path, number: int, page: pdfium.PdfPage, used: dict[str, Font]) -> list[Finding]:
    """Record the fonts the text uses in `used`; flag text too small to survive a photocopy
    (`read`, then `record`)."""
    seen = read(page)
    record(seen, number, used)
    return [Finding(path, number, "warning", seen.small)] if seen.small else []


def read(page: pdfium.PdfPage) -> Seen:
    """The fonts of the page's text, and whether any is too small to survive a photocopy.

    Walks the page's text objects (a line or a run each, not each character), into Form XObjects
    with their matrices composed: an imposed or scaled-down page is measured as printed.
    """
    textpage = page.get_textpage()
    small: list[tuple[float, int]] = []
    uses: dict[tuple[str, bool, str], None] = {}
    fonts: dict[int | None, tuple[str, bool]] = {}
    try:
        for handle, scale in _text_objects(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject,
                                           (1.0, 0.0, 0.0, 1.0)):
            if pdfium_c.FPDFTextObj_GetTextRenderMode(handle) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                continue  # an OCR layer under a scan: never printed
            text = "".join(_object_text(handle, textpage).split())
            if not text:
                continue
            size = ctypes.c_float()
            pdfium_c.FPDFTextObj_GetFontSize(handle, size)
            uses.setdefault((*_font(pdfium_c.FPDFTextObj_GetFont(handle), fonts), text[:CHARS]), None)
            if size.value * scale < SMALLEST_PT - 0.01:
                small.append((size.value * scale, len(text)))
    finally:
        textpage.close()
    if not small:
        return Seen("", tuple(uses))
    count = sum(length for _, length in small)
    return Seen(f"{plural(count, 'character')} below {SMALLEST_PT:g} pt (smallest "
                f"{min(size for size, _ in small):.1f} pt): they fill in on a photocopy", tuple(uses))


def record(seen: Seen, number: int, used: dict[str, Font]) -> None:
    """Add the fonts of page `number`, as `read` saw them, to `used` (a font's first CHARS characters)."""
    for name, embedded, text in seen.uses:
        font = used.setdefault(name, Font(embedded))
        font.pages.add(number)
        for char in text[: CHARS - len(font.chars)]:
            font.chars.add(char)


def _text_objects(parent: object, count: object, get: object,
                  linear: tuple[float, float, float, float]) -> Iterable[tuple[object, float]]:
    """(text object, scale) for every text object under `parent`, forms included, at any depth."""
    for index in range(count(parent)):  # type: ignore[operator]
        handle = get(parent, index)  # type: ignore[operator]
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        matrix = pdfium_c.FS_MATRIX()
        if not pdfium_c.FPDFPageObj_GetMatrix(handle, matrix):
            matrix.a, matrix.b, matrix.c, matrix.d = 1.0, 0.0, 0.0, 1.0
        a, b, c, d = linear
        composed = (matrix.a * a + matrix.b * c, matrix.a * b + matrix.b * d,
                    matrix.c * a + matrix.d * c, matrix.c * b + matrix.d * d)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            yield handle, abs(composed[0] * composed[3] - composed[1] * composed[2]) ** 0.5
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _text_objects(handle, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                                     composed)


_TEXT = ctypes.create_string_buffer(4096)
"""Where a text object's text is read (a worker reads one page at a time): a second call only for
a longer one. One call, not two, for most objects: about a tenth of `read` (issue 26)."""


def _object_text(handle: object, textpage: pdfium.PdfTextPage) -> str:
    buffer = _TEXT
    length = pdfium_c.FPDFTextObj_GetText(handle, textpage.raw, ctypes.cast(buffer, _UTF16), len(buffer))
    if length > len(buffer):  # pdfium copies nothing then, and says how long it is
        buffer = ctypes.create_string_buffer(length)
        pdfium_c.FPDFTextObj_GetText(handle, textpage.raw, ctypes.cast(buffer, _UTF16), length)
    return buffer.raw[: length - 2].decode("utf-16-le", errors="replace") if length > 2 else ""


_UTF16 = ctypes.POINTER(ctypes.c_ushort)


def _font(font: Any, known: dict[int | None, tuple[str, bool]]) -> tuple[str, bool]:  # a pdfium FPDF_FONT
    """The font's base name and whether the PDF embeds it, each font read once per page (`known`)."""
    if not font:
        return "(unnamed font)", False
    address = ctypes.cast(font, ctypes.c_void_p).value
    if address not in known:
        buffer = ctypes.create_string_buffer(256)
        length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
        name = buffer.value.decode("latin-1") if length else "(unnamed font)"
        known[address] = name, pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
    return known[address]


def font_findings(path: Path, used: dict[str, Font], allowed: Collection[str]) -> list[Finding]:
    """Fonts not embedded (an error, a warning for the 14 standard ones) and, when families are
    `allowed`, fonts that are none of them (the machine filled in a glyph)."""
    findings = []
    families = {_plain(family) for family in allowed}
    for name, font in sorted(used.items(), key=lambda item: item[0].split("+", 1)[-1]):
        base = name.split("+", 1)[-1]  # drop the subset tag: ABCDEF+Charis-SIL
        if not font.embedded and base in STANDARD_14:
            # Every PDF reader and printer has these (or metric twins): text still fits its place.
            findings.append(Finding(path, None, "warning", f"font {base} is not embedded ({pages(font.pages)}): "
                                                           "one of the 14 standard PDF fonts, which printers "
                                                           "replace with a look-alike of the same widths"))
        elif not font.embedded:
            findings.append(Finding(path, None, "error", f"font {base} is not embedded ({pages(font.pages)}): "
                                                         "the printer will substitute another font"))
        elif families and not any(_plain(base).startswith(family) for family in families):
            chars = " ".join(sorted(font.chars))
            findings.append(Finding(path, None, "warning", f"font {base} is not a shipped font ({pages(font.pages)}; "
                                                           f"{chars}): the machine filled in glyphs missing from "
                                                           "the shipped fonts"))
    return findings


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


