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
    assert (ZINE.page, ZINE.sheet, ZINE.paper) == (A5, A4, A4)
    assert set(FORMATS) >= {"A3", "A4", "A5", "A6", "A7", "LETTER", "HALF-LETTER"}


def test_zine_formats_are_data() -> None:
    """FACTS.md §3: A5 on A4, A6 two copies a side of A4, A4 on A3, half-letter on US letter."""
    from builder.paper import ZINE_FORMATS, zine_format
    a5, a6, a4, half = (zine_format(name) for name in ("A5", "a6", " A4 ", "Half-Letter"))
    assert a5 == ZINE and (a5.booklet_sheet, a5.booklet.flip, a5.booklet.copies) == (A4.landscape, "short", 1)
    assert (a6.page, a6.booklet_sheet, a6.booklet.flip, a6.booklet.copies, a6.letter_pages) == (
        A6, A4, "long", 2, 2)
    assert (a4.page, a4.booklet_sheet, a4.letter_pages) == (A4, A3.landscape, 1)
    assert (half.page, half.booklet_sheet, half.letter_pages) == (Size(139.7, 215.9), LETTER.landscape, 1)
    assert [format.letter_stylesheet for format in (a5, a6, a4, half)] == [
        "letters-a5.css", "letters-a6.css", "letters-a5.css", "letters-half-letter.css"]
    assert a5.minizine_page == a6.minizine_page == a4.minizine_page == Size(74.25, 105)
    assert half.minizine_page == Size(69.85, 107.95)
    assert {name: format.paper for name, format in ZINE_FORMATS.items()} == {
        "A5": A4, "A6": A4, "A4": A4, "half-letter": LETTER}
    assert a4.booklet_sheet == A3.landscape, "the A4 booklet stays on A3"
    for format in ZINE_FORMATS.values():  # a spread fits its part of the sheet, never scaled
        room = format.booklet_sheet
        assert 2 * format.page.width <= room.width + 0.05
        assert format.booklet.copies * format.page.height <= room.height + 0.05


def test_an_unknown_format_lists_the_known_ones() -> None:
    from builder.paper import zine_format
    with pytest.raises(BuildError, match='\'format\' must be "A5", "A6", "A4" or "half-letter", not "B5"'):
        zine_format("B5")


def test_text_blocks_are_read_from_the_stylesheets() -> None:
    """The page less the margins of the shipped CSS (zine.css, the format's, `@page :right` last);
    tests/render/test_pictures.py checks the same against WeasyPrint's layout."""
    from builder.paper import ZINE_FORMATS
    blocks = {name: (format.text_block, format.minizine_text_block) for name, format in ZINE_FORMATS.items()}
    assert blocks == {
        "A5": (Size(117, 175), Size(54.25, 83)), "A6": (Size(81, 121), Size(54.25, 83)),
        "A4": (Size(166, 252), Size(54.25, 83)), "half-letter": (Size(110.7, 178.9), Size(49.85, 85.95)),
    }


@pytest.mark.parametrize(("css", "margins"), [
    ("margin: 5mm", {"top": 5, "right": 5, "bottom": 5, "left": 5}),
    ("margin: 5mm 0", {"top": 5, "right": 0, "bottom": 5, "left": 0}),
    ("margin: 1mm 2mm 3mm", {"top": 1, "right": 2, "bottom": 3, "left": 2}),
    ("margin: 1mm 2mm 3mm 4mm; margin-left: 9mm", {"top": 1, "right": 2, "bottom": 3, "left": 9}),
    (" font-size: 8pt ; margin-right : 7.5mm ", {"right": 7.5}),
    ("MARGIN-TOP: 3MM /* a comment */", {"top": 3}),
    ("margin: 5mm; @bottom-center { content: counter(page); margin: 1mm }", {"top": 5, "right": 5, "bottom": 5, "left": 5}),
])
def test_page_margins_are_read_as_css_says(css: str, margins: dict[str, float]) -> None:
    import tinycss2
    from builder.render.margins import _margins
    assert _margins(tinycss2.parse_blocks_contents(css)) == margins


def test_a_margin_in_another_unit_is_refused() -> None:
    import tinycss2
    from builder.render.margins import _margins
    with pytest.raises(ValueError, match="in mm, not '1in'"):
        _margins(tinycss2.parse_blocks_contents("margin-top: 1in"))


def test_the_printing_instruction_is_said_from_the_layout() -> None:
    """The print page's line, the summary and the log of the build, for a saddle and a cut format."""
    from builder.imposition.layout import printing
    from builder.paper import ZINE_FORMATS
    from builder.typography.words import words
    a5, a6, half = (printing(ZINE_FORMATS[name]) for name in ("A5", "A6", "half-letter"))
    assert a5.line(words("fr")) == ("Ce livret : {pages}\u00a0pages, soit {sheets}\u00a0feuilles A4 recto-verso "
                                    "(réglage « retourner sur le bord court ») par exemplaire.")
    assert a6.line(words("en")).endswith("sheets of A4 printed on both sides (flip on the long edge) for two "
                                         "copies: cut the stack in half.")
    assert "feuilles Lettre US recto-verso" in half.line(words("fr"))
    assert a5.summary(3) == "3 sheets of A4 per copy (recto-verso, flip on the short edge)"
    assert a6.summary(1) == ("1 sheet of A4 for two copies (recto-verso, flip on the long edge; "
                             "cut the stack in half across)")
    assert half.summary(2).startswith("2 sheets of US letter per copy")
    assert (a5.log, a6.log) == ("", ", two copies a side, to cut in half")
