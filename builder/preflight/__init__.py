"""Preflight: read any PDF back and list what would go wrong at the copy shop.

`check` never raises on a bad PDF: an unreadable file is one more finding, and the caller
judges (the build stops on errors; `zine check --strict` also on warnings). What each kind of
PDF must be is said here; the PDF is read in `reader` (pages, sizes, metadata), `text` (fonts,
small text) and `ink` (what the copier does to colour, greys and the edges), print facts from
shared FACTS.md §5. Importing this package loads no PDF library: the build process never does.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from builder import paper
from builder.imposition.layouts import onepagezine
from builder.model import Finding
from builder.paper import FORMATS, ZINE, ZINE_FORMATS, Format, Size
from builder.project import output_kind


@dataclass(frozen=True)
class Expectation:
    """What the pages of one kind of PDF must be."""

    label: str
    size: Size
    even: bool = False
    """Printed recto-verso as a booklet: the number of sides must be even."""

    def fits(self, size: Size) -> bool:
        """Whether pages of `size` are the expected size, within paper.TOLERANCE each way."""
        return size.near(self.size)


GREY, IN_COLOUR = "grey tint or photo", "colour"
"""How the grey-tint and colour warnings start (ink.py): the build adds the pictures on the page
(session.py); a colour photo is flagged as colour, not grey, and halftoning mends both."""


def expectations(format: Format) -> dict[str, Expectation]:
    """What each PDF output of a zine printed in `format` must be, by the kind its name says
    (project.output_kind: the fillable letters are letters)."""
    page, sheet, letters = (paper.name(size) for size in (format.page, format.sheet, format.letters))
    booklet, minizine = format.booklet, onepagezine.LAYOUT
    return {
        "reading": Expectation(f"{page} reading pages", format.page),
        "booklet": Expectation(f"{sheet} {booklet.way} booklet sheets", booklet.sheet(format.sheet), even=True),
        "letters": Expectation(f"{letters} letters", format.letters),
        "minizine": Expectation(f"{sheet} {minizine.way} one-page-zine sheet", minizine.sheet(format.sheet)),
    }


EXPECTATIONS = {
    **expectations(ZINE),
    **{name.lower(): Expectation(name.capitalize() if name.isalpha() else name, size)
       for name, size in FORMATS.items()},
    **{f"{name.lower()}-landscape": Expectation(f"{name.capitalize() if name.isalpha() else name} landscape",
                                                 size.landscape) for name, size in FORMATS.items()},
}
"""What `zine check --expect` takes: our outputs' kinds, then the named formats either way up."""


def expectation_for(path: Path, format: str | None = None) -> Expectation | None:
    """What a file's name says it holds (project.output_kind), in the zine format `format` that
    the build recorded in its metadata (paper.METADATA_KEY), else A5 on A4; None for other names."""
    kind = output_kind(path)
    if kind is None or kind == "contact":
        return None
    zine = next((known for known in ZINE_FORMATS.values() if known.name == format), ZINE)
    return expectations(zine)[kind]


def check(paths: Iterable[Path], *, expect: Expectation | None = None,
          fonts: Collection[str] = (), pixels: bool = True) -> list[Finding]:
    """Every finding in every PDF; `fonts` (family names), when given, are the only ones allowed.

    `pixels=False` skips rendering the pages (colour, greys, ink near the edges): for a file
    whose pages were already checked in another (an imposed booklet of a checked edition).
    """
    from builder.preflight import reader  # pdfium and pypdf: only in the processes that check

    findings: list[Finding] = []
    for path in paths:
        findings.extend(reader.findings(Path(path), expect, fonts, pixels))
    return findings
