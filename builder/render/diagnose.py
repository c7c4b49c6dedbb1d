"""What went wrong in a render, said as the user can fix it: which file, which line.

WeasyPrint reports refused URLs and stylesheet problems without saying which project file asked
for them; these helpers find the file (a stylesheet's line, the Markdown that holds a character
no font has) and turn each problem into a BuildError.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from builder.errors import BuildError
from builder.files import utf8
from builder.render.sandbox import Refused, SandboxFetcher

SOURCES = (".md", ".html", ".htm", ".css", ".svg")
"""Files of the project that may name a URL or hold text."""
_AT = re.compile(r" at (\d+):(\d+)")
_FILE_URL = re.compile(r"file://[^\s'\"()<>]+")
_DATA_URL = re.compile(r"data:[^\s'\"()<>]+")
_DATA_SHOWN = 40
"""The characters of a `data:` URL a message shows, and looks for in the project's files (the
rest may be a megabyte of base64, or written otherwise by the Markdown parser)."""


def refusal(refused: Refused, fetcher: SandboxFetcher, where: str) -> BuildError:
    """Name the file and line that asks for the refused URL, when it can be found."""
    if refused.line is not None:
        return BuildError(refused.reference, refused.message, refused.line)
    return (_find(refused.needle, str(refused), fetcher, first=".css")
            or _inside_data(refused.needle, str(refused), fetcher) or BuildError(where, str(refused)))


def warning(message: str, fetcher: SandboxFetcher, where: str) -> BuildError:
    """A WeasyPrint warning, naming the stylesheet and line, or the text, it comes from; the
    file URLs it quotes are shown as project paths (errors.shown)."""
    original = message
    unsupported = re.search(r'unsupported by fonts: "(.+)"', message)
    if unsupported:  # tofu: a character none of the fonts has (in the text, a template or the manifest)
        said = (f"no font has the character {unsupported.group(1)} ({_code(unsupported.group(1))}; it would print "
                "as an empty box): put a font that has it in fonts/ (docs/en/templates.md, « Fonts »)")
        return _find(unsupported.group(1), said, fetcher, first=".md") or BuildError(where, said)
    message = _FILE_URL.sub(lambda url: fetcher.show(_path(url.group(0))), message)  # never this machine's paths
    message = _DATA_URL.sub(lambda url: _shown(url.group(0)), message)
    message = re.sub(r'^(Failed to load image at "[^"]*"):\s*$', r"\1: it cannot be read as a picture", message)
    match = _AT.search(message)
    if match is None:
        # A picture that failed (an SVG whose own resource was refused…): named by the file that asks for it.
        resource, data = _FILE_URL.search(original), _DATA_URL.search(original)
        named = ((resource and _find(_path(resource.group(0)).name, message, fetcher, first=".md"))
                 or (data and _find(data.group(0)[:_DATA_SHOWN], message, fetcher, first=".md")))
        return named or _engine(where, message)
    line, column = int(match.group(1)), int(match.group(2))
    quoted = re.search(r"`([^`:]+)", message)
    for path in reversed(fetcher.stylesheets):
        lines = utf8.lenient(path.read_bytes()).split("\n")
        if line <= len(lines) and (quoted is None or lines[line - 1][column - 1:].lower()
                                   .startswith(quoted.group(1).strip().lower())):
            return BuildError(fetcher.show(path), f"CSS: {_AT.sub('', message, 1)}", line)
    return _engine(where, message)


def _engine(where: str, message: str) -> BuildError:
    """A message of WeasyPrint's that names no file of the project: framed as what it is, never
    shown raw (issue 20, item 6); the build stops, as every such message changes what prints."""
    return BuildError(where, f"the page layout (WeasyPrint) reports: {message.rstrip('.')}. Nothing was written; "
                             "if a file of the project is at fault, undo its last change")


def _code(char: str) -> str:
    """U+270A, and the character's Unicode name when it has one: what to look a font up by."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _find(needle: str, message: str, fetcher: SandboxFetcher, *, first: str) -> BuildError | None:
    """The first file of the project that contains `needle`: files ending in `first` first, and
    among them the ones this render read, the last read first (a stylesheet's `@import` is fetched
    right after the stylesheet: a file that names the same URL but was not read, such as the
    mini-zine's stylesheet in a reading edition, is not blamed; issue 25, item 6)."""
    paths = [path for path in fetcher.sources() if path.suffix.lower() in SOURCES]
    read = {served[0]: order for order, served in enumerate(fetcher.served)}
    for path in sorted(paths, key=lambda path: (path.suffix.lower() != first, -read.get(path, -1))):
        text = utf8.lenient(path.read_bytes())
        if needle and needle in text:
            return BuildError(fetcher.show(path), message, text.count("\n", 0, text.index(needle)) + 1)
    return None


def _inside_data(needle: str, message: str, fetcher: SandboxFetcher) -> BuildError | None:
    """The first file of the project with a `data:` URL whose content holds `needle` (the URL an
    SVG written into a part as a data: URL asks for), named with its line; None if none has."""
    for path in fetcher.sources():
        text = utf8.lenient(path.read_bytes()) if path.suffix.lower() in SOURCES else ""
        for found in _DATA_URL.finditer(text):
            if needle and needle in _decoded(found.group(0)):
                return BuildError(fetcher.show(path), message, text.count("\n", 0, found.start()) + 1)
    return None


def _decoded(url: str) -> str:
    """What a `data:` URL holds, as text ("" when its base64 is broken)."""
    header, _, data = url.partition(",")
    if not header.endswith(";base64"):
        return unquote(data)
    try:
        return base64.b64decode(unquote(data) + "==", validate=False).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return ""


def _shown(url: str) -> str:
    """A `data:` URL as a message shows it: its start (_DATA_SHOWN characters)."""
    return url if len(url) <= _DATA_SHOWN else url[:_DATA_SHOWN] + "…"


def _path(url: str) -> Path:
    """The file a file:// URL names."""
    return Path(unquote(urlsplit(url).path))
