"""What an imposed side's content stream says: pages placed as forms, marks drawn over them.

Pure text, no pypdf: the operators are plain PDF, in points, from the plan's millimetres.
"""

from __future__ import annotations

from collections.abc import Sequence

from builder.imposition import Box, Label, Line, Mark, Slot
from builder.paper import MM, Size

FONT = "/F0"
"""Resource name of the font of the marks' words (builder.fonts: embedded, as printers need)."""



def upright(box: Box, rotation: int) -> tuple[float, ...]:
    """Form matrix that shows the page as a viewer shows it (honouring /Rotate, clockwise)."""
    x0, y0, x1, y1 = box
    return {
        0: (1, 0, 0, 1, -x0, -y0),
        90: (0, -1, 1, 0, -y0, x1),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, 1, -1, 0, y1, -x0),
    }[rotation]


def within(matrix: tuple[float, ...], scale: float, x: float, y: float) -> tuple[float, ...]:
    """`matrix` followed by a scaling by `scale` and a move by `x`, `y` (points)."""
    a, b, c, d, e, f = matrix
    return a * scale, b * scale, c * scale, d * scale, e * scale + x, f * scale + y


def place(name: str, slot: Slot, page: Size, scale: float = 1.0) -> str:
    """Content-stream operators placing the form `name` in `slot` (turned counter-clockwise),
    scaled by `scale`; `page` is its size once scaled."""
    width, height = page.points
    x, y, s = slot.x * MM, slot.y * MM, scale
    matrix = {
        0: (s, 0, 0, s, x, y),
        90: (0, s, -s, 0, x + height, y),
        180: (-s, 0, 0, -s, x + width, y + height),
        270: (0, -s, s, 0, x, y + width),
    }[slot.rotation % 360]
    clip = ""
    if slot.clip is not None:
        left, bottom, right, top = (v * MM for v in slot.clip)
        clip = f"{number(left)} {number(bottom)} {number(right - left)} {number(top - bottom)} re W n "
    return f"q {clip}{' '.join(number(v) for v in matrix)} cm {name} Do Q"


def marks(items: Sequence[Mark]) -> str:
    """Black lines and words (in the FONT), drawn over the pages."""
    ops = ["q 0 G 0 g 1 J"]
    for m in items:
        if isinstance(m, Line):
            x0, y0, x1, y1 = (number(v * MM) for v in (m.x0, m.y0, m.x1, m.y1))
            ops.append(f"{number(m.width)} w {x0} {y0} m {x1} {y1} l S")
        elif isinstance(m, Label):
            turn = "1 0 0 1" if m.rotation == 0 else "-1 0 0 -1"
            # WinAnsiEncoding: cp1252 bytes, which cover French (« » é ’).
            text = m.text.encode("cp1252").decode("latin-1")
            text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            at = f"{number(m.x * MM)} {number(m.y * MM)}"
            ops.append(f"BT {FONT} {number(m.size)} Tf {turn} {at} Tm ({text}) Tj ET")
    return "\n".join(ops + ["Q"])


def number(value: float) -> str:
    """A number as short as PDF allows, to a ten-thousandth of a point."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
