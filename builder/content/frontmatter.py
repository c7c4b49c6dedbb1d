"""Split a Markdown file into its front matter (one `key: value` per line) and its body.

The front matter is a deliberately small subset of YAML: flat keys, one-line text values,
optionally quoted. Editors of the zine know it from blogs, and it needs no parser library.
"""

from __future__ import annotations

import re

from builder.errors import BuildError, raise_all

FENCE = "---"
KEY = re.compile(r"[a-z][a-z0-9_]*\Z")


def split(text: str, where: str) -> tuple[dict[str, str], str, int]:
    """Return (fields, body, line number of the body's first line); raise BuildError on bad input,
    one for each bad line (issue 21: every problem in one run)."""
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        return {}, text, 1
    # The closing fence first: without it, every line of the text would be misread as a field.
    end = next((index for index, line in enumerate(lines[1:], start=1) if line.rstrip() == FENCE), None)
    if end is None:
        raise BuildError(where, "front matter: no closing '---' line", 1)
    fields: dict[str, str] = {}
    errors = []
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        try:
            if not sep or not KEY.match(key):
                raise BuildError(where, f"front matter: expected 'key: value', got {_short(line.strip())!r}", number)
            if key in fields:
                raise BuildError(where, f"front matter: '{key}' is given twice", number)
            fields[key] = _unquote(value.strip(), where, number)
        except BuildError as error:
            errors.append(error)
    raise_all(errors)
    return fields, "\n".join(lines[end + 1:]), end + 2


def key_line(text: str, key: str) -> int | None:
    """The line of the file `text` where the front matter sets `key`, if it does."""
    lines = text.split("\n")
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == FENCE:
            return None
        if line.partition(":")[0].strip() == key:
            return number
    return None


def _unquote(value: str, where: str, line: int) -> str:
    if value[:1] in {'"', "'"}:
        if len(value) < 2 or value[-1] != value[0]:
            raise BuildError(where, f"front matter: unclosed quote in {_short(value)!r}", line)
        return value[1:-1]
    return value


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"
