"""Raw HTML in the Markdown, under control (issue 20, item 2): what a writer may use prints, the
rest is printed as typed or refused by name with its line; nothing eats or restyles text in silence.

- The HTML a writer may use is ALLOWED (docs/en/writing.md, « What you can write »); comments print nothing.
- A tag of no HTML element (`<your name>`, `<Enter>`, `<insert address here>`) is text: it
  prints as typed, with a warning (`\\<` prints it without one). The parser's rules are wrapped
  so that such a tag starts no HTML block and no inline HTML (`install`).
- Refused, with their line: the other HTML elements (`<style>`, `<script>`, `<link>`,
  `<iframe>`, `<object>`…: a style belongs in the project's templates/), event attributes
  (`onclick=`), `hidden`, a link `<a href>` to anything but an address a reader can type, a
  comment or an HTML block never closed (CommonMark runs it to the end of the part: types 1-5
  and `<pre>`), a tag never closed with `>`, `<? ?>`, `<!…>` and `<![CDATA[` (they print
  nothing), and an element never closed: inline in its paragraph (`<b>` without `</b>` would
  make the next paragraphs bold), a block in its part.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from builder.content import htmlattributes, htmlnames
from builder.content.footnote_tokens import breaks_before
from builder.errors import BuildError
from builder.model import Finding

TYPED = "typed_tag"
"""The token of a tag of no HTML element, printed as typed."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|"
                  r"\"[^\"]*\"))?)*)\s*(/?)>")
_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_ATTRIBUTE = re.compile(r"""([A-Za-z_:][\w.:-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_OTHER = {"<?": "a processing instruction <?…?>", "<!": "a declaration <!…>", "<![CDATA[": "a CDATA section"}
"""What HTML hides the text of, as it starts (a comment aside)."""
_CLOSE = {"<?": "?>", "<!": ">", "<![CDATA[": "]]>"}
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def install(parser: MarkdownIt) -> None:
    """Wrap the parser's raw HTML rules: a tag of no HTML element starts no HTML block and is text inline."""
    inline = parser.inline.ruler.__rules__[parser.inline.ruler.__find__("html_inline")].fn
    block_rule = parser.block.ruler.__rules__[parser.block.ruler.__find__("html_block")]
    block, alt = block_rule.fn, list(block_rule.alt)

    def html_inline(state: StateInline, silent: bool) -> bool:
        match = _TAG.match(state.src, state.pos)
        if match is None or htmlnames.known(match.group(2)):
            return bool(inline(state, silent))
        if not silent:
            state.push(TYPED, "", 0).content = match.group(0)
        state.pos = match.end()
        return True

    def html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        begin = state.bMarks[start] + state.tShift[start]
        match = _START.match(state.src, begin)
        if match is not None and not htmlnames.known(match.group(2)):
            return False
        return bool(block(state, start, end, silent))

    parser.inline.ruler.at("html_inline", html_inline)
    parser.block.ruler.at("html_block", html_block, {"alt": alt})
    parser.add_render_rule(TYPED, _render_typed)


def _render_typed(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return escapeHtml(tokens[idx].content)


class Unclosed(BuildError):
    """A comment, tag or block never closed: what follows it would vanish. The other errors of the
    text after it are about text the writer will see again once it is closed (content.markdown
    leaves them out)."""


def check(tokens: list[Token], where: str, first_line: int, warnings: list[Finding]) -> list[BuildError]:
    """Check the raw HTML of a parsed file (see the module): its problems, each with its line; a
    warning added to `warnings` for each tag printed as typed. A block's tags of no element are
    escaped in place."""
    errors: list[BuildError] = []
    opened: list[tuple[str, int]] = []  # the block elements open, with their lines
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "html_block":
            token.content = _block(token.content, where, line, errors, warnings, opened)
        _classes(token, where, line, errors)
        for index, child in enumerate(token.children or ()):
            at = line + breaks_before(token.children or (), index)
            if child.type == TYPED:
                warnings.append(_typed(where, at, child.content))
            _classes(child, where, at, errors)
        _inline(token.children or (), where, line, errors)
    errors += [Unclosed(where, f"<{name}> is never closed: add </{name}> where it ends (else it runs to the end "
                               "of the part)", at) for name, at in opened]
    return errors


def _classes(token: Token, where: str, line: int, errors: list[BuildError]) -> None:
    """Refuse a Markdown attribute `{.cover}` that borrows a class of the shipped templates."""
    names = htmlattributes.borrowed(str(token.attrGet("class") or ""))
    if names:
        errors.append(BuildError(where, htmlattributes.borrowed_message(
            " ".join(f"{{.{name}}}" for name in names), names), line))


def _typed(where: str, line: int, tag: str) -> Finding:
    return Finding(Path(where), None, "warning", f"{tag} is no HTML: printed as typed (write \\{tag} to say so, "
                                                "or <kbd>…</kbd> for a key)", line=line)


def _unclosed_comment(text: str, where: str, line: int, errors: list[BuildError]) -> str:
    """`text` with its closed comments blanked out (their line breaks kept); an Unclosed error for
    a `<!--` left, at its line (a browser would hide everything after it)."""
    text = _COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    left = text.find("<!--")
    if left >= 0:
        errors.append(Unclosed(where, "this HTML comment is never closed with -->: everything after it would "
                                      "vanish; close it, or write \\<!-- to print it",
                               line + text.count("\n", 0, left)))
    return text


def _others(text: str, where: str, line: int, errors: list[BuildError], *, block: bool) -> None:
    """An error for each `<?…>`, `<!…>` and `<![CDATA[…]]>` of `text` (its comments blanked out):
    HTML hides their text."""
    for found in re.finditer(r"<(\?|!\[CDATA\[|!(?!--))", text):
        start = found.group(0)
        how = "put code between ``` lines, or write" if block else "write"
        kind = BuildError if _CLOSE[start] in text[found.end():] else Unclosed  # never closed: hides the rest
        errors.append(kind(where, f"{_OTHER[start]} prints nothing: {how} \\{start} to print it",
                           line + text.count("\n", 0, found.start())))


def _block(raw: str, where: str, line: int, errors: list[BuildError], warnings: list[Finding],
           opened: list[tuple[str, int]]) -> str:
    """Check one HTML block; its text with each tag of no element escaped."""
    before = len(errors)
    text = _unclosed_comment(raw, where, line, errors)
    _others(text, where, line, errors, block=True)
    if len(errors) > before:
        return raw
    pieces: list[str] = []
    done = 0
    for match in _START.finditer(text):
        at = line + text.count("\n", 0, match.start())
        tag = _TAG.match(text, match.start())
        if tag is None:
            errors.append(Unclosed(where, f"<{match.group(2)} is never closed with >: the text after it would "
                                          f"vanish; add the >, or write \\<{match.group(2)} to print it", at))
        elif not htmlnames.known(tag.group(2)):
            warnings.append(_typed(where, at, tag.group(0)))
            pieces += [raw[done:tag.start()], "&lt;", raw[tag.start() + 1:tag.end() - 1], "&gt;"]
            done = tag.end()
        else:
            _element(tag, where, at, errors)
            _balance(tag, where, at, opened, errors)
    return "".join(pieces) + raw[done:]


def _inline(children: Sequence[Token], where: str, line: int, errors: list[BuildError]) -> None:
    """Check the inline HTML of one paragraph (a heading, a cell): every element closed in it."""
    opened: list[tuple[str, int]] = []
    for index, child in enumerate(children):
        if child.type != "html_inline":
            continue
        at = line + breaks_before(children, index)
        text = _unclosed_comment(child.content, where, at, errors)
        _others(text, where, at, errors, block=False)
        tag = _TAG.match(text)
        if tag is not None:
            _element(tag, where, at, errors)
            _balance(tag, where, at, opened, errors)
    errors += [BuildError(where, f"<{name}> is never closed in its paragraph: add </{name}> (else what follows "
                                 f"takes its style); write \\<{name}> to print it as typed, <kbd>{name}</kbd> for "
                                 "a key", at) for name, at in opened]


def _element(tag: re.Match[str], where: str, line: int, errors: list[BuildError]) -> None:
    """Refuse an element a zine does not print, or one of its attributes (htmlattributes)."""
    name = tag.group(2).lower()
    if name not in htmlnames.ALLOWED:
        if not tag.group(1):  # its closing tag says nothing more
            errors.append(BuildError(where, f"<{tag.group(2)}> is refused: {htmlnames.why(name)}; write "
                                            f"\\<{tag.group(2)}> to print it as typed", line))
        return
    for key, value in _attributes(tag):
        message = htmlattributes.why(name, key, value)
        if message is not None:
            errors.append(BuildError(where, message, line))


def _attributes(tag: re.Match[str]) -> list[tuple[str, str]]:
    """The attributes of a start tag matched by _TAG: each name (lower case) and its value, unescaped."""
    return [(attribute.group(1).lower(), html.unescape((attribute.group(2) or "").strip("\"'")))
            for attribute in _ATTRIBUTE.finditer(tag.group(3))]


def ids(raw: str) -> list[str]:
    """The `id` of each start tag of the raw HTML `raw` (`<a id="here">`), as written."""
    return [value for tag in _TAG.finditer(raw) if not tag.group(1) for key, value in _attributes(tag) if key == "id"]


def _balance(tag: re.Match[str], where: str, line: int, opened: list[tuple[str, int]],
             errors: list[BuildError]) -> None:
    """Follow the elements open: `opened` gains an element opened, loses the one closed; an error
    for each element left open inside the one closed (`<b><i>…</b>`: HTML would carry <i> on,
    into the next paragraphs)."""
    name = tag.group(2).lower()
    if name in htmlnames.VOID or name in htmlnames.OPTIONAL_END or name not in htmlnames.ALLOWED or tag.group(4):
        return
    if not tag.group(1):
        opened.append((tag.group(2), line))
        return
    for at in range(len(opened) - 1, -1, -1):
        if opened[at][0].lower() == name:
            outer = opened[at][0]
            errors += [BuildError(where, f"<{inner}> is not closed before </{tag.group(2)}>: close it first "
                                         f"(<{outer}><{inner}>…</{inner}></{outer}>), else what follows takes its "
                                         "style", inner_at) for inner, inner_at in opened[at + 1:]]
            del opened[at:]
            return
