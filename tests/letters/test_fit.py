"""The letters' fit on laid-out pages (letters/fit.py): a letter may take the pages its format allows."""

from __future__ import annotations

import pytest
from builder.errors import BuildError
from builder.letters.envelopes import ENVELOPES
from builder.letters.fit import LetterFit
from builder.paper import A4, A5, A6, LETTER

WHERE = (("ask", "content/letters/ask.md"),)


def _pages(start: tuple[int, float], end: tuple[int, float], count: int = 4) -> list[dict[str, tuple[float, float]]]:
    """Laid-out pages with the letter's start and end anchors (page 0-based, mm from the top)."""
    pages: list[dict[str, tuple[float, float]]] = [{} for _ in range(count)]
    pages[start[0]]["ask"] = (0.0, start[1])
    pages[end[0]]["ask-end"] = (0.0, end[1])
    return pages


def test_a_letter_within_its_pages_passes() -> None:
    LetterFit(WHERE, A5)(_pages((2, 11), (2, 190)))
    LetterFit(WHERE, A6, pages=2)(_pages((2, 11), (3, 130)))


@pytest.mark.parametrize(("fit", "end", "message"), [
    (LetterFit(WHERE, A5), (3, 17), "does not fit on one A5 page: it runs over by 6 mm"),
    (LetterFit(WHERE, A6, pages=2), (4, 16), "does not fit on the two A6 pages of its leaf (front and back): "
                                             "it runs over by 5 mm"),
    (LetterFit(WHERE, A6, pages=2), (5, 21), "runs over by 136 mm"),  # a whole page (148 − 2 × 11) and 10 mm
])
def test_a_letter_past_its_pages_is_named_with_its_overrun(fit: LetterFit, end: tuple[int, float],
                                                           message: str) -> None:
    with pytest.raises(BuildError) as error:
        fit(_pages((2, 11), end, count=6))
    assert str(error.value).startswith("content/letters/ask.md: the letter ") and message in str(error.value)



def test_the_room_on_us_paper_says_us_letter() -> None:
    """Issue 22 review: "one letter page" read as a page of a letter; the paper is "US letter"."""
    assert LetterFit((), LETTER).room == "one US letter page"
    assert LetterFit((), LETTER, 2).room == "the two US letter pages of its leaf (front and back)"


@pytest.mark.parametrize(("envelope", "bottom"), [("DL", 45 + 35), ("C5", 45 + 35), ("#10", 80.4 - 1.5)])
def test_an_address_taller_than_the_window_shows_is_warned_about(envelope: str, bottom: float) -> None:
    """FACTS.md §2: the DL (and C5) field ends 80 mm from the top; §2b: a #10 window shows down to
    80.4 mm, less our 1.5 mm (letters.envelopes): 78.9 mm. Half a millimetre is rounding."""
    fit = LetterFit(WHERE, A4 if envelope != "#10" else LETTER, envelope=ENVELOPES[envelope])
    pages = _pages((0, 15), (0, 200), count=1)
    pages[0]["ask-to-end"] = (0.0, bottom + 0.4)
    assert fit(pages) == ()
    pages[0]["ask-to-end"] = (0.0, bottom + 3)
    [warning] = fit(pages)
    assert warning.startswith("content/letters/ask.md: the recipient's address is ")
    assert f"the window of a {envelope} envelope shows" in warning and "its last 3 mm may be hidden" in warning
    assert LetterFit(WHERE, A4)(pages) == (), "no envelope (the booklet): no window to check"
