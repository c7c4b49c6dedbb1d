"""What a language is to this tool: the `Language` Protocol its module implements, and its words.

A language is one module of `builder/typography` (fr.py, en.py, de.py…) listed once in
`languages.LANGUAGES`: its typography rules, its quotation marks, the words the tool prints in a
zine (`Words`), the words `zine new` writes (`Scaffold`) and its dates. The design is doc2dash's
`Parser` Protocol (issue 19): mypy checks each module against `Language`, and the registry is
typed `dict[str, Language]`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from builder.typography.common import Marks

if TYPE_CHECKING:
    from babel.core import Locale

Direction = Literal["ltr", "rtl"]
"""Which way a zine's lines and pages run: left to right (bound on the left) or right to left
(Arabic, Persian, Hebrew…: bound on the right, issue 22)."""
DIRECTIONS: tuple[Direction, ...] = ("ltr", "rtl")
"""Every Direction, defined once: the manifest's `direction`, `zine impose --direction` and the
layouts' Options.direction take these words."""


@dataclass(frozen=True)
class SheetWords:
    """The duplex test sheet's words (imposition/layouts/testsheet.py; `zine impose --test-sheet
    --lang`), in cp1252 (its font's encoding). `{turn}` is turn_side or turn_top, `{edge}` and
    `{other}` an edge in capitals (short, long), `{setting}` the copier's own words for it
    (Words.flip_short or flip_long), `{flip}` and `{other_flip}` the `--flip` values."""

    title: str
    """The PDF's title."""
    front: tuple[str, ...]
    """The front: its heading, then what to do ({turn})."""
    turn_side: str
    """How a booklet's copy turns over, like a book page."""
    turn_top: str
    """How a top-bound booklet's copy turns over, like a calendar page."""
    right: tuple[str, ...]
    """The back when the copier flipped as it should: a heading of two lines, then why ({edge}, {setting}, {flip})."""
    wrong: tuple[str, ...]
    """The back upside down: a heading of two lines, then what to change ({other}, {setting}, {other_flip})."""
    short: str
    long: str
    """The two edges, in capitals."""
    top: str
    """The word under the arrows that point to the top of the sheet."""
    ruler: str
    """The label of the 100 mm line."""


@dataclass(frozen=True)
class Words:
    """One language's words. `{…}` marks what is filled in."""

    contents: str
    """The title of the table of contents."""
    sheet_count: str
    """The print page's line: {pages} and {sheets} are counted by the layout, {paper} is the sheet's
    name, {flip} the duplex setting (flip_short or flip_long)."""
    sheet_count_two: str
    """The same for a booklet printed two copies to a side and cut in half (the A6 format)."""
    flip_short: str
    flip_long: str
    """The duplex settings, as copiers' dialogs name them (FACTS.md §3)."""
    us_letter: str
    """The US letter paper (8.5 × 11 in), as printer dialogs name it; A sizes need no words."""
    contact: str
    """A side's label on the contact sheet: {sheet} is its number, {side} its front or back."""
    front: str
    back: str
    signature: str
    """The label of a letter's signature box."""
    nir: str
    """A social security number field's title, and its key's (fillable PDF)."""
    nir_key: str
    characters: str
    """A typed field's length: {count}."""
    notes: str
    """The heading of a part's notes, when they print at its end (the manifest's notes = "endnotes")."""
    bound_right: str
    """What the contact sheet's labels add for a booklet bound on the right (a right-to-left zine, issue 22)."""
    test_sheet: SheetWords | None = None
    """The duplex test sheet's words; None: `zine impose --lang` does not offer the language."""


@dataclass(frozen=True)
class Scaffold:
    """The words `zine new` writes in a language (builder/commands/scaffold.py)."""

    header: str
    """The comment that opens the manifest (lines starting with `# `, ending with an empty line)."""
    optional_header: str
    """The comment above the keys printed only when set (one `# ` line)."""
    notes: Mapping[str, str]
    """What each manifest key does, by key: every key of scaffold.KEYS."""
    examples: Mapping[str, str]
    """The TOML value written for each key whose example is in words (subtitle, author, edition…)."""
    formats: Mapping[str, str]
    """What each page format is printed on, by name (paper.ZINE_FORMATS); a format missing is listed bare."""
    part: tuple[str, str]
    """The first part: its file name and its Markdown (front matter with a title, `kind: text`)."""


class Language(Protocol):
    """A language: what its module in `builder/typography` provides (fr.py is the fullest)."""

    @property
    def MARKS(self) -> Marks:
        """The characters straight quotes and the apostrophe become (common.py classifies them)."""

    @property
    def WORDS(self) -> Words | None:
        """The words the tool prints in a zine; None: English words, and the build says so."""

    @property
    def SCAFFOLD(self) -> Scaffold | None:
        """The words of `zine new`; None: `zine new --lang` does not offer the language."""

    def plain(self, text: str, before: str = "") -> str:
        """The spacing and character rules on plain text whose quotes are classified and replaced
        already; `before` is the character that precedes it ("" at the start of a block)."""

    def markup(self, text: str) -> str:
        """Inline markup on HTML-escaped text (French ordinals in superscript); else `text` as it is."""

    def date(self, day: datetime.date, lang: str) -> str:
        """`day` written in the language; `lang` is the zine's full tag (fr-CA), for Babel's locale."""


def primary(lang: str) -> str:
    """fr for fr-CA, fr_BE, FR: the primary language subtag (BCP 47), the registry's key."""
    return re.split(r"[-_]", lang, maxsplit=1)[0].lower()


def long_date(day: datetime.date, lang: str) -> str:
    """CLDR's long date in the locale of `lang` (Babel): 28 November 2026 is November 28, 2026 in
    English, 28. November 2026 in German. A language's `date` when it needs no more."""
    from babel.dates import format_date  # Babel's data: only when a date is written

    text: str = format_date(day, "long", locale=lang.replace("-", "_"))
    return text


def locale(lang: str) -> Locale | None:
    """CLDR's locale of the tag `lang` (fr-CA, fr_CA), or None when CLDR does not know it (Babel)."""
    from babel.core import Locale, UnknownLocaleError  # Babel's data: only when a zine is read

    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def direction(lang: str) -> Direction:
    """The way the script of `lang` runs, as CLDR says (Babel's `Locale.text_direction`): "rtl"
    for ar, fa, he, ur, yi…, "ltr" for the others and for a tag CLDR does not know."""
    found = locale(lang)
    return "rtl" if found is not None and found.text_direction == "rtl" else "ltr"
