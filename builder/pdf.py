"""Reading PDFs and drawing imposed sheets: the only place that imports pypdf.

Each source page becomes one Form XObject (its content stream, still compressed as it was, and
its resources, clipped to its TrimBox) drawn wherever the imposition places it. Unlike
`merge_transformed_page`, nothing is re-parsed or re-compressed, pages with the same resources
share one resource dictionary, and the output is about the size of the input.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
from pypdf.generic import (
    ArrayObject, DictionaryObject, FloatObject, IndirectObject, NameObject, NumberObject, PdfObject, StreamObject,
    TextStringObject,
)

from builder import drawing, logs
from builder.errors import BuildError
from builder.imposition import Box, Imposition, Label, Side
from builder.paper import METADATA_KEY, Size

SIZE_TOLERANCE = 1.0
"""Points two page sizes may differ by and still count as equal (rounding in PDF producers)."""
UNREADABLE = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, zlib.error,
              RecursionError, NotImplementedError)
"""What pypdf raises, lazily, on damaged files: any of these means a broken input, not a bug here."""
ENCRYPTED = "the PDF is encrypted (password-protected): save an unprotected copy first"


@dataclass(frozen=True)
class Source:
    """A PDF opened for imposition: its pages all share one displayed size."""

    path: Path
    reader: PdfReader
    pages: int
    size: Size
    where: str
    repairs: tuple[str, ...] = ()
    """What pypdf had to repair to read the file (a damaged cross-reference table…)."""


def open_source(path: Path, *, where: str | None = None) -> Source:
    """Open a PDF and check that its pages share one size; raise BuildError naming the problem."""
    where = where or str(path)
    with _reading(where) as repairs:
        try:
            reader = PdfReader(path)
        except FileNotFoundError:
            raise BuildError(where, "no such file") from None
        except IsADirectoryError:
            raise BuildError(where, "is a folder, not a PDF") from None
        except OSError as error:
            raise BuildError(where, f"cannot read it ({error.strerror or error})") from None
        if reader.is_encrypted:
            raise BuildError(where, ENCRYPTED)
        sizes = [_size(page, number, where) for number, page in enumerate(reader.pages, start=1)]
    if not sizes:
        raise BuildError(where, "the PDF has no pages")
    first = sizes[0]
    for number, size in enumerate(sizes, start=1):
        if abs(size[0] - first[0]) > SIZE_TOLERANCE or abs(size[1] - first[1]) > SIZE_TOLERANCE:
            raise BuildError(where, f"page {number} is {Size.from_points(*size)}, unlike page 1 "
                                    f"({Size.from_points(*first)}): all pages must share one size")
    return Source(path, reader, len(sizes), Size.from_points(*first), where,
                  tuple(record.getMessage() for record in repairs))


def impose(source: Source, imposition: Imposition, target: Path) -> int:
    """Write the imposed PDF to `target`; return the number of sides written."""
    target.write_bytes(write(source, imposition))
    return len(imposition.sides)


def write(source: Source | None, imposition: Imposition, sides: Sequence[Side] | None = None) -> bytes:
    """The imposed PDF: one page per side (all the plan's sides unless `sides` are given)."""
    writer = PdfWriter()
    forms: dict[int, IndirectObject] = {}
    shared: dict[bytes, PdfObject] = {}
    width, height = imposition.sheet.points
    where = source.where if source else "test sheet"
    with _reading(where) as damage:
        for side in imposition.sides if sides is None else sides:
            xobjects, operators = DictionaryObject(), []
            for slot in side.slots:
                if slot.page is None or source is None:
                    continue
                if slot.page not in forms:
                    forms[slot.page] = _form(source.reader.pages[slot.page], writer, shared)
                xobjects[NameObject(f"/P{slot.page}")] = forms[slot.page]
                operators.append(drawing.place(f"/P{slot.page}", slot, imposition.page))
            resources = DictionaryObject({NameObject("/XObject"): xobjects})
            if side.marks:
                operators.append(drawing.marks(side.marks))
            if any(isinstance(mark, Label) for mark in side.marks):
                font = _helvetica(writer, shared)
                resources[NameObject("/Font")] = DictionaryObject({NameObject(drawing.FONT): font})
            page = writer.add_blank_page(width, height)
            page[NameObject("/Resources")] = resources
            content = StreamObject()
            content.set_data("\n".join(operators).encode("latin-1"))
            # A side's few placements are shorter as they are than compressed with a /Filter.
            page[NameObject("/Contents")] = writer._add_object(content.flate_encode() if side.marks else content)
        if source is not None:
            _copy_metadata(source.reader, writer)
    # pypdf reads leniently: a stream it cannot decode becomes what it could salvage, maybe
    # nothing, and the page would print blank. Its other repairs (a duplicate key…) are harmless.
    lost = [record.getMessage() for record in damage if record.name == "pypdf.filters"]
    if lost:
        raise BuildError(where, f"the PDF is damaged ({lost[0]}): repair it first, e.g. print it to a new PDF")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@contextmanager
def _reading(where: str) -> Iterator[list[logging.LogRecord]]:
    """Turn pypdf's errors on a damaged file into one BuildError; collect what it repaired."""
    with logs.collected("pypdf") as repairs:
        try:
            yield repairs
        except (FileNotDecryptedError, DependencyError):  # DependencyError: AES needs `cryptography`
            raise BuildError(where, ENCRYPTED) from None
        except UNREADABLE as error:
            raise BuildError(where, f"not a readable PDF ({error or type(error).__name__})") from None


def _box(page: PageObject) -> Box:
    """The finished page: its TrimBox within its CropBox within its MediaBox, in points."""
    left, bottom, right, top = -1e9, -1e9, 1e9, 1e9
    for name in ("/MediaBox", "/CropBox", "/TrimBox"):
        if name in page:
            values = page[name]
            if not isinstance(values, ArrayObject) or len(values) != 4:
                raise ValueError(f"{name} is not a rectangle")
            xs, ys = sorted(float(v) for v in values[0::2]), sorted(float(v) for v in values[1::2])
            left, bottom, right, top = max(left, xs[0]), max(bottom, ys[0]), min(right, xs[1]), min(top, ys[1])
    return left, bottom, right, top


def _size(page: PageObject, number: int, where: str) -> tuple[float, float]:
    """The page's size as a viewer shows it (turned by /Rotate), in points."""
    left, bottom, right, top = _box(page)
    if "/MediaBox" not in page or right - left < 1 or top - bottom < 1:
        raise BuildError(where, f"page {number} has no area (no MediaBox, or a TrimBox outside it)")
    return (top - bottom, right - left) if page.rotation % 180 else (right - left, top - bottom)


def _form(page: PageObject, writer: PdfWriter, shared: dict[bytes, PdfObject]) -> IndirectObject:
    """A Form XObject that draws `page` upright with its TrimBox's lower-left corner at 0, 0."""
    box = _box(page)
    streams = _streams(page)
    if len(streams) == 1:
        # The page's one content stream as it is, still compressed: the bulk of the file.
        form = streams[0].clone(writer, force_duplicate=True, ignore_fields=("/Length",))
    else:
        joined = StreamObject()
        # A newline between streams: PDF allows an operator to end one stream and the next to begin.
        joined.set_data(b"\n".join(stream.get_data() for stream in streams))
        form = joined.flate_encode()
        writer._add_object(form)
    assert isinstance(form, StreamObject) and form.indirect_reference is not None
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): _numbers(box),
    })
    matrix = drawing.upright(box, page.rotation % 360)
    if matrix != (1, 0, 0, 1, 0, 0):
        form[NameObject("/Matrix")] = _numbers(matrix)
    for key in ("/Resources", "/Group"):
        if key in page:
            form[NameObject(key)] = _shared(page.raw_get(key), writer, shared)
    return form.indirect_reference


def _streams(page: PageObject) -> list[StreamObject]:
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else ArrayObject()
    streams = [s.get_object() for s in contents] if isinstance(contents, ArrayObject) else [contents]
    return [s for s in streams if isinstance(s, StreamObject)]


def _shared(value: PdfObject, writer: PdfWriter, shared: dict[bytes, PdfObject]) -> PdfObject:
    """One copy in the output of equal values (same bytes, same references), however many pages use them."""
    # WeasyPrint gives each page its own resource dictionary, all equal, pointing to the shared
    # fonts: cloning each would add about 200 bytes a page.
    key = io.BytesIO()
    value.write_to_stream(key)
    if key.getvalue() not in shared:
        shared[key.getvalue()] = (value.clone(writer) if isinstance(value, IndirectObject)
                                  else writer._add_object(value.clone(writer)))
    return shared[key.getvalue()]


def _helvetica(writer: PdfWriter, shared: dict[bytes, PdfObject]) -> PdfObject:
    if b"/Helv" not in shared:
        shared[b"/Helv"] = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }))
    return shared[b"/Helv"]


def _numbers(values: Sequence[float]) -> ArrayObject:
    return ArrayObject(NumberObject(round(v)) if abs(v - round(v)) < 1e-4 else FloatObject(drawing.number(v))
                       for v in values)


def _copy_metadata(reader: PdfReader, writer: PdfWriter) -> None:
    writer.pdf_header = reader.pdf_header
    info: Mapping[str, object] = reader.metadata or {}
    writer.add_metadata({key: TextStringObject(str(value)) for key, value in info.items()
                         if key in ("/Title", "/Author", "/Subject", "/Keywords", "/CreationDate", "/ModDate",
                                   METADATA_KEY)})
    lang = reader.root_object.get("/Lang")
    if lang is not None:
        writer.root_object[NameObject("/Lang")] = TextStringObject(str(lang))
