"""Notes and the addresses of links, as a printed page shows them (issue 12).

A Markdown note (`text[^1]` and a line `[^1]: the note`, or `text^[the note]`) is numbered per
file (per part), in the order of the calls, and printed at the foot of the page that calls it
(`<span class="note">` at the call: the stylesheet's `float: footnote` moves it there), or, with
the manifest's `notes = "endnotes"`, in a list at the end of the part. mdit-py-plugins' footnote
plugin parses the calls and the notes; this module numbers them, checks them (a call without a
note, a note without a call: errors with their line) and places them, in the token stream.

A link whose text is not its address loses its address on paper: the address is printed in a
note (`links = "notes"`, the default), after the link in small type (`"after"`), or not at all
(`"off"`). Inside a note, an address is always printed after its link.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from builder.content.footnote_tokens import breaks_before, definitions, inlines
from builder.errors import BuildError

NOTES = ("footnotes", "endnotes")
"""The manifest's `notes`: at the foot of the call's page (the default), or at the end of each part."""
LINKS = ("notes", "after", "off")
"""The manifest's `links`: a link's address in a note (the default), after the link, or not printed."""
_PRINTED = re.compile(r"(?i)^(?:https?://|mailto:)")
"""The links whose address a reader of the paper copy could type."""
_UNMATCHED_CALL = re.compile(r"(?<!\\)\[\^[^\]\n]*\]")
_CODE_SPAN = re.compile(r"(`+).*?(?<!`)\1(?!`)", re.DOTALL)


@dataclass(frozen=True)
class Style:
    """How a file's notes and links print: the manifest's choices, and the ids of the document."""

    notes: str = "footnotes"
    links: str = "notes"
    prefix: str = ""
    """What makes the ids of this file's notes unique in the document (its part's slug)."""
    title: str = ""
    """The heading of the endnotes, in the zine's language (words.py); none when empty."""


@dataclass
class _Note:
    number: int
    body: list[Token] = field(default_factory=list)
    """Paragraph tokens (open, inline, close), or the inline children of an inline note."""
    inline: bool = False
    address: str = ""
    """For the note that prints a link's address: the link's URL."""


def printed_address(href: str) -> str:
    """A link's address as a reader types it: without `mailto:`, `http://` or `https://`, or a lone `/`."""
    text = re.sub(r"(?i)^(?:mailto:|https?://)", "", href)
    return text[:-1] if text.endswith("/") and text.count("/") == 1 else text


def _same_address(text: str, href: str) -> bool:
    """Whether a link's text already prints its address (give or take the scheme and `www.`)."""
    def bare(value: str) -> str:
        return re.sub(r"^www\.", "", printed_address(value.strip()).lower()).rstrip("/")
    return bare(text) == bare(href)


def place(tokens: list[Token], env: dict[str, Any], style: Style, where: str, first_line: int) -> list[BuildError]:
    """Number the notes of `tokens` (a parsed file), put each where it prints, and mark the links
    whose address prints; return the problems, each with its line. `env` is the parser's: it
    receives what the render rules need (the notes, the style)."""
    errors: list[BuildError] = []
    defined, calls_in_notes = definitions(tokens, first_line, where, errors)
    notes: dict[int, _Note] = {}
    by_label: dict[str, int] = {}
    parsed = env.get("footnotes", {}).get("list", {})
    for inline, line in inlines(tokens, first_line):
        for index, child in enumerate(inline.children or ()):
            problem = None
            if child.type == "footnote_ref":
                problem = _number(child, notes, by_label, defined, parsed)
            elif child.type == "link_open" and style.links != "off":
                _mark_link(inline.children or (), index, style.links, notes)
            if problem:
                errors.append(BuildError(where, problem, line + breaks_before(inline.children or (), index)))
        errors += [BuildError(where, problem, line + at) for problem, at in _not_calls(inline.content)]
    errors += [BuildError(where, f"note [^{label}] is never called: call it with [^{label}] in the text, or remove "
                                 "it", line) for label, (_, line) in defined.items() if label not in by_label]
    errors += calls_in_notes
    for note in notes.values():  # links inside notes print their address after them, never in a note
        for inline in ([Token("inline", "", 0, children=note.body)] if note.inline else
                       [token for token in note.body if token.type == "inline"]):
            for index, child in enumerate(inline.children or ()):
                if child.type == "link_open" and style.links != "off":
                    _mark_link(inline.children or (), index, "after", notes)
    env["notes"], env["style"] = notes, style
    if style.notes == "endnotes" and notes:
        tokens.append(Token("endnotes", "", 0))
    return errors


def _number(call: Token, notes: dict[int, _Note], by_label: dict[str, int],
            definitions: dict[str, tuple[list[Token], int]], parsed: dict[int, Any]) -> str | None:
    """Give the note `call` calls its number (a new one at its first call) and add it to `notes`;
    the problem when the call's label has no note in `definitions`."""
    label = call.meta.get("label")
    if label is None:  # ^[an inline note]
        number = len(notes) + 1
        notes[number] = _Note(number, list(parsed.get(call.meta["id"], {}).get("tokens", [])), inline=True)
    elif label not in definitions:
        return f"note call [^{label}] has no note: add a line '[^{label}]: the note' below the paragraph"
    elif label in by_label:
        call.meta.update(note=by_label[label], first=False)
        return None
    else:
        number = by_label[label] = len(notes) + 1
        notes[number] = _Note(number, definitions[label][0])
    call.meta.update(note=number, first=True)
    return None


def _not_calls(source: str) -> list[tuple[str, int]]:
    """The problems of the texts of a paragraph's source that look like note calls but are not
    (a name with spaces), each with the lines before it; an escaped one (`\\[^a b]`) and code
    spans are text, wherever they stand (issue 20, item 5)."""
    found = []
    plain = _CODE_SPAN.sub(lambda span: re.sub(r"[^\n]", " ", span.group(0)), source)
    for call in _UNMATCHED_CALL.finditer(plain):
        if re.search(r"\s", call.group(0)) or call.group(0) == "[^]":
            found.append((f"{call.group(0)} is not a note call: a note's name has no spaces (write [^1] or "
                          f"[^source]); to print it as is, write \\{call.group(0)}",
                          source.count("\n", 0, call.start())))
    return found


def _mark_link(children: Sequence[Token], index: int, how: str, notes: dict[int, _Note]) -> None:
    """Mark the link opening at `index` so that its address prints (`how`: in a note, after it)."""
    href = str(children[index].attrGet("href") or "")
    if not _PRINTED.match(href):
        return  # a link inside the document, or to a file: nothing a reader could type
    close = next((at for at in range(index + 1, len(children)) if children[at].type == "link_close"), None)
    if close is None:
        return
    text = "".join(child.content for child in children[index + 1:close] if child.type in ("text", "code_inline"))
    if _same_address(text, href):
        return
    if how == "notes":
        number = len(notes) + 1
        notes[number] = _Note(number, address=href)
        children[close].meta.update(note=number, first=True)
    else:
        children[close].meta["address"] = href


# Render rules ---------------------------------------------------------------------------------
# They read what `place` left in `env`; without it (a paragraph rendered alone, for the quotation
# check) a call renders nothing.

def render_call(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """A note call: the note itself (footnotes), or its number linked to the note (endnotes, a second call)."""
    number = tokens[idx].meta.get("note")
    if number is None or "notes" not in env:
        return ""
    return _call(self, env["notes"][number], env, first=tokens[idx].meta.get("first", False), options=options)


def render_link_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """`</a>`, then the link's address when it prints: in a note, or after the link in small type."""
    closing = str(self.renderToken(tokens, idx, options, env))
    meta = tokens[idx].meta
    if "address" in meta:
        href, shown = html.escape(meta["address"]), html.escape(printed_address(meta["address"]))
        return f'{closing}<span class="link-address"> (<a href="{href}">{shown}</a>)</span>'
    if "note" in meta and "notes" in env:
        return closing + _call(self, env["notes"][meta["note"]], env, first=True, options=options)
    return closing


def render_endnotes(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """The endnotes of the file: a heading, and each note numbered as its call."""
    style: Style = env["style"]
    items = "".join(f'<li id="{_id(style, note.number)}" value="{note.number}">'
                    f'{_body(self, note, options, env, "p")}</li>\n' for note in env["notes"].values())
    heading = f'<h2 class="endnotes-title">{html.escape(style.title)}</h2>\n' if style.title else ""
    return f'<section class="endnotes">\n{heading}<ol class="endnotes-list">\n{items}</ol>\n</section>\n'


def _call(self: Any, note: _Note, env: dict[str, Any], *, first: bool, options: Any) -> str:
    style: Style = env["style"]
    if style.notes == "footnotes" and first:
        kind = " link-note" if note.address else ""
        return (f'<span class="note{kind}" id="{_id(style, note.number)}" data-n="{note.number}">'
                f'{_body(self, note, options, env, "span")}</span>')
    back = f' id="{_id(style, note.number, "call")}"' if first else ""
    return f'<sup class="note-call"><a href="#{_id(style, note.number)}"{back}>{note.number}</a></sup>'


def _id(style: Style, number: int, kind: str = "note") -> str:
    """The id of note `number` (or of its first call) in the document: part-note-1, part-call-1."""
    return f"{style.prefix}-{kind}-{number}" if style.prefix else f"{kind}-{number}"


def _body(self: Any, note: _Note, options: Any, env: dict[str, Any], tag: str) -> str:
    """A note's text: its paragraphs as `<p>` (endnotes) or as block `<span>`s (inside a line of text)."""
    if note.address:
        return f'<a href="{html.escape(note.address)}">{html.escape(printed_address(note.address))}</a>'
    if note.inline:
        return str(self.renderInline(_folded(note.body), options, env))
    paragraphs = [str(self.renderInline(_folded(token.children or []), options, env)) for token in note.body
                  if token.type == "inline"]
    if tag == "p":
        return "".join(f"<p>{text}</p>" for text in paragraphs)
    return "".join(f'<span class="note-paragraph">{text}</span>' if number else text
                   for number, text in enumerate(paragraphs))


def _folded(children: Sequence[Token]) -> list[Token]:
    """A note's line breaks as spaces: a note hard-wrapped in the editor prints as one paragraph
    (a line break inside a footnote would break the printed line: issue 20, item 5)."""
    return [Token("text", "", 0, content=" ") if child.type == "softbreak" else child for child in children]
