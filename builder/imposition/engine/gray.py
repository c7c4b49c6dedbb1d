"""One content stream's colour operators with exact RGB or CMYK black set as DeviceGray black.

The instruction-level half of black.py (which walks a document's streams): DeviceRGB 0 0 0
and DeviceCMYK 0 0 0 1, set by `rg`, `k`, `RG`, `K`, or by `cs`/`CS` then `sc`/`scn` (a device
space, or a resource name standing for one), become `0 g` / `0 G` (issue 22, item 4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import pikepdf

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
Operand = pikepdf.Object | int | float | Decimal | pikepdf.Array
"""What a content-stream instruction holds: numbers, names, arrays (pikepdf's types)."""
GRAY, RGB, CMYK, OTHER = "gray", "rgb", "cmyk", "other"
"""What a colour space is to the rewrite: the device spaces it knows, and all the others."""
_DEVICE = {"/DeviceGray": GRAY, "/DeviceRGB": RGB, "/DeviceCMYK": CMYK}
_BLACK = {RGB: (0, 0, 0), CMYK: (0, 0, 0, 1)}
_SETS = {"rg": (False, RGB), "RG": (True, RGB), "k": (False, CMYK), "K": (True, CMYK)}
"""Operators that set a device colour: whether they set the stroke colour, and the space."""
_SPACES = {"cs": False, "CS": True}
_COLOURS = {"sc": False, "scn": False, "SC": True, "SCN": True}
_READ = frozenset(("q", "Q", "g", "G", *_SETS, *_SPACES, *_COLOURS))
"""The operators the rewrite reads: those of colour, and those that save and restore it."""


@dataclass
class _State:
    """The colour spaces in use (fill, stroke) as the source set them and as written (a rewritten
    black is DeviceGray), those saved by `q`, and what the rewrite did so far."""

    spaces: dict[bool, tuple[str, str]]
    """By stroke (True) or fill: the source's space and the written one."""
    saved: list[dict[bool, tuple[str, str]]] = field(default_factory=list)
    changed: bool = False
    black: bool = False
    """Some exact RGB or CMYK black was set explicitly (not only by a `cs`)."""


def gray(instructions: list[Instruction], resources: pikepdf.Dictionary | None,
          initial: str) -> tuple[list[Instruction] | None, bool]:
    """The instructions with exact RGB and CMYK black set as DeviceGray black (None if unchanged),
    and whether any black was set explicitly (a `cs` alone only sets it implicitly).

    `initial`: the colour space a stream starts in (a page's is DeviceGray, a form's is its
    caller's, OTHER). Every rewritten operator is whole by itself (`g` sets the space and the
    colour), and an `sc` that follows one in the source's device space is written as the device
    operator it stands for (`rg`, `k`): nothing reads a space it no longer has.
    """
    state, out = _State({False: (initial, initial), True: (initial, initial)}), list[Instruction]()
    for instruction in instructions:
        operator = str(instruction.operator)
        # Most operators draw text: their operands (a TJ's array) are read only for colour operators.
        replaced = None if operator not in _READ else _instruction(operator, list(instruction.operands), state,
                                                                     resources)
        out.append(instruction if replaced is None else replaced)
        state.changed = state.changed or replaced is not None
    return (out if state.changed else None), state.black


def _instruction(operator: str, operands: list[Operand], state: _State,
                 resources: pikepdf.Dictionary | None) -> Instruction | None:
    """One operator: its replacement, or None to keep it as it is (`state` followed)."""
    if operator == "q":
        state.saved.append(dict(state.spaces))
    elif operator == "Q" and state.saved:
        state.spaces = state.saved.pop()
    elif operator in ("g", "G"):
        state.spaces[operator == "G"] = (GRAY, GRAY)
    elif operator in _SETS:
        stroke, space = _SETS[operator]
        black = _black(operands, space, stroke)
        state.spaces[stroke] = (space, GRAY if black else space)
        state.black = state.black or black is not None
        return black
    elif operator in _SPACES:
        stroke = _SPACES[operator]
        space = _space(operands[0] if operands else None, resources)
        # Setting a device space sets its initial colour, black: `0 g` says the same.
        black = _black(_BLACK[space], space, stroke) if space in _BLACK else None
        state.spaces[stroke] = (space, GRAY if black else space)
        return black
    elif operator in _COLOURS:
        return _colour(operator, operands, state)
    return None


def _colour(operator: str, operands: list[Operand], state: _State) -> Instruction | None:
    """sc, scn, SC or SCN in the space the source set: black, or (after a rewrite) `rg` or `k`."""
    stroke = _COLOURS[operator]
    space, written = state.spaces[stroke]
    if space not in _BLACK:
        return None
    black = _black(operands, space, stroke)
    state.black = state.black or black is not None
    state.spaces[stroke] = (space, GRAY if black else space)
    if black is not None or written == space:
        return black
    letter = {RGB: "rg", CMYK: "k"}[space]
    return pikepdf.ContentStreamInstruction(operands, pikepdf.Operator(letter.upper() if stroke else letter))


def _black(operands: Sequence[object], space: str, stroke: bool) -> Instruction | None:
    """`0 g` (or `0 G`) if `operands` are exactly black in the device `space`, else None."""
    try:
        values = tuple(float(value) for value in operands)  # type: ignore[arg-type]  # a name: not a number
    except (TypeError, ValueError):
        return None
    if values != _BLACK[space]:
        return None
    return pikepdf.ContentStreamInstruction([0], pikepdf.Operator("G" if stroke else "g"))


def _space(name: object, resources: pikepdf.Dictionary | None) -> str:
    """What the colour space `name` (an operand of cs/CS) is: a device space, or OTHER."""
    if not isinstance(name, pikepdf.Name):
        return OTHER
    if str(name) in _DEVICE:
        return _DEVICE[str(name)]
    spaces = resources.get("/ColorSpace") if resources is not None else None
    named = spaces.get(str(name)) if isinstance(spaces, pikepdf.Dictionary) else None
    # A resource name standing for a device space (/CS0 /DeviceRGB); an array is a space of its own.
    return _DEVICE.get(str(named), OTHER) if isinstance(named, pikepdf.Name) else OTHER
