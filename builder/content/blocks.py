"""The shapes of prose beyond paragraphs (issue 12): poems, epigraphs, headings, tables.

Each works on the token stream of one Markdown file, after parsing and before rendering:

- `::: poem` (or `::: poeme`, `::: poème`) … `:::` is a poem, and a `kind: poem` part is one
  whole: each line is a verse, each paragraph a stanza. A verse is a `<span class="verse">`, so
  that a verse too long for the line wraps with a hanging indent, as poems are printed.
- `::: epigraph` (`::: epigraphe`, `::: épigraphe`) … `:::`, or `{.epigraph}` on the line above a
  `>` quotation, is the quotation that opens a part.
- A `#` heading inside a part sits below the part's title: when a part uses `#`, its headings
  all go down one level (`#` is printed as `##`, `##` as `###`…), in print and in the bookmarks.
- A table says where it comes from (`data-source="content/x.md:12"`, for the check of its width
  after layout, render.tables), and a column of numbers is aligned on the right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from builder.errors import BuildError

BLOCKS = {"poem": "poem", "poeme": "poem", "poème": "poem",
          "epigraph": "epigraph", "epigraphe": "epigraph", "épigraphe": "epigraph"}
"""The names a `:::` block takes (French aliases too), and the class it prints with."""
_NUMBER = re.compile(r"[(+\-−–]?\s*[$€£]?\s*\d[\d\s\u00a0\u202f.,']*"
                     r"(?:\s*(?:%|‰|€|\$|£|k€|M€|[kKMG]))?\)?")
"""A cell holding one number: 12, 1 234,5, -3.2 %, 12 €, (4)."""


def shape(tokens: list[Token], where: str, first_line: int, *, poem: bool = False,
          part: bool = False) -> list[BuildError]:
    """Give the blocks of one file their shape (see the module); the problems, with their lines.

    `poem`: the whole file is a poem (`kind: poem`); `part`: it is a part of the zine, under a
    title of its own (its `#` headings go down one level).
    """
    errors = _blocks(tokens, where, first_line)
    depth = 1 if poem else 0
    for token in tokens:
        if token.type == "container_block_open":
            depth += token.meta.get("block") == "poem"
        elif token.type == "container_block_close":
            depth -= token.meta.get("block") == "poem"
        elif token.type == "inline" and depth > 0:
            _verses(token)
    if part and any(token.type == "heading_open" and token.tag == "h1" for token in tokens):
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
    _attributions(tokens)
    _tables(tokens, where, first_line)
    return errors


def _attributions(tokens: list[Token]) -> None:
    """The last paragraph of an epigraph that starts with a dash (— Louise Michel) is its attribution."""
    for start, token in enumerate(tokens):
        if token.nesting != 1 or "epigraph" not in str(token.attrGet("class") or "").split():
            continue
        depth, end = 0, start
        for end in range(start, len(tokens)):
            depth += tokens[end].nesting
            if depth == 0:
                break
        paragraphs = [at for at in range(start + 1, end) if tokens[at].type == "paragraph_open"]
        if len(paragraphs) > 1 and re.match(r"[—–-]", tokens[paragraphs[-1] + 1].content.lstrip()):
            tokens[paragraphs[-1]].attrJoin("class", "attribution")


def _blocks(tokens: list[Token], where: str, first_line: int) -> list[BuildError]:
    """Name each `:::` block's class; errors for an unknown name or a block never closed."""
    errors = []
    opened: list[Token] = []
    for token in tokens:
        if token.type == "container_block_open":
            name = token.info.strip().split(" ", 1)[0].lower()
            line = first_line + (token.map[0] if token.map else 0)
            if name not in BLOCKS:
                errors.append(BuildError(where, f"'{token.markup} {name}' is no block this tool knows: the blocks are "
                                                f"'{token.markup} poem' and '{token.markup} epigraph'", line))
            token.meta["block"] = BLOCKS.get(name, "")
            token.attrJoin("class", BLOCKS.get(name, name))
            opened.append(token)
        elif token.type == "container_block_close":
            start = opened.pop()
            token.meta["block"] = start.meta["block"]
            if not token.markup:
                errors.append(BuildError(where, f"'{start.markup} {start.info.strip()}' is never closed: "
                                                f"end it with a line '{start.markup}'",
                                         first_line + (start.map[0] if start.map else 0)))
    return errors


def _verses(inline: Token) -> None:
    """Each line of a stanza a verse: `<span class="verse">` from line break to line break.

    A verse whose emphasis runs on into the next (`*a` / `b*`) cannot be a span of its own:
    that stanza keeps its line breaks as `<br>`, without the hanging indent.
    """
    children = inline.children or []
    depth, crossing = 0, False
    for child in children:
        depth += child.nesting
        crossing = crossing or (child.type in ("softbreak", "hardbreak") and depth > 0)
    if crossing:
        for child in children:
            if child.type == "softbreak":
                child.type = "hardbreak"
        return
    verses = [Token("html_inline", "", 0, content='<span class="verse">')]
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            verses.append(Token("html_inline", "", 0, content='</span>\n<span class="verse">'))
        else:
            verses.append(child)
    verses.append(Token("html_inline", "", 0, content="</span>"))
    inline.children = verses


def _tables(tokens: list[Token], where: str, first_line: int) -> None:
    """Mark each table with its source, and its columns of numbers to align on the right."""
    for start, token in enumerate(tokens):
        if token.type != "table_open":
            continue
        token.attrSet("data-source", f"{where}:{first_line + (token.map[0] if token.map else 0)}")
        end = next(at for at in range(start, len(tokens)) if tokens[at].type == "table_close")
        rows = _rows(tokens[start:end])
        body = rows[1:]
        columns = max((len(row) for row in rows), default=0)
        for column in range(columns):
            values = [row[column][1].content.strip() for row in body if column < len(row)]
            values = [value for value in values if value]
            if values and all(_NUMBER.fullmatch(value) for value in values):
                for row in rows:
                    if column < len(row) and row[column][0].attrGet("style") is None:  # no alignment written
                        row[column][0].attrJoin("class", "number")


def _rows(tokens: Sequence[Token]) -> list[list[tuple[Token, Token]]]:
    """The table's rows, header first: each cell's opening token and its inline token."""
    rows: list[list[tuple[Token, Token]]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append((token, tokens[index + 1]))
    return rows
