"""The clustered-dot screen on pictures made here (builder/pictures/halftone.py, issue 21,
item 2): paper stays paper, a flat picture keeps its light tones, a foggy photo is stretched."""

from __future__ import annotations

from builder.pictures import halftone
from PIL import Image, ImageDraw


def _black(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """The share of black pixels of `image` (0 and 255 only) in `box`."""
    crop = image.crop(box)
    return crop.histogram()[0] / (crop.width * crop.height)


def test_paper_white_and_a_transparent_ground_print_no_dots() -> None:
    logo = Image.new("RGBA", (400, 400), (0, 0, 0, 0))  # a transparent ground, as a logo's
    ImageDraw.Draw(logo).ellipse((120, 120, 280, 280), fill=(230, 120, 60, 255))  # an orange: grey 140 or so
    on_white = Image.new("RGB", logo.size, "white")
    on_white.paste(logo, mask=logo)
    printed = halftone.halftone(on_white)
    assert _black(printed, (0, 0, 100, 400)) == 0  # the ground: paper, no dots
    assert 0.2 < _black(printed, (170, 170, 230, 230)) < 1  # the disc: dots


def test_a_pale_flat_logo_keeps_its_light_tone() -> None:
    yellow = Image.new("RGB", (400, 400), "white")
    ImageDraw.Draw(yellow).rectangle((100, 100, 300, 300), fill=(255, 230, 40))  # grey 220 or so
    printed = halftone.halftone(yellow)
    assert _black(printed, (0, 0, 90, 400)) == 0
    assert 0.02 < _black(printed, (150, 150, 250, 250)) < 0.5  # light dots, not solid black


def test_a_foggy_photo_is_stretched_to_its_full_range() -> None:
    """A photo (many greys) with a narrow range, 100 to 200, prints from dense to sparse dots."""
    fog = Image.linear_gradient("L").resize((400, 400)).point(lambda value: 100 + value * 100 // 255)
    printed = halftone.halftone(fog)
    assert _black(printed, (0, 0, 400, 40)) > 0.85  # the darkest band, near black
    assert _black(printed, (0, 360, 400, 400)) < 0.15  # the lightest, near white
