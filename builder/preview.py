"""PNG previews of built PDFs, to check pages and imposition at a glance (pypdfium2)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from builder.typography.words import Words
from builder.workers.caches import remembered

THUMB_WIDTH = 420
"""Pixels across one thumbnail: enough to read headings, small enough to write in milliseconds."""
COMPRESSION = 1
"""zlib level of the PNGs: previews are rewritten at every build, so speed beats a few bytes."""


def thumbnails(pdf: Path, folder: Path, name: Callable[[int], str]) -> list[Image.Image]:
    """Write one PNG per page of `pdf` into `folder`, named by `name(page number)`; return the images."""
    folder.mkdir(parents=True, exist_ok=True)
    images = _images(pdf, THUMB_WIDTH)
    for number, image in enumerate(images, start=1):
        # Encoding is most of the cost: a page unchanged since the last build reuses its PNG.
        key = hashlib.sha256(image.tobytes()).digest()  # (faster than BLAKE2 here: issue 26)
        (folder / name(number)).write_bytes(remembered(_ENCODED, key, ENCODED_MAX, partial(_png, image)))
    return images


_ENCODED: dict[bytes, bytes] = {}
ENCODED_MAX = 512
"""Thumbnails kept encoded (about 30 kB each), oldest forgotten first."""


def _png(image: Image.Image) -> bytes:
    data = io.BytesIO()
    image.save(data, format="PNG", compress_level=COMPRESSION)
    return data.getvalue()


def contact_sheet(sides: list[Image.Image], target: Path, language: Words) -> Path:
    """One PNG with both sides of every booklet sheet, a row per sheet, to check the order; each
    side labelled in the zine's language ("feuille 1, recto")."""
    gap, label = 12, 22
    width, height = sides[0].size
    rows = (len(sides) + 1) // 2
    sheet = Image.new("L", (2 * width + 3 * gap, rows * (height + label + gap) + gap), 160)
    draw = ImageDraw.Draw(sheet)
    for index, side in enumerate(sides):
        row, column = divmod(index, 2)
        x = gap + column * (width + gap)
        y = gap + row * (height + label + gap)
        face = language.front if column == 0 else language.back
        draw.text((x, y), language.contact.format(sheet=row + 1, side=face), fill=0)
        sheet.paste(side.convert("L"), (x, y + label))
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, compress_level=COMPRESSION)
    return target


def _images(pdf: Path, width: int) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            scale = width / page.get_width()
            images.append(page.render(scale=scale, grayscale=True).to_pil())
            page.close()
        return images
    finally:
        document.close()
