"""Paper and page sizes, in millimetres: the named formats, "WxHmm", and what a zine is printed on.

Every size the Python code uses comes from here (DESIGN: page format is data). The stylesheets
say the zine's page size to WeasyPrint (`@page` in templates/zine.css); the build compares each
laid-out document with the `Format` below (session.Batch.publish) and preflight every output,
so a stylesheet that disagrees stops the build, naming the templates.
Sizes are ISO 216 and ANSI (shared FACTS.md §3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.errors import BuildError

MM = 72 / 25.4
"""PostScript points per millimetre: PDF geometry is in points, print facts in millimetres."""


@dataclass(frozen=True)
class Size:
    """A width and a height in millimetres."""

    width: float
    height: float

    @property
    def landscape(self) -> Size:
        """The same size, its long side across."""
        return Size(max(self.width, self.height), min(self.width, self.height))

    @property
    def portrait(self) -> Size:
        """The same size, its long side up."""
        return Size(min(self.width, self.height), max(self.width, self.height))

    @property
    def points(self) -> tuple[float, float]:
        """Width and height in PostScript points (PDF units)."""
        return self.width * MM, self.height * MM

    @classmethod
    def from_points(cls, width: float, height: float) -> Size:
        """The size of a PDF box, rounded to a hundredth of a millimetre."""
        return cls(round(width / MM, 2), round(height / MM, 2))

    @classmethod
    def from_pixels(cls, width: float, height: float) -> Size:
        """The size of a CSS box (96 px to the inch), rounded to a hundredth of a millimetre."""
        return cls(round(width / PX_PER_MM, 2), round(height / PX_PER_MM, 2))

    def __str__(self) -> str:
        return f"{self.width:g} × {self.height:g} mm"


PX_PER_MM = 96 / 25.4
"""CSS pixels per millimetre: WeasyPrint's boxes are in CSS pixels."""

FORMATS: dict[str, Size] = {
    "A3": Size(297, 420),
    "A4": Size(210, 297),
    "A5": Size(148, 210),
    "A6": Size(105, 148),
    "A7": Size(74, 105),
    "LETTER": Size(215.9, 279.4),
    "HALF-LETTER": Size(139.7, 215.9),
}
"""Named sheet and page sizes, portrait, by their upper-case names."""
A3, A4, A5, A6, A7 = (FORMATS[name] for name in ("A3", "A4", "A5", "A6", "A7"))
LETTER = FORMATS["LETTER"]

_WXH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(?:mm)?\s*", re.IGNORECASE)
SMALLEST, LARGEST = 20, 2000
"""Millimetres: the range of a size given as WIDTHxHEIGHTmm."""


def parse(text: str) -> Size:
    """A size as a printer dialog names it: A4, a5, letter, half-letter, or 320x450mm.

    Raises BuildError naming what is accepted.
    """
    if text.strip().upper() in FORMATS:
        return FORMATS[text.strip().upper()]
    match = _WXH.fullmatch(text)
    if match and all(SMALLEST <= float(value) <= LARGEST for value in match.groups()):
        return Size(float(match[1]), float(match[2]))
    names = ", ".join(name if name.startswith("A") else name.lower() for name in FORMATS)
    raise BuildError(None, f"a sheet size is {names} or WIDTHxHEIGHTmm ({SMALLEST} to {LARGEST} mm), "
                           f"not {text!r}")


def name(size: Size) -> str:
    """A4 for 210 × 297 mm (either way up); the size itself when it has no name."""
    for known, format_size in FORMATS.items():
        if size.portrait == format_size:
            return known if known.startswith("A") else known.lower()
    return str(size)


@dataclass(frozen=True)
class Format:
    """What a zine is printed on: the one place that says A5 pages on A4 sheets.

    The build imposes on `sheet`, lays the letter pack out on `letters`, and preflight expects
    these sizes of the outputs; the booklet and the mini-zine use the sheet landscape.
    """

    page: Size
    """The zine's page: the reading edition, and each page of the booklet."""
    sheet: Size
    """The paper the booklet and the mini-zine are imposed on (portrait here; used landscape)."""
    letters: Size
    """The paper of the letter pack: A4 folds in three for a DL window envelope (FACTS.md §2)."""


ZINE = Format(page=A5, sheet=A4, letters=A4)
"""The format of every zine until the manifest can choose one."""
