"""One build's documents laid out in the worker processes, side by side.

Every document of the plan is handed to the workers at once, the longest first, so that the
reading edition and the short documents are laid out at the same time; `rendered` waits for one.
What the renders say besides their PDFs is kept here: which documents were laid out anew (the
others reused), WeasyPrint's warnings (each once), and every render's errors (each once).
"""

from __future__ import annotations

from pathlib import Path

from builder.errors import BuildError, BuildErrors, raise_all
from builder.kinds import Kind
from builder.model import Finding, Rendered
from builder.plan import Plan
from builder.project import WORK, work_path
from builder.workers import jobs
from builder.workers.background import Background

RENDER_MS_PER_KB = 40
"""A rough cost in milliseconds per kB of HTML (measured on the bench machine): it places a
document's first task on the least busy worker, nothing else."""


class Renders:
    """The renders of a plan's documents into `stage`/work/, each a task named by its kind; laid out
    so as to be rebuilt fast if `kept` (weasy.Renderer.render), else for this build only."""

    def __init__(self, background: Background, plan: Plan, stage: Path, *, kept: bool = True) -> None:
        self._background, self._plan, self._stage = background, plan, stage
        (stage / WORK).mkdir()
        try:
            self._tickets = {kind: background.submit(
                kind, jobs.render, document, work_path(stage, kind), plan.project, plan.date, kept,
                weight=RENDER_MS_PER_KB * len(document.html) / 1000) for kind, document in plan.documents.items()}
        except BaseException:  # nothing may go on writing in the stage
            background.drain()
            raise
        self._laid_out: set[Kind] = set()
        self._notices: dict[str, Finding] = {}
        """WeasyPrint's messages that are warnings (render.notices), each once, on the first output that met it."""

    @property
    def laid_out(self) -> tuple[Kind, ...]:
        """The documents laid out by this build (the others were reused), in the order of the plan."""
        return tuple(kind for kind in self._plan.documents if kind in self._laid_out)

    @property
    def notices(self) -> tuple[Finding, ...]:
        """WeasyPrint's warnings, in the order the documents that said them were waited for."""
        return tuple(self._notices.values())

    def rendered(self, kind: Kind) -> Rendered:
        """Document `kind` once laid out (in the work folder); BuildError if it could not be, with
        every other document's errors too (a stylesheet they share is named once)."""
        try:
            rendered = self._background.result(self._tickets[kind])
        except BuildError:
            raise_all(self._errors())
            raise
        if rendered.laid_out:
            self._laid_out.add(kind)
        for said in rendered.notices:
            self._notices.setdefault(said, Finding(self._plan.path(kind, self._stage), None, "warning", said))
        return rendered

    def _errors(self) -> list[BuildError]:
        """Every document's render errors, each once: a problem in a stylesheet or template they
        share is named once, even when no file could be named (then "reading document: …")."""
        found: dict[tuple[str | None, int | None, str], BuildError] = {}
        for ticket in self._tickets.values():
            try:
                self._background.result(ticket)
            except BuildError as failed:
                for error in failed.errors if isinstance(failed, BuildErrors) else [failed]:
                    where = None if error.where is not None and error.where.endswith(" document") else error.where
                    found.setdefault((where, error.line, error.message), error)
        return list(found.values())
