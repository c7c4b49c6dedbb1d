"""The one reader of text files: UTF-8, with the file and line of the first invalid byte.

Every text the build reads from a user (manifest, parts, letters' values, templates, stylesheets)
goes through `decode`, so a file saved in another encoding gets the same one-line error. What
real editors write is accepted (issue 15): a UTF-8 byte-order mark (Windows Notepad) is dropped,
and Windows (CRLF) and old Mac (CR) line ends become "\n". A UTF-16 file is named as such.
"""

from __future__ import annotations

from pathlib import Path

from builder.errors import BuildError

NOT_UTF8 = "not valid UTF-8 (save the file as UTF-8)"
BOM = b"\xef\xbb\xbf"
UTF16 = (b"\xff\xfe", b"\xfe\xff")
"""The byte-order marks of UTF-16, little- and big-endian: what "Unicode" means in some editors."""


def read(path: Path, where: str) -> str:
    """The text of `path` with "\\n" line ends; BuildError(`where`, line) if it is not UTF-8."""
    return decode(path.read_bytes(), where)


def decode(data: bytes, where: str) -> str:
    """`data` as text without a byte-order mark and with "\\n" line ends; BuildError(`where`, line
    of the first bad byte) if it is not UTF-8."""
    if data.startswith(UTF16):
        raise BuildError(where, "saved as UTF-16 (\"Unicode\" in some editors): save the file as UTF-8")
    try:
        text = data.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        raise BuildError(where, NOT_UTF8, line_of(data.removeprefix(BOM), error.start)) from None
    return newlines(text)


def newlines(text: str) -> str:
    """`text` with "\\n" for every CRLF and CR line end."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lenient(data: bytes) -> str:
    """`data` as `decode` reads it, a bad byte replaced (U+FFFD) rather than refused: for finding a
    line in a file that was read once already."""
    return newlines(data.removeprefix(BOM).decode("utf-8", "replace"))


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line number of byte `offset`, whatever the line ends (LF, CRLF or CR)."""
    return data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
