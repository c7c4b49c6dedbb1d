"""English typography: curly quotes, apostrophes, ellipses and dashes (shared FACTS.md §4b).

Straight quotes are classified in `common` and become “ ” and ‘ ’ here, the apostrophe ’, and
″ ′ after a digit. `...` becomes an ellipsis …, `---` an em dash —, and a hyphen or two between
spaces (` - `, ` -- `) a spaced en dash – : FACTS.md §4b allows the closed em dash (US) or the
spaced en dash (UK); this module takes the British one, the spacing most typists already type,
with a no-break space before the dash so that no line starts with it.
Nothing is spaced before `: ; ! ?` (English puts no space there): a space typed there is left
as typed, since removing one is not always right (`the ? key`).
"""

from __future__ import annotations

import re

from builder.typography.common import NBSP, SPACES, Marks, Rule, apply

MARKS = Marks(open_double="\u201c", close_double="\u201d", open_single="\u2018", close_single="\u2019")

_S = f"[{SPACES}]"
_RULES: tuple[Rule, ...] = (
    (re.compile(r"\.\.\."), "…"),
    (re.compile("---"), "—"),
    (re.compile(f"{_S}+(?:--?|–){_S}+"), NBSP + "– "),
)


def plain(text: str, before: str = "") -> str:
    """The character rules on plain text whose quotes are classified already (`MARKS`)."""
    return apply(_RULES, text, before)


def markup(text: str) -> str:
    """No inline markup in English: escaped HTML is returned as it is."""
    return text
