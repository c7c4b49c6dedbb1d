"""How wide a picture prints, for the format's text area (issue 12, item 2): never wider than the
column, never taller than the page's text area less its caption, its aspect kept.

`width(asked, pixels, column, height, full)` reads a `width` attribute (a share of the column or a
length), else the picture's own size at CSS_DPI; `reserve(caption, column)` is the height a
caption may take. Every length is in mm; the areas come from `paper.Format.text_block`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from builder.paper import Size

CSS_DPI = 96
"""CSS pixels per inch: a picture with no width asked for prints at its pixels at this size."""
CAPTION_PT, CAPTION_LEADING, CAPTION_GAP_MM, FIGURE_MARGINS_MM = 12 * 0.88, 1.3, 2.0, 7.0
"""An upper bound of a caption's type size (0.88 em of the largest body, 12 pt), its leading, the
gap above it, and a figure's vertical margins: the height kept free for them (reserve)."""
PT = 25.4 / 72
"""One point, in mm."""
COVER_MM = {"A5": 40.0, "A6": 26.0, "A4": 56.0, "half-letter": 40.0}
"""The width of the cover picture's box (`.cover-mark`) in the shipped stylesheets, by format
(zine.css, zine-a6.css, zine-a4.css): the cover is resampled or halftoned for it."""
LOW_DPI = 150
"""Under this many pixels an inch at its printed size, a picture prints blurred or in visible
squares (issue 21, item 5); 300 is all it needs (shared FACTS.md §5)."""


@dataclass(frozen=True)
class Area:
    """Where a picture may go: the column's width and the page's text-area height, in mm."""

    width: float
    height: float

    @classmethod
    def of(cls, size: Size) -> Area:
        return cls(size.width, size.height)


def reserve(caption: str, column: float) -> float:
    """The height in mm a caption may take in a `column` mm wide, at most (a generous estimate:
    0.55 em a character)."""
    size = CAPTION_PT * PT
    lines = max(1, math.ceil(len(caption) * 0.55 * size / column))
    return lines * size * CAPTION_LEADING + CAPTION_GAP_MM


def width(asked: str | None, pixels: tuple[int, int] | None, column: float, height: float,
          full: bool) -> float | None:
    """The printed width in mm: what was asked (a share of the column, a length), else the
    picture's own size (all of the column for a full-page one), within the column and, through
    its aspect, within `height`; rounded down to a tenth of a millimetre. None for a picture
    whose size is unknown and that asks for none."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(%|mm|cm|in)", asked or "")
    if match:
        value, unit = float(match.group(1)), match.group(2)
        wanted = column * value / 100 if unit == "%" else value * {"mm": 1.0, "cm": 10.0, "in": 25.4}[unit]
    elif full:
        wanted = column
    elif pixels is not None:
        wanted = pixels[0] / CSS_DPI * 25.4
    else:
        return None
    if pixels is None:
        return math.floor(min(wanted, column) * 10) / 10
    return math.floor(min(wanted, column, max(height, 10.0) * pixels[0] / pixels[1]) * 10) / 10


def low_resolution(name: str, pixels: tuple[int, int], width: float) -> str | None:
    """The warning for picture `name` of `pixels` printed `width` mm wide under LOW_DPI: its
    resolution there, the pixels 300 dpi needs and the widest it prints at LOW_DPI; None above."""
    dpi = pixels[0] / (width / 25.4)
    if dpi >= LOW_DPI:
        return None
    needed = round(width / 25.4 * 300)
    widest = math.floor(pixels[0] / LOW_DPI * 25.4)
    return (f"{name} is {pixels[0]} × {pixels[1]} px printed {width:.0f} mm wide: {dpi:.0f} dpi, under "
            f"{LOW_DPI}; for 300 dpi it needs {needed} px wide (a larger file), or print it at most "
            f"{widest} mm wide ({{width={widest}mm}})")
