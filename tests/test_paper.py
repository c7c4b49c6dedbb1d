"""Paper sizes: the named formats, WIDTHxHEIGHTmm, and the one format a zine is printed in."""

from __future__ import annotations

import pytest

from builder.errors import BuildError
from builder.paper import A3, A4, A5, A6, A7, FORMATS, LETTER, MM, ZINE, Size, name, parse


@pytest.mark.parametrize(("text", "size"), [
    ("A4", A4), ("a3", A3), ("A5", A5), ("a6", A6), ("A7", A7), ("letter", LETTER),
    ("half-letter", Size(139.7, 215.9)), (" A4 ", A4),
    ("320x450mm", Size(320, 450)), ("320 × 450 mm", Size(320, 450)), ("210x297", A4),
])
def test_sizes_by_name_or_in_millimetres(text: str, size: Size) -> None:
    assert parse(text) == size


@pytest.mark.parametrize("text", ["A9", "x", "0x100mm", "10x10mm", "300x300cm", "A4 landscape"])
def test_other_sizes_are_refused_naming_what_is_accepted(text: str) -> None:
    with pytest.raises(BuildError, match=r"a sheet size is A3, A4, A5, A6, A7, letter, half-letter or WIDTHxHEIGHTmm"):
        parse(text)


def test_iso_sizes_halve_from_a3_to_a7() -> None:
    """ISO 216 (FACTS.md §3): each size is the previous one folded in half, rounded down to the mm."""
    sizes = [A3, A4, A5, A6, A7]
    for larger, smaller in zip(sizes, sizes[1:]):
        assert smaller.height == larger.width
        assert smaller.width == larger.height // 2


@pytest.mark.parametrize(("size", "expected"), [
    (A4, "A4"), (A4.landscape, "A4"), (A5, "A5"), (LETTER, "letter"), (Size(100, 100), "100 × 100 mm"),
])
def test_names(size: Size, expected: str) -> None:
    assert name(size) == expected


def test_sizes_in_points_and_back() -> None:
    assert A4.points == pytest.approx((595.276, 841.89), abs=0.001)
    assert Size.from_points(*A5.points) == A5
    assert Size.from_points(596, 842) == Size(210.26, 297.04)  # Google Docs' A4, kept as it is
    assert MM == pytest.approx(2.8346, abs=1e-4)


def test_the_zine_format_is_a5_pages_on_a4_sheets() -> None:
    assert (ZINE.page, ZINE.sheet, ZINE.letters) == (A5, A4, A4)
    assert set(FORMATS) >= {"A3", "A4", "A5", "A6", "A7", "LETTER", "HALF-LETTER"}
