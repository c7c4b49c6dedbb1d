"""The paper `zine impose` prints a document on when not told (`--sheet`): its pages' family's.

US letter, half-letter and legal pages are printed on US letter; A-series pages on A4, as the
copy shops of A-series countries stock it; pages of any other size on A4, and the summary says
so, with the option that changes it (issue 22). Sizes: shared FACTS.md §3 (legal: ANSI, 8.5 ×
14 in). A page is of a family when each side is within CLOSE of one of its sizes, either way
up: a scan's pages are a few points off their paper (Adobe Scan writes US letter 608 pt wide).
The sheet chosen is recorded in the imposed file (SHEET_KEY), where `zine check` reads it.
"""

from __future__ import annotations

from builder.errors import BuildError
from builder.paper import A4, HALF_LETTER, LETTER, Size, parse

SHEET_KEY = "/zinesheet"
"""The PDF document-information key where `zine impose` records the sheet it imposed on, the way
up it is printed ("279.4x215.9mm": `recorded_sheet`), for a standalone `zine check` (issue 22)."""

US: dict[str, Size] = {"US letter": LETTER, "US half-letter": HALF_LETTER, "US legal": Size(215.9, 355.6)}
"""The US paper sizes, portrait: their pages are printed on US letter."""
A_SERIES: dict[str, Size] = {f"A{n}": Size(width, height) for n, (width, height) in enumerate(
    [(841, 1189), (594, 841), (420, 594), (297, 420), (210, 297), (148, 210), (105, 148), (74, 105), (52, 74),
     (37, 52), (26, 37)])}
"""ISO 216's A0 to A10, portrait (mm)."""
CLOSE = 0.02
"""How far, as a share of each side, a page may be from a size and still be of its family."""


def sheet(page: Size) -> tuple[Size, str]:
    """The sheet for pages of `page` (portrait), and the summary's line on it ("" for A-series pages on A4)."""
    if _named(page, US):
        return LETTER, f"paper: US letter, for pages of {_named(page, US)} (--sheet A4 for A4)"
    if _named(page, A_SERIES):
        return A4, ""
    return A4, f"paper: A4, the default: pages of {page} are neither A-series nor US paper (--sheet letter for " \
               "US letter, or --sheet WxHmm)"


def _named(page: Size, family: dict[str, Size]) -> str:
    """The name of the size of `family` that `page` is close to, either way up; "" if none."""
    shown = page.portrait
    for name, size in family.items():
        if abs(shown.width / size.width - 1) <= CLOSE and abs(shown.height / size.height - 1) <= CLOSE:
            return name
    return ""


def sheet_record(sheet: Size) -> str:
    """What `zine impose` records under SHEET_KEY for `sheet` (mm, the way up it is printed): "297x210mm"."""
    return f"{sheet.width:g}x{sheet.height:g}mm"


def recorded_sheet(text: str | None) -> Size | None:
    """The sheet `zine impose` recorded (`sheet_record`); None when none, or not a size."""
    try:
        return parse(text) if text else None
    except BuildError:
        return None
