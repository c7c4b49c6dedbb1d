"""Imposition as data: a layout says which source page goes where on which side of which sheet.

Each layout module (saddle, …) is a pure function from a page count and sizes to an
`Imposition`; the PDF engine (`builder.pdf.impose`) applies any of them without knowing which.
Positions are in millimetres from the sheet's lower-left corner, as a printer measures them.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.errors import BuildError
from builder.model import Size

BLANKS = ("before-back", "end")
FLIPS = ("short", "long")


@dataclass(frozen=True)
class Slot:
    """One page placed on one side of a sheet."""

    page: int | None
    """0-based index of the source page; None for a blank page (nothing is drawn)."""
    x: float
    """Millimetres from the sheet's left edge to the left edge of the placed page."""
    y: float
    """Millimetres from the sheet's bottom edge to the bottom edge of the placed page."""
    rotation: int = 0
    """Degrees counter-clockwise the page is turned: 0, 90, 180 or 270."""


Side = tuple[Slot, ...]


@dataclass(frozen=True)
class Sheet:
    """One sheet of paper: what is printed on its front and on its back."""

    front: Side
    back: Side


@dataclass(frozen=True)
class Imposition:
    """A complete plan: the sheet size, the page size, and every sheet in printing order."""

    sheet: Size
    page: Size
    sheets: tuple[Sheet, ...]
    blanks: tuple[int, ...]
    """1-based positions, in reading order of the folded booklet, of the blank pages added."""

    @property
    def sides(self) -> tuple[Side, ...]:
        """Every side in the order a duplex printer prints them: front, back, front, back…"""
        return tuple(side for sheet in self.sheets for side in (sheet.front, sheet.back))


def padded(pages: int, multiple: int, blanks: str) -> tuple[tuple[int | None, ...], tuple[int, ...]]:
    """Reading order with blanks (None) added up to a multiple, and the blanks' 1-based positions.

    `before-back` keeps the last page (the back cover) last and puts the blanks just before
    it; `end` appends them. A one-page document has no back cover: its blanks go at the end.
    """
    if pages < 1:
        raise BuildError(None, "nothing to impose: the document has no pages")
    if blanks not in BLANKS:
        raise BuildError(None, f"--blanks must be one of {', '.join(BLANKS)}, not {blanks!r}")
    count = -pages % multiple
    order: list[int | None] = list(range(pages))
    at = pages - 1 if blanks == "before-back" and pages > 1 else pages
    order[at:at] = [None] * count
    return tuple(order), tuple(range(at + 1, at + count + 1))


def turned(side: Side, sheet: Size, page: Size) -> Side:
    """The same side turned 180° on the sheet (back sides for flip-on-long-edge duplex)."""
    return tuple(
        Slot(slot.page, sheet.width - slot.x - _placed(page, slot).width,
             sheet.height - slot.y - _placed(page, slot).height, (slot.rotation + 180) % 360)
        for slot in side
    )


def _placed(page: Size, slot: Slot) -> Size:
    return page if slot.rotation in (0, 180) else Size(page.height, page.width)
