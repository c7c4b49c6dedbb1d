"""English and German typography, and the straight quotes every language shares (inch and foot
marks after a digit), as tables of input → output; the count of quotation marks the Markdown
reader checks agrees with what the typography makes of them."""

from __future__ import annotations

import pytest
from builder.typography import quotation_marks, refine, refine_text
from builder.typography.common import INCH, NBSP, NNBSP
from hypothesis import given
from hypothesis import strategies as st

ENGLISH = [
    # double and single quotes by position: opening after the start, a space, a bracket or a dash
    ('he said "yes" and ("no")', "he said “yes” and (“no”)"),
    ("a 'quoted' word", "a ‘quoted’ word"),
    ('"Yes," she said', "“Yes,” she said"),
    ('a dash—"quoted"', "a dash—“quoted”"),
    ('\u2018"Yes," she said\u2019', "‘“Yes,” she said’"),  # British nesting, outer marks typed
    # apostrophes: between letters, at the end of a word, before a decade
    ("don't, it's", "don’t, it’s"),
    ("the students' books", "the students’ books"),
    ("the '90s and the 1990's", "the ’90s and the 1990’s"),
    ("'Back in '95' she said", "‘Back in ’95’ she said"),
    # ellipsis and dashes (UK: spaced en dash, the space before it no-break)
    ("and so on...", "and so on…"),
    ("one - two -- three", f"one{NBSP}– two{NBSP}– three"),
    ("yes---no", "yes—no"),
    ("well-known", "well-known"),
    # no space is added before : ; ! ? (nor removed: it is left as typed)
    ("Hello: world; yes! no?", "Hello: world; yes! no?"),
    ("press the ? key", "press the ? key"),
    # no French rules: numbers, ordinals, units
    ("1st of 10 %", "1st of 10 %"),
    ("see https://example.org/it's", "see https://example.org/it's"),
    # dates and counted words bound by no-break spaces (issue 24): CLDR's long date, its year optional
    ("on December 30, 2025 or 30 December 2025", f"on December{NBSP}30,{NBSP}2025 or 30{NBSP}December{NBSP}2025"),
    ("by May 5, then", f"by May{NBSP}5, then"),
    ("six weeks, twenty-two days, No. 18, p. 4", f"six{NBSP}weeks, twenty-two{NBSP}days, No.{NBSP}18, p.{NBSP}4"),
    ("10 kilometres, 10 a.m.", f"10{NBSP}kilometres, 10{NBSP}a.m."),
    # not before a word that counts nothing, nor the pronoun one
    ("two of them, in 2025 and later, one day", "two of them, in 2025 and later, one day"),
    # a year counts no one: the number in words after it is not bound to it (a run of four words
    # left the line before it half empty)
    ("In March 2026 twelve neighbours came", f"In March{NBSP}2026 twelve{NBSP}neighbours came"),
]

GERMAN = [
    ('Er sagte "ja" und ("nein")', "Er sagte „ja“ und („nein“)"),
    ("ein 'halbes' Zitat", "ein ‚halbes‘ Zitat"),
    ("geht's, Hans' Buch", "geht’s, Hans’ Buch"),
    ("und so weiter...", "und so weiter…"),
    ("Frage : Antwort ?", "Frage : Antwort ?"),
    ("am 30. Dezember 2025 und am 2. Mai", f"am 30.{NBSP}Dezember{NBSP}2025 und am 2.{NBSP}Mai"),
    ("sechs Wochen, achtzehn Monate, 10 Kilometer", f"sechs{NBSP}Wochen, achtzehn{NBSP}Monate, 10{NBSP}Kilometer"),
    ("Nr. 18, § 5, im März 2026", f"Nr.{NBSP}18, §{NBSP}5, im März{NBSP}2026"),
    ("zwei bis drei, 2025 und danach, eine Woche", "zwei bis drei, 2025 und danach, eine Woche"),
    ("im März 2026 zwölf Nachbarn", f"im März{NBSP}2026 zwölf{NBSP}Nachbarn"),
]

# The same in every language: the inch mark ″ and the foot mark ′ after a digit.
INCHES = [
    ('a 12" and a 7" record', "a 12″ and a 7″ record"),
    ("6'2\" tall", "6′2″ tall"),
    ("it is 5' long", "it is 5′ long"),
]


@pytest.mark.parametrize(("source", "expected"), ENGLISH)
def test_english(source: str, expected: str) -> None:
    assert refine_text(source, "en") == expected


@pytest.mark.parametrize(("source", "expected"), GERMAN)
def test_german(source: str, expected: str) -> None:
    assert refine_text(source, "de") == expected


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize(("source", "expected"), INCHES)
def test_inch_and_foot_marks_in_every_language(lang: str, source: str, expected: str) -> None:
    assert refine_text(source, lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", f"il dit «{NNBSP}en 2026{NNBSP}», puis 12″"),
    ("en", "il dit “en 2026”, puis 12″"),
    ("de", "il dit „en 2026“, puis 12″"),
])
def test_a_quote_after_a_digit_closes_an_open_quotation(lang: str, expected: str) -> None:
    assert refine_text('il dit "en 2026", puis 12"', lang) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("l'an 2000, les 80's", "l’an 2000, les 80’s"),
    ("5'30", "5′30"),
    ("'oui'", "’oui’"),  # French has no single quotation marks: every ' is an apostrophe
    ('" oui " et 12"', f"«{NNBSP}oui{NNBSP}» et 12″"),  # typed with French spaces inside
    ('un disque 12"!', f"un disque 12″{NNBSP}!"),
])
def test_french_quotes_and_primes(source: str, expected: str) -> None:
    assert refine_text(source, "fr") == expected


@pytest.mark.parametrize(("source", "expected"), [
    # a quotation stays open across inline tags, and after code or a line break…
    ('<p>"it was <em>1999</em>"</p>', "<p>“it was <em>1999</em>”</p>"),
    ('<p>"see <code>x</code> at 12"</p>', "<p>“see <code>x</code> at 12”</p>"),
    ('<p>"one<br>two 12"</p>', "<p>“one<br>two 12”</p>"),
    # …but not across blocks: a new paragraph starts with none open
    ('<p>"it was 12</p><p>12" records"</p>', "<p>“it was 12</p><p>12″ records”</p>"),
    ("<li>'90s</li><li>5'</li>", "<li>’90s</li><li>5′</li>"),
    ("<p>a <em>\"b\"</em> 3\"</p>", "<p>a <em>“b”</em> 3″</p>"),
    ("<p>&quot;yes&quot;</p>", "<p>“yes”</p>"),
    ("<code>'a' 12\"</code> 'b'", "<code>'a' 12\"</code> ‘b’"),
])
def test_html(source: str, expected: str) -> None:
    assert refine(source, "en") == expected


@pytest.mark.parametrize(("fragment", "count"), [
    ('a 12" and a 7" record', 0),
    ('il dit "en 2026"', 2),
    ('« il a dit "oui »', 1),
    ('"the 12" record"', 3),  # the inch mark closes the quotation: the last " is left unpaired
    ('"a <em>1999</em>" and 12"', 2),
    ('<code>"</code> 5"', 0),
    ('"<a href="https://x.org/">x.org</a>"', 2),
])
def test_quotation_marks_are_counted_without_inch_marks(fragment: str, count: int) -> None:
    assert quotation_marks(fragment) == count


MARKS = {"fr": ("«", "»"), "en": ("“", "”"), "de": ("„", "“")}
PIECES = st.lists(st.sampled_from(['"', "'", "a", "b", "1", "12", " ", "(", "—", ".", "?", "<em>", "</em>", "<p>",
                                   "</p>", "<br>", "x.org", "\u00a0", "&quot;"]), max_size=20)


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@given(PIECES)
def test_the_count_and_the_typography_agree(lang: str, pieces: list[str]) -> None:
    """Every straight " the count calls a quotation mark becomes one, every other an inch mark."""
    source = "".join(pieces)
    refined = refine(source, lang)
    opening, closing = MARKS[lang]
    assert refined.count(opening) + refined.count(closing) == quotation_marks(source)
    assert refined.count(INCH) == source.count('"') + source.count("&quot;") - quotation_marks(source)
