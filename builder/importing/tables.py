"""A pandoc table made plain enough to be written as a pipe table (issue 23, item 2).

A pipe table has one header row (or none), one line per row, one line per cell. Pandoc writes
any other table as HTML, which the project's Markdown writer leaves out (`[TABLE]`): the words
would be lost. So every table is flattened: a cell's paragraphs, lists and line breaks become one
line (spaces between), a cell spanning rows or columns is followed by empty cells where it
spanned, header rows after the first and the foot's rows become body rows, and the caption a
paragraph after the table. The cells' words are all kept; the shape of a complex table is not,
and the summary says how many tables were flattened.

Pandoc's JSON (pandoc-types 1.23): Table [attr, caption, colspecs, head, bodies, foot];
TableHead [attr, rows]; TableBody [attr, row head columns, head rows, rows]; TableFoot [attr,
rows]; Row [attr, cells]; Cell [attr, alignment, row span, column span, blocks].
"""

from __future__ import annotations

from typing import Any

Node = dict[str, Any]
Cell = list[Any]
"""A cell, a row: pandoc's JSON writes them as lists (module docstring)."""
_NONE = ["", [], []]
"""Attributes: none."""


def flat(table: Node) -> tuple[Node, int, list[Node]]:
    """(the table flattened, 1 if that changed its shape else 0, the blocks of its caption)."""
    _, caption, columns, head, _, _ = table["c"]
    rows = _all_rows(table["c"])
    head_rows = head[1]
    changed = int(len(head_rows) > 1 or any(not _simple(cell) for row in rows for cell in row[1]))
    made = [_row([_cell(cell) for cell in cells]) for cells in _grid(rows, len(columns))]
    split = 1 if head_rows else 0  # the first row of the head, if any, stays the head
    body = [_NONE, 0, [], made[split:]]
    flattened = {"t": "Table", "c": [_NONE, [None, []], columns, [_NONE, made[:split]], [body], [_NONE, []]]}
    return flattened, changed, _caption(caption)


def _grid(rows: list[Cell], width: int) -> list[list[Cell | None]]:
    """Each row's cells in their columns, a spanned place None, every row `width` long."""
    below: dict[int, int] = {}  # column → rows a cell above still spans
    grid = []
    for row in rows:
        cells = iter(row[1])
        line: list[Cell | None] = []
        while len(line) < width:
            if below.get(len(line), 0) > 0:
                below[len(line)] -= 1
                line.append(None)
                continue
            cell = next(cells, None)
            if cell is None:
                line.append(None)
                continue
            rowspan, colspan = max(1, cell[2]), max(1, cell[3])
            for column in range(len(line), len(line) + colspan):
                below[column] = rowspan - 1
            line += [cell, *[None] * (colspan - 1)]
        grid.append(line[:width])
    return grid


def _simple(cell: Cell) -> bool:
    """A cell a pipe table writes as it is: spans nothing, one paragraph without a line break."""
    blocks = cell[4]
    return cell[2] <= 1 and cell[3] <= 1 and len(blocks) <= 1 and all(
        block["t"] in ("Plain", "Para") and not any(one.get("t") == "LineBreak" for one in block["c"])
        for block in blocks)


def _cell(cell: Cell | None) -> Cell:
    """A cell of one line: `cell`'s inlines, its blocks joined by spaces; an empty cell for None."""
    inlines = _inlines(cell[4]) if cell is not None else []
    return [_NONE, {"t": "AlignDefault"}, 1, 1, [{"t": "Plain", "c": inlines}] if inlines else []]


def _row(cells: list[Cell]) -> Cell:
    return [_NONE, cells]


def _inlines(blocks: list[Node]) -> list[Node]:
    """The inlines of `blocks`, in order, a space between blocks and for each line break."""
    out: list[Node] = []
    for block in blocks:
        kind: str = block["t"]
        contents: Any = block.get("c")
        if kind in ("Plain", "Para"):
            found = [{"t": "Space"} if one.get("t") in ("LineBreak", "SoftBreak") else one for one in contents]
        elif kind == "Header":
            found = contents[2]
        elif kind == "LineBlock":
            found = [one for line in contents for one in [*line, {"t": "Space"}]]
        elif kind in ("BlockQuote", "Div", "Figure"):
            found = _inlines(contents if kind == "BlockQuote" else contents[-1])
        elif kind in ("BulletList", "OrderedList"):
            found = [one for item in (contents if kind == "BulletList" else contents[1])
                     for one in [*_inlines(item), {"t": "Space"}]]
        elif kind == "CodeBlock":
            found = [{"t": "Code", "c": [_NONE, " ".join(contents[1].split())]}]
        elif kind == "Table":
            found = _inlines([cell for row in _grid(_all_rows(contents), len(contents[2])) for cell_node in row
                              if cell_node is not None for cell in cell_node[4]])
        else:
            found = []
        if found:
            out += [*([{"t": "Space"}] if out else []), *found]
    return out


def _all_rows(contents: list[Any]) -> list[Cell]:
    _, _, _, head, bodies, foot = contents
    return [*head[1], *(row for body in bodies for row in [*body[2], *body[3]]), *foot[1]]


def _caption(caption: list[Any]) -> list[Node]:
    """A table's caption as blocks to print after it (pipe tables have none)."""
    return [block for block in caption[1] if block["t"] in ("Para", "Plain")]
