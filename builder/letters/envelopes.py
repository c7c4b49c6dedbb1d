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
    """Where the recipient's address block sits: inside the window, the letter folded and posted."""
    sender: tuple[float, float]
    """The sender's column, its left and right edges (mm): on the side the window leaves free."""

    @property
    def window_side(self) -> str:
        """"left" or "right": the half of the sheet the address block is on."""
        return "left" if self.address.left + self.address.width / 2 < self.paper.width / 2 else "right"


def through_window(paper: Size, fold: float, envelope: Size, window: Size, at: tuple[float, float],
                   inset: tuple[float, float]) -> Field:
    """The part of a letter's top panel that a window always shows, less `inset` (across, down).

    `envelope` and `window` are sizes as makers give them (width across, mm); the window is `at`
    mm from the envelope's left edge and from its **bottom** edge (FACTS.md §2b). The letter,
    folded at `fold` mm from its top, rests on the envelope's bottom, its top panel facing the
    window; it may slide across the envelope's width, so only what the window shows at both ends
    of that slide is kept.
    """
    slack = envelope.width - paper.width
    resting = envelope.height - fold  # the letter's top edge, mm below the envelope's top edge
    from_left, from_bottom = at
    top = envelope.height - from_bottom - window.height - resting
    right = from_left + window.width - slack
    across, down = inset
    return Field(round(from_left + across, 1), round(top + down, 1),
                 round(right - from_left - 2 * across, 1), round(window.height - 2 * down, 1))


_AGREED = Field(110, 45, 85, 35)
"""FACTS.md §2: the recipient field on A4 where KOMA-Script's NF.lco (100–200 mm across, 35–80 mm
down) and a French mailing house (110 mm from the left, 55 mm from the top, 85 × 33 mm) agree."""
_A4_SENDER = (20, 105)
"""From the pack's left text margin (letters-pack.css) to 5 mm short of the address field."""
_THIRD = round(LETTER.height / 3, 1)
"""A US letter folded in three: 93.1 mm panels (FACTS.md §2b)."""

ENVELOPES: dict[str, Envelope] = {
    # A4 in three, folds at 99 and 198 mm (NF setting of KOMA's NF.lco), window on the right (FACTS.md §2).
    "DL": Envelope("DL", A4, (99, 198), _AGREED, _A4_SENDER),
    # A4 folded once in half (148.5 mm: arithmetic). The address field is DL's: FACTS.md §2 gives
    # the A4 field, which lies on the top half; that C5 window envelopes show it is our assumption.
    "C5": Envelope("C5", A4, (A4.height / 2,), _AGREED, _A4_SENDER),
    # US letter in three, window on the left (FACTS.md §2b): envelope 241.3 × 104.8 mm, window
    # 114.3 × 28.6 mm, 22.2 mm from the left and 12.7 mm from the bottom. The insets (3 mm across,
    # 1.5 mm down) and the sender's column (from 3.5 mm past the window's reach, 136.5 mm, to the
    # right text margin, 200.9 mm) are ours.
    "#10": Envelope("#10", LETTER, (_THIRD, round(2 * LETTER.height / 3, 1)),
                    through_window(LETTER, _THIRD, Size(241.3, 104.8), Size(114.3, 28.6), (22.2, 12.7), (3, 1.5)),
                    (140, 200.9)),
}
"""The envelopes a letter pack is laid out for, by the name the manifest's `envelope` takes."""

DEFAULTS: dict[Size, str] = {A4: "DL", LETTER: "#10"}
"""The envelope of a pack on each paper when the manifest names none (paper.PAPERS)."""


def of(format: Format) -> Envelope:
    """The envelope the letter pack of a zine in `format` is laid out for: the one its manifest
    names (Format.envelope), else the usual one of its paper (DEFAULTS)."""
    return ENVELOPES[format.envelope or DEFAULTS[format.paper]]
