"""The duplex test sheet: one sheet whose back tells, in words, which flip setting the copier used.

How to print: copy both sides of it once, recto-verso, at 100 %, with the setting you mean to
use for the booklet. Turn the copy over the way the booklet's pages turn (like a book page,
about its left or right edge; or like a calendar page, about its top edge, for a booklet bound
on its top) and read the back: the upright message says the setting is right; if the back is
upside down, its own message (printed upside down) says what to change. Drivers name the
settings inconsistently (FACTS.md §3), so the sheet names both, in French and in English.

Each duplex layout has its own sheet: the way up of its paper, the edge its backs are laid out
to flip on, and the way its pages turn (its Layout's way, flip and binding).
"""

from __future__ import annotations

from builder.errors import BuildError
from builder.imposition import FLIPS, Imposition, Label, Line, Mark, Sheet, Side, turned
from builder.imposition.layout import Layout
from builder.imposition.layouts import saddle
from builder.paper import Size

TITLE = "Feuille d’essai recto-verso / Duplex test sheet"
LANG = "fr"
"""The sheet's language: French first (the collectives who copy the zines read French), English after."""
EDGES = {"short": ("COURT", "court", "SHORT"), "long": ("LONG", "long", "LONG")}
"""Each edge in French capitals, in French, in English capitals."""
TURNS = {"side": ("comme la page d’un livre (bord gauche ou droit)", "like a book page (left or right edge)"),
         "top": ("comme une page de calendrier (par le haut)", "like a calendar page (about its top edge)")}


Words = tuple[tuple[int, str], ...]
"""Lines of the sheet: each a size in points and its text."""


def layout(sheet: Size, of: Layout = saddle.LAYOUT) -> Imposition:
    """One sheet of `of`'s (turned its way), front and back, with words and arrows and no source pages:
    right when the copier flips on `of`'s edge and the copy is turned over as its pages turn.

    Raises BuildError for a layout printed on one side only.
    """
    if of.flip is None:
        raise BuildError(None, f"--test-sheet: a {of.name} sheet is printed on one side only")
    sheet = of.sheet(sheet)
    arrow_x = sheet.width - 25
    front = (_lines(_front(of.binding), 20, sheet.height - 30) + _arrow(arrow_x, sheet.height / 2, "TOP / HAUT")
             + _ruler(20, 30))
    # Turned over, the back's left edge is behind the front's right edge (about a vertical axis)
    # or its top behind the front's bottom (about a horizontal one): the arrow stays behind the arrow.
    arrow_back = (sheet.width - arrow_x, sheet.height / 2) if of.binding == "side" else (arrow_x, sheet.height / 2)
    right, wrong = _back(of.flip)
    back = (_lines(right, 45, sheet.height / 2 - 12)
            + turned(Side((), _lines(wrong, 45, sheet.height / 2 - 12)), sheet, sheet).marks
            + _arrow(*arrow_back, "TOP / HAUT"))
    return Imposition(sheet=sheet, page=sheet, sheets=(Sheet(Side((), front), Side((), back)),), blanks=(),
                      flip=of.flip, binding=of.binding)


def _front(binding: str) -> Words:
    """What to do: copy, turn over as the booklet's pages turn, read the back."""
    turn, turn_english = TURNS[binding]
    return (
        (26, "FEUILLE D’ESSAI : RECTO"), (16, "TEST SHEET: FRONT"),
        (13, "1. Photocopiez cette feuille recto-verso, à 100 %,"),
        (13, "    avec le réglage prévu pour le livret."),
        (13, f"2. Retournez la copie {turn}."),
        (13, "3. Lisez le verso : il dit si le réglage est le bon."),
        (11, "Copy this sheet duplex, at 100 %, with the setting you mean to use;"),
        (11, f"turn the copy over {turn_english}, and read the back."),
    )


def _back(flip: str) -> tuple[Words, Words]:
    """The back's two messages: upright when the copier flipped on `flip`, and upside down when not."""
    other = next(edge for edge in FLIPS if edge != flip)
    (caps, word, english), (other_caps, _, other_english) = EDGES[flip], EDGES[other]
    right = (
        (24, "VERSO À L’ENDROIT :"), (24, "LE RÉGLAGE EST BON"),
        (13, f"La machine retourne sur le bord {caps}, comme il faut"),
        (13, f"pour ce livret (« retourner sur le bord {word} »)."),
        (11, "Back upright: the setting is right, the copier flips on the"),
        (11, f"{english} edge (zine impose --flip {flip}). The arrows agree."),
    )
    wrong = (
        (24, "VERSO À L’ENVERS :"), (24, "CHANGEZ LE RÉGLAGE"),
        (13, f"La machine a retourné sur le bord {other_caps}. Choisissez"),
        (13, f"« retourner sur le bord {word} », ou imposez avec"),
        (13, f"zine impose --flip {other} (chaque verso tourné)."),
        (11, f"Back upside down: the copier flipped on the {other_english} edge;"),
        (11, f"set it to the {english} edge, or impose with --flip {other}."),
    )
    return right, wrong


def _lines(lines: Words, x: float, top: float) -> tuple[Mark, ...]:
    marks: list[Mark] = []
    y = top
    for size, text in lines:
        marks.append(Label(text, x, y, size))
        y -= size * 0.55 + 3  # about one and a half lines, in mm, for a size in points
    return tuple(marks)


def _arrow(x: float, y: float, word: str) -> tuple[Mark, ...]:
    """A thick arrow pointing to the top of the sheet, with a word under it."""
    return (Line(x, y - 30, x, y + 30, 3), Line(x - 8, y + 20, x, y + 30, 3), Line(x + 8, y + 20, x, y + 30, 3),
            Label(word, x - 10, y - 38, 10))


def _ruler(x: float, y: float) -> tuple[Mark, ...]:
    """A 100 mm line to measure: copiers set to « ajuster à la page » shrink it."""
    return (Line(x, y, x + 100, y, 1), Line(x, y - 3, x, y + 3, 1), Line(x + 100, y - 3, x + 100, y + 3, 1),
            Label("Cette ligne mesure 100 mm à 100 % / This line is 100 mm long when copied at 100 %",
                  x, y + 6, 10))
