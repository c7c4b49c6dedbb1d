"""What one part's text may cost the layout (issue 25, item 4): characters per part and per
paragraph, refused with the file, the line, the size and the limit before anything is laid out.

Measured (issue 25): the build's own passes over a part take milliseconds; WeasyPrint's layout is
what costs, about 40 ms and 0.4 MB per 1,000 characters (a 200,000-character paragraph: 10 s and
116 MB peak). A 5 MB paragraph would take minutes and a gigabyte, and print some 3,000 pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from markdown_it.token import Token

from builder.errors import BuildError

PART_CHARACTERS = 500_000
"""The most characters one Markdown file may hold: about 300 A5 pages, far more than a stapled
booklet holds; a long essay is 50,000."""
PARAGRAPH_CHARACTERS = 50_000
"""The most characters one paragraph (or any block of text) may hold: some 30 A5 pages without a
break; a long paragraph of a book has a few thousand."""


def part(text: str, where: str, line: int, limit: int) -> None:
    """Nothing when `text` (a part's Markdown, from `line` of file `where`) is within `limit`
    characters; else BuildError naming the file, its size and the limit."""
    if len(text) > limit:
        raise BuildError(where, f"this part has {len(text):,} characters, more than the {limit:,} one file may "
                                "hold (issue 25): split it into several parts (parts = [...] in zine.toml)", line)


def paragraphs(tokens: Iterable[Token], where: str, first_line: int,
               limit: int) -> list[BuildError]:
    """A BuildError for each block of `tokens` (the part's, from `first_line` of `where`) whose
    text passes `limit` characters, naming its line, its size and the limit."""
    return [BuildError(where, f"this paragraph has {len(token.content):,} characters, more than the {limit:,} "
                              "one paragraph may hold (issue 25): break it with blank lines",
                       first_line + (token.map[0] if token.map else 0))
            for token in tokens if token.type == "inline" and len(token.content) > limit]
