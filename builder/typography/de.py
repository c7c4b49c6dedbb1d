"""German typography: quotation marks „…“ and ‚…‘, apostrophes, ellipses (shared FACTS.md §4b).

Straight quotes are classified in `common` and become „ “ (U+201E, U+201C) and ‚ ‘ (U+201A,
U+2018) here, the apostrophe ’ U+2019, and ″ ′ after a digit. `...` becomes an ellipsis …; the
dashes are those of every language (`common.DASHES`): ` -- ` a spaced en dash, 2022–2026.
A module implementing `language.Language`, without words yet: a German zine prints English ones
(and the build says so), and `zine new` does not offer German.
"""

from __future__ import annotations

import re
from functools import cache

from builder.typography.common import DASHES, Marks, Rule, apply
from builder.typography.counts import Counting
from builder.typography.language import Scaffold, Words, long_date

MARKS = Marks(open_double="\u201e", close_double="\u201c", open_single="\u201a", close_single="\u2018")
COUNTING = Counting(
    locale="de",
    numbers=("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
             "(?:drei|vier|fünf|sech|sieb|acht|neun)zehn", r"(?:\w+und)?(?:zwan|vier|fünf|sech|sieb|acht|neun)zig",
             r"(?:\w+und)?dreißig", r"\w*hundert", r"\w*tausend"),
    links=("und", "oder", "bis", "von", "vom", "zu", "zum", "zur", "in", "im", "an", "am", "auf", "aus", "bei", "mit",
           "nach", "für", "über", "unter", "der", "die", "das", "den", "dem", "des", "ist", "sind", "war", "als",
           "wie", "pro", "je", "mal", "mehr", "weniger"),
    before_number=("Nr.", "S.", "Art.", "Abs.", "Kap.", "Bd.", "Abb.", "§", "§§", "Artikel", "Absatz", "Kapitel",
                   "Seite", "Seiten", "Schritt", "Teil", "Nummer", "Anhang"))
"""Zahlwörter bound to the word they count („sechs Wochen“), not „ein, eine“ (the article), nor
before a word that counts nothing („zwei bis drei“); months from CLDR."""


@cache
def _rules() -> tuple[Rule, ...]:
    """The rules in order (compiled on first use: Babel's months)."""
    return ((re.compile(r"\.\.\."), "…"),
            *DASHES,  # Gedankenstrich and Bis-Strich: the en dash (Duden), spaced or between digits
            COUNTING.figures, *COUNTING.rules)


def plain(text: str, before: str = "") -> str:
    """The character rules on plain text whose quotes are classified already (`MARKS`), and the
    no-break spaces of dates and counted words (`COUNTING`: „30. Dezember 2025“, „10 Kilometer“)."""
    return apply(_rules(), text, before)


def markup(text: str) -> str:
    """Escaped HTML with its dates and counted words never hyphenated (`Counting.markup`, issue 24)."""
    return COUNTING.markup(text)


date = long_date
"""28. November 2026: CLDR's long date in `lang` (de, de-AT…)."""
WORDS: Words | None = None
SCAFFOLD: Scaffold | None = None
