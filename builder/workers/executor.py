"""The executor of a build's plan (plan.py) over the worker processes.

Its documents are laid out side by side (renders.py); each output is then published as laid
out or imposed, and checked by preflight (its previews drawn by the same task, page by page),
each task in the workers and each step waiting only for what it needs. Outputs and their
findings are listed in the order of `Kind`, whatever order they were made in.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.imposition import Imposition
from builder.kinds import Kind
from builder.model import Finding, Pdf, Placed, Rendered
from builder.paper import Size
from builder.plan import Output, Plan
from builder.preflight import named
from builder.project import HTML, PREVIEW
from builder.render import templating
from builder.workers import jobs
from builder.workers.background import Ticket
from builder.workers.renders import Renders
from builder.workers.session import Session

if TYPE_CHECKING:
    from builder.preflight.reader import Head, Look

CHECK_MS, IMPOSE_MS, PREVIEW_MS = 20, 5, 20
"""Rough costs in milliseconds per page (measured on the bench machine): they place a task
named for the first time on the least busy worker, nothing else."""
CHUNK = 32
"""Pages of the largest chunk of a one-off build's check (issue 26): both workers check the long
reading edition, each chunk going to whichever is free (Background's `anywhere`), beside the
booklet's imposition and check; a document of at most CHUNK pages is checked whole."""
LAST_CHUNK = 8
"""Pages of the smallest chunks, the last ones: the workers finish within a fraction of a second
of each other (`chunks`), and opening the file for each still costs little."""


def chunks(pages: int, largest: int = CHUNK, smallest: int = LAST_CHUNK) -> list[range]:
    """The page ranges (0-based) a check of `pages` pages goes in, in page order: each a quarter of
    the pages left, from `largest` pages down to `smallest` (guided scheduling: large chunks
    first, small ones to even out the workers at the end)."""
    found, start = [], 0
    while start < pages:
        size = max(smallest, min(largest, (pages - start) // 4))
        found.append(range(start, min(start + size, pages)))
        start += size
    return found


@dataclass(frozen=True)
class _Chunked:
    """A check in chunks: what is read of the whole file, the chunks of pages, then the putting
    together (jobs.check_head, check_pages, check_finish)."""

    path: Path
    head: Ticket[Head]
    chunks: tuple[Ticket[list[Look]], ...]
    fonts: frozenset[str]
    pixels: bool


@dataclass(frozen=True)
class _Made:
    """An output written (or being written) in the staging folder, and its check under way."""

    pdf: Pdf
    check: Ticket[tuple[Finding, ...]] | _Chunked
    pictures: tuple[Placed, ...]
    """Where its pictures landed: its grey-tint and colour warnings name them (preflight.named)."""


class Executor:
    """One build's plan carried out in the workers of `session`, into the staging folder `stage`.

    Used as a context manager: at its end every task has finished (a failed build too), so
    nothing writes in `stage` once it is gone.
    """

    def __init__(self, session: Session, plan: Plan, stage: Path) -> None:
        self._background, self.plan, self._stage = session.background, plan, stage
        self._renders = Renders(session.background, plan, stage, kept=not session.once)
        self._once = session.once
        """A one-off build: nothing is kept for a next build, and long checks go in chunks."""
        self._made: dict[Kind, _Made] = {}
        self._tasks: list[Ticket[Any]] = []
        """The impositions, in the order asked."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exception: object) -> None:
        if kind is KeyboardInterrupt:  # Ctrl-C: a render may take seconds, the user waits for none
            self._background.stop()
        else:
            self._background.drain()

    @property
    def outputs(self) -> tuple[Pdf, ...]:
        """The PDFs written, in the order of `Kind`."""
        return tuple(self._made[kind].pdf for kind in Kind if kind in self._made)

    @property
    def laid_out(self) -> tuple[Kind, ...]:
        """The documents laid out by this build (the others were reused), in the order of the plan."""
        return self._renders.laid_out

    def rendered(self, kind: Kind) -> Rendered:
        """Document `kind` once laid out (Renders.rendered): BuildError with every document's errors."""
        return self._renders.rendered(kind)

    def publish(self, kind: Kind) -> Rendered:
        """Document `kind`, laid out, as the output of the same kind: checked, and listed.
        BuildError when its pages are not the size the zine's format says (Plan.require_size)."""
        rendered = self.rendered(kind)
        self.plan.require_size(kind, rendered.size)
        path = self.plan.path(kind, self._stage)
        os.replace(rendered.path, path)
        rendered = dataclasses.replace(rendered, path=path)
        self._made[kind] = self._check(self.plan.outputs[kind], rendered, rendered.pages, rendered.size,
                                       rendered.pictures)
        return rendered

    def impose(self, source: Rendered, imposition: Imposition, kind: Kind) -> None:
        """Impose `source` by `imposition` as output `kind`, then check it; BuildError naming the
        output's `where` (plan.Output) if the source is unreadable."""
        output, path = self.plan.outputs[kind], self.plan.path(kind, self._stage)
        self._tasks.append(self._background.submit(kind, jobs.impose, source.path, imposition, path, output.where,
                                                   source.gray_black,
                                                   weight=IMPOSE_MS * source.pages))
        # Its text was read in the source, as printed unless scaled down (preflight.check's `text`).
        self._made[kind] = self._check(output, dataclasses.replace(source, path=path), len(imposition.sides),
                                       imposition.sheet, (), text=output.pixels or imposition.scale < 1)

    def keep_html(self) -> None:
        """If the plan says so, the HTML of every document in output/html/, each renderable on its
        own (templating.keep)."""
        project = self.plan.project
        for document in self.plan.documents.values() if self.plan.keep_html else ():
            templating.keep(document, self._stage / HTML, project.output / HTML, project)

    def findings(self) -> list[Finding]:
        """WeasyPrint's warnings, then every output's findings in the order of `Kind`; waits for every
        task, and raises the first error of any (an unreadable PDF, a preview that could not be written)."""
        for ticket in self._tasks:
            self._background.result(ticket)
        made = [self._made[kind] for kind in Kind if kind in self._made]
        return [*self._renders.notices, *(named(finding, output.pictures) for output in made
                                          for finding in self._found(output.check))]

    def _found(self, check: Ticket[tuple[Finding, ...]] | _Chunked) -> tuple[Finding, ...]:
        """The findings of one output's check, once done (a check in chunks put together)."""
        if isinstance(check, Ticket):
            return self._background.result(check)
        top = self._background.result(check.head)
        seen: list[Look] = []
        for chunk in check.chunks:
            try:
                looked = self._background.result(chunk)  # (a variable: inline, mypy would infer Iterable[Look])
                seen.extend(looked)
            except Exception:  # noqa: BLE001 — the head says why the file cannot be read
                if not top.refused:
                    raise
        if top.refused:
            return top.refused
        return self._background.result(self._background.submit(
            "finish", jobs.check_finish, check.path, top, seen, check.fonts, check.pixels, anywhere=True))

    def _check(self, output: Output, pdf: Rendered, pages: int, size: Size, pictures: tuple[Placed, ...],
               text: bool = True) -> _Made:
        """Output `pdf` listed with its `pages` of `size`, and its check handed to the workers, with
        its previews if the plan has them: drawn as its pages are checked, each page loaded once."""
        contact = self.plan.path(Kind.CONTACT, self._stage)
        shown = next((jobs.Shown(self._stage / PREVIEW, preview.naming, contact if preview.contact else None,
                                 self.plan.language) for preview in self.plan.previews
                      if preview.source is output.kind), None)
        weight = (CHECK_MS if output.pixels else IMPOSE_MS) * pdf.pages + (PREVIEW_MS * pages if shown else 0)
        check: Ticket[tuple[Finding, ...]] | _Chunked
        if self._once and output.pixels and pages > CHUNK and (shown is None or shown.contact is None):
            check = self._chunked(output, pdf, pages, shown, weight / pages)
        else:
            check = self._background.submit(output.kind, jobs.check, pdf.path, output.expect, pdf.families,
                                            output.pixels, output.kind, shown, not self._once, text, weight=weight)
        return _Made(Pdf(self.plan.path(output.kind), output.kind.unit, pages, size), check, pictures)

    def _chunked(self, output: Output, pdf: Rendered, pages: int, shown: jobs.Shown | None,
                 weight: float) -> _Chunked:
        """The check of a long output in chunks of pages (`chunks`), for whichever worker is free (see CHUNK)."""
        head = self._background.submit(output.kind, jobs.check_head, pdf.path, output.expect, output.kind)
        tickets = tuple(self._background.submit(output.kind, jobs.check_pages, pdf.path, chunk.start, chunk.stop,
                                                output.pixels, shown, weight=weight * len(chunk), anywhere=True)
                        for chunk in chunks(pages))
        return _Chunked(pdf.path, head, tickets, pdf.families, output.pixels)
