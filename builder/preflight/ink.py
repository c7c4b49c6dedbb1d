"""What a copier makes of a page: render it and look at the pixels (colour, greys, the edges);
and whether a print file's black is on one ink (`black`).

Print facts from shared FACTS.md §5: copiers cannot print the outer 4–5 mm of a sheet, turn
colour into grey, and print grey tints and photos blotchy. Works on any PDF page pdfium reads.
A copier or print server that detects colour may count RGB black as colour (issue 22).
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import cast

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter

from builder.errors import pages
from builder.kinds import Kind
from builder.model import Finding
from builder.paper import MM
from builder.preflight import GREY, IN_COLOUR
from builder.workers.caches import remembered

RGB_BLACK = "black in RGB"
"""How the one-ink warning starts."""
EDGE_MM = 5.0
EDGE = "ink "
"""How the edge warning starts."""
"""Copiers cannot print the outer 4–5 mm of a sheet."""
SCALE = 100 / 72
"""Render at 100 dpi: pixels of 0.25 mm are enough for 1 mm² tints and the 5 mm border."""
PX_PER_MM = SCALE * MM
PIXELS = 16_000_000
"""Pixels one rendered page may have (issue 25): an A0 poster at 100 dpi is 15.5 million; a
larger page is rendered coarser to stay under it, which keeps a check under 1 GiB (a 14400 pt
page at 100 dpi would be 400 million pixels, 5.5 GB with the analysis)."""
AREA_MM2 = 1.0
"""Smallest area of colour or grey worth a warning."""
INK = 240
"""A pixel darker than this (of 255) leaves a mark on paper."""
COLOUR = 32
"""Channels differing by more than this make a pixel coloured, not grey."""


_MIDDLE = [255 if 16 < value < INK else 0 for value in range(256)]
_COLOURED = [255 if value > COLOUR else 0 for value in range(256)]
_INKED = [255 if value < INK else 0 for value in range(256)]


def _colour(image: Image.Image) -> Image.Image | None:
    """A mask of the coloured pixels (channels further apart than COLOUR); None when there are none."""
    red, green, blue = image.split()
    spread = ImageChops.lighter(ImageChops.lighter(ImageChops.difference(red, green),
                                                   ImageChops.difference(green, blue)),
                                ImageChops.difference(red, blue))
    # Most pages are black and white: the largest spread says so, and no mask is made (issue 26:
    # a third of the cost of the chroma test this replaced, and exact).
    if cast(tuple[int, int], spread.getextrema())[1] <= COLOUR:
        return None
    return spread.point(_COLOURED)


def findings(path: Path, number: int, page: pdfium.PdfPage, *, part: str | None = None,
             budget: int = PIXELS) -> list[Finding]:
    """Render the page as a copier would see it: flag colour, grey areas and ink near the edges
    (`look`); the edge warning names `part`, the part of a reading edition the page belongs to."""
    return [Finding(path, number, "warning", in_part(message, part)) for message in look(page, budget=budget)]


def look(page: pdfium.PdfPage, *, budget: int = PIXELS, remember: bool = True) -> tuple[str, ...]:
    """The warnings of the page's pixels, whatever its number or part (reader.py keeps them by
    page digest): colour, grey areas, ink near the edges. A page of more than `budget` pixels at
    100 dpi is rendered at the resolution that fits, and says so. `remember`: kept by its pixels
    too, for a page that may be seen again (a lasting session's); a one-off build hashes none."""
    width, height = page.get_size()
    scale = min(SCALE, math.sqrt(budget / max(width * height, 1.0)))
    # No anti-aliasing: the edges of black text and rules stay black instead of turning grey.
    # In RGB order: Pillow takes pdfium's pixels as they are, not swapped nor copied (issue 26).
    bitmap = page.render(scale=scale, no_smoothtext=True, no_smoothpath=True, no_smoothimage=True,
                         rev_byteorder=True)
    try:
        image: Image.Image = bitmap.to_pil()  # shares the bitmap's pixels: used before it is closed
        image = image if image.mode == "RGB" else image.convert("RGB")
        # The same pixels give the same findings: a page whose digest changed but not its pixels
        # costs a render and a digest, not the analysis. Hashed where pdfium drew them, uncopied.
        # (SHA-256: several times faster than BLAKE2 where the processor computes it; issue 26.)
        if remember:
            key = hashlib.sha256(bitmap.buffer if image.mode == bitmap.mode else image.tobytes()).digest()
            messages = remembered(_SEEN, key + str(scale).encode(), SEEN_MAX, lambda: _messages(image, scale * MM))
        else:
            messages = _messages(image, scale * MM)
    finally:
        bitmap.close()
    coarse = () if scale == SCALE else (
        f"checked at {scale * 72:.2g} dpi, not {SCALE * 72:.0f}: at 100 dpi its {width / 72:.0f} × {height / 72:.0f} "
        f"inches would take more than the {budget / 1e6:.0f} million pixels a page may (issue 25), so tints, "
        f"colour and ink near the edges smaller than {1 / (scale * MM):.3g} mm may be missed",)
    return (*messages, *coarse)


def in_part(message: str, part: str | None) -> str:
    """An edge warning of `look` naming the part: ink 0.0 mm from the right edge, in the part “Title”: …"""
    if part is None or not message.startswith(EDGE):
        return message
    edges, _, rest = message.partition(": ")
    return f"{edges}, in the part “{part}”: {rest}"


_SEEN: dict[bytes, tuple[str, ...]] = {}
SEEN_MAX = 4096
"""Pages whose findings are remembered (a few kilobytes), oldest forgotten first."""


def _messages(image: Image.Image, px_per_mm: float = PX_PER_MM) -> tuple[str, ...]:
    few = _few_colours(image, px_per_mm)
    if few is not None:
        return few
    colour = _colour(image)
    light = image.convert("L")
    middle = light.point(_MIDDLE)
    grey = middle if colour is None else ImageChops.subtract(middle, colour)
    # Eroding only removes grey: skip it (the slow part) when there is too little grey anyway.
    if grey.histogram()[255] / px_per_mm ** 2 >= AREA_MM2 and (box := grey.getbbox()):
        # Erode: a one-pixel grey seam along a black rule is not a tint; 3 × 3 pixels of grey are.
        grey = grey.crop((box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1)).filter(ImageFilter.MinFilter(3))
    found = []
    for pixels, what in ((colour, f"{IN_COLOUR}: copiers print it as grey"),
                         (grey, f"{GREY}: copiers print greys blotchy")):
        if pixels is None:
            continue
        area = pixels.histogram()[255] / px_per_mm ** 2
        if area >= AREA_MM2:
            found.append(f"{what} (about {area:.0f} mm²)")
    return (*found, *_edges(light.point(_INKED).getbbox(), light.size, px_per_mm))


def _edges(box: tuple[int, int, int, int] | None, size: tuple[int, int], px_per_mm: float) -> tuple[str, ...]:
    """The edge warning of a page `size` pixels across and down whose ink lies within `box` (None: no ink)."""
    if not box:
        return ()
    edges = {"left": box[0], "top": box[1], "right": size[0] - box[2], "bottom": size[1] - box[3]}
    near = [f"{pixels / px_per_mm:.1f} mm from the {edge} edge" for edge, pixels in edges.items()
            if pixels / px_per_mm < EDGE_MM]
    return (f"{EDGE}{', '.join(near)}: copiers cannot print the outer {EDGE_MM:g} mm of a sheet",) if near else ()


FEW = 64
"""Colours a page may have for `_few_colours` to judge it from its list of colours."""


def _few_colours(image: Image.Image, px_per_mm: float) -> tuple[str, ...] | None:
    """`_messages` of a page of at most FEW colours, counted colour by colour instead of pixel by
    pixel: most pages are text and rules, rendered without anti-aliasing (issue 26: the 425 pages
    of bench/big_zine.py analysed in 0.4 s of CPU instead of 1.0, 264 of them so); None when the
    pixels must be looked at (more colours, a grey area to erode, a light tint beside the white that
    is not ink). The same findings: the test compares both ways."""
    colours = cast("list[tuple[int, tuple[int, int, int]]] | None", image.getcolors(FEW))  # (an RGB image)
    if colours is None:
        return None
    shades = Image.new("RGB", (len(colours), 1))
    shades.putdata([rgb for _, rgb in colours])
    lights = list(shades.convert("L").tobytes())  # Pillow's own weights, as `_messages` converts
    coloured = [max(abs(r - g), abs(g - b), abs(r - b)) > COLOUR for _, (r, g, b) in colours]
    grey = sum(count for (count, _), light, hue in zip(colours, lights, coloured, strict=True)
               if 16 < light < INK and not hue)
    if grey / px_per_mm ** 2 >= AREA_MM2 or any(light >= INK and rgb != (255, 255, 255)
                                                 for (_, rgb), light in zip(colours, lights, strict=True)):
        return None
    found = []
    area = sum(count for (count, _), hue in zip(colours, coloured, strict=True) if hue) / px_per_mm ** 2
    if area >= AREA_MM2:
        found.append(f"{IN_COLOUR}: copiers print it as grey (about {area:.0f} mm²)")
    # The pixels that are not white: the inked ones here.
    return (*found, *_edges(ImageChops.invert(image).getbbox(), image.size, px_per_mm))


def black(path: Path, kind: Kind | None) -> list[Finding]:
    """A warning naming the pages (sides) of the print file at `path`, an output of `kind`, whose
    text or rules are set in exact RGB black instead of on the black ink alone (DeviceGray or CMYK
    K: what imposition/engine/black.py rewrites, and leaves; issue 22, item 4); none for the
    reading edition, a file of no known kind, or a file pikepdf cannot open (the other checks say so)."""
    if kind is None or not kind.one_ink:
        return []
    import pikepdf  # only in the processes that check

    from builder.imposition.engine.black import black_pages

    try:
        with pikepdf.open(path) as pdf:
            found = black_pages(pdf)
    except (pikepdf.PdfError, OSError, ValueError):
        return []
    if not found:
        return []
    where = pages(found, kind.unit)
    return [Finding(path, None, "warning", f"{RGB_BLACK} on {where}: a copier that detects colour may bill "
                                           f"{'them' if len(found) > 1 else 'it'} as colour (`zine impose` "
                                           "writes black on the black ink alone)")]
