"""Lines of text drawn with their glyphs read at once (render.glyphs, issue 26): the same PDF, byte
for byte, as WeasyPrint's own drawing, for every kind of line it takes or hands back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from builder.render import glyphs
from weasyprint import HTML
from weasyprint.draw import text

from conftest import BODY_FACES, font_faces

glyphs.install()

FACES = font_faces((*BODY_FACES, ("Body", "NotoNaskhArabic-Regular.ttf", ""), ("Body", "NotoSerifHebrew-Regular.ttf", ""),
                    ("Body", "NotoSansSymbols2-Regular.ttf", ""), ("Mono", "GentiumBookPlus-Regular.ttf", "")))
LINES = {
    "plain": "<p>Une ligne ordinaire, avec « guillemets », des ligatures : fi, fl, ffi ; AVATAR Wo Ty.</p>",
    "styles": "<p>Du <b>gras</b>, de l'<i>italique</i>, <span style='font-family: Mono'>une autre police</span>.</p>",
    "spacing": "<p style='letter-spacing: 0.1em; word-spacing: 0.3em'>Espacé lettre à lettre</p>",
    "justified": "<p style='text-align: justify; width: 30mm; hyphens: auto' lang='fr'>" + "Un texte justifié " * 12 + "</p>",
    "marks": "<p>Accents composés : e\u0323\u0302 a\u0301 o\u0308\u0304, et précomposés : ệ á ȫ.</p>",
    "right to left": "<p dir='rtl' lang='ar'>مرحبا بالعالم، هذا نص عربي.</p><p dir='rtl' lang='he'>שלום עולם, זה טקסט.</p>",
    "mixed": "<p>Hebrew שלום inside, then Arabic مرحبا, then back: ✔ ✘ ☎.</p>",
    "small caps": "<p style='font-variant: small-caps; font-size: 7pt'>Petites capitales 1234</p>",
    "missing glyph": "<p>Un caractère qu'aucune police n'a : \U0010fffd et la suite.</p>",
    "ellipsis": "<p style='width: 20mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis'>"
                "Une ligne bien trop longue pour sa boîte</p>",
}
"""Lines the fast way draws (plain text, styles, spacing, marks, both directions, symbols) and
lines it hands back to WeasyPrint (a glyph the fonts lack, an ellipsis)."""


def _pdf(body: str) -> bytes:
    style = f"<style>{FACES} html {{ font-family: Body; font-size: 11pt }} @page {{ size: A6 }}</style>"
    return HTML(string=style + body).write_pdf()  # type: ignore[no-any-return]


def _counting(drawer: Callable[..., Any], calls: list[int]) -> Callable[..., Any]:
    def counted(*args: Any) -> Any:
        calls.append(1)
        return drawer(*args)

    return counted


@pytest.mark.parametrize("kind", LINES)
@pytest.mark.usefixtures("subset_dated")
def test_a_line_is_drawn_byte_for_byte_as_weasyprint_draws_it(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert glyphs.original is not None, "installed for this WeasyPrint"
    fast = _pdf(LINES[kind])
    monkeypatch.setattr(text, "draw_first_line", glyphs.original)
    assert _pdf(LINES[kind]) == fast


def test_plain_lines_take_the_fast_way_and_the_others_weasyprint_s(monkeypatch: pytest.MonkeyPatch) -> None:
    assert glyphs.original is not None
    handed_back: list[int] = []
    monkeypatch.setattr(glyphs, "original", _counting(glyphs.original, handed_back))
    monkeypatch.setattr(text, "draw_first_line", glyphs._drawer(glyphs.original))
    _pdf(LINES["plain"] + LINES["right to left"] + LINES["marks"])
    assert not handed_back, "plain lines, both directions, marks: drawn here"
    _pdf(LINES["missing glyph"])
    _pdf(LINES["ellipsis"])
    assert len(handed_back) == 2, "a missing glyph, an ellipsis: WeasyPrint's own"
