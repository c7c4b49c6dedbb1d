"""The build, stage by stage: content → HTML → reading PDF → imposed booklet."""

from __future__ import annotations

import calendar
import os
import time
from collections.abc import Callable
from pathlib import Path

from builder import content as content_stage
from builder import files, pdf, templating
from builder.imposition import saddle
from builder.model import A4, Pdf, Report

Log = Callable[[str], None]


def build(root: Path, *, content: Path, templates: Path, output: Path, log: Log) -> Report:
    """Build every output of the zine in `content` into `output`; raise BuildError on bad input."""
    started = time.perf_counter()
    zine = content_stage.load(content, root)
    log(f"read {len(zine.parts)} parts from {_show(content, root)}/")
    _pin_dates(zine.meta.date.timetuple())
    env = templating.environment(templates)
    reading = templating.document(env, "zine.html", "reading", zine)
    log("rendered the HTML")

    from builder.render import Renderer  # WeasyPrint takes a second to import: only when needed

    renderer = Renderer((root,))
    slug = zine.meta.slug
    with files.staging(output) as stage:
        pages, page_size = renderer.write(reading, stage / f"{slug}-reading.pdf")
        log(f"laid out the reading edition: {pages} pages of {page_size}")
        source = pdf.open_source(stage / f"{slug}-reading.pdf", where=f"{slug}-reading.pdf")
        plan = saddle.layout(source.pages, source.size, A4.landscape)
        sides = pdf.impose(source, plan, stage / f"{slug}-booklet.pdf")
        log(f"imposed the booklet: {len(plan.sheets)} sheets, {sides} sides")
    outputs = (
        Pdf(output / f"{slug}-reading.pdf", pages, page_size),
        Pdf(output / f"{slug}-booklet.pdf", sides, plan.sheet),
    )
    return Report(outputs=outputs, sheets=len(plan.sheets), blanks=plan.blanks,
                  seconds=time.perf_counter() - started)


def _pin_dates(day: time.struct_time) -> None:
    """Make font subsetting stamp the manifest's date, not today's (reproducible bytes)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(calendar.timegm(day)))


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
