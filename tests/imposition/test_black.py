"""Black on one ink (engine/black.py, gray.py): exact RGB black becomes DeviceGray in every stream a
page draws, CMYK black and other colours stay, nothing else moves (issue 22, item 4)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from builder.imposition.engine import black, pdf
from builder.imposition.layouts import saddle
from builder.paper import A4
from PIL import ImageChops

from conftest import make_pdf


def _pdf(*contents: bytes, resources: pikepdf.Dictionary | None = None) -> pikepdf.Pdf:
    """A PDF of one 200 × 200 pt page per content stream, sharing `resources`."""
    document = pikepdf.new()
    for content in contents:
        document.add_blank_page(page_size=(200, 200))
        page = document.pages[-1].obj
        page.Contents = document.make_stream(content)
        if resources is not None:
            page.Resources = resources
    return document


def _rewritten(content: bytes, resources: pikepdf.Dictionary | None = None) -> bytes:
    document = _pdf(content, resources=resources)
    black.one_ink(document)
    return bytes(document.pages[0].obj.Contents.read_bytes())


@pytest.mark.parametrize(("content", "expected"), [
    (b"0 0 0 rg 0 0 0 RG", b"0 g\n0 G"),
    # CMYK black is the black ink alone already (and DeviceGray would not overprint as it does)
    (b"0 0 0 1 k 0.0 0 0 1.0 K", b"0 0 0 1 k 0.0 0 0 1.0 K"),
    # nothing to rewrite: the stream is left byte for byte
    (b"0.8 0 0 rg 0 0 0 0.5 k 0.1 0.1 0.1 RG 0 0 0 0.99 K", b"0.8 0 0 rg 0 0 0 0.5 k 0.1 0.1 0.1 RG 0 0 0 0.99 K"),
    # a device space set by cs starts black; an sc after a rewrite is written as the operator it stands for
    (b"/DeviceRGB cs 0.8 0 0 sc 0 0 0 scn", b"0 g\n0.8 0 0 rg\n0 g"),
    (b"/DeviceCMYK CS 0 0 0 1 SCN 0 1 0 0 SC", b"/DeviceCMYK CS 0 0 0 1 SCN 0 1 0 0 SC"),
    # q/Q restore the space the source set: the sc after Q is in RGB again
    (b"1 0 0 rg q /DeviceGray cs 0 sc Q 0 0 0 sc", b"1 0 0 rg\nq\n/DeviceGray cs\n0 sc\nQ\n0 g"),
])
def test_exact_black_becomes_gray_and_other_colours_stay(content: bytes, expected: bytes) -> None:
    assert _rewritten(content) == expected


def test_a_colour_space_resource_is_followed_to_its_device_space() -> None:
    spaces = pikepdf.Dictionary(ColorSpace=pikepdf.Dictionary(
        CS0=pikepdf.Name.DeviceRGB, CS1=pikepdf.Array([pikepdf.Name.CalRGB, pikepdf.Dictionary()])))
    assert _rewritten(b"/CS0 cs 0 0 0 scn /CS1 cs 0 0 0 scn", spaces) == b"0 g\n0 g\n/CS1 cs\n0 0 0 scn"


def test_text_and_strings_are_untouched() -> None:
    content = b"BT /F1 12 Tf (0 0 0 rg) Tj ET 0 0 0 rg"
    assert _rewritten(content) == b"BT\n/F1 12 Tf\n(0 0 0 rg) Tj\nET\n0 g"


def test_a_stream_qpdf_cannot_parse_whole_is_left_as_it_is() -> None:
    # qpdf stops at the unterminated string: rewriting what it read would lose the rest
    assert _rewritten(b"0 0 0 rg (never closed") == b"0 0 0 rg (never closed"


def test_forms_patterns_and_appearances_are_rewritten_once() -> None:
    document = _pdf(b"/X1 Do", b"/X1 Do /P1 scn")
    form = document.make_stream(b"0 0 0 RG 1 1 10 10 re S", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                BBox=[0, 0, 20, 20])
    pattern = document.make_stream(b"0 0 0 rg 0 0 5 5 re f", PatternType=1, PaintType=1, TilingType=1,
                                   BBox=[0, 0, 5, 5], XStep=5, YStep=5, Resources=pikepdf.Dictionary())
    appearance = document.make_stream(b"0 0 0 rg 0 0 5 5 re f", Type=pikepdf.Name.XObject,
                                      Subtype=pikepdf.Name.Form, BBox=[0, 0, 5, 5])
    for page in document.pages:
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X1=form),
                                                Pattern=pikepdf.Dictionary(P1=pattern))
    document.pages[1].obj.Annots = document.make_indirect(pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, Rect=[0, 0, 5, 5], DA=pikepdf.String("/Helv 0 Tf 0 0 0 rg"),
        AP=pikepdf.Dictionary(N=appearance))]))
    assert black.black_pages(document) == (1, 2)
    assert black.one_ink(document)
    assert form.read_bytes() == b"0 G\n1 1 10 10 re\nS"
    assert "/Filter" not in form
    assert pattern.read_bytes() == appearance.read_bytes() == b"0 g\n0 0 5 5 re\nf"
    assert bytes(document.pages[1].obj.Annots[0].DA) == b"/Helv 0 Tf\n0 g"
    assert black.black_pages(document) == ()


def test_a_document_without_black_is_given_back_as_it_was() -> None:
    output = io.BytesIO()
    _pdf(b"0.8 0 0 rg 0 0 10 10 re f", b"0 g").save(output)
    assert black.one_ink_bytes(output.getvalue()) == output.getvalue()


def test_the_pixels_of_rgb_black_are_the_same_after_the_rewrite() -> None:
    content = (b"0 0 0 rg 10 10 50 50 re f 2 w 0 0 0 RG 10 100 m 190 100 l S 0.8 0 0 rg 100 10 50 50 re f "
               b"/DeviceRGB cs 0 0 0 sc 10 150 30 30 re f 0.5 0.5 0.5 sc 150 150 30 30 re f")
    output = io.BytesIO()
    _pdf(content).save(output)
    before, after = output.getvalue(), black.one_ink_bytes(output.getvalue())
    assert before != after
    images = [pdfium.PdfDocument(data)[0].render(scale=1).to_pil().convert("RGB") for data in (before, after)]
    assert ImageChops.difference(*images).getbbox() is None


def test_imposed_sheets_set_their_black_on_one_ink(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "in.pdf", 4)
    with pikepdf.open(source, allow_overwriting_input=True) as document:
        for page in document.pages:
            page.obj.Contents = document.make_stream(b"0 0 0 rg 0.8 0 0 RG " + page.obj.Contents.read_bytes())
        document.save(source)
    with pikepdf.open(source) as document:
        assert black.black_pages(document) == (1, 2, 3, 4)
    imposed = pdf.write(pdf.open_source(source), saddle.layout(4, pdf.open_source(source).size, A4))
    with pikepdf.open(io.BytesIO(imposed)) as document:
        assert black.black_pages(document) == ()
        forms = [form for page in document.pages for form in page.Resources.XObject.values()]
        assert all(form.read_bytes().startswith(b"0 g\n0.8 0 0 RG\n") for form in forms)
