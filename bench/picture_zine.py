"""A zine of pictures of every shape, made on the spot (issue 12): none of its images is committed.

`write(root, huge_mb=…)` writes `root/content/` with ten generated pictures: a wide frieze, a
tall poster, a small icon, a colour photo, a file name with a space, a huge phone photo of about
`huge_mb` MB (30 in `make bench`, a few in the tests), a portrait turned by its EXIF tag, a
grey photo to halftone, an SVG drawing and a full-page picture; with captions, widths, and the
same grey photo before and after halftoning. The bench times its build; the tests check it.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

MANIFEST = """title = "Pictures of every shape"
lang = "en"
date = 2026-11-28
edition = "Test edition"
parts = ["pictures.md", "text.md"]
{extra}"""

PICTURES = """---
title: Pictures of every shape
---

Every picture below fits the column and the page, keeps its aspect, and is printed at no more
than 300 dpi. This paragraph is here so that the first picture follows some text.

![A frieze of coloured bands](images/frieze.png "A frieze of 2400 × 200 pixels, the column's width")

A small icon ![an icon](images/icon.png) sits in this line of text, at its own size.

![A poster, much taller than wide](images/poster.png "A poster of 400 × 2400 pixels: as tall as the page allows")

![The plan, a file name with a space](<images/mon logo.png> "A file name with a space, half the column"){width=50%}

The same file written with %20 for the space, a third of the column:

![The plan again](images/mon%20logo.png){width=33%}

![A colour photo of a sunset](images/photo.jpg "A colour photo, 1200 × 800 pixels, 80 % of the column"){width="80%"}

![A huge photo straight from a phone](<images/huge photo.jpg> "A huge phone photo, resampled to 300 dpi")

![A portrait photo](images/portrait.jpg "A portrait turned upright by its EXIF tag"){width=60mm}

![A drawing](images/drawing.svg "A drawing (SVG) 40 mm wide"){width=40mm}

![A grey photo, as it is](images/grey.jpg "Before: the grey photo as it is"){width=70%}

![The grey photo, halftoned](images/grey.jpg "After: the same photo halftoned for the copier"){width=70% .halftone}

![A full-page picture](images/fullpage.jpg "A picture on a page of its own, without a folio"){.full-page}

The text goes on after the full-page picture, on the next page.
"""

TEXT = """---
title: Some text
---

A part of plain text after the pictures, so the zine reads like one.
"""


def write(root: Path, *, huge_mb: float = 3.0, photos: str | None = None, format: str | None = None) -> Path:
    """Write the test zine into `root` (content/ and its images), with the manifest's `photos`
    and `format` if given; return `root`."""
    images = root / "content" / "images"
    images.mkdir(parents=True, exist_ok=True)
    extra = "".join(f'{key} = "{value}"\n' for key, value in (("photos", photos), ("format", format)) if value)
    (root / "content" / "zine.toml").write_text(MANIFEST.format(extra=extra), encoding="utf-8")
    (root / "content" / "pictures.md").write_text(PICTURES, encoding="utf-8")
    (root / "content" / "text.md").write_text(TEXT, encoding="utf-8")
    bands(2400, 200).save(images / "frieze.png")
    bands(400, 2400, vertical=True).save(images / "poster.png")
    bands(48, 36).save(images / "icon.png")
    plan(900, 600).save(images / "mon logo.png")
    photo(1200, 800, seed=1).save(images / "photo.jpg", quality=90)
    huge(images / "huge photo.jpg", huge_mb)
    # Stored on its side, as phones do, and shown upright by its EXIF tag (6: turn a quarter clockwise).
    exif = Image.Exif()
    exif[0x0112] = 6
    photo(1200, 1600, seed=2).transpose(Image.Transpose.ROTATE_90).save(images / "portrait.jpg", quality=90,
                                                                         exif=exif.tobytes())
    photo(1500, 1000, seed=3).convert("L").save(images / "grey.jpg", quality=90)
    photo(1500, 2200, seed=4).save(images / "fullpage.jpg", quality=88)
    (images / "drawing.svg").write_text(SVG, encoding="utf-8")
    return root


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 120" width="200" height="120">
<rect x="4" y="4" width="192" height="112" fill="none" stroke="#000" stroke-width="3"/>
<circle cx="60" cy="60" r="36" fill="none" stroke="#000" stroke-width="3"/>
<path d="M110 90 L140 30 L170 90 Z" fill="#000"/>
</svg>
"""


def bands(width: int, height: int, *, vertical: bool = False) -> Image.Image:
    """Coloured bands with a black frame: where a picture is cut shows at once."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    colours = [(200, 40, 40), (40, 140, 60), (40, 70, 190), (230, 180, 30), (30, 30, 30)]
    count = 12
    for index in range(count):
        colour = colours[index % len(colours)]
        if vertical:
            draw.rectangle((0, index * height // count, width, (index + 1) * height // count), fill=colour)
        else:
            draw.rectangle((index * width // count, 0, (index + 1) * width // count, height), fill=colour)
    frame = max(2, min(width, height) // 40)
    draw.rectangle((0, 0, width - 1, height - 1), outline="black", width=frame)
    return image


def plan(width: int, height: int) -> Image.Image:
    """Line art in black on white: a plan of streets."""
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for x in range(0, width, width // 6):
        draw.line((x, 0, x + width // 10, height), fill=0, width=6)
    for y in range(0, height, height // 5):
        draw.line((0, y, width, y + height // 12), fill=0, width=4)
    draw.rectangle((0, 0, width - 1, height - 1), outline=0, width=8)
    draw.ellipse((width // 3, height // 3, width // 3 + 80, height // 3 + 80), fill=0)
    return image.convert("1")


def photo(width: int, height: int, *, seed: int) -> Image.Image:
    """Something with the tones of a photo: a sky, the sun, hills, a shaded ball, grain."""
    rng = random.Random(seed)
    sky = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    sky = Image.merge("RGB", [band.point(lambda v, k=k: int(60 + v * (0.4 + 0.2 * k))) for k, band in
                              enumerate(sky.split())])
    draw = ImageDraw.Draw(sky)
    sun = (int(width * rng.uniform(0.2, 0.8)), int(height * 0.3))
    radius = min(width, height) // 8
    draw.ellipse((sun[0] - radius, sun[1] - radius, sun[0] + radius, sun[1] + radius), fill=(250, 220, 150))
    for layer in range(3):
        base = height * (0.55 + 0.12 * layer)
        points = [(x, base + math.sin(x / width * (3 + layer) * math.pi + rng.random()) * height * 0.06)
                  for x in range(0, width + 20, 20)]
        shade = 120 - 35 * layer
        draw.polygon([*points, (width, height), (0, height)], fill=(shade - 20, shade, shade - 40))
    ball = min(width, height) // 5
    centre = (int(width * 0.7), int(height * 0.75))
    for step in range(ball, 0, -2):
        light = int(40 + 200 * (1 - step / ball) ** 0.7)
        offset = (ball - step) // 3
        draw.ellipse((centre[0] - step - offset, centre[1] - step - offset, centre[0] + step - offset,
                      centre[1] + step - offset), fill=(light, light // 2 + 30, 40))
    image = sky.filter(ImageFilter.GaussianBlur(max(1, width // 600)))
    grain = Image.effect_noise((width, height), 12).convert("RGB")
    return Image.blend(image, grain, 0.08)


def huge(path: Path, megabytes: float) -> None:
    """A phone photo of about `megabytes` MB: a photo's tones under a sensor's fine grain."""
    pixels = int(megabytes * 2_100_000)  # about 0.48 byte a pixel at quality 95 with this grain
    width = int(math.sqrt(pixels * 4 / 3))
    height = width * 3 // 4
    base = photo(width // 4, height // 4, seed=5).resize((width, height), Image.Resampling.BILINEAR)
    grain = Image.merge("RGB", [Image.effect_noise((width, height), 40) for _ in range(3)])
    Image.blend(base, grain, 0.22).save(path, quality=95)
