"""French typography rules, as a table of input → output; idempotence in every language with rules."""

from __future__ import annotations

import pytest
from builder.typography import refine, refine_text
from builder.typography.common import NBSP, NNBSP
from builder.typography.fr import WJ
from hypothesis import given, settings
from hypothesis import strategies as st

CASES = [
    # a number after the word that announces it: never at the start of a line (« (étape 8) »)
    ("voir l’étape 8, les étapes 2 et 3, le point 4", f"voir l’étape{NBSP}8, les étapes{NBSP}2{NBSP}et 3, le point{NBSP}4"),
    # punctuation: narrow no-break space before ; ! ?, no-break space before :
    ("Kesako ? Oui !", f"Kesako{NNBSP}? Oui{NNBSP}!"),
    ("Kesako? Oui!", f"Kesako{NNBSP}? Oui{NNBSP}!"),
    ("un ; deux", f"un{NNBSP}; deux"),
    ("Objet : lettre", f"Objet{NBSP}: lettre"),
    ("Objet: lettre", f"Objet{NBSP}: lettre"),
    ("ensemble (!) : si", f"ensemble (!){NBSP}: si"),
    ("quoi ?!", f"quoi{NNBSP}?!"),
    ("à 10:30", "à 10:30"),
    # quotes and apostrophes
    ("« Mon espace santé »", f"«{NNBSP}Mon espace santé{NNBSP}»"),
    ("«Mon espace»", f"«{NNBSP}Mon espace{NNBSP}»"),
    ('il dit "oui" puis ("non")', f"il dit «{NNBSP}oui{NNBSP}» puis («{NNBSP}non{NNBSP}»)"),
    ("l'Usager d'abord", "l’Usager d’abord"),
    # ellipsis, dashes
    ("(...ou pas)", "(…ou pas)"),
    ("un mot - une incise", f"un mot{NBSP}– une incise"),
    # numbers, units, numéro
    ("n° 18", f"n\u00ba{NBSP}18"),
    ("N°18", f"N\u00ba{NBSP}18"),
    ("10 %", f"10{NNBSP}%"),
    ("10%", f"10{NNBSP}%"),
    ("500 000 personnes", f"500{NNBSP}000{NBSP}personnes"),
    ("6 semaines", f"6{NBSP}semaines"),
    ("art. 15 du RGPD", f"art.{NBSP}15{NBSP}du RGPD"),
    ("le 6 octobre 2022", f"le 6{NBSP}octobre{NBSP}2022"),
    ("en 2022, puis", "en 2022, puis"),
    # URLs are left alone
    ("voir https://exemple.org/a?b=c;d:e ici", "voir https://exemple.org/a?b=c;d:e ici"),
    ("écrire à dpo@exemple.fr : merci", f"écrire à dpo@exemple.fr{NBSP}: merci"),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_rules(source: str, expected: str) -> None:
    assert refine_text(source, "fr") == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("<p>le XIXe siècle</p>", "<p>le XIX<sup>e</sup> siècle</p>"),
    ("<p>le 1er mai, la 1re fois, le 2ème</p>", f'<p>le<span class="keep"> 1<sup>er</sup>{NBSP}mai,</span> '
                                                f"la 1<sup>re</sup>{NBSP}fois, le 2<sup>e</sup></p>"),
    ("<p>(six semaines) en deux dans, le 30 décembre : fin</p>",
     f'<p><span class="keep">(six{NBSP}semaines)</span> en deux dans, le<span class="keep"> 30{NBSP}décembre</span>'
     f'<span class="colon">{NNBSP}:</span> fin</p>'),
    ("<p>Le Ce De</p>", "<p>Le Ce De</p>"),
    ("<p><em>quoi</em>?</p>", f"<p><em>quoi</em>{NNBSP}?</p>"),
    ("<p>« <em>titre</em> »</p>", f"<p>«{NNBSP}<em>titre</em>{NNBSP}»</p>"),
    ("<p>a</p><p>? b</p>", "<p>a</p><p>? b</p>"),
    ("<code>a ; b: 'c'</code> ; d", f"<code>a ; b: 'c'</code>{NNBSP}; d"),
    ("<pre>x ? y</pre>", "<pre>x ? y</pre>"),
    ('<a href="http://x.org/?a;b">lien</a> !', f'<a href="http://x.org/?a;b">lien</a>{NNBSP}!'),
    ("<title>1er : n° 2</title>", f"<title>1er{NBSP}: n\u00ba{NBSP}2</title>"),
    ("<p>a &amp; b &lt;c&gt; ?</p>", f"<p>a &amp; b &lt;c&gt;{NNBSP}?</p>"),
    ("<p>l’article L1111-13-1 du code</p>", f"<p>l’article{NBSP}L1111-{WJ}13-{WJ}1{NBSP}du code</p>"),
    ("<p>sur legifrance.gouv.fr.</p>", '<p>sur<span class="url"> legifrance.gouv.fr</span>.</p>'),
    # a link's text that is its address is marked too, spelt out: its paragraph is set ragged (shared.css)
    ('<p><a href="https://x.fr">https://x.fr</a></p>',
     '<p><a href="https://x.fr"><span class="url long">https://\u2060x.fr</span></a></p>'),
    ("<p>lire x.fr/a-b ou https://x.fr</p>", '<p>lire<span class="url long"> x.fr/\u200ba-\u2060b</span> ou'
                                             '<span class="url long"> https://\u2060x.fr</span></p>'),
    ("<p>&quot;oui&quot;</p>", f"<p>«{NNBSP}oui{NNBSP}»</p>"),
])
def test_html(source: str, expected: str) -> None:
    assert refine(source, "fr") == expected


def test_english_gets_no_french_spaces() -> None:
    assert refine("<p>Hello : world ?</p>", "en") == "<p>Hello : world ?</p>"


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@given(st.text(alphabet=st.sampled_from(list("ab1 2:;!?«»\"'.-%nº°<>/&()\u00a0\u202f")), max_size=40))
def test_idempotent(lang: str, text: str) -> None:
    once = refine_text(text, lang)
    assert refine_text(once, lang) == once


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@settings(max_examples=500)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<em>", "</em>", "<code>", "</code>", "a", " ", "?", ":",
                                 "«", "»", "1er", "XIXe", "n° 3", "'", "art. L1111-13-1", "<title>", "</title>",
                                 "cnil.fr", "https://a.fr/b.", '<a href="x">', "</a>", "10", "000", "...",
                                 "www.x.org", "a@b.fr", "<sup>", "</sup>", "\u00a0", "%", '"', '12"', "5'", " - ",
                                 "---", "<br>", "December", "30,", "2025", "six", "weeks", "Dezember", "30."]),
                max_size=20))
def test_idempotent_html(lang: str, pieces: list[str]) -> None:
    once = refine("".join(pieces), lang)
    assert refine(once, lang) == once


@pytest.mark.parametrize("lang", ["fr", "fr-FR", "fr-CA", "FR", "fr_BE"])
def test_every_french_tag_takes_the_french_rules(lang: str) -> None:
    assert refine("<p>Kesako ? « Oui »</p>", lang) == f"<p>Kesako{NNBSP}? «{NNBSP}Oui{NNBSP}»</p>"
    assert refine_text("Objet : lettre", lang) == f"Objet{NBSP}: lettre"


@pytest.mark.parametrize("lang", ["oc", "frr", "es", "it-CH"])
def test_a_language_without_rules_is_left_as_written(lang: str) -> None:
    """French, English and German have rules: other languages get none (no French spaces, no inch marks)."""
    html = "<p>What ? \"Yes\" -- 1st : 10 % 12\"</p>"
    assert refine(html, lang) == html
    assert refine_text("a : b", lang) == "a : b"
