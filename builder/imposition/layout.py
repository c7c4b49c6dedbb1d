"""What a layout is, as one typed value: the facts a printer needs, and the function that plans it.

A `Layout` says how its sheets are printed (the way up of the paper, the duplex edge, the fold
of the folded booklet, copies a side, pages a sheet) and plans any document (`plan`). The
build, `zine impose`, the test sheet, the print page, the summary and preflight read these
values; none of them re-derives a fact from another (issue 19). The layouts themselves are in
`layouts/` (one module each), their registry in `layouts/__init__.py`; modelled on pdfimpose's
schema modules, with types mypy checks instead of signatures read at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, get_args

from builder import paper
from builder.errors import BuildError, plural
from builder.imposition import Imposition, mirrored
from builder.paper import Size
from builder.typography.language import DIRECTIONS

if TYPE_CHECKING:
    from builder.typography.language import Words

Way = Literal["landscape", "portrait"]
Edge = Literal["short", "long"]
Binding = Literal["side", "top"]
"""Which edge of the folded booklet the fold is: "side" (turned like a book), "top" (like a calendar)."""
Option = Literal["blanks", "flip", "creep", "marks", "sheets_per_section", "scaling", "direction"]
"""The names of `Options`' fields: what a layout declares it reads."""


@dataclass(frozen=True)
class Options:
    """What `zine impose` lets a user choose; each layout reads those it declares (`Layout.options`)
    and `zine impose` refuses the others. The meaning of each is its layout's (saddle.layout)."""

    blanks: str = "before-back"
    """Where padding blanks go (imposition.BLANKS)."""
    flip: str | None = None
    """The duplex edge the backs are laid out for (imposition.FLIPS); None for the layout's own."""
    creep: float = 0.0
    """Millimetres of paper thickness: inner sheets' pages move toward the fold."""
    marks: bool = False
    """Fold and staple ticks in the margins."""
    sheets_per_section: int | None = None
    """Sheets folded together; None for one section."""
    scaling: str = "none"
    """How pages meet their place (imposition.SCALINGS): never scaled, as the build needs them."""
    direction: str = "ltr"
    """"rtl" binds the booklet on the right: every side mirrored (imposition.mirrored, issue 22);
    a right-to-left zine's build gives it (model.Meta.direction)."""


OPTIONS: frozenset[Option] = frozenset(get_args(Option))
"""Every option's name, as `zine impose` names its arguments (with dashes for underscores)."""


class Plan(Protocol):
    """A layout's function: `pages` pages of size `page` (mm) on sheets of `sheet` (either way up:
    the layout turns it), with `options`; BuildError when they do not fit or an option is wrong."""

    def __call__(self, pages: int, page: Size, sheet: Size, options: Options, /) -> Imposition: ...


@dataclass(frozen=True)
class Layout:
    """One layout: how its sheets are printed, and its plan."""

    name: str
    """As `zine impose --layout` names it."""
    plan: Plan
    way: Way
    """The way up its sheets are printed: "landscape" for two pages side by side."""
    flip: Edge | None
    """The duplex edge its backs are laid out for unless told otherwise; None when printed one-sided.
    Either way each back is read turning the sheet about its vertical axis (FACTS.md §3)."""
    binding: Binding
    """How the folded booklet's pages turn: the test sheet's words."""
    pages: int
    """Pages of one copy on each sheet, both sides: a document is padded to a multiple of it."""
    options: frozenset[Option]
    """The options it reads: `zine impose` refuses the others (`--creep` for a one-page zine)."""
    copies: int = 1
    """Copies of the document on each side of a sheet, cut apart after printing (FACTS.md §3)."""

    def sheet(self, paper: Size) -> Size:
        """`paper` the way up this layout prints it (mm)."""
        return paper.portrait if self.way == "portrait" else paper.landscape

    def impose(self, pages: int, page: Size, sheet: Size, options: Options = Options()) -> Imposition:
        """The plan of `pages` pages of `page` (mm) on `sheet`: its defaults unless `options` says
        otherwise; mirrored for `options.direction` "rtl" (BuildError for another word than DIRECTIONS)."""
        if options.direction not in DIRECTIONS:
            raise BuildError(None, f"--direction must be one of {', '.join(DIRECTIONS)}, not {options.direction!r}")
        plan = self.plan(pages, page, sheet, options)
        return mirrored(plan) if options.direction == "rtl" else plan


@dataclass(frozen=True)
class Printing:
    """How a zine's booklet is printed, said from its layout in the three places that say it
    (issue 19): the print page (`line`, in the zine's words), the summary of `zine build` and its
    log (in English). The words know one copy a side or two: no layout prints more."""

    paper: Size
    """The format's home paper (portrait)."""
    layout: Layout
    direction: str = "ltr"
    """"rtl": the booklet is bound on the right (Options.direction); printed the same way."""

    @property
    def two(self) -> bool:
        """Two copies a side, to cut the printed stack in half."""
        return self.layout.copies > 1

    def line(self, words: Words) -> str:
        """The print page's line in `words`, {pages} and {sheets} left for the layout to count."""
        line = words.sheet_count_two if self.two else words.sheet_count
        flip = words.flip_long if self.layout.flip == "long" else words.flip_short
        named = words.us_letter if self.paper == paper.LETTER else paper.name(self.paper)
        return line.replace("{paper}", named).replace("{flip}", flip)

    def summary(self, sheets: int) -> str:
        """The summary's line: 3 sheets of A4 per copy (recto-verso, flip on the short edge)."""
        return (f"{plural(sheets, 'sheet')} of {paper.said(self.paper)} {'for two copies' if self.two else 'per copy'} "
                f"(recto-verso, flip on the {self.layout.flip} edge{'; cut the stack in half across' * self.two})"
                + self._bound)

    @property
    def log(self) -> str:
        """What the build's log adds to its line on the booklet."""
        return ", two copies a side, to cut in half" * self.two + self._bound

    @property
    def _bound(self) -> str:
        return ", bound on the right" * (self.direction == "rtl")


def printing(format: paper.Format, direction: str = "ltr") -> Printing:
    """How the booklet of a zine in `format` is printed: its home paper, its layout's copies and
    edge, and the side it is bound on (`direction` "rtl": the right, issue 22)."""
    return Printing(format.sheet, format.booklet, direction)
