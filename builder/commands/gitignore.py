"""The `.gitignore` of `zine new`: `output/` added to it, in the file's own encoding and line ends.

A zine is shared as a folder (issue 25, item 3): its `.gitignore` may be a symbolic link to a
file anywhere on the machine, a folder, a FIFO, or text in any encoding. Only a regular file is
written, by a descriptor that refuses to follow a link (O_NOFOLLOW); anything else is left alone
and said so. A UTF-16 file (its byte-order mark says so) gets `output/` in UTF-16; any other
(UTF-8, Latin-1, Windows-1252…) is ASCII-compatible, so the ASCII `output/` is appended as bytes
and what was there stays byte for byte. The line ends are the file's (CRLF if it has them).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

LINE = "output/"
"""The line that keeps the build's output out of version control."""
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def addition(path: Path) -> tuple[bytes, str | None]:
    """The bytes to append to `path` (the whole file if it is missing; b"" when it ignores
    `output/` already or is left alone) and a line to tell the user, or None. OSError if it
    cannot be read."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return (LINE + "\n").encode("ascii"), None
    if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
        return b"", f"{path} is {what}: left alone (zine new writes only inside the new folder); " \
                    f"add the line {LINE} to the file it names yourself if git should ignore the PDFs"
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as file:
        data = file.read()
    codec = _UTF16.get(data[:2], "latin-1")  # latin-1: every byte a character, the ASCII ones as they are
    text = data[2:].decode(codec, "replace") if codec != "latin-1" else data.decode(codec)
    if {LINE, f"/{LINE}"} & set(text.split()):
        return b"", None
    end = "\r\n" if "\r\n" in text else "\n"
    return (("" if not text or text.endswith(("\n", "\r")) else end) + LINE + end).encode(codec), None


def append(path: Path, added: bytes) -> None:
    """Append `added` to the regular file `path`, or create it with them if it is missing; never
    through a symbolic link (OSError then, as for any failed write)."""
    if not added:
        return
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_NONBLOCK,
                             0o666)
    with os.fdopen(descriptor, "wb") as file:
        file.write(added)
