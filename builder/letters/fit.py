"""The letters' fit: each letter ends within the pages it may take (one page, or on A6 the front
and back of a leaf: paper.Format.letter_pages, issue 22), checked on the laid-out pages.

The anchors come from the renderer (render/weasy.py): each letter's part has an id at its
start and one at its end (templates/letters.html and zine.html).
"""

from __future__ import annotations

from dataclasses import dataclass

from builder import paper
from builder.errors import BuildError, raise_all, shown
from builder.model import Anchors, Part, Zine
from builder.paper import Size


@dataclass(frozen=True)
class LetterFit:
    """A look at laid-out pages: each letter ends within `pages` pages from the one it starts on.

    A value rather than a closure: it travels to the worker process that renders the document.
    Raises BuildError for each letter that runs over, naming its file, the room it had and by how
    many mm it runs over.
    """

    letters: tuple[tuple[str, str], ...]
    """Each letter's id in the document (its part's slug) and its file as messages name it."""
    paper: Size
    """The page the letters are laid out on (mm)."""
    pages: int = 1
    """The pages a letter may take: 1, or 2 for a leaf's front and back (the stylesheet starts each
    letter on a right-hand page: templates/letters-a6.css)."""

    @classmethod
    def of(cls, letters: tuple[Part, ...], zine: Zine, size: Size, pages: int = 1) -> LetterFit | None:
        """The check for `letters` laid out on pages of `size`, `pages` each; None when there are none."""
        where = tuple((part.slug, shown(part.source, zine.root, zine.content)) for part in letters)
        return cls(where, size, pages) if where else None

    def __call__(self, pages: Anchors) -> None:
        errors = []
        for slug, where in self.letters:
            (first, top), (last, bottom) = _anchor(pages, slug), _anchor(pages, f"{slug}-end")
            if last >= first + self.pages:
                # The text resumes at the same top margin on each following page.
                over = bottom - top + (last - first - self.pages) * (self.paper.height - 2 * top)
                errors.append(BuildError(where, f"the letter does not fit on {self.room}: "
                                                f"it runs over by {over:.0f} mm; shorten it"))
        raise_all(errors)

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
