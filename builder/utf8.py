"""The one reader of text files: UTF-8, with the file and line of the first invalid byte.

Every text the build reads from a user (manifest, parts, letters' values, templates, stylesheets)
goes through `decode`, so a file saved in another encoding gets the same one-line error.
"""

from __future__ import annotations

from pathlib import Path

from builder.errors import BuildError

NOT_UTF8 = "not valid UTF-8 (save the file as UTF-8)"


def read(path: Path, where: str) -> str:
    """The text of `path` with "\\n" line ends; BuildError(`where`, line) if it is not UTF-8."""
    return decode(path.read_bytes(), where)


def decode(data: bytes, where: str) -> str:
    """`data` as text with "\\n" line ends; BuildError(`where`, line of the first bad byte) if not UTF-8."""
    try:
        return data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        raise BuildError(where, NOT_UTF8, line_of(data, error.start)) from None


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line number of byte `offset`."""
    return data[:offset].count(b"\n") + 1
