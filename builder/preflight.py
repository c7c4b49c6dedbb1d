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

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from pypdf import PdfReader

from builder import ink
from builder.model import A3, A4, A5, LETTER, Finding, Size

SMALLEST_PT = 7.0
"""Text below this size fills in or breaks up on a photocopy."""
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
          fonts: Collection[str] = ()) -> list[Finding]:
    """Every finding in every PDF; `fonts` (family names), when given, are the only ones allowed."""
    findings: list[Finding] = []
    for path in paths:
        findings.extend(_check_file(Path(path), expect or expectation_for(Path(path)), fonts))
    return findings


@dataclass
class _Font:
    embedded: bool
    pages: set[int] = field(default_factory=set)
    chars: set[str] = field(default_factory=set)


def _check_file(path: Path, expect: Expectation | None, fonts: Collection[str]) -> list[Finding]:
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
                findings += ink.findings(path, number, page)
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
    """Record the fonts the text uses; flag text too small to survive a photocopy."""
    textpage = page.get_textpage()
    objects: dict[int | None, tuple[float, str, bool, bool]] = {}
    small: list[float] = []
    try:
        for index in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage, index)
            char = chr(code) if code < 0x110000 else "\ufffd"
            if pdfium_c.FPDFText_IsGenerated(textpage, index) == 1 or char.isspace():
                continue
            handle = pdfium_c.FPDFText_GetTextObject(textpage, index)
            key = ctypes.cast(handle, ctypes.c_void_p).value
            if key not in objects:
                objects[key] = _text_object(textpage, index, handle)
            size, name, embedded, visible = objects[key]
            if not visible:
                continue  # an OCR layer under a scan: never printed
            font = used.setdefault(name, _Font(embedded))
            font.pages.add(number)
            if len(font.chars) < 12:
                font.chars.add(char)
            if size < SMALLEST_PT - 0.01:
                small.append(size)
    finally:
        textpage.close()
    if not small:
        return []
    return [Finding(path, number, "warning", f"{plural(len(small), 'character')} below {SMALLEST_PT:g} pt "
                                             f"(smallest {min(small):.1f} pt): they fill in on a photocopy")]


def _text_object(textpage: pdfium.PdfTextPage, index: int, handle: object) -> tuple[float, str, bool, bool]:
    """Size in points as printed (font size times the text and page matrices), font, embedded, visible."""
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
    scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
    size = pdfium_c.FPDFText_GetFontSize(textpage, index) * scale
    buffer = ctypes.create_string_buffer(256)
    font = pdfium_c.FPDFTextObj_GetFont(handle)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, len(buffer)) if font else 0
    name = buffer.value.decode("latin-1") if length else "(unnamed font)"
    embedded = bool(font) and pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
    invisible = pdfium_c.FPDFTextObj_GetTextRenderMode(handle) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
    return size, name, embedded, not invisible


def _fonts(path: Path, used: dict[str, _Font], allowed: Collection[str]) -> list[Finding]:
    findings = []
    families = {_plain(family) for family in allowed}
    for name, font in sorted(used.items(), key=lambda item: item[0].split("+", 1)[-1]):
        base = name.split("+", 1)[-1]  # drop the subset tag: ABCDEF+Charis-SIL
        if not font.embedded:
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


def plural(count: int, noun: str) -> str:
    """1 page, 2 pages."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


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
