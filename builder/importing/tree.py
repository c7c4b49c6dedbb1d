"""Pandoc's tree of an imported document, made into what a part of the zine prints (issue 23, item 2).

The tree is pandoc's JSON (pandoc-types 1.23: every node `{"t": type, "c": contents}`), changed
in place of a Lua filter so that the rules are Python and tested as such:

- the title: the document's own (its properties), else the heading it opens with, taken out of the
  text (its notes, if any, become the part's `note`, printed at its end: builder/content);
- pictures: each address handed to `picture`, which copies the file and gives the part's address
  for it (`images/…`), or None: the picture is dropped, its description kept as text; a picture
  within a line of text loses its title (a caption: builder/pictures/figures.py);
- notes: their blocks made paragraphs (a quotation, a list in a note: the project's notes are
  paragraphs, builder/content/notes.py);
- tables: made plain enough for a pipe table (tables.flat), or pandoc writes `[TABLE]`;
- formulas: kept as typed, as code (the project refuses `$…$` by name, content.extensions);
- superscripts and subscripts: written `^e^` and `~2~`, which the project reads (content.extensions),
  where pandoc's writer would print XIX^(e);
- raw HTML or TeX: dropped, counted (its words are markup, not text).

What is changed or dropped is counted in `Found.counts`, by the summary's nouns (importing.summary).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from builder.importing import tables

Node = dict[str, Any]
_ESCAPED = re.compile(r"([!-/:-@\[-`{-~])")
"""ASCII punctuation, escaped in the text of a superscript or subscript written as Markdown."""
Picture = Callable[[str], str | None]
"""A picture's address in the document → its address in the part (`images/x.png`), or None."""


@dataclass
class Found:
    """What the walk found: the title, and the counts of what it carried and what it changed."""

    title: str = ""
    note: str = ""
    """The words of the notes of the heading taken as the title: the part's `note` (printed at its end)."""
    counts: Counter[str] = field(default_factory=Counter)


def carry(tree: Node, picture: Picture) -> Found:
    """Change `tree` (pandoc's JSON document) in place into what a part prints; return its title
    ("" if it has none) and the counts (module docstring)."""
    found = Found(title=text(_meta_title(tree.get("meta", {}))))
    blocks: list[Node] = tree["blocks"]
    while blocks and blocks[0]["t"] in ("Para", "Plain") and not blocks[0]["c"]:  # empty lines above the text
        blocks.pop(0)
    first = blocks[0] if blocks else None
    if first is not None and first["t"] == "Header":
        heading = text(first["c"][2])
        if not found.title or heading == found.title:
            found.title = found.title or heading
            found.note = " ".join(text(note["c"]) for note in _notes(blocks.pop(0)["c"][2]))
    tree["blocks"] = _walk(blocks, picture, found)
    return found


def text(inlines: Any) -> str:
    """The words of pandoc nodes (a list of inlines or blocks, or one node), spaces normalised;
    notes left out."""
    out: list[str] = []
    _words(inlines, out)
    return " ".join("".join(out).split())


def _words(node: Any, out: list[str]) -> None:
    if isinstance(node, list):
        for one in node:
            _words(one, out)
    elif isinstance(node, dict):
        kind = node.get("t")
        if kind == "Str":
            out.append(node["c"])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Code", "Math"):
            out.append(node["c"][1])
        elif kind == "Image":
            _words(node["c"][1], out)
        elif kind in ("Para", "Plain", "Header"):
            out.append(" ")
            _words(node.get("c"), out)
            out.append(" ")
        elif kind not in ("Note", "RawInline", "RawBlock"):
            _words(node.get("c"), out)


def _notes(node: Any) -> list[Node]:
    """The notes in `node`, outermost first."""
    if isinstance(node, list):
        return [note for one in node for note in _notes(one)]
    if isinstance(node, dict) and node.get("t") == "Note":
        return [node]
    return _notes(node.get("c")) if isinstance(node, dict) else []


def _meta_title(meta: Node) -> Any:
    title = meta.get("title", {})
    if title.get("t") == "MetaString":
        return [{"t": "Str", "c": title["c"]}]
    return title.get("c", [])


def _walk(nodes: list[Any], picture: Picture, found: Found) -> list[Any]:
    """`nodes` (a list of inlines or blocks) changed: each node replaced by what `_node` makes of it."""
    out: list[Any] = []
    for node in nodes:
        is_node = isinstance(node, dict) and "t" in node
        out.extend(_node(node, picture, found) if is_node else [_any(node, picture, found)])
    return out


def _any(value: Any, picture: Picture, found: Found) -> Any:
    """A value inside a node (a list of lists, a tuple of attributes…), its nodes walked."""
    if isinstance(value, list):
        return _walk(value, picture, found)
    return value


def _node(node: Node, picture: Picture, found: Found) -> list[Any]:
    """What one node becomes: most stay, with their contents walked (module docstring)."""
    kind = node["t"]
    if kind == "Image":
        attributes, alt, (address, title) = node["c"]
        carried = picture(address)
        if carried is None:
            return _walk(alt, picture, found)
        found.counts["picture"] += 1
        return [{"t": "Image", "c": [attributes, _walk(alt, picture, found), [carried, title]]}]
    if kind == "Math":
        found.counts["formula"] += 1
        return [{"t": "Code", "c": [["", [], []], node["c"][1]]}]
    if kind in ("Superscript", "Subscript"):  # XIX^e^, H~2~O: what pandoc's writer makes XIX^(e)
        mark = "^" if kind == "Superscript" else "~"
        typed = _ESCAPED.sub(r"\\\1", text(node["c"])).replace(" ", "\\ ")
        return [{"t": "RawInline", "c": ["markdown", f"{mark}{typed}{mark}"]}] if typed else []
    if kind in ("RawInline", "RawBlock"):
        found.counts["raw"] += 1
        return []
    if kind == "Note":
        found.counts["note"] += 1
        return [{"t": "Note", "c": _paragraphs(_walk(node["c"], picture, found))}]
    if kind == "Table":
        found.counts["table"] += 1
        flat, changed, after = tables.flat(node)
        found.counts["table flattened"] += changed
        return [_node_walked(flat, picture, found), *_walk(after, picture, found)]
    if kind in ("Para", "Plain"):
        inlines = _walk(node["c"], picture, found)
        if [one["t"] for one in inlines if one["t"] not in ("Space", "SoftBreak")] != ["Image"]:
            _untitled(inlines)
        return [{"t": kind, "c": inlines}]
    return [_node_walked(node, picture, found)]


def _untitled(node: Any) -> None:
    """Every picture in `node` without its title: a title is a caption (builder/pictures/figures.py),
    which only a picture alone in its paragraph has."""
    if isinstance(node, list):
        for one in node:
            _untitled(one)
    elif isinstance(node, dict) and node.get("t") != "Note":
        if node.get("t") == "Image":
            node["c"][2][1] = ""
        _untitled(node.get("c"))


def _node_walked(node: Node, picture: Picture, found: Found) -> Node:
    if "c" not in node:
        return node
    return {"t": node["t"], "c": _any(node["c"], picture, found)}


def _paragraphs(blocks: list[Node]) -> list[Node]:
    """The blocks of a note as paragraphs: quotations, lists and sections opened, the rest made text."""
    out: list[Node] = []
    for block in blocks:
        kind = block["t"]
        if kind in ("Para", "Plain"):
            out.append({"t": "Para", "c": block["c"]})
        elif kind in ("BlockQuote", "Div", "Figure"):
            out += _paragraphs(block["c"] if kind == "BlockQuote" else block["c"][-1])
        elif kind in ("BulletList", "OrderedList"):
            for item in block["c"] if kind == "BulletList" else block["c"][1]:
                out += _paragraphs(item)
        elif kind == "Header":
            out.append({"t": "Para", "c": block["c"][2]})
        elif kind == "LineBlock":
            out.append({"t": "Para", "c": [one for line in block["c"] for one in [*line, {"t": "LineBreak"}]][:-1]})
        elif text(block):
            out.append({"t": "Para", "c": [{"t": "Str", "c": text(block)}]})
    return out
