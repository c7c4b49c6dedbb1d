"""German typography: quotation marks „…“ and ‚…‘, apostrophes, ellipses (shared FACTS.md §4b).

Straight quotes are classified in `common` and become „ “ (U+201E, U+201C) and ‚ ‘ (U+201A,
U+2018) here, the apostrophe ’ U+2019, and ″ ′ after a digit. `...` becomes an ellipsis …; the
dashes are those of every language (`common.DASHES`): ` -- ` a spaced en dash, 2022–2026.
A module implementing `language.Language`, without words yet: a German zine prints English ones
(and the build says so), and `zine new` does not offer German.
"""

from __future__ import annotations

import re

from builder.typography.common import DASHES, Marks, Rule, apply
from builder.typography.language import Scaffold, Words, long_date

MARKS = Marks(open_double="\u201e", close_double="\u201c", open_single="\u201a", close_single="\u2018")

_RULES: tuple[Rule, ...] = (
    (re.compile(r"\.\.\."), "…"),
    *DASHES,  # Gedankenstrich and Bis-Strich: the en dash (Duden), spaced or between digits
)


def plain(text: str, before: str = "") -> str:
    """The character rules on plain text whose quotes are classified already (`MARKS`)."""
    return apply(_RULES, text, before)


def markup(text: str) -> str:
    """No inline markup in German: escaped HTML is returned as it is."""
    return text


date = long_date
"""28. November 2026: CLDR's long date in `lang` (de, de-AT…)."""
WORDS: Words | None = None
SCAFFOLD: Scaffold | None = None
