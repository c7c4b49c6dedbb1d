"""How deep blocks may nest: every level a writer can reach prints, deeper is refused (issue 25, item 2).

markdown-it stops parsing at `maxNesting` levels of tokens (20 in its CommonMark preset) and drops,
in silence, everything after that point up to the end of the enclosing block: a list ten levels
deep (a list level is two tokens, the list and its item) lost its deepest item and the rest of the
part, twenty quotes their text. Here the writer's nesting is counted instead: lists, quotes,
`:::` blocks, definition lists and notes' definitions inside one another. DEPTH of them print
(a writer reaches three or four; a list sixteen levels deep on A5 still leaves a column of 50 mm,
and WeasyPrint lays out thirty without trouble, the overflow check naming a word that no longer
fits a narrow page); deeper is refused with the file and line where it passes DEPTH.

The parser's own limit, MAX_TOKENS, is set above what DEPTH blocks can use (two tokens each, a
table's four inside), so it never drops what DEPTH allows; and a token at its last level (the
only way the parser can have dropped anything) is refused too, whatever made it.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from builder.errors import BuildError

DEPTH = 16
"""Blocks nested in one another that print: the most a part's Markdown may have (documented in docs/en/writing.md)."""
MAX_TOKENS = 2 * DEPTH + 8
"""markdown-it's `maxNesting`: the token levels it parses (each nested block takes at most two)."""
_BLOCKS = ("bullet_list", "ordered_list", "blockquote", "dl", "footnote_reference")


def install(parser: MarkdownIt) -> None:
    """Let `parser` parse MAX_TOKENS levels (its preset's 20 drops a ten-level list)."""
    parser.options["maxNesting"] = MAX_TOKENS


def check(tokens: Sequence[Token], where: str, first_line: int) -> list[BuildError]:
    """One BuildError for each top-level block whose nesting passes DEPTH (or reaches the parser's
    last level), naming `where` and the line of the first block too deep (`first_line`: the file's
    line of the Markdown's first line); [] when everything prints."""
    errors: list[BuildError] = []
    depth, reported, line = 0, False, first_line
    for token in tokens:
        line = first_line + token.map[0] if token.map else line  # a note's definition has no map: its block's line
        if token.level == 0 and token.nesting == 1:
            reported = False
        name = token.type.removesuffix("_open").removesuffix("_close")
        if name in _BLOCKS or name.startswith("container_"):
            depth += token.nesting
        if not reported and (depth > DEPTH or token.level >= MAX_TOKENS - 1):
            reported = True
            errors.append(BuildError(where, f"lists, quotes and ::: blocks nest more than {DEPTH} deep from "
                                            f"here: at most {DEPTH} print (a page has no room for more); "
                                            "take some levels out", line))
    return errors
