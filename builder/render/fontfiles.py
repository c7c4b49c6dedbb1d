"""The files of the project's `fonts/` folder, as the build uses them (issue 21): every one a font
the layout loads, the same on every machine, or named with what to do.

What a file is comes from its first bytes, not its name. A TrueType or OpenType font (.ttf, .otf)
or collection (.ttc) is used as it is. A web font (WOFF, WOFF2) is decompressed by fontTools
into the output's cache (output/.fonts/) and that copy is used: given the WOFF itself, fontconfig
lists the font but HarfBuzz cannot read it, and whether FreeType can depends on how the
machine's was built (zlib for WOFF, brotli for WOFF2), so that the same project printed ✊ on one
machine and was refused on the next. Text files beside the fonts (licences: OFL.txt, README.md,
LICENSE) are left alone, and so are hidden files (.DS_Store, a Mac's ._ copies); any other file
is an error naming it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from builder import files
from builder.errors import BuildError, raise_all

VERSION = "1"
"""Part of every decompressed copy's name: change it when the decompression changes."""
DOCUMENTS = (".txt", ".md")
"""Licences and read-me files: they belong beside the fonts."""
DOCUMENT_NAMES = ("LICENSE", "LICENCE", "COPYING", "README", "OFL", "FONTLOG", "AUTHORS", "CONTRIBUTORS", "TRADEMARKS")
"""The same, named without a suffix (the stem, in capitals)."""
SFNT = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")
"""The first bytes of a TrueType or OpenType font or collection: used as they are."""
WEB = {b"wOFF": "WOFF", b"wOF2": "WOFF2"}
"""The first bytes of a web font: decompressed first."""
DAMAGED = "a damaged font file, it cannot be read: download it again, or take it out of fonts/"
NOT_A_FONT = ("not a font file: fonts/ holds fonts (.ttf, .otf, .ttc, .woff, .woff2) and their licences "
              "(.txt): take it out of fonts/")


@dataclass(frozen=True)
class Usable:
    """A font of the project's folder, as the layout gets it."""

    source: Path
    """The file in fonts/."""
    path: Path
    """The file fontconfig loads: `source` itself, or its decompressed copy in the cache."""
    names: frozenset[str]
    """Its faces' family and PostScript names (`names`), read once: what the project's CSS may name."""


def usable(folder: Path, cache: Path, show: Callable[[Path], str]) -> list[Usable]:
    """Every font file under `folder`, in order, web fonts decompressed into `cache` (which keeps
    only the copies in use). Raises BuildError, one per file that is no font the layout can use
    (named by `show`, fonts/X.zip), all at once."""
    found: list[Usable] = []
    errors: list[BuildError] = []
    for path in listed(folder):
        if path.suffix.lower() in DOCUMENTS or (not path.suffix and path.name.upper() in DOCUMENT_NAMES):
            continue
        try:
            readable = _readable(path, cache, show)
            found.append(Usable(path, readable, _named(readable, show(path))))
        except BuildError as error:
            errors.append(error)
    raise_all(errors)
    _prune(cache, {font.path for font in found})
    return found


def listed(folder: Path) -> list[Path]:
    """Every file under `folder`, in order, hidden ones left out; none when it does not exist."""
    return sorted(path for path in folder.rglob("*") if path.is_file()
                  and not any(part.startswith(".") for part in path.relative_to(folder).parts))


def names(path: Path) -> set[str]:
    """The family names (name IDs 1 and 16) and PostScript names (6) of every face in a font file."""
    from fontTools.ttLib import TTCollection, TTFont

    with path.open("rb") as file:
        collection = file.read(4) == b"ttcf"
    faces = TTCollection(path, lazy=True).fonts if collection else [TTFont(path, lazy=True)]
    return {name.toUnicode() for face in faces for name in face["name"].names if name.nameID in (1, 6, 16)}


def _named(path: Path, where: str) -> frozenset[str]:
    """`names` of the font file `path`; BuildError naming `where` when fontTools cannot read it."""
    try:
        return frozenset(names(path))
    except Exception:  # noqa: BLE001 - fontTools raises many kinds of errors on a damaged file
        raise BuildError(where, DAMAGED) from None


def _readable(path: Path, cache: Path, show: Callable[[Path], str]) -> Path:
    """The file fontconfig gets for `path`: itself, or its decompressed copy; BuildError naming it
    (`show`) when it is no font."""
    where = show(path)
    try:
        with path.open("rb") as file:
            data = file.read(512)  # enough to tell what it is; a web font is read whole
            data += file.read() if data[:4] in WEB else b""
    except OSError as error:
        raise BuildError(where, f"cannot be read ({error.strerror})") from None
    if data[:4] in SFNT:
        return path
    if data[:4] in WEB:
        return _decompressed(data, path.stem, cache, where, show(cache))
    if data[:4] == b"PK\x03\x04":
        raise BuildError(where, "a zip archive, not a font: unzip it and put its .ttf or .otf files in fonts/")
    if data.lstrip()[:1] == b"<":
        raise BuildError(where, "a web page, not a font (saved from a link to the font's page?): download "
                                "the font file itself (.ttf or .otf)")
    raise BuildError(where, DAMAGED if path.suffix.lower() in (".ttf", ".otf", ".ttc", ".woff", ".woff2")
                     else NOT_A_FONT)


def _decompressed(data: bytes, stem: str, cache: Path, where: str, cache_shown: str) -> Path:
    """The web font `data` (WOFF or WOFF2) as a TrueType or OpenType file in `cache`, made once for
    these bytes (as WeasyPrint decompresses an @font-face's web fonts); BuildError naming
    `where` when it cannot be read, or the cache (`cache_shown`) when it cannot be written."""
    from io import BytesIO

    from fontTools.ttLib import TTFont, woff2

    key = hashlib.sha256(VERSION.encode() + data).hexdigest()[:16]
    kept = cache / f"{re.sub(r'[^A-Za-z0-9]+', '-', stem).strip('-')[:40] or 'font'}-{key}.ttf"
    if kept.is_file():
        return kept
    out = BytesIO()
    try:
        if data[:4] == b"wOF2":
            woff2.decompress(BytesIO(data), out)
        else:
            font = TTFont(BytesIO(data))
            font.flavor = font.flavorData = None
            font.save(out)
    except Exception:  # noqa: BLE001 - fontTools raises many kinds of errors on a damaged file
        raise BuildError(where, f"a damaged {WEB[data[:4]]} web font, it cannot be read: download it again "
                                "(as .ttf or .otf if you can), or take it out of fonts/") from None
    try:
        cache.mkdir(parents=True, exist_ok=True)
        files.whole(kept, out.getvalue())
    except OSError as error:
        raise BuildError(where, f"cannot be decompressed into {cache_shown}/ ({error.strerror})") from None
    return kept


def _prune(cache: Path, used: set[Path]) -> None:
    """Remove the copies in `cache` that no font of the folder needs any more."""
    for path in cache.glob("*.ttf") if cache.is_dir() else ():
        if path not in used:
            path.unlink(missing_ok=True)
