"""What the builds of one project keep warm, and one build's work in the worker processes.

The caches, all of them (each is bounded, or replaced build after build):
- Jinja2's compiled templates, in the build process; a template is read again when it changes.
- In each worker, for the documents it renders: WeasyPrint with its fonts, and the last PDF of
  each document, reused while its HTML and every file it read are unchanged (`jobs.render`):
  after a one-word edit of the article only the reading edition is laid out again.
- In each worker: the findings of the files it checked, by their bytes (`jobs.check`, 32 files).
- In each worker: the findings of each page's pixels (`preflight.ink`, 4096 pages).
- In each worker: each preview's PNG bytes, by its pixels (`preview`, 512 images).
Tasks about one document always go to the worker that had it before (background.py), so each
cache hits in `zine watch`; a fresh session (one `zine build`) starts with all of them empty.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from builder import jobs, preview
from builder.background import Background, Ticket
from builder.imposition import Imposition
from builder.model import Document, Finding, Pdf, Rendered, Zine
from builder.preflight import Expectation, expectations
from builder.project import HTML, OUTPUTS, PREVIEW, WORK, Project
from builder.render import templating


class Session:
    """Warm state for the builds of one project: its templates, and the worker processes."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.env = templating.environment(project.templates)  # BuildError if there is no such folder
        self.background = Background(warm=jobs.WARM)

    def close(self) -> None:
        self.background.close()

    @classmethod
    @contextmanager
    def reused(cls, session: Session | None, project: Project) -> Iterator[Session]:
        """`session` as it is (watch mode), or a new one, closed at the end."""
        if session is not None:
            yield session
            return
        session = cls(project)
        try:
            yield session
        finally:
            session.close()


RENDER_MS_PER_KB, CHECK_MS, IMPOSE_MS, PREVIEW_MS = 40, 20, 5, 20
"""Rough costs in milliseconds (per kB of HTML, per page; measured on the bench machine): they
place a document's first task on the least busy worker, nothing else."""


class Batch:
    """One build's documents in the workers: rendered, published as outputs or imposed, checked.

    Every document is handed to the workers at once, the longest first, so that they are laid
    out side by side; each method waits only for what it needs. `outputs` lists what the build
    wrote, in order. Used as a context manager: at its end every task has finished (a failed
    build too), so nothing writes in `stage` once it is gone.
    """

    def __init__(self, session: Session, zine: Zine, stage: Path, documents: tuple[Document, ...]) -> None:
        self._background = session.background
        self._project, self._zine, self._stage = session.project, zine, stage
        self._expect = expectations(zine.format)
        self.documents = documents
        (stage / WORK).mkdir()
        roots = session.project.sources
        self._renders = {document.name: self._background.submit(
            document.name, jobs.render, document, stage / WORK / f"{document.name}.pdf", roots, zine.meta.date,
            weight=RENDER_MS_PER_KB * len(document.html) / 1000) for document in documents}
        self._tasks: list[Ticket[Any]] = []
        """Every task after the renders, in the order asked: checks, impositions, previews."""
        self._published: set[str] = set()
        self.outputs: list[Pdf] = []
        self.laid_out: list[str] = []
        self.extras: list[Path] = []
        """What was written besides the PDFs: previews, the contact sheet, kept HTML."""

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *exception: object) -> None:
        self._background.drain()

    def __contains__(self, name: str) -> bool:
        return name in self._renders

    def rendered(self, name: str) -> Rendered:
        """Document `name` once laid out (in the work folder); BuildError if it could not be."""
        rendered = self._background.result(self._renders[name])
        if rendered.laid_out and name not in self.laid_out:
            self.laid_out.append(name)
        return rendered

    def publish(self, name: str) -> Rendered:
        """Document `name`, laid out, as the output of the same name: checked, and listed."""
        rendered = self.rendered(name)
        path = self._path(name)
        os.replace(rendered.path, path)
        self._check(name, path, rendered, pixels=True)
        self.outputs.append(Pdf(self._project.output_path(name, self._zine.meta.slug), OUTPUTS[name].unit,
                                rendered.pages, rendered.size))
        self._published.add(name)
        return dataclasses.replace(rendered, path=path)

    def impose(self, source: Rendered, plan: Imposition, kind: str, *, where: str | None = None) -> None:
        """Impose `source` by `plan` as output `kind`, then check it; BuildError naming `where`
        (by default the source's output) if the source is unreadable. The pixels of published
        pages were checked already: only the fonts and text of their imposed sheets are."""
        path = self._path(kind)
        where = where or self._project.shown(self._project.output_path(source.name, self._zine.meta.slug))
        self._tasks.append(self._background.submit(kind, jobs.impose, source.path, plan, path, where,
                                                   weight=IMPOSE_MS * source.pages))
        self._check(kind, path, source, pixels=source.name not in self._published)
        self.outputs.append(Pdf(self._project.output_path(kind, self._zine.meta.slug), OUTPUTS[kind].unit,
                                len(plan.sides), plan.sheet))

    def previews(self, reading: Rendered, booklet: str) -> None:
        """PNGs of the reading pages and of both sides of the booklet's sheets, and its contact sheet."""
        self.extras += [self._project.output / PREVIEW, self._project.output_path("contact", self._zine.meta.slug)]
        folder = self._stage / PREVIEW
        self._tasks.append(self._background.submit(reading.name, jobs.previews, reading.path, folder,
                                                   preview.reading_name, None, weight=PREVIEW_MS * reading.pages))
        contact = self._project.output_path("contact", self._zine.meta.slug, self._stage)
        self._tasks.append(self._background.submit(booklet, jobs.previews, self._path(booklet), folder,
                                                   preview.side_name, contact, weight=PREVIEW_MS * reading.pages / 2))

    def keep_html(self) -> None:
        """The HTML of every document, in output/html/, each renderable on its own (templating.keep)."""
        self.extras.append(self._project.output / HTML)
        for document in self.documents:
            templating.keep(document, self._stage / HTML, self._project.output / HTML, self._project.root)

    def findings(self) -> list[Finding]:
        """Every output's findings, in the order they were written; waits for every task, and
        raises the first error of any (an unreadable PDF, a preview that could not be written)."""
        results = [self._background.result(ticket) for ticket in self._tasks]
        return [finding for ticket, result in zip(self._tasks, results) if ticket.task is jobs.check
                for finding in result]

    def _path(self, kind: str) -> Path:
        return self._project.output_path(kind, self._zine.meta.slug, self._stage)

    def _check(self, kind: str, path: Path, source: Rendered, *, pixels: bool) -> None:
        expect: Expectation | None = self._expect.get(kind)
        weight = (CHECK_MS if pixels else IMPOSE_MS) * source.pages
        self._tasks.append(self._background.submit(kind, jobs.check, path, expect, source.families, pixels,
                                                   weight=weight))

