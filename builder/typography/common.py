"""What the rules of every language share: spaces, the straight quotes, and applying a table of rules.

Straight quotes are classified here once, for every language (shared FACTS.md §4b), and each
language only says which character each kind becomes (`Marks`):

- `"` right after a digit closes the quotation opened with `"` if one is open, and is otherwise an
  inch mark ″ U+2033 (`a 12" record`); `'` right after a digit is an apostrophe when a letter
  follows (`the 90's`), else it closes an open single quotation, else it is a foot mark ′ U+2032;
- any other `"` or `'` opens after the start of the block, a space, an opening bracket, a dash or
  an opening quotation mark, and closes otherwise, with two exceptions: a mark after a space closes
  the quotation of its kind that is open when a space, a punctuation mark or the end of the text
  follows it (`" oui "`, typed with French spaces), and `'` between two letters is an apostrophe
  (`don't`), as is `'` before a digit (`the '90s`); an elision at the start of a word (`'tis`,
  `rock 'n' roll`) takes an opening mark: type ’ there;
- a language without single quotation marks (French: « » nest, FACTS.md §4) makes every `'` an
  apostrophe, but the foot mark after a digit.

`Quotations` carries what this needs along the text of one block: which quotations are open and
what came last. `builder.typography` keeps one per block and counts the quotation marks with the
same classification (`roles`) for the Markdown reader's check of unclosed quotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

NBSP = "\u00a0"
NNBSP = "\u202f"
SPACES = " \t\n\r" + NBSP + NNBSP
COLON = '<span class="colon">'
"""The span `refine` leaves as it is: a French colon and the fixed space before it (fr.markup)."""
KEEP = '<span class="keep">'
"""A span `refine` leaves as it is: words never hyphenated, a date or a number and its noun (`counts.keep`)."""
INCH = "\u2033"
FOOT = "\u2032"

_OPENING = frozenset(SPACES + "([{—–«“„‚‘")
"""After these a quotation opens (with the start of a block or line). ‘ opens in English."""
_CLOSING_CONTEXT = frozenset(SPACES + ".,;:!?)]}»…")
_QUOTE = re.compile("[\"']")


class Role(Enum):
    """What a straight quote is, by its place."""

    OPEN = "open"
    CLOSE = "close"
    APOSTROPHE = "apostrophe"
    INCH_OR_FOOT = "inch or foot"


class _Last(Enum):
    """What a quote's classification needs of the character before it."""

    OPENING = "opening"  # the start, a space, an opening bracket, dash or mark
    DIGIT = "digit"
    LETTER = "letter"
    OTHER = "other"


@dataclass(frozen=True)
class Marks:
    """The characters a language gives straight quotes, by role."""

    open_double: str
    close_double: str
    open_single: str | None
    """None: `'` is never a quotation mark in this language, only an apostrophe (or a foot mark)."""
    close_single: str = "\u2019"
    apostrophe: str = "\u2019"


@dataclass
class Quotations:
    """The quotations opened with a straight quote and not closed yet, in one block, and what came last."""

    double: bool = False
    single: bool = False
    last: _Last = _Last.OPENING

    @classmethod
    def after(cls, before: str) -> Quotations:
        """The state at the start of a text that `before` precedes ("" at the start of a block)."""
        return cls(last=_kind(before[-1:]))

    def follow(self, text: str) -> None:
        """`text`, which holds no quote to classify (a web address), comes next."""
        if text:
            self.last = _kind(text[-1])

    def line_start(self) -> None:
        """A line starts (after <br>, an image or code): the next quote opens, as at the start."""
        self.last = _Last.OPENING


def _kind(char: str) -> _Last:
    if not char or char in _OPENING:
        return _Last.OPENING
    if char.isdigit():
        return _Last.DIGIT
    return _Last.LETTER if char.isalpha() else _Last.OTHER


def roles(text: str, quotations: Quotations, singles: bool = True) -> list[tuple[int, str, Role]]:
    """Where each straight quote of `text` is, which it is and its role; `quotations` follows the text.

    `singles`: whether `'` may be a quotation mark (it never is in French)."""
    found: list[tuple[int, str, Role]] = []
    position = 0
    for match in _QUOTE.finditer(text):
        index, quote = match.start(), match.group(0)
        if index > position:
            quotations.last = _kind(text[index - 1])
        after = text[index + 1:index + 2]
        if quote == '"':
            role = _double(quotations, after)
        else:
            role = _single(quotations, after, singles)
        found.append((index, quote, role))
        # What the next quote sees: `"` opens after an opening `"`; after `'`, the place of the `'`
        # (whatever its role in this language, so that the roles of `"` are the same in every language).
        opening = role is Role.OPEN if quote == '"' else quotations.last is _Last.OPENING
        quotations.last = _Last.OPENING if opening else _Last.OTHER
        position = index + 1
    if position < len(text):
        quotations.last = _kind(text[-1])
    return found


def _double(quotations: Quotations, after: str) -> Role:
    last = quotations.last
    if last is _Last.DIGIT:
        role = Role.CLOSE if quotations.double else Role.INCH_OR_FOOT
    elif last is _Last.OPENING and not (quotations.double and (not after or after in _CLOSING_CONTEXT)):
        role = Role.OPEN
    else:
        role = Role.CLOSE
    if role is not Role.INCH_OR_FOOT:
        quotations.double = role is Role.OPEN
    return role


def _single(quotations: Quotations, after: str, singles: bool) -> Role:
    last = quotations.last
    if last is _Last.DIGIT and not after.isalpha():
        role = Role.CLOSE if quotations.single else Role.INCH_OR_FOOT
    elif not singles or after.isalpha() and last in (_Last.LETTER, _Last.DIGIT):
        role = Role.APOSTROPHE
    elif last is _Last.OPENING:
        if quotations.single and (not after or after in _CLOSING_CONTEXT):
            role = Role.CLOSE
        else:
            role = Role.APOSTROPHE if after.isdigit() else Role.OPEN
    else:
        role = Role.CLOSE if quotations.single else Role.APOSTROPHE
    if role in (Role.OPEN, Role.CLOSE):
        quotations.single = role is Role.OPEN
    return role


def quotes(text: str, quotations: Quotations, marks: Marks) -> str:
    """`text` with each straight quote replaced by the character of its role in the language of `marks`."""
    found = roles(text, quotations, marks.open_single is not None)
    if not found:
        return text
    pieces, position = [], 0
    for index, quote, role in found:
        pieces.append(text[position:index])
        pieces.append(_character(quote, role, marks))
        position = index + 1
    pieces.append(text[position:])
    return "".join(pieces)


def _character(quote: str, role: Role, marks: Marks) -> str:
    if role is Role.INCH_OR_FOOT:
        return INCH if quote == '"' else FOOT
    if role is Role.APOSTROPHE:
        return marks.apostrophe
    if quote == '"':
        return marks.open_double if role is Role.OPEN else marks.close_double
    return (marks.open_single or marks.apostrophe) if role is Role.OPEN else marks.close_single


Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str], str], str]]
"""A pattern and its replacement: a string, or a function of the match and the character before the text."""

_S = f"[{SPACES}]"
DASHES: tuple[Rule, ...] = (
    (re.compile("---"), "\u2014"),
    (re.compile(r"(?<=\d)--(?=[^\s-])|(?<=[^\s-])--(?=\d)"), "\u2013"),
    (re.compile(f"{_S}+(?:--?|\u2013)(?={_S}|\\Z)"), NBSP + "\u2013"),
)
"""Dashes, the same in French, English and German (issue 20, item 7): `---` is an em dash —; `--`
unspaced beside a digit an en dash – (2022–2026, 5–7 p.m., 10 a.m.–1 p.m.); a hyphen or two
between spaces (` - `, ` -- `) or ending the text (a verse, a line before <br>: a text node ends
there) a spaced en dash –, with a no-break space before it so that no line starts with it; the space after it stays as
typed (a dash never takes another's space: ` -  - ` is two dashes, refined once or twice).
FACTS.md §4 (French incise: spaced en dash), §4b (English UK: spaced en dash; German
Gedankenstrich and Bis-Strich: en dash).
Web addresses and code never reach these rules (typography/__init__.py)."""


def apply(rules: tuple[Rule, ...], text: str, before: str) -> str:
    """Apply `rules` in order to plain text; `before` is the character preceding it."""
    for pattern, replacement in rules:
        if isinstance(replacement, str):
            text = pattern.sub(replacement, text)
        else:
            text = pattern.sub(_with_context(replacement, before), text)
    return text


def previous(match: re.Match[str], before: str) -> str:
    """The character before a match, looking into the previous text node at the start."""
    return match.string[match.start() - 1] if match.start() else before


def _with_context(rule: Callable[[re.Match[str], str], str], before: str) -> Callable[[re.Match[str]], str]:
    """A replacement function for re.sub that also knows the character before the text."""
    return lambda match: rule(match, before)

