"""Numbered lists of any length (issue 20, item 4): each list's numbers hang in an indent as wide
as its widest marker, inside the text area.

A list's markers are laid out outside its items, right-aligned on the text (WeasyPrint's
`list-style-position: outside`), so that 9. and 10. line up on the dot; they need an indent at
least as wide as the widest of them ("10. " is wider than "9. ", "xviii. " than "iv. "). `hang`
gives each `<ol>` of a document, as the stylesheets read it, `--marker`: the width of its widest
marker in em (its font's size), and the numbering its attributes ask for, which WeasyPrint 70
does not read from HTML: `start` (`98.`, as Markdown writes `98. item`), `type` (`1 a A i I`)
and an item's `value` (the endnotes). The stylesheets indent a list by
`max(<their indent>, var(--marker, 0em))`: a list of one-digit numbers keeps the indent it had.

The widths are the advance widths of the shipped face, Charis SIL Regular, in its units
(2048 an em; tests/render/test_lists.py reads them back from the font file): its figures are
all one width. Letters of a-z numbering take the widest letter of the alphabet, an indent a
little wider than needed rather than a number cut off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

UNITS_PER_EM = 2048
ADVANCES = {**dict.fromkeys("0123456789", 1153), ".": 573, ")": 770, " ": 600,
            "i": 621, "v": 1083, "x": 1044, "l": 608, "c": 954, "d": 1155, "m": 1741,
            "I": 676, "V": 1364, "X": 1298, "L": 1087, "C": 1284, "D": 1425, "M": 1794}
"""Charis SIL Regular's advance widths of the characters of numbers, in font units."""
WIDEST_LETTER = {"lower-alpha": 1741, "upper-alpha": 1907}
"""The widest letter of a-z (m) and of A-Z (W), in font units."""
SUFFIX = ". "
"""What follows a number in its marker (CSS Counter Styles: decimal, roman, alpha)."""
PAREN = "decimal-paren"
"""The counter style of a list written `1)` (Markdown's other delimiter): `1) `, in shared.css;
content.markdown marks its `<ol>` with `data-delimiter=")"`."""
STYLES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
"""HTML's `<ol type>` values and the CSS list-style-type each stands for."""
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_TAGS = re.compile(r"<!--.*?-->|<(/?)(ol|ul|li)\b([^>]*)>", re.S | re.I)
_ATTRIBUTE = re.compile(r"""(?<![\w-])(start|type|value|style|data-delimiter)\s*="""
                        r"""\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


@dataclass
class _List:
    """An open list of the document: where its tag is in the output, and its markers so far."""

    index: int
    """The position of its opening tag among the output's pieces (-1: a `<ul>`, left as it is)."""
    attributes: dict[str, str]
    style: str = "decimal"
    next: int = 1
    widest: float = 0.0
    first: int = 1


def hang(html: str) -> str:
    """`html` with `--marker` (em), and the numbering of `start`, `type` and `value`, in the
    `style` of each `<ol>`; every other byte as it was."""
    pieces: list[str] = []
    stack: list[_List] = []
    position = 0
    for match in _TAGS.finditer(html):
        pieces.append(html[position:match.start()])
        position = match.end()
        pieces.append(match.group(0))
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:
            continue  # a comment
        if name in ("ol", "ul") and not closing:
            stack.append(_opened(name, match.group(3), len(pieces) - 1))
        elif name in ("ol", "ul") and stack:
            _close(stack.pop(), pieces)
        elif name == "li" and not closing and stack and stack[-1].index >= 0:
            _item(stack[-1], _attributes(match.group(3)), pieces)
    pieces.append(html[position:])
    for unclosed in reversed(stack):
        _close(unclosed, pieces)
    return "".join(pieces)


def _attributes(text: str) -> dict[str, str]:
    return {match.group(1).lower(): next(value for value in match.group(2, 3, 4) if value is not None)
            for match in _ATTRIBUTE.finditer(text)}


def _opened(name: str, attributes: str, index: int) -> _List:
    if name == "ul":
        return _List(-1, {})
    found = _attributes(attributes)
    start = _integer(found.get("start"), 1)
    style = STYLES.get(found.get("type", "1"), "decimal")
    return _List(index, found, PAREN if style == "decimal" and found.get("data-delimiter") == ")" else style, start,
                 first=start)


def _integer(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _item(current: _List, attributes: dict[str, str], pieces: list[str]) -> None:
    """An item of `current`: its number counted (or set by its `value`), its marker measured."""
    if "value" in attributes:
        number = _integer(attributes["value"], current.next)
        if number != current.next:  # WeasyPrint 70 reads no `value`, and counts the item after a counter-set
            pieces[-1] = _styled(pieces[-1], f"counter-set: list-item {number - 1}")
    else:
        number = current.next
    current.next = number + 1
    current.widest = max(current.widest, width(marker(number, current.style)))


def _close(current: _List, pieces: list[str]) -> None:
    if current.index < 0:
        return
    declarations = [f"--marker: {current.widest:.3f}em"]
    if current.first != 1:
        declarations.append(f"counter-reset: list-item {current.first - 1}")
    if current.style != "decimal":
        declarations.append(f"list-style-type: {current.style}")
    pieces[current.index] = _styled(pieces[current.index], "; ".join(declarations))


def _styled(tag: str, declarations: str) -> str:
    """`tag` with `declarations` first in its `style` (the tag's own declarations win)."""
    found = re.search(r"""\bstyle\s*=\s*(["'])""", tag, re.I)
    if found:
        return f"{tag[:found.end()]}{declarations}; {tag[found.end():]}"
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    return f'{tag[:end]} style="{declarations}"{tag[end:]}'


def marker(number: int, style: str) -> str:
    """The marker of `number` in the CSS list-style-type `style`, as WeasyPrint prints it ("10. ",
    "xviii. ", "10) " in PAREN); roman numbers out of 1–3999 and letters for numbers under 1 fall back to decimal."""
    if style.endswith("roman") and 0 < number < 4000:
        text = "".join(_roman(number))
        return (text.upper() if style == "upper-roman" else text) + SUFFIX
    if style.endswith("alpha") and number > 0:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return (letters.upper() if style == "upper-alpha" else letters) + SUFFIX
    return f"{number}{') ' if style == PAREN else SUFFIX}"


def _roman(number: int) -> Iterator[str]:
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        yield letters * count


def width(text: str) -> float:
    """The width of marker `text` in em, in Charis SIL Regular (letters a-z: the widest)."""
    units = 0
    for char in text:
        alphabet = "upper-alpha" if char.isupper() else "lower-alpha"
        units += ADVANCES.get(char, WIDEST_LETTER[alphabet])
    return units / UNITS_PER_EM
