"""The desk's print panel: which file to print, the duplex edge in the zine's words, sheets per
copy, blanks added, and the duplex test sheet to print first (issue 23).

The facts are the build's own (Report, imposition.layout.printing: what the summary and the
print page say); the test sheet is `zine impose --test-sheet`'s (imposition.anypdf), for the
zine's paper, its booklet's layout and its language when the sheet has words in it (else English).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from builder.imposition import anypdf
from builder.imposition.layout import Layout, printing
from builder.imposition.layouts import testsheet
from builder.kinds import Kind
from builder.model import Report
from builder.paper import Size
from builder.typography import words
from builder.typography.language import primary
from builder.typography.languages import test_sheets

TEST_SHEET = "test-sheet.pdf"
"""The test sheet's name among the downloads (it is never written to the output folder)."""


def facts(report: Report) -> dict[str, Any]:
    """The print panel's facts, as /state.json carries them."""
    how = printing(report.format, report.direction)
    said = words.words(report.lang)
    booklet = next(out.path.name for out in report.outputs if out.path.name.endswith(Kind.BOOKLET.suffix))
    return {"file": booklet, "url": f"/out/{booklet}", "sheets": report.sheets, "two": how.two,
            "edge": said.flip_long if how.layout.flip == "long" else said.flip_short,
            "blanks": list(report.blanks), "inner_blanks": list(report.inner_blanks),
            "test_sheet": f"/out/{TEST_SHEET}" if how.layout.flip is not None else None}


def test_sheet(report: Report) -> bytes | None:
    """The duplex test sheet of the zine's booklet, as a PDF; None for a layout printed one-sided."""
    layout = report.format.booklet
    if layout.flip is None:
        return None
    lang = primary(report.lang) if primary(report.lang) in test_sheets() else "en"
    return _made(report.format.paper, layout, lang)


@cache
def _made(paper: Size, layout: Layout, lang: str) -> bytes:
    """Made once per paper, layout and language for the whole session (pypdf only: milliseconds)."""
    return anypdf.test_sheet_pdf(testsheet.layout(paper, layout, words.words(lang)), lang)
