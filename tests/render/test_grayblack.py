"""Black drawn on one ink by WeasyPrint itself (render.grayblack, issue 26): exact black set as
DeviceGray, other colours as they were; the build's outputs then hold no RGB black, and the
imposition leaves their black as drawn."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pydyf
import pypdfium2 as pdfium
import pytest
from builder.imposition.engine import black, reading
from builder.kinds import Kind
from builder.model import Report
from builder.render import grayblack
from PIL import ImageChops
from weasyprint import HTML
from weasyprint.pdf.stream import Stream

grayblack.install()

FONT = (Path(__file__).resolve().parents[2] / "templates/fonts/CharisSIL-Regular.ttf").as_uri()
PAGE = ("<style>@font-face { font-family: Shipped; src: url(" + FONT + ") } html { font-family: Shipped }"
        " p { border: 1pt solid black } em { color: #c00 } b { color: rgb(0 0 0 / 50%) } i { color: #010101 }"
        "</style><p>black <em>red</em> <b>half</b> <i>near</i></p>"
        '<svg width="20" height="20"><line x1="0" y1="0" x2="20" y2="20" stroke="black"/></svg>')


def _operators(data: bytes) -> list[str]:
    """The colour operators of the first page, with their operands, as text."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [" ".join([*(str(operand) for operand in operands), str(operator)])
                for operands, operator in pikepdf.parse_content_stream(pdf.pages[0])
                if str(operator) in ("rg", "RG", "g", "G")]


def test_exact_black_is_drawn_as_device_gray_and_other_colours_as_they_were() -> None:
    assert grayblack.drawn()
    operators = _operators(HTML(string=PAGE).write_pdf())
    assert "0 g" in operators and "0 G" in operators  # the text and border (filled), the line (stroked)
    assert "0.8 0 0 rg" in operators  # red stays RGB
    assert not any(operator.startswith("0 0 0 ") for operator in operators), operators
    assert any(operator.endswith(" rg") and operator.startswith("0.0039") for operator in operators)  # near black


def test_a_page_drawn_so_has_the_pixels_of_rgb_black(monkeypatch: pytest.MonkeyPatch) -> None:
    gray = HTML(string=PAGE).write_pdf()
    monkeypatch.setattr(Stream, "set_color_rgb", pydyf.Stream.set_color_rgb)  # as WeasyPrint alone draws
    rgb = HTML(string=PAGE).write_pdf()
    assert "0 0 0 rg" in _operators(rgb) and gray != rgb
    images = [pdfium.PdfDocument(data)[0].render(scale=2).to_pil().convert("RGB") for data in (gray, rgb)]
    assert ImageChops.difference(*images).getbbox() is None


def test_a_page_drawn_so_has_nothing_for_the_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_bytes(HTML(string=PAGE).write_pdf())
    with pikepdf.open(path) as pdf:
        assert black.black_pages(pdf) == ()
    inked = reading.clean(path, "page.pdf", inked=True)
    with pikepdf.open(io.BytesIO(inked.data)) as pdf:
        assert black.black_pages(pdf) == ()


def test_the_builds_outputs_hold_no_rgb_black(shipped_build: Report) -> None:
    """The reading edition (drawn so), the booklet and mini-zine (imposed without the rewrite) and
    the letters (not rewritten either)."""
    kinds = (Kind.READING, Kind.BOOKLET, Kind.LETTERS, Kind.MINIZINE)
    names = [output.path for output in shipped_build.outputs
             if output.path.name.endswith(tuple(kind.suffix for kind in kinds))]
    assert len(names) == len(kinds)
    for path in names:
        with pikepdf.open(path) as pdf:
            assert black.black_pages(pdf) == (), path.name
