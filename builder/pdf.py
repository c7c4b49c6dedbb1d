"""Reading PDFs and drawing imposed sheets: the only place that imports pypdf.

Each source page becomes one Form XObject (its content stream and resources, clipped to its
TrimBox) drawn wherever the imposition places it. Unlike `merge_transformed_page`, nothing is
re-parsed, fonts and images stay shared, and the output is about the size of the input.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject, DictionaryObject, FloatObject, IndirectObject, NameObject, RectangleObject,
    StreamObject, TextStringObject,
)

from builder.errors import BuildError
from builder.imposition import Imposition, Slot
from builder.model import MM, Size

SIZE_TOLERANCE = 1.0
"""Points two page sizes may differ by and still count as equal (rounding in PDF producers)."""


@dataclass(frozen=True)
class Source:
    """A PDF opened for imposition: its pages all share one displayed size."""

    path: Path
    reader: PdfReader
    pages: int
    size: Size


def open_source(path: Path, *, where: str | None = None) -> Source:
    """Open a PDF and check that its pages share one size; raise BuildError naming the problem."""
    where = where or str(path)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise BuildError(where, "the PDF is encrypted: remove the password first")
        pages = len(reader.pages)
        sizes = [_display_size(page) for page in reader.pages]
    except FileNotFoundError:
        raise BuildError(where, "no such file") from None
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise BuildError(where, f"not a readable PDF ({error})") from None
    if not pages:
        raise BuildError(where, "the PDF has no pages")
    first = sizes[0]
    for number, (width, height) in enumerate(sizes, start=1):
        if abs(width - first[0]) > SIZE_TOLERANCE or abs(height - first[1]) > SIZE_TOLERANCE:
            raise BuildError(where, f"page {number} is {Size.from_points(width, height)}, unlike page 1 "
                                    f"({Size.from_points(*first)}): all pages must share one size")
    return Source(path, reader, pages, Size.from_points(*first))


def impose(source: Source, imposition: Imposition, target: Path | io.BytesIO) -> int:
    """Write the imposed PDF to `target`; return the number of sides written."""
    writer = PdfWriter()
    forms: dict[int, IndirectObject] = {}
    width, height = imposition.sheet.points
    for side in imposition.sides:
        page = writer.add_blank_page(width, height)
        names = DictionaryObject()
        drawing = []
        for slot in side:
            if slot.page is None:
                continue
            if slot.page not in forms:
                forms[slot.page] = _form(source.reader.pages[slot.page], writer)
            name = NameObject(f"/P{slot.page}")
            names[name] = forms[slot.page]
            drawing.append(_draw(name, slot, imposition.page))
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): names})
        content = StreamObject()
        content.set_data("\n".join(drawing).encode("ascii"))
        page[NameObject("/Contents")] = writer._add_object(content.flate_encode())
    _copy_metadata(source.reader, writer)
    writer.write(target)
    return len(imposition.sides)


def _display_size(page: DictionaryObject) -> tuple[float, float]:
    box = page.trimbox
    width, height = float(box.width), float(box.height)
    return (height, width) if page.rotation % 180 else (width, height)


def _form(page: DictionaryObject, writer: PdfWriter) -> IndirectObject:
    """A Form XObject that draws `page` upright with its TrimBox's lower-left corner at 0, 0."""
    box: RectangleObject = page.trimbox
    form = StreamObject()
    form.set_data(_contents(page))
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)),
        NameObject("/Matrix"): ArrayObject(FloatObject(v) for v in _upright(box, page.rotation % 360)),
    })
    resources = page.get("/Resources")
    if resources is not None:
        form[NameObject("/Resources")] = resources.clone(writer)
    return writer._add_object(form.flate_encode())


def _contents(page: DictionaryObject) -> bytes:
    contents = page.get("/Contents")
    if contents is None:
        return b""
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    # A newline between streams: PDF allows an operator to end one stream and the next to begin.
    return b"\n".join(stream.get_object().get_data() for stream in streams)


def _upright(box: RectangleObject, rotation: int) -> tuple[float, ...]:
    """Form matrix that shows the page as a viewer shows it (honouring /Rotate, clockwise)."""
    x0, y0, x1, y1 = (float(v) for v in (box.left, box.bottom, box.right, box.top))
    return {
        0: (1, 0, 0, 1, -x0, -y0),
        90: (0, -1, 1, 0, -y0, x1),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, 1, -1, 0, y1, -x0),
    }[rotation]


def _draw(name: str, slot: Slot, page: Size) -> str:
    """Content-stream operators placing the form `name` in `slot` (turned counter-clockwise)."""
    width, height = page.points
    x, y = slot.x * MM, slot.y * MM
    matrix = {
        0: (1, 0, 0, 1, x, y),
        90: (0, 1, -1, 0, x + height, y),
        180: (-1, 0, 0, -1, x + width, y + height),
        270: (0, -1, 1, 0, x, y + width),
    }[slot.rotation % 360]
    return "q " + " ".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in matrix) + f" cm {name} Do Q"


def _copy_metadata(reader: PdfReader, writer: PdfWriter) -> None:
    info = reader.metadata or {}
    writer.add_metadata({key: TextStringObject(str(value)) for key, value in info.items()
                         if key in ("/Title", "/Author", "/Subject", "/Keywords", "/CreationDate", "/ModDate")})
    lang = reader.root_object.get("/Lang")
    if lang is not None:
        writer.root_object[NameObject("/Lang")] = TextStringObject(str(lang))
