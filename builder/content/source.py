"""The Markdown source read line by line before parsing, outside fenced code: attributes in
braces quoted for the attrs plugins (issue 12), Pandoc's tables found (issue 20, item 1)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_ATTRIBUTES = re.compile(r"(?<=[)`])\{[^{}\n]*\}|^[ \t]*\{[^{}\n]*\}[ \t]*$")
"""Attributes in braces, where the attrs plugins read them: after a picture, a link or code, or
alone on their line (for the block below)."""
_CODE_SPAN = re.compile(r"(`+).*?(?<!`)\1(?!`)")
_BARE = re.compile(r"""(?<![\w"'])([A-Za-z\d_:-]+)=([^\s"'{}]+)""")


def outside_fences(rows: list[str]) -> Iterator[int]:
    """The indexes of `rows` (the lines of a Markdown text) that are not fenced code (```, ~~~)."""
    fence = ""
    for number, line in enumerate(rows):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line.strip(" `~"):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        yield number


def quoted_attributes(text: str) -> str:
    """`{width=50%}` read as `{width="50%"}`: the attrs plugins read unquoted values of letters,
    digits, `_`, `:` and `-` only, and `%` starts a comment for them (50% would be read as 50).
    Fenced code and code spans are left as written."""
    rows = text.split("\n")
    for number in outside_fences(rows):
        if "{" in rows[number] and "=" in rows[number]:
            rows[number] = _quote_line(rows[number])
    return "\n".join(rows)


def _quote_line(line: str) -> str:
    spans = [(match.start(), match.end()) for match in _CODE_SPAN.finditer(line)]

    def quote(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in spans):
            return match.group(0)
        return _BARE.sub(lambda value: value.group(0) if re.fullmatch(r"[A-Za-z\d_:-]+", value.group(2))
                         else f'{value.group(1)}="{value.group(2)}"', match.group(0))

    return _ATTRIBUTES.sub(quote, line)
