"""The notes of a Markdown file as mdit-py-plugins' footnote plugin parsed them, read back
(issue 12): the notes defined (`[^label]: …`), taken out of the token stream and checked (a
note holds paragraphs only and calls no other note), and the inline tokens with the line each
starts on. Lines are 1-based in the file, counted from `first_line` (the front matter before it).
notes.py numbers and places the notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from builder.errors import BuildError


def definitions(tokens: list[Token], first_line: int, where: str,
                errors: list[BuildError]) -> tuple[dict[str, tuple[list[Token], int]], list[BuildError]]:
    """The notes defined in `tokens` (`[^label]: …`), taken out of the stream: label → (body, line).

    A note holds paragraphs only (it prints in a line of small type at the foot of the page);
    a call inside a note is refused too.
    """
    found: dict[str, tuple[list[Token], int]] = {}
    nested: list[BuildError] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type != "footnote_reference_open":
            index += 1
            continue
        end = next(at for at in range(index, len(tokens)) if tokens[at].type == "footnote_reference_close")
        label, line = token.meta["label"], first_line + (token.map[0] if token.map else 0)
        body = tokens[index + 1:end]
        del tokens[index:end + 1]
        if label in found:
            errors.append(BuildError(where, f"note [^{label}] is written twice: give the second another name", line))
            continue
        found[label] = (body, line)
        block = next((inner for inner in body if inner.nesting == 1 and inner.type != "paragraph_open"), None)
        if block is not None:
            errors.append(BuildError(where, f"note [^{label}] holds a {block_name(block)}: a note holds "
                                            "paragraphs only", first_line + (block.map[0] if block.map else 0)))
        for inner in body:
            if inner.type == "inline" and any(child.type == "footnote_ref" for child in inner.children or ()):
                nested.append(BuildError(where, f"note [^{label}] calls another note: a note cannot have notes",
                                         first_line + (inner.map[0] if inner.map else 0)))
    return found, nested


def block_name(token: Token) -> str:
    """What a reader calls the block `token` opens: "list", "quotation", "heading", "table"…"""
    names = {"bullet_list_open": "list", "ordered_list_open": "list", "blockquote_open": "quotation",
             "heading_open": "heading", "table_open": "table"}
    return names.get(token.type, token.type.removesuffix("_open").replace("_", " "))


def inlines(tokens: Sequence[Token], first_line: int) -> list[tuple[Token, int]]:
    """The inline tokens of the stream with the line each starts on."""
    found = []
    line = first_line
    for token in tokens:
        if token.map:
            line = first_line + token.map[0]
        if token.type == "inline":
            found.append((token, line))
    return found


def breaks_before(children: Sequence[Token], index: int) -> int:
    """How many lines of a paragraph come before its child `index`."""
    return sum(child.type in ("softbreak", "hardbreak") for child in children[:index])
