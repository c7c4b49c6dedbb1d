"""The build, stage by stage: content → HTML → reading PDF → imposed booklet."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from builder import content as content_stage
from builder import files, letterpack, letters, pdf, templating
from builder.errors import BuildError, raise_all
from builder.imposition import onepagezine, saddle
from builder.model import A4, A5, Finding, Pdf, Report, Zine

if TYPE_CHECKING:
    from jinja2 import Environment

    from builder.render import Renderer

Log = Callable[[str], None]


def build(root: Path, *, content: Path, templates: Path, output: Path, log: Log, fillable: bool = False) -> Report:
    """Build every output of the zine in `content` into `output`; raise BuildError on bad input."""
    started = time.perf_counter()
    zine = letters.prepare(content_stage.load(content, root))  # letters: placeholders drawn as blanks
    log(f"read {len(zine.parts)} parts from {_show(content, root)}/")
    env = templating.environment(templates)
    reading = templating.document(env, "zine.html", "reading", zine)
    log("rendered the HTML")

    from builder.render import Renderer  # WeasyPrint takes a second to import: only when needed

    renderer = Renderer((content, templates), source_date=zine.meta.date)  # the sandbox: nothing else is read
    slug = zine.meta.slug
    with files.staging(output, sources=(content, templates)) as stage:
        pages, page_size = renderer.write(reading, stage / f"{slug}-reading.pdf",
                                          check=letterpack.fits(zine.parts, root, A5, "A5"))
        log(f"laid out the reading edition: {pages} pages of {page_size}")
        source = pdf.open_source(stage / f"{slug}-reading.pdf", where=f"{slug}-reading.pdf")
        plan = saddle.layout(source.pages, source.size, A4.landscape)
        sides = pdf.impose(source, plan, stage / f"{slug}-booklet.pdf")
        log(f"imposed the booklet: {len(plan.sheets)} sheets, {sides} sides")
        packs = letterpack.write_pack(renderer, env, zine, stage, output, fillable=fillable, log=log)
        minizine = _minizine(renderer, env, zine, stage, output)
        if minizine:
            log(f"imposed the mini-zine: {minizine.pages} sheet side of {minizine.size}")
        findings = _preflight(stage, output, renderer.families)  # last: errors keep the old outputs
        log(f"checked the outputs: {len(findings)} warnings")
    outputs = (
        Pdf(output / f"{slug}-reading.pdf", pages, page_size),
        Pdf(output / f"{slug}-booklet.pdf", sides, plan.sheet),
        *packs,
        *([minizine] if minizine else []),
    )
    return Report(outputs=outputs, sheets=len(plan.sheets), blanks=plan.blanks,
                  seconds=time.perf_counter() - started, findings=findings)


def _minizine(renderer: Renderer, env: Environment, zine: Zine, stage: Path,
              output: Path) -> Pdf | None:
    """The one-sheet market mini-zine: small pages rendered, then imposed eight to an A4 side."""
    if zine.minizine is None:
        return None
    pages = stage / "work" / "minizine-pages.pdf"  # not an output: only top-level files are moved
    pages.parent.mkdir()
    renderer.write(templating.document(env, "minizine.html", "minizine", zine, minizine=zine.minizine), pages)
    source = pdf.open_source(pages, where=f"{_show(zine.content, zine.root)}/{zine.minizine.source.name}")
    plan = onepagezine.layout(source.pages, source.size, A4)
    name = f"{zine.meta.slug}-minizine.pdf"
    sides = pdf.impose(source, plan, stage / name)
    return Pdf(output / name, sides, plan.sheet)


def _preflight(stage: Path, output: Path, fonts: frozenset[str]) -> tuple[Finding, ...]:
    """Check the staged PDFs: errors stop the build (nothing replaced), warnings are returned.

    Errors are what makes a PDF wrong at the copy shop: a page size or side count the
    imposition does not expect, a font not embedded. Colour, greys, small text, ink near the
    edge, missing metadata and fonts the machine filled in still print: warnings.
    """
    from builder import preflight

    found = [replace(finding, path=output / finding.path.name)
             for finding in preflight.check(sorted(stage.glob("*.pdf")), fonts=fonts)
             if finding.severity != "note"]
    raise_all([BuildError(finding.path if finding.page is None else f"{finding.path} page {finding.page}",
                          f"preflight: {finding.message}") for finding in found if finding.severity == "error"])
    return tuple(found)


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
