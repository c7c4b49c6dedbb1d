"""Preflight: read any PDF back and list what would go wrong at the copy shop.

`check` never raises on a bad PDF: an unreadable file is one more finding, and the caller
judges (the build stops on errors; `zine check --strict` also on warnings). What each kind of
PDF must be is said here; the PDF is read in `reader` (pages, sizes), `opened` (metadata),
`text` (fonts, small text) and `ink` (what the copier does to colour, greys and the edges),
print facts from shared FACTS.md §5. Importing this package loads no PDF library: the build process never does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from builder import paper
from builder.imposition import family
from builder.imposition.layouts import onepagezine
from builder.kinds import Kind
from builder.model import Finding, Placed
from builder.paper import FORMATS, ZINE, Format, Size

if TYPE_CHECKING:
    from builder.preflight.reader import Visit


@dataclass(frozen=True)
class Expectation:
    """What the pages of one kind of PDF must be."""

    label: str
    size: Size
    even: bool = False
    """Printed recto-verso as a booklet: the number of sides must be even."""
    other: Expectation | None = None
    """Another size the pages may be instead (the other paper family's), when nothing says which."""

    def fits(self, size: Size) -> bool:
        """Whether pages of `size` are the expected size (or `other`'s), within paper.TOLERANCE each way."""
        return size.near(self.size) or (self.other is not None and self.other.fits(size))

    @property
    def said(self) -> str:
        """The expected size in a finding: "297 × 210 mm (A4 landscape booklet sheets)", "… or …"."""
        return f"{self.size} ({self.label})" + (f" or {self.other.said}" if self.other else "")


GREY, IN_COLOUR = "grey tint or photo", "colour"
"""How the grey-tint and colour warnings start (ink.py): the build adds the pictures on the page
(`named`); a colour photo is flagged as colour, not grey, and halftoning mends both."""


def expectations(format: Format) -> dict[Kind, Expectation]:
    """What each PDF output of a zine printed in `format` must be, by kind; a variant is held to
    the expectation of the kind it is a copy of (Kind.checked_as: the fillable letters are letters)."""
    page, sheet, letters = (paper.said(size) for size in (format.page, format.sheet, format.paper))
    booklet, minizine = format.booklet, onepagezine.LAYOUT
    return {
        Kind.READING: Expectation(f"{page} reading pages", format.page),
        Kind.BOOKLET: Expectation(f"{sheet} {booklet.way} booklet sheets", booklet.sheet(format.sheet), even=True),
        Kind.LETTERS: Expectation(f"{letters} letters", format.paper),
        Kind.MINIZINE: Expectation(f"{letters} {minizine.way} one-page-zine sheet", minizine.sheet(format.paper)),
    }


EXPECTATIONS = {
    **{kind.value: expectation for kind, expectation in expectations(ZINE).items()},
    **{name.lower(): Expectation(name.capitalize() if name.isalpha() else name, size)
       for name, size in FORMATS.items()},
    **{f"{name.lower()}-landscape": Expectation(f"{name.capitalize() if name.isalpha() else name} landscape",
                                                 size.landscape) for name, size in FORMATS.items()},
}
"""What `zine check --expect` takes: our outputs' kinds, then the named formats either way up."""


def named_kind(path: Path) -> Kind | None:
    """Which output a file's name says it is, or None: mon-zine-booklet.pdf is a booklet (a renamed
    copy too, whatever the case). Only a standalone `zine check` guesses so: a build knows its kinds."""
    kinds: list[Kind] = list(Kind)  # (mypy 1.10 reads a StrEnum's members as str in sorted(Kind))
    for kind in sorted(kinds, key=lambda kind: -len(kind.suffix)):  # the longest first: -letters-fillable.pdf
        if path.name.lower().endswith(kind.suffix):
            return kind
    return None


def expectation_for(path: Path, format: str | None = None, sheet: str | None = None) -> Expectation | None:
    """What a file's name says it holds (`named_kind`): sheets of `sheet` if `zine impose` recorded
    one (imposition.family.SHEET_KEY: "279.4x215.9mm"); else in the zine format `format` that the build recorded
    (paper.METADATA_KEY: "A5", "A5 letter"); else in either paper family, A5 on A4 or half-letter on
    US letter (issue 22). None for other names and for the contact sheet. For a standalone `zine
    check` only: a build gives its expectations."""
    kind = named_kind(path)
    checked = kind.checked_as if kind is not None else None
    if checked is None:
        return None
    expected = expectations(paper.recorded_format(format))[checked]
    imposed = family.recorded_sheet(sheet)
    if imposed is not None:
        way = "landscape " if imposed.width > imposed.height else ""
        return dataclasses.replace(expected, label=f"{paper.said(imposed)} {way}sheets, as zine impose recorded",
                                   size=imposed)
    if format:
        return expected
    return dataclasses.replace(expected, other=expectations(paper.ZINE_FORMATS["half-letter"])[checked])


def check(paths: Iterable[Path], *, expect: Expectation | None = None, fonts: Collection[str] = (),
          pixels: bool = True, kind: Kind | None = None, visit: Visit | None = None,
          remember: bool = True, text: bool = True) -> list[Finding]:
    """Every finding in every PDF; `fonts` (family names), when given, are the only ones allowed.

    `pixels=False` skips rendering the pages (colour, greys, ink near the edges): for a file
    whose pages were already checked in another (an imposed booklet of a checked edition).
    `kind` is what the files are when the caller knows it (a build); else each file's name
    says (`named_kind`; a reading edition's parts are named in its warnings). `visit` is called
    for every page of every file as it is checked (reader.Visit: a build's previews).
    `text=False` skips reading the pages' text (fonts, small text): for sheets imposed, not scaled
    down, of pages whose text was checked already (the booklet of a reading edition: the same
    characters at the same sizes). `remember`: what is seen of each page is kept by the page's
    digest, for a later check of the same pages (`zine watch`, `zine serve`); a one-off check
    digests nothing (issue 26).
    """
    from builder.preflight import reader  # pdfium and pypdf: only in the processes that check

    findings: list[Finding] = []
    for path in paths:
        findings.extend(reader.findings(Path(path), expect, fonts, pixels, kind, visit, remember=remember,
                                        text=text))
    return findings


def named(finding: Finding, pictures: tuple[Placed, ...]) -> Finding:
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
