"""Which halftone copies best: error diffusion, a dispersed ordered dither, or a clustered-dot
screen (issue 12, item 3; builder/halftone.py uses the last).

A grey photo made on the spot, 80 mm wide at 300 dpi, after the same contrast curve, is dithered
three ways: Floyd–Steinberg (Pillow's `convert("1")`), Bayer 8 × 8, and the build's clustered-dot
screen. Each is then put through a simulated copier once and twice: the scan blurs it (Gaussian,
σ 0.8 pixel, about 70 µm) and the print makes every pixel black or white at half grey. The
score is how far the tones a reader sees (the page blurred over 0.3 mm, about what the eye
merges at reading distance) stray from the curve's tones, in levels of 255 (lower is better).
The previews, each strip the original then copy 1 and copy 2, go to bench/previews/ (not
committed): look at them at 100 %.
"""

from __future__ import annotations

import sys
from pathlib import Path

from builder.pictures import halftone
from PIL import Image, ImageChops, ImageFilter, ImageStat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import picture_zine  # noqa: E402

TITLE = "halftone: which dither survives a photocopier (tone error after 0, 1, 2 simulated copies)"
PREVIEWS = Path(__file__).resolve().parent / "previews"
WIDTH_PX = round(80 / 25.4 * 300)
EYE_PX = 3.5
"""0.3 mm at 300 dpi: the blur that stands for the reader's eye."""


def _copy(image: Image.Image) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(0.8)).point([0] * 128 + [255] * 128)


def _bayer(grey: Image.Image) -> Image.Image:
    matrix = [[0]]
    while len(matrix) < 8:
        size = len(matrix)
        matrix = [[4 * matrix[y % size][x % size] + (0, 2, 3, 1)[(y // size) * 2 + x // size]
                   for x in range(2 * size)] for y in range(2 * size)]
    tile = Image.new("L", (8, 8))
    tile.putdata([round((matrix[y][x] + 0.5) * 255 / 64) for y in range(8) for x in range(8)])
    thresholds = Image.new("L", grey.size)
    for y in range(0, grey.height, 8):
        for x in range(0, grey.width, 8):
            thresholds.paste(tile, (x, y))
    return ImageChops.subtract(grey, thresholds).point([0] + [255] * 255)


def _error(image: Image.Image, target: Image.Image) -> float:
    seen = image.filter(ImageFilter.GaussianBlur(EYE_PX))
    return float(ImageStat.Stat(ImageChops.difference(seen, target)).mean[0])


def run() -> list[str]:
    photo = picture_zine.photo(1500, 1000, seed=3).convert("L").resize((WIDTH_PX, WIDTH_PX * 2 // 3),
                                                                          Image.Resampling.LANCZOS)
    curved = halftone.curve(photo)
    target = curved.filter(ImageFilter.GaussianBlur(EYE_PX))
    ways = {
        "Floyd-Steinberg (error diffusion)": curved.convert("1").convert("L"),
        "Bayer 8x8 (dispersed ordered)": _bayer(curved),
        "clustered-dot screen, 45 degrees (the build's)": halftone.screen(curved),
    }
    PREVIEWS.mkdir(exist_ok=True)
    lines = [f"   {'':48} {'as made':>8} {'copy 1':>8} {'copy 2':>8}"]
    for number, (name, made) in enumerate(ways.items()):
        copies = [made, _copy(made), _copy(_copy(made))]
        lines.append(f"   {name:48} " + " ".join(f"{_error(image, target):8.1f}" for image in copies))
        strip = Image.new("L", (made.width * 3 + 20, made.height), 128)
        for index, image in enumerate(copies):
            strip.paste(image, (index * (made.width + 10), 0))
        strip.save(PREVIEWS / f"halftone-{number + 1}-{name.split()[0].lower()}.png")
    photo.save(PREVIEWS / "halftone-0-original.png")
    lines.append(f"   previews: {PREVIEWS.relative_to(PREVIEWS.parent.parent)}/halftone-*.png "
                 "(as made, copy 1, copy 2; view at 100 %)")
    return lines
