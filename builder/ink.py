"""What a copier makes of a page: render it and look at the pixels (colour, greys, the edges).

Print facts from shared FACTS.md §5: copiers cannot print the outer 4–5 mm of a sheet, turn
colour into grey, and print grey tints and photos blotchy. Works on any PDF page pdfium reads.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter

from builder.model import MM, Finding

EDGE_MM = 5.0
"""Copiers cannot print the outer 4–5 mm of a sheet."""
SCALE = 100 / 72
"""Render at 100 dpi: pixels of 0.25 mm are enough for 1 mm² tints and the 5 mm border."""
PX_PER_MM = SCALE * MM
AREA_MM2 = 1.0
"""Smallest area of colour or grey worth a warning."""
INK = 240
"""A pixel darker than this (of 255) leaves a mark on paper."""
COLOUR = 32
"""Channels differing by more than this make a pixel coloured, not grey."""


def findings(path: Path, number: int, page: pdfium.PdfPage) -> list[Finding]:
    """Render the page as a copier would see it: flag colour, grey areas and ink near the edges."""
    # No anti-aliasing: the edges of black text and rules stay black instead of turning grey.
    bitmap = page.render(scale=SCALE, no_smoothtext=True, no_smoothpath=True, no_smoothimage=True)
    try:
        image: Image.Image = bitmap.to_pil().convert("RGB")
    finally:
        bitmap.close()
    red, green, blue = image.split()
    spread = ImageChops.lighter(ImageChops.lighter(ImageChops.difference(red, green),
                                                   ImageChops.difference(green, blue)),
                                ImageChops.difference(red, blue))
    colour = spread.point(lambda value: 255 if value > COLOUR else 0)
    light = image.convert("L")
    middle = light.point(lambda value: 255 if 16 < value < INK else 0)
    grey = ImageChops.subtract(middle, colour)
    # Eroding only removes grey: skip it (the slow part) when there is too little grey anyway.
    if grey.histogram()[255] / PX_PER_MM ** 2 >= AREA_MM2 and (box := grey.getbbox()):
        # Erode: a one-pixel grey seam along a black rule is not a tint; 3 × 3 pixels of grey are.
        grey = grey.crop((box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1)).filter(ImageFilter.MinFilter(3))
    found = []
    for pixels, what in ((colour, "colour: copiers print it as grey"),
                         (grey, "grey tint or photo: copiers print greys blotchy")):
        area = pixels.histogram()[255] / PX_PER_MM ** 2
        if area >= AREA_MM2:
            found.append(Finding(path, number, "warning", f"{what} (about {area:.0f} mm²)"))
    box = light.point(lambda value: 255 if value < INK else 0).getbbox()
    if box:
        edges = {"left": box[0], "top": box[1], "right": light.width - box[2], "bottom": light.height - box[3]}
        near = [f"{pixels / PX_PER_MM:.1f} mm from the {edge} edge" for edge, pixels in edges.items()
                if pixels / PX_PER_MM < EDGE_MM]
        if near:
            found.append(Finding(path, number, "warning", f"ink {', '.join(near)}: copiers cannot print "
                                                             f"the outer {EDGE_MM:g} mm of a sheet"))
    return found
