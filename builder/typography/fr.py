"""French typography: spaces, quotes, apostrophes, ellipses, ordinals, article numbers.

Rules from the Imprimerie nationale usage (shared FACTS.md §4), applied by `builder.typography`
to the text between tags: `plain` on text, `markup` (ordinals in superscript) on escaped HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"
NNBSP = "\u202f"
WJ = "\u2060"
SPACES = " \t\n\r" + NBSP + NNBSP

_S = f"[{SPACES}]"
_WORDISH = re.compile(r"[\w»)\]…’”%€]")
_BEFORE_NUMBER = ("art.", "article", "articles", "al.", "alinéa", "n\u00ba", "p.", "page", "pages",
                  "paragraphe", "chapitre", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre")

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str], str], str]]


def _previous(match: re.Match[str], before: str) -> str:
    """The character before a match, looking into the previous text node at the start."""
    return match.string[match.start() - 1] if match.start() else before


def _punctuation(match: re.Match[str], before: str) -> str:
    """Narrow no-break space before ; ! ? and no-break space before : (when glued to a word)."""
    spaced, mark = bool(match.group(1)), match.group(2)
    before = _previous(match, before)
    if mark == ":" and match.end() < len(match.string) and match.string[match.end()] not in SPACES + ")]»":
        return match.group(0)  # 10:30, 3:2 — not a colon of prose
    if spaced or _WORDISH.match(before):
        return (NBSP if mark == ":" else NNBSP) + mark
    return match.group(0)


def _double_quote(match: re.Match[str], before: str) -> str:
    """Straight double quotes become « » : opening after a space or an opening bracket."""
    space_before, space_after = match.group(1), match.group(2)
    before = _previous(match, before)
    if space_before or before in ("", "(", "[", "—", "–"):
        return space_before + "«" + NBSP
    return NBSP + "»" + space_after


_RULES: tuple[_Rule, ...] = (
    (re.compile(r"\b([nN])[°º]" + f"{_S}*" + r"(?=\d)"), "\\1\u00ba" + NBSP),
    (re.compile(r"\b([nN])°"), "\\1\u00ba"),
    (re.compile(r"\.\.\."), "…"),
    (re.compile("'"), "’"),
    (re.compile(f'({_S}*)"({_S}*)'), _double_quote),
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
    """The spacing and character rules on plain text; `before` is the character preceding it."""
    for pattern, replacement in _RULES:
        if isinstance(replacement, str):
            text = pattern.sub(replacement, text)
        else:
            text = pattern.sub(_with_context(replacement, before), text)
    return text


def markup(text: str) -> str:
    """Ordinals in superscript (1<sup>er</sup>, XIX<sup>e</sup>), on HTML-escaped text."""
    return _ORDINAL.sub(_ordinal, text)


def _with_context(rule: Callable[[re.Match[str], str], str], before: str) -> Callable[[re.Match[str]], str]:
    """A replacement function for re.sub that also knows the character before the text."""
    return lambda match: rule(match, before)
