"""The build, stage by stage: content → HTML → reading PDF → booklet, letters, mini-zine → checks."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from builder import content as content_stage
from builder import files, letterpack, letters, templating
from builder.checker import Checker
from builder.errors import BuildError, raise_all, shown
from builder.imposition import onepagezine, saddle
from builder.model import A4, A5, Check, Document, Finding, Pdf, Report, Size, Zine
from builder.session import Session

Log = Callable[[str], None]
FOLDERS = ("preview", "html")
"""Sub-folders of the output the build replaces whole: previews and kept HTML."""


@dataclass(frozen=True)
class Options:
    """What a build writes besides the PDFs."""

    fillable: bool = False
    """Also the letter pack with PDF form fields."""
    keep_html: bool = False
    """The HTML documents, in output/html/, each renderable on its own."""
    previews: bool = True
    """PNG thumbnails in output/preview/ and the contact sheet of the booklet."""


def build(root: Path, *, content: Path, templates: Path, output: Path, log: Log,
          options: Options = Options(), session: Session | None = None) -> Report:
    """Build every output of the zine in `content` into `output`; raise BuildError on bad input.

    A `session` kept between builds (watch mode) reuses what is warm; without one, a fresh one
    is made and closed.
    """
    own = session is None
    session = session or Session(content=content, templates=templates)
    try:
        return _build(root, content, templates, output, log, options, session)
    finally:
        if own:
            session.close()


def _build(root: Path, content: Path, templates: Path, output: Path, log: Log, options: Options,
           session: Session) -> Report:
    started = time.perf_counter()
    zine = letters.prepare(content_stage.load(content, root))  # letters: placeholders drawn as blanks
    log(f"read {len(zine.parts)} parts from {shown(content, root)}/")
    reading = templating.document(session.env, "zine.html", "reading", zine)
    slug, checker = zine.meta.slug, session.checker
    rendered: list[Document] = []

    def write(document: Document, target: Path, *, forms: bool = False, check: Check | None = None) -> tuple[int, Size]:
        rendered.append(document)
        return session.write(document, target, source_date=zine.meta.date, forms=forms, check=check)

    with files.staging(output, sources=(content, templates), folders=FOLDERS) as stage:
        try:
            pages, page_size = write(reading, stage / f"{slug}-reading.pdf",
                                     check=letterpack.fits(zine.parts, root, A5, "A5"))
            log(f"laid out the reading edition: {pages} pages of {page_size}")
            inner_blanks = session.blank_pages(reading.name)
            checker.check(stage / f"{slug}-reading.pdf", fonts=session.families)
            plan = saddle.layout(pages, page_size, A4.landscape)
            # Imposed, checked and previewed in a worker while this process renders the letters.
            # The booklet's sides are the reading pages, already looked at: no second rendering.
            checker.impose(stage / f"{slug}-reading.pdf", plan, stage / f"{slug}-booklet.pdf",
                           where=f"{slug}-reading.pdf", fonts=session.families, pixels=False,
                           previews=(stage / "preview", stage / f"{slug}-contact.png") if options.previews else None)
            log(f"imposing the booklet: {len(plan.sheets)} sheets, {len(plan.sides)} sides")
            packs = letterpack.write_pack(write, session.env, zine, stage, output, fillable=options.fillable,
                                          log=log)
            minizine = _minizine(write, session.env, zine, stage, output, checker, session.families)
            # The workers' shares, in the order the documents are done: 0 checks the reading
            # edition while 1 imposes and previews the booklet; then 1 checks the letters while
            # 0 imposes the mini-zine, the last document, so that neither keeps the build waiting.
            for pack in packs:
                checker.check(stage / pack.path.name, fonts=session.families, worker=1)
            if options.keep_html:
                for document in rendered:
                    templating.keep(document, stage / "html", output / "html", root)
            findings = _judge(checker.results(), output)  # last: errors keep the old outputs
            log(f"checked the outputs: {len(findings)} warnings")
        finally:
            checker.drain()  # nothing may still write in the staging folder once it is gone
    outputs = (
        Pdf(output / f"{slug}-reading.pdf", pages, page_size),
        Pdf(output / f"{slug}-booklet.pdf", len(plan.sides), plan.sheet),
        *packs,
        *([minizine] if minizine else []),
    )
    extras = ((output / "preview", output / f"{slug}-contact.png") if options.previews else ()) \
        + ((output / "html",) if options.keep_html else ())
    return Report(outputs=outputs, sheets=len(plan.sheets), blanks=plan.blanks, inner_blanks=inner_blanks,
                  seconds=time.perf_counter() - started, findings=findings, extras=extras)


def _minizine(write: letterpack.Write, env: templating.Environment, zine: Zine, stage: Path, output: Path,
              checker: Checker, fonts: frozenset[str]) -> Pdf | None:
    """The one-sheet market mini-zine: small pages rendered, then imposed eight to an A4 side."""
    if zine.minizine is None:
        return None
    pages = stage / "work" / "minizine-pages.pdf"  # not an output: only top-level files are moved
    pages.parent.mkdir()
    where = shown(zine.minizine.source, zine.root)
    count, size = write(templating.document(env, "minizine.html", "minizine", zine, minizine=zine.minizine), pages)
    if count > onepagezine.PAGES:
        raise BuildError(where, f"the mini-zine runs to {count} pages; it must fit the "
                                f"{onepagezine.PAGES} pages of one sheet: shorten it")
    plan = onepagezine.layout(count, size, A4)
    name = f"{zine.meta.slug}-minizine.pdf"
    checker.impose(pages, plan, stage / name, where=where, fonts=fonts, pixels=True, worker=0)
    return Pdf(output / name, len(plan.sides), plan.sheet)


def _judge(found: list[Finding], output: Path) -> tuple[Finding, ...]:
    """Preflight's findings on the staged PDFs: errors stop the build (nothing replaced).

    Errors are what makes a PDF wrong at the copy shop: a page size or side count the
    imposition does not expect, a font not embedded. Colour, greys, small text, ink near the
    edge, missing metadata and fonts the machine filled in still print: warnings.
    """
    shown = [replace(finding, path=output / finding.path.name) for finding in found if finding.severity != "note"]
    raise_all([BuildError(finding.path if finding.page is None else f"{finding.path} page {finding.page}",
                          f"preflight: {finding.message}") for finding in shown if finding.severity == "error"])
    return tuple(shown)

