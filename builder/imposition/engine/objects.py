"""The PDF objects an imposed file adds to its sources': the marks' embedded font, the metadata.

pypdf objects, made by `pdf.write`: the font from the subset `fonts` makes, the document
information from the source (or the test sheet's title and language); and what the source's
viewer preferences say of the way its pages run (`right_to_left`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from builder.imposition import Imposition, Label
from builder.imposition.engine import drawing, fonts
from builder.paper import METADATA_KEY

KEPT = ("/Title", "/Author", "/Subject", "/Keywords", "/CreationDate", "/ModDate", METADATA_KEY)
"""The source's document information the imposed file keeps (the zine's format among them)."""


def font(writer: PdfWriter, shared: dict[bytes, PdfObject], imposition: Imposition) -> PdfObject:
    """The marks' font, embedded once in `shared`: the subset of the shipped regular face that the
    plan's words use."""
    if b"/Font" not in shared:
        words = "".join(mark.text for side in imposition.sides for mark in side.marks if isinstance(mark, Label))
        subset = fonts.subset(words)
        file = StreamObject()
        file.set_data(subset.data)
        file = file.flate_encode()
        file[NameObject("/Length1")] = NumberObject(len(subset.data))
        descriptor = DictionaryObject({
            NameObject("/Type"): NameObject("/FontDescriptor"), NameObject("/FontName"): NameObject(f"/{subset.name}"),
            NameObject("/Flags"): NumberObject(32),  # non-symbolic: the codes are WinAnsiEncoding's
            NameObject("/FontBBox"): numbers(subset.bbox), NameObject("/ItalicAngle"): NumberObject(0),
            NameObject("/Ascent"): NumberObject(subset.ascent), NameObject("/Descent"): NumberObject(subset.descent),
            NameObject("/CapHeight"): NumberObject(subset.cap_height), NameObject("/StemV"): NumberObject(80),
            NameObject("/FontFile2"): writer._add_object(file),
        })
        shared[b"/Font"] = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/TrueType"),
            NameObject("/BaseFont"): NameObject(f"/{subset.name}"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            NameObject("/FirstChar"): NumberObject(fonts.FIRST), NameObject("/LastChar"): NumberObject(fonts.LAST),
            NameObject("/Widths"): ArrayObject(NumberObject(width) for width in subset.widths),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
        }))
    return shared[b"/Font"]


def numbers(values: Sequence[float]) -> ArrayObject:
    """A PDF array of numbers: integers where they are (within 1e-4), else decimals (drawing.number)."""
    return ArrayObject(NumberObject(round(v)) if abs(v - round(v)) < 1e-4 else FloatObject(drawing.number(v))
                       for v in values)


def metadata(writer: PdfWriter, reader: PdfReader | None, title: str, lang: str,
             record: Mapping[str, str] | None = None) -> None:
    """The source's PDF version, KEPT information and language, if there is a source; then `title`
    and `lang`, if given (the test sheet's); then the document information in `record`, if any
    (`zine impose` records its sheet: family.SHEET_KEY)."""
    if reader is not None:
        writer.pdf_header = reader.pdf_header
        info: Mapping[str, object] = reader.metadata or {}
        writer.add_metadata({key: TextStringObject(str(value)) for key, value in info.items() if key in KEPT})
        source_lang = reader.root_object.get("/Lang")
        if source_lang is not None:
            writer.root_object[NameObject("/Lang")] = TextStringObject(str(source_lang))
    if title:
        writer.add_metadata({"/Title": TextStringObject(title)})
    if lang:
        writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    if record:
        writer.add_metadata({key: TextStringObject(value) for key, value in record.items()})


def right_to_left(reader: PdfReader) -> bool:
    """Whether the PDF asks viewers to show its pages right to left (/ViewerPreferences /Direction
    /R2L, ISO 32000-1 Table 150): `zine impose` then binds it on the right unless told (issue 22)."""
    preferences = reader.root_object.get("/ViewerPreferences")
    preferences = preferences.get_object() if preferences is not None else None
    return isinstance(preferences, DictionaryObject) and preferences.get("/Direction") == "/R2L"
