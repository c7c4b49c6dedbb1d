"""Read one PDF back, page by page, for preflight: sizes, text and fonts, ink, metadata."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from builder.errors import ENCRYPTED, BuildError, pages, plural, reason, unreadable
from builder.imposition.engine import limits, reading
from builder.imposition.family import SHEET_KEY
from builder.kinds import Kind
from builder.model import Finding
from builder.paper import METADATA_KEY, Size
from builder.preflight import Expectation, expectation_for, ink, named_kind, text


def findings(path: Path, expect: Expectation | None, fonts: Collection[str], pixels: bool,
             kind: Kind | None = None) -> list[Finding]:
    """Every finding in the PDF at `path` (see `builder.preflight.check`); without `expect` (or
    `kind`), what its name and recorded format say (preflight.expectation_for, named_kind)."""
    refused = _refused(path)
    if refused:
        return [Finding(path, None, "error", refused)]
    described, recorded = _metadata(path)
    expect = expect or expectation_for(path, *recorded)
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        # The words `zine impose` uses: both open what viewers open (an empty user password too).
        said = ENCRYPTED if "password" in str(error).lower() else unreadable(reason(error))
        return [Finding(path, None, "error", said)]
    findings: list[Finding] = []
    used: dict[str, text.Font] = {}
    sizes: dict[Size, list[int]] = {}
    try:
        parts = _parts(document) if (kind or named_kind(path)) is Kind.READING else {}
        for number in range(1, len(document) + 1):
            findings += _page(path, document, number, used, sizes, _part(parts, number) if pixels else None, pixels)
    finally:
        document.close()
    found = [*_sizes(path, sizes, expect), *text.font_findings(path, used, fonts), *findings,
             *ink.black(path, kind or named_kind(path)), *described]
    return sorted(found, key=lambda finding: finding.severity == "note")  # the plain report last


def _page(path: Path, document: pdfium.PdfDocument, number: int, used: dict[str, text.Font],
          sizes: dict[Size, list[int]], part: str | None, pixels: bool) -> list[Finding]:
    """The findings of page `number`, its size recorded in `sizes` and its fonts in `used`; its
    pixels too if `pixels` (the edge warning naming `part`, the part the page belongs to)."""
    # One unreadable page must not hide what the others have to say: loading it may fail too.
    try:
        page = document[number - 1]
    except Exception as error:  # noqa: BLE001 — pdfium refuses a page it cannot parse
        return [Finding(path, number, "error", f"could not be read ({reason(error)})")]
    findings: list[Finding] = []
    try:
        width, height = page.get_size()
        sizes.setdefault(Size.from_points(width, height), []).append(number)
        large = limits.too_large(width, height, number)
        findings += [Finding(path, number, "error", large.removeprefix(f"page {number} "))] if large else []
        findings += text.measure(path, number, page, used)
        findings += ink.findings(path, number, page, part=part) if pixels else []
    except Exception as error:  # noqa: BLE001 — any PDF may break a reader; report it
        findings.append(Finding(path, number, "error", f"could not be checked ({reason(error)})"))
    finally:
        page.close()
    return findings


def _refused(path: Path) -> str:
    """Why the file at `path` is not read at all: not a regular file, or a stream past its budget
    (limits: a compression bomb would take gigabytes); "" to read it."""
    try:
        limits.regular(path, str(path))
        pdf, _ = reading.opened(path, str(path))
    except BuildError as error:
        return error.message if not path.is_file() else ""  # qpdf cannot read it: pdfium may
    with pdf:
        over = limits.over_budget(pdf)
    return str(over) if over else ""


def _parts(document: pdfium.PdfDocument) -> dict[int, str]:
    """The title of each top-level bookmark by its first page (1-based): in a reading edition, the
    parts (their titles are the top headings)."""
    found: dict[int, str] = {}
    try:
        for item in document.get_toc():
            destination = item.get_dest()
            index = destination.get_index() if destination is not None else None
            if item.level == 0 and index is not None:
                found.setdefault(index + 1, str(item.get_title()))
    except Exception:  # noqa: BLE001 — a broken outline only loses the names
        return {}
    return found


def _part(parts: dict[int, str], number: int) -> str | None:
    """The part page `number` belongs to: the last that starts on it or before."""
    starts = [start for start in parts if start <= number]
    return parts[max(starts)] if starts else None


def _sizes(path: Path, sizes: dict[Size, list[int]], expect: Expectation | None) -> list[Finding]:
    count = sum(len(numbers) for numbers in sizes.values())
    if not count:
        return [Finding(path, None, "error", "the PDF has no pages")]
    findings = []
    if expect is None and len(sizes) > 1:
        shown = "; ".join(f"{pages(numbers)}: {size}" for size, numbers in sizes.items())
        findings.append(Finding(path, None, "warning", f"pages of different sizes: {shown}"))
    elif expect is None:  # nothing to compare with: just say what it is
        findings.append(Finding(path, None, "note", f"{plural(count, 'page')} of {next(iter(sizes))}"))
    else:
        for size, numbers in sizes.items():
            if not expect.fits(size):
                findings.append(Finding(path, None, "error", f"{pages(numbers)}: {size}, "
                                                             f"expected {expect.said}"))
    if expect is not None and expect.even and count % 2:
        findings.append(Finding(path, None, "error", f"{plural(count, 'side')}: a booklet printed recto-verso "
                                                     "needs an even number"))
    return findings


def _metadata(path: Path) -> tuple[list[Finding], tuple[str | None, str | None]]:
    """Title and language (viewers show the title, screen readers need the language), an XFA form
    (reading.xfa); and the zine format the build recorded (paper.METADATA_KEY) and the sheet `zine
    impose` recorded (imposition.family.SHEET_KEY), if any. Read by
    qpdf as `zine impose` reads it (reading.opened): AES-encrypted files with an empty user
    password included, with no package more (issue 22)."""
    try:
        pdf, _ = reading.opened(path, str(path))
        with pdf:
            info = pdf.docinfo
            title = _text(info.get("/Title")) or _xmp_title(pdf)  # PDF 2.0 may keep the title in XMP only
            lang, recorded, form = _text(pdf.Root.get("/Lang")), _text(info.get(METADATA_KEY)), reading.xfa(pdf)
            turned = [limits.rotation(page.obj.get("/Rotate"), number) for number, page in enumerate(pdf.pages, 1)]
            sheet, forbidden = _text(info.get(SHEET_KEY)), reading.permissions(pdf)
    except Exception as error:  # noqa: BLE001 — pdfium read it; qpdf may not
        said = error.message if isinstance(error, BuildError) else reason(error)
        return [Finding(path, None, "warning", f"could not read the metadata ({said})")], (None, None)
    findings = [Finding(path, None, "error", reading.XFA_DYNAMIC)] if form == "dynamic" else []
    findings += [Finding(path, number, "error", said.removeprefix(f"page {number} "))
                 for number, said in enumerate(turned, 1) if said]
    findings += [Finding(path, None, "warning", reading.XFA_STATIC)] if form == "static" else []
    findings += [Finding(path, None, "warning", message) for message in forbidden]
    if not title.strip():
        findings.append(Finding(path, None, "warning", "no title in the metadata: viewers show the file name"))
    if not lang.strip():
        findings.append(Finding(path, None, "warning", "no language in the metadata: screen readers cannot "
                                                       "pick a voice"))
    return findings, (recorded or None, sheet or None)


def _text(value: object) -> str:
    """A metadata value as text ("" when missing)."""
    return "" if value is None else str(value)


def _xmp_title(pdf: pikepdf.Pdf) -> str:
    """The title in the XMP metadata (dc:title), "" if none."""
    try:
        # pikepdf's type hints do not say that a Pdf has open_metadata (it is added at run time).
        metadata = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)  # type: ignore[operator, unused-ignore]
        return _text(metadata.get("dc:title"))
    except Exception:  # noqa: BLE001 — XMP is XML any tool may have written badly: no title then
        return ""
