"""The kinds of output a build writes, one type: what each file is called, how the summary counts
its pages, what preflight holds it to, and which kind it is a copy of (issue 19, item 4).

Modelled on doc2dash's `EntryType`: an enum whose values are the names the docs and the
command line use. It is a `StrEnum` so that a kind prints as its name ("the reading document",
mon-zine-reading.pdf) while mypy still refuses a plain string, or a kind that does not exist,
where a kind is wanted. The order of the members is the order of the outputs in the summary
and of their findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Unit = Literal["page", "side"]
"""What one page of an output is called in the summary: "page", or "side" for imposed sheets."""


class Kind(StrEnum):
    """One kind of file a build writes into the output folder (docs/en/index.md)."""

    READING = "reading"
    """The reading edition: one page after the other, read on screens and printed as the booklet's source."""
    BOOKLET = "booklet"
    """The reading pages imposed on sheets, to print recto-verso, fold and staple (or cut)."""
    LETTERS = "letters"
    """The letter pack: one letter a page, to print, fill in by hand and sign."""
    LETTERS_FILLABLE = "letters-fillable"
    """The letter pack with PDF form fields (`zine build --fillable`): a variant of the letters."""
    MINIZINE = "minizine"
    """The market mini-zine: eight small pages on one side of a sheet (onepagezine)."""
    CONTACT = "contact"
    """A PNG of the booklet's sides two by two, to see the imposition at a glance."""

    @property
    def suffix(self) -> str:
        """What follows the zine's slug in the file's name: "-reading.pdf", "-contact.png"."""
        return _TRAITS[self].suffix

    @property
    def unit(self) -> Unit:
        """What one of its pages is called in the summary."""
        return _TRAITS[self].unit

    @property
    def variant_of(self) -> Kind | None:
        """The kind this one is another copy of (the fillable letters are letters), else None."""
        return _TRAITS[self].variant_of

    @property
    def checked_as(self) -> Kind | None:
        """The kind whose expectation preflight holds this one to (preflight.expectations): itself,
        the kind it is a variant of, or None for a file preflight does not read (the contact PNG)."""
        return (self.variant_of or self) if _TRAITS[self].checked else None

    @property
    def one_ink(self) -> bool:
        """A print file, its black on one ink (DeviceGray, not RGB: issue 22), which preflight checks
        (preflight/ink.py); not the reading edition, which is read on screens."""
        return _TRAITS[self].one_ink

    def file_name(self, slug: str) -> str:
        """This output's file name for zine `slug`: mon-zine-reading.pdf."""
        return f"{slug}{self.suffix}"


@dataclass(frozen=True)
class _Traits:
    """What is said of one kind: see the properties of `Kind`."""

    suffix: str
    unit: Unit = "page"
    variant_of: Kind | None = None
    checked: bool = True
    """A PDF that preflight reads (every output but the contact sheet)."""
    one_ink: bool = True


_TRAITS: dict[Kind, _Traits] = {
    Kind.READING: _Traits("-reading.pdf", one_ink=False),
    Kind.BOOKLET: _Traits("-booklet.pdf", "side"),
    Kind.LETTERS: _Traits("-letters.pdf"),
    Kind.LETTERS_FILLABLE: _Traits("-letters-fillable.pdf", variant_of=Kind.LETTERS),
    Kind.MINIZINE: _Traits("-minizine.pdf", "side"),
    Kind.CONTACT: _Traits("-contact.png", checked=False, one_ink=False),
}
"""Every kind's traits (docs/en/index.md); a kind missing here fails the first test that names it."""
