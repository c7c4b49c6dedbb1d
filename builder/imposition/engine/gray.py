"""One content stream's colour operators with exact RGB black set as DeviceGray black.

The instruction-level half of black.py (which walks a document's streams): DeviceRGB 0 0 0, set
by `rg`, `RG`, or by `cs`/`CS` then `sc`/`scn` (DeviceRGB, or a resource name standing for it),
becomes `0 g` / `0 G` (issue 22, item 4). Left as they are:

- CMYK black (`0 0 0 1 k`): the black ink alone already, for any colour detector; as DeviceGray
  it would print differently where it overprints (overprint mode 1 holds for DeviceCMYK only).
- The black of a stream whose resources name a /DefaultRGB (DeviceRGB then stands for that
  space, where 0 0 0 need not be neutral) or a /DefaultGray (`0 g` would not be device grey).

The colour space is state that later operators read: an `sc` (written as the `rg` it stands for
once its space was rewritten), and the streams that run in their caller's colour space, a form
XObject (`Do`) and a Type 3 glyph (d0), where an `sc` without a `cs` of its own reads it. The
rewrite never changes what they read: around such a stream, a space rewritten to DeviceGray is
set back (`/DeviceRGB cs`, whose initial colour is the black the source had set) and rewritten
again after it (`0 g`). A `cs` cannot simply be kept: it sets the colour too (DeviceRGB black),
so only the streams that read the space pay for it. A tiling pattern runs in the state its parent
stream began with (PDF Reference 1.7 §4.6.2), an annotation's appearance in the default state,
and a shading in a space of its own: none sees the rewrites of the stream that uses it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import pikepdf

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
Operand = pikepdf.Object | int | float | Decimal | pikepdf.Array
"""What a content-stream instruction holds: numbers, names, arrays (pikepdf's types)."""
Sides = frozenset[bool]
"""Colour-space states by stroke (True) or fill (False)."""
Reads = Callable[[str, object], Sides]
"""What the resource (category "/XObject", "/Font" or "/Pattern"; its name as an operand) reads of
the colour spaces it is drawn in: a form's or a Type 3 font's inherited sides (`Gray.inherits`)."""
GRAY, RGB, OTHER, INHERITED = "gray", "rgb", "other", "inherited"
"""What a colour space is to the rewrite: DeviceGray, DeviceRGB, any other, or the caller's."""
_BLACK = (0.0, 0.0, 0.0)
_SETS = {"g": (False, GRAY), "G": (True, GRAY), "rg": (False, RGB), "RG": (True, RGB),
         "k": (False, OTHER), "K": (True, OTHER)}
"""Operators that set a device colour: whether they set the stroke colour, and the space."""
_SPACES = {"cs": False, "CS": True}
_COLOURS = {"sc": False, "scn": False, "SC": True, "SCN": True}
_TEXT = frozenset(("Tj", "TJ", "'", '"'))
_READ = frozenset(("q", "Q", "Do", *_SETS, *_SPACES, *_COLOURS))
"""The operators the rewrite reads: those of colour, those that save and restore it, and those
that draw another stream (a form; a Type 3 font's glyphs, `Tf` then followed)."""
_DEFAULTS = ("/DefaultRGB", "/DefaultGray")


@dataclass(frozen=True)
class Gray:
    """A stream's rewrite: its instructions (None if unchanged), whether it set RGB black
    explicitly (not only by a `cs`), and the sides of its caller's colour space it reads."""

    instructions: list[Instruction] | None
    black: bool
    inherits: Sides


@dataclass
class _State:
    """The colour spaces in use (fill, stroke) as the source set them and as written (a rewritten
    black is DeviceGray), the current font's `Reads`, those saved by `q`, and what was done."""

    spaces: dict[bool, tuple[str, str]]
    rgb: str
    """What DeviceRGB is here: RGB, or OTHER under a Default colour space."""
    inherited: bool
    """The stream began in its caller's colour spaces (a form, a glyph)."""
    font: Sides = frozenset()
    saved: list[tuple[dict[bool, tuple[str, str]], Sides]] = field(default_factory=list)
    changed: bool = False
    black: bool = False
    inherits: set[bool] = field(default_factory=set)


def gray(instructions: list[Instruction], resources: pikepdf.Dictionary | None, initial: str,
         reads: Reads, *, type3: bool = False) -> Gray:
    """The rewrite of one stream's `instructions` (see the module), drawn with `resources`.

    `initial`: the colour space the stream starts in (a page's and an appearance's: GRAY; a form's,
    a glyph's: INHERITED); `type3`: whether `resources` hold a Type 3 font (only then are fonts
    followed: most text is in others). A Type 3 glyph whose colour is its text's (`d1`) is left as it is."""
    if instructions and str(instructions[0].operator) == "d1":
        return Gray(None, False, frozenset())  # its colour operators are ignored by viewers
    spaces = resources.get("/ColorSpace") if resources is not None else None
    defaults = isinstance(spaces, pikepdf.Dictionary) and any(name in spaces for name in _DEFAULTS)
    state = _State({False: (initial, initial), True: (initial, initial)}, OTHER if defaults else RGB,
                   initial == INHERITED)
    out, read = list[Instruction](), _READ | {"Tf"} if type3 else _READ
    for instruction in instructions:
        operator = str(instruction.operator)
        # Most operators draw text: their operands (a TJ's array) are read only when they must be.
        replaced = _instruction(instruction, operator, state, resources, reads) \
            if operator in read or (state.font and operator in _TEXT) else None
        if replaced is None:
            out.append(instruction)
        else:
            out.extend(replaced)
            state.changed = True
    return Gray(out if state.changed else None, state.black, frozenset(state.inherits))


def _instruction(instruction: Instruction, operator: str, state: _State, resources: pikepdf.Dictionary | None,
                 reads: Reads) -> list[Instruction] | None:
    """One operator: its replacement, or None to keep it as it is (`state` followed)."""
    if operator in _TEXT:  # in a Type 3 font that reads the colour spaces
        return _drawing(instruction, state.font, state)
    operands: list[Operand] = list(instruction.operands)
    if operator == "q":
        state.saved.append((dict(state.spaces), state.font))
    elif operator == "Q" and state.saved:
        state.spaces, state.font = state.saved.pop()
    elif operator == "Tf":
        state.font = reads("/Font", operands[0]) if operands else frozenset()
    elif operator == "Do":
        return _drawing(instruction, reads("/XObject", operands[0]) if operands else frozenset(), state)
    elif operator in _SETS:
        stroke, space = _SETS[operator]
        space = state.rgb if space == RGB else space
        black = _black(operands, stroke) if space == RGB else None
        state.spaces[stroke] = (space, GRAY if black else space)
        state.black = state.black or black is not None
        return black
    elif operator in _SPACES:
        stroke = _SPACES[operator]
        space = _space(operands[0] if operands else None, resources, state.rgb)
        # Setting DeviceRGB sets its initial colour, black: `0 g` says the same.
        black = _black(_BLACK, stroke) if space == RGB else None
        state.spaces[stroke] = (space, GRAY if black else space)
        return black
    elif operator in _COLOURS:
        if state.inherited and operands and isinstance(operands[-1], pikepdf.Name):
            state.inherits.update(reads("/Pattern", operands[-1]))  # it runs in the state this stream began with
        return _colour(operator, operands, state)
    return None


def _drawing(instruction: Instruction, sides: Sides, state: _State) -> list[Instruction] | None:
    """A stream drawn (a form, Type 3 glyphs) that reads the colour spaces of `sides`: the space
    the source had set, instead of the DeviceGray it was rewritten to, around it."""
    before, after = list[Instruction](), list[Instruction]()
    for stroke in sides:
        space, written = state.spaces[stroke]
        if space == INHERITED:
            state.inherits.add(stroke)
        elif written != space:  # RGB black, written `0 g`: the space set back, then black on one ink again
            before.append(pikepdf.ContentStreamInstruction([pikepdf.Name.DeviceRGB],
                                                           pikepdf.Operator("CS" if stroke else "cs")))
            after.append(pikepdf.ContentStreamInstruction([0], pikepdf.Operator("G" if stroke else "g")))
    return [*before, instruction, *after] if before else None


def _colour(operator: str, operands: list[Operand], state: _State) -> list[Instruction] | None:
    """sc, scn, SC or SCN in the space the source set: black, or (after a rewrite) the `rg` it is."""
    stroke = _COLOURS[operator]
    space, written = state.spaces[stroke]
    if space == INHERITED:
        state.inherits.add(stroke)
    if space != RGB:
        return None
    black = _black(operands, stroke)
    state.black = state.black or black is not None
    state.spaces[stroke] = (space, GRAY if black else space)
    if black is not None or written == space:
        return black
    return [pikepdf.ContentStreamInstruction(operands, pikepdf.Operator("RG" if stroke else "rg"))]


def _black(operands: Sequence[object], stroke: bool) -> list[Instruction] | None:
    """`0 g` (or `0 G`) if `operands` are exactly black in DeviceRGB, else None."""
    try:
        values = tuple(float(value) for value in operands)  # type: ignore[arg-type]  # a name: not a number
    except (TypeError, ValueError):
        return None
    if values != _BLACK:
        return None
    return [pikepdf.ContentStreamInstruction([0], pikepdf.Operator("G" if stroke else "g"))]


def _space(name: object, resources: pikepdf.Dictionary | None, rgb: str) -> str:
    """What the colour space `name` (an operand of cs/CS) is: GRAY, `rgb` (DeviceRGB's meaning
    here), or OTHER."""
    if isinstance(name, pikepdf.Name) and str(name) not in ("/DeviceGray", "/DeviceRGB"):
        spaces = resources.get("/ColorSpace") if resources is not None else None
        # A resource name standing for a device space (/CS0 /DeviceRGB); an array is a space of its own.
        name = spaces.get(str(name)) if isinstance(spaces, pikepdf.Dictionary) else None
    if not isinstance(name, pikepdf.Name):
        return OTHER
    return {"/DeviceGray": GRAY, "/DeviceRGB": rgb}.get(str(name), OTHER)
