"""Dashes typed as hyphens (issue 20, item 7), in every language with rules, on real strings:
`--` between digits and a spaced ` -- ` become an en dash, in prose and in poems, never in code
or web addresses (FACTS.md §4: French incise; §4b: English UK, German Gedankenstrich)."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder.content import markdown
from builder.typography import refine, refine_text
from builder.typography.common import NBSP

EN, EM = "\u2013", "\u2014"
LANGS = ["fr", "en", "de"]


@pytest.mark.parametrize(("lang", "source", "expected"), [
    ("en", "Open 5--7 p.m., 2022--2026.", f"Open 5{EN}7{NBSP}p.m., 2022{EN}2026."),
    ("en", "We met -- all of us -- at noon", f"We met{NBSP}{EN} all of us{NBSP}{EN} at noon"),
    ("en", "pages 12--15 and 3 -- 4", f"pages{NBSP}12{EN}15 and 3{NBSP}{EN} 4"),
    ("en", "Saturdays, 10 a.m.--1 p.m., or noon--2", f"Saturdays, 10{NBSP}a.m.{EN}1{NBSP}p.m., or noon{EN}2"),
    ("fr", "Permanences 2022--2026, de 14--18 h", f"Permanences 2022{EN}2026, de 14{EN}18{NBSP}h"),
    ("fr", "Le dossier -- le nôtre -- est vide", f"Le dossier{NBSP}{EN} le nôtre{NBSP}{EN} est vide"),
    ("fr", "Elle dit --- non", f"Elle dit {EM} non"),
    ("de", "Öffnungszeiten 9--17 Uhr, 2022--2026", f"Öffnungszeiten 9{EN}17{NBSP}Uhr, 2022{EN}2026"),
    ("de", "Wir kamen -- spät -- an", f"Wir kamen{NBSP}{EN} spät{NBSP}{EN} an"),
    # what is not a dash stays as typed: a hyphenated word, an option, two hyphens between letters
    ("en", "well-known, the --verbose flag, x--y", "well-known, the --verbose flag, x--y"),
])
def test_dashes(lang: str, source: str, expected: str) -> None:
    assert refine_text(source, lang) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_code_and_addresses_are_untouched(lang: str) -> None:
    source = ("<p>see https://example.org/2022--2026/a -- b and <code>make 1--2 -- x</code></p>"
              "<pre><code>git log --oneline 2022--2026\n</code></pre>")
    refined = refine(source, lang)
    assert "https://example.org/2022--2026/a" in refined.replace("\u200b", "").replace("\u2060", "")
    assert "<code>make 1--2 -- x</code>" in refined
    assert "git log --oneline 2022--2026" in refined
    assert f"{NBSP}{EN} b" in refined


POEM = "::: poem\nThey came at night --\nwe were asleep -- all of us\nfrom 1999--2001.\n:::\n"


@pytest.mark.parametrize("lang", LANGS)
def test_a_poem_takes_the_dashes_of_prose(lang: str, tmp_path: Path) -> None:
    """A verse is a span of its own (content/blocks.py): its last ` --` is followed by a tag, not
    by a space, and is still a dash; the same lines as prose give the same dashes."""
    poem = refine(markdown.to_html(POEM, where="content/p.md", first_line=1, folder=tmp_path, root=tmp_path), lang)
    prose = refine(markdown.to_html(POEM.removeprefix("::: poem\n").removesuffix(":::\n"), where="content/p.md", first_line=1,
                                    folder=tmp_path, root=tmp_path), lang)
    for html in (poem, prose):
        assert "--" not in html
        assert f"night{NBSP}{EN}" in html and f"asleep{NBSP}{EN} all" in html and f"1999{EN}2001" in html
    assert f'night{NBSP}{EN}</span>' in poem


@pytest.mark.parametrize("lang", LANGS)
def test_a_dash_before_a_line_break(lang: str) -> None:
    assert refine("<p>one -<br>two --</p>", lang) == f"<p>one{NBSP}{EN}<br>two{NBSP}{EN}</p>"


@pytest.mark.parametrize("lang", LANGS)
def test_two_dashes_in_a_row_are_refined_once(lang: str) -> None:
    """Found by hypothesis: a dash that took the space of the next one left it a hyphen the first
    time, and a dash the second."""
    once = refine(" -  - cnil.fr", lang)
    assert once.startswith(f"{NBSP}{EN}{NBSP}{EN}") and refine(once, lang) == once
