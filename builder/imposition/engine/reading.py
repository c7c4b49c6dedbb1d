"""Reading any PDF as viewers read it: qpdf (through pikepdf) writes a clean copy for pypdf.

pypdf reads leniently, but not always as viewers do: it takes a NUL byte after a name for part
of the name where PDF counts it as white space (a CAD file's images then name a colour space no
viewer knows, and vanish), and it rebuilds a broken cross-reference table less well than qpdf.
So every input goes through qpdf first, which opens what viewers open and nothing more (an empty
user password, never an owner password alone), rebuilds damaged files, and draws the
annotations a viewer prints (the Print flag, with an appearance) and the form fields'
appearances into the pages, which the imposed sheets could not carry; exact RGB and CMYK black
becomes DeviceGray (black.py). What it costs, measured
on the bench machine (CPU time): about 55 ms to import pikepdf, 20 ms to rewrite 256 A5 pages,
0.15 s for the 117 A4 pages of the longest corpus file.
"""

from __future__ import annotations

import io
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from builder.errors import ENCRYPTED, BuildError, plural, unreadable
from builder.imposition.engine import black

PRINT = 4
"""The Print flag of an annotation's /F: set, a viewer prints it."""


@dataclass(frozen=True)
class Clean:
    """A PDF rewritten by qpdf, and what the rewriting says about its source."""

    data: bytes
    notes: tuple[str, ...]
    """What the user should know: damage repaired, annotations left out."""


def clean(path: Path, where: str) -> Clean:
    """The PDF at `path` decrypted, repaired and with its printed annotations drawn into the pages;
    BuildError naming `where` if no viewer could open it either (encrypted, not a PDF)."""
    with _opened(path, where) as pdf:
        try:
            form = pdf.Root.get("/AcroForm")
            if isinstance(form, pikepdf.Dictionary) and bool(form.get("/NeedAppearances", False)):
                pdf.generate_appearance_streams()  # the fields' values, drawn as viewers draw them
            left = _left_out(pdf)  # counted first: some versions of qpdf drop them all when flattening
            pdf.flatten_annotations(mode="print")
            black.one_ink(pdf)  # every imposed file is printed: its black on one ink
            output = io.BytesIO()
            # Streams are copied as they are (no decoding, no recompression): the imposed file
            # keeps the source's bytes, and the rewrite costs milliseconds. Objects are written
            # out of object streams, which pypdf reads faster (256 A5 pages from WeasyPrint: 0.23 s
            # of CPU to read and impose instead of 0.28). pikepdf's warnings are for those who edit
            # the file (form fields Acrobat would miss): it is only read.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pdf.save(output, stream_decode_level=pikepdf.StreamDecodeLevel.none, deterministic_id=True,
                         object_stream_mode=pikepdf.ObjectStreamMode.disable)
        except (pikepdf.PdfError, RecursionError) as error:
            raise BuildError(where, unreadable(_reason(error, path))) from None
        try:
            repairs = [_reason(warning, path) for warning in pdf.get_warnings()]
        except UnicodeDecodeError:  # pikepdf 8 decodes qpdf's messages as UTF-8, bytes of the file included
            repairs = ["qpdf's account of it is not text"]
    more = f"; and {len(repairs) - 1} more" if len(repairs) > 1 else ""
    notes = [f"the PDF was damaged and read anyway ({repairs[0]}{more})"] if repairs else []
    notes += [left] if left else []
    return Clean(output.getvalue(), tuple(notes))


def _opened(path: Path, where: str) -> pikepdf.Pdf:
    """The PDF as qpdf opens it (an empty user password at most); BuildError naming `where` if it cannot."""
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise BuildError(where, ENCRYPTED) from None
    except FileNotFoundError:
        raise BuildError(where, "no such file") from None
    except IsADirectoryError:
        raise BuildError(where, "is a folder, not a PDF") from None
    except pikepdf.PdfError as error:
        raise BuildError(where, unreadable(_reason(error, path))) from None
    except OSError as error:
        raise BuildError(where, f"cannot read it ({error.strerror or error})") from None
    if pdf.is_encrypted and not pdf.user_password_matched:  # only the owner password is empty
        pdf.close()
        raise BuildError(where, ENCRYPTED)
    return pdf


def _left_out(pdf: pikepdf.Pdf) -> str:
    """One line on the annotations that will not be drawn into the pages: those a viewer does not
    print, and those marked for printing without an appearance (viewers make one up; qpdf cannot)."""
    silent: Counter[str] = Counter()
    bare: Counter[str] = Counter()
    for page in pdf.pages:
        annotations = page.obj.get("/Annots") if isinstance(page.obj, pikepdf.Dictionary) else None
        # list(): pikepdf 8's type hints do not say that an Array iterates.
        for annotation in list(annotations) if isinstance(annotations, pikepdf.Array) else []:  # type: ignore[call-overload, unused-ignore]
            if not isinstance(annotation, pikepdf.Dictionary):
                continue
            kind = str(annotation.get("/Subtype", "/Unknown")).lstrip("/")
            if not int(annotation.get("/F", 0)) & PRINT:
                silent[kind] += 1
            elif "/AP" not in annotation:
                bare[kind] += 1
    parts = []
    if silent:
        parts.append(f"{plural(silent.total(), 'annotation')} a viewer does not print ({_kinds(silent)})")
    if bare:
        one = bare.total() == 1
        parts.append(f"{plural(bare.total(), 'annotation')} marked for printing that {'has' if one else 'have'}"
                     f" no appearance of {'its' if one else 'their'} own to draw ({_kinds(bare)})")
    return "left out " + "; and ".join(parts) if parts else ""


def _kinds(counts: Counter[str]) -> str:
    return ", ".join(kind if n == 1 else f"{n} {kind}" for kind, n in sorted(counts.items()))


def _reason(error: object, path: Path) -> str:
    """qpdf's message without the file name it starts with (the message names the file once)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    for name in (str(path.resolve()), str(path)):
        if text.startswith(name):
            return text.removeprefix(name).lstrip(",: ") or text
    return text
