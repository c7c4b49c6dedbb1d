"""What one input PDF may cost `zine impose` and `zine check` (issue 25, items 4 and 5).

Only regular files are read: a FIFO, a device (/dev/zero), a socket or a folder is refused
before it is opened, which would block or read for ever. A few kilobytes of Flate can inflate
to gigabytes (zlib reaches about 1000:1), and the libraries behind both commands hold a stream
whole once they decode it (qpdf rewriting the black, pikepdf fixing the XMP on save, pdfium
parsing a page): so every stream's inflated size is measured first, a chunk at a time, without
ever holding it, and a file with a stream past its budget is refused by name. The budgets keep
both commands under 1 GiB: a stream of STREAM_BYTES costs pdfium about twice that to parse.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from builder.errors import BuildError

STREAM_BYTES = 128 * 2**20
"""Inflated bytes one stream (a page's content, a form, a font, a picture) may hold: a 600 dpi
A4 colour scan is 105 MB; a page of text, a few kilobytes."""
METADATA_BYTES = 4 * 2**20
"""Inflated bytes of the document's XMP metadata: a few kilobytes from most tools, a few hundred
from Photoshop's longest histories."""
LARGEST_PT = 14400
"""The largest page PDF allows each way, in user-space units (points unless /UserUnit says
otherwise): ISO 32000-1, Annex C.2 (Acrobat's limit, which viewers and printers keep)."""
CHUNK = 2**20
"""Bytes inflated at a time while measuring."""
ZLIB_RATIO = 1032
"""The most bytes zlib inflates one byte to: a stream smaller than its budget by this is not measured."""
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def regular(path: Path, where: str) -> None:
    """Nothing if `path` is a regular file (or a link to one); BuildError naming `where` for a
    missing file, a folder, a FIFO, a device or a socket, found by stat before anything opens it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise BuildError(where, "no such file") from None
    except OSError as error:
        raise BuildError(where, f"cannot read it ({error.strerror or type(error).__name__})") from None
    if not stat.S_ISREG(mode):
        kind = next((kind for test, kind in _KINDS if test(mode)), "not a regular file")
        raise BuildError(where, f"is {kind}, not a PDF" + ": give the path of a PDF file" * (kind != "a folder"))


def rotation(value: object, number: int) -> str:
    """"" if a page's /Rotate `value` is a multiple of 90 (or absent: None); else what is wrong
    with page `number`. ISO 32000-1, 7.7.3.3, Table 30: "shall be a multiple of 90"; viewers turn
    other values their own ways (pdf.js shows the page upright, pdfium and MuPDF turn it), so the
    page is not printed as any one of them shows it."""
    try:
        degrees = 0.0 if value is None else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        degrees = math.nan
    if degrees % 90 == 0:
        return ""
    shown = f"{degrees:g}" if not math.isnan(degrees) else str(value)
    return (f"page {number} is turned by /Rotate {shown}, not a multiple of 90 as PDF requires (ISO 32000-1, "
            "7.7.3.3): viewers show such a page each their own way; turn it to a quarter turn in a PDF editor first")


def too_large(width: float, height: float, number: int) -> str:
    """"" for a page of `width` × `height` points within LARGEST_PT each way; else what is wrong with page `number`."""
    if max(width, height) <= LARGEST_PT:
        return ""
    mm = 25.4 / 72
    return (f"page {number} is {width * mm:.6g} × {height * mm:.6g} mm, larger than the {LARGEST_PT} pt "
            f"({LARGEST_PT * mm:.0f} mm) a PDF page may be (ISO 32000-1, Annex C.2): viewers and printers refuse "
            "or cut it")


@dataclass(frozen=True)
class Over:
    """A stream past its budget: which, its bytes in the file, the limit it inflates past."""

    what: str
    raw: int
    limit: int

    def __str__(self) -> str:
        return (f"{self.what} ({_mb(self.raw)} in the file) inflates to more than {_mb(self.limit)}, the limit "
                f"{'for the metadata' if 'metadata' in self.what else 'for one stream'} (issue 25): a compression "
                "bomb, or more than this tool reads safely; it was not read")


def over_budget(pdf: pikepdf.Pdf, *, stream: int = STREAM_BYTES, metadata: int = METADATA_BYTES) -> Over | None:
    """The first stream of `pdf` that inflates past its budget (`metadata` bytes for the
    document's XMP, `stream` for any other), or None; nothing is decoded whole."""
    xmp = pdf.Root.get("/Metadata")
    xmp_id = xmp.objgen if isinstance(xmp, pikepdf.Stream) else None
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        limit, what = ((metadata, "the XMP metadata") if obj.objgen == xmp_id else
                       (stream, f"stream object {obj.objgen[0]}"))
        if inflated(obj, limit) > limit:
            return Over(what, len(obj.read_raw_bytes()), limit)
    return None


def inflated(stream: pikepdf.Stream, limit: int) -> int:
    """The bytes `stream` decodes to, or a number past `limit` as soon as it is known to be
    (through ASCII, Flate and run-length filters, chained too; other filters, pictures' own,
    count as their raw bytes)."""
    filters = stream.get("/Filter")
    listed = list(filters) if isinstance(filters, pikepdf.Array) else [filters]  # type: ignore[call-overload, unused-ignore]
    names = [f.unparse() if isinstance(f, pikepdf.Name) else b"" for f in listed if f is not None]
    try:
        data = stream.read_raw_bytes()
    except pikepdf.PdfError:  # damaged: qpdf cannot give its bytes, nor decode them later
        return 0
    for index, name in enumerate(names):
        if name in (b"/ASCIIHexDecode", b"/AHx"):
            data = _hex(data)
        elif name in (b"/ASCII85Decode", b"/A85"):
            data = _a85(data)
        elif name in (b"/FlateDecode", b"/Fl") and index == len(names) - 1:
            return _flate(data, limit)
        elif name in (b"/FlateDecode", b"/Fl"):  # a filter after it: the bytes it gets, held up to the limit
            data = zlib.decompressobj().decompress(data, limit + 1)
            if len(data) > limit:
                return len(data)
        elif name in (b"/RunLengthDecode", b"/RL"):
            return _run_length(data)
        else:
            break
    return len(data)


def _flate(data: bytes, limit: int) -> int:
    """How many bytes zlib `data` inflates to, counted up to just past `limit` a chunk at a time (a
    damaged end is the end: qpdf and pdfium keep what came before it)."""
    if len(data) * ZLIB_RATIO <= limit:
        return len(data) * ZLIB_RATIO  # cannot reach the limit: not worth inflating
    inflater, size, rest = zlib.decompressobj(), 0, data
    try:
        while size <= limit and not inflater.eof:
            out = inflater.decompress(rest, CHUNK)
            rest, size = inflater.unconsumed_tail, size + len(out)
            if not out and not rest:
                break
    except zlib.error:
        pass
    return size


def _run_length(data: bytes) -> int:
    """How many bytes RunLengthDecode makes of `data` (ISO 32000-1, 7.4.5): at most 128 per 2 bytes."""
    size, at = 0, 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        size, at = (size + length + 1, at + length + 2) if length < 128 else (size + 257 - length, at + 2)
    return size


def _hex(data: bytes) -> bytes:
    text = re.sub(rb"\s", b"", data).split(b">")[0]
    try:
        return binascii.unhexlify(text + b"0" * (len(text) % 2))
    except binascii.Error:
        return b""


def _a85(data: bytes) -> bytes:
    text = re.sub(rb"\s", b"", data).removeprefix(b"<~")
    try:
        return base64.a85decode(text.split(b"~>")[0], adobe=False)
    except ValueError:
        return b""


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MiB" if size >= 2**20 else f"{size / 2**10:.0f} KiB"
