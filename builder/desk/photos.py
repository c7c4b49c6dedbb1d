"""A photo dropped onto a part on the desk: checked, copied into content/images/ under a safe
name, and the Markdown that shows it (issue 23).

The bytes are read by Pillow (with pillow-heif's reader, as the build reads them: pictures/
pixels.py) before anything is written: a file that is no picture is refused. The name is the
file's own made a slug (manifest.slugify: Latin letters, digits, dashes), its format's usual
extension, and -2, -3… when a file of that name is there already: nothing is overwritten.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from builder.content.manifest import slugify
from builder.pictures.formats import READ

from .editing import Refused

MAX_PHOTO = 30 * 1024 * 1024
"""Bytes a dropped photo may have: a phone's full-size photo is a few MB."""
FOLDER = "images"


def add(content: Path, filename: str, data: bytes) -> str:
    """Copy the photo `data` (sent as `filename`) into content/images/; return its Markdown,
    `![description](images/NAME)`, the description left to write (the name's words stand in).

    Refused(413) over MAX_PHOTO, Refused(415) when Pillow does not read it as a picture the build
    reads (pictures.formats.READ).
    """
    if len(data) > MAX_PHOTO:
        raise Refused(413, "photo too large")
    kind = _format(data)
    stem = slugify(Path(filename).stem, empty="photo")[:60].strip("-") or "photo"
    folder = content / FOLDER
    folder.mkdir(exist_ok=True)
    name = _write_new(folder, stem, READ[kind], data)
    return f"![{stem.replace('-', ' ')}]({FOLDER}/{name})"


def _format(data: bytes) -> str:
    from PIL import Image

    from builder.pictures import pixels

    pixels.pillow()  # the HEIC and HEIF reader, as the build reads pictures
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind = str(image.format)
    except Exception as error:  # noqa: BLE001 — Pillow raises many kinds on a file that is no picture
        raise Refused(415, "not a photo") from error
    if kind not in READ:
        raise Refused(415, "not a photo format the zine prints")
    return kind


def _write_new(folder: Path, stem: str, extension: str, data: bytes) -> str:
    """Write `data` as folder/stem.ext, else stem-2.ext, stem-3.ext…: the first free name,
    claimed with O_EXCL (never an overwrite, even with two drops at once); return the name."""
    number = 1
    while True:
        name = f"{stem}{'' if number == 1 else f'-{number}'}{extension}"
        try:
            handle = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            number += 1
            continue
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        return name
