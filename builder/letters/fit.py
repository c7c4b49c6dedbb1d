"""The letters' fit: each letter ends on the page it starts on, checked on the laid-out pages.

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
