"""One picture file read and remade with Pillow (issue 12, items 2 and 3; issue 21, items 2 and 3):
its size as it shows, whether it is line art, and the picture resampled to a size in pixels,
halftoned (halftone.py) or not. Nothing here writes a file: the cache (cache.py) does.

Line art is black and white only (issue 21, item 2): a picture with any other tone, a yellow logo
or a two-grey stamp, takes the photo path, so that it never prints blank. What WeasyPrint cannot
be given as it is (HEIC from an iPhone, read with pillow-heif; CMYK; 16-bit grey) is always remade.
A file Pillow cannot read is one error naming its format and the way out (formats.py); a JPEG cut
short (a copy that stopped) is refused by name, never printed half grey (issue 25, item 6); a
picture of more than PIXELS is refused from its header, before it is decoded (issue 25, item 4).
"""

from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from builder.errors import BuildError, reason
from builder.pictures import formats

if TYPE_CHECKING:
    from PIL import Image

DPI = 300
"""The most a picture is printed at (shared FACTS.md §5); a halftone is made at exactly this."""
GIVEN = ("JPEG", "MPO", "PNG", "GIF")
"""The formats WeasyPrint is given as they are when they need no resampling (in RGB or grey)."""
PHOTOS = ("JPEG", "MPO", "HEIF", "AVIF", "WEBP")
"""The formats of cameras and phones: remade as JPEG (the others as PNG)."""
PIXELS = 50_000_000
"""The most pixels (width × height) one picture may have (issue 25, item 4), read from its header
before it is decoded. A phone's largest photo passes (48 MP: iPhone 14 Pro and later at full
resolution); decoded it takes 144 MB in RGB, and resampling as much again, so a build stays under
1 GiB. A 200 MP photo (some phones' high-resolution mode) is refused with the way out, and so is
a 1 × 100,000,000 strip of 195 kB, which took a build to 2 GB: a page at 300 dpi needs under
9 MP (A4: 2480 × 3508)."""
DRAFTED = 260_000_000
"""The most pixels a JPEG may have: Pillow decodes it at 1/2 to 1/8 of its width (Image.draft, in
`made` and `_decoded`), so that a 200 MP phone photo (16320 × 12240, a high-resolution mode of
some phones) costs no more than 50 MP of another format. Pillow's own limit is raised to it
(`pillow`): every picture is checked here from its header before it is decoded."""
DRAFTABLE = ("JPEG", "MPO")
TURNED = (5, 6, 7, 8)
"""EXIF orientations that turn a picture a quarter: its width and height swap as it shows."""


@dataclass(frozen=True)
class Raster:
    """A raster picture as the build sees it (`raster`)."""

    pixels: tuple[int, int]
    """Its width and height in pixels as it shows (its EXIF orientation applied)."""
    halftone: bool
    """Whether it is halftoned: asked for, and not line art (black-and-white stays so, `made`)."""
    remade: bool
    """Whether WeasyPrint must get a copy even at its own size: a format or a mode it cannot take as it is."""


@functools.cache
def pillow() -> None:
    """Teach Pillow to read HEIC and HEIF (pillow-heif), and let it open a JPEG of DRAFTED pixels
    (its own limit, 179 MP, stops the 200 MP ones), once per process."""
    from PIL import Image
    from pillow_heif import register_heif_opener

    register_heif_opener()
    Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, DRAFTED // 2)  # refused at twice it


def raster(path: Path, name: str, where: str | None, line: int | None, halftone: bool) -> Raster:
    """The raster picture at `path` as it shows and how it is treated (Raster); `halftone`: asked
    for. BuildError at `where`, `line` naming the picture `name` (a project path) and, when
    Pillow cannot read it, its format and the way out (formats.unreadable)."""
    from PIL import Image, UnidentifiedImageError

    pillow()
    try:
        quiet = warnings.catch_warnings(action="ignore", category=Image.DecompressionBombWarning)  # PIXELS says more
        with quiet, Image.open(path) as image:
            width, height = image.size
            within(width * height, f"{width} × {height} px", name, where, line,
                   DRAFTED if image.format in DRAFTABLE else PIXELS)
            if image.getexif().get(0x0112, 1) in TURNED:
                width, height = height, width
            remade = image.format not in GIVEN or image.mode not in ("1", "L", "LA", "P", "PA", "RGB", "RGBA")
            _decoded(image)  # first: line_art would decode a grey JPEG whole, truncated or not
            art = image.format not in DRAFTABLE and line_art(image)  # a lossy JPEG is never exactly 0/255
            return Raster((width, height), halftone and not art, remade)
    except UnidentifiedImageError:
        raise BuildError(where, formats.unreadable(path, name), line) from None
    except Image.DecompressionBombError as error:  # past Pillow's own limit, twice its warning's
        found = re.search(r"\((\d+) pixels\)", str(error))
        within(int(found.group(1)) if found else PIXELS + 1, "", name, where, line)
        raise  # not reached: Pillow's limit is above PIXELS
    except (OSError, ValueError) as error:
        message = reason(error).replace(str(path), name)
        raise BuildError(where, f"picture {name} cannot be read ({message}): is it damaged? "
                                "Open it and save it again as JPEG or PNG", line) from None


def within(pixels: int, size: str, name: str, where: str | None, line: int | None, limit: int = PIXELS) -> None:
    """Nothing when a picture of `pixels` (width × height, `size` as said: "1 × 100000000 px")
    is within `limit` (PIXELS; DRAFTED for a JPEG); else BuildError at `where`, `line` naming the
    picture `name`, its pixels, the limit and the way out."""
    if pixels <= limit:
        return
    said = f"{size}, " if size else ""
    raise BuildError(where, f"picture {name} has {said}{pixels / 1e6:,.0f} million pixels, more than the "
                            f"{limit / 1e6:.0f} million one picture may have (issue 25): a page at 300 dpi needs "
                            "under 9 million; save a smaller copy (at most 4000 px on its longer side is plenty)",
                     line)


def _decoded(image: Image.Image) -> None:
    """Decode a JPEG whole (at 1/8 of its size: fast), so that one cut short is refused here
    (OSError "image file is truncated", with Pillow's LOAD_TRUNCATED_IMAGES False): WeasyPrint
    embeds a JPEG's bytes as they are, and a viewer would print its missing part grey."""
    from PIL import ImageFile

    if image.format in ("JPEG", "MPO"):
        image.draft(image.mode, (1, 1))
        # WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES when it is imported: unset while this one loads.
        truncated, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            image.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = truncated


def line_art(image: Image.Image) -> bool:
    """Whether a picture is line art: black and white only (1-bit, or pure black 0 and white 255
    as it prints on white paper). A grey, a colour, even two tones (150 and 230) are not."""
    if image.mode == "1":
        return True
    if image.mode not in ("L", "LA", "P", "PA"):
        return False
    colours = on_white(image).convert("L").getcolors(2)
    return colours is not None and {value for _, value in colours} <= {0, 255}


def made(path: Path, target: tuple[int, int], halftone: bool) -> tuple[Image.Image, str]:
    """The picture at `path` resampled to `target` pixels (as it shows), halftoned or not, and
    the suffix to save it with: ".jpg" for a photo, ".png" for the rest and for halftones.
    Pillow's OSError or ValueError when the file cannot be decoded."""
    from PIL import Image, ImageOps

    from builder.pictures import halftone as screen

    pillow()
    with Image.open(path) as source:
        art = source.format not in DRAFTABLE and line_art(source)  # no whole decode of a JPEG: `draft` below
        turned = source.getexif().get(0x0112, 1) in TURNED
        photo = source.format in PHOTOS
        if source.format in ("JPEG", "MPO"):
            stored = (target[1], target[0]) if turned else target
            source.draft("RGB" if source.mode not in ("L", "1") else "L", stored)  # decode at 1/2…1/8: fast
        image = _eight_bits(ImageOps.exif_transpose(source))
    if halftone:
        return screen.halftone(on_white(image).resize(target, Image.Resampling.LANCZOS)), ".png"
    resized = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if art:  # black and white it was, black and white it stays: no grey edges for the copier
        return on_white(resized).convert("L").point([0] * 128 + [255] * 128), ".png"
    if photo:
        return on_white(resized), ".jpg"
    return resized, ".png"


def _eight_bits(image: Image.Image) -> Image.Image:
    """`image` loaded, in a mode with 8 bits a channel that resizes well: grey ("L"), RGB, with
    alpha where it has transparency. 16-bit grey is scaled down (not clipped to white), CMYK and
    other colour spaces turned into RGB."""
    image.load()
    if image.mode in ("P", "PA"):
        return image.convert("RGBA")
    if image.mode.startswith("I") or image.mode == "F":
        return image.convert("I").point(lambda value: value / 257).convert("L")
    if image.mode == "1":
        return image.convert("L")
    if image.mode not in ("L", "LA", "RGB", "RGBA"):
        return image.convert("RGB")
    return image


def on_white(image: Image.Image) -> Image.Image:
    """A picture with transparency laid on white paper; any other picture as it is."""
    from PIL import Image

    if image.mode in ("P", "PA") and (image.mode == "PA" or "transparency" in image.info):
        image = image.convert("RGBA")
    elif image.mode not in ("LA", "RGBA"):
        return image
    mode = "L" if image.mode == "LA" else "RGB"
    paper = Image.new(mode, image.size, 255 if mode == "L" else (255, 255, 255))
    paper.paste(image.convert(mode), mask=image.getchannel("A"))
    return paper
