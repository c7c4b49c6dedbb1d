"""WeasyPrint's costs that grew with the square of the parts, made linear (render.speedups, issue 25
item 4): the same PDF, fewer passes over the whole document. Counted, never timed."""

from __future__ import annotations

from pathlib import Path

import pydyf
import pypdfium2 as pdfium
from builder.render import speedups
from weasyprint import HTML
from weasyprint.layout import LayoutContext, page

speedups.install()

FONT = (Path(__file__).resolve().parents[2] / "templates/fonts/CharisSIL-Regular.ttf").as_uri()
PAGED = ("<style>@font-face { font-family: Shipped; src: url(" + FONT + ") } "
         """html { font-family: Shipped }
@page { font-family: Shipped; @top-center { content: "top" } @bottom-right { content: counter(page) } }
@page :left { @bottom-left { content: "left" } } p { break-after: page; }</style>
<p>one</p><p>two</p><p>three</p>""")
"""Three pages with margin boxes, in the shipped font: with an empty fontconfig the machine has none,
and Pango crashes on text with no font at all."""


class Counted:
    """A footnote stand-in that counts how often it is compared."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        Counted.compared += 1
        return other is self

    __hash__ = object.__hash__


def test_page_references_are_kept_not_remade() -> None:
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert pdf.page_references is first  # not a new tuple of every page at each read
    assert first == tuple(f"{number} 0 R".encode() for number in pdf.pages["Kids"][::3])
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 4 and pdf.page_references[:3] == first


def test_no_footnote_is_found_without_a_look_at_the_notes() -> None:
    context = LayoutContext(None, lambda *args, **kwargs: None, None, None, None)
    notes = [Counted() for _ in range(100)]
    context.footnotes.extend(notes)
    Counted.compared = 0
    assert None not in context.footnotes and None not in context.footnotes.copy()
    assert Counted.compared == 0
    assert notes[50] in context.footnotes.copy()


def test_margin_boxes_are_styled_as_weasyprint_does() -> None:
    pdf = pdfium.PdfDocument(HTML(string=PAGED).write_pdf())
    texts = [sorted(one.get_textpage().get_text_bounded().split()) for one in pdf]
    assert texts == [["1", "one", "top"], ["2", "left", "top", "two"], ["3", "three", "top"]]
    assert page.set_page_type_computed_styles is speedups._page_styles
