"""The words a zine prints that its collective did not write, in the zine's language.

The contents title, the print page's sheet count, the heading of endnotes, the contact sheet's
labels, the letters' signature box and form-field titles (`Words`, each language's module holds
its own), and dates (CLDR's long format, through Babel). French and English are complete; a zine
in another language gets the English words, and the build says so (`known`). The languages come
from one registry (`languages.LANGUAGES`). The zine's own words (price, licence, notes, cover)
come from its content and manifest.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from builder.errors import BuildError, toml_text
from builder.typography.language import Words, locale, long_date
from builder.typography.languages import ENGLISH, find

__all__ = ["Words", "check", "date", "known", "listed", "words"]


def words(lang: str) -> Words:
    """The words of `lang`, or English ones when this tool has none for it (`known` says which)."""
    language = find(lang)
    own = language.WORDS if language is not None else None
    return own if own is not None else ENGLISH


def known(lang: str) -> bool:
    """Whether the zine's printed words will be in `lang` (else in English)."""
    language = find(lang)
    return language is not None and language.WORDS is not None


def check(lang: str, where: str) -> None:
    """BuildError naming `where` (the manifest) if `lang` is no language CLDR knows."""
    if locale(lang) is None:
        raise BuildError(where, f"'lang' must be a language code like \"fr\", \"en\" or \"fr-CA\", "
                                f"not {toml_text(lang)}")


def date(day: datetime.date, lang: str) -> str:
    """`day` as the zine's language writes it (28 novembre 2026, November 28, 2026; 1er mai in
    French); CLDR's long date for a language without a module."""
    language = find(lang)
    return language.date(day, lang) if language is not None else long_date(day, lang)


def listed(items: Sequence[str], lang: str) -> str:
    """`items` as the zine's language writes a list: "A, B et C" in French, "A, B, and C" in
    English, "A وB وC" in Arabic (CLDR's standard list pattern, through Babel's format_list);
    English's for a tag CLDR does not know. Issue 22 follow-up."""
    from babel.lists import format_list  # Babel's data: only when a list is written

    text: str = format_list(list(items), locale=lang.replace("-", "_") if locale(lang) is not None else "en")
    return text
