"""What the builds of one project keep warm, and one build's work in the worker processes.

A `Session` holds the project's templates and the worker processes (background.py), for one
`zine build` or for every build of a `zine watch`; the caches they keep are listed in caches.py.
A `Batch` is one build's documents in the workers: laid out side by side, then published as
outputs or imposed, checked and previewed, each step waiting only for what it needs.
"""

from __future__ import annotations

import dataclasses
import os
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from builder.errors import BuildError, BuildErrors, raise_all
from builder.imposition import Imposition
from builder.model import Document, Finding, Pdf, Placed, Rendered, Zine
from builder.paper import Size
from builder.preflight import GREY, IN_COLOUR, expectations
from builder.project import HTML, OUTPUTS, PREVIEW, WORK, Project, output_kind, reading_preview, side_preview, work_path
from builder.render import templating
from builder.typography.words import words
from builder.workers import jobs
from builder.workers.background import Background, Ticket


class Session:
    """Warm state for the builds of one project: its templates, and the worker processes."""

    def __init__(self, project: Project) -> None:
        self.project = project
        # The workers first: they import WeasyPrint while this process loads Jinja2 and the content.
        self.background = Background(warm=jobs.WARM)
        try:
            self.env = templating.environment(project)
        except BuildError:  # no such folder
            self.background.close()
            raise

    def close(self) -> None:
        """End the worker processes (after the tasks they hold)."""
        self.background.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exception: object) -> None:
        if kind is KeyboardInterrupt:  # Ctrl-C: the user waits for no render to finish
            self.background.stop()
        self.close()

    @classmethod
    def reused(cls, session: Session | None, project: Project) -> AbstractContextManager[Session]:
        """`session` as it is, left open (watch mode), or a new one, closed at the end."""
        if session is not None:
            return nullcontext(session)
        return cls(project)


RENDER_MS_PER_KB, CHECK_MS, IMPOSE_MS, PREVIEW_MS = 40, 20, 5, 20
"""Rough costs in milliseconds (per kB of HTML, per page; measured on the bench machine): they
place a document's first task on the least busy worker, nothing else."""


class Batch:
    """One build's documents in the workers: rendered, published as outputs or imposed, checked.

    Every document is handed to the workers at once, the longest first, so that they are laid
    out side by side; each method waits only for what it needs. Outputs and their findings are
    listed in the order of the table of outputs, whatever order they were made in. Used as a
    context manager: at its end every task has finished (a failed build too), so nothing writes
    in `stage` once it is gone.
    """

    def __init__(self, session: Session, zine: Zine, stage: Path, documents: tuple[Document, ...]) -> None:
        self._background = session.background
        self._project, self._zine, self._stage = session.project, zine, stage
        self._expect = expectations(zine.format)
        self.documents = documents
        (stage / WORK).mkdir()
        try:
            self._renders = {document.name: self._background.submit(
                document.name, jobs.render, document, work_path(stage, document.name), session.project,
                zine.meta.date, weight=RENDER_MS_PER_KB * len(document.html) / 1000) for document in documents}
        except BaseException:  # nothing may go on writing in the stage
            self._background.drain()
            raise
        self._checks: dict[str, Ticket[tuple[Finding, ...]]] = {}
        self._tasks: list[Ticket[Any]] = []
        """The impositions and previews, in the order asked."""
        self._outputs: dict[str, Pdf] = {}
        self._laid_out: set[str] = set()
        self._notices: dict[str, Finding] = {}
        """WeasyPrint's messages that are warnings (render.notices), each once."""
        self._pictures: dict[str, tuple[Placed, ...]] = {}
        """Where the pictures of each published output landed: its grey-tint warnings name them."""
        self.extras: list[Path] = []
        """What was written besides the PDFs: previews, the contact sheet, kept HTML."""

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exception: object) -> None:
        if kind is KeyboardInterrupt:  # Ctrl-C: a render may take seconds, the user waits for none
            self._background.stop()
        else:
            self._background.drain()

    def __contains__(self, name: str) -> bool:
        return name in self._renders

    @property
    def outputs(self) -> tuple[Pdf, ...]:
        """The PDFs written, in the order of the table of outputs (project.OUTPUTS)."""
        return tuple(self._outputs[kind] for kind in OUTPUTS if kind in self._outputs)

    @property
    def laid_out(self) -> tuple[str, ...]:
        """The documents laid out by this build (the others were reused), in the order of `documents`."""
        return tuple(document.name for document in self.documents if document.name in self._laid_out)

    def rendered(self, name: str) -> Rendered:
        """Document `name` once laid out (in the work folder); BuildError if it could not be, with
        every other document's errors too (a stylesheet they share is named once)."""
        try:
            rendered = self._background.result(self._renders[name])
        except BuildError:
            raise_all(self._render_errors())
            raise
        if rendered.laid_out:
            self._laid_out.add(name)
        for said in rendered.notices:  # once per build, on the first output that met it
            self._notices.setdefault(said, Finding(self._path(name), None, "warning", said))
        return rendered

    def publish(self, name: str) -> Rendered:
        """Document `name`, laid out, as the output of the same name: checked, and listed.

        BuildError, naming the templates, when its pages are not the size the zine's format says
        (the stylesheets' @page disagrees with paper.py): imposing them would fail less clearly.
        """
        rendered = self.rendered(name)
        expect = self._expect[output_kind(self._path(name)) or name]
        if not expect.fits(rendered.size):
            raise BuildError(self._project.shown(self._project.templates),
                             f"the {name} document's pages are {rendered.size}, not {expect.size} ({expect.label}): "
                             "the stylesheets' @page size must say the same")
        path = self._path(name)
        os.replace(rendered.path, path)
        rendered = dataclasses.replace(rendered, path=path)
        self._pictures[name] = rendered.pictures
        self._check(name, rendered, pixels=True)
        self._output(name, rendered.pages, rendered.size)
        return rendered

    def impose(self, source: Rendered, plan: Imposition, kind: str, *, where: str | None = None) -> None:
        """Impose `source` by `plan` as output `kind`, then check it; BuildError naming `where`
        (by default the source's output) if the source is unreadable. The pixels of published
        pages were checked already: only the fonts and text of their imposed sheets are."""
        where = where or self._project.shown(self._project.output_path(source.name, self._zine.meta.slug))
        self._tasks.append(self._background.submit(kind, jobs.impose, source.path, plan, self._path(kind), where,
                                                   weight=IMPOSE_MS * source.pages))
        self._check(kind, dataclasses.replace(source, path=self._path(kind)), pixels=source.name not in self._outputs)
        self._output(kind, len(plan.sides), plan.sheet)

    def previews(self, reading: Rendered, booklet: str) -> None:
        """PNGs of the reading pages and of both sides of the booklet's sheets, and its contact sheet."""
        self.extras += [self._project.output / PREVIEW, self._project.output_path("contact", self._zine.meta.slug)]
        folder, contact = self._stage / PREVIEW, self._project.output_path("contact", self._zine.meta.slug, self._stage)
        for name, pdf, naming, sheet in ((PREVIEW, reading.path, reading_preview, None),
                                         (booklet, self._path(booklet), side_preview, contact)):
            self._tasks.append(self._background.submit(name, jobs.previews, pdf, folder, naming, sheet,
                                                       words(self._zine.meta.lang), weight=PREVIEW_MS * reading.pages))

    def keep_html(self) -> None:
        """The HTML of every document, in output/html/, each renderable on its own (templating.keep)."""
        self.extras.append(self._project.output / HTML)
        for document in self.documents:
            templating.keep(document, self._stage / HTML, self._project.output / HTML, self._project)

    def findings(self) -> list[Finding]:
        """Every output's findings, in the order of the table of outputs; waits for every task, and
        raises the first error of any (an unreadable PDF, a preview that could not be written)."""
        for ticket in self._tasks:
            self._background.result(ticket)
        return [*self._notices.values(), *(_named(finding, self._pictures.get(kind, ())) for kind in OUTPUTS
                                           if kind in self._checks
                                           for finding in self._background.result(self._checks[kind]))]

    def _render_errors(self) -> list[BuildError]:
        """Every document's render errors, each once: a problem in a stylesheet or template they
        share is named once, even when no file could be named (then "reading document: …")."""
        found: dict[tuple[str | None, int | None, str], BuildError] = {}
        for ticket in self._renders.values():
            try:
                self._background.result(ticket)
            except BuildError as failed:
                for error in failed.errors if isinstance(failed, BuildErrors) else [failed]:
                    where = None if error.where is not None and error.where.endswith(" document") else error.where
                    found.setdefault((where, error.line, error.message), error)
        return list(found.values())

    def _path(self, kind: str) -> Path:
        return self._project.output_path(kind, self._zine.meta.slug, self._stage)

    def _output(self, kind: str, pages: int, size: Size) -> None:
        self._outputs[kind] = Pdf(self._project.output_path(kind, self._zine.meta.slug), OUTPUTS[kind].unit,
                                  pages, size)

    def _check(self, kind: str, pdf: Rendered, *, pixels: bool) -> None:
        weight = (CHECK_MS if pixels else IMPOSE_MS) * pdf.pages
        expect = self._expect.get(output_kind(pdf.path) or kind)
        self._checks[kind] = self._background.submit(kind, jobs.check, pdf.path, expect, pdf.families, pixels,
                                                     weight=weight)


def _named(finding: Finding, pictures: tuple[Placed, ...]) -> Finding:
    """A page's grey-tint or colour warning with the raster pictures on that page that are not halftoned,
    and the way to halftone them (issue 12): preflight sees pixels, the layout knows the files."""
    if finding.page is None or not finding.message.startswith((GREY, IN_COLOUR)):
        return finding
    names = list(dict.fromkeys(picture.name for picture in pictures if picture.page == finding.page
                               and not picture.halftone and picture.pixels != (0, 0)))
    if not names:
        return finding
    shown = ", ".join(names)
    return dataclasses.replace(finding, message=f"{finding.message}; on this page: {shown}. "
                                                'photos = "halftone" in zine.toml, or {.halftone} after a picture, '
                                                "prints it in pure black-and-white dots, which copy well")
