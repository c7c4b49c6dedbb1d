"""Photos for the photocopier: pure black and white, in a clustered-dot screen (issue 12, item 3).

Copiers print greys and photos blotchy; a photo turned into black dots on white copies far
better (shared FACTS.md §5). Which dots: an error-diffusion dither (Floyd–Steinberg, Pillow's
own) and a dispersed ordered dither (Bayer) spread single 1/300-inch pixels; a copier scans them
slightly blurred and prints each pixel darker or lighter than half: the lone dots of the light
greys vanish, the lone holes of the dark greys fill in, and the photo comes out posterised in
two tones. A clustered-dot screen groups the pixels of each grey into one round dot, as a
printer's halftone screen does, and those dots survive the copy and the copy of the copy. The
before/after previews that chose it, with a simulated copier, are in docs/en/pictures.md (issue 12).

The screen: 8 × 8 pixels at 45°, two dots a cell, so about 53 lines per inch at 300 dpi and 33
levels of grey. Before it, a contrast curve: the darkest and lightest 1 % of pixels are clipped
to black and white (a flat picture's greys kept as drawn, FLAT), mid-tones get an S-curve,
then every tone but paper white and solid black (PAPER) is kept between the smallest dot and
the smallest hole the copier keeps (TONES), and the edges are sharpened a little.
"""

from __future__ import annotations

import math

from PIL import Image, ImageChops, ImageFilter, ImageOps

CELL = 8
"""The screen's tile, in pixels: two dots at 45° in each."""
CLIP_PERCENT = 1
"""The share of the darkest and of the lightest pixels made pure black and white."""
CONTRAST = 0.35
"""How far the mid-tones move toward an S-curve (0: none, 1: a full smoothstep)."""
FLAT = (4, 0.9)
"""A flat picture (a logo, a drawing, a stamp): its 4 commonest greys cover 90 % of it or more.
Its greys are not stretched: a pale logo keeps its light tone, a grey one its grey (issue 21, item 2)."""
PAPER = (5, 250)
"""The greys that print as solid black and paper white, not through the screen: a logo's white
ground and a transparent picture's background stay paper, with no dots (issue 21, item 2)."""
TONES = (22, 236)
"""The darkest and lightest grey printed (of 255): darker greys would leave holes too small to
survive a copy, lighter ones dots too small to."""


def _screen() -> list[int]:
    """Threshold ranks of a CELL × CELL clustered-dot screen at 45°, by a cosine spot function:
    pixels nearest the dots' centres turn black first."""
    spots = []
    for y in range(CELL):
        for x in range(CELL):
            u, v = (x + 0.5) / CELL * 2 * math.pi, (y + 0.5) / CELL * 2 * math.pi
            spots.append(((math.cos((u + v) / 2) + math.cos((u - v) / 2)) / 2, y * CELL + x))
    ranks = [0] * CELL * CELL
    for rank, (_, index) in enumerate(sorted(spots, reverse=True)):
        ranks[index] = rank
    return ranks


_THRESHOLDS = [round((rank + 0.5) * 255 / (CELL * CELL)) for rank in _screen()]


def curve(grey: Image.Image) -> Image.Image:
    """The contrast curve before the screen, on a greyscale ("L") image."""
    stretched = _stretched(grey)
    low, high = TONES
    table = []
    for value in range(256):
        level = value / 255
        level += CONTRAST * (level * level * (3 - 2 * level) - level)
        table.append(0 if value <= PAPER[0] else 255 if value >= PAPER[1] else round(low + level * (high - low)))
    return stretched.point(table).filter(ImageFilter.UnsharpMask(radius=2, percent=60, threshold=2))


def _stretched(grey: Image.Image) -> Image.Image:
    """`grey` with its darkest and lightest CLIP_PERCENT made black and white (Pillow's
    autocontrast), a faded photo's greys spread over the whole range; a flat picture (FLAT) as
    it is, its greys the ones it was drawn with (a pale logo stretched printed solid black)."""
    counts = grey.histogram()
    common, share = FLAT
    if sum(sorted(counts)[-common:]) >= share * sum(counts):
        return grey
    return ImageOps.autocontrast(grey, cutoff=CLIP_PERCENT)


def screen(grey: Image.Image) -> Image.Image:
    """A greyscale ("L") image in black (0) and white (255) only, through the clustered-dot screen."""
    tile = Image.new("L", (CELL, CELL))
    tile.putdata(_THRESHOLDS)
    row = Image.new("L", (grey.width, CELL))
    for x in range(0, grey.width, CELL):
        row.paste(tile, (x, 0))
    thresholds = Image.new("L", grey.size)
    for y in range(0, grey.height, CELL):
        thresholds.paste(row, (0, y))
    # White where the picture is lighter than the threshold, black elsewhere.
    return ImageChops.subtract(grey, thresholds).point([0] + [255] * 255)


def halftone(image: Image.Image) -> Image.Image:
    """`image` (any mode, at the resolution it will print at) in pure black and white ("L", 0 and 255)."""
    return screen(curve(image.convert("L")))
