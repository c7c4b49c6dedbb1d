"""What black.py reads of a PDF's objects and content streams before parsing them: whether a
stream has a colour operator at all, the resources it names, its decoded bytes (issue 22, item 4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pikepdf

COLOUR = re.compile(rb"(?<![^\s\]\[()<>/%{}])(?:rg|RG|k|K|cs|CS|scn?|SCN?)(?![^\s\]\[()<>/%{}])")
"""A colour operator somewhere in a stream's bytes: streams without one are not parsed."""
_DRAWN = re.compile(rb"/([^\s\]\[()<>/%{}]+)\s*([-+.\d]+\s+Tf|Do|scn|SCN)(?![^\s\]\[()<>/%{}])")
"""The names of the forms (`Do`), patterns (`scn`) and fonts (`Tf`) a stream draws, as written (#xx
escaped), with the operator."""
_CATEGORIES = {b"Do": "/XObject", b"scn": "/Pattern", b"SCN": "/Pattern"}
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def data(stream: pikepdf.Stream) -> bytes | None:
    """The stream's content decoded; None if qpdf cannot decode it (left as it is: what draws
    it says so, or repairs it as viewers do)."""
    try:
        return stream.read_bytes()
    except pikepdf.PdfError:
        return None


def drawn(data: bytes) -> dict[str, set[str]]:
    """The names of the forms, patterns and fonts the content `data` draws, by resource category,
    unescaped (/a#20b is "/a b")."""
    names: dict[str, set[str]] = {}
    for written, operator in _DRAWN.findall(data):
        name = _NAME_ESCAPE.sub(lambda match: bytes.fromhex(match[1].decode()), written).decode("latin-1")
        names.setdefault(_CATEGORIES.get(operator, "/Font"), set()).add("/" + name)
    return names


def type3(fonts: object) -> bool:
    """Whether the font resources `fonts` (a dictionary) hold a Type 3 font."""
    return any(isinstance(font, pikepdf.Dictionary) and font.get("/Subtype") == "/Type3" for font in values(fonts))


def dictionary(value: object) -> pikepdf.Dictionary | None:
    return value if isinstance(value, pikepdf.Dictionary) else None


def values(value: object) -> Iterator[object]:
    """The values of a dictionary, the items of an array (none for anything else)."""
    if isinstance(value, pikepdf.Dictionary):
        yield from (item for _, item in value.items())
    elif isinstance(value, pikepdf.Array):
        yield from (value[index] for index in range(len(value)))
