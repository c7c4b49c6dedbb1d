"""Reading PDFs and drawing imposed sheets: with objects.py, the only place that imports pypdf.

Each source page becomes one Form XObject (its content stream, still compressed as it was, and
its resources, clipped to its TrimBox) drawn wherever the imposition places it, scaled as the
imposition says. Unlike `merge_transformed_page`, nothing is re-parsed or re-compressed here;
each form has its own resource dictionary, whose fonts, images and colour spaces are shared by
every form that uses the same ones; and the output is about the size of the input. The source
is first rewritten by qpdf (`reading`), so that pypdf reads what viewers read, with its black
on one ink (`black`).
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
)

from builder.errors import BuildError, collected, reason, unreadable
from builder.errors import pages as page_list
from builder.imposition import Box, Imposition, Label, Side
from builder.imposition.engine import drawing, limits, mixed, objects, reading
from builder.paper import Size

UNREADABLE = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, zlib.error,
              RecursionError, NotImplementedError)
"""What pypdf raises, lazily, on damaged files: any of these means a broken input, not a bug here."""


@dataclass(frozen=True)
class Source:
    """A PDF opened for imposition: its pages all share one displayed size, some once turned."""

    path: Path
    reader: PdfReader
    pages: int
    size: Size
    where: str
    notes: tuple[str, ...] = ()
    """What the user should know of the reading: damage repaired, annotations left out."""
    turned: frozenset[int] = frozenset()
    """0-based pages shown a quarter turn counter-clockwise (their tops toward the left edge):
    the landscape pages of a portrait document."""
    fitted: tuple[mixed.Fitted, ...] = ()
    """Pages unlike the others in size, fitted into their place (mixed.arrange)."""
    warnings: tuple[str, ...] = ()
    """What may print otherwise than the user expects: pages fitted, a static XFA form."""


def open_source(path: Path, *, where: str | None = None, scaling: str | None = None,
                remember: bool = False, inked: bool = False) -> Source:
    """Open a PDF whose pages share one size, either way up, or, if `scaling` is given, whose
    pages nearly all do (the others fitted that way: mixed.arrange); raise BuildError naming the
    problem. `remember`, `inked`: see reading.clean."""
    where = where or str(path)
    clean = reading.clean(path, where, remember=remember, inked=inked)
    with _reading(where):
        reader = PdfReader(io.BytesIO(clean.data))
        sizes = [_size(page, number, where) for number, page in enumerate(reader.pages, start=1)]
    if not sizes:
        raise BuildError(where, "the PDF has no pages")
    arranged = mixed.arrange(sizes, where, scaling)
    notes, turned = clean.notes, arranged.turned
    if turned:
        notes += (f"{page_list(n + 1 for n in turned)} turned a quarter turn to fit, "
                  f"{'its top' if len(turned) == 1 else 'their tops'} toward the left edge",)
    fitted = mixed.warning(arranged, len(sizes))
    return Source(path, reader, len(sizes), arranged.size, where, notes, turned, arranged.fitted,
                  clean.warnings + ((fitted,) if fitted else ()))


def impose(source: Source, imposition: Imposition, target: Path) -> int:
    """Write the imposed PDF to `target`; return the number of sides written."""
    target.write_bytes(write(source, imposition))
    return len(imposition.sides)


def write(source: Source | None, imposition: Imposition, sides: Sequence[Side] | None = None, *,
          title: str = "", lang: str = "", record: Mapping[str, str] | None = None) -> bytes:
    """The imposed PDF: one page per side (all the plan's sides unless `sides` are given), with the
    source's metadata, or the `title` and `lang` given for a sheet without a source, and the
    document information in `record` (objects.metadata). BuildError
    naming the source if pypdf cannot read it, or could only salvage part of a stream."""
    sheets = _Sheets(PdfWriter(), source, imposition)
    where = source.where if source else "test sheet"
    with _reading(where) as damage:
        for side in imposition.sides if sides is None else sides:
            sheets.add(side)
        objects.metadata(sheets.writer, source.reader if source else None, title, lang, record)
    # pypdf reads leniently: a stream it cannot decode becomes what it could salvage, maybe
    # nothing, and the page would print blank. Its other repairs (a duplicate key…) are harmless.
    lost = [record.getMessage() for record in damage if record.name == "pypdf.filters"]
    if lost:
        raise BuildError(where, f"the PDF is damaged ({lost[0]}): repair it first, e.g. print it to a new PDF")
    output = io.BytesIO()
    sheets.writer.write(output)
    return output.getvalue()


@dataclass
class _Sheets:
    """The imposed file being written: each source page made a form once, equal resources shared."""

    writer: PdfWriter
    source: Source | None
    imposition: Imposition
    forms: dict[int, IndirectObject] = field(default_factory=dict)
    shared: dict[bytes, PdfObject] = field(default_factory=dict)

    def add(self, side: Side) -> None:
        """One page: the side's source pages placed as forms, then its marks."""
        xobjects, operators = DictionaryObject(), []
        for slot in side.slots:
            if slot.page is None or self.source is None:
                continue
            if slot.page not in self.forms:
                fitted = next((f.matrix(self.source.size) for f in self.source.fitted if f.page == slot.page), None)
                self.forms[slot.page] = _form(self.source.reader.pages[slot.page], self.writer, self.shared,
                                              turn=slot.page in self.source.turned, fit=fitted)
            xobjects[NameObject(f"/P{slot.page}")] = self.forms[slot.page]
            operators.append(drawing.place(f"/P{slot.page}", slot, self.imposition.page, self.imposition.scale))
        resources = DictionaryObject({NameObject("/XObject"): xobjects})
        if side.marks:
            operators.append(drawing.marks(side.marks))
        if any(isinstance(mark, Label) for mark in side.marks):
            resources[NameObject("/Font")] = DictionaryObject({NameObject(drawing.FONT): objects.font(
                self.writer, self.shared, self.imposition)})
        page = self.writer.add_blank_page(*self.imposition.sheet.points)
        page[NameObject("/Resources")] = resources
        content = StreamObject()
        content.set_data("\n".join(operators).encode("latin-1"))
        # A side's few placements are shorter as they are than compressed with a /Filter.
        page[NameObject("/Contents")] = self.writer._add_object(content.flate_encode() if side.marks else content)


@contextmanager
def _reading(where: str) -> Iterator[list[logging.LogRecord]]:
    """Turn pypdf's errors on a damaged file into one BuildError; collect what it repaired."""
    with collected("pypdf") as repairs:
        try:
            yield repairs
        except UNREADABLE as error:
            raise BuildError(where, unreadable(reason(error))) from None


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


def _size(page: PageObject, number: int, where: str) -> Size:
    """The page's size as a viewer shows it (turned by /Rotate); BuildError for a /Rotate that
    is not a multiple of 90 (limits.rotation)."""
    if turned := limits.rotation(page.get("/Rotate"), number):
        raise BuildError(where, turned)
    left, bottom, right, top = _box(page)
    if "/MediaBox" not in page or right - left < 1 or top - bottom < 1:
        raise BuildError(where, f"page {number} has no area (no MediaBox, or a TrimBox outside it)")
    return Size.from_points(*((top - bottom, right - left) if page.rotation % 180 else (right - left, top - bottom)))


def _form(page: PageObject, writer: PdfWriter, shared: dict[bytes, PdfObject], *, turn: bool,
          fit: tuple[float, float, float] | None = None) -> IndirectObject:
    """A Form XObject that draws `page` upright (or, if `turn`, a quarter turn counter-clockwise)
    with its TrimBox's lower-left corner at 0, 0; then, if `fit` is given, scaled by its first
    value and moved by the others (points: mixed.Fitted.matrix)."""
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
        NameObject("/BBox"): objects.numbers(box),
    })
    matrix = drawing.upright(box, (page.rotation + (270 if turn else 0)) % 360)
    matrix = drawing.within(matrix, *fit) if fit else matrix
    if matrix != (1, 0, 0, 1, 0, 0):
        form[NameObject("/Matrix")] = objects.numbers(matrix)
    if "/Resources" in page:
        form[NameObject("/Resources")] = _resources(page.raw_get("/Resources"), writer, shared)
    if "/Group" in page:
        form[NameObject("/Group")] = _shared(page.raw_get("/Group"), writer, shared)
    return form.indirect_reference


def _streams(page: PageObject) -> list[StreamObject]:
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else ArrayObject()
    streams = [s.get_object() for s in contents] if isinstance(contents, ArrayObject) else [contents]
    return [s for s in streams if isinstance(s, StreamObject)]


def _resources(value: PdfObject, writer: PdfWriter, shared: dict[bytes, PdfObject]) -> PdfObject:
    """A form's own resource dictionary, written in the form, whose entries (fonts, colour spaces,
    images…) are shared by every form that uses the same ones (`_shared`)."""
    # Poppler (pdftops, the path of many print drivers) reads a form's /Resources object once a
    # document: a second form pointing to the same dictionary is "loop in Resources", and its
    # fonts may be left out of the PostScript. The categories may be shared: it does not track them.
    resources = value.get_object()
    if not isinstance(resources, DictionaryObject):
        return _shared(value, writer, shared)  # not a dictionary: a damaged file, passed on as it is
    return DictionaryObject({NameObject(key): _shared(resources.raw_get(key), writer, shared)
                             for key in resources})


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
