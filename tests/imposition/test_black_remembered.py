"""The booklet's black rewrite remembered by page digest (issue 26): a booklet imposed again in a warm
worker parses only the pages that changed, and is byte for byte the booklet imposed afresh."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from builder.imposition.engine import black, pdf
from builder.imposition.layouts import saddle
from builder.paper import A4

FONT = (Path(__file__).resolve().parents[2] / "templates/fonts/CharisSIL-Regular.ttf").as_uri()
"""The shipped font, named (the suite passes with an empty fontconfig)."""


def _reading(target: Path, words: list[str]) -> Path:
    """An A5 document of one page per word, its text in WeasyPrint's RGB black (as WeasyPrint draws
    it, not as a build's renderer does: render/grayblack.py)."""
    import pydyf
    from weasyprint import HTML
    from weasyprint.pdf.stream import Stream

    style = (f"<style>@font-face {{ font-family: Shipped; src: url({FONT}) }} html {{ font-family: Shipped }} "
             "@page { size: A5; margin: 20mm } p { break-after: page }</style>")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764547200")
        patch.setattr(Stream, "set_color_rgb", pydyf.Stream.set_color_rgb)
        HTML(string=style + "".join(f"<p>{word}</p>" for word in words)).write_pdf(target)
    return target


def _impose(source: Path, target: Path, *, remember: bool) -> bytes:
    opened = pdf.open_source(source, remember=remember)
    pdf.impose(opened, saddle.LAYOUT.impose(opened.pages, opened.size, A4), target)
    return target.read_bytes()


def test_a_booklet_imposed_again_parses_only_its_changed_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The edit brings no new glyph: a font's subset would change, and with it every page's digest.
    words = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit"]
    first, edited = _reading(tmp_path / "a.pdf", words), _reading(tmp_path / "b.pdf", ["un", "xued", *words[2:]])
    fresh = {name: _impose(source, tmp_path / f"fresh-{name}.pdf", remember=False)
             for name, source in (("first", first), ("edited", edited))}
    parsed: list[int] = []
    parse = pikepdf.parse_content_stream
    monkeypatch.setattr(pikepdf, "parse_content_stream", lambda *args, **kwargs: parsed.append(1) or parse(*args, **kwargs))
    black._REWRITTEN.clear()
    assert _impose(first, tmp_path / "warm-first.pdf", remember=True) == fresh["first"]
    cold = len(parsed)
    assert _impose(edited, tmp_path / "warm-edited.pdf", remember=True) == fresh["edited"]
    assert cold >= len(words) and len(parsed) - cold == 1, (cold, len(parsed))  # the edited page alone
    with pikepdf.open(tmp_path / "warm-edited.pdf") as booklet:  # and its black is on one ink
        assert not black.black_pages(booklet)
