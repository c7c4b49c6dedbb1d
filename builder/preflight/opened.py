"""What preflight reads of a PDF through qpdf, the file opened once (issue 26: it was opened three
times, about 0.1 s each for 425 A5 pages): whether it is read at all, its metadata, and its
pages' digests (digests.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf

from builder.errors import BuildError, reason
from builder.imposition.engine import limits, reading
from builder.imposition.family import SHEET_KEY
from builder.model import Finding
from builder.paper import METADATA_KEY
from builder.preflight import digests


@dataclass(frozen=True)
class Read:
    """What qpdf says of one PDF."""

    refused: str
    """Why the file is not read at all: not a regular file, or a stream past its budget (limits: a
    compression bomb would take gigabytes); "" to read it."""
    described: tuple[Finding, ...] = ()
    """The findings of its metadata (`_metadata`)."""
    recorded: tuple[str | None, str | None] = (None, None)
    """The zine format the build recorded (paper.METADATA_KEY) and the sheet `zine impose`
    recorded (imposition.family.SHEET_KEY), if any."""
    digests: list[bytes | None] | None = None
    """Each page's digest; None when qpdf cannot read the file, or reads it only mended (its page
    tree is not the file's: reading._mended)."""


def read(path: Path, *, digested: bool = True) -> Read:
    """What qpdf says of the PDF at `path` (see `Read`; its pages' digests only if `digested`); a
    file qpdf cannot open is read anyway, by pdfium, if it is a regular file. Raises what pikepdf
    raises on a stream it cannot inflate."""
    try:
        limits.regular(path, str(path))
        pdf, mended = reading.opened(path, str(path))
    except BuildError as error:
        if not path.is_file():
            return Read(error.message)
        return Read("", (Finding(path, None, "warning", f"could not read the metadata ({error.message})"),))
    with pdf:
        over = limits.over_budget(pdf)
        if over:
            return Read(str(over))
        described, recorded = _metadata(path, pdf)
        return Read("", tuple(described), recorded, None if mended or not digested else _digests(pdf))


def _digests(pdf: pikepdf.Pdf) -> list[bytes | None] | None:
    try:
        return list(digests.of(pdf))
    except Exception:  # noqa: BLE001 — any PDF may break a reader: its pages are then checked anyway
        return None


def _metadata(path: Path, pdf: pikepdf.Pdf) -> tuple[list[Finding], tuple[str | None, str | None]]:
    """Title and language (viewers show the title, screen readers need the language), an XFA form
    (reading.xfa); and the zine format and sheet recorded, if any (`Read.recorded`). Read by
    qpdf as `zine impose` reads it (reading.opened): AES-encrypted files with an empty user
    password included, with no package more (issue 22)."""
    try:
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
