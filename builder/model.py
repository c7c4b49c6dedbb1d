"""Frozen values passed from one stage of the pipeline to the next."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from builder.kinds import Kind, Unit
from builder.paper import ZINE, Format, Size
from builder.typography.language import Direction, Words

Anchors = Sequence[Mapping[str, tuple[float, float]]]
"""Per page of a rendered document, where each element with an id starts: x, y in mm from the top left."""
Check = Callable[[Anchors], Sequence[str]]
"""A look at a laid-out document before it is written: raises BuildError(s) for what stops the
build, returns warnings in words. It travels to the worker process that renders the document: a
picklable value, not a closure."""


@dataclass(frozen=True)
class Pdf:
    """A PDF file written by the build."""

    path: Path
    unit: Unit
    """What one of its pages is called: "page", or "side" for an imposed sheet's (Kind.unit)."""
    pages: int
    size: Size
    """The first page's."""


@dataclass(frozen=True)
class Meta:
    """What the manifest says of the zine as a whole."""

    title: str
    subtitle: str
    author: str
    byline: str
    """Who the cover credits (defaults to the author)."""
    lang: str
    """Its language tag (fr, en-GB): the typography's rules and the dates are the language's."""
    words: Words
    """The words the tool prints in it (contents title, print page, labels), looked up once from
    `lang`: English when the tool has none for it (typography.words.known)."""
    date: datetime.date
    edition: str
    slug: str
    price: str = ""
    """Printed on the cover and the back cover when set ("2 €", "free")."""
    licence: str = ""
    """Printed on the back cover and the mini-zine when set ("CC BY-SA 4.0", "No copyright: copy it.")."""
    cover: str = ""
    """The cover picture's `<img>` (class cover-mark), when the manifest names one: made by the
    content stage (content.cover), sized, resampled or halftoned by the pictures stage."""
    cover_alt: str = ""
    """What the cover picture shows, in words."""
    photos: str = "keep"
    """"halftone": every picture with greys printed in pure black and white (manifest.PHOTOS)."""
    notes: str = "footnotes"
    """Where notes print: at the foot of the call's page, or "endnotes" at the end of each part."""
    links: str = "notes"
    """Where a link's address prints on paper: in a note, "after" the link in small type, or "off"."""
    fonts: str = "shipped"
    """Which fonts print: the shipped ones and the project's fonts/, or "machine" fonts too (render.fonts)."""
    direction: Direction = "ltr"
    """Which way its lines and pages run: "rtl" (the manifest's `direction`, else its language's
    script: ar, fa, he…) sets its HTML right to left and binds its booklet on the right (issue 22)."""


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
class Letter:
    """A letter part (`kind: letter`) with its placeholders found and checked (docs/en/letters.md)."""

    name: str
    """The file name without `.md`: what `zine letter NAME` takes."""
    keys: tuple[str, ...]
    """The keys of its fields, in order, each once: what a values file may fill."""
    boxes: tuple[str, ...]
    """The text after each checkbox, in order: what a values file ticks."""
    part: Part
    """The part; its `html` has the blanks drawn, ready to print."""


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
    letters: tuple[Letter, ...] = ()
    """The letter parts, in manifest order (their parts are in `parts` too)."""
    format: Format = ZINE
    """The page and paper sizes (shared FACTS.md §3)."""
    warnings: tuple[Finding, ...] = ()
    """What the content deserves a look for but prints (a picture without a description), with its file and line."""


@dataclass(frozen=True)
class Document:
    """An HTML document ready to be rendered by WeasyPrint."""

    name: str
    """What it is: in a build, the kind of output it becomes (kinds.Kind, a string: reading,
    letters…), which names its kept HTML file and its messages ("reading document")."""
    html: str
    base_url: Path
    forms: bool = False
    """Inputs become PDF form fields (WeasyPrint's pdf_forms)."""
    check: Check | None = None
    """Looks at the laid-out pages before anything is written (the letters' fit)."""
    variant: str | None = None
    """WeasyPrint's `pdf_variant`: "pdf/ua-1" makes the reading edition an accessible, tagged PDF."""
    fonts: str = "shipped"
    """The fonts it may use (render.fonts.SOURCES, the manifest's `fonts`)."""
    direction: Direction = "ltr"
    """The zine's (Meta.direction): "rtl" asks viewers to show its pages right to left (/Direction /R2L)."""
    parts: tuple[str, ...] = ()
    """The ids of the top-level elements that start its parts, in order: it is laid out part by
    part (render/byparts.py), or whole when empty."""
    one_ink: bool = False
    """Printed as it is written (the letters): its exact black set on one ink, DeviceGray, not
    RGB (imposition/engine/black.py). Documents that are imposed get it from the imposition."""


@dataclass(frozen=True)
class Placed:
    """A picture as laid out (render/overflow.py): its page (1-based), its source file as messages
    name it, whether it is halftoned, where it sits (x, y, width, height in mm from the page's
    top-left corner) and its pixels across and down (0, 0 for a drawing)."""

    page: int
    name: str
    halftone: bool
    box: tuple[float, float, float, float]
    pixels: tuple[int, int]


@dataclass(frozen=True)
class Rendered:
    """What rendering one document gave, as a value: the PDF written at `path`, its number of
    `pages` and the `size` of the first; the `blanks` the layout left (1-based page numbers: a
    part that starts on a right-hand page); the `files` it read besides its HTML, each with its
    modification time (ns) and size then, fonts included; the font `families` of its stylesheets'
    @font-face rules (the only fonts an output should use); `laid_out` False when an earlier
    build's PDF was reused (the same HTML, the same files); the `notices`, WeasyPrint messages
    that are warnings (render.notices), said in our words."""

    name: str
    path: Path
    pages: int
    size: Size
    blanks: tuple[int, ...]
    files: tuple[tuple[Path, int, int], ...]
    families: frozenset[str]
    laid_out: bool = True
    notices: tuple[str, ...] = ()
    pictures: tuple[Placed, ...] = ()
    """Where each picture landed (render/overflow.py): preflight's grey-tint warning names them."""
    layout: str = ""
    """How a document with parts was laid out (render/byparts.py): "laid out by part, 3 of 62
    pieces anew", or why it was laid out as one document; empty for the others."""
    gray_black: bool = False
    """Its exact black was drawn as DeviceGray (render/grayblack.py): imposing it needs no rewrite
    of its black (imposition/engine/black.py)."""


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
    laid_out: tuple[Kind, ...] = ()
    """The documents laid out by this build; the others were reused from the previous one."""
    format: Format = ZINE
    """The zine's format: how the booklet is printed (copies a side, duplex edge)."""
    direction: Direction = "ltr"
    """"rtl": the booklet is bound on the right (Meta.direction)."""
    lang: str = "en"
    """The zine's language tag (Meta.lang): the words of `zine serve`'s page follow it (issue 23)."""


Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Finding:
    """One thing preflight found in a PDF: errors stop printing, warnings deserve a look."""

    path: Path
    page: int | None
    """1-based page number; None when the finding is about the whole file."""
    severity: Severity
    message: str
    line: int | None = None
    """The line of a source file (a Markdown file's warning), when the finding is about one."""

    def __str__(self) -> str:
        place = (f"{self.path} page {self.page}" if self.page else f"{self.path}:{self.line}" if self.line
                 else str(self.path))
        return f"{place}: {self.severity}: {self.message}"
