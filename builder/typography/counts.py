"""Dates, and numbers with the word they count: on one line and never hyphenated (issue 24).

FACTS.md §4 (French: « 6 semaines, n° 18 », no-break) and §4b (dates follow CLDR's month names):
each language lists its words in a `Counting` (numbers in words, the short words a number in words
counts nothing before, the words and abbreviations a number follows) and takes from it the rules
that bind them with no-break spaces (`rules`, `figures`, on plain text) and `markup`, which sets
each run of words so bound that holds a date or a number and a word long enough to hyphenate in a
`common.KEEP` span (`hyphens: manual`, shared.css). Months are CLDR's, in the language (Babel),
read the first time a text is refined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from builder.typography.common import KEEP, NBSP, SPACES, Rule

_S = f"[{SPACES}]"


@dataclass(frozen=True)
class Counting:
    """What binds a number to its neighbours in one language; patterns are compiled on first use.

    `numbers`: numbers in words, regular-expression fragments matched case-insensitively (« six »,
    `(?:thir|four)teen`), never the article (« un », « one », « ein »); `links`: words a number
    in words (or, with `figures`, in digits) is not bound to, because it counts nothing (« de »,
    « of », « und »); `before_number`: words and abbreviations bound to the number after them
    (« p. », « No. », « Nr. »), the months being added; `locale`: the CLDR locale of the months."""

    locale: str
    numbers: tuple[str, ...]
    links: tuple[str, ...]
    before_number: tuple[str, ...]

    @cached_property
    def months(self) -> str:
        """The wide month names of CLDR in `locale`, as one alternation (janvier|février|…)."""
        from babel.dates import get_month_names  # Babel's data: only when a text is refined

        return "|".join(get_month_names("wide", locale=self.locale).values())

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """A number in words and the word after it (not a link), a word of `before_number` or a
        month and the number after it, and the words of a date written as CLDR's long date in
        `locale` (its year may be left out), joined by no-break spaces: « six semaines », « p. 5 »,
        « December 30, 2025 », « 30. Dezember »."""
        from babel.dates import get_date_format  # Babel's data: only when a text is refined

        words = "|".join((*(re.escape(word) for word in self.before_number), self.months))
        day = _long_date(get_date_format("long", locale=self.locale).pattern, self.months)
        return (
            (re.compile(r"(?<![\w-])((?:\w+-)*(?:" + "|".join(self.numbers) + f")){_S}+" + r"(?=[^\W\d_])"
                        + f"(?!(?:{'|'.join(self.links)})\\b)", re.IGNORECASE), "\\1" + NBSP),
            (re.compile(f"(?<![\\w.])({words}){_S}+" + r"(?=\d)", re.IGNORECASE), "\\1" + NBSP),
            (re.compile(f"(?<!\\w){day}(?!\\d)", re.IGNORECASE), lambda match, before: _SPACES.sub(NBSP, match[0])),
        )

    @cached_property
    def figures(self) -> Rule:
        """A number in digits and the word after it, not a link nor a number in words: « 10 kilometres »,
        not « 2025 and », nor « March 2026 twelve » (the year counts no one: a run so bound would carry
        « twelve neighbours » along, one word too long for its line)."""
        unbound = "|".join((*self.links, *self.numbers))
        return (re.compile(r"(\d)" + f"{_S}+" + r"(?=[^\W\d_])" + f"(?!(?:{unbound})\\b)",
                           re.IGNORECASE), "\\1" + NBSP)

    @cached_property
    def kept(self) -> re.Pattern[str]:
        """What a run of words `keep` sets unhyphenated holds: a number (in figures or words, or an
        ordinal's superscript) and a word long enough to be hyphenated (5 letters: WeasyPrint's
        hyphenate-limit-chars), or a month."""
        return re.compile(f"(?:\\d|</sup>|\\b(?:{'|'.join(self.numbers)})){NBSP}[^\\W\\d_]{{5,}}"
                          f"|\\b(?:{self.months})\\b", re.IGNORECASE)

    def markup(self, escaped: str) -> str:
        """HTML-escaped text with its dates and counted words kept (`keep`)."""
        return keep(self.kept, escaped)


_SPACES = re.compile(f"{_S}+")
_FIELD = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|\s+|.")
_DIGITS = {"d": r"\d{1,2}", "y": r"\d{4}"}


def _long_date(pattern: str, months: str) -> str:
    """A CLDR date pattern (`MMMM d, y`, `d. MMMM y`) as a regular expression: a space any run of
    spaces, M the month's name, d and y digits, a trailing year optional (« 30. Dezember »)."""
    parts: list[str] = []
    fields: list[bool] = []  # whether each part is a field (or a space, or punctuation)
    for match in _FIELD.finditer(pattern):
        token, field = match[0], match[1]
        if token.isspace():
            parts.append(f"{_S}+")
        elif field:
            parts.append(f"(?:{months})" if field in "ML" else _DIGITS.get(field, r"[^\W\d_]+"))
        else:
            parts.append(re.escape(token[1:-1].replace("''", "'") or "'" if token.startswith("'") else token))
        fields.append(bool(field))
    start = len(parts) - 1 if pattern.rstrip().endswith("y") else 0
    while start > 0 and not fields[start - 1]:
        start -= 1
    return "".join(parts[:start]) + "(?:" + "".join(parts[start:]) + ")?" if start else "".join(parts)


_RUN = re.compile(f"([ \t\n]?)((?:[^ \t\n{NBSP}<]|<sup>|</sup>|{NBSP}(?!:))+)")
"""A run of text no breakable space cuts, with the space before it: tags other than <sup> end it,
and so does a no-break space before a colon (the colon's own span follows, fr.markup)."""


def keep(kept: re.Pattern[str], escaped: str) -> str:
    """HTML-escaped text with each run of words joined by no-break spaces that `kept` finds in
    (a date, a number and the word it counts) in a `KEEP` span: `hyphens: manual` (shared.css),
    so that no word of it is hyphenated (FACTS.md §4, issue 24).

    The whole run goes in the span, and the breakable space before it too: WeasyPrint overlooks a
    break opportunity just before an inline box that a no-break space binds to the text before it,
    and then breaks lines far too early (Kozea/WeasyPrint#1614), as for web addresses."""
    def wrap(match: re.Match[str]) -> str:
        return f"{KEEP}{match.group(0)}</span>" if kept.search(match.group(2)) else match.group(0)
    return _RUN.sub(wrap, escaped)
