"""The build, stage by stage: content → documents → letters, mini-zine, reading edition → booklet → checks.

`build` reads as the table of contents of a build. The stages are packages (content, render,
imposition, preflight); what a build makes is decided first, as a pure value (plan.py), then
carried out in the worker processes (workers/executor.py): the documents laid out side by side,
imposed and checked, while this process waits only for what the next stage needs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from builder import content, files, paper
from builder.errors import BuildError, plural, raise_all
from builder.imposition.layout import Options as Imposing
from builder.imposition.layout import printing
from builder.imposition.layouts import onepagezine
from builder.kinds import Kind
from builder.letters import envelopes
from builder.model import Finding, Report, Zine
from builder.pictures import resample
from builder.plan import Plan
from builder.project import FOLDERS, Project
from builder.render.documents import documents
from builder.typography import words
from builder.workers.executor import Executor
from builder.workers.session import Session

Log = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    """What a build writes besides the PDFs."""

    fillable: bool = False
    """Also the letter pack with PDF form fields."""
    keep_html: bool = False
    """The HTML documents, in output/html/, each renderable on its own."""
    previews: bool = True
    """PNG thumbnails in output/preview/ and the contact sheet of the booklet."""


def build(project: Project, *, options: Options = Options(), log: Log = lambda line: None,
          session: Session | None = None) -> Report:
    """Build every output of the zine in `project` into its output folder; return what was done.

    Raises BuildError, naming each file and line at fault; the previous outputs are then left as
    they were. A `session` kept between builds (watch mode) reuses what is warm.
    """
    started = time.perf_counter()
    with Session.reused(session, project) as session, \
            files.staging(project.output, sources=project.sources, folders=FOLDERS, record=True) as stage:
        zine = resample.prepare(content.load(project), project.pictures.resolve())
        log(f"read {plural(len(zine.parts), 'part')} from {project.shown(project.content)}/"
            + ("" if words.known(zine.meta.lang) else f"; no words for {zine.meta.lang!r} here: the contents "
               "title, print page and letter labels are in English"))
        plan = Plan.of(project, zine, documents(session.env, zine, fillable=options.fillable),
                       previews=options.previews, keep_html=options.keep_html)
        with Executor(session, plan, stage) as run:
            # The short documents first: they are checked while the reading edition is laid out.
            _letter_packs(run, zine, log)
            _minizine(run, zine, log)
            reading = run.publish(Kind.READING)
            log(f"laid out the reading edition: {plural(reading.pages, 'page')} of {reading.size}"
                + (f" ({reading.layout})" if reading.layout else ""))
            booklet = zine.format.booklet.impose(reading.pages, reading.size, zine.format.sheet, _bound(zine))
            run.impose(reading, booklet, Kind.BOOKLET)
            log(f"imposing the booklet: {plural(len(booklet.sheets), 'sheet')}, {plural(len(booklet.sides), 'side')}"
                + printing(zine.format, zine.meta.direction).log)
            run.keep_html()  # only with --keep-html
            findings = _judge(run.findings(), project)
            log(f"checked the outputs: {plural(len(findings), 'warning')}"
                + (f"; {plural(len(zine.warnings), 'warning')} on the text too" if zine.warnings else ""))
    return Report(outputs=run.outputs, sheets=len(booklet.sheets), blanks=booklet.blanks,
                  inner_blanks=reading.blanks, seconds=time.perf_counter() - started,
                  findings=(*zine.warnings, *findings),  # the content's (with their lines), then the outputs'
                  extras=plan.extras, laid_out=run.laid_out, format=zine.format, direction=zine.meta.direction,
                  lang=zine.meta.lang)


def _letter_packs(run: Executor, zine: Zine, log: Log) -> None:
    """The letter pack, and its fillable copy when asked for (the zine may have no letters)."""
    packs = [run.publish(kind) for kind in (Kind.LETTERS, Kind.LETTERS_FILLABLE) if kind in run.plan.outputs]
    if packs:
        log(f"laid out the letter pack: {plural(packs[0].pages, 'letter')}, one {paper.said(zine.format.paper)} "
            f"page each, for a {envelopes.of(zine.format).name} window envelope"
            + (", and a fillable copy" * (len(packs) > 1)))


def _minizine(run: Executor, zine: Zine, log: Log) -> None:
    """The one-sheet market mini-zine: its small pages imposed eight to a side of the sheet."""
    if zine.minizine is None:
        return
    where, pages, layout = run.plan.outputs[Kind.MINIZINE].where, run.rendered(Kind.MINIZINE), onepagezine.LAYOUT
    if pages.pages > layout.pages:
        raise BuildError(where, f"the mini-zine runs to {pages.pages} pages; it must fit the "
                                f"{layout.pages} pages of one sheet: shorten it")
    plan = layout.impose(pages.pages, pages.size, zine.format.paper, _bound(zine))
    run.impose(pages, plan, Kind.MINIZINE)
    log(f"imposing the mini-zine: {plural(pages.pages, 'page')} on {plural(len(plan.sheets), 'sheet')} "
        f"of {paper.said(zine.format.paper)}")


def _bound(zine: Zine) -> Imposing:
    """The options the zine's booklet and mini-zine are imposed with: bound on the right for a
    right-to-left zine (Meta.direction, issue 22), the layouts' defaults otherwise."""
    return Imposing(direction=zine.meta.direction)


def _judge(found: list[Finding], project: Project) -> tuple[Finding, ...]:
    """Preflight's findings on the staged PDFs: errors stop the build (nothing replaced).

    Errors are what makes a PDF wrong at the copy shop: a page size or side count the
    imposition does not expect, a font not embedded. Colour, greys, small text, ink near the
    edge, missing metadata and fonts the machine filled in still print: warnings.
    """
    shown = [replace(finding, path=Path(project.shown(project.output / finding.path.name))) for finding in found
             if finding.severity != "note"]
    raise_all([BuildError(finding.path if finding.page is None else f"{finding.path} page {finding.page}",
                          f"preflight: {finding.message}") for finding in shown if finding.severity == "error"])
    return tuple(shown)
