"""The cover picture the manifest names (issue 21, item 4): `cover = "images/cover.jpg"`, with
`cover_alt`, what it shows, in words.

The cover is a picture like the others: it follows `photos`, and can be marked as they are, in
braces after its file name (`cover = "images/cover.jpg {.halftone}"`, or `{.no-halftone}`); its
warnings name it; without `cover_alt` it prints, with a warning. Its `<img>` is made here (class
`cover-mark`, its place in the manifest as `data-line`), and sized for the format's cover box,
resampled or halftoned by the pictures stage (builder/pictures, resample.prepare).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from builder import typography
from builder.content import manifest, markdown, pictures
from builder.errors import BuildError
from builder.model import Finding

_MARKS = re.compile(r"\s*\{([^{}]*)\}\s*$")
"""Classes in braces after the cover's file name."""


def cover(data: dict[str, Any], text: str, where: str, content: Path) -> tuple[str, list[Finding]]:
    """The cover's `<img>` tag ("" when the manifest names none) and its warnings, from the
    manifest's `data` and `text` (for lines), read at `where` (a project path); BuildError with
    the line when its file is missing or its braces ask for what a cover cannot take."""
    if "cover" not in data:
        return "", []
    line = manifest.key_line(text, "cover")
    value, classes = _marks(data["cover"], where, line)
    attrs = {"class": " ".join(["cover-mark", *classes]),
             "src": markdown.local_file(value, where, line, content, content),
             "alt": typography.refine_text(data.get("cover_alt", "").strip(), data["lang"]),
             "data-line": f"{where}:{line or 1}"}
    warnings = []
    if not attrs["alt"]:
        warnings.append(Finding(Path(where), None, "warning", f"the cover picture {value} has no description for "
                                f"screen readers: write what it shows (cover_alt = \"…\" in {manifest.NAME})",
                                line=line))
    return "<img" + "".join(f' {key}="{html.escape(item)}"' for key, item in attrs.items()) + ">", warnings


def _marks(value: str, where: str, line: int | None) -> tuple[str, list[str]]:
    """The cover's file name and the classes in braces after it (their English names)."""
    found = _MARKS.search(value)
    if found is None:
        return value.strip(), []
    classes = []
    for mark in found.group(1).split():
        name = pictures.CLASSES.get(mark.removeprefix("."))
        if not mark.startswith(".") or name not in ("halftone", "no-halftone"):
            raise BuildError(where, f"'cover': {{{found.group(1)}}} after the file name takes .halftone or "
                                    f".no-halftone, not {mark!r}", line)
        classes.append(name)
    if len(set(classes)) > 1:
        raise BuildError(where, "'cover': .halftone and .no-halftone together", line)
    return value[:found.start()].strip(), classes
