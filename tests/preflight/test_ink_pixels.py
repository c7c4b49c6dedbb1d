"""The colour mask of a rendered page (preflight/ink.py): exact at its threshold, and not made at
all for a page with no coloured pixel (issue 26: most pages, and the mask costs)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from builder.model import Report
from builder.preflight import ink
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


def _marked(*marks: tuple[tuple[int, int, int, int], tuple[int, int, int]]) -> Image.Image:
    """An A5 page at 100 dpi, white, with each (box, colour) of `marks` painted on it."""
    image = Image.new("RGB", (583, 827), (255, 255, 255))
    for box, colour in marks:
        image.paste(colour, box)
    return image


TEXT = ((60, 60, 500, 70), (0, 0, 0))
PAGES = {
    "blank": _marked(),
    "text": _marked(TEXT),
    "text near the edge": _marked(TEXT, ((2, 400, 40, 410), (0, 0, 0))),
    "a red title": _marked(TEXT, ((60, 100, 300, 140), (204, 0, 0))),
    "a speck of red": _marked(TEXT, ((60, 100, 62, 102), (204, 0, 0))),
    "a grey box": _marked(TEXT, ((60, 200, 300, 400), (119, 119, 119))),
    "a grey rule": _marked(TEXT, ((60, 200, 300, 201), (119, 119, 119))),
    "a light tint": _marked(TEXT, ((60, 200, 300, 400), (245, 245, 245))),
    "a near white beside the edge": _marked(((0, 0, 583, 3), (250, 250, 250))),
    "a photo": Image.effect_noise((583, 827), 60).convert("RGB"),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_page_of_few_colours_gets_the_findings_of_its_pixels(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """ink._few_colours, counted colour by colour, finds what the look at every pixel finds."""
    image = PAGES[name]
    fast = ink._messages(image)
    monkeypatch.setattr(ink, "_few_colours", lambda image, px_per_mm: None)
    assert fast == ink._messages(image)


def test_text_pages_are_judged_by_their_colours() -> None:
    assert ink._few_colours(PAGES["text near the edge"], ink.PX_PER_MM) is not None
    assert ink._few_colours(PAGES["a photo"], ink.PX_PER_MM) is None
    assert ink._few_colours(PAGES["a grey box"], ink.PX_PER_MM) is None  # eroded, pixel by pixel
    assert ink._few_colours(PAGES["a light tint"], ink.PX_PER_MM) is None  # not white, not ink


def test_the_shipped_pages_get_the_findings_of_their_pixels(shipped_build: Report,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    reading = next(output.path for output in shipped_build.outputs if output.path.name.endswith("-reading.pdf"))
    document = pdfium.PdfDocument(reading)
    images = [document[index].render(scale=ink.SCALE, no_smoothtext=True, no_smoothpath=True,
                                      no_smoothimage=True, rev_byteorder=True).to_pil().convert("RGB")
              for index in range(len(document))]
    fast = [ink._messages(image) for image in images]
    assert sum(ink._few_colours(image, ink.PX_PER_MM) is not None for image in images) >= len(images) // 2
    monkeypatch.setattr(ink, "_few_colours", lambda image, px_per_mm: None)
    assert fast == [ink._messages(image) for image in images]
