"""Tables wider than the text (render.tables): set smaller to fit, never below 7 pt, or refused by file and line.

These lay small documents out with WeasyPrint directly: they also fail if WeasyPrint's boxes, which
the check reads, change shape."""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
import pytest
from builder.errors import BuildError
from builder.render import tables
from weasyprint import HTML

from conftest import ROOT

FONT = (ROOT / "templates/fonts/CharisSIL-Regular.ttf").as_uri()
PAGE = (f"@font-face {{ font-family: Shipped; src: url({FONT}) }} "
        "@page { size: 105mm 148mm; margin: 12mm; } html { font: 9pt Shipped; } body { margin: 0; } "
        "td { padding: 0.3em; }")
"""The shipped font, not the machine's serif: the widths measured are the same on every machine
(with an empty fontconfig, "serif" is no font at all)."""


def document(columns: int, *, marked: bool = True, cell: str = "1234") -> str:
    source = ' data-source="content/x.md:12"' if marked else ""
    rows = "".join("<tr>" + f"<td>{cell}</td>" * columns + "</tr>" for _ in range(3))
    return f"<html><head><style>{PAGE}</style></head><body><p>Text.</p><table{source}>{rows}</table></body></html>"


def lay_out(text: str) -> Any:
    return HTML(string=text).render()


def test_a_table_wider_than_the_text_is_found_with_its_source_and_sizes() -> None:
    [wide] = tables.wide(lay_out(document(9)).pages)
    assert wide.source == "content/x.md:12"
    assert wide.room_mm == pytest.approx(105 - 24, abs=0.5)
    assert wide.width_mm > wide.room_mm and wide.size_pt == pytest.approx(9)
    assert tables.wide(lay_out(document(3)).pages) == []
    assert tables.wide(lay_out(document(9, marked=False)).pages) == []  # raw HTML: not the reader's


def test_a_wide_table_is_set_smaller_until_it_fits_and_the_build_says_so() -> None:
    laid_out, said, errors = tables.fit(lay_out, document(9), "reading document")
    assert errors == [] and tables.wide(laid_out.pages) == []
    [notice] = said
    assert notice.startswith("content/x.md:12: this table was ") and "instead of 9.0 pt to fit" in notice
    size = float(notice.split("is set at ")[1].split(" pt")[0])
    assert tables.SMALLEST_PT <= size < 9


def test_a_table_that_would_need_less_than_7_pt_is_refused_with_its_file_and_line() -> None:
    _, said, errors = tables.fit(lay_out, document(30), "reading document")
    assert said == []
    [error] = errors
    assert (error.where, error.line) == ("content/x.md", 12)
    assert "even at 7 pt it would not fit" in error.message
    assert "the text of the reading document is 81 mm" in error.message


def test_a_document_without_a_marked_table_is_laid_out_once_and_not_measured() -> None:
    calls: list[str] = []

    def counting(text: str) -> Any:
        calls.append(text)
        return lay_out(text)

    assert tables.fit(counting, document(30, marked=False), "reading document")[1:] == ([], [])
    assert len(calls) == 1


def test_boxes_of_another_shape_stop_the_build_rather_than_pass_wide_tables() -> None:
    class Page:
        _page_box = object()  # no content_box_x: what a WeasyPrint with other boxes would give

    with pytest.raises(BuildError, match="no longer understands WeasyPrint's layout"):
        tables.wide([Page()])


def test_a_long_table_repeats_its_header_row_on_every_page_it_crosses() -> None:
    rows = "".join(f"<tr><td>Row {number}</td><td>{number * 37}</td></tr>" for number in range(90))
    text = (f'<html lang="en"><head><link rel="stylesheet" href="shared.css"><style>{PAGE}</style></head><body>'
            f"<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody>{rows}</tbody></table></body></html>")
    pdf = pdfium.PdfDocument(HTML(string=text, base_url=str(ROOT / "templates") + "/").write_pdf())
    try:
        pages = [page.get_textpage().get_text_bounded() for page in pdf]
    finally:
        pdf.close()
    assert len(pages) > 2 and all(page.split()[:2] == ["Name", "Value"] for page in pages)
