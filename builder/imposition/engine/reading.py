"""Reading any PDF as viewers read it: qpdf (through pikepdf) writes a clean copy for pypdf.

pypdf reads leniently, but not always as viewers do: it takes a NUL byte after a name for part
of the name where PDF counts it as white space (a CAD file's images then name a colour space no
viewer knows, and vanish), and it rebuilds a broken cross-reference table less well than qpdf.
So every input goes through qpdf first, which opens what viewers open and nothing more (an empty
user password, never an owner password alone), rebuilds damaged files, and draws the
annotations a viewer prints (the Print flag, with an appearance) and the form fields'
appearances into the pages, which the imposed sheets could not carry. A page tree that lists a
node twice (Adobe Scan through macOS Quartz lists an empty one twice), which qpdf takes for a
loop, is read as pdfium and pdf.js read it: each node once, empty ones left out (issue 22). An
XFA form whose content the viewer makes (/NeedsRendering, ISO 32000-1 Table 28: a dynamic
form) is refused, its pages being a placeholder ("Please wait…"); a static one, whose pages
are the form, is read with a warning; so is a file whose owner's permissions forbid printing it
(`permissions`: the user may own it). Exact RGB black becomes DeviceGray
(black.py). What it costs, measured
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
from builder.imposition.engine import black, limits

PRINT = 4
"""The Print flag of an annotation's /F: set, a viewer prints it."""
XFA_DYNAMIC = ("a dynamic XFA form: the viewer makes its content from XFA data, which this tool cannot print, "
               "and its PDF pages are only a placeholder (print it to a new PDF from Adobe Acrobat Reader first)")
XFA_STATIC = ("an XFA form: its pages are printed as they are, without what the XFA data may add to them (Adobe "
              "Acrobat Reader shows that)")
NO_PRINT = ("its owner's permissions forbid printing it (viewers refuse to): print it only if you may, e.g. if "
            "it is yours")
LOW_PRINT = ("its owner's permissions allow printing it only at low resolution (viewers print it degraded): "
             "print it only if you may, e.g. if it is yours")


@dataclass(frozen=True)
class Clean:
    """A PDF rewritten by qpdf, and what the rewriting says about its source."""

    data: bytes
    notes: tuple[str, ...]
    """What the user should know: damage repaired, annotations left out."""
    warnings: tuple[str, ...] = ()
    """What may print otherwise than the user expects (a static XFA form)."""


def clean(path: Path, where: str, *, remember: bool = False, inked: bool = False) -> Clean:
    """The PDF at `path` decrypted, repaired, its printed annotations drawn into the pages and its black
    on one ink (black.one_ink; `inked`: drawn so, render/grayblack.py; `remember`: one_ink's); BuildError
    naming `where` if no viewer could open it (encrypted, not a PDF) or it is a dynamic XFA form."""
    pdf, mended = opened(path, where)
    with pdf:
        if over := limits.over_budget(pdf):
            raise BuildError(where, str(over))
        kind, forbidden = xfa(pdf), permissions(pdf)  # before flattening, which drops the /AcroForm
        if kind == "dynamic":
            raise BuildError(where, XFA_DYNAMIC)
        try:
            form = pdf.Root.get("/AcroForm")
            if isinstance(form, pikepdf.Dictionary) and bool(form.get("/NeedAppearances", False)):
                pdf.generate_appearance_streams()  # the fields' values, drawn as viewers draw them
            left = _left_out(pdf)  # counted first: some versions of qpdf drop them all when flattening
            pdf.flatten_annotations(mode="print")
            if not inked or form is not None:  # drawn so (`inked`), form fields' appearances may not be
                black.one_ink(pdf, remember=remember)
            output = io.BytesIO()
            # Streams are copied as they are (no decoding, no recompression): the imposed file keeps
            # the source's bytes, and the rewrite costs milliseconds. Objects are written out of object
            # streams, which pypdf reads faster (256 A5 pages from WeasyPrint: 0.23 s of CPU to read and
            # impose, not 0.28). pikepdf's warnings are for those who edit the file: it is only read.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # The XMP as it is too: pikepdf's fix_metadata_version would parse it (issue 25).
                pdf.save(output, stream_decode_level=pikepdf.StreamDecodeLevel.none, deterministic_id=True,
                         object_stream_mode=pikepdf.ObjectStreamMode.disable, fix_metadata_version=False)
        except (pikepdf.PdfError, RecursionError) as error:
            raise BuildError(where, unreadable(_reason(error, path))) from None
        try:
            repairs = [_reason(warning, path) for warning in pdf.get_warnings()]
        except UnicodeDecodeError:  # pikepdf 8 decodes qpdf's messages as UTF-8, bytes of the file included
            repairs = ["qpdf's account of it is not text"]
    repairs = [mended, *repairs] if mended else repairs
    more = f"; and {len(repairs) - 1} more" if len(repairs) > 1 else ""
    notes = [f"the PDF was damaged and read anyway ({repairs[0]}{more})"] if repairs else []
    notes += [left] if left else []
    return Clean(output.getvalue(), tuple(notes), ((XFA_STATIC,) if kind == "static" else ()) + forbidden)


def opened(path: Path, where: str) -> tuple[pikepdf.Pdf, str]:
    """The PDF as qpdf opens it (an empty user password at most), its page tree read as viewers
    read it (`_mended`), and what was mended ("" if nothing); BuildError naming `where` if it cannot,
    or if it is not a regular file (limits.regular: a FIFO or a device would block)."""
    limits.regular(path, where)
    try:
        try:
            pdf, mended = pikepdf.open(path), ""
        except pikepdf.PasswordError:
            raise
        except pikepdf.PdfError as error:
            if "/Pages" not in str(error):
                raise
            pdf, mended = _mended(path, error)
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
    return pdf, mended


def _mended(path: Path, error: pikepdf.PdfError) -> tuple[pikepdf.Pdf, str]:
    """The PDF whose page tree qpdf refused (`error`) with each node of the tree read once and
    /Pages nodes without pages left out, and what that mended; `error` again if qpdf still refuses."""
    seen: set[tuple[int, int]] = set()
    repeated: list[str] = []

    def prune(node: pikepdf.Object) -> int:
        kept, count = [], 0
        for kid in list(node.get("/Kids", pikepdf.Array())):  # type: ignore[call-overload, unused-ignore]
            if not isinstance(kid, pikepdf.Dictionary) or kid.objgen in seen:
                repeated.append(f"object {kid.objgen[0]}" if isinstance(kid, pikepdf.Object) else "a non-page")
                continue
            seen.add(kid.objgen)
            pages = prune(kid) if kid.get("/Type") == "/Pages" or "/Kids" in kid else 1
            kept += [kid] if pages else []
            count += pages
        node.Kids, node.Count = pikepdf.Array(kept), count
        return count

    try:
        pdf = pikepdf.open(path, inherit_page_attributes=False)  # qpdf reads the tree to push those down
        seen.add(pdf.Root.Pages.objgen)
        prune(pdf.Root.Pages)
        output = io.BytesIO()
        pdf.save(output, stream_decode_level=pikepdf.StreamDecodeLevel.none, fix_metadata_version=False)
        pdf.close()
        mended = pikepdf.open(output)
        len(mended.pages)
    except (pikepdf.PdfError, RecursionError, AttributeError, TypeError):
        raise error from None
    listed = ", ".join(sorted(set(repeated))) or "a node"
    return mended, f"its page tree lists {listed} twice, read once as viewers read it"


def xfa(pdf: pikepdf.Pdf) -> str:
    """"dynamic" for an XFA form whose viewer makes the pages (/NeedsRendering true: its PDF pages
    are a placeholder), "static" for one whose PDF pages are the form, "" for no XFA (/AcroForm /XFA)."""
    form = pdf.Root.get("/AcroForm")
    if not isinstance(form, pikepdf.Dictionary) or "/XFA" not in form:
        return ""
    return "dynamic" if bool(pdf.Root.get("/NeedsRendering", False)) else "static"


def permissions(pdf: pikepdf.Pdf) -> tuple[str, ...]:
    """NO_PRINT or LOW_PRINT when the owner's permissions of an encrypted PDF (its /P, ISO 32000-1
    Table 22: bits 3 and 12) forbid printing it or allow it degraded only; () otherwise. A warning,
    not a refusal: the user may own the file (issue 22)."""
    allowed = pdf.allow
    return (NO_PRINT,) if not allowed.print_lowres else (LOW_PRINT,) if not allowed.print_highres else ()


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
