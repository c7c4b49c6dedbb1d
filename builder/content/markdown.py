"""Markdown to an HTML fragment: the only place that imports the Markdown library.

The parser is CommonMark with tables and raw HTML, and mdit-py-plugins for what zines print
(issue 12): notes (`[^1]`, `^[…]`: content.notes places them), `:::` blocks (poems, epigraphs:
content.blocks) and attributes in braces (`{.epigraph}` on the line above a block, `{width=50%}`
after a picture or a link; a value need not be quoted). Indented code blocks are off: a paragraph
pasted with a leading tab or four spaces stays a paragraph; fenced code (```) still works. The
extensions people write (strikethrough, sub- and superscript, definition and task lists, math
refused by name: content.extensions), raw HTML under control (content.rawhtml) and links that
work on paper (content.links) are issue 20's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from builder import typography
from builder.content import blocks, budgets, extensions, lines, links, nesting, notes, pictures, rawhtml, source
from builder.content.notes import Style
from builder.errors import BuildError, raise_all
from builder.model import Finding

_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table").disable("code")
nesting.install(_MARKDOWN)  # more levels than the preset's 20, and a depth refused by line
# Notes stay where they are written (move_to_end=False): notes.place numbers and moves them. A
# call to a note never written is parsed as a call too (always_match_refs), to be refused by name.
footnote_plugin(_MARKDOWN, move_to_end=False, always_match_refs=True)
container_plugin(_MARKDOWN, "block", validate=lambda params, *_: bool(params.strip()),
                 render=lambda self, tokens, idx, options, env: self.renderToken(tokens, idx, options, env))
attrs_block_plugin(_MARKDOWN)
attrs_plugin(_MARKDOWN)
_MARKDOWN.validateLink = links.any_address  # type: ignore[method-assign]  # [x](javascript:…): named, not typed
extensions.install(_MARKDOWN)
rawhtml.install(_MARKDOWN)
_MARKDOWN.add_render_rule("footnote_ref", notes.render_call)
_MARKDOWN.add_render_rule("link_close", notes.render_link_close)
_MARKDOWN.add_render_rule("endnotes", notes.render_endnotes)

DECORATIVE = ("decorative", "decoratif", "décoratif")
"""The class that marks a picture as decoration (`{.decorative}`): it needs no description."""


def to_html(text: str, *, where: str, first_line: int, folder: Path, root: Path, style: Style = Style(),
            poem: bool = False, part: bool = False, warnings: list[Finding] | None = None,
            targets: links.Targets | None = None, tasks: bool = True) -> str:
    """Convert Markdown to HTML; local images become file URLs, remote ones are refused.

    `style`: how notes and link addresses print (its prefix, the part's slug, prefixes the ids
    of its headings); `poem`: the whole text is a poem (`kind: poem`); `part`: a part of the
    zine, whose `#` headings go below its title (content.blocks); `targets`: the zine's link
    targets, which receive this part's and its links to other parts (content.links); `tasks`:
    `- [ ]` is a task's box (not in letters). BuildError naming every problem with its line;
    what deserves a look but prints is added to `warnings`; a part or a paragraph past its
    characters (content.budgets) is refused before it is parsed or laid out.
    """
    env: dict[str, Any] = {}
    found: list[Finding] = []
    budgets.part(text, where, first_line, budgets.PART_CHARACTERS)  # before markdown-it or the layout spend on it
    tokens = _MARKDOWN.parse(source.quoted_attributes(text), env)
    raise_all(budgets.paragraphs(tokens, where, first_line, budgets.PARAGRAPH_CHARACTERS))
    errors = extensions.pandoc_tables(text, where, first_line) + rawhtml.check(tokens, where, first_line, found)
    errors += nesting.check(tokens, where, first_line)
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        found += _undescribed(token, where, line)  # before _check: the pictures as written, not their URLs
        try:
            _check(token, where, line, folder, root)
            _check_inline_notes(token, env, where, line)
        except BuildError as error:  # every paragraph's problem at once, not one per build
            errors.append(error)
    found += extensions.math(tokens, where, first_line)
    errors += blocks.shape(tokens, where, first_line, poem=poem, part=part)
    links.check(tokens, links.anchors(tokens, style.prefix, targets), where, first_line, targets, found)
    raise_all(_reported(errors, notes.place(tokens, env, style, where, first_line)))
    if warnings is not None:
        warnings += sorted(found, key=lambda finding: finding.line or 0)
    if tasks:
        extensions.tasks(tokens)
    lines.mark(tokens, where, first_line)  # data-line: the file and line of each block (render/overflow.py)
    _delimiters(tokens)
    return str(_MARKDOWN.renderer.render(tokens, _MARKDOWN.options, env))


def _reported(errors: list[BuildError], placed: list[BuildError]) -> list[BuildError]:
    """The errors to report, by line: all of them (`placed`: the notes'), or, after a comment or a
    block never closed (rawhtml.Unclosed), those before it and the unclosed ones: the text after it
    is not what the writer meant (issue 20: a note it swallowed is no note missing)."""
    unclosed = [error.line or 0 for error in errors if isinstance(error, rawhtml.Unclosed)]
    if unclosed:
        errors = [error for error in errors if isinstance(error, rawhtml.Unclosed) or (error.line or 0) < min(unclosed)]
    return sorted(errors if unclosed else errors + placed, key=lambda error: error.line or 0)


def _delimiters(tokens: list[Token]) -> None:
    """A list numbered `1)` keeps its parenthesis: `data-delimiter` on its `<ol>` (render/lists.py)."""
    for token in tokens:
        if token.type == "ordered_list_open" and token.markup == ")":
            token.attrSet("data-delimiter", ")")


def _undescribed(token: Token, where: str, line: int) -> list[Finding]:
    """A warning for each picture without a description (alt text) that is not marked decorative.

    The reading edition is PDF/UA: a screen reader says the description instead of the picture.
    A decorative picture (`{.decorative}`) is marked so (role="presentation") and needs none.
    """
    found = []
    for child in token.children or ():
        if child.type != "image":
            continue
        classes = str(child.attrGet("class") or "").split()
        if any(name in DECORATIVE for name in classes):
            child.attrSet("class", " ".join("decorative" if name in DECORATIVE else name for name in classes))
            child.attrSet("role", "presentation")
        elif not child.content.strip():
            found.append(_no_description(where, line, f"picture {child.attrGet('src')!s}",
                                         f"![what it shows]({child.attrGet('src')!s})"))
    if token.type in ("html_block", "inline"):
        raws = [token.content] if token.type == "html_block" else \
            [child.content for child in token.children or () if child.type == "html_inline"]
        for raw in raws:
            for tag in re.finditer(r"<img\b[^>]*>", raw, re.IGNORECASE):
                alt = re.search(r"""\balt\s*=\s*(["']?)([^"'>]*)\1""", tag.group(0), re.IGNORECASE)
                decorative = re.search(r"""\brole\s*=\s*["']?(?:presentation|none)""", tag.group(0), re.IGNORECASE)
                if not decorative and not (alt and alt.group(2).strip()):
                    found.append(_no_description(where, line + raw.count("\n", 0, tag.start()), "picture <img>",
                                                 '<img alt="what it shows" …>'))
    return found


def _no_description(where: str, line: int, what: str, how: str) -> Finding:
    return Finding(Path(where), None, "warning", f"{what} has no description for screen readers: write what it "
                                                 f"shows ({how}), or mark it {{.decorative}}", line=line)


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


def _check_inline_notes(token: Token, env: dict[str, Any], where: str, line: int) -> None:
    """An inline note (`^[…]`) is a paragraph of its own for the quotation check: its text is not
    among its paragraph's children."""
    parsed = env.get("footnotes", {}).get("list", {})
    for child in token.children or ():
        if child.type == "footnote_ref" and "label" not in child.meta \
                and _unpaired_quotation(parsed.get(child.meta["id"], {}).get("tokens", [])):
            raise BuildError(where, 'a quotation opened with " is not closed in this note: add the other ", '
                                    "or type the marks of your language yourself (« », “ ”, „ “)", line)


def _unpaired_quotation(children: Sequence[Token]) -> bool:
    """Whether the inline text of a paragraph (a heading, a cell) leaves a quotation mark `"` unpaired."""
    if not any('"' in child.content for child in children if child.type == "text"):
        return False
    inline = str(_MARKDOWN.renderer.render(children, _MARKDOWN.options, {}))  # the HTML the typography refines
    return typography.quotation_marks(inline) % 2 == 1


# What raw HTML makes WeasyPrint fetch: an <img>'s src (rawhtml refuses the other elements and
# attributes that fetch); a quoted value may hold spaces (`src="images/my pic.png"`).
_IMG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
_SRC = re.compile(r"""((?<![\w-])src\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^"'\s>]+))""", re.IGNORECASE)


def _raw_html(raw: str, where: str, line: int, folder: Path, root: Path) -> str:
    """Check the pictures of raw HTML like those of Markdown, so `<img src>` works the same; each
    `<img>` notes its file and line (`data-raw-line`: the pictures stage names them)."""
    def picture(tag: re.Match[str]) -> str:
        at = line + raw.count("\n", 0, tag.start())

        def local(match: re.Match[str]) -> str:
            quote = '"' if match.group(2) is not None else "'" if match.group(3) is not None else ""
            written = next(value for value in match.group(2, 3, 4) if value is not None)
            return match.group(1) + quote + html.escape(local_file(html.unescape(written), where, at, folder, root)) \
                + quote

        checked = _SRC.sub(local, tag.group(0))
        return f'{checked[:4]} data-raw-line="{html.escape(where)}:{at}"{checked[4:]}'

    return _IMG.sub(picture, raw)


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
    if not path.is_file() or not pictures.exact(path, root):
        raise BuildError(where, f"image {src!r} not found{pictures.near(unquote(src), folder, root)}", line)
    return path.as_uri()

