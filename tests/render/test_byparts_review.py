"""Layout by part (issue 26, item 1) against inputs found by a review: each laid out by part
equals the whole layout byte for byte, or falls back to the whole layout saying why.

The fallbacks it found are in test_byparts_css.FALLBACKS: before, each was laid out by part and
differed from the whole layout (`position: fixed` shown on its part's pages only, counters reset by <body> starting again in
each part, quotes one level too shallow, target-counter() printing 0) or failed (target-text()),
and viewport units were relative to each part's first page instead of the document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, lay_out_both, page_texts, part, write_zine

pytestmark = pytest.mark.slow  # real layouts

PARTS = [part("Un", 3), part("Deux", 1, start=3), part("Trois", 4, start=4), part("Quatre", 1, start=1)]


BY_PART = {
    "viewport units": "@page :first { margin: 40mm; } .part-title { font-size: 8vw; margin-top: 20vh; }",
    "body background": "body { background: #eee; }",
}
"""Laid out by part: viewport units relative to the document's first page (the cover, margins of
its own), not to each part's first page (they were, before the review); a background of <body>
alone (the page's, as <html> has none)."""


@pytest.mark.parametrize("name", BY_PART)
def test_laid_out_by_part_as_whole(tmp_path: Path, name: str) -> None:
    css = BY_PART[name]
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=css), tmp_path / "output")
    assert laid.rendered.layout.startswith("laid out by part"), laid.rendered.layout
    assert laid.parts == laid.whole


def test_the_chapters_in_the_contents_are_the_whole_documents(tmp_path: Path) -> None:
    css = ".part { counter-increment: chapter; } .toc a::after { content: ' (' target-counter(attr(href), chapter) ')'; }"
    laid = lay_out_both(write_zine(tmp_path, PARTS, css=css), tmp_path / "output")
    assert "Un (1) Deux (2) Trois (3) Quatre (4)" in " ".join(page_texts(laid.path)[1].split())


TEMPLATES = {
    "text": ("Texte en tête. ", "<body> has text of its own, outside its elements (a template's)"),
    "style": ("<style>.part-title { font-size: 30pt; }</style>",
              "<body> has a <style> or <link> (a template's): it would style its own piece only"),
}
"""What a project's template puts in <body> before the cover, and the reason said: a piece lost the
text, or repeated it with the stand-ins of the elements it follows; the <style> styled the front
piece only (its stand-ins in the other pieces are empty)."""


@pytest.mark.parametrize("name", TEMPLATES)
def test_text_or_style_right_in_the_body_lays_the_document_out_whole(tmp_path: Path, name: str) -> None:
    before, reason = TEMPLATES[name]
    (tmp_path / "templates").mkdir()
    shipped = (ROOT / "templates/zine.html").read_text(encoding="utf-8")
    (tmp_path / "templates/zine.html").write_text(
        shipped.replace('<section class="cover">', before + '<section class="cover">'), encoding="utf-8")
    laid = lay_out_both(write_zine(tmp_path, PARTS), tmp_path / "output")
    assert laid.rendered.layout == f"laid out as one document, not part by part: {reason}"
    assert laid.parts == laid.whole


def test_pieces_laid_out_with_the_machines_fonts_are_not_reused_with_the_shipped_ones(tmp_path: Path) -> None:
    """A warm Renderer (zine watch) after `fonts = "machine"` is taken out of the manifest: every
    piece is laid out with the shipped fonts. Reused, a part with a character only the machine's
    fonts have was still printed with them, where a fresh build refuses it."""
    from builder.render.weasy import Renderer

    from conftest import reading_edition

    root = write_zine(tmp_path, PARTS, manifest='fonts = "machine"\n')
    project, document, date = reading_edition(root)
    warm = Renderer(project)
    assert warm.render(document, tmp_path / "first.pdf", source_date=date).layout == "laid out by part, 5 of 5 pieces anew"
    manifest = root / "content/zine.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('fonts = "machine"\n', ""), encoding="utf-8")
    project, document, date = reading_edition(root)
    assert document.fonts != "machine"
    assert warm.render(document, tmp_path / "second.pdf", source_date=date).layout == "laid out by part, 5 of 5 pieces anew"


WITH_SECTIONS = [part("Un", 2, body="## Section A\n\nTexte.\n"), part("Deux", 1, start=3), part("Trois", 1, start=4)]
"""A part with a heading of its own, then parts without."""

SELECTORS = {
    "body:has()": ("body:has(.cover-title) .part-title { font-size: 30pt; }", True),
    "previous part:has()": (".part:has(h2) + .part .part-title { font-size: 30pt; }", True),
    "a paragraph:has() (its own content)": (".part p:has(a) { font-style: italic; } h2:has(+ p) { font-size: 9pt; }", False),
    ":empty neighbour": (".part:empty + .part .part-title { font-size: 30pt; }", False),
}
"""Selectors on the content of elements (`:has()`, `:empty`): those that look into another part's
content (which the stand-ins leave out: render/pieces.py) lay the document out whole; the others,
and `:empty` (a stand-in is empty only if its element is), are laid out by part. Before the
review, each was laid out by part and the first two and `:empty` differed from the whole layout."""


@pytest.mark.parametrize("name", SELECTORS)
def test_selectors_on_other_parts_content(tmp_path: Path, name: str) -> None:
    css, whole = SELECTORS[name]
    laid = lay_out_both(write_zine(tmp_path, WITH_SECTIONS, css=css), tmp_path / "output")
    assert laid.rendered.layout == ("laid out as one document, not part by part: a :has() selector looks into the "
                                    "content of another part" if whole else "laid out by part, 4 of 4 pieces anew")
    assert laid.parts == laid.whole


def test_a_warm_layout_sees_has_selectors_change_with_another_part(tmp_path: Path) -> None:
    """`.part:has(h2) + .part` styles the part after one with a heading: after a heading is added
    to the first part, the second (unchanged, so reusable) is styled otherwise. A warm Renderer
    (zine watch) reused it as it was; it must equal a fresh whole layout."""
    import dataclasses

    from builder.render.weasy import Renderer

    from conftest import reading_edition

    css = ".part:has(h2) + .part .part-title { font-size: 30pt; }"
    root = write_zine(tmp_path, [part("Un", 2), *WITH_SECTIONS[1:]], css=css)
    project, document, date = reading_edition(root)
    warm = Renderer(project)
    assert warm.render(document, tmp_path / "first.pdf", source_date=date).layout.startswith("laid out by part")
    (root / "content/01.md").write_text(WITH_SECTIONS[0], encoding="utf-8")
    project, document, date = reading_edition(root)
    warm.render(document, tmp_path / "warm.pdf", source_date=date)
    Renderer(project).render(dataclasses.replace(document, parts=()), tmp_path / "whole.pdf", source_date=date)
    assert (tmp_path / "warm.pdf").read_bytes() == (tmp_path / "whole.pdf").read_bytes()


def test_a_piece_is_not_reused_when_a_neighbour_becomes_empty() -> None:
    """`:empty` of another piece's top-level element (its stand-in) can style this piece: its
    emptiness is in every piece's digest, as its tag and attributes are."""
    from builder.render import pieces
    from weasyprint import HTML

    def digests(aside: str) -> list[str]:
        html = HTML(string=f'<html><head></head><body>{aside}<article id="a">A</article><article id="b">B</article>'
                           "</body></html>")
        return [piece.digest for piece in pieces.cut(html, ["a", "b"])]

    assert digests("<aside></aside>")[2] != digests("<aside><p>x</p></aside>")[2]
