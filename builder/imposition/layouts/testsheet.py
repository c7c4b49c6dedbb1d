"""The duplex test sheet: one sheet whose back tells, in words, which flip setting the copier used.

How to print: copy both sides of it once, recto-verso, at 100 %, with the setting you mean to
use for the booklet. Turn the copy over the way the booklet's pages turn (like a book page,
about its left or right edge; or like a calendar page, about its top edge, for a booklet bound
on its top) and read the back: the upright message says the setting is right; if the back is
upside down, its own message (printed upside down) says what to change. Drivers name the
settings inconsistently (FACTS.md §3), so the sheet names the edge and the copier's own words
for the setting, in the language asked (`zine impose --lang`: each language's
typography.language.SheetWords, issue 22).

Each duplex layout has its own sheet: the way up of its paper, the edge its backs are laid out
to flip on, and the way its pages turn (its Layout's way, flip and binding).
"""

from __future__ import annotations

from builder.errors import BuildError
from builder.imposition import FLIPS, Imposition, Label, Line, Mark, Sheet, Side, turned
from builder.imposition.layout import Layout
from builder.imposition.layouts import saddle
from builder.paper import Size
from builder.typography.language import SheetWords, Words
from builder.typography.languages import ENGLISH

HEADING, BODY = 24, 13
"""Points: the back's two heading lines, and the lines under them (the front's heading is FRONT)."""
FRONT = 26
"""Points: the front's heading."""

Lines = tuple[tuple[int, str], ...]
"""Lines of the sheet: each a size in points and its text."""


def layout(sheet: Size, of: Layout = saddle.LAYOUT, words: Words = ENGLISH) -> Imposition:
    """One sheet of `of`'s (turned its way), front and back, in `words` (whose `test_sheet` must
    be set), with arrows and no source pages: right when the copier flips on `of`'s edge and
    the copy is turned over as its pages turn.

    Raises BuildError for a layout printed on one side only.
    """
    if of.flip is None:
        raise BuildError(None, f"--test-sheet: a {of.name} sheet is printed on one side only")
    assert words.test_sheet is not None, "zine impose --lang offers only languages with test-sheet words"
    own = words.test_sheet
    sheet = of.sheet(sheet)
    arrow_x = sheet.width - 25
    front = (_lines(_front(own, of.binding), 20, sheet.height - 30) + _arrow(arrow_x, sheet.height / 2, own.top)
             + _ruler(20, 30, own.ruler))
    # Turned over, the back's left edge is behind the front's right edge (about a vertical axis)
    # or its top behind the front's bottom (about a horizontal one): the arrow stays behind the arrow.
    arrow_back = (sheet.width - arrow_x, sheet.height / 2) if of.binding == "side" else (arrow_x, sheet.height / 2)
    right, wrong = _back(words, of.flip)
    back = (_lines(right, 45, sheet.height / 2 - 12)
            + turned(Side((), _lines(wrong, 45, sheet.height / 2 - 12)), sheet, sheet).marks
            + _arrow(*arrow_back, own.top))
    return Imposition(sheet=sheet, page=sheet, sheets=(Sheet(Side((), front), Side((), back)),), blanks=(),
                      flip=of.flip, binding=of.binding)


def _front(own: SheetWords, binding: str) -> Lines:
    """What to do: copy, turn over as the booklet's pages turn, read the back."""
    turn = own.turn_top if binding == "top" else own.turn_side
    return ((FRONT, own.front[0]), *((BODY, line.format(turn=turn)) for line in own.front[1:]))


def _back(words: Words, flip: str) -> tuple[Lines, Lines]:
    """The back's two messages: upright when the copier flipped on `flip`, and upside down when not."""
    assert words.test_sheet is not None
    own = words.test_sheet
    other = next(edge for edge in FLIPS if edge != flip)
    edges = {"short": own.short, "long": own.long}
    setting = words.flip_long if flip == "long" else words.flip_short
    fill = {"edge": edges[flip], "other": edges[other], "setting": setting, "flip": flip, "other_flip": other}
    return tuple((HEADING if n < 2 else BODY, line.format(**fill)) for n, line in enumerate(own.right)), \
        tuple((HEADING if n < 2 else BODY, line.format(**fill)) for n, line in enumerate(own.wrong))


def _lines(lines: Lines, x: float, top: float) -> tuple[Mark, ...]:
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


def _ruler(x: float, y: float, label: str) -> tuple[Mark, ...]:
    """A 100 mm line to measure, labelled `label`: copiers set to fit the page shrink it."""
    return (Line(x, y, x + 100, y, 1), Line(x, y - 3, x, y + 3, 1), Line(x + 100, y - 3, x + 100, y + 3, 1),
            Label(label, x, y + 6, 10))
