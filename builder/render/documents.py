"""The documents of a build: the reading edition, the letter packs, the mini-zine's small pages.

Each is a `Document`: typeset HTML from the templates, and what the renderer must check on its
laid-out pages (every letter on one page: letters/fit.py). Output file names are the project's (project.py);
a document's name is its kind (reading, letters, letters-fillable, minizine).
"""

from __future__ import annotations

import dataclasses

from builder.letters.fit import LetterFit
from builder.model import Document, Zine
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
