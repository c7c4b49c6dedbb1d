"""Where each block of the HTML comes from: `data-line="content/article.md:12"` (issue 12, item 6).

The renderer walks the laid-out boxes and names the file and line of whatever leaves a page's
text area (render/overflow.py); the blocks carry them from the tokens' source map. Raw HTML
blocks keep their own markup and are not marked (what they hold is named by the block before).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

ATTRIBUTE = "data-line"


def mark(tokens: Sequence[Token], where: str, first_line: int) -> None:
    """Give every opening block token (and every self-contained one: a code block, a rule) its
    file and line, `first_line` being the file's line of the Markdown's first line."""
    for token in tokens:
        if token.block and token.map and token.nesting >= 0 and token.type not in ("inline", "html_block"):
            token.attrSet(ATTRIBUTE, f"{where}:{first_line + token.map[0]}")
