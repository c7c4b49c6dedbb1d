"""The Markdown people write beyond CommonMark (issue 20, item 1), set up on the one parser.

- `~~struck~~` (GFM strikethrough), `H~2~O` and `x^2^` (sub- and superscript), definition lists
  (a term, then `: its definition` on the next line), task lists (`- [ ] to do`, `- [x] done`,
  printed as boxes ☐ ☒; not in letters, whose `[ ]` are boxes to tick by hand).
- Math (`$…$`, `$$…$$`) is recognised so that it is named with its line: the zine has no math
  typesetting, and it prints as typed, with a warning. A dollar sign in prose ($5 and $10) is no
  math: the opening `$` must touch the formula's first character and the closing one its last,
  not be followed by a digit (Pandoc's rule).
- Pandoc's grid and simple tables would print as dashes and a stray heading: each is refused
  with its line and the way to write it (a pipe table).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin

from builder.content import source
from builder.errors import BuildError
from builder.model import Finding

BOXES = {" ": "☐", "x": "☒", "X": "☒"}
"""A task's box as written between [ ], and the character it prints as."""
_TASK = re.compile(r"\[([ xX])\](?: |$)")
_GRID = re.compile(r"^ {0,3}\+(?:[-=:]+\+)+[ \t]*$")
"""A line of a Pandoc grid table: +-----+-----+."""
_SIMPLE = re.compile(r"^ {0,3}-{3,}(?:[ \t]+-{3,})+[ \t]*$")
"""The dashes under the header of a Pandoc simple table: -------  ------ (two runs or more)."""
_PIPE = "write a pipe table: | a | b | on each row, and a line |---|---| under the header"


def install(parser: MarkdownIt) -> None:
    """Add the extensions of the module to `parser` (a CommonMark MarkdownIt)."""
    parser.enable("strikethrough")
    deflist_plugin(parser)
    sub_plugin(parser)
    superscript_plugin(parser)
    dollarmath_plugin(parser, allow_labels=False, allow_space=False, allow_digits=False,
                      allow_blank_lines=False, double_inline=True)
    for kind in ("math_inline", "math_inline_double", "math_block"):
        parser.add_render_rule(kind, _as_typed)


def math(tokens: list[Token], where: str, first_line: int) -> list[Finding]:
    """A warning for each formula (`$…$`, `$$…$$`) of `tokens`, with its line: it prints as typed."""
    found = []
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type.startswith("math_block"):
            found.append(_math(where, line, token))
        breaks = 0
        for child in token.children or ():
            breaks += child.type in ("softbreak", "hardbreak")
            if child.type.startswith("math_inline"):
                found.append(_math(where, line + breaks, child))
    return found


def _math(where: str, line: int, token: Token) -> Finding:
    formula = token.content.strip()
    shown = formula if len(formula) <= 30 else formula[:29] + "…"
    return Finding(Path(where), None, "warning", f"math (${shown}$) prints as typed: the zine has no math "
                                                 "typesetting; write it with the characters themselves (x², H₂O, "
                                                 "or x^2^ and H~2~O), or put a picture of it; a dollar sign that is "
                                                 "not math is written \\$", line=line)


def _as_typed(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """A formula as its writer typed it, between its dollars (a block in a paragraph of its own)."""
    token = tokens[idx]
    if token.type.startswith("math_block"):
        return f"<p>$$ {escapeHtml(token.content.strip())} $$</p>\n"
    dollars = "$$" if token.type == "math_inline_double" else "$"
    return f"{dollars}{escapeHtml(token.content)}{dollars}"


def tasks(tokens: list[Token]) -> None:
    """Print each task (`- [ ] to do`, `- [x] done`) with its box, ☐ or ☒, and no bullet."""
    for index, token in enumerate(tokens[:-2]):
        if token.type != "list_item_open" or tokens[index + 1].type != "paragraph_open":
            continue
        inline = tokens[index + 2]
        first = next(iter(inline.children or ()), None)
        match = _TASK.match(first.content) if first is not None and first.type == "text" else None
        if first is None or match is None:
            continue
        first.content = first.content[match.end():]
        box = Token("html_inline", "", 0, content=f'<span class="task-box">{BOXES[match.group(1)]}</span> ')
        inline.children = [box, *(inline.children or [])]
        token.attrJoin("class", "task")


def pandoc_tables(text: str, where: str, first_line: int) -> list[BuildError]:
    """An error for each Pandoc grid or simple table of `text` (outside fenced code), at its line."""
    rows = text.split("\n")
    errors = []
    for number in source.outside_fences(rows):
        row = rows[number]
        if _GRID.match(row) and not (number and rows[number - 1].lstrip()[:1] in ("+", "|")):
            errors.append(BuildError(where, f"a Pandoc grid table (+---+): {_PIPE}", first_line + number))
        elif _SIMPLE.match(row) and any(rows[at].strip() for at in (number - 1, number + 1) if 0 <= at < len(rows)) \
                and not any(_SIMPLE.match(rows[at]) for at in range(max(0, number - 30), number)):
            errors.append(BuildError(where, f"a Pandoc simple table (----- -----): {_PIPE}", first_line + number))
    return errors
