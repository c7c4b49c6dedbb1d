"""Paper and page sizes, in millimetres: the named formats, "WxHmm", and what a zine is printed on.

Every size the Python code uses comes from here (DESIGN: page format is data). The templates
say the zine's page size to WeasyPrint from the `Format` below (an `@page` rule written by
zine.html and minizine.html); the build compares each laid-out document with it
(plan.Plan.require_size) and preflight every output, so a stylesheet that disagrees stops the
build, naming the templates.
Sizes are ISO 216 and ANSI (shared FACTS.md §3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from builder.errors import BuildError, one_of
from builder.render.margins import margins

if TYPE_CHECKING:
    from builder.imposition.layout import Layout

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
    def is_landscape(self) -> bool:
        """Wider than tall, by more than a producer's rounding."""
        return self.width > self.height + TOLERANCE

    def near(self, other: Size) -> bool:
        """Whether the two are the same size, within TOLERANCE each way."""
        return abs(self.width - other.width) <= TOLERANCE and abs(self.height - other.height) <= TOLERANCE

    def within(self, room: Size) -> bool:
        """Whether this size fits `room` as it is, allowing TOLERANCE each way."""
        return self.width <= room.width + TOLERANCE and self.height <= room.height + TOLERANCE

    def scaled(self, factor: float) -> Size:
        return Size(self.width * factor, self.height * factor)

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


TOLERANCE = 1.0
"""Millimetres two sizes may differ by and still be the same paper: producers round sizes to the
point (Google Docs writes A4 596 pt wide, 0.26 mm too wide; FACTS.md §3)."""
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
LETTER, HALF_LETTER = FORMATS["LETTER"], FORMATS["HALF-LETTER"]

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


def said(size: Size) -> str:
    """A size as a sentence in English names it: "US letter" (a bare "letter" reads as a letter), else `name`."""
    return "US letter" if size.portrait == LETTER else name(size)


@dataclass(frozen=True)
class Format:
    """What a zine is printed on: its page, the paper its booklet is imposed on, and how.

    The manifest's `format` picks one of ZINE_FORMATS (docs/en/writing.md, "The manifest"), its `paper`
    and `envelope` may change those two. The CSS page size (render.templating), the booklet's
    imposition (build), the print page and the summary (imposition.layout.printing), preflight's
    expected sizes, the letter pack and the mini-zine's sheet all read it; the build records it in
    each output's metadata (METADATA_KEY, `recorded`) so that a standalone `zine check` expects
    the same sizes. Sizes: shared FACTS.md §3.
    """

    name: str
    """What the manifest says: "A5", "A6", "A4", "half-letter"."""
    page: Size
    """The zine's page: the reading edition, and each page of the booklet."""
    sheet: Size
    """The booklet's paper (portrait): the booklet is imposed on it."""
    layout: str = "saddle"
    """The booklet's layout (imposition.layouts.LAYOUTS): "copycutfold" for A6, two copies a side
    printed and cut in half across (FACTS.md §3, pdfimpose's name); "saddle", one spread a side."""
    paper: Size = A4
    """The everyday sheet of the format's paper family (FACTS.md §3): A4 in the ISO A series, US
    letter in the US one. The letter pack and the mini-zine are printed on it; the manifest's
    `paper` chooses the other (PAPERS, issue 22). The booklet keeps `sheet`."""
    envelope: str = ""
    """The window envelope the letter pack is laid out for (letters.envelopes.ENVELOPES), as the
    manifest's `envelope` names it; "": the usual one of `paper` (DL on A4, #10 on US letter)."""
    letter_stylesheet: str = "letters-a5.css"
    """The stylesheet of the letters inside the booklet (each also a page or a leaf to cut out,
    listed in the contents; they are in the pack too): its page margins, cut line and sizes for
    handwriting (templates/letters-booklet.css, issue 22)."""
    letter_pages: int = 1
    """Booklet pages a letter may take (letters/fit.py checks it): 1, a page; 2 on A6, a leaf, its
    front then its back (templates/letters-a6.css says why)."""
    stylesheet: str = ""
    """A stylesheet of the templates laid over zine.css for this format (margins, type sizes), if any."""

    @property
    def recorded(self) -> str:
        """What the build records in each output's metadata (METADATA_KEY): the format's name, then
        its paper when the manifest chose another ("A5 letter"), for a standalone `zine check`."""
        usual = ZINE_FORMATS[self.name].paper if self.name in ZINE_FORMATS else self.paper
        return self.name if self.paper == usual else f"{self.name} {name(self.paper)}"

    @property
    def booklet(self) -> Layout:
        """The booklet's layout: its way up, duplex edge, copies a side (imposition.layout.Layout)."""
        from builder.imposition.layouts import LAYOUTS  # the layouts are made of this module's sizes

        return LAYOUTS[self.layout]

    @property
    def booklet_sheet(self) -> Size:
        """The booklet's sheet the way up its layout prints it."""
        return self.booklet.sheet(self.sheet)

    @property
    def minizine_page(self) -> Size:
        """A page of the one-page mini-zine: an eighth of `paper`, 4 × 2 on its landscape side."""
        sheet = self.paper.landscape
        return Size(sheet.width / 4, sheet.height / 2)

    @property
    def text_block(self) -> Size:
        """The text area of a reading page with the shipped stylesheets (the page less its margins,
        the same on left and right pages): the most a picture may fill (pictures/resample.py)."""
        return self._inside(self.page, ("zine.css", self.stylesheet), ":right")

    @property
    def minizine_text_block(self) -> Size:
        """The text area of a mini-zine page with the shipped minizine.css."""
        return self._inside(self.minizine_page, ("minizine.css",))

    @staticmethod
    def _inside(page: Size, stylesheets: tuple[str, ...], pseudo: str = "") -> Size:
        """`page` less the margins the stylesheets give it (render.margins: read from the CSS, never copied)."""
        top, right, bottom, left = margins(stylesheets, pseudo)
        return Size(round(page.width - left - right, 2), round(page.height - top - bottom, 2))


ZINE_FORMATS: dict[str, Format] = {
    "A5": Format("A5", page=A5, sheet=A4),
    "A6": Format("A6", page=A6, sheet=A4, layout="copycutfold", stylesheet="zine-a6.css",
                 letter_stylesheet="letters-a6.css", letter_pages=2),
    "A4": Format("A4", page=A4, sheet=A3, stylesheet="zine-a4.css"),
    "half-letter": Format("half-letter", page=HALF_LETTER, sheet=LETTER, paper=LETTER,
                          stylesheet="zine-half-letter.css", letter_stylesheet="letters-half-letter.css"),
}
"""The formats a manifest may name, by that name (FACTS.md §3: A5 on A4 is the French brochure,
A6 the pocket booklet, half-letter the US "digest")."""
ZINE = ZINE_FORMATS["A5"]
"""The format of a zine whose manifest names none, and what a PDF without a recorded format is checked against."""
METADATA_KEY = "/zineformat"
"""The PDF document-information key where the build records a zine's format name (WeasyPrint
writes `<meta name="zineformat">` there, its name lower-cased and reduced to letters and digits)."""

PAPERS: dict[str, Size] = {"A4": A4, "letter": LETTER}
"""The everyday sheet of each paper family (Format.paper), by the name the manifest's `paper` takes."""


def recorded_format(text: str | None) -> Format:
    """The format a build recorded (Format.recorded: "A5", "A5 letter"); ZINE when none or unknown."""
    known, _, sheet = (text or "").partition(" ")
    format = next((format for format in ZINE_FORMATS.values() if format.name == known), ZINE)
    return replace(format, paper=PAPERS[sheet]) if format.name == known and sheet in PAPERS else format


def zine_format(text: str) -> Format:
    """The format the manifest names (any case: "a6"); else BuildError (errors.one_of, FORMAT_HINTS)."""
    return ZINE_FORMATS[one_of("format", text, ZINE_FORMATS, FORMAT_HINTS)]


FORMAT_HINTS = dict.fromkeys(("letter", "us letter", "us-letter", "digest"), "half-letter")
"""The format a name of its paper means: on US letter, half-letter (FACTS.md §3)."""
