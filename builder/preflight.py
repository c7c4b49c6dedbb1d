"""Preflight: read any PDF back and list what would go wrong at the copy shop.

`check` never raises on a bad PDF: an unreadable file is one more finding, and the caller
judges (the build stops on errors; `zine check --strict` also on warnings). Print facts from
shared FACTS.md §5: small text fills in, and a font that is not embedded is replaced at the
copy shop; what the copier does to ink (colour, greys, the edges) is in `builder.ink`.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader

from builder import ink
from builder.model import A3, A4, A5, LETTER, Finding, Size, plural

SMALLEST_PT = 7.0
"""Text below this size fills in or breaks up on a photocopy."""
STANDARD_14 = frozenset({
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats"})
"""The fonts PDF readers must provide (PDF 1.7, 9.6.2.2): not embedding them is a warning only."""
SIZE_TOLERANCE_MM = 1.0


@dataclass(frozen=True)
class Expectation:
    """What the pages of one kind of PDF must be."""

    label: str
    size: Size
    even: bool = False
    """Printed recto-verso as a booklet: the number of sides must be even."""


EXPECTATIONS = {
    "reading": Expectation("A5 reading pages", A5),
    "booklet": Expectation("A4 landscape booklet sheets", A4.landscape, even=True),
    "letters": Expectation("A4 letters", A4),
    "minizine": Expectation("A4 landscape one-page-zine sheet", A4.landscape),
    **{name.lower(): Expectation(name, size) for name, size in
       (("A3", A3), ("A4", A4), ("A5", A5), ("Letter", LETTER))},
    **{f"{name.lower()}-landscape": Expectation(f"{name} landscape", size.landscape) for name, size in
       (("A3", A3), ("A4", A4), ("A5", A5), ("Letter", LETTER))},
}


def expectation_for(path: Path) -> Expectation | None:
    """What a file's name says it holds: our outputs end in -reading, -booklet, -letters, -minizine."""
    match = re.search(r"-(reading|booklet|letters|minizine)(?:-fillable)?$", path.stem)
    return EXPECTATIONS[match.group(1)] if match else None


def check(paths: Iterable[Path], *, expect: Expectation | None = None,
          fonts: Collection[str] = (), pixels: bool = True) -> list[Finding]:
    """Every finding in every PDF; `fonts` (family names), when given, are the only ones allowed.

    `pixels=False` skips rendering the pages (colour, greys, ink near the edges): for a file
    whose pages were already checked in another (an imposed booklet of a checked edition).
    """
    findings: list[Finding] = []
    for path in paths:
        findings.extend(_check_file(Path(path), expect or expectation_for(Path(path)), fonts, pixels))
    return findings


@dataclass
class _Font:
    embedded: bool
    pages: set[int] = field(default_factory=set)
    chars: set[str] = field(default_factory=set)


def _check_file(path: Path, expect: Expectation | None, fonts: Collection[str], pixels: bool) -> list[Finding]:
    if not path.is_file():
        return [Finding(path, None, "error", "no such file")]
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        reason = "encrypted: remove the password first" if "password" in str(error).lower() else \
            f"not a readable PDF ({error})"
        return [Finding(path, None, "error", reason)]
    findings: list[Finding] = []
    used: dict[str, _Font] = {}
    sizes: dict[Size, list[int]] = {}
    try:
        for number, page in enumerate(document, start=1):
            # One unreadable page must not hide what the others have to say.
            try:
                width, height = page.get_size()
                sizes.setdefault(Size.from_points(width, height), []).append(number)
                findings += _text(path, number, page, used)
                findings += ink.findings(path, number, page) if pixels else []
            except Exception as error:  # noqa: BLE001 — any PDF may break a reader; report it
                findings.append(Finding(path, number, "error", f"could not be checked ({error})"))
            finally:
                page.close()
    finally:
        document.close()
    found = [*_sizes(path, sizes, expect), *_fonts(path, used, fonts), *findings, *_metadata(path)]
    return sorted(found, key=lambda finding: finding.severity == "note")  # the plain report last


def _sizes(path: Path, sizes: dict[Size, list[int]], expect: Expectation | None) -> list[Finding]:
    pages = sum(len(numbers) for numbers in sizes.values())
    if not pages:
        return [Finding(path, None, "error", "the PDF has no pages")]
    findings = []
    if expect is None and len(sizes) > 1:
        shown = "; ".join(f"{_list(numbers)}: {size}" for size, numbers in sizes.items())
        findings.append(Finding(path, None, "warning", f"pages of different sizes: {shown}"))
    elif expect is None:  # nothing to compare with: just say what it is
        findings.append(Finding(path, None, "note", f"{plural(pages, 'page')} of {next(iter(sizes))}"))
    else:
        for size, numbers in sizes.items():
            if not _same(size, expect.size):
                findings.append(Finding(path, None, "error", f"{_list(numbers)}: {size}, "
                                                             f"expected {expect.size} ({expect.label})"))
    if expect is not None and expect.even and pages % 2:
        findings.append(Finding(path, None, "error", f"{plural(pages, 'side')}: a booklet printed recto-verso "
                                                     "needs an even number"))
    return findings


def _same(size: Size, expected: Size) -> bool:
    return abs(size.width - expected.width) <= SIZE_TOLERANCE_MM and \
        abs(size.height - expected.height) <= SIZE_TOLERANCE_MM


def _text(path: Path, number: int, page: pdfium.PdfPage, used: dict[str, _Font]) -> list[Finding]:
    """Record the fonts the text uses; flag text too small to survive a photocopy.

    Walks the page's text objects (a line or a run each, not each character), into Form XObjects
    with their matrices composed: an imposed or scaled-down page is measured as printed.
    """
    textpage = page.get_textpage()
    small: list[tuple[float, int]] = []
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
            name, embedded = _font(pdfium_c.FPDFTextObj_GetFont(handle))
            font = used.setdefault(name, _Font(embedded))
            font.pages.add(number)
            for char in text[: 12 - len(font.chars)]:
                font.chars.add(char)
            if size.value * scale < SMALLEST_PT - 0.01:
                small.append((size.value * scale, len(text)))
    finally:
        textpage.close()
    if not small:
        return []
    count = sum(length for _, length in small)
    return [Finding(path, number, "warning", f"{plural(count, 'character')} below {SMALLEST_PT:g} pt "
                                             f"(smallest {min(size for size, _ in small):.1f} pt): "
                                             "they fill in on a photocopy")]


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


def _object_text(handle: object, textpage: pdfium.PdfTextPage) -> str:
    length = pdfium_c.FPDFTextObj_GetText(handle, textpage.raw, None, 0)
    if length <= 2:
        return ""
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFTextObj_GetText(handle, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), length)
    return buffer.raw[: length - 2].decode("utf-16-le", errors="replace")


def _font(font: object) -> tuple[str, bool]:
    """The font's base name and whether the PDF embeds it."""
    if not font:
        return "(unnamed font)", False
    buffer = ctypes.create_string_buffer(256)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
    name = buffer.value.decode("latin-1") if length else "(unnamed font)"
    return name, pdfium_c.FPDFFont_GetIsEmbedded(font) == 1


def _fonts(path: Path, used: dict[str, _Font], allowed: Collection[str]) -> list[Finding]:
    findings = []
    families = {_plain(family) for family in allowed}
    for name, font in sorted(used.items(), key=lambda item: item[0].split("+", 1)[-1]):
        base = name.split("+", 1)[-1]  # drop the subset tag: ABCDEF+Charis-SIL
        if not font.embedded and base in STANDARD_14:
            # Every PDF reader and printer has these (or metric twins): text still fits its place.
            findings.append(Finding(path, None, "warning", f"font {base} is not embedded ({_list(font.pages)}): "
                                                           "one of the 14 standard PDF fonts, which printers "
                                                           "replace with a look-alike of the same widths"))
        elif not font.embedded:
            findings.append(Finding(path, None, "error", f"font {base} is not embedded ({_list(font.pages)}): "
                                                         "the printer will substitute another font"))
        elif families and not any(_plain(base).startswith(family) for family in families):
            chars = " ".join(sorted(font.chars))
            findings.append(Finding(path, None, "warning", f"font {base} is not a shipped font ({_list(font.pages)}; "
                                                           f"{chars}): the machine filled in glyphs missing from "
                                                           "the shipped fonts"))
    return findings


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _metadata(path: Path) -> list[Finding]:
    """Title and language: viewers show the title, screen readers need the language."""
    try:
        reader = PdfReader(path)
        info = reader.metadata
        xmp = reader.xmp_metadata  # PDF 2.0 may keep the title there only
        title = (info.title if info is not None else None) or (xmp.dc_title if xmp is not None else None)
        lang = reader.root_object.get("/Lang")
    except Exception as error:  # noqa: BLE001 — pdfium read it; a stricter reader may not
        return [Finding(path, None, "warning", f"could not read the metadata ({error})")]
    findings = []
    if not title or not str(title).strip():
        findings.append(Finding(path, None, "warning", "no title in the metadata: viewers show the file name"))
    if not lang or not str(lang).strip():
        findings.append(Finding(path, None, "warning", "no language in the metadata: screen readers cannot "
                                                       "pick a voice"))
    return findings


def _list(numbers: Iterable[int]) -> str:
    """Pages 1–3, 7: page numbers as ranges."""
    ordered = sorted(set(numbers))
    runs: list[list[int]] = []
    for number in ordered:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    shown = ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)
    return f"page{'s' if len(ordered) > 1 else ''} {shown}"
