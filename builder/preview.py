"""PNG previews of built PDFs, to check pages and imposition at a glance (pypdfium2)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

THUMB_WIDTH = 420
"""Pixels across one thumbnail: enough to read headings, small enough to write in milliseconds."""


def thumbnails(pdf: Path, folder: Path, name: str) -> list[Path]:
    """Write one PNG per page of `pdf` as `folder/name-NN.png`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, image in enumerate(_images(pdf, THUMB_WIDTH), start=1):
        path = folder / f"{name}-{number:02d}.png"
        image.save(path, optimize=False)
        paths.append(path)
    return paths


def contact_sheet(booklet: Path, target: Path) -> Path:
    """One PNG with both sides of every booklet sheet, a row per sheet, to check the order."""
    sides = _images(booklet, THUMB_WIDTH)
    gap, label = 12, 22
    width, height = sides[0].size
    rows = (len(sides) + 1) // 2
    sheet = Image.new("L", (2 * width + 3 * gap, rows * (height + label + gap) + gap), 160)
    draw = ImageDraw.Draw(sheet)
    for index, side in enumerate(sides):
        row, column = divmod(index, 2)
        x = gap + column * (width + gap)
        y = gap + row * (height + label + gap)
        draw.text((x, y), f"feuille {row + 1}, {'recto' if column == 0 else 'verso'}", fill=0)
        sheet.paste(side.convert("L"), (x, y + label))
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=False)
    return target


def _images(pdf: Path, width: int) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            scale = width / page.get_width()
            images.append(page.render(scale=scale).to_pil())
            page.close()
        return images
    finally:
        document.close()
