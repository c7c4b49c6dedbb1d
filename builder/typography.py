"""French typography on HTML text: spaces, quotes, apostrophes, ellipses, ordinals.

Rules from the Imprimerie nationale usage (see shared FACTS.md §4). The pass only touches text
between tags, never tags or attributes, and leaves code, preformatted text and URLs alone.
It is idempotent: refining twice gives the same HTML as refining once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

NBSP = "\u00a0"
NNBSP = "\u202f"
WJ = "\u2060"
SPACES = " \t\n\r" + NBSP + NNBSP

_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
_TEXT_ONLY = {"title"}  # raw-text elements: no tags may be added inside
_INLINE = {"a", "abbr", "b", "cite", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub",
           "sup", "u", "time", "bdi", "data"}
_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[^>]*>", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_URL_END = r"[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]]"  # an address does not end on punctuation
_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bmailto:|\bwww\.)" + _URL_END
                  + r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                  + r"|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|info)\b(?:/" + _URL_END + ")?")

_URL_SPAN = '<span class="url">'
_SPACED_URL = re.compile(f"[ \\t\\n]?(?:{_URL.pattern})")  # a breakable space only: see _refine_node
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


def refine_text(text: str, before: str = "") -> str:
    """Apply the spacing and character rules to plain text; `before` is the preceding character."""
    pieces = []
    position = 0
    for url in _URL.finditer(text):
        pieces.append(_refine_plain(text[position:url.start()], before))
        pieces.append(url.group(0))
        before = url.group(0)[-1:]
        position = url.end()
    pieces.append(_refine_plain(text[position:], before))
    return "".join(pieces)


def _refine_plain(text: str, before: str) -> str:
    for pattern, replacement in _RULES:
        if isinstance(replacement, str):
            text = pattern.sub(replacement, text)
        else:
            text = pattern.sub(_with_context(replacement, before), text)
    return text


def _with_context(rule: Callable[[re.Match[str], str], str], before: str) -> Callable[[re.Match[str]], str]:
    """A replacement function for re.sub that also knows the character before the text."""
    return lambda match: rule(match, before)


def refine(document: str, lang: str) -> str:
    """Refine the text of an HTML document or fragment for `lang` (only French has rules)."""
    if not lang.lower().startswith("fr"):
        return document
    out: list[str] = []
    skipping = 0
    text_only = False
    before = ""
    position = 0
    links = 0  # inside <a>: addresses are links already
    marked = False  # just after markup this pass added: not added again
    for tag in _TAG.finditer(document):
        text, last = _refine_node(document[position:tag.start()], before, skipping > 0, text_only,
                                  links > 0 or marked)
        out.append(text)
        before = last or before
        closing, name = _tag_info(tag.group(0))
        if name in _SKIP:
            skipping = max(0, skipping + (-1 if closing else 1))
        if name in _TEXT_ONLY:
            text_only = not closing
        if name == "a":
            links = max(0, links + (-1 if closing else 1))
        marked = tag.group(0) == _URL_SPAN
        if name not in _INLINE:
            before = ""
        out.append(tag.group(0))
        position = tag.end()
    out.append(_refine_node(document[position:], before, skipping > 0, text_only, links > 0 or marked)[0])
    return "".join(out)


def _refine_node(raw: str, before: str, skip: bool, text_only: bool, in_link: bool) -> tuple[str, str]:
    """The refined HTML of a text node, and its last character once refined ("" if skipped)."""
    if skip or not raw:
        return raw, ""
    plain = refine_text(html.unescape(raw), before)
    text = html.escape(plain, quote=False)
    if text_only:
        return text, plain[-1:]
    # Ordinals get their superscript outside web addresses only; an address in running text is
    # marked, so that it is never hyphenated. The space before it goes inside the span:
    # WeasyPrint overlooks a break opportunity just before an inline box and then breaks far
    # too early on the line (Kozea/WeasyPrint#1614, #2102).
    pieces, position = [], 0
    for url in _SPACED_URL.finditer(text):
        pieces.append(_ORDINAL.sub(_ordinal, text[position:url.start()]))
        pieces.append(url.group(0) if in_link else f"{_URL_SPAN}{url.group(0)}</span>")
        position = url.end()
    pieces.append(_ORDINAL.sub(_ordinal, text[position:]))
    text = "".join(pieces)
    return text, plain[-1:]


def _tag_info(tag: str) -> tuple[bool, str]:
    match = _TAG_NAME.match(tag)
    if not match or tag.endswith("/>"):
        return False, ""
    return bool(match.group(1)), match.group(2).lower()
