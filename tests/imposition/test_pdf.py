"""The imposition engine on real PDFs: order read back with pypdfium2, rotated and cropped pages,
damaged files, marks, determinism. Sources are small PDFs written here with pypdf."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from builder.errors import BuildError
from builder.imposition.engine import pdf
from builder.imposition.layouts import onepagezine, saddle, testsheet
from builder.paper import A3, A4, A5, MM, Size
from builder.typography import fr
from PIL import ImageChops
from pypdf import PdfReader, PdfWriter
from pypdf.generic import IndirectObject, NameObject

from conftest import DATA, half_texts, make_pdf, markers


def impose(path: Path, plan_for=saddle.layout, sheet: Size = A4,  # type: ignore[no-untyped-def]
           **options: object) -> Path:
    """Impose with the engine, into a file named after the options (each call its own file)."""
    source = pdf.open_source(path)
    plan = plan_for(source.pages, source.size, sheet, **options)
    out = path.with_name("-".join([path.stem, sheet.__str__().split()[0], *map(str, options.values())]) + ".pdf")
    out.write_bytes(pdf.write(source, plan))
    return out


def direction(path: Path, side: int, marker: str) -> str:
    """How the marker's letters run on a side of the imposed PDF: right, left, up or down."""
    document = pdfium.PdfDocument(path)
    try:
        text = document[side].get_textpage()
        found = text.search(marker).get_next()
        assert found is not None, f"{marker} not on side {side + 1}"
        first, last = text.get_charbox(found[0]), text.get_charbox(found[0] + len(marker) - 1)
    finally:
        document.close()
    dx, dy = last[0] - first[0], last[1] - first[1]
    return ("right" if dx > 0 else "left") if abs(dx) > abs(dy) else ("up" if dy > 0 else "down")


def render(path: Path, side: int, scale: float = 1.0):  # type: ignore[no-untyped-def]
    document = pdfium.PdfDocument(path)
    try:
        return document[side].render(scale=scale).to_pil().convert("L")
    finally:
        document.close()


# Order read back --------------------------------------------------------------------------------

def test_saddle_order_is_read_back_on_each_half(tmp_path: Path) -> None:
    out = impose(make_pdf(tmp_path / "in.pdf", 10))
    # 10 pages + 2 blanks before the back cover: booklet order 1…9, _, _, 10
    assert markers(half_texts(out)) == [(10, 1), (2, None), (None, 3), (4, 9), (8, 5), (6, 7)]


def test_onepagezine_panels_are_read_back(tmp_path: Path) -> None:
    out = impose(make_pdf(tmp_path / "in.pdf", 8, (74.25, 105)), onepagezine.layout)
    document = pdfium.PdfDocument(out)
    (side,) = document
    width, height = side.get_size()
    text = side.get_textpage()
    panels = [[text.get_text_bounded(i * width / 4, row * height / 2, (i + 1) * width / 4, (row + 1) * height / 2)
               for i in range(4)] for row in (1, 0)]
    document.close()
    assert [[int(t.split("P", 1)[1][:2]) for t in row] for row in panels] == [[5, 4, 3, 2], [6, 7, 8, 1]]
    assert direction(out, 0, "P05") == "left" and direction(out, 0, "P01") == "right"


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotated_pages_are_imposed_upright(tmp_path: Path, rotate: int) -> None:
    source = make_pdf(tmp_path / "in.pdf", 4, rotate=rotate)
    assert pdf.open_source(source).size == A5
    out = impose(source)
    assert markers(half_texts(out)) == [(4, 1), (2, 3)]
    assert {direction(out, side, f"P0{n}") for side, n in ((0, 4), (0, 1), (1, 2))} == {"right"}


def test_trimbox_is_the_page_and_the_bleed_is_clipped(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "in.pdf", 4, bleed=3)
    assert pdf.open_source(source).size == A5
    out = impose(source)
    assert markers(half_texts(out)) == [(4, 1), (2, 3)]
    # the left page's right bleed (a black bar) would land just right of the spine if not clipped
    bar = render(source, 0, scale=2)
    assert bar.getpixel((bar.width - 3, bar.height // 2)) < 50, "the source has its bar in the bleed"
    image = render(out, 0, scale=2)
    spine, middle = image.width / 2, image.height // 2
    assert min(image.getpixel((int(spine + mm * MM * 2), middle)) for mm in (1.5, 2, 2.5)) > 200


def test_cropbox_smaller_than_the_mediabox_sets_the_size(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "in.pdf", 4, (160, 222), crop=6)
    assert pdf.open_source(source).size == A5
    assert markers(half_texts(impose(source))) == [(4, 1), (2, 3)]


def test_a_rotated_landscape_page_counts_as_portrait(tmp_path: Path) -> None:
    plain = PdfReader(make_pdf(tmp_path / "plain.pdf", 3))
    turned = PdfReader(make_pdf(tmp_path / "turned.pdf", 1, rotate=90))
    writer = PdfWriter()
    for page in (plain.pages[0], turned.pages[0], plain.pages[2]):
        writer.add_page(page)
    writer.write(tmp_path / "mixed.pdf")
    assert pdf.open_source(tmp_path / "mixed.pdf").size == A5


def test_several_content_streams_are_joined(tmp_path: Path) -> None:
    out = impose(make_pdf(tmp_path / "in.pdf", 4, split=True))
    assert markers(half_texts(out)) == [(4, 1), (2, 3)]


# Errors -----------------------------------------------------------------------------------------

def encrypted(path: Path, user: str = "secret", owner: str = "owner") -> Path:
    with pikepdf.open(make_pdf(path.with_name("plain.pdf"), 4)) as plain:
        plain.save(path, encryption=pikepdf.Encryption(user=user, owner=owner, R=4))
    return path


def truncated(path: Path) -> Path:
    data = make_pdf(path.with_name("whole.pdf"), 8).read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def no_pages(path: Path) -> Path:
    PdfWriter().write(path)
    return path


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: make_pdf(p, 5, odd={3: (148, 200), 4: (100, 100)}),
     "in.pdf: pages of different sizes (pages 1, 2, 5: 148 × 210 mm; page 3: 148 × 200 mm; page 4: 100 × 100 mm): "
     "all must share one size, either way up"),
    (lambda p: p, "in.pdf: no such file"),
    (lambda p: (p.write_bytes(b""), p)[1], "in.pdf: not a readable PDF"),
    (lambda p: (p.write_bytes(b"%PDF-1.7\n garbage \x00\xff" * 50), p)[1], "in.pdf: not a readable PDF"),
    (lambda p: (p.write_text("hello, I am a text file\n"), p)[1], "in.pdf: not a readable PDF"),
    (truncated, "in.pdf: not a readable PDF"),
    (encrypted, "in.pdf: the PDF is encrypted"),
    # a user password, and an empty owner password: qpdf would open it, no viewer does
    (lambda p: encrypted(p, user="secret", owner=""), "in.pdf: the PDF is encrypted"),
    (no_pages, "in.pdf: the PDF has no pages"),
    (lambda p: (p.mkdir(), p)[1], "in.pdf: is a folder, not a PDF"),
])
def test_bad_inputs_are_named(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / "in.pdf")
    with pytest.raises(BuildError) as error:
        pdf.write(pdf.open_source(path), saddle.layout(8, A5, A4))
    assert str(error.value).startswith(str(tmp_path / message.split(":")[0]))
    assert message.split(": ", 1)[1] in str(error.value)


# What viewers read, pypdf reads ---------------------------------------------------------------------

@pytest.mark.parametrize("source", ["made", "aes256"])
def test_a_file_with_an_empty_user_password_is_read(tmp_path: Path, source: str) -> None:
    """Every viewer opens it without asking: so does zine impose (RC4 from pikepdf; AES-256 from qpdf)."""
    path = encrypted(tmp_path / "in.pdf", user="") if source == "made" else DATA / "aes256-owner-only.pdf"
    opened = pdf.open_source(path)
    out = tmp_path / "out.pdf"
    out.write_bytes(pdf.write(opened, saddle.layout(opened.pages, opened.size, A4, scaling="down")))
    assert pdfium.PdfDocument(out)[0].get_textpage().get_text_bounded().strip() != ""


def test_a_broken_cross_reference_table_is_rebuilt_with_a_note(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "in.pdf", 4)
    data = path.read_bytes()
    at = data.rindex(b"startxref") + len(b"startxref\n")
    path.write_bytes(data[:at] + b"999" + data[at:].lstrip(b"0123456789"))  # points nowhere
    source = pdf.open_source(path)
    assert any(note.startswith("the PDF was damaged and read anyway (") for note in source.notes), source.notes
    assert markers(half_texts(impose(path))) == [(4, 1), (2, 3)]


def image_pdf(path: Path, colour_space: bytes) -> Path:
    """An A5 page showing a black 8 × 8 image over 100 × 100 pt, its colour space written as given."""
    pixels = b"\x00" * 64
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 419.53 595.28] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length 34 >>\nstream\nq 100 0 0 100 150 250 cm /Im1 Do Q\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace " + colour_space
        + b" /BitsPerComponent 8 /Length 64 >>\nstream\n" + pixels + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def dark(path: Path) -> int:
    """How many pixels of the first page are dark."""
    return sum(1 for value in render(path, 0, scale=0.5).tobytes() if value < 100)


def test_a_nul_byte_after_a_name_is_white_space_as_viewers_read_it(tmp_path: Path) -> None:
    """pypdf reads /DeviceGray\\0 as a name of its own: written back, no viewer knows it and the
    image vanishes (pypdf's AutoCad_Diagram.pdf does this with [/Indexed /DeviceRGB\\0 255 …])."""
    source = image_pdf(tmp_path / "in.pdf", b"[/Indexed /DeviceGray\x00255 <" + bytes(range(256)).hex().encode() + b">]")
    assert dark(source) > 2000, "the source shows its image"
    out = impose(source, scaling="down")
    assert dark(out) > 0.9 * dark(source)


def annotated(path: Path) -> Path:
    """A page with a printed square (Print flag, an appearance), a link and a note not printed."""
    with pikepdf.open(make_pdf(path.with_name("plain.pdf"), 4)) as document:
        appearance = document.make_stream(b"0 g 0 0 60 60 re f", BBox=[0, 0, 60, 60], Type=pikepdf.Name.XObject,
                                          Subtype=pikepdf.Name.Form)
        square = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Square, Rect=[200, 300, 260, 360],
                                    F=4, AP=pikepdf.Dictionary(N=appearance))
        link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[50, 50, 150, 70], F=0)
        note = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[50, 90, 70, 110], F=0)
        document.pages[0].obj.Annots = document.make_indirect(pikepdf.Array([square, link, note]))
        document.save(path)
    return path


def test_annotations_that_print_are_drawn_and_the_others_named(tmp_path: Path) -> None:
    source = pdf.open_source(annotated(tmp_path / "in.pdf"))
    assert source.notes == ("left out 2 annotations a viewer does not print (Link, Text)",)
    out = tmp_path / "out.pdf"
    out.write_bytes(pdf.write(source, saddle.layout(4, A5, A4)))
    # the square: 60 pt at (200, 300) on page 1, the right half of the first side
    image = render(out, 0)
    x, y = round(A4.landscape.width * MM / 2 + 230), round(A5.height * MM - 330)
    assert image.getpixel((x, y)) < 50, "the printed annotation is on the sheet"
    assert "/Annots" not in PdfReader(out).pages[0]


def test_a_mixed_document_turns_its_landscape_pages(tmp_path: Path) -> None:
    plain = PdfReader(make_pdf(tmp_path / "plain.pdf", 4))
    wide = PdfReader(make_pdf(tmp_path / "wide.pdf", 4, (210, 148)))
    writer = PdfWriter()
    for page in (plain.pages[0], wide.pages[1], plain.pages[2], plain.pages[3]):
        writer.add_page(page)
    writer.write(tmp_path / "mixed.pdf")
    source = pdf.open_source(tmp_path / "mixed.pdf")
    assert (source.size, source.turned) == (A5, frozenset({1}))
    assert source.notes == ("page 2 turned a quarter turn to fit, its top toward the left edge",)
    out = impose(tmp_path / "mixed.pdf")
    assert markers(half_texts(out)) == [(4, 1), (2, 3)]
    assert direction(out, 1, "P02") == "up", "turned counter-clockwise: its top toward the left edge"
    assert direction(out, 1, "P03") == "right"


def test_scaled_pages_are_drawn_at_their_scale(tmp_path: Path) -> None:
    out = impose(make_pdf(tmp_path / "in.pdf", 4, (210, 297)), scaling="down")
    assert markers(half_texts(out)) == [(4, 1), (2, 3)]
    # the page's frame (3 pt inside its edge) fills the right half of the sheet, 0.707 times its size
    image = render(out, 0)
    box = image.crop((image.width // 2, 0, image.width, image.height)).point(lambda v: 255 if v < 128 else 0).getbbox()
    assert box is not None
    width, height = (box[2] - box[0]) / MM, (box[3] - box[1]) / MM
    assert (width, height) == pytest.approx((148.5 - 6 / MM * 0.707, 210 - 6 / MM * 0.707), abs=1)


def test_a_damaged_stream_is_a_clear_error_when_drawn(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "in.pdf", 4, split=True)
    data = path.read_bytes()
    # break the first compressed content stream (split streams are decoded and joined)
    start = data.index(b"stream\n") + len(b"stream\n")
    path.write_bytes(data[:start] + b"\x00" * 20 + data[start + 20:])
    source = pdf.open_source(path)
    with pytest.raises(BuildError, match="in.pdf: the PDF is damaged .*decompress"):
        pdf.write(source, saddle.layout(source.pages, source.size, A4))


def test_an_unknown_filter_is_a_clear_error(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "in.pdf", 4, split=True)
    path.write_bytes(path.read_bytes().replace(b"/FlateDecode", b"/FlateDecodX"))
    source = pdf.open_source(path)
    with pytest.raises(BuildError, match="in.pdf: not a readable PDF"):
        pdf.write(source, saddle.layout(source.pages, source.size, A4))


def test_damaged_files_give_a_build_error_or_a_pdf_never_a_crash(tmp_path: Path) -> None:
    rng = random.Random(7)
    sources = [make_pdf(tmp_path / "a.pdf", 6), make_pdf(tmp_path / "b.pdf", 5, split=True, bleed=3)]
    for attempt in range(60):
        data = bytearray(rng.choice(sources).read_bytes())
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data))
            if rng.random() < 0.6:
                data[at] = rng.randrange(256)
            else:
                del data[at:at + rng.randint(1, 40)]
        path = tmp_path / f"damaged-{attempt}.pdf"
        path.write_bytes(bytes(data))
        try:
            source = pdf.open_source(path)
            pdf.write(source, saddle.layout(source.pages, source.size, A4))
        except BuildError as error:
            assert str(error).startswith(str(path)), error


# The engine's output ------------------------------------------------------------------------------

def test_output_is_deterministic(tmp_path: Path) -> None:
    source = pdf.open_source(make_pdf(tmp_path / "in.pdf", 12))
    plan = saddle.layout(12, A5, A4, flip="long", creep=0.1)
    assert pdf.write(source, plan) == pdf.write(pdf.open_source(tmp_path / "in.pdf"), plan)


def test_content_is_copied_as_it_is_and_each_form_has_resources_sharing_the_fonts(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "in.pdf", 8)
    raw_in = {page["/Contents"].get_object()._data for page in PdfReader(source).pages}
    out = PdfReader(io.BytesIO(pdf.write(pdf.open_source(source), saddle.layout(8, A5, A4))))
    forms = {xobject.idnum: xobject.get_object() for side in out.pages
             for xobject in side["/Resources"]["/XObject"].values()}
    assert len(forms) == 8
    assert {form._data for form in forms.values()} == raw_in, "still compressed, byte for byte"
    # eight equal resource dictionaries in; out, each form its own (pdftops reads a form's
    # /Resources object once: a second one is a "loop in Resources"), sharing one font
    # dictionary and one font object
    assert not any(isinstance(form.raw_get("/Resources"), IndirectObject) for form in forms.values())
    assert len({form["/Resources"].raw_get("/Font").idnum for form in forms.values()}) == 1
    fonts = {id(font) for form in forms.values() for font in form["/Resources"]["/Font"].values()}
    assert len(fonts) == 1
    assert all("/Annots" not in side and "/Outlines" not in out.root_object for side in out.pages)


def test_long_edge_flip_turns_the_backs_upside_down(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "in.pdf", 8)
    short, long = impose(source), impose(source, flip="long")
    assert [direction(short, side, marker) for side, marker in ((0, "P01"), (1, "P02"), (3, "P04"))] == ["right"] * 3
    assert [direction(long, side, marker) for side, marker in ((0, "P01"), (1, "P02"), (3, "P04"))] == \
        ["right", "left", "left"]
    # turned, the back's pages swap halves: page 2 is now on the right, upside down
    assert markers(half_texts(long))[1] == (7, 2)


def test_marks_are_drawn_outside_the_pages(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "in.pdf", 8)
    plain, marked = impose(source, sheet=A3), impose(source, sheet=A3, marks=True)
    changed = ImageChops.difference(render(plain, 0), render(marked, 0)).point(lambda v: 255 if v > 60 else 0)
    assert changed.getbbox() is not None, "marks were drawn"
    # the pages: two A5 centred on A3 landscape (420 × 297 mm); image rows run from the top
    left, right = round((210 - 148) * MM), round((210 + 148) * MM)
    top, bottom = round((297 - 210) / 2 * MM), round((297 + 210) / 2 * MM)
    assert changed.crop((left - 1, top - 1, right + 1, bottom + 1)).getbbox() is None, "nothing on the pages"
    # fold ticks above and below the spine, staple ticks left and right of the pages
    assert changed.crop((left, 0, right, top)).getbbox() is not None
    assert changed.crop((left, bottom, right, changed.height)).getbbox() is not None
    assert changed.crop((0, top, left, bottom)).getbbox() is not None
    assert changed.crop((right, top, changed.width, bottom)).getbbox() is not None


def test_manual_duplex_writes_fronts_then_backs_last_sheet_first(tmp_path: Path) -> None:
    source = pdf.open_source(make_pdf(tmp_path / "in.pdf", 12))
    plan = saddle.layout(12, A5, A4)
    fronts, backs = plan.fronts_backs()
    (tmp_path / "f.pdf").write_bytes(pdf.write(source, plan, fronts))
    (tmp_path / "b.pdf").write_bytes(pdf.write(source, plan, backs))
    assert markers(half_texts(tmp_path / "f.pdf")) == [(12, 1), (10, 3), (8, 5)]
    assert markers(half_texts(tmp_path / "b.pdf")) == [(6, 7), (4, 9), (2, 11)]


def test_test_sheet_reads_upright_on_the_front_and_both_ways_on_the_back(tmp_path: Path) -> None:
    out = tmp_path / "test.pdf"
    out.write_bytes(pdf.write(None, testsheet.layout(A4)))
    assert [Size.from_points(*side.get_size()) for side in pdfium.PdfDocument(out)] == [A4.landscape] * 2
    assert direction(out, 0, "FRONT") == "right"
    assert direction(out, 1, "SETTING IS RIGHT") == "right"
    assert direction(out, 1, "UPSIDE DOWN") == "left"
    assert "\u201cflip on the short edge\u201d" in half_texts(out)[1][0] + half_texts(out)[1][1]
    out.write_bytes(pdf.write(None, testsheet.layout(A4, words=fr.WORDS)))
    assert direction(out, 0, "RECTO") == "right"
    assert direction(out, 1, "LE RÉGLAGE EST BON") == "right"
    assert direction(out, 1, "CHANGEZ LE RÉGLAGE") == "left"
    assert "« retourner sur le bord court »" in half_texts(out)[1][0] + half_texts(out)[1][1]


def test_metadata_and_language_are_kept(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=make_pdf(tmp_path / "plain.pdf", 4))
    writer.add_metadata({"/Title": "Zine d’essai", "/Author": "Collectif"})
    writer.root_object[NameObject("/Lang")] = NameObject("/fr")
    writer.write(tmp_path / "in.pdf")
    reader = PdfReader(impose(tmp_path / "in.pdf"))
    assert reader.metadata is not None and reader.metadata.title == "Zine d’essai"
    assert str(reader.root_object["/Lang"]).strip("/") == "fr"
