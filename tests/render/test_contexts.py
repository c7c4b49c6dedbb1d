"""Pango contexts, font descriptions and metrics made once per kind of text (render.contexts, issue
26): the same PDF, byte for byte, as WeasyPrint's own set-up of each layout, whatever in a line's
style the set-up reads (direction, language, font, decoration, features)."""

from __future__ import annotations

import pytest
from builder.render import contexts
from weasyprint import HTML
from weasyprint.text import line_break
from weasyprint.text.fonts import FontConfiguration

from conftest import BODY_FACES, font_faces

contexts.install()

FACES = font_faces((*BODY_FACES, ("Body", "NotoNaskhArabic-Regular.ttf", ""), ("Body", "NotoSerifHebrew-Regular.ttf", "")))
CYRILLIC = "бгдпт"
"""Letters Charis SIL draws otherwise in Serbian than in Russian (its `locl` feature): shaped by language."""
PAGES = {
    "languages": f"<p lang='ru'>{CYRILLIC}</p><p lang='sr'>{CYRILLIC}</p><p lang='ru'>{CYRILLIC}</p>"
                 f"<p style='font-language-override: \"SRB\"'>{CYRILLIC}</p><p>{CYRILLIC}</p>",
    "directions": "<p dir='rtl' lang='ar'>مرحبا بالعالم، هذا نص عربي.</p><p>Then left to right.</p>"
                  "<p dir='rtl' lang='he'>שלום עולם, זה טקסט.</p><p dir='rtl'>No language, right to left.</p>",
    "fonts": "<p>Regular, <b>bold</b>, <i>italic</i>, <span style='font-size: 7pt'>small</span>, "
             "<span style='font-size: 7.5pt'>a little larger</span>, <b>bold again</b>, "
             "<span style='font-stretch: condensed; font-variant: small-caps'>Small Caps</span>.</p>",
    "decorations": "<p><u>Underlined</u>, <s>struck</s>, <a href='#x' style='text-decoration: underline'>a link</a>,"
                   " <u style='font-size: 16pt'>larger underlined</u>, <s lang='sr'>struck, Serbian</s>.</p>",
    "features": "<p style='font-kerning: none'>AVATAR Wo</p><p>AVATAR Wo fi ffl</p>"
                "<p style='font-variant-ligatures: none'>fi ffl</p><p style='font-variant-numeric: oldstyle-nums'>"
                "1234567890</p><p style='font-feature-settings: \"ss01\"'>ga</p>",
    "justified": "<p style='text-align: justify; width: 30mm; hyphens: auto' lang='fr'>"
                 + "Un texte justifié, mot après mot, " * 10 + "</p>",
    "spacing": "<p style='letter-spacing: 0.1em; word-spacing: 0.3em'>Espacé lettre à lettre</p>",
}
"""Pages that set layouts up in each way `contexts.setup` tells apart."""


def _pdf(body: str) -> bytes:
    style = f"<style>{FACES} html {{ font-family: Body; font-size: 11pt }} @page {{ size: A6 }}</style>"
    return HTML(string=style + body).write_pdf(font_config=FontConfiguration())  # type: ignore[no-any-return]


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.usefixtures("subset_dated")
def test_text_set_up_once_per_kind_is_drawn_byte_for_byte_as_weasyprint_sets_it_up(
        kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert contexts.original is not None, "installed for this WeasyPrint"
    once = _pdf(PAGES[kind])
    monkeypatch.setattr(line_break.Layout, "setup", contexts.original)
    assert _pdf(PAGES[kind]) == once


def test_the_languages_page_differs_by_language() -> None:
    """The languages page tests the context's language: Serbian letters are not Russian ones."""
    russian, serbian = (_pdf(f"<p lang='{language}'>{CYRILLIC * 3}</p>") for language in ("ru", "sr"))
    assert russian != serbian


def test_one_context_per_direction_and_language_one_description_per_font(monkeypatch: pytest.MonkeyPatch) -> None:
    layouts: list[int] = []

    def counted(layout: object, style: object) -> None:
        layouts.append(1)
        contexts.setup(layout, style)

    monkeypatch.setattr(line_break.Layout, "setup", counted)
    config = FontConfiguration()
    style = f"<style>{FACES} html {{ font-family: Body; font-size: 11pt }} @page {{ size: A6 }}</style>"
    body = "<p lang='fr'>Un paragraphe de plusieurs mots, sur une ligne ou deux, peut-être trois.</p>" * 40
    HTML(string=style + body + "<p dir='rtl' lang='ar'>مرحبا</p><p lang='fr'><b>Gras</b></p>").write_pdf(
        font_config=config)
    assert len(layouts) > 100
    kinds = [key[0] for key in contexts.made(config)]
    assert kinds.count("context") == 2, "French left to right, Arabic right to left"
    assert kinds.count("font") == 2, "regular and bold (the Arabic paragraph's is the regular one)"
