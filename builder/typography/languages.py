"""The languages this tool knows: one registry, read by the typography, the words, `zine new` and its `--lang`.

Adding a language is one module in this folder implementing `language.Language` (its rules,
quotation marks, words, scaffold and dates) and one line here. A language without a module
(Italian, say) is typeset as written, with English words and Babel's dates in its own locale;
a module whose WORDS or SCAFFOLD is None (German) has its rules but English words, and
`zine new` does not offer it.
"""

from __future__ import annotations

from builder.typography import de, en, fr
from builder.typography.language import Language, Scaffold, SheetWords, Words, primary

LANGUAGES: dict[str, Language] = {"fr": fr, "en": en, "de": de}
"""By primary language subtag (BCP 47: fr, fr-CA and fr-BE all take `fr`); mypy checks each module."""
ENGLISH: Words = en.WORDS
"""The words a zine gets when its language has none."""


def find(lang: str) -> Language | None:
    """The language of the tag `lang` (fr-CA, en_GB, FR), or None when this tool has no module for it."""
    return LANGUAGES.get(primary(lang))


def scaffolds() -> dict[str, Scaffold]:
    """The languages `zine new` writes a project in, by code, in the registry's order (fr first: the default)."""
    return {code: language.SCAFFOLD for code, language in LANGUAGES.items() if language.SCAFFOLD is not None}


def test_sheets() -> dict[str, SheetWords]:
    """The languages `zine impose --lang` prints the duplex test sheet in, by code (en, fr…)."""
    return {code: language.WORDS.test_sheet for code, language in LANGUAGES.items()
            if language.WORDS is not None and language.WORDS.test_sheet is not None}
