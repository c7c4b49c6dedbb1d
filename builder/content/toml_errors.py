"""Every problem of a TOML text tomllib refuses, each with its line (issue 21, item 6).

tomllib stops at the first bad line; a manifest typed in a hurry, or in a word processor, may
have ten. When tomllib refuses a text, the text is cut into statements (one line each, or a
value's array or multi-line string with the lines it runs over) and each is parsed alone: every
statement refused alone is one error, in the words that fit it best (`refused`). The others are
parsed together, so that the caller's checks (unknown keys, types) run on every line that is
right; a statement refused only beside the others (a key set twice) is one more error. A text
tomllib reads is never cut: its values are tomllib's, exactly.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from builder.errors import BuildError

CURLY = "“”„‟«»‘’‚‛‹›"
"""The quotes a word processor types for " and ' (English, German, French)."""
STRAIGHT = str.maketrans({**dict.fromkeys("“”„‟«»", '"'), **dict.fromkeys("‘’‚‛‹›", "'")})
HINTS = (
    ("Illegal character '\\n'", " (a text is not closed: is a closing quote \" missing on this line?)"),
    ("Unterminated string", " (a text is not closed: is a closing quote \" missing?)"),
    ("Unclosed array", " (is a comma missing between two parts, or the closing ] ?)"),
    ("Expected '=' after a key", " (each setting is: name = \"value\")"),
    ("Invalid statement", " (each setting is: name = \"value\")"),
    ("Invalid value", " (texts go between quotes: \"…\"; dates are written 2026-11-28)"),
    ("Expected newline or end of document", " (one setting a line; texts go between quotes: \"…\"; dates are "
                                            "written 2026-11-28)"),
)
"""What a newcomer most likely did, after tomllib's own words."""
_PIECE = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
KEY = re.compile(rf"\s*{_PIECE}(?:\s*\.\s*{_PIECE})*\s*=")
"""The start of a `key = value` line: where a statement starts even after an unclosed [."""
HEADER = re.compile(rf"\s*\[\[?\s*{_PIECE}(?:\s*\.\s*{_PIECE})*\s*\]\]?\s*(?:#.*)?$")
"""A table header's line, `[name]` or `[[name]]`: where a statement starts after an unclosed [."""
BLANK = " \t"
"""TOML's whitespace (a line of other spaces, \r or \f, is one tomllib refuses)."""
NAME = re.compile(r"""\s*["']?([A-Za-z0-9_-]+)""")
COLON = re.compile(r"\s*([A-Za-z0-9_-]+)\s*:")


@dataclass(frozen=True)
class Parsed:
    """A TOML text's values, and every problem tomllib found in it."""

    data: dict[str, Any]
    """The values of the statements tomllib reads (all of them when `errors` is empty)."""
    errors: tuple[BuildError, ...] = ()
    """One per refused statement, in the order of the lines."""
    broken: frozenset[str] = frozenset()
    """The names set on refused lines: missing from `data`, not from the file."""


def parse(text: str, where: str) -> Parsed:
    """`text`'s values as tomllib reads them; else every refused statement as a BuildError naming
    `where` and its line, and the values of the others."""
    try:
        return Parsed(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, RecursionError):  # tomllib recurses once per nested [ or {
        pass
    lines = text.split("\n")
    errors: list[BuildError] = []
    broken: set[str] = set()
    kept: list[range] = []
    for statement in statements(lines):
        chunk = lines[statement.start:statement.stop]
        error = refused(chunk, statement.start + 1, where)
        if error is None:
            kept.append(statement)
            continue
        errors.append(error)
        if name := NAME.match(chunk[0]):
            broken.add(name.group(1))
    data = _together(lines, kept, errors, where)
    return Parsed(data, tuple(sorted(errors, key=lambda error: error.line or 0)), frozenset(broken))


def _together(lines: list[str], kept: list[range], errors: list[BuildError], where: str) -> dict[str, Any]:
    """The values of the `kept` statements read together; each statement that the ones before it
    make tomllib refuse (a name set twice) is one more error in `errors`, and left out."""
    while (refusal := _refusal(_text(lines, kept))) is not None:
        number = _culprit(lines, kept, refusal[1])
        if number is None:
            errors.append(BuildError(where, *refusal))
            return {}
        statement = kept.pop(number)
        why = _refusal(_text(lines, [*kept[:number], statement])) or refusal  # its own words, before the others
        errors.append(_beside(lines[statement.start], statement, *why, where))
    return tomllib.loads(_text(lines, kept))


def _culprit(lines: list[str], kept: list[range], line: int | None) -> int | None:
    """Which of the `kept` statements the ones before it make tomllib refuse: the one on `line`,
    where tomllib says; else the first whose text with those before it is refused (found by
    halves: a text refused stays refused when statements are added after it)."""
    on = [number for number, statement in enumerate(kept) if line is not None and line - 1 in statement]
    if on:
        return on[0]
    low, high = 0, len(kept)  # the first refused prefix is kept[:n + 1], n in [low, high)
    while low < high:
        middle = (low + high) // 2
        if _refusal(_text(lines, kept[:middle + 1])) is None:
            low = middle + 1
        else:
            high = middle
    return low if low < len(kept) else None


def _beside(first: str, statement: range, message: str, line: int | None, where: str) -> BuildError:
    """The error of a `statement` (whose first line is `first`) that tomllib reads alone but
    refuses after the ones before it: a name set twice, said so."""
    name = NAME.match(first)
    if "Cannot overwrite a value" in message and name:
        message = f"'{name.group(1)}' is set twice: keep one"
    inside = line is not None and line - 1 in statement
    return BuildError(where, message, line if inside else statement.start + 1)


def _text(lines: list[str], kept: list[range]) -> str:
    """The text of the `kept` statements only, each on its own lines (so tomllib's lines are the file's)."""
    keep = {index for statement in kept for index in statement}
    return "\n".join(line if index in keep else "" for index, line in enumerate(lines))


def refused(chunk: list[str], first: int, where: str) -> BuildError | None:
    """The error of the statement `chunk` (lines from line `first`) read alone, if tomllib refuses it:
    a word processor's curly quotes, a colon for `=`, else tomllib's words and the likely cause."""
    text = "\n".join(chunk) + "\n"
    refusal = _refusal(text)
    if refusal is None:
        return None
    # Quotes, not apostrophes: a ’ between two letters (d’essai) is part of a text.
    curly = list(dict.fromkeys(re.findall(rf"(?<!\w)[{CURLY}]|[{CURLY}](?!\w)", text)))
    if curly and (_refusal(text.translate(STRAIGHT)) is None
                  or re.search(rf"(^|[=\[,])\s*[{CURLY}]", text, re.MULTILINE)):
        line = first + next(index for index, line in enumerate(chunk) if set(line) & set(curly))
        return BuildError(where, f"a word processor's curly quotes {' '.join(curly)}: type straight quotes \"…\"",
                          line)
    if colon := COLON.match(chunk[0]):
        return BuildError(where, f"'{colon.group(1)}:' must be '{colon.group(1)} =' (each setting is: "
                                 "name = \"value\")", first)
    message, at = _unclosed(chunk, refusal)
    return BuildError(where, message, first if at is None else first + at - 1)


def _unclosed(chunk: list[str], refusal: tuple[str, int | None]) -> tuple[str, int | None]:
    """tomllib's `refusal` of the statement `chunk`; or, when an array it opens is still open at
    its end and tomllib refuses past its last line (the next line read as one more value), that
    the array is not closed, on its first line."""
    depth, open = 0, None
    for line in chunk:
        depth, open = _scan(line, depth, open)
    last = max((index for index, line in enumerate(chunk, start=1) if line.strip(BLANK)), default=1)
    if depth == 0 or "[" not in chunk[0] or (refusal[1] is not None and refusal[1] <= last):
        return refusal
    return f"invalid TOML: Unclosed array{dict(HINTS)['Unclosed array']}", 1


def _refusal(text: str) -> tuple[str, int | None] | None:
    """Why tomllib refuses `text` ("invalid TOML: …" with the likely cause) and on which line; None if it reads it."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"\(at line (\d+), column \d+\)", str(error))
        words = re.sub(r"\s*\((at line \d+, column \d+|at end of document)\)", "", str(error))
        hint = next((hint for pattern, hint in HINTS if pattern in words), "")
        return f"invalid TOML: {words}{hint}", int(line.group(1)) if line else None
    except RecursionError:
        return "invalid TOML: values nested too deeply", None
    return None


def statements(lines: list[str]) -> list[range]:
    """The statements of a TOML text's `lines`, as ranges of line indexes: each non-blank line, with
    the lines after it while a [, { or multi-line string it opens is open (an unclosed [ ends
    before the next `key =` line, and before the first table header in it)."""
    found = []
    index = 0
    while index < len(lines):
        if not lines[index].strip(BLANK):
            index += 1
            continue
        start = index
        depth, open = _scan(lines[index], 0, None)
        index += 1
        while index < len(lines) and (open or (depth > 0 and not KEY.match(lines[index]))):
            depth, open = _scan(lines[index], depth, open)
            index += 1
        if depth > 0:  # never closed: a table header is the next statement, not a nested array
            index = next((number for number in range(start + 1, index) if HEADER.match(lines[number])), index)
        found.append(range(start, index))
    return found


def _scan(line: str, depth: int, open: str | None) -> tuple[int, str | None]:
    """The depth of [ and { after `line`, and the multi-line string (\"\"\" or ''') still open,
    from those before it; quoted texts (every TOML string form, escapes included) and comments
    are skipped."""
    index = 0
    while index < len(line):
        if open is not None:
            index = _string_end(line, index, open)
            if index < 0:
                return depth, open
            open = None
        elif line.startswith(('"""', "'''"), index):
            open, index = line[index:index + 3], index + 3
        elif line[index] in "\"'":
            end = _string_end(line, index + 1, line[index])
            index = end if end >= 0 else len(line)  # a one-line text not closed ends with its line
        elif line[index] == "#":
            break
        else:
            depth = max(0, depth + (line[index] in "[{") - (line[index] in "]}"))
            index += 1
    return depth, open


def _string_end(line: str, start: int, quote: str) -> int:
    """Where the text closed by `quote` (\", ', \"\"\" or ''') whose content starts at `start` ends
    (past its closing quotes, the one or two quotes a multi-line text may end with included); -1
    when `line` does not close it. A \\ escapes the next character in \"…\" and \"\"\"…\"\"\" (TOML 1.0)."""
    index = start
    while index < len(line):
        if line[index] == "\\" and quote[0] == '"':
            index += 2
        elif line.startswith(quote, index):
            end = index + len(quote)
            extra = len(line[end:end + 2]) - len(line[end:end + 2].lstrip(quote[0])) if len(quote) == 3 else 0
            return end + extra
        else:
            index += 1
    return -1
