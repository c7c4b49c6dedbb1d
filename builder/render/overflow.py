"""Nothing is cut off in silence (issue 12, item 6): what leaves a page's text area after layout.

The stylesheets keep most things inside the column (pictures are sized by the build, long words
break); what still runs past a page's text area (a picture, a word, a table, a block) would be
cut off at the paper's edge or printed over the folio. `look` walks the boxes WeasyPrint laid
out, page by page, and names each such thing by the Markdown file and line its block carries
(`data-line`, content/lines.py), so the build stops there. It also lists where each picture
landed (render/weasy.py passes them on: preflight's grey-tint warning names the picture).

What only seems to leave it is not reported (issue 20, item 6): a list's numbers, which hang
outside its text by design (render/lists.py keeps them in the text block), and the space a
wrapped line of code ends with, which prints nothing. Each message says what the writer typed
(a word, a web address, a line of code) and what to do about it in those words.

WeasyPrint's boxes are internals, not its public API: this module is the only one that reads
them (with weasy.py's `_page_box`), and it reads them guardedly. If they change, `look` says so
in a warning instead of failing the build, and tests/render/test_overflow.py fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from builder.errors import BuildError
from builder.model import Placed
from builder.paper import PX_PER_MM

_ADDRESS = re.compile(r"\S*(?:://|\bwww\.|\w@\w)\S*")
_CODE = frozenset({"code", "pre", "kbd", "samp"})
TOLERANCE_MM = 0.3
"""Past the text area by less than this is rounding, not a cut."""
LINE = "data-line"
PICTURE = "data-picture"


@dataclass
class Found:
    """What `look` found: the errors (one per thing cut off), the pictures, and a warning when
    the boxes could not be read."""

    errors: list[BuildError] = field(default_factory=list)
    pictures: list[Placed] = field(default_factory=list)
    notice: str | None = None
    reported: set[str] = field(default_factory=set)
    """The file and line of each error, reported once."""


def look(pages: Sequence[Any], document: str) -> Found:
    """Every block, word and picture of the Markdown that leaves its page's text area, in the
    laid-out `pages` of `document` (reading, minizine…); never raises on unknown boxes."""
    found = Found()
    try:
        from weasyprint.formatting_structure import boxes
    except ImportError as error:  # pragma: no cover — the renderer imported it already
        found.notice = _unknown(error)
        return found
    try:
        for number, page in enumerate(pages, start=1):
            _Page(boxes, page._page_box, number, document, found).visit(page._page_box, None)
    except (AttributeError, TypeError, ValueError) as error:
        found.errors.clear()
        found.pictures.clear()
        found.notice = _unknown(error)
    return found


def _unknown(error: Exception) -> str:
    import weasyprint

    return (f"cut-off text and pictures were not looked for: WeasyPrint {weasyprint.__version__}'s layout "
            f"boxes are not those this tool reads ({type(error).__name__}: {error}); see render/overflow.py")


@dataclass
class _Page:
    boxes: Any
    page: Any
    number: int
    document: str
    found: Found

    def __post_init__(self) -> None:
        self.left = float(self.page.content_box_x())
        self.top = float(self.page.content_box_y())
        self.right = self.left + float(self.page.width)
        self.bottom = self.top + float(self.page.height)

    def visit(self, box: Any, source: str | None) -> bool:
        """Look at `box` and what it holds; whether anything in it was reported (then it is not)."""
        boxes = self.boxes
        if isinstance(box, boxes.MarginBox) or _marker(box):
            return False  # the folio; a list's numbers, which hang outside its text by design
        element = getattr(box, "element", None)
        if element is not None and getattr(box, "element_tag", None) not in (None, "html", "body"):
            source = element.get(LINE) or source
        if isinstance(box, boxes.ReplacedBox) and element is not None and element.get(PICTURE):
            self._picture(box, element)
        # A list, not a generator: every child is visited (each records its pictures and overflow).
        inner = any([self.visit(child, source) for child in getattr(box, "children", ())])  # noqa: C419
        if inner or source is None or isinstance(box, (boxes.PageBox, boxes.LineBox, boxes.InlineBox)):
            return inner
        if not isinstance(box, (boxes.TextBox, boxes.ReplacedBox, boxes.TableBox, boxes.BlockLevelBox,
                                boxes.AtomicInlineLevelBox)):
            return False
        x, y = float(box.border_box_x()), float(box.border_box_y())
        width = _inked_width(box) if isinstance(box, boxes.TextBox) else float(box.border_width())
        height = float(box.border_height())
        past = {"right": x + width - self.right, "left": self.left - x}
        if not isinstance(box, boxes.TextBox):  # a text's box is its font's height, taller than its line
            past.update({"bottom": y + height - self.bottom, "top": self.top - y})
        edge, over = max(past.items(), key=lambda item: item[1])
        if over / PX_PER_MM < TOLERANCE_MM:
            return False
        if source in self.found.reported:  # once a line: what follows a cut thing is pushed out with it
            return True
        self.found.reported.add(source)
        where, _, line = source.rpartition(":")
        self.found.errors.append(BuildError(
            where or None, f"{self._what(box, element)} runs {over / PX_PER_MM:.1f} mm past the {edge} of the "
                           f"text area of {self.document} page {self.number}, and would be cut off: "
                           f"{self._advice(box, element, edge)}", int(line) if line.isdigit() else None))
        return True

    def _what(self, box: Any, element: Any) -> str:
        if isinstance(box, self.boxes.TextBox):
            text = " ".join(str(box.text).split())
            name = "the code line" if _code(box) else "the text"
            return f"{name} “{text if len(text) <= 40 else text[:39] + '…'}”"
        if isinstance(box, self.boxes.ReplacedBox):
            return f"the picture {element.get(PICTURE) or element.get('src', '')}"
        if isinstance(box, self.boxes.TableBox):
            return "the table"
        return f"a block <{getattr(box, 'element_tag', '?')}>"

    def _advice(self, box: Any, element: Any, edge: str) -> str:
        if isinstance(box, self.boxes.TextBox) and _code(box):
            return "a code line this long cannot break: break it in two lines in the Markdown, or shorten it"
        if isinstance(box, self.boxes.TextBox) and _address(box, element):
            return ("a web address this long cannot break: put it in a link, [its name](address), whose "
                    "address goes in a note, or shorten it")
        if isinstance(box, self.boxes.TextBox):
            return "a word this long cannot break: add spaces or hyphens, or shorten it"
        if isinstance(box, self.boxes.ReplacedBox):
            return "give it a smaller width ({width=50%}), or check the margins of your stylesheet"
        if isinstance(box, self.boxes.TableBox):
            return "fewer or narrower columns"
        return "shorten it" if edge in ("bottom", "top") else "make it narrower"

    def _picture(self, box: Any, element: Any) -> None:
        image = box.replacement
        pixels = (int(getattr(image, "width", 0) or 0), int(getattr(image, "height", 0) or 0))
        x, y = float(box.content_box_x()), float(box.content_box_y())
        self.found.pictures.append(Placed(
            self.number, str(element.get(PICTURE)), "halftone" in (element.get("class") or "").split(),
            (x / PX_PER_MM, y / PX_PER_MM, float(box.width) / PX_PER_MM, float(box.height) / PX_PER_MM), pixels))


def _marker(box: Any) -> bool:
    """A list item's marker (`li::marker`, in WeasyPrint's placeholder for it when outside)."""
    return getattr(box, "pseudo_type", None) == "marker" or str(getattr(box, "element_tag", "")).endswith("::marker")


def _address(box: Any, element: Any) -> bool:
    """Whether a text is (a piece of) a web or mail address of its block (broken at its slashes)."""
    text = str(box.text).strip()
    block = "".join(element.itertext()) if element is not None else text
    return bool(text) and any(text in address for address in _ADDRESS.findall(block))


def _code(box: Any) -> bool:
    """Text in code: a fenced block or a code span (its text's element)."""
    return str(getattr(box, "element_tag", "")).lower() in _CODE


def _inked_width(box: Any) -> float:
    """A text's width without the spaces that end it: a line of preformatted text (`white-space:
    pre-wrap`) that wraps at a space keeps it at its end, where it hangs and prints nothing
    (CSS Text 3, §4.1.3). Measured by WeasyPrint's own line breaker, in the text's style."""
    text = str(box.text)
    if text == text.rstrip():
        return float(box.border_width())
    from weasyprint.text.line_break import split_first_line

    inked = split_first_line(text.rstrip(), box.style, None, None, box.justification_spacing)[3]
    return float(box.border_width()) - (float(box.width) - float(inked))
