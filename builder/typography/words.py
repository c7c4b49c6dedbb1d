"""The words a zine prints that its collective did not write, in the zine's language.

The contents title, the print page's sheet count, the heading of endnotes, the contact sheet's
labels, the letters' signature box and form-field titles, and dates (CLDR's long format, through Babel). French and
English are complete; a zine in another language gets the English words, and the build says so.
The zine's own words (price, licence, notes, cover) come from its content and manifest.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from builder.errors import BuildError


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


WORDS = {
    "fr": Words(contents="Sommaire",
                sheet_count="Ce livret : {pages}\u00a0pages, soit {sheets}\u00a0feuilles {paper} recto-verso "
                            "({flip}) par exemplaire.",
                sheet_count_two="Ce livret : {pages}\u00a0pages, soit {sheets}\u00a0feuilles {paper} recto-verso "
                                "({flip}) pour deux exemplaires : coupez le paquet en deux.",
                flip_short="retourner sur le bord court", flip_long="retourner sur le bord long", us_letter="Lettre US",
                contact="feuille {sheet}, {side}", front="recto", back="verso", signature="signature",
                nir="numéro de sécurité sociale", nir_key="clé (2 chiffres)", characters="{count} caractères",
                notes="Notes"),
    "en": Words(contents="Contents",
                sheet_count="This booklet: {pages}\u00a0pages, that is {sheets}\u00a0sheets of {paper} printed on both "
                            "sides ({flip}), per copy.",
                sheet_count_two="This booklet: {pages}\u00a0pages, that is {sheets}\u00a0sheets of {paper} printed on "
                                "both sides ({flip}) for two copies: cut the stack in half.",
                flip_short="flip on the short edge", flip_long="flip on the long edge", us_letter="US Letter",
                contact="sheet {sheet}, {side}", front="front", back="back", signature="signature",
                nir="social security number", nir_key="key (2 digits)", characters="{count} characters",
                notes="Notes"),
}
"""By primary language subtag (BCP 47)."""
FALLBACK = "en"


def primary(lang: str) -> str:
    """fr for fr-CA, fr_BE, FR."""
    return re.split(r"[-_]", lang, maxsplit=1)[0].lower()


def words(lang: str) -> Words:
    """The words of `lang`, or English ones when this tool has none for it (`known` says which)."""
    return WORDS.get(primary(lang), WORDS[FALLBACK])


def known(lang: str) -> bool:
    """Whether the zine's printed words will be in `lang` (else in English)."""
    return primary(lang) in WORDS


def check(lang: str, where: str) -> None:
    """BuildError naming `where` (the manifest) if `lang` is no language CLDR knows."""
    from babel.core import Locale, UnknownLocaleError  # Babel's data: only when a zine is read

    try:
        Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise BuildError(where, f"'lang' must be a language code like fr, en or fr-CA, not {lang!r}") from None


def date(day: datetime.date, lang: str) -> str:
    """28 novembre 2026, November 28, 2026: CLDR's long date; 1er mai in French (Imprimerie nationale)."""
    from babel.dates import format_date

    text: str = format_date(day, "long", locale=lang.replace("-", "_"))
    return re.sub(r"^1 ", "1er ", text) if primary(lang) == "fr" else text
