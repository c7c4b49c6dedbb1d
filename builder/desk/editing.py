"""Editing the zine's text from the desk: which files may be written, read and saved (issue 23).

Only the content folder's files that the manifest lists (its parts, intro, back cover, mini-zine)
and the manifest itself may be read or written, by their name in content/ as the manifest
writes it; a name that leaves content/ (.., an absolute path, a link) is no such file. A save is
atomic (files.whole: a temporary file in the same folder, then os.replace: an editor or the build never
reads half a file) and refused when the file changed on disk since it was opened: the page
sends back the SHA-256 of the text it opened.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

from builder import files
from builder.content.manifest import NAME, SINGLES

MAX_TEXT = 4 * 1024 * 1024
"""Bytes a saved text may have: far more than any part, far less than a machine's memory."""


class Refused(Exception):
    """A write the desk does not do: `status` is the HTTP answer (404 no such file, 409 changed on disk)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def editable(content: Path) -> list[str]:
    """The names, in content/, of the files the desk may edit: the manifest, then the Markdown files
    it lists, in its order, each once. A manifest TOML cannot read lists only itself."""
    data = manifest(content)
    parts = data.get("parts")
    named = [*(parts if isinstance(parts, list) else []), *(data.get(key) for key in SINGLES)]
    listed = [name for name in named if isinstance(name, str) and _inside(content, name) is not None]
    return [NAME, *dict.fromkeys(listed)]


def manifest(content: Path) -> dict[str, Any]:
    """The manifest's values as TOML reads them, unchecked (the build checks them); {} when
    TOML cannot read it."""
    try:
        return tomllib.loads((content / NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def path(content: Path, name: str) -> Path:
    """The file `name` of content/ when the desk may edit it; else Refused(404)."""
    found = _inside(content, name) if name in editable(content) else None
    if found is None or not found.is_file():
        raise Refused(404, "no such part")
    return found


def read(content: Path, name: str) -> tuple[str, str]:
    """The text of file `name` of content/ and its SHA-256 (hex), to send back with a save."""
    data = path(content, name).read_bytes()
    return data.decode("utf-8", errors="replace"), hashlib.sha256(data).hexdigest()


def save(content: Path, name: str, text: str, opened: str) -> str:
    """Write `text` into file `name` of content/, atomically; return the new SHA-256 (hex).

    Refused(409) when the file's SHA-256 is no longer `opened` (it changed on disk meanwhile),
    Refused(404) when the desk may not write it, Refused(413) when the text is over MAX_TEXT.
    """
    target = path(content, name)
    data = text.encode("utf-8")
    if len(data) > MAX_TEXT:
        raise Refused(413, "text too long")
    if hashlib.sha256(target.read_bytes()).hexdigest() != opened:
        raise Refused(409, "changed on disk since it was opened")
    files.whole(target, data)
    return hashlib.sha256(data).hexdigest()


def _inside(content: Path, name: str) -> Path | None:
    """content/`name` when it names a .md file or the manifest inside content/ (no .., no absolute
    path, no link out), else None."""
    if not name or "\\" in name or "\0" in name or Path(name).is_absolute() or ".." in Path(name).parts:
        return None
    found = content / name
    if found.suffix != ".md" and name != NAME:
        return None
    resolved = found.resolve()
    return found if resolved.is_relative_to(content.resolve()) else None
