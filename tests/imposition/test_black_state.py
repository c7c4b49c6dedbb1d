"""Black on one ink keeps the colour state other streams read (engine/gray.py, issue 22, item 4): a
form or a Type 3 glyph that sets a colour by `sc` without a `cs` of its own reads its caller's
colour space, which the rewrite of its caller's black must not change; Type 3 glyphs are
rewritten like forms; image masks, shadings and text render modes draw as before; a page under
a /DefaultRGB keeps its RGB. Checked on what pdfium draws and on what poppler says of the file."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from builder.imposition.engine import black
from PIL import Image, ImageChops

SIZE = 200
RED = (255, 0, 0)


def _page(content: bytes, **resources: pikepdf.Object) -> pikepdf.Pdf:
    """A PDF of one SIZE × SIZE pt page drawing `content` with `resources`, /CS0 being DeviceRGB."""
    document = pikepdf.new()
    document.add_blank_page(page_size=(SIZE, SIZE))
    page = document.pages[0].obj
    page.Resources = pikepdf.Dictionary(ColorSpace=pikepdf.Dictionary(CS0=pikepdf.Name.DeviceRGB), **resources)
    page.Contents = document.make_stream(content)
    return document


def _form(document: pikepdf.Pdf, content: bytes, **resources: pikepdf.Object) -> pikepdf.Stream:
    return document.make_stream(content, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                BBox=[0, 0, SIZE, SIZE], Resources=pikepdf.Dictionary(**resources))


def _bytes(document: pikepdf.Pdf) -> bytes:
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _image(data: bytes) -> Image.Image:
    """The page as pdfium draws it, one pixel a point (y from the top)."""
    return pdfium.PdfDocument(data)[0].render(scale=1).to_pil().convert("RGB")


def _poppler(data: bytes, tmp_path: Path) -> tuple[str, Image.Image]:
    """What pdftoppm (poppler, the reader of many print paths) says reading the file, and draws."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    (tmp_path / "in.pdf").write_bytes(data)
    done = subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(tmp_path / "in.pdf"),
                           str(tmp_path / "out")], capture_output=True, text=True, check=False)
    with Image.open(tmp_path / "out.png") as image:
        return done.stderr, image.convert("RGB")


def _rewritten(document: pikepdf.Pdf, tmp_path: Path) -> bytes:
    """The document after the rewrite, of which poppler says no more than of the original (issue 22:
    no warning its input did not draw; a font the machine lacks is said of both, and with an empty
    fontconfig the machine has none)."""
    said = _poppler(_bytes(document), tmp_path)[0]
    assert "argument" not in said and "operator" not in said, said
    assert black.one_ink(document)
    data = _bytes(document)
    assert _poppler(data, tmp_path)[0] == said
    return data


@pytest.mark.parametrize(("caller", "inside"), [
    (b"/CS0 cs 0 0 0 sc", b"1 0 0 sc 0 0 100 100 re f"),
    (b"/DeviceRGB cs", b"1 0 0 scn 0 0 100 100 re f"),
    (b"/CS0 CS 0 0 0 SC", b"1 0 0 SC 40 w 0 50 m 100 50 l S"),
])
def test_a_form_keeps_reading_the_colour_space_of_its_caller(tmp_path: Path, caller: bytes, inside: bytes) -> None:
    document = _page(caller + b" 150 150 20 20 re f 150 150 m 170 170 l S /X1 Do 160 10 30 30 re f")
    document.pages[0].obj.Resources.XObject = pikepdf.Dictionary(X1=_form(document, inside))
    data = _rewritten(document, tmp_path)
    assert _image(data).getpixel((50, SIZE - 50)) == RED
    # The black around it is on one ink still: only the form sees the space it had.
    assert black.black_pages(pikepdf.open(io.BytesIO(data))) == ()
    content = document.pages[0].obj.Contents.read_bytes()
    assert content.startswith(b"0 ") and b"/DeviceRGB" in content and content.endswith(b"f")


def test_a_form_drawing_one_that_reads_the_space_is_read_through(tmp_path: Path) -> None:
    document = _page(b"/CS0 cs 0 0 0 sc /X1 Do")
    inner = _form(document, b"1 0 0 sc 0 0 100 100 re f")
    document.pages[0].obj.Resources.XObject = pikepdf.Dictionary(
        X1=_form(document, b"q /X2 Do Q", XObject=pikepdf.Dictionary(X2=inner)))
    assert _image(_rewritten(document, tmp_path)).getpixel((50, SIZE - 50)) == RED


def test_a_form_that_sets_its_own_space_is_drawn_on_one_ink(tmp_path: Path) -> None:
    document = _page(b"0 0 0 rg /X1 Do")
    form = _form(document, b"/DeviceRGB cs 1 0 0 sc 0 0 100 100 re f 0 0 0 rg 100 100 50 50 re f")
    document.pages[0].obj.Resources.XObject = pikepdf.Dictionary(X1=form)
    data = _rewritten(document, tmp_path)
    assert document.pages[0].obj.Contents.read_bytes() == b"0 g\n/X1 Do"
    assert form.read_bytes().endswith(b"0 g\n100 100 50 50 re\nf")
    assert _image(data).getpixel((50, SIZE - 50)) == RED


def _type3(document: pikepdf.Pdf, glyph: bytes) -> pikepdf.Dictionary:
    """A Type 3 font whose one glyph, "a", is 1000 units square, drawn by `glyph`."""
    return document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 1000, 1000],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=pikepdf.Dictionary(a=document.make_stream(glyph)),
        Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding, Differences=[97, pikepdf.Name.a]),
        FirstChar=97, LastChar=97, Widths=[1000], Resources=pikepdf.Dictionary()))


def test_a_type_3_glyph_keeps_reading_the_colour_space_of_its_text(tmp_path: Path) -> None:
    document = _page(b"/CS0 cs 0 0 0 sc BT /T3 100 Tf 0 0 Td (a) Tj ET 150 150 20 20 re f")
    document.pages[0].obj.Resources.Font = pikepdf.Dictionary(
        T3=_type3(document, b"1000 0 d0 1 0 0 sc 0 0 1000 1000 re f"))
    # (pdfium draws no glyph that reads its text's colour space, before the rewrite as after it.)
    assert _poppler(_rewritten(document, tmp_path), tmp_path)[1].getpixel((50, SIZE - 50)) == RED


def test_the_black_of_a_type_3_glyph_is_rewritten_unless_it_takes_its_colour_from_the_text() -> None:
    document = _page(b"BT /T3 100 Tf 0 0 Td (a) Tj ET BT /T4 100 Tf 100 100 Td (a) Tj ET")
    coloured, uncoloured = (_type3(document, b"1000 0 d0 0 0 0 rg 0 0 1000 1000 re f"),
                            _type3(document, b"1000 0 0 0 1000 1000 d1 0 0 0 rg 0 0 1000 1000 re f"))
    document.pages[0].obj.Resources.Font = pikepdf.Dictionary(T3=coloured, T4=uncoloured)
    assert black.black_pages(document) == (1,)
    assert black.one_ink(document)
    assert coloured.CharProcs.a.read_bytes() == b"1000 0 d0\n0 g\n0 0 1000 1000 re\nf"
    # A d1 glyph's colour operators are ignored (the text's colour is used): left as they are.
    assert uncoloured.CharProcs.a.read_bytes() == b"1000 0 0 0 1000 1000 d1 0 0 0 rg 0 0 1000 1000 re f"
    assert black.black_pages(document) == ()


def test_cmyk_black_is_left_as_it_is_and_not_counted() -> None:
    document = _page(b"0 0 0 1 k 0 0 100 100 re f /DeviceCMYK CS 0 0 0 1 SC 0 0 m 100 100 l S")
    assert black.black_pages(document) == ()
    assert not black.one_ink(document)


def test_rgb_under_a_default_rgb_space_is_not_taken_for_black() -> None:
    # DeviceRGB stands for /DefaultRGB there: 0 0 0 is that space's, not necessarily neutral.
    content = b"0 0 0 rg 0 0 100 100 re f /DeviceRGB cs 0 0 0 sc"
    document = _page(content)
    document.pages[0].obj.Resources.ColorSpace.DefaultRGB = pikepdf.Array([pikepdf.Name.CalRGB, pikepdf.Dictionary(
        WhitePoint=[0.9505, 1, 1.089])])
    assert black.black_pages(document) == ()
    assert not black.one_ink(document)
    assert document.pages[0].obj.Contents.read_bytes() == content


MASK = bytes([0b11110000] * 8)
"""An 8 × 8 image mask: its right half (the zeros) painted in the fill colour."""


def test_image_masks_shadings_and_text_render_modes_draw_as_before(tmp_path: Path) -> None:
    document = _page(b"0 0 0 rg 0 0 0 RG q 80 0 0 80 10 10 cm /M1 Do Q "
                     b"q 80 0 0 80 110 10 cm BI /IM true /W 8 /H 8 /BPC 1 ID " + MASK + b" EI Q "
                     b"q 10 110 80 80 re W n /Sh1 sh Q "
                     b"BT /F1 60 Tf 3 w 1 Tr 110 120 Td (H) Tj 2 Tr 40 0 Td (I) Tj ET")
    resources = document.pages[0].obj.Resources
    resources.XObject = pikepdf.Dictionary(M1=document.make_stream(
        MASK, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, ImageMask=True, Width=8, Height=8,
        BitsPerComponent=1))
    resources.Shading = pikepdf.Dictionary(Sh1=pikepdf.Dictionary(
        ShadingType=2, ColorSpace=pikepdf.Name.DeviceRGB, Coords=[10, 0, 90, 0], Extend=[True, True],
        Function=pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0], C1=[1, 0, 0], N=1)))
    resources.Font = pikepdf.Dictionary(F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                              BaseFont=pikepdf.Name.Helvetica))
    before = _bytes(document)
    after = _rewritten(document, tmp_path)
    assert document.pages[0].obj.Contents.read_bytes().startswith(b"0 g\n0 G\n")
    assert ImageChops.difference(_image(before), _image(after)).getbbox() is None
    drawn = _image(after)
    assert drawn.getpixel((70, SIZE - 50)) == drawn.getpixel((170, SIZE - 50)) == (0, 0, 0)  # the masks
    assert drawn.getpixel((80, SIZE - 150))[0] > 200  # the shading's red end
