"""The colour mask of a rendered page (preflight/ink.py): exact at its threshold, and not made at
all for a page with no coloured pixel (issue 26: most pages, and the mask costs)."""

from __future__ import annotations

from builder.preflight.ink import COLOUR, _colour
from PIL import Image


def _page(pixel: tuple[int, int, int]) -> Image.Image:
    """A white page of 200 × 300 pixels with a block of 10 × 10 pixels of `pixel` in the middle."""
    image = Image.new("RGB", (200, 300), (255, 255, 255))
    image.paste(pixel, (95, 145, 105, 155))
    return image


def test_no_mask_for_a_page_whose_channels_stay_within_the_threshold() -> None:
    # A warm grey: its chroma is off neutral, but no two channels differ by more than COLOUR.
    assert _colour(_page((150, 130, 150 - COLOUR + 12))) is None
    assert _colour(_page((160, 160 - COLOUR, 160))) is None
    assert _colour(_page((0, 0, 0))) is None


def test_the_mask_holds_exactly_the_pixels_past_the_threshold() -> None:
    for pixel in ((160, 160 - COLOUR - 1, 160), (200, 40, 40), (40, 90, 40 + COLOUR + 1)):
        mask = _colour(_page(pixel))
        assert mask is not None, pixel
        assert mask.getbbox() == (95, 145, 105, 155), pixel
        assert mask.histogram()[255] == 100, pixel
