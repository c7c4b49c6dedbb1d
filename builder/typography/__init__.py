"""Typography by language, on the text of HTML documents: one module of rules per language.

`refine(html, lang)` walks the text between tags (never tags or attributes; never code,
preformatted text or web addresses) and hands it to the language's rules: `fr.py` for French
(shared FACTS.md §4). A language without a module is left as written. The pass is idempotent:
refining twice gives the same HTML as refining once.

A language module provides `plain(text, before) -> str` (spaces and characters of plain text,
`before` the character that precedes it) and `markup(escaped) -> str` (inline markup such as the
superscripts of ordinals, on HTML-escaped text).
"""

from __future__ import annotations

import html
import re
from types import ModuleType

from builder.typography import fr
from builder.words import primary

LANGUAGES: dict[str, ModuleType] = {"fr": fr}
"""Rules by primary language subtag (BCP 47: fr, fr-CA and fr-BE all take `fr`)."""

_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
_TEXT_ONLY = {"title"}  # raw-text elements: no tags may be added inside
_INLINE = {"a", "abbr", "b", "cite", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub",
           "sup", "u", "time", "bdi", "data"}
_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[^>]*>", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_URL_END = r"[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]]"  # an address does not end on punctuation
URL = re.compile(r"(?:\b(?:https?|ftp)://|\bmailto:|\bwww\.)" + _URL_END
                 + r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                 + r"|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|info)\b(?:/" + _URL_END + ")?")
"""Web and mail addresses in running text: typography never touches them."""
_URL_SPAN = '<span class="url">'
_SPACED_URL = re.compile(f"[ \\t\\n]?(?:{URL.pattern})")  # a breakable space only: see _refine_node


def rules(lang: str) -> ModuleType | None:
    """The rules of language `lang` (a BCP 47 tag), or None when there are none."""
    return LANGUAGES.get(primary(lang))


def refine_text(text: str, lang: str, before: str = "") -> str:
    """Plain text (a title for PDF metadata) with the rules of `lang`; `before` precedes it."""
    language = rules(lang)
    return text if language is None else _plain(language, text, before)


def refine(document: str, lang: str) -> str:
    """Refine the text of an HTML document or fragment with the rules of `lang`."""
    language = rules(lang)
    if language is None:
        return document
    out: list[str] = []
    skipping = 0
    text_only = False
    before = ""
    position = 0
    links = 0  # inside <a>: addresses are links already
    marked = False  # just after markup this pass added: not added again
    for tag in _TAG.finditer(document):
        text, last = _refine_node(language, document[position:tag.start()], before, skipping > 0, text_only,
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
    out.append(_refine_node(language, document[position:], before, skipping > 0, text_only, links > 0 or marked)[0])
    return "".join(out)


def _plain(language: ModuleType, text: str, before: str) -> str:
    """The language's rules on plain text, outside the web addresses in it."""
    pieces = []
    position = 0
    for url in URL.finditer(text):
        pieces.append(language.plain(text[position:url.start()], before))
        pieces.append(url.group(0))
        before = url.group(0)[-1:]
        position = url.end()
    pieces.append(language.plain(text[position:], before))
    return "".join(pieces)


def _refine_node(language: ModuleType, raw: str, before: str, skip: bool, text_only: bool,
                 in_link: bool) -> tuple[str, str]:
    """The refined HTML of a text node, and its last character once refined ("" if skipped)."""
    if skip or not raw:
        return raw, ""
    plain = _plain(language, html.unescape(raw), before)
    text = html.escape(plain, quote=False)
    if text_only:
        return text, plain[-1:]
    # Markup (ordinals) goes outside web addresses only; an address in running text is marked,
    # so that it is never hyphenated. The space before it goes inside the span: WeasyPrint
    # overlooks a break opportunity just before an inline box and then breaks far too early on
    # the line (Kozea/WeasyPrint#1614, #2102).
    pieces, position = [], 0
    for url in _SPACED_URL.finditer(text):
        pieces.append(language.markup(text[position:url.start()]))
        pieces.append(url.group(0) if in_link else f"{_URL_SPAN}{url.group(0)}</span>")
        position = url.end()
    pieces.append(language.markup(text[position:]))
    return "".join(pieces), plain[-1:]


def _tag_info(tag: str) -> tuple[bool, str]:
    match = _TAG_NAME.match(tag)
    if not match or tag.endswith("/>"):
        return False, ""
    return bool(match.group(1)), match.group(2).lower()
