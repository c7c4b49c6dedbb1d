"""One picture file read and remade with Pillow (issue 12, items 2 and 3): its size as it shows,
whether it is line art, and the picture resampled to a size in pixels, halftoned (halftone.py)
or not. Nothing here writes a file: the cache (cache.py) does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from builder.errors import BuildError

if TYPE_CHECKING:
    from PIL import Image

DPI = 300
"""The most a picture is printed at (shared FACTS.md §5); a halftone is made at exactly this."""


def raster(path: Path, name: str, where: str | None, line: int | None,
           halftone: bool) -> tuple[tuple[int, int], bool]:
    """A raster picture's size in pixels, as it shows (its EXIF orientation applied), and whether
    it is to be halftoned: asked for, and it has greys (pure black-and-white line art is left:
    it stays black and white when resampled, `made`). BuildError at `where`, `line` naming the
    picture `name` when the file cannot be read."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            width, height = image.size
            if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # turned a quarter
                width, height = height, width
            if halftone and line_art(image):
                halftone = False
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError) as error:
        raise BuildError(where, f"picture {name} cannot be read ({error})", line) from None
    return (width, height), halftone


def line_art(image: Image.Image) -> bool:
    """Whether a picture is pure black and white (1-bit, or two greys at most)."""
    if image.mode == "1":
        return True
    if image.mode not in ("L", "P"):
        return False
    colours = image.convert("L").getcolors(3)
    return colours is not None and len(colours) <= 2


def made(path: Path, target: tuple[int, int], halftone: bool) -> tuple[Image.Image, str]:
    """The picture at `path` resampled to `target` pixels (as it shows), halftoned or not, and
    the suffix to save it with: ".jpg" for a photo, ".png" for the rest and for halftones.
    Pillow's OSError or ValueError when the file cannot be decoded."""
    from PIL import Image, ImageOps

    from builder.pictures import halftone as screen

    with Image.open(path) as source:
        art = line_art(source)
        turned = source.getexif().get(0x0112, 1) in (5, 6, 7, 8)
        stored = (target[1], target[0]) if turned else target
        photo = source.format in ("JPEG", "MPO")
        if photo:
            source.draft("RGB" if source.mode not in ("L", "1") else "L", stored)  # decode at 1/2…1/8: fast
        image = ImageOps.exif_transpose(source)
        image.load()
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA")
    elif image.mode == "1" or image.mode.startswith("I"):
        image = image.convert("L")
    elif image.mode == "CMYK":
        image = image.convert("RGB")
    if halftone:
        if image.mode in ("RGBA", "LA"):
            image = _on_white(image)
        return screen.halftone(image.resize(target, Image.Resampling.LANCZOS)), ".png"
    resized = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if art:  # black and white it was, black and white it stays: no grey edges for the copier
        return resized.convert("L").point([0] * 128 + [255] * 128), ".png"
    if photo:
        return (_on_white(resized) if resized.mode in ("RGBA", "LA") else resized), ".jpg"
    return resized, ".png"


def _on_white(image: Image.Image) -> Image.Image:
    """A picture with transparency laid on white paper."""
    from PIL import Image

    mode = "L" if image.mode == "LA" else "RGB"
    paper = Image.new(mode, image.size, 255 if mode == "L" else (255, 255, 255))
    paper.paste(image.convert(mode), mask=image.getchannel("A"))
    return paper
