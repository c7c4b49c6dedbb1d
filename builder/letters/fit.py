"""The letters' fit: each letter ends within the pages it may take (one page, or on A6 the front
and back of a leaf: paper.Format.letter_pages, issue 22), checked on the laid-out pages; in the
pack, its recipient's address within what the envelope's window shows (a warning).

The anchors come from the renderer (render/weasy.py): each letter's part has an id at its
start, one at the end of its recipient's address (in the pack) and one at its end (letters/parts.py,
templates/letters.html and zine.html).
"""

from __future__ import annotations

from dataclasses import dataclass

from builder import paper
from builder.errors import BuildError, raise_all, shown
from builder.letters.envelopes import Envelope
from builder.model import Anchors, Part, Zine
from builder.paper import Size


@dataclass(frozen=True)
class LetterFit:
    """A look at laid-out pages: each letter ends within `pages` pages from the one it starts on.

    A value rather than a closure: it travels to the worker process that renders the document.
    Raises BuildError for each letter that runs over, naming its file, the room it had and by how
    many mm it runs over. Returns a warning for each recipient's address that runs below what the
    window of `envelope` shows (envelopes.Envelope.address): not an error, since handwriting
    varies.
    """

    letters: tuple[tuple[str, str], ...]
    """Each letter's id in the document (its part's slug) and its file as messages name it."""
    paper: Size
    """The page the letters are laid out on (mm)."""
    pages: int = 1
    """The pages a letter may take: 1, or 2 for a leaf's front and back (the stylesheet starts each
    letter on a right-hand page: templates/letters-a6.css)."""
    envelope: Envelope | None = None
    """The window envelope of a pack (letters.envelopes); None in the booklet."""

    @classmethod
    def of(cls, letters: tuple[Part, ...], zine: Zine, size: Size, pages: int = 1,
           envelope: Envelope | None = None) -> LetterFit | None:
        """The check for `letters` laid out on pages of `size`, `pages` each, in the pack for
        `envelope`; None when there are none."""
        where = tuple((part.slug, shown(part.source, zine.root, zine.content)) for part in letters)
        return cls(where, size, pages, envelope) if where else None

    def __call__(self, pages: Anchors) -> tuple[str, ...]:
        errors = []
        for slug, where in self.letters:
            (first, top), (last, bottom) = _anchor(pages, slug), _anchor(pages, f"{slug}-end")
            if last >= first + self.pages:
                # The text resumes at the same top margin on each following page.
                over = bottom - top + (last - first - self.pages) * (self.paper.height - 2 * top)
                errors.append(BuildError(where, f"the letter does not fit on {self.room}: "
                                                f"it runs over by {over:.0f} mm; shorten it"))
        raise_all(errors)
        warned = (self._address(pages, slug, where) for slug, where in self.letters)
        return tuple(text for text in warned if text)

    def _address(self, pages: Anchors, slug: str, where: str) -> str:
        """A warning when the recipient's address of letter `slug` ends below what its envelope's
        window shows (FACTS.md §2, §2b); "" when it fits or there is no envelope."""
        if self.envelope is None:
            return ""
        field, end = self.envelope.address, _anchor(pages, f"{slug}-to-end")[1]
        if end <= field.bottom + 0.5:  # half a millimetre: WeasyPrint's rounding
            return ""
        return (f"{where}: the recipient's address is {end - field.top:.0f} mm tall, and the window of a "
                f"{self.envelope.name} envelope shows {field.height:g} mm of it (FACTS.md "
                f"{self.envelope.facts}): its last {end - field.bottom:.0f} mm "
                f"may be hidden; give it fewer lines or hints, or check it on a folded print")

    @property
    def room(self) -> str:
        """The room a letter has, in words: "one A5 page", "one US letter page", "the two A6 pages of
        its leaf (front and back)"."""
        size = paper.said(self.paper)  # "US letter": a bare "letter" reads as a letter
        if self.pages == 1:
            return f"one {size} page"
        if self.pages == 2:
            return f"the two {size} pages of its leaf (front and back)"
        return f"{self.pages} {size} pages"


def _anchor(pages: Anchors, name: str) -> tuple[int, float]:
    """The page (0-based) and the height (mm from the top) where the element with id `name` starts."""
    for number, anchors in enumerate(pages):
        if name in anchors:
            return number, anchors[name][1]
    raise BuildError(None, f"internal: no anchor {name!r} in the rendered document")
