"""The resampled pictures, kept in the output folder (output/.pictures/, never content/) and
reused while their source is unchanged (issue 12, item 2).

`resampled(...)` gives the file WeasyPrint gets for a picture: the source itself when it has no
more pixels than DPI at its printed width, else a copy made once (pixels.made) and named after
the source, its stamp, the size and the treatment; `prune(cache, used)` removes the copies a
build no longer uses.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import os
import re
from pathlib import Path
from urllib.parse import unquote_to_bytes

from builder.errors import BuildError, reason
from builder.pictures.pixels import DPI, Raster, made

VERSION = hashlib.sha256(b"".join(path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py")))
                         ).hexdigest()[:12]
"""Part of every cached picture's key: the code of builder/pictures/ itself, so that a change to the
resampling or the halftone (or a new release of the tool) never reuses a picture made the old way
(a version number kept by hand was forgotten twice in issue 21)."""
JPEG_QUALITY = 85
"""Resampled photos are JPEG at this quality (4:2:0, optimised): no visible loss at 300 dpi."""


def resampled(path: Path, picture: Raster, width_mm: float, cache: Path,
              name: str, where: str | None, line: int | None) -> Path:
    """The file WeasyPrint gets for the `picture` at `path` printed `width_mm` wide: itself when
    it has no more pixels than DPI there (and is neither halftoned nor to be remade), else a
    resampled copy in `cache` (at its own size when it has fewer), made once for this source,
    size and treatment. BuildError naming the picture `name` (at `where`, `line`) when it cannot
    be resampled, or the cache when it cannot be written."""
    pixels, halftone = picture.pixels, picture.halftone
    across = max(1, math.floor(width_mm / 25.4 * DPI))
    if pixels[0] <= across and not halftone:
        if not picture.remade:
            return path
        across = pixels[0]
    target = (across, max(1, round(across * pixels[1] / pixels[0])))
    status = path.stat()
    key = hashlib.sha256(f"{VERSION}|{path}|{status.st_mtime_ns}|{status.st_size}|{target}|{halftone}".encode())
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:40] or "picture"
    for suffix in (".png", ".jpg"):
        found = cache / f"{stem}-{key.hexdigest()[:16]}{suffix}"
        if found.is_file():
            return found
    try:
        image, suffix = made(path, target, halftone)
    except (OSError, ValueError) as error:
        raise BuildError(where, f"picture {name} cannot be resampled ({reason(error)})", line) from None
    kept = cache / f"{stem}-{key.hexdigest()[:16]}{suffix}"
    cache.mkdir(parents=True, exist_ok=True)
    partial = kept.with_name(f".{kept.name}.partial")
    try:
        if suffix == ".jpg":
            image.save(partial, "JPEG", quality=JPEG_QUALITY, optimize=True)
        else:
            image.save(partial, "PNG", optimize=not halftone)
        os.replace(partial, kept)
    except OSError as error:
        raise BuildError(None, f"cannot write {kept} ({error.strerror})") from None
    finally:
        partial.unlink(missing_ok=True)
    return kept


EMBEDDED = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
            "image/svg+xml": ".svg"}
"""The pictures a `data:` URL may hold, and the suffix of the file it is kept as (`embedded`)."""


def embedded(src: str, cache: Path) -> tuple[Path, str] | None:
    """The picture of the `data:` URL `src` kept as a file in `cache` (named by its bytes), so that
    it is checked and remade as any picture (a 16-bit PNG, its pixels: issue 25), and its name in
    messages ("data:image/png (2 KiB)"); None when `src` is no `data:` URL of a picture
    (EMBEDDED). BuildError when the cache cannot be written."""
    head, comma, body = src.partition(",")
    fields = head.split(":", 1)[-1].split(";")
    if not head.lower().startswith("data:") or not comma or fields[0].strip().lower() not in EMBEDDED:
        return None
    raw = unquote_to_bytes(body)
    if "base64" in (field.strip().lower() for field in fields[1:]):
        try:
            raw = base64.b64decode(re.sub(rb"\s", b"", raw) + b"==")
        except (binascii.Error, ValueError):
            return None  # left to the renderer, which says it cannot read it
    kept = cache / f"data-{hashlib.sha256(raw).hexdigest()[:16]}{EMBEDDED[fields[0].strip().lower()]}"
    if not kept.is_file():
        try:
            cache.mkdir(parents=True, exist_ok=True)
            partial = kept.with_name(f".{kept.name}.partial")
            partial.write_bytes(raw)
            os.replace(partial, kept)
        except OSError as error:
            raise BuildError(None, f"cannot write {kept} ({error.strerror})") from None
    size = f"{len(raw) / 1024:.0f} KiB" if len(raw) >= 1024 else f"{len(raw)} bytes"
    return kept, f"data:{fields[0].strip().lower()} ({size})"


def prune(cache: Path, used: set[Path]) -> None:
    """Remove the pictures of earlier builds that this one did not use."""
    if not cache.is_dir():
        return
    for path in cache.iterdir():
        if path.is_file() and path not in used:
            path.unlink(missing_ok=True)
