"""The documents of a build: the reading edition, the letter packs, the mini-zine's small pages.

Each is a `Document`: typeset HTML from the templates, and what the renderer must check on its
laid-out pages (every letter within its pages: letters/fit.py). Output file names are the project's (project.py);
each document is known by the kind of output it becomes (kinds.Kind), which is also its name.
"""

from __future__ import annotations

import dataclasses

from builder.kinds import Kind
from builder.letters import envelopes, parts
from builder.letters.fit import LetterFit
from builder.model import Document, Zine
from builder.render import templating

READING_VARIANT = "pdf/ua-1"
"""WeasyPrint's `pdf_variant` for the reading edition (issue 12)."""


def documents(env: templating.Templates, zine: Zine, *, fillable: bool) -> dict[Kind, Document]:
    """Every document of `zine` by the output it becomes, the longest first: reading, letters (and
    their fillable copy), minizine."""
    letters = tuple(letter.part for letter in zine.letters)
    # The letters are pages of the booklet in every format (issue 22), each within the pages the
    # format allows it (paper.Format.letter_pages), and the pack's pages too.
    inside = LetterFit.of(letters, zine, zine.format.page, pages=zine.format.letter_pages)
    reading = templating.document(env, "zine.html", Kind.READING, zine)
    # The reading edition is the one read on screens: an accessible, tagged PDF (PDF/UA-1: structure
    # tree, language, title shown). The booklet and letters are print files, their black on one
    # ink: every document's exact black is drawn as DeviceGray (render/grayblack.py; a screen shows
    # the same black), and where that could not be, the letters are rewritten here (Document.one_ink),
    # the booklet and the mini-zine by the imposition.
    found = {Kind.READING: dataclasses.replace(reading, check=inside, variant=READING_VARIANT,
                                              parts=tuple(part.slug for part in zine.parts))}
    # The pack: each letter on one page, its address within what the envelope's window shows.
    packed = LetterFit.of(letters, zine, zine.format.paper, envelope=envelopes.of(zine.format))
    for kind, forms in ((Kind.LETTERS, False), (Kind.LETTERS_FILLABLE, True))[: 2 if fillable else 1]:
        if letters:
            pack = templating.document(env, "letters.html", kind, zine, letters=tuple(map(parts.packed, letters)),
                                       fillable=forms)
            found[kind] = dataclasses.replace(pack, forms=forms, check=packed, one_ink=kind.one_ink)
    if zine.minizine is not None:
        found[Kind.MINIZINE] = templating.document(env, "minizine.html", Kind.MINIZINE, zine, minizine=zine.minizine)
    return found
