"""How the build speaks to its user: the one error type (a message with the place it comes
from), paths as messages show them, counts in words, and libraries' log records collected so
that the build reports their problems itself.

Every count the terminal or a finding shows goes through `plural` (never "1 sheets").
"""

from __future__ import annotations

import difflib
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


def shown(path: Path, root: Path, *folders: Path) -> str:
    """A path as the user reads it in a message (the one helper for this).

    Relative to the project `root` when inside it (content/article.md); else inside one of
    `folders` (a templates folder given with --templates), named from that folder
    (templates/zine.css); else beside the project, from it (../other.css: where the project
    lies on this machine is never shown); else as given (/etc/hostname, a shipped template by
    its full path), never mistaken for a file of the project.
    """
    # The folders resolved, not the file: a link is named as the user made it, not where it leads.
    resolved = path.parent.resolve() / path.name if path.name not in ("", ".", "..") else path.resolve()
    if resolved.is_relative_to(root.resolve()):
        return resolved.relative_to(root.resolve()).as_posix()
    for folder in folders:
        if resolved.is_relative_to(folder.resolve()):
            return (folder.resolve().name / resolved.relative_to(folder.resolve())).as_posix()
    if resolved.is_relative_to(root.resolve().parent) and root.resolve().parent != Path(root.resolve().anchor):
        return (".." / resolved.relative_to(root.resolve().parent)).as_posix()  # beside the project
    return str(path)


def closest(word: str, names: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The one of `names` nearest to `word`, for a "did you mean" (difflib's ratio, at least
    `cutoff` of 1); None when none is that near."""
    near = difflib.get_close_matches(word, list(names), 1, cutoff)
    return near[0] if near else None


def did_you_mean(word: str, names: Iterable[str], *, cutoff: float = 0.75, quote: str | None = None) -> str:
    """" (did you mean 'format'?)" when one of `names` is near `word` (closest), else ""; the name
    in `quote` if given (a TOML text's is "), else as Python writes it ('format')."""
    near = closest(word, names, cutoff)
    if near is None:
        return ""
    return f" (did you mean {near!r}?)" if quote is None else f" (did you mean {quote}{near}{quote}?)"


class BuildError(Exception):
    """A user-facing error: `where` names the file (and line), `message` says what is wrong."""

    def __init__(self, where: str | Path | None, message: str, line: int | None = None) -> None:
        self.where = str(where) if where is not None else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.where is None:
            return self.message
        place = self.where if self.line is None else f"{self.where}:{self.line}"
        return f"{place}: {self.message}"

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # Raised in a worker process (renders, imposition, checks) and re-raised here: pickled whole.
        return type(self), (self.where, self.message, self.line)

    def lines(self) -> list[str]:
        """What the command line prints: one line per error, each naming its place."""
        line = f"error: {self.message}" if self.where is None else str(self)
        return [" ".join(line.splitlines())]


class BuildErrors(BuildError):
    """Several errors found in one pass, reported together (one line each)."""

    def __init__(self, errors: list[BuildError]) -> None:
        self.errors = errors
        super().__init__(None, "\n".join(str(error) for error in errors))

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.errors,)

    def lines(self) -> list[str]:
        return [line for error in self.errors for line in error.lines()]


def raise_all(errors: list[BuildError]) -> None:
    """Raise the one error, or all of them together; do nothing when there are none."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise BuildErrors(errors)


def one_of(key: str, value: str, names: Iterable[str], hints: Mapping[str, str] | None = None) -> str:
    """The one of `names` that the manifest's `value` of `key` is, in any case ("a5" is "A5").

    Raises BuildError (no place: the caller adds the file and line) saying which names `key`
    takes, each name and `value` quoted as TOML writes a text ("A5"), with the name nearest to
    `value` in any case (difflib), else the one `hints` gives for it (lower-case value → name:
    "letter" → "half-letter"), as a did-you-mean. The one wording of every enumerated manifest
    value (issue 22).
    """
    names = list(names)
    wanted = value.strip().lower()
    found = next((name for name in names if name.lower() == wanted), None)
    if found is not None:
        return found
    lowered = {name.lower(): name for name in names}
    near = (hints or {}).get(wanted) or lowered.get(closest(wanted, lowered) or "")
    listed = ", ".join(map(toml_text, names[:-1])) + " or " * (len(names) > 1) + toml_text(names[-1])
    hint = f" (did you mean {toml_text(near)}?)" if near else ""
    raise BuildError(None, f"'{key}' must be {listed}, not {toml_text(value)}{hint}")


def toml_text(text: str) -> str:
    """`text` as TOML writes it: "A5", between double quotes, \\ and " escaped."""
    return json.dumps(text, ensure_ascii=False)


ENCRYPTED = "the PDF is encrypted (password-protected): save an unprotected copy first"
"""What `zine impose` and `zine check` both say of a file that no viewer opens without a password."""


def unreadable(reason: str) -> str:
    """What `zine impose` and `zine check` both say of a file that is not a PDF any reader can repair."""
    return f"not a readable PDF ({reason})"

def reason(error: BaseException) -> str:
    """What an exception says, on one line, for a message's parentheses; never "" (issue 25: pdfium's
    MemoryError says nothing): "out of memory" for a MemoryError, else the exception's type name."""
    text = " ".join(str(error).split())
    return text or ("out of memory" if isinstance(error, MemoryError) else type(error).__name__)


def plural(count: int, noun: str) -> str:
    """1 page, 2 pages (English nouns that take an s)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def pages(numbers: Iterable[int], noun: str = "page") -> str:
    """pages 1–3, 7: page numbers as runs; "page 4" alone."""
    ordered = sorted(set(numbers))
    runs: list[list[int]] = []
    for number in ordered:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    shown = ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)
    return f"{noun}{'s' if len(ordered) > 1 else ''} {shown}"

class _Collector(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def collected(name: str) -> Iterator[list[logging.LogRecord]]:
    """The warnings and errors logger `name` emits meanwhile, kept from the terminal."""
    records: list[logging.LogRecord] = []
    logger = logging.getLogger(name)
    handler = _Collector(records)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
