"""French typography: spaces, quotes, apostrophes, ellipses, ordinals, article numbers.

Rules from the Imprimerie nationale usage (shared FACTS.md §4), applied by `builder.typography`
to the text between tags: `plain` on text, `markup` (ordinals in superscript) on escaped HTML.
Straight quotes are classified in `common` (the same in every language) and become « » here,
`'` an apostrophe ’ (French nests « » and has no single quotation marks), or ″ ′ after a digit;
`plain` then puts the no-break spaces inside « ».
"""

from __future__ import annotations

import re

from builder.typography.common import FOOT, INCH, NBSP, NNBSP, SPACES, Marks, Rule, apply, previous

WJ = "\u2060"
MARKS = Marks(open_double="«", close_double="»", open_single=None)

_S = f"[{SPACES}]"
_WORDISH = re.compile(f"[\\w»)\\]…’”%€{INCH}{FOOT}]")
_BEFORE_NUMBER = ("art.", "article", "articles", "al.", "alinéa", "n\u00ba", "p.", "page", "pages",
                  "paragraphe", "chapitre", "étape", "étapes", "point", "section", "annexe",
                  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre")


def _punctuation(match: re.Match[str], before: str) -> str:
    """Narrow no-break space before ; ! ? and no-break space before : (when glued to a word)."""
    spaced, mark = bool(match.group(1)), match.group(2)
    before = previous(match, before)
    if mark == ":" and match.end() < len(match.string) and match.string[match.end()] not in SPACES + ")]»":
        return match.group(0)  # 10:30, 3:2 — not a colon of prose
    if spaced or _WORDISH.match(before):
        return (NBSP if mark == ":" else NNBSP) + mark
    return match.group(0)


_RULES: tuple[Rule, ...] = (
    (re.compile(r"\b([nN])[°º]" + f"{_S}*" + r"(?=\d)"), "\\1\u00ba" + NBSP),
    (re.compile(r"\b([nN])°"), "\\1\u00ba"),
    (re.compile(r"\.\.\."), "…"),
    (re.compile(f"«{_S}*"), "«" + NBSP),
    (re.compile(f"{_S}*»"), NBSP + "»"),
    (re.compile(f"({_S}*)([;!?:])"), _punctuation),
    (re.compile(r"(\d)" + f"{_S}*%"), "\\1" + NNBSP + "%"),
    (re.compile(r"(\d)" + f"{_S}+" + r"(?=\d{3}\b)"), "\\1" + NNBSP),
    (re.compile(r"(\d)" + f"{_S}+" + r"(?=[^\W\d_]|€)"), "\\1" + NBSP),
    (re.compile(r"\b(\d+(?:er|re|e|es|ers|res|ème))" + f"{_S}+" + r"(?=\w)"), "\\1" + NBSP),
    (re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in _BEFORE_NUMBER) + f"){_S}+" + r"(?=\d)",
                re.IGNORECASE), "\\1" + NBSP),
    # Article numbers of the French codes: L1111-13-1, R1111-36, D…, A… (législatif, réglementaire…)
    (re.compile(r"(?<![\w.])(art\.|articles?)" + f"{_S}+" + r"(?=[LRDA]\d)", re.IGNORECASE), "\\1" + NBSP),
    (re.compile(f"{_S}+(?:--?|–){_S}+"), NBSP + "– "),
    # Article numbers of the French codes (L1111-13-1) never break at their hyphens: a word
    # joiner follows each (invisible, and dropped when the PDF's text is copied or searched).
    (re.compile("\\b([LRDA]\\d{3,4})((?:-" + WJ + "?\\d+)+)"),
     lambda match, before: match.group(1) + match.group(2).replace(WJ, "").replace("-", "-" + WJ)),
)

_ORDINAL = re.compile(r"\b(\d+|[IVX]|[IVXLC]{2,})(?:(er|re|ers|res|nd|nde|e|es)|ème|eme)\b")
_AFTER_NUMBER = re.compile(f"\\d{_S}+$")


def _ordinal(match: re.Match[str]) -> str:
    if _AFTER_NUMBER.search(match.string, 0, match.start()):
        return match.group(0)  # "10 101er" is no ordinal: its digits belong to a number
    suffix = match.group(2) or "e"
    return f"{match.group(1)}<sup>{suffix}</sup>"


def plain(text: str, before: str = "") -> str:
    """The spacing and character rules on plain text whose quotes are classified already (`MARKS`);
    `before` is the character preceding it."""
    return apply(_RULES, text, before)


def markup(text: str) -> str:
    """Ordinals in superscript (1<sup>er</sup>, XIX<sup>e</sup>), on HTML-escaped text."""
    return _ORDINAL.sub(_ordinal, text)
