"""PNG previews of built PDFs, to check pages and imposition at a glance (pypdfium2)."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from builder.preflight import digests
from builder.preflight.reader import Lazy
from builder.typography.words import Words
from builder.workers.caches import remembered

THUMB_WIDTH = 420
"""Pixels across one thumbnail: enough to read headings, small enough to write in milliseconds."""
COMPRESSION = 1
"""zlib level of the PNGs: previews are rewritten at every build, so speed beats a few bytes."""
PNG = b"\x89PNG\r\n\x1a\n"
"""The signature every PNG file starts with."""


def thumbnails(pdf: Path, folder: Path, name: Callable[[int], str]) -> list[bytes]:
    """Write one PNG per page of `pdf` into `folder`, named by `name(page number)`; return the PNGs."""
    pngs = drawn(pdf, THUMB_WIDTH)
    write(pngs, folder, name)
    return pngs


def write(pngs: list[bytes], folder: Path, name: Callable[[int], str], first: int = 1) -> None:
    """Write the PNG of each page (`thumbnail`'s, in page order, from page number `first`) into
    `folder`, named by `name(page number)`."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, png in enumerate(pngs, start=first):
        (folder / name(number)).write_bytes(png)


_ENCODED: dict[tuple[bytes, int], bytes] = {}
_BY_PIXELS: dict[bytes, bytes] = {}
ENCODED_MAX = 1024
"""Thumbnails kept encoded (about 30 kB each), by page digest and width, and by their pixels
(the same PNGs: a page whose digest changed but not its pixels is not encoded again, as when a
new character changes a font's subset and so every page's digest), oldest forgotten first."""


def thumbnail(digest: bytes | None, page: Callable[[], pdfium.PdfPage], width: int = THUMB_WIDTH) -> bytes:
    """The PNG of one page, `width` pixels across, in greys; `page()` gives the page, loaded (and
    closed) by the caller, and is called only if the page must be drawn: a page drawn as one seen
    before (its `digest`, preflight/digests.py: `zine watch`, `zine serve`) is not rendered again
    (issue 26). jobs.check calls it as preflight checks each page, so that a page is loaded once for both."""
    if digest is None:
        return _encoded(page(), width)
    return remembered(_ENCODED, (digest, width), ENCODED_MAX, lambda: _encoded(page(), width))


def drawn(pdf: Path, width: int) -> list[bytes]:
    """The PNG of each page of `pdf`, `width` pixels across (`thumbnail`)."""
    try:
        found: list[bytes | None] = list(digests.pages(pdf))
    except Exception:  # noqa: BLE001 — qpdf may refuse what pdfium reads: every page is drawn then
        found = []
    document = pdfium.PdfDocument(pdf)
    try:
        if len(found) != len(document):
            found = [None] * len(document)
        pngs = []
        for index, digest in enumerate(found):
            with Lazy(document, index) as page:
                pngs.append(thumbnail(digest, page, width))
        return pngs
    finally:
        document.close()


def _encoded(page: pdfium.PdfPage, width: int) -> bytes:
    image = _image(page, width)
    rows = _rows(image)
    # (SHA-256: faster than BLAKE2 here: issue 26.)
    return remembered(_BY_PIXELS, hashlib.sha256(rows).digest(), ENCODED_MAX, partial(_png, rows, image.width))


def _rows(image: Image.Image) -> bytes:
    """The rows of an image of 8-bit greys as a PNG holds them: each after a byte 0 (no filter)."""
    framed = Image.new("L", (image.width + 1, image.height), 0)
    framed.paste(image, (1, 0))
    return framed.tobytes()


def _png(rows: bytes, width: int) -> bytes:
    """A PNG of 8-bit greys of `rows` (`_rows`), `width` pixels across, each row unfiltered, at zlib
    level COMPRESSION: Pillow tries every PNG filter on every row, which took most of a thumbnail's
    time (thumbnails of text pages: 2.6 ms each, 1.1 ms so, the files a few percent smaller; issue 26)."""
    header = struct.pack(">IIBBBBB", width, len(rows) // (width + 1), 8, 0, 0, 0, 0)  # 8-bit greys, not interlaced
    return PNG + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, COMPRESSION)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def contact_sheet(sides: list[bytes], target: Path, language: Words) -> Path:
    """One PNG with both sides of every booklet sheet (their PNGs, as `thumbnails` returns them), a
    row per sheet, to check the order; each side labelled in the zine's language ("feuille 1, recto")."""
    gap, label = 12, 22
    width, height = _decoded(sides[0]).size
    rows = (len(sides) + 1) // 2
    sheet = Image.new("L", (2 * width + 3 * gap, rows * (height + label + gap) + gap), 160)
    draw = ImageDraw.Draw(sheet)
    for index, side in enumerate(sides):
        row, column = divmod(index, 2)
        x = gap + column * (width + gap)
        y = gap + row * (height + label + gap)
        face = language.front if column == 0 else language.back
        draw.text((x, y), language.contact.format(sheet=row + 1, side=face), fill=0)
        sheet.paste(_decoded(side).convert("L"), (x, y + label))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_png(_rows(sheet), sheet.width))
    return target


def _decoded(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png))


def _image(page: pdfium.PdfPage, width: int) -> Image.Image:
    """The page `width` pixels across, in greys (8 bits a pixel)."""
    image: Image.Image = page.render(scale=width / page.get_width(), grayscale=True).to_pil()
    return image if image.mode == "L" else image.convert("L")
