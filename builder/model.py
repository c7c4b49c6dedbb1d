"""Frozen values passed from one stage of the pipeline to the next."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

MM = 72 / 25.4
"""PostScript points per millimetre: PDF geometry is in points, print facts in millimetres."""


Anchors = Sequence[Mapping[str, tuple[float, float]]]
"""Per page of a rendered document, where each element with an id starts: x, y in mm from the top left."""
Check = Callable[[Anchors], None]
"""A look at a laid-out document before it is written (raises BuildError to stop the build)."""


def plural(count: int, noun: str) -> str:
    """1 page, 2 pages."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Size:
    """A width and a height in millimetres."""

    width: float
    height: float

    @property
    def landscape(self) -> Size:
        return Size(max(self.width, self.height), min(self.width, self.height))

    @property
    def portrait(self) -> Size:
        return Size(min(self.width, self.height), max(self.width, self.height))

    @property
    def points(self) -> tuple[float, float]:
        return self.width * MM, self.height * MM

    @classmethod
    def from_points(cls, width: float, height: float) -> Size:
        return cls(round(width / MM, 2), round(height / MM, 2))

    def __str__(self) -> str:
        return f"{self.width:g} × {self.height:g} mm"


A3 = Size(297, 420)
A4 = Size(210, 297)
A5 = Size(148, 210)
LETTER = Size(215.9, 279.4)
PAPER = {"A3": A3, "A4": A4, "A5": A5, "LETTER": LETTER}


@dataclass(frozen=True)
class Meta:
    """What the manifest says of the zine as a whole."""

    title: str
    subtitle: str
    author: str
    byline: str
    """Who the cover credits (defaults to the author)."""
    lang: str
    date: datetime.date
    edition: str
    slug: str
    price: str
    checked: datetime.date
    """The day the legal facts were last checked, printed in the zine."""


@dataclass(frozen=True)
class Part:
    """One Markdown file of the zine, converted to an HTML fragment."""

    source: Path
    slug: str
    kind: str
    title: str
    html: str
    fields: Mapping[str, str] = field(default_factory=dict)
    """Other front-matter values (author, date, source…), for the templates."""
    body: str = ""
    """The Markdown after the front matter, as read (letters draw their blanks from it)."""
    first_line: int = 1
    """The file's line number of the body's first line, for messages."""


@dataclass(frozen=True)
class Zine:
    """Everything read from the content folder."""

    root: Path
    content: Path
    meta: Meta
    parts: tuple[Part, ...]
    intro: Part | None = None
    """A short text printed under the table of contents, if the manifest names one."""
    back: Part | None = None
    """The text printed on the back cover, if the manifest names one."""
    minizine: Part | None = None
    """The text of the one-sheet market mini-zine, if the manifest names one."""


@dataclass(frozen=True)
class Document:
    """An HTML document ready to be rendered by WeasyPrint."""

    name: str
    html: str
    base_url: Path


@dataclass(frozen=True)
class Pdf:
    """A PDF file written by the build."""

    path: Path
    pages: int
    size: Size


@dataclass(frozen=True)
class Report:
    """What a build did, for the summary."""

    outputs: tuple[Pdf, ...]
    sheets: int
    blanks: tuple[int, ...]
    """1-based booklet positions of the blank pages added for imposition."""
    seconds: float
    inner_blanks: tuple[int, ...] = ()
    """Pages of the reading edition the layout left blank (a part starting on a right-hand page)."""
    findings: tuple[Finding, ...] = ()
    """Preflight warnings on the outputs (errors stop the build instead)."""
    extras: tuple[Path, ...] = ()
    """What was written besides the PDFs: previews, the contact sheet, kept HTML."""


Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Finding:
    """One thing preflight found in a PDF: errors stop printing, warnings deserve a look."""

    path: Path
    page: int | None
    """1-based page number; None when the finding is about the whole file."""
    severity: Severity
    message: str

    def __str__(self) -> str:
        place = f"{self.path} page {self.page}" if self.page else str(self.path)
        return f"{place}: {self.severity}: {self.message}"
