"""Window envelopes as data: the paper a letter of the pack is printed on, where it folds, and
where its recipient's address must sit to show through the window (issue 22).

Every length is in mm on the unfolded sheet, from its top-left corner. Sources: shared FACTS.md
§2 (A4, the DL envelope, the French NF setting) and §2b (US letter, the #10 envelope). The pack's
template (templates/letters.html) writes these values as CSS custom properties for
letters-pack.css; the manifest's `paper` and `envelope` choose among them (content.manifest).
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.paper import A4, LETTER, Format, Size


@dataclass(frozen=True)
class Field:
    """A rectangle on the letter: its left and top edges (mm from the sheet's top-left corner),
    its width and height (mm)."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return round(self.left + self.width, 2)

    @property
    def bottom(self) -> float:
        return round(self.top + self.height, 2)


@dataclass(frozen=True)
class Envelope:
    """A window envelope and the letter that goes in it."""

    name: str
    """As the manifest's `envelope` writes it: "DL", "C5", "#10"."""
    paper: Size
    """The letter's sheet (portrait): the only paper this envelope takes folded as `folds` say."""
    folds: tuple[float, ...]
    """The folds, mm from the sheet's top: the fold marks printed in the left margin."""
    address: Field
    """Where the recipient's address block sits: what the window shows of the letter folded and
    posted, resting at the bottom of the envelope (through_window). An address taller than this
    is warned about (letters.fit.LetterFit)."""
    seen: Field
    """All the window may show of the letter as it slides: nothing but the address goes there (the
    place and date go under it: letters-pack.css)."""
    sender: tuple[float, float]
    """The sender's column, its left and right edges (mm): on the side the window leaves free."""

    @property
    def facts(self) -> str:
        """The section of shared FACTS.md its measures come from: §2 (A4), §2b (US letter)."""
        return "§2b" if self.paper == LETTER else "§2"

    @property
    def window_side(self) -> str:
        """"left" or "right": the half of the sheet the address block is on."""
        return "left" if self.address.left + self.address.width / 2 < self.paper.width / 2 else "right"


def through_window(paper: Size, fold: float, envelope: Size, window: Size, at: tuple[float, float],
                   inset: tuple[float, float]) -> Field:
    """The part of a letter's top panel that a window shows, less `inset` (across, down).

    `envelope` and `window` are sizes as makers give them (width across, mm); the window is `at`
    mm from the envelope's left edge and from its **bottom** edge (FACTS.md §2b). The letter,
    folded at `fold` mm from its top, its top panel facing the window, may slide across the
    envelope's width (envelope width less paper width): what the window shows at both ends of
    that slide is kept. Down, the folded letter rests on the envelope's bottom (its top `envelope
    height − fold` mm under the envelope's), the position address blocks are laid out for (ours,
    as the DL field is the sources' own, not a window's). Kept instead only what it shows when the
    letter is pushed up too, a #10 window leaves 13.9 mm: less than the three lines of a handwritten
    address, which every US letter would then be warned about (issue 22 review). `window_reach`
    keeps everything else out of the window wherever the letter slides.
    """
    left, right, top, bottom = _reach(paper, fold, envelope, window, at)[0]
    across, down = inset
    return Field(round(left + across, 1), round(top + down, 1),
                 round(right - left - 2 * across, 1), round(bottom - top - 2 * down, 1))


def window_reach(paper: Size, fold: float, envelope: Size, window: Size, at: tuple[float, float]) -> Field:
    """All that a window may show of the letter, wherever it slides (the arguments of
    `through_window`), cut to the sheet: what must hold nothing but the address (mm)."""
    left, right, top, bottom = _reach(paper, fold, envelope, window, at)[1]
    left, right = max(left, 0), min(right, paper.width)
    return Field(round(left, 1), round(top, 1), round(right - left, 1), round(bottom - top, 1))


Edges = tuple[float, float, float, float]


def _reach(paper: Size, fold: float, envelope: Size, window: Size, at: tuple[float, float]) -> tuple[Edges, Edges]:
    """The window's left, right, top and bottom edges on the letter (mm from its top-left corner):
    shown in every position across with the letter resting at the envelope's bottom, then in any
    position."""
    slide_across, slide_up = envelope.width - paper.width, envelope.height - fold
    from_left, from_bottom = at
    # The window on the envelope, mm from its top-left corner; the letter's top-left corner lies
    # 0 to slide_across right of the envelope's and 0 to slide_up below its top.
    left, right = from_left, from_left + window.width
    top = envelope.height - from_bottom - window.height
    bottom = top + window.height
    always = (left, right - slide_across, top - slide_up, bottom - slide_up)
    ever = (left - slide_across, right, top - slide_up, bottom)
    return always, ever


_AGREED = Field(110, 45, 85, 35)
"""FACTS.md §2: the recipient field on A4 where KOMA-Script's NF.lco (100–200 mm across, 35–80 mm
down) and a French mailing house (110 mm from the left, 55 mm from the top, 85 × 33 mm) agree.
The sources give the field, not the DL window: the field is taken as what the window both always
and at most shows."""
_A4_SENDER = (20, 105)
"""From the pack's left text margin (letters-pack.css) to 5 mm short of the address field."""
_THIRD = round(LETTER.height / 3, 1)
"""A US letter folded in three: 93.1 mm panels (FACTS.md §2b)."""
_NUMBER_10 = (LETTER, _THIRD, Size(241.3, 104.8), Size(114.3, 28.6), (22.2, 12.7))
"""FACTS.md §2b: US letter folded at 93.1 mm in a 241.3 × 104.8 mm envelope; its window 114.3 ×
28.6 mm, 22.2 mm from the envelope's left edge and 12.7 mm from its bottom. The letter slides
25.4 mm across and 11.7 mm up: resting on the envelope's bottom, it shows 22.2–111.1 mm across
and 51.8–80.4 mm down through the window, and may show 0–136.5 mm across, 51.8–92.1 mm down
(through_window, window_reach)."""

ENVELOPES: dict[str, Envelope] = {
    # A4 in three, folds at 99 and 198 mm (NF setting of KOMA's NF.lco), window on the right (FACTS.md §2).
    "DL": Envelope("DL", A4, (99, 198), _AGREED, _AGREED, _A4_SENDER),
    # A4 folded once in half (148.5 mm: arithmetic). The address field is DL's: FACTS.md §2 gives
    # the A4 field, which lies on the top half; that C5 window envelopes show it is our assumption.
    "C5": Envelope("C5", A4, (A4.height / 2,), _AGREED, _AGREED, _A4_SENDER),
    # US letter in three, window on the left (FACTS.md §2b, _NUMBER_10). The address is what the
    # window shows less 3 mm across and 1.5 mm down each side (ours: windows vary by maker):
    # 25.2–108.1 mm across, 53.3–78.9 mm down, three handwritten lines. The sender's column,
    # from 3.5 mm past the window's reach (136.5 mm) to the right text margin (200.9 mm), is ours.
    "#10": Envelope("#10", LETTER, (_THIRD, round(2 * LETTER.height / 3, 1)), through_window(*_NUMBER_10, (3, 1.5)),
                    window_reach(*_NUMBER_10), (140, 200.9)),
}
"""The envelopes a letter pack is laid out for, by the name the manifest's `envelope` takes."""

DEFAULTS: dict[Size, str] = {A4: "DL", LETTER: "#10"}
"""The envelope of a pack on each paper when the manifest names none (paper.PAPERS)."""


def of(format: Format) -> Envelope:
    """The envelope the letter pack of a zine in `format` is laid out for: the one its manifest
    names (Format.envelope), else the usual one of its paper (DEFAULTS)."""
    return ENVELOPES[format.envelope or DEFAULTS[format.paper]]
