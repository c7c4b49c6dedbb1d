"""The documents of a build: the reading edition, the letter packs, the mini-zine's small pages.

Each is a `Document`: typeset HTML from the templates, and what the renderer must check on its
laid-out pages (every letter on one page). Output file names are the project's (project.py);
a document's name is its kind (reading, letters, letters-fillable, minizine).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from builder import paper
from builder.errors import BuildError, raise_all, shown
from builder.model import Anchors, Document, Part, Zine
from builder.paper import Size
from builder.render import templating


READING_VARIANT = "pdf/ua-1"
"""WeasyPrint's `pdf_variant` for the reading edition (issue 12)."""


def documents(env: templating.Templates, zine: Zine, *, fillable: bool) -> tuple[Document, ...]:
    """Every document of `zine`, the longest first: reading, letters (and their fillable copy), minizine."""
    letters = tuple(letter.part for letter in zine.letters)
    inside = letters if zine.format.letters_inside else ()
    # A format whose pages cannot hold a letter (A6) prints them in the A4 pack only (paper.Format).
    edition = zine if inside else dataclasses.replace(zine, parts=tuple(p for p in zine.parts if p.kind != "letter"))
    reading = templating.document(env, "zine.html", "reading", edition)
    # The reading edition is the one read on screens: an accessible, tagged PDF (PDF/UA-1: structure
    # tree, language, title shown). The booklet and letters stay print files.
    found = [dataclasses.replace(reading, check=LetterFit.of(inside, zine, zine.format.page), variant=READING_VARIANT)]
    for name, forms in (("letters", False), ("letters-fillable", True))[: 2 if fillable else 1]:
        if letters:
            pack = templating.document(env, "letters.html", name, zine, letters=letters, fillable=forms)
            found.append(dataclasses.replace(pack, forms=forms, check=LetterFit.of(letters, zine, zine.format.letters)))
    if zine.minizine is not None:
        found.append(templating.document(env, "minizine.html", "minizine", zine, minizine=zine.minizine))
    return tuple(found)


@dataclass(frozen=True)
class LetterFit:
    """A look at laid-out pages: each letter ends on the page it starts on.

    A value rather than a closure: it travels to the worker process that renders the document.
    Raises BuildError for each letter that runs over, naming its file and by how many mm.
    """

    letters: tuple[tuple[str, str], ...]
    """Each letter's id in the document (its part's slug) and its file as messages name it."""
    paper: Size

    @classmethod
    def of(cls, letters: tuple[Part, ...], zine: Zine, size: Size) -> LetterFit | None:
        """The check for `letters` laid out on pages of `size`; None when there are none."""
        where = tuple((part.slug, shown(part.source, zine.root, zine.content)) for part in letters)
        return cls(where, size) if where else None

    def __call__(self, pages: Anchors) -> None:
        errors = []
        for slug, where in self.letters:
            (first, top), (last, bottom) = _anchor(pages, slug), _anchor(pages, f"{slug}-end")
            if last > first:
                # The text resumes at the same top margin on each following page.
                over = bottom - top + (last - first - 1) * (self.paper.height - 2 * top)
                errors.append(BuildError(where, f"the letter does not fit on one {paper.name(self.paper)} page: "
                                                f"it runs over by {over:.0f} mm; shorten it"))
        raise_all(errors)


def _anchor(pages: Anchors, name: str) -> tuple[int, float]:
    """The page (0-based) and the height (mm from the top) where the element with id `name` starts."""
    for number, anchors in enumerate(pages):
        if name in anchors:
            return number, anchors[name][1]
    raise BuildError(None, f"internal: no anchor {name!r} in the rendered document")
