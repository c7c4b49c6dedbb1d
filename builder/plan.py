"""What one build makes, decided before anything is laid out: the plan (issue 19, item 5).

A `Plan` is a pure value made from the zine and its documents: which outputs the build writes
(each a `Kind`), from which document, whether it is published as laid out or imposed, what
preflight holds it to (the expected page size) and how closely it looks, which previews are
drawn and what is written besides the PDFs. Making one starts no process and reads no file: the
executor (workers/executor.py) carries it out in the worker processes; build.py decides only what
needs a document's pages first (the impositions, from the number of pages laid out).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from builder.errors import BuildError
from builder.kinds import Kind
from builder.model import Document, Meta, Zine
from builder.paper import Size
from builder.preflight import Expectation, expectations
from builder.project import HTML, PREVIEW, Project, reading_preview, side_preview
from builder.typography.words import Words


@dataclass(frozen=True)
class Output:
    """One PDF the build writes, and how it is made and checked."""

    kind: Kind
    source: Kind
    """The document it is made of: its own, or the reading edition for the booklet."""
    imposed: bool
    """Its source's pages are imposed on sheets (booklet, mini-zine); else it is the document as laid out."""
    expect: Expectation
    """What preflight holds its pages to (preflight.expectations, by Kind.checked_as)."""
    pixels: bool
    """Preflight looks at the pixels of its pages (colour, greys, ink near the edges): not for sheets
    imposed of pages that were checked already as another output (the booklet of the reading edition)."""
    where: str
    """What a message about its source names (an unreadable PDF): the source's output as messages
    show it, or the mini-zine's Markdown file."""


@dataclass(frozen=True)
class Preview:
    """PNGs of one PDF's pages in output/preview/ (and the booklet's contact sheet), drawn by the
    task that checks the PDF (workers/jobs.check)."""

    source: Kind
    """Whose pages: the output of this kind, as staged."""
    naming: Callable[[int], str]
    """The file name of page n (1-based): project.reading_preview or project.side_preview."""
    contact: bool
    """Also the contact sheet (Kind.CONTACT) of its pages, two by two."""


@dataclass(frozen=True)
class Plan:
    """One build's work: its documents, its outputs (in the order of `Kind`), its extras."""

    project: Project
    slug: str
    date: datetime.date
    """The zine's date: the documents' creation date (reproducible output, FACTS.md)."""
    language: Words
    """The words the contact sheet is labelled in."""
    documents: Mapping[Kind, Document]
    """Each document by the output it becomes, the longest first (laid out side by side)."""
    outputs: Mapping[Kind, Output]
    """The PDFs it writes, in the order of `Kind` (the summary's, the findings')."""
    previews: tuple[Preview, ...] = ()
    """None with `zine build --no-previews`."""
    keep_html: bool = False
    """The HTML of every document is kept in output/html/ (templating.keep)."""

    @classmethod
    def of(cls, project: Project, zine: Zine, documents: Mapping[Kind, Document], *, previews: bool = True,
           keep_html: bool = False) -> Plan:
        """The plan of a build of `zine` whose documents are `documents` (render.documents)."""
        shown = (Preview(Kind.READING, reading_preview, False), Preview(Kind.BOOKLET, side_preview, True))
        return cls(project, zine.meta.slug, zine.meta.date, _labels(zine.meta), documents,
                   _outputs(project, zine, documents), shown if previews else (), keep_html)

    def path(self, kind: Kind, folder: Path | None = None) -> Path:
        """Where output `kind` goes: in `folder` (the staging folder), else in the output folder."""
        return self.project.output_path(kind, self.slug, folder)

    @property
    def extras(self) -> tuple[Path, ...]:
        """What the build writes besides the PDFs, in the output folder: previews, the contact sheet,
        the kept HTML."""
        shown = (self.project.output / PREVIEW, self.path(Kind.CONTACT)) if self.previews else ()
        return *shown, *((self.project.output / HTML,) if self.keep_html else ())

    def require_size(self, kind: Kind, size: Size) -> None:
        """BuildError, naming the templates, when the pages of document `kind` are not of the size
        the zine's format says (the stylesheets' @page disagrees with paper.py): imposing them
        would fail less clearly."""
        expect = self.outputs[kind].expect
        if not expect.fits(size):
            raise BuildError(self.project.shown(self.project.templates),
                             f"the {kind} document's pages are {size}, not {expect.size} ({expect.label}): "
                             "the stylesheets' @page size must say the same")


def _labels(meta: Meta) -> Words:
    """The zine's words, the contact sheet's labels saying a right-to-left zine's booklet is bound
    on the right ("sheet 1, front (bound on the right)", issue 22): its page 1 is on the left."""
    words = meta.words
    return words if meta.direction == "ltr" else replace(
        words, contact=f"{words.contact} ({words.bound_right})")


def _outputs(project: Project, zine: Zine, documents: Mapping[Kind, Document]) -> dict[Kind, Output]:
    """The PDFs made of `documents`, in the order of `Kind`: each document published as it is laid
    out, but the mini-zine's pages, imposed eight to a side; and the booklet of the reading edition."""
    expect = expectations(zine.format)

    def shown(kind: Kind) -> str:
        return project.shown(project.output_path(kind, zine.meta.slug))

    made = {kind: Output(kind, kind, False, expect[kind.variant_of or kind], True, shown(kind))
            for kind in (Kind.READING, Kind.LETTERS, Kind.LETTERS_FILLABLE) if kind in documents}
    made[Kind.BOOKLET] = Output(Kind.BOOKLET, Kind.READING, True, expect[Kind.BOOKLET], False, shown(Kind.READING))
    if zine.minizine is not None and Kind.MINIZINE in documents:
        made[Kind.MINIZINE] = Output(Kind.MINIZINE, Kind.MINIZINE, True, expect[Kind.MINIZINE], True,
                                     project.shown(zine.minizine.source))
    return {kind: made[kind] for kind in Kind if kind in made}
