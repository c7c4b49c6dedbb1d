"""Typography by language, on the text of HTML documents: one module of rules per language.

`refine(html, lang)` walks the text between tags (never tags or attributes; never code,
preformatted text or web addresses) and hands it to the rules of the language the registry
(`languages.LANGUAGES`) has for `lang`: `fr.py` for French (shared FACTS.md §4), `en.py` for
English and `de.py` for German (§4b). A language without a module is left as written. The pass
is idempotent: refining twice gives the same HTML as refining once.

Straight quotes are classified in `common.py`, the same way in every language (a `"` right after
a digit is an inch mark ″ unless it closes a quotation), along the text of each block: the
quotations it opens stay open across inline tags (<em>…</em>) and close at the end of the block.
`quotation_marks` counts them with that same walk, for the Markdown reader's check.

A language module implements `language.Language`: `MARKS` (the characters of its quotation
marks, apostrophe), `plain(text, before)` (spaces and characters of plain text whose quotes are
classified already) and `markup(escaped)` (inline markup such as the superscripts of ordinals,
on HTML-escaped text), besides its words and dates.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from builder.typography import common
from builder.typography.common import Quotations, Role
from builder.typography.language import Language
from builder.typography.languages import find
from builder.workers.caches import remembered

_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
_TEXT_ONLY = {"title"}  # raw-text elements: no tags may be added inside
_INLINE = {"a", "abbr", "b", "cite", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub",
           "sup", "u", "time", "bdi", "data"}
_PHRASING = _INLINE | {"br", "wbr", "img", "input", "code", "kbd", "samp", "var", "del", "ins"}
"""Elements within a line of text (HTML: phrasing content): a quotation open before one is still open after it."""
_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[^>]*>", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_URL_END = r"[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]]"  # an address does not end on punctuation
URL = re.compile(r"(?:\b(?:https?|ftp)://|\bmailto:|\bwww\.)" + _URL_END
                 + r"|[\w.+\u2060-]+@[\w\u2060-]+(?:\.[\w\u2060-]+)+"
                 + r"|\b[\w\u2060-]+(?:\.[\w\u2060-]+)*\.(?:fr|com|org|net|eu|info)\b(?:/" + _URL_END + ")?")
"""Web and mail addresses in running text: typography never touches them (word joiners: url_breaks)."""
_URL_SPAN, _LONG_SPAN = '<span class="url">', '<span class="url long">'
"""How an address is marked: spelt out (`https://…`) or with a path (`/…` after the host), its
paragraph is set ragged (shared.css): a long word that cannot hyphenate would stretch the
justified lines before it. A bare name in a sentence (`monespacesante.fr`) leaves it justified."""
ZWSP, WJ = "\u200b", "\u2060"
_AFTER_SLASH = re.compile(r"(?<=/)(?=[^/\s])")
_BEFORE_MARK = re.compile(r"(?<=[^\s/])(?=[.?#]|&amp;)")


def url_breaks(url: str) -> str:
    """An escaped web address with where a line may break in it (issue 24): after a / and before
    . ? & # of its path (a zero-width space U+200B), never in its scheme or host nor at its hyphens (a word joiner
    U+2060 after `://` and after each -), so that no break reads as a hyphenation. Both are
    dropped when the PDF's text is copied: the address copies unchanged. Idempotent."""
    url = url.replace(ZWSP, "").replace(WJ, "")
    scheme, joint, rest = url.rpartition("://")
    host, slash, path = rest.partition("/")  # the host stays whole: short, and read as one name
    path = _BEFORE_MARK.sub(ZWSP, _AFTER_SLASH.sub(ZWSP, slash + path))
    return f"{scheme}{joint}{WJ if joint else ''}{host}{path}".replace("-", "-" + WJ)
_SPACED_URL = re.compile(f"[ \\t\\n]?(?:{URL.pattern})")  # a breakable space only: see _refine_node


def refine_text(text: str, lang: str, before: str = "") -> str:
    """Plain text (a title for PDF metadata) with the rules of `lang`; `before` precedes it."""
    language = find(lang)
    return text if language is None else _plain(language, text, before, Quotations.after(before))


def refine(document: str, lang: str) -> str:
    """Refine the text of an HTML document or fragment with the rules of `lang`."""
    language = find(lang)
    if language is None:
        return document
    out: list[str] = []
    walk = _Walk()
    for raw, tag in walk.nodes(document):
        text, last = _remembered_node(language, raw, walk)
        out.append(text)
        walk.before = last or walk.before
        out.append(tag)
    return "".join(out)


def quotation_marks(fragment: str) -> int:
    """How many straight `"` of an HTML fragment are quotation marks (not inch marks): what `refine`
    turns into opening and closing marks, in every language. An odd number leaves one unpaired."""
    count = 0
    walk = _Walk()
    for raw, _tag in walk.nodes(fragment):
        if walk.skipping or not raw:
            continue
        for piece, url in _pieces(html.unescape(raw)):
            count += sum(quote == '"' and role is not Role.INCH_OR_FOOT
                         for _, quote, role in common.roles(piece, walk.quotations))
            walk.quotations.follow(url)
    return count


@dataclass
class _Walk:
    """Where the walk over an HTML document is, between two tags."""

    skipping: int = 0
    text_only: bool = False
    marked: bool = False  # just after markup this pass added: not added again
    fixed: int = 0  # inside a span of common.COLON or KEEP (its depth of spans): set already, left as it is
    before: str = ""  # the last character of refined text in this line ("" at its start)
    quotations: Quotations = field(default_factory=Quotations)

    def nodes(self, document: str) -> Iterator[tuple[str, str]]:
        """Each text node of `document` and the tag after it ("" after the last), following the tags."""
        position = 0
        for tag in _TAG.finditer(document):
            yield document[position:tag.start()], tag.group(0)
            self._enter(tag.group(0))
            position = tag.end()
        yield document[position:], ""

    def _enter(self, tag: str) -> None:
        closing, name = _tag_info(tag)
        if name in _SKIP:
            self.skipping = max(0, self.skipping + (-1 if closing else 1))
        if name in _TEXT_ONLY:
            self.text_only = not closing
        self.marked = tag in (_URL_SPAN, _LONG_SPAN)
        if self.fixed and name == "span":
            self.fixed += -1 if closing else 1
        elif tag in (common.COLON, common.KEEP):
            self.fixed = 1
        if name not in _INLINE:
            self.before = ""
            element = _TAG_NAME.match(tag)  # <br />, <img … /> included; comments are no element
            if element is None or element.group(2).lower() in _PHRASING:
                self.quotations.line_start()
            else:
                self.quotations = Quotations()


def _pieces(text: str) -> Iterator[tuple[str, str]]:
    """The text between the web addresses of `text`, each with the address after it ("" at the end)."""
    position = 0
    for url in URL.finditer(text):
        yield text[position:url.start()], url.group(0)
        position = url.end()
    yield text[position:], ""


def _plain(language: Language, text: str, before: str, quotations: Quotations) -> str:
    """The language's rules on plain text, outside the web addresses in it."""
    pieces = []
    for piece, url in _pieces(text):
        pieces.append(language.plain(common.quotes(piece, quotations, language.MARKS), before))
        pieces.append(url)
        quotations.follow(url)
        before = url[-1:] or before
    return "".join(pieces)


_REFINED: dict[tuple[object, ...], tuple[str, str, Quotations]] = {}
REFINED_MAX = 65_536
"""Text nodes whose refined HTML the build process remembers (a 425-page zine has about 9,000):
in `zine watch`, a rebuild refines only the text that changed (issue 26)."""


def _remembered_node(language: Language, raw: str, walk: _Walk) -> tuple[str, str]:
    """`_refine_node`, remembered by everything it reads: the node, the language, and the walk's
    state (the character before it, whether it is in a title or after added markup, the open
    quotations), which it leaves as the refinement would."""
    if walk.skipping or walk.fixed or not raw:
        return _refine_node(language, raw, walk)
    open_quotes = walk.quotations
    key = (language, raw, walk.before, walk.text_only, walk.marked, open_quotes.double, open_quotes.single,
           open_quotes.last)

    def refined() -> tuple[str, str, Quotations]:
        text, last = _refine_node(language, raw, walk)
        return text, last, replace(walk.quotations)

    text, last, after = remembered(_REFINED, key, REFINED_MAX, refined)
    walk.quotations = replace(after)  # a copy: the walk goes on changing its own
    return text, last


def _refine_node(language: Language, raw: str, walk: _Walk) -> tuple[str, str]:
    """The refined HTML of a text node, and its last character once refined ("" if skipped)."""
    if walk.skipping or not raw:
        return raw, ""
    if walk.fixed:
        return raw, html.unescape(raw)[-1:]
    plain = _plain(language, html.unescape(raw), walk.before, walk.quotations)
    text = html.escape(plain, quote=False)
    if walk.text_only:
        return text, plain[-1:]
    # Markup (ordinals) goes outside web addresses only; an address in running text or a link's
    # text is marked, so that it is never hyphenated and its paragraph is set ragged (shared.css).
    # The space before it goes inside the span: WeasyPrint overlooks a break opportunity just
    # before an inline box and then breaks far too early on the line (Kozea/WeasyPrint#1614, #2102).
    pieces, position = [], 0
    for url in _SPACED_URL.finditer(text):
        pieces.append(language.markup(text[position:url.start()]))
        address = url_breaks(url.group(0))
        span = _LONG_SPAN if "/" in url.group(0).rstrip("/") else _URL_SPAN  # a scheme's // too
        pieces.append(address if walk.marked else f"{span}{address}</span>")
        position = url.end()
    pieces.append(language.markup(text[position:]))
    return "".join(pieces), plain[-1:]


def _tag_info(tag: str) -> tuple[bool, str]:
    match = _TAG_NAME.match(tag)
    if not match or tag.endswith("/>"):
        return False, ""
    return bool(match.group(1)), match.group(2).lower()
