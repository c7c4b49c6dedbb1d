"""Layout by part (issue 26, item 1) against inputs found by a review: each laid out by part
equals the whole layout byte for byte, or falls back to the whole layout saying why.

Before the review, each of FALLBACKS was laid out by part and differed from the whole layout
(`position: fixed` shown on its part's pages only, counters reset by <body> starting again in
each part, quotes one level too shallow, target-counter() printing 0) or failed (target-text()),
and viewport units were relative to each part's first page instead of the document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lay_out_both, page_texts, part, write_zine

pytestmark = pytest.mark.slow  # real layouts

PARTS = [part("Un", 3), part("Deux", 1, start=3), part("Trois", 4, start=4), part("Quatre", 1, start=1)]

FALLBACKS = {
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
    "body::after": ("body::after { content: 'FIN'; display: block; }",
                    "<html> or <body> has content before or after it (::before, ::after), which each part would repeat"),
}
"""Project stylesheets that one part's layout would carry into the others, and the reason said."""


@pytest.mark.parametrize("name", FALLBACKS)
def test_what_a_part_carries_into_the_others_lays_the_document_out_whole(tmp_path: Path, name: str) -> None:
    css, reason = FALLBACKS[name]
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=css), tmp_path / "output")
    assert laid.rendered.layout == f"laid out as one document, not part by part: {reason}"
    assert laid.parts == laid.whole


def test_viewport_units_are_the_first_pages_of_the_document(tmp_path: Path) -> None:
    """vh and vw are relative to the document's first page (the cover, margins of its own), not to
    each part's first page."""
    css = "@page :first { margin: 40mm; } .part-title { font-size: 8vw; margin-top: 20vh; }"
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=css), tmp_path / "output")
    assert laid.rendered.layout.startswith("laid out by part"), laid.rendered.layout
    assert laid.parts == laid.whole


def test_the_chapters_in_the_contents_are_the_whole_documents(tmp_path: Path) -> None:
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=FALLBACKS["target-counter of a chapter"][0]),
                        tmp_path / "output")
    assert "Un (1) Deux (2) Trois (3) Quatre (4)" in " ".join(page_texts(laid.path)[1].split())
