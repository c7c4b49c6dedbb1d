"""Typography as WeasyPrint sets it (issue 24): HTML refined by the typography pass, laid out with
the zine's own stylesheet in columns of several widths, read back from the PDF with pypdfium2
(glyph boxes in pt). No zine is built: each document is one paragraph or a few."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
import weasyprint
from builder.typography import refine

from conftest import ROOT

TEMPLATES = ROOT / "templates"


def render(body: str, lang: str, width: float, align: str = "justify") -> pdfium.PdfTextPage:
    """The first page's text of `body` (HTML, refined in `lang`) set in zine.css, `width` mm wide."""
    document = (f'<html lang="{lang}"><head><link rel="stylesheet" href="zine.css"><style>'
                f"body {{ width: {width}mm }} p {{ text-align: {align} }}</style></head>"
                f"<body>{refine(body, lang)}</body></html>")
    pdf = weasyprint.HTML(string=document, base_url=str(TEMPLATES) + "/").write_pdf()
    return pdfium.PdfDocument(pdf)[0].get_textpage()


def glyphs(page: pdfium.PdfTextPage) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each character pdfium reads and its box (left, bottom, right, top, in pt)."""
    return [(page.get_text_range(i, 1), page.get_charbox(i)) for i in range(page.count_chars())]


def colon_gaps(page: pdfium.PdfTextPage) -> list[tuple[float, float]]:
    """For each « : », the gap (pt) from the word before it, and the widest gap between two words of its line."""
    chars = glyphs(page)
    found = []
    for index, (char, box) in enumerate(chars):
        if char != ":":
            continue
        before = index - 1
        while chars[before][0].isspace():
            before -= 1
        line = [(c, b) for c, b in chars if abs(b[1] - box[1]) < 1 and not c.isspace()]
        widest = max(right[1][0] - left[1][2] for left, right in zip(line, line[1:]))
        found.append((box[0] - chars[before][1][2], widest))
    return found


COLONS = ("<p>Le texte dit ceci : nous refusons. Une phrase assez longue pour tomber sur une ligne lâche "
          "avec anticonstitutionnellement : voilà, et encore « un mot » puis la fin : enfin.</p>")


def test_the_space_before_a_colon_never_stretches() -> None:
    """FACTS.md §4: a no-break word space before « : », as wide on a justified line as on a ragged one."""
    fixed = colon_gaps(render(COLONS, "fr", 120, align="start"))[0][0]
    loose = 0
    for width in range(38, 62, 2):
        for gap, widest in colon_gaps(render(COLONS, "fr", width)):
            assert gap == pytest.approx(fixed, abs=0.5), f"{width} mm: {gap:.2f} pt before a colon, not {fixed:.2f}"
            loose += widest > fixed + 3
    assert loose, "no colon fell on a loose justified line: the test proves nothing"
