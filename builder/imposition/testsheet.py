"""The duplex test sheet: one sheet whose back tells, in words, which flip setting the copier used.

How to print: copy both sides of it once, recto-verso, at 100 %, with the setting you mean to
use for the booklet. Turn the copy over like the page of a book (around its left or right
edge) and read the back: the upright message says the setting is right; if the back is upside
down, its own message (printed upside down) says what to change. Drivers name the settings
inconsistently (FACTS.md §3), so the sheet names both, in French and in English.
"""

from __future__ import annotations

from builder.imposition import Imposition, Label, Line, Mark, Sheet, Side, turned
from builder.paper import Size

# French first: the collectives who copy the zines read French; English follows, smaller.
FRONT = (
    (28, "FEUILLE D’ESSAI : RECTO  /  TEST SHEET: FRONT"),
    (13, "1. Photocopiez cette feuille recto-verso, à 100 %, avec le réglage prévu pour le livret."),
    (13, "2. Retournez la copie comme la page d’un livre, autour de son bord gauche ou droit."),
    (13, "3. Lisez le verso : il dit si le réglage convient aux livrets."),
    (11, "1. Copy this sheet recto-verso (duplex), at 100 %, with the setting you mean to use."),
    (11, "2. Turn the copy over like the page of a book, around its left or right edge."),
    (11, "3. Read the back: it says whether the setting is right for zine booklets."),
)
RIGHT = (
    (26, "VERSO À L’ENDROIT : LE RÉGLAGE EST BON"),
    (13, "La machine retourne sur le bord COURT, comme il faut pour les livrets (« retourner sur le bord court »)."),
    (11, "Back upright: the setting is right, the copier flips on the SHORT edge (zine impose --flip short)."),
    (11, "La flèche de ce côté est derrière celle du recto et pointe dans le même sens / the arrows agree."),
)
WRONG = (
    (26, "VERSO À L’ENVERS : CHANGEZ LE RÉGLAGE"),
    (13, "La machine a retourné sur le bord LONG. Choisissez « retourner sur le bord court »,"),
    (13, "ou imposez avec zine impose --flip long (chaque verso tourné), puis gardez ce réglage."),
    (11, "Back upside down: the copier flipped on the LONG edge; set it to the SHORT edge, or use --flip long."),
)


def layout(sheet: Size) -> Imposition:
    """One landscape sheet, front and back, with words and arrows and no source pages."""
    sheet = sheet.landscape
    arrow_x = sheet.width - 25
    front = _lines(FRONT, 20, sheet.height - 35) + _arrow(arrow_x, sheet.height / 2, "TOP / HAUT") + _ruler(20, 30)
    # Turned like a book page, the back's left edge is behind the front's right edge.
    back = (_lines(RIGHT, 45, sheet.height / 2 - 25)
            + turned(Side((), _lines(WRONG, 45, sheet.height / 2 - 25)), sheet, sheet).marks
            + _arrow(sheet.width - arrow_x, sheet.height / 2, "TOP / HAUT"))
    return Imposition(sheet=sheet, page=sheet, sheets=(Sheet(Side((), front), Side((), back)),), blanks=())


def _lines(lines: tuple[tuple[int, str], ...], x: float, top: float) -> tuple[Mark, ...]:
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
            Label("Cette ligne mesure 100 mm à 100 % / This line is 100 mm long when copied at 100 %", x, y + 6, 10))
