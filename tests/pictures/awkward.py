"""Awkward pictures, made on the spot with Pillow (issue 21, items 2 and 3): each file as a phone, a
scanner or a drawing program writes it, and what it shows, as a grey picture on white paper.

`write(images) -> {name: shown}` saves every picture into `images` and gives, for each file name,
the greyscale ("L") picture a reader sees: its EXIF turn applied, its transparency laid on white.
Every picture is darker at its top left than at its bottom right (a wrong turn shows), except the
flat square and the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = (1200, 800)
"""Most pictures' pixels: more than 300 dpi at half an A5 column, so the build shrinks them."""


def _corner(mode: str, ink: object, paper: object, size: tuple[int, int] = SIZE) -> Image.Image:
    """A mark at the top left (a disc and a bar) on `paper`."""
    image = Image.new(mode, size, paper)  # type: ignore[arg-type]
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.ellipse((width // 12, height // 12, width // 2, height // 2), fill=ink)  # type: ignore[arg-type]
    draw.rectangle((width // 12, height * 7 // 12, width // 6, height * 11 // 12), fill=ink)  # type: ignore[arg-type]
    return image


def _gradient(size: tuple[int, int] = SIZE) -> Image.Image:
    """A photo-like grey: dark at the top left, light at the bottom right ("L")."""
    horizontal = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize(size)  # black at the left
    mixed = Image.blend(horizontal, Image.linear_gradient("L").resize(size), 0.5)
    return mixed.point(lambda value: 30 + value * 200 // 255)


def _as_is(name: str, make: Callable[[], Image.Image]) -> Callable[[Path], Image.Image]:
    """The maker of a picture saved as it shows, `name` in the folder it is given."""
    def maker(images: Path) -> Image.Image:
        shown = make()
        shown.save(images / name)
        return shown.convert("L")

    return maker


def _on_white(image: Image.Image) -> Image.Image:
    paper = Image.new("RGB", image.size, "white")
    paper.paste(image.convert("RGB"), mask=image.convert("RGBA").getchannel("A"))
    return paper.convert("L")


def _palette(images: Path) -> Image.Image:
    shown = _corner("RGB", (200, 30, 30), (255, 255, 255))
    ImageDraw.Draw(shown).rectangle((700, 500, 1100, 700), fill=(40, 60, 200))
    shown.quantize(4).save(images / "palette.png")
    return shown.convert("L")


def _transparent_white(images: Path) -> Image.Image:
    picture = _corner("RGBA", (40, 40, 40, 255), (255, 255, 255, 0))
    picture.save(images / "transparent-white.png")
    return _on_white(picture)


def _transparent_tint(images: Path) -> Image.Image:
    """Ink and a half-transparent tint on pixels that are black where fully transparent."""
    picture = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, SIZE[0] * 2 // 3, SIZE[1] * 2 // 3), fill=(230, 120, 60, 128))
    draw.ellipse((60, 60, 400, 400), fill=(20, 20, 20, 255))
    picture.save(images / "transparent-tint.png")
    return _on_white(picture)


def _grey16(images: Path) -> Image.Image:
    shown = _gradient()
    shown.point(lambda value: value * 257, "I").convert("I;16").save(images / "grey16.png")
    return shown


def _cmyk(images: Path) -> Image.Image:
    shown = Image.merge("RGB", (_gradient(), _gradient(), _gradient().point(lambda value: value // 2)))
    shown.convert("CMYK").save(images / "cmyk.jpg", quality=92)
    return Image.open(images / "cmyk.jpg").convert("L")


def _rotated(images: Path) -> Image.Image:
    """Stored on its side, shown upright by its EXIF tag (6: turn a quarter clockwise)."""
    shown = _gradient((800, 1200))
    exif = Image.Exif()
    exif[0x0112] = 6
    shown.transpose(Image.Transpose.ROTATE_90).save(images / "rotated.jpg", quality=92, exif=exif.tobytes())
    return shown


def _yellow(images: Path) -> Image.Image:
    """A gold logo on white: two levels of grey, 202 and 255, and no black."""
    shown = _corner("RGB", (255, 215, 0), (255, 255, 255))
    shown.quantize(2).save(images / "yellow.png")
    return shown.convert("L")


def _heic(images: Path) -> Image.Image:
    import pillow_heif

    shown = _gradient()
    # Saved with pillow-heif's own API: Pillow here is left unable to read it (the builder must teach it).
    pillow_heif.from_pillow(shown.convert("RGB")).save(images / "iphone.heic", quality=90)
    return shown


MAKERS: dict[str, Callable[[Path], Image.Image]] = {
    "palette.png": _palette,
    "stamp.png": _as_is("stamp.png", lambda: _corner("L", 150, 230)),  # two greys, no black
    "transparent-white.png": _transparent_white, "transparent-tint.png": _transparent_tint, "grey16.png": _grey16,
    "cmyk.jpg": _cmyk, "rotated.jpg": _rotated,
    "icon.png": _as_is("icon.png", lambda: _corner("RGB", (20, 20, 20), (240, 240, 240), (24, 16))),
    "rule.png": _as_is("rule.png", lambda: Image.new("L", (2400, 1), 0)),  # one pixel high
    "yellow.png": _yellow,
    "flat.png": _as_is("flat.png", lambda: Image.new("L", (900, 900), 128)),
    "photo.webp": _as_is("photo.webp", lambda: _gradient().convert("RGB")), "iphone.heic": _heic,
}


def write(images: Path) -> dict[str, Image.Image]:
    """Save every awkward picture into `images`; each file's name and the grey picture it shows."""
    images.mkdir(parents=True, exist_ok=True)
    return {name: make(images) for name, make in MAKERS.items()}
