"""The size of a document whose pages differ: the one nearly all its pages share (issue 22).

A book whose cover and second page alone differ (pdf.js's freeculture.pdf: 352 pages) is
imposed at the size of the others: each page unlike them is fitted into their place by the
scaling rules of the whole (imposition.fit: scaled down when larger, up only when asked) and
centred there, and the summary names those pages. When no size holds MAJORITY of the pages,
or the caller wants one size (`zine build`, `zine impose --same-size`), the document is
refused with its sizes and their pages. Landscape pages of a portrait document are turned a
quarter turn first (pdf.Source.turned), as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from builder.errors import BuildError, pages, plural
from builder.imposition import fit
from builder.paper import Size

MAJORITY = 0.75
"""The share of the pages one size must hold for the others to be fitted into its place."""
LISTED = 4
"""Sizes a refusal lists, the most common first; the others are counted."""


@dataclass(frozen=True)
class Fitted:
    """A page unlike the document's size, fitted into its place."""

    page: int
    """0-based."""
    size: Size
    """Its size as shown (turned, if it is), in mm."""
    factor: float
    """What it is scaled by to fit the document's size (before the imposition's own scale)."""

    def matrix(self, into: Size) -> tuple[float, float, float]:
        """The scale, and the x and y offsets in points that centre the page in `into`."""
        width, height = self.size.scaled(self.factor).points
        return self.factor, (into.points[0] - width) / 2, (into.points[1] - height) / 2


@dataclass(frozen=True)
class Sizes:
    """The document's size, the pages turned to take it, and those fitted into it."""

    size: Size
    turned: frozenset[int] = frozenset()
    """0-based pages turned a quarter turn (their tops toward the left edge)."""
    fitted: tuple[Fitted, ...] = ()


def arrange(sizes: Sequence[Size], where: str, scaling: str | None) -> Sizes:
    """The size of a document of pages of `sizes` (as shown, mm): one size, either way up; else
    the size of MAJORITY of them, the others fitted by `scaling` (imposition.SCALINGS).

    Raises BuildError naming `where` when `scaling` is None and the sizes differ, when no size
    holds MAJORITY of the pages, or when `scaling` is "none" and a page is larger than the others.
    """
    if all(size.near(sizes[0]) for size in sizes):
        return Sizes(sizes[0])
    landscape = frozenset(number for number, size in enumerate(sizes) if size.is_landscape)
    upright = [size.portrait for size in sizes]
    if all(size.near(upright[0]) for size in upright):  # a portrait document with landscape pages (a map)
        return Sizes(upright[0], landscape)
    if scaling is None:
        raise BuildError(where, f"pages of different sizes ({_listed(sizes)}): all must share one size, "
                                "either way up")
    turned = frozenset() if _groups(sizes)[0][0].is_landscape else landscape
    shown = upright if turned else list(sizes)
    size, members = _groups(shown)[0]
    if len(members) < MAJORITY * len(sizes):
        raise BuildError(where, f"pages of different sizes, none shared by three quarters of them "
                                f"({_listed(sizes)}): make them one size first")
    return Sizes(size, turned, tuple(Fitted(n, shown[n], _factor(shown[n], size, scaling, where, n))
                                     for n in range(len(sizes)) if n not in members))


def warning(sizes: Sizes, count: int) -> str:
    """The summary's line on the pages fitted into the others' place ("" if none) in a document of `count` pages."""
    if not sizes.fitted:
        return ""
    each = "; ".join(f"{pages([f.page + 1])}, {f.size}, at {f.factor * 100:.3g} %" for f in sizes.fitted[:LISTED])
    more = f"; and {len(sizes.fitted) - LISTED} more" if len(sizes.fitted) > LISTED else ""
    return (f"{pages(f.page + 1 for f in sizes.fitted)} unlike the other {count - len(sizes.fitted)} "
            f"({sizes.size}), fitted into their place and centred: {each}{more} (--same-size refuses them)")


def _groups(sizes: Sequence[Size]) -> list[tuple[Size, set[int]]]:
    """The sizes, each with its 0-based pages, the most common first (the first page's on a tie)."""
    groups: list[tuple[Size, set[int]]] = []
    for number, size in enumerate(sizes):
        group = next((group for group in groups if group[0].near(size)), None)
        if group is None:
            groups.append((size, {number}))
        else:
            group[1].add(number)
    return sorted(groups, key=lambda group: -len(group[1]))


def _listed(sizes: Sequence[Size]) -> str:
    groups = _groups(sizes)
    shown = "; ".join(f"{pages(n + 1 for n in sorted(numbers))}: {size}" for size, numbers in groups[:LISTED])
    return shown + (f"; and {plural(len(groups) - LISTED, 'other size')}" if len(groups) > LISTED else "")


def _factor(size: Size, room: Size, scaling: str, where: str, number: int) -> float:
    """What page `number` (0-based), of `size`, is scaled by to fit `room` by `scaling`."""
    if scaling == "none" and not size.within(room):
        raise BuildError(where, f"page {number + 1} is {size}, larger than the others ({room}): --no-scale "
                                "refuses to scale it down")
    return fit(size, room, scaling, "the others' place")[1]

