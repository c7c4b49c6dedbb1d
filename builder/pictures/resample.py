"""Pictures sized for the page and the copier (issue 12, items 2 and 3): the stage between the
content and the documents.

`prepare(zine, cache) -> Zine` gives every picture of the parts' HTML its printed width, for the
zine's format: never wider than the column, never taller than the page's text area (less its
caption), its aspect kept (sizing.py); `width` asks for a share of the column or a length,
`.full-page` for the whole text area of a page of its own. Each picture with more pixels than
300 dpi at that width is resampled with Pillow (pixels.py) into `cache` (output/.pictures/,
never content/: cache.py), JPEG or PNG, so that WeasyPrint embeds it as it is and never
resamples it itself; a halftoned one (halftone.py) is made pure black and white at exactly
300 dpi. A picture alone in its paragraph becomes a figure, with its title as caption (figures.py).

The sizes come from `paper.Format.text_block` (the shipped stylesheets' margins); the renderer
checks after layout that nothing left the text area (render/overflow.py), so a project's own
stylesheet with wider margins is caught there, with the picture's file and line.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from builder.errors import BuildError, raise_all
from builder.model import Finding, Part, Zine
from builder.pictures.cache import prune
from builder.pictures.figures import Pictures
from builder.pictures.pixels import DPI
from builder.pictures.sizing import COVER_MM, Area

__all__ = ["DPI", "prepare"]


def prepare(zine: Zine, cache: Path) -> Zine:
    """`zine` with every picture of its parts sized and, where it has too many pixels, resampled
    into `cache`; BuildError naming each picture's file and line. Pictures of earlier builds that
    this one no longer uses are removed from `cache`."""
    used: set[Path] = set()
    errors: list[BuildError] = []
    warnings: list[Finding] = []
    halftone = zine.meta.photos == "halftone"

    def sized(part: Part | None, area: Area) -> Part | None:
        if part is None or part.kind == "letter" or "<img" not in part.html:
            return part
        pictures = Pictures(zine, area, cache, halftone, used, errors, warnings)
        return dataclasses.replace(part, html=pictures.rewrite(part.html))

    reading = Area.of(zine.format.text_block)
    parts = tuple(sized(part, reading) or part for part in zine.parts)
    intro, back = sized(zine.intro, reading), sized(zine.back, reading)
    minizine = sized(zine.minizine, Area.of(zine.format.minizine_text_block))
    meta = zine.meta
    if meta.cover:  # its box's width, any height: the stylesheet gives the box
        width = COVER_MM.get(zine.format.name, COVER_MM["A5"])
        cover = Pictures(zine, Area(width, 1000.0), cache, halftone, used, errors, warnings).cover(meta.cover, width)
        meta = dataclasses.replace(meta, cover=cover)
    if errors:
        raise_all(errors)
    prune(cache, used)
    return dataclasses.replace(zine, meta=meta, parts=parts, intro=intro, back=back, minizine=minizine,
                               warnings=(*zine.warnings, *warnings))
