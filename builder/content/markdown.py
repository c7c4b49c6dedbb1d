"""Markdown to an HTML fragment: the only place that imports the Markdown library."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from builder import typography
from builder.content import lines, pictures
from builder.errors import BuildError, raise_all

_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")
_MARKDOWN.use(pictures.attributes)  # pictures branch only: the attrs plugin until the text branch's set-up lands


def to_html(text: str, *, where: str, first_line: int, folder: Path, root: Path) -> str:
    """Convert Markdown to HTML; local images become file URLs, remote ones are refused."""
    tokens = _MARKDOWN.parse(text)
    errors: list[BuildError] = []
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        try:
            _check(token, where, line, folder, root)
        except BuildError as error:  # every paragraph's problem at once, not one per build
            errors.append(error)
    raise_all(errors)
    lines.mark(tokens, where, first_line)  # data-line: the file and line of each block (render/overflow.py)
    return str(_MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {}))


def _check(token: Token, where: str, line: int, folder: Path, root: Path) -> None:
    """Check one block token and point its pictures at local files; BuildError on the first problem."""
    if token.type == "html_block":
        token.content = _raw_html(token.content, where, line, folder, root)
    # Straight double quotes become opening and closing marks by position: an odd number means
    # one is missing, and the typography would leave a quotation open (or close one that never
    # opened). Inch marks (12") are not counted: the typography's own count, on the same HTML.
    if _unpaired_quotation(token.children or ()):
        raise BuildError(where, 'a quotation opened with " is not closed in this paragraph: add the other ", '
                                "or type the marks of your language yourself (« », “ ”, „ “)", line)
    for child in token.children or ():
        if child.type == "image":
            pictures.checked(token, child, where, line)
            child.attrSet("src", local_file(str(child.attrGet("src") or ""), where, line, folder, root))
        elif child.type == "text":
            pictures.unplaced(token, child, where, line)
        elif child.type == "html_inline":
            child.content = _raw_html(child.content, where, line, folder, root)


def _unpaired_quotation(children: Sequence[Token]) -> bool:
    """Whether the inline text of a paragraph (a heading, a cell) leaves a quotation mark `"` unpaired."""
    if not any('"' in child.content for child in children if child.type == "text"):
        return False
    inline = str(_MARKDOWN.renderer.render(children, _MARKDOWN.options, {}))  # the HTML the typography refines
    return typography.quotation_marks(inline) % 2 == 1


# What raw HTML makes WeasyPrint fetch: src, poster and data attributes, and CSS url().
_FETCHED = re.compile(r"""((?<![\w-])(?:src|poster|data)\s*=\s*|url\(\s*)(["']?)([^"'\s)>]+)\2""", re.IGNORECASE)


def _raw_html(raw: str, where: str, line: int, folder: Path, root: Path) -> str:
    """Check the URLs of raw HTML like those of Markdown images, so `<img src>` works the same."""
    def local(match: re.Match[str]) -> str:
        at = line + raw.count("\n", 0, match.start())
        url = local_file(html.unescape(match.group(3)), where, at, folder, root)
        return match.group(1) + match.group(2) + url + match.group(2)

    return _FETCHED.sub(local, raw)


def local_file(src: str, where: str, line: int | None, folder: Path, root: Path) -> str:
    """The file URL of `src` (relative to `folder`), a file under `root`; BuildError naming `where`
    and `line` if it is remote, outside `root`, missing or not a usable name."""
    try:
        return _local_url(src, where, line, folder, root)
    except (ValueError, OSError):  # a NUL byte, a name too long for the file system, a malformed URL
        raise BuildError(where, f"image {src!r} is not a usable file name", line) from None


def _local_url(src: str, where: str, line: int | None, folder: Path, root: Path) -> str:
    scheme = urlsplit(src).scheme.lower()
    if scheme == "data":
        return src
    if scheme or src.startswith("//"):
        raise BuildError(where, f"image {src!r} is not a local file: the build never uses the network; "
                                "download it into content/images/ and link to that", line)
    path = (folder / unquote(src)).resolve()
    if not path.is_relative_to(root.resolve()):
        raise BuildError(where, f"image {src!r} is outside the content folder (refused)", line)
    if not path.is_file():
        raise BuildError(where, f"image {src!r} not found", line)
    return path.as_uri()

