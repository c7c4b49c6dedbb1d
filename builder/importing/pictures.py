"""Where an imported document's pictures are, as files to copy into `content/images/` (issue 23, item 2).

A picture's address in pandoc's tree is one of:

- a file pandoc took out of the document (`--extract-media`: a .docx's, .odt's or .epub's own
  pictures), in the stage's media folder;
- a picture written into the address itself (`data:image/png;base64,…`, in HTML): decoded into
  the media folder;
- a file beside the document (a .md's or .html's `images/plan.png`), inside the document's folder;
- anything else (the web, a file elsewhere on this machine, a missing file) is not copied, and
  counted by what it is (importing.summary names it), its description kept as text.

A file in a format the build does not print (an EMF or WMF drawing: PRINTABLE) is counted too.
"""

from __future__ import annotations

import base64
import binascii
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

PRINTABLE = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp", ".svg", ".heic", ".heif", ".avif")
"""The pictures a build prints (builder/pictures/formats.py); an EMF or WMF drawing is not one."""
EMBEDDED = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
            "image/svg+xml": ".svg", "image/avif": ".avif", "image/heic": ".heic"}
"""The media types of `data:` pictures, and the suffix each is saved with."""


def found(address: str, source: Path, media: Path, counts: Counter[str]) -> Path | None:
    """The file of the picture at `address` (module docstring), or None, counted in `counts` by
    the summary's nouns ("picture on the web", "missing picture", "picture outside its folder",
    "EMF picture")."""
    parts = urlsplit(address)
    if parts.scheme == "data":
        return _decoded(address, media, counts)
    if parts.scheme or parts.netloc:
        counts["picture on the web"] += 1
        return None
    extracted = Path(address).is_absolute()
    path = (Path(address) if extracted else source.parent / unquote(parts.path)).resolve()
    inside = media.resolve() if extracted else source.parent.resolve()
    if not path.is_relative_to(inside):
        counts["picture outside its folder"] += 1
        return None
    if not path.is_file():
        counts["missing picture"] += 1
        return None
    if path.suffix.lower() not in PRINTABLE:
        counts[f"{path.suffix[1:].upper() or 'unknown'} picture"] += 1
        return None
    return path


def _decoded(address: str, media: Path, counts: Counter[str]) -> Path | None:
    """The `data:` picture at `address` written into `media`; None (counted) if it is not one."""
    header, _, data = address[len("data:"):].partition(",")
    kind, *options = header.split(";")
    suffix = EMBEDDED.get(kind.strip().lower())
    try:
        content = base64.b64decode(data, validate=False) if "base64" in options else unquote_to_bytes(data)
    except (binascii.Error, ValueError):
        content = b""
    if suffix is None or not content:
        counts["missing picture"] += 1
        return None
    media.mkdir(parents=True, exist_ok=True)
    path = media / f"embedded-{len(list(media.glob('embedded-*'))) + 1}{suffix}"
    path.write_bytes(content)
    return path.resolve()
