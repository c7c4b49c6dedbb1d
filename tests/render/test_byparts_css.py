"""Layout by part (issue 26, item 1) under a project's own stylesheet (its templates/zine.css over
the shipped one): rules that depend on the page's index or on the page count are laid out by part
byte for byte as whole; rules that one part's layout would carry to the next (running headers,
counters across parts, a part that does not start a page, a <body> with padding) make the
document laid out whole, saying why, and the PDF is still the whole layout's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lay_out_both, page_texts, part, write_zine

pytestmark = pytest.mark.slow  # real layouts

PARTS = [part("Un", 3), part("Deux", 1, start=3), part("Trois", 4, start=4), part("Quatre", 1, start=1)]
"""Four parts of one to three pages: the pages' indexes and sides differ from part to part."""

PAGE_INDEX = {
    "first page": "@page :first { margin-top: 40mm; }",
    "third page": "@page :nth(3) { margin-top: 45mm; @top-center { content: 'trois'; } }",
    "left and right": "@page :left { margin: 25mm 30mm 20mm 10mm; } @page :right { margin: 15mm 10mm 25mm 30mm; }",
    "page of pages": "@page { @bottom-center { content: counter(page) ' / ' counter(pages); } }",
    "even pages": "@page :nth(2n) { @top-right { content: 'pair'; } }",
    "neighbours": ".part + .part .part-title { font-size: 20pt; } body > :nth-child(4) { break-before: recto; } "
                  ".part:last-of-type .part-title { font-style: italic; }",
}
"""Rules on the page's index, the page count, or a part's neighbours (which a part laid out
alone must still see: render/pieces.py)."""


@pytest.mark.parametrize("name", PAGE_INDEX)
def test_rules_on_the_page_index_count_and_neighbours_are_laid_out_by_part(tmp_path: Path, name: str) -> None:
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=PAGE_INDEX[name]), tmp_path / "output")
    assert laid.rendered.layout.startswith("laid out by part"), laid.rendered.layout
    assert laid.parts == laid.whole


def test_the_page_count_in_the_margins_is_the_zines(tmp_path: Path) -> None:
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=PAGE_INDEX["page of pages"]), tmp_path / "output")
    pages = page_texts(laid.path)
    assert f"5 / {len(pages)}" in pages[4] and len(pages) > 6


FALLBACKS = {
    "break-before auto": (".part { break-before: auto; }", "a part does not start on a new page (break-before: auto)"),
    "string-set": ("h1.part-title { string-set: title content(); } @page { @top-center { content: string(title); } }",
                   "running headers (string-set, running elements) are carried from part to part"),
    "counter across parts": (".part { counter-increment: chapter; } .part-title::before { content: counter(chapter) '. '; }",
                             "the counter 'chapter' is shown in the part '01' without being reset there (counter-reset)"),
    "body padding": ("body { padding-top: 5mm; }", "<body> has a margin, border or padding at its top or bottom"),
    # Found by a review (each was laid out by part and differed from the whole, or failed):
    "fixed": (".part:nth-of-type(2) .part-header { position: fixed; top: -8mm; left: 0; font-size: 7pt; }",
              "the part '02' has fixed-position elements (position: fixed), which the whole document repeats "
              "on every page"),
    "counter reset by body": ("body { counter-reset: fig; } .part-body p { counter-increment: fig; } "
                              ".part-body p::before { content: counter(fig) '. '; }",
                              "the counter 'fig' is shown in the part '01' without being reset there (counter-reset)"),
    "quote left open": (".part-title::before { content: open-quote; } :root { quotes: '«' '»' '‹' '›'; }",
                        "quotation marks opened in the part '01' are not closed there (open-quote)"),
    "target-text": (".toc a::after { content: ' / ' target-text(attr(href)); }",
                    "target-text() reads an element in another part"),
    "target-counter of a chapter": (".part { counter-increment: chapter; } "
                                    ".toc a::after { content: ' (' target-counter(attr(href), chapter) ')'; }",
                                    "target-counter() reads the counter 'chapter' of an element in another part"),
    "page counter set by an element": (".part:nth-of-type(3) { counter-reset: page 10; }",
                                       "an element of the part '03' sets the page counter (counter-reset: page), "
                                       "which target-counter() of other parts reads"),
    "body in columns": ("body { columns: 2; column-gap: 5mm; }",
                        "<body> is not laid out as a block of blocks (display, columns)"),
    "body flex": ("body { display: flex; flex-direction: column; }",
                  "<body> is not laid out as a block of blocks (display, columns)"),
    "body border on its side": ("body { border-left: 1pt solid #000; padding-left: 2mm; }",
                                "<body> has a border or outline on its sides, which would end with each part"),
    "body background": ("html { background: #fff; } body { background: #eee; }",
                        "<body> has a background of its own (<html> has one), which would end with each part"),
    "body::after": ("body::after { content: 'FIN'; display: block; }",
                    "<html> or <body> has content before or after it (::before, ::after), which each part would repeat"),
}
"""Project stylesheets whose layout one part would carry into the next, and the reason said (the
counter's is found on the laid-out boxes, render/carried.py: a file the <head> only links is read too)."""


def test_a_counter_started_again_in_each_part_is_laid_out_by_part(tmp_path: Path) -> None:
    """Figures numbered per part (reset by the part, shown inside it) carry nothing across parts."""
    css = (".part { counter-reset: figure; } .part-body p { counter-increment: figure; } "
           ".part-body p::before { content: '(' counter(figure) ') '; }")
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=css), tmp_path / "output")
    assert laid.rendered.layout.startswith("laid out by part"), laid.rendered.layout
    assert laid.parts == laid.whole
    assert any("Deux" in text and "(1)" in text for text in page_texts(laid.path))


@pytest.mark.parametrize("name", FALLBACKS)
def test_rules_carried_from_part_to_part_lay_the_document_out_whole(tmp_path: Path, name: str) -> None:
    css, reason = FALLBACKS[name]
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=css), tmp_path / "output")
    assert laid.rendered.layout == f"laid out as one document, not part by part: {reason}"
    assert laid.parts == laid.whole


def test_a_counter_across_parts_counts_on(tmp_path: Path) -> None:
    """The chapters are numbered 1 to 4, not 1 in each part (what a layout by part would print)."""
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=FALLBACKS["counter across parts"][0]), tmp_path / "output")
    pages = page_texts(laid.path)
    assert [number for number in range(1, 5) if any(text.startswith(f"{number}. ") for text in pages)] == [1, 2, 3, 4]
