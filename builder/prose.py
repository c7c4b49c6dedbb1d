"""Markdown to an HTML fragment: the only place that imports the Markdown library."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt

from builder.errors import BuildError

_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")


def to_html(text: str, *, where: str, first_line: int, folder: Path, root: Path) -> str:
    """Convert Markdown to HTML; local images become file URLs, remote ones are refused."""
    tokens = _MARKDOWN.parse(text)
    for token in tokens:
        for child in token.children or ():
            if child.type == "image":
                line = first_line + (token.map[0] if token.map else 0)
                child.attrSet("src", _image_url(str(child.attrGet("src") or ""), where, line, folder, root))
    return str(_MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {}))


def _image_url(src: str, where: str, line: int, folder: Path, root: Path) -> str:
    scheme = urlsplit(src).scheme.lower()
    if scheme == "data":
        return src
    if scheme or src.startswith("//"):
        raise BuildError(where, f"image {src!r} is not a local file: the build never uses the network; "
                                "download it into content/images/ and link to that", line)
    path = (folder / unquote(src)).resolve()
    if not path.is_relative_to(root.resolve()):
        raise BuildError(where, f"image {src!r} is outside the project (refused)", line)
    if not path.is_file():
        raise BuildError(where, f"image {src!r} not found", line)
    return path.as_uri()

