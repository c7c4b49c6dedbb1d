"""Imposition as data: a layout says which source page goes where on which side of which sheet.

Each layout module (saddle, topbound, copycutfold, onepagezine, testsheet) is a pure function
from a page count and sizes to an `Imposition`; the PDF engine (`builder.pdf.write`) applies any
of them without knowing which. Positions are in millimetres from the sheet's lower-left corner,
as a printer measures them. Marks (fold ticks, staple positions, the test sheet's words) are data
too. A page larger than its place is scaled to fit it (`fit`) when the caller allows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from builder.errors import BuildError
from builder.paper import Size

BLANKS = ("before-back", "end")
FLIPS = ("short", "long")
FEEDS = ("top", "bottom")
"""Which sheet of the stack in its tray a printer takes first (manual duplex, `Imposition.fronts_backs`)."""
SCALINGS = ("none", "down", "up")
"""How pages meet their place: never scaled (`zine build`: a reading edition of the wrong size is
a bug), scaled down when larger (`zine impose`'s default), or scaled to fill it either way."""
MARK_GAP, MARK_LENGTH, MARK_ROOM = 2.0, 5.0, 5.0
"""A tick starts 2 mm off the pages and is up to 5 mm long; it needs a margin of 5 mm."""


Box = tuple[float, float, float, float]


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
    clip: Box | None = None
    """Left, bottom, right, top in mm: the part of the sheet the page may draw on, if not all."""


@dataclass(frozen=True)
class Line:
    """A mark: a straight line on the sheet, in millimetres, `width` points thick."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5


@dataclass(frozen=True)
class Label:
    """Words printed on the sheet (in an embedded font, builder.fonts): their baseline starts at x, y."""

    text: str
    x: float
    y: float
    size: float = 12.0
    """Points."""
    rotation: int = 0
    """0 or 180 (upside down, reading from right to left on the sheet)."""


Mark = Line | Label


@dataclass(frozen=True)
class Side:
    """What is printed on one side of a sheet: pages, then marks over them."""

    slots: tuple[Slot, ...]
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """One sheet of paper: what is printed on its front and, if duplex, on its back."""

    front: Side
    """Printed first; on the outside of the folded booklet for its outermost sheet."""
    back: Side | None
    """None when the sheet is printed on one side only (a one-page zine)."""


@dataclass(frozen=True)
class Imposition:
    """A complete plan: the sheet size, the page size (once scaled), and every sheet in printing order."""

    sheet: Size
    page: Size
    sheets: tuple[Sheet, ...]
    blanks: tuple[int, ...]
    """1-based positions, in reading order of the folded booklet, of the blank pages added."""
    sections: int = 1
    """Booklets folded separately and bound together (1 for a single booklet)."""
    flip: str = "short"
    """The duplex edge the backs are laid out for (FLIPS); meaningless when printed one-sided."""
    scale: float = 1.0
    """What the source pages are scaled by to take their place: `page` is their size once scaled."""
    binding: str = "side"
    """Which edge of the folded booklet the fold is: "side" (turned like a book) or "top" (like a calendar)."""
    direction: str = "ltr"
    """"rtl": the sheets are mirrored (`mirrored`), the booklet bound on its right edge (issue 22)."""

    @property
    def sides(self) -> tuple[Side, ...]:
        """Every side in the order a duplex printer prints them: front, back, front, back…"""
        return tuple(side for sheet in self.sheets for side in (sheet.front, sheet.back) if side is not None)

    @property
    def duplex(self) -> bool:
        return any(sheet.back is not None for sheet in self.sheets)

    @property
    def positions(self) -> int:
        """Page positions on all sides, blanks included."""
        return sum(len(side.slots) for side in self.sides)

    def fronts_backs(self, feed: str = "top") -> tuple[tuple[Side, ...], tuple[Side, ...]]:
        """Sides for manual duplex: every front in order, then every back in the order `feed` needs.

        Most printers stack their output face down, first sheet at the bottom. Put back in the
        tray as it came out, turned over, the stack has the last sheet on top: a tray that feeds
        the top sheet first ("top") needs the backs last sheet first, one that feeds the bottom
        sheet first ("bottom") needs them first sheet first.
        """
        if feed not in FEEDS:
            raise BuildError(None, f"--fronts-backs must be one of {', '.join(FEEDS)}, not {feed!r}")
        backs = [sheet.back for sheet in self.sheets if sheet.back is not None]
        return tuple(sheet.front for sheet in self.sheets), tuple(backs[::-1] if feed == "top" else backs)


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


def placed(page: Size, rotation: int) -> Size:
    """The size a page takes on the sheet once turned."""
    return page if rotation % 180 == 0 else Size(page.height, page.width)


def turned(side: Side, sheet: Size, page: Size) -> Side:
    """The same side turned 180° on the sheet (back sides for flip-on-long-edge duplex)."""
    def box(b: Box | None) -> Box | None:
        if b is None:
            return None
        return sheet.width - b[2], sheet.height - b[3], sheet.width - b[0], sheet.height - b[1]

    slots = tuple(Slot(slot.page, sheet.width - slot.x - placed(page, slot.rotation).width,
                       sheet.height - slot.y - placed(page, slot.rotation).height, (slot.rotation + 180) % 360,
                       box(slot.clip))
                  for slot in side.slots)
    marks: tuple[Line | Label, ...] = tuple(
        Line(sheet.width - m.x0, sheet.height - m.y0, sheet.width - m.x1, sheet.height - m.y1, m.width)
        if isinstance(m, Line) else
        Label(m.text, sheet.width - m.x, sheet.height - m.y, m.size, (m.rotation + 180) % 360)
        for m in side.marks)
    return Side(slots, marks)


def mirrored(plan: Imposition) -> Imposition:
    """`plan` with every side mirrored left to right: a booklet bound on the right (a right-to-left
    zine, issue 22). Page 1 goes from the right half of the first sheet's front to the left half,
    the spreads run the other way; the pages themselves are not mirrored, nor the words of marks.
    A page keeps the page behind it: the backs are read turning the sheet about the same axis."""
    width = plan.sheet.width

    def side(face: Side) -> Side:
        slots = tuple(Slot(slot.page, width - slot.x - placed(plan.page, slot.rotation).width, slot.y,
                           slot.rotation, slot.clip and (width - slot.clip[2], slot.clip[1], width - slot.clip[0],
                                                         slot.clip[3]))
                      for slot in face.slots)
        marks = tuple(Line(width - m.x1, m.y1, width - m.x0, m.y0, m.width) if isinstance(m, Line) else m
                      for m in face.marks)
        return Side(slots, marks)

    sheets = tuple(Sheet(side(s.front), side(s.back) if s.back else None) for s in plan.sheets)
    return replace(plan, sheets=sheets, direction="rtl")


def ticks(slots: Iterable[Slot], page: Size, sheet: Size, *, xs: Iterable[float] = (),
          ys: Iterable[float] = ()) -> tuple[Line, ...]:
    """Ticks in the margin: above and below the pages at each x, left and right of them at each y."""
    boxes = [(s.x, s.y, s.x + placed(page, s.rotation).width, s.y + placed(page, s.rotation).height)
             for s in slots]
    left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
    xs, ys = tuple(xs), tuple(ys)
    room = min(([bottom, sheet.height - top] if xs else []) + ([left, sheet.width - right] if ys else []))
    if room < MARK_ROOM:
        raise BuildError(None, f"no room for --marks: the pages come {max(room, 0):.4g} mm from the sheet's "
                               f"edge, marks need {MARK_ROOM:g} mm (choose a larger --sheet)")
    size = min(MARK_LENGTH, room - MARK_GAP)
    return tuple(
        [line for x in xs for line in (Line(x, bottom - MARK_GAP, x, bottom - MARK_GAP - size),
                                       Line(x, top + MARK_GAP, x, top + MARK_GAP + size))]
        + [line for y in ys for line in (Line(left - MARK_GAP, y, left - MARK_GAP - size, y),
                                         Line(right + MARK_GAP, y, right + MARK_GAP + size, y))])


def fit(page: Size, room: Size, scaling: str, place: str) -> tuple[Size, float]:
    """The size a page takes in `room` (its place on the sheet, which `place` names), and the
    factor it is scaled by to get there.

    A page within paper.TOLERANCE of its room is taken as it is (producers round sizes); a larger
    one is scaled down to fit unless `scaling` is "none", which refuses it; a smaller one keeps
    its size unless `scaling` is "up".
    """
    if scaling not in SCALINGS:
        raise BuildError(None, f"scaling must be one of {', '.join(SCALINGS)}, not {scaling!r}")
    factor = min(room.width / page.width, room.height / page.height)
    if page.within(room) and (factor <= 1 or scaling != "up"):
        return page, 1.0
    if scaling == "none" and factor < 1:
        raise BuildError(None, f"pages of {page} do not fit {place} at 100 %: choose a larger --sheet")
    return page.scaled(factor), factor
