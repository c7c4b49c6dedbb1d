"""A part added to the manifest's `parts` list by editing the TOML as text (issue 23, item 2): the
file keeps its comments, its order and its layout; only one entry is added, at the end of the list.

`parts = [` … `]` is found by a small reader of TOML's strings and comments (a `]` or a `#` inside
a part's name or a comment is not the list's end); the result is read back with tomllib and must
be the list as it was plus the new name, or nothing is written.
"""

from __future__ import annotations

import json
import re
import tomllib

from builder.errors import BuildError

_PARTS = re.compile(r"^[ \t]*parts[ \t]*=[ \t]*\[", re.MULTILINE)


def listed(text: str, name: str, where: str) -> str:
    """The manifest `text` with `name` added at the end of its `parts` list; BuildError naming
    `where` if the list cannot be found or the edit does not read back as the list plus `name`."""
    before = _parts(text, where)
    opening = _PARTS.search(text)
    if opening is None or not isinstance(before, list):
        raise BuildError(where, "no 'parts = [ … ]' list to add the part to: add it by hand")
    last, closing = _ends(text, opening.end(), where)
    entry = json.dumps(name, ensure_ascii=False)
    after = last if last is not None else opening.end()
    comma = "," if last is not None and not re.sub(r"#[^\n]*", "", text[last:closing]).strip().startswith(",") else ""
    line_start = text.rfind("\n", 0, closing) + 1
    if line_start > after and not text[line_start:closing].strip():  # `]` on a line of its own
        indent = re.match(r"[ \t]*", text[text.rfind("\n", 0, after) + 1:])
        entry_line = f"{(indent.group(0) if indent and last is not None else '') or '  '}{entry},\n"
        edited = text[:after] + comma + text[after:line_start] + entry_line + text[line_start:]
    else:
        edited = text[:after] + comma + text[after:closing] + (" " if last is not None else "") + entry + text[closing:]
    if _parts(edited, where) != [*before, name]:
        raise BuildError(where, f"the parts list could not be edited safely: add {entry} to it by hand")
    return edited


def parts(text: str) -> list[str]:
    """The names the manifest `text` lists in `parts`; none if it cannot be read (`listed` says why)."""
    try:
        found = tomllib.loads(text).get("parts")
    except tomllib.TOMLDecodeError:
        return []
    return [one for one in found if isinstance(one, str)] if isinstance(found, list) else []


def _parts(text: str, where: str) -> object:
    try:
        return tomllib.loads(text).get("parts")
    except tomllib.TOMLDecodeError as error:
        raise BuildError(where, f"cannot be read ({error}): correct it, then import again") from None


def _ends(text: str, index: int, where: str) -> tuple[int | None, int]:
    """(where the list's last entry ends, or None if it has none; where its `]` is), reading from
    `index`, just after its `[`."""
    last = None
    while index < len(text):
        char = text[index]
        if char == "#":
            index = text.find("\n", index) if "\n" in text[index:] else len(text)
        elif char in "\"'":
            index = _string_end(text, index, where)
            last = index
        elif char == "]":
            return last, index
        else:
            index += 1
    raise BuildError(where, "the parts list has no closing ']'")


def _string_end(text: str, index: int, where: str) -> int:
    """Where the TOML string opening at `index` ends (just after its closing quote)."""
    quote, index = text[index], index + 1
    while index < len(text) and text[index] != quote and text[index] != "\n":
        index += 2 if quote == '"' and text[index] == "\\" else 1
    if index >= len(text) or text[index] != quote:
        raise BuildError(where, "a name in the parts list has no closing quote")
    return index + 1
