"""Pictures sized for the page and the copier (issue 12, items 2 and 3): the stage between the
content and the documents.

`prepare(zine, cache) -> Zine` gives every picture of the parts' HTML its printed width, for the
zine's format: never wider than the column, never taller than the page's text area (less its
caption), its aspect kept; `width` asks for a share of the column or a length, `.full-page` for
the whole text area of a page of its own. Each picture with more pixels than 300 dpi at that
width is resampled with Pillow into `cache` (output/.pictures/, never content/), JPEG at quality
JPEG_QUALITY or PNG, so that WeasyPrint embeds it as it is and never resamples it itself; a
halftoned one (builder/halftone.py) is made pure black and white at exactly 300 dpi. A
picture alone in its paragraph becomes a figure, with its title as caption.

The sizes come from `paper.Format.text_block` (the shipped stylesheets' margins); the renderer
checks after layout that nothing left the text area (render/overflow.py), so a project's own
stylesheet with wider margins is caught there, with the picture's file and line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import math
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from builder.errors import BuildError, shown
from builder.model import Part, Zine
from builder.paper import Size

if TYPE_CHECKING:
    from PIL import Image

DPI = 300
"""The most a picture is printed at (shared FACTS.md §5); a halftone is made at exactly this."""
JPEG_QUALITY = 85
"""Resampled photos are JPEG at this quality (4:2:0, optimised): no visible loss at 300 dpi."""
CSS_DPI = 96
"""CSS pixels per inch: a picture with no width asked for prints at its pixels at this size."""
VERSION = "2"
"""Part of every cached picture's name: change it when the resampling or the halftone changes."""
CAPTION_PT, CAPTION_LEADING, CAPTION_GAP_MM, FIGURE_MARGINS_MM = 12 * 0.88, 1.3, 2.0, 7.0
"""An upper bound of a caption's type size (0.88 em of the largest body, 12 pt), its leading, the
gap above it, and a figure's vertical margins: the height kept free for them (_reserve)."""
PT = 25.4 / 72


@dataclass(frozen=True)
class Area:
    """Where a picture may go: the column's width and the page's text-area height, in mm."""

    width: float
    height: float

    @classmethod
    def of(cls, size: Size) -> Area:
        return cls(size.width, size.height)


def prepare(zine: Zine, cache: Path) -> Zine:
    """`zine` with every picture of its parts sized and, where it has too many pixels, resampled
    into `cache`; BuildError naming each picture's file and line. Pictures of earlier builds that
    this one no longer uses are removed from `cache`."""
    used: set[Path] = set()
    errors: list[BuildError] = []
    halftone = zine.meta.photos == "halftone"

    def sized(part: Part | None, area: Area) -> Part | None:
        if part is None or part.kind == "letter" or "<img" not in part.html:
            return part
        pictures = _Pictures(zine, area, cache, halftone, used, errors)
        return dataclasses.replace(part, html=pictures.rewrite(part.html))

    reading = Area.of(zine.format.text_block)
    parts = tuple(sized(part, reading) or part for part in zine.parts)
    intro, back = sized(zine.intro, reading), sized(zine.back, reading)
    minizine = sized(zine.minizine, Area.of(zine.format.minizine_text_block))
    if errors:
        from builder.errors import raise_all

        raise_all(errors)
    _prune(cache, used)
    return dataclasses.replace(zine, parts=parts, intro=intro, back=back, minizine=minizine)


_ALONE = re.compile(r"<p(\s[^>]*)?>\s*(<img\b[^>]*>)\s*</p>", re.IGNORECASE)
"""A paragraph holding one picture and nothing else: a figure."""
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
DONE = "data-picture"
"""The attribute of a picture already sized: its source file, as messages name it."""


class _Tag(HTMLParser):
    """The attributes of one start tag."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def _tag(name: str, attrs: dict[str, str]) -> str:
    return f"<{name}" + "".join(f' {key}="{html.escape(value)}"' for key, value in attrs.items()) + ">"


@dataclass
class _Pictures:
    """The pictures of one part's HTML, sized for `area`."""

    zine: Zine
    area: Area
    cache: Path
    halftone: bool
    used: set[Path]
    errors: list[BuildError]

    def rewrite(self, fragment: str) -> str:
        fragment = _ALONE.sub(self._figure, fragment)
        return _IMG.sub(lambda match: self._inline(match.group(0)), fragment)

    def _figure(self, match: re.Match[str]) -> str:
        paragraph = _Tag(f"<p{match.group(1) or ''}>").attrs
        attrs = _Tag(match.group(2)).attrs
        caption = attrs.pop("title", "").strip()
        classes = attrs.get("class", "").split()
        full = "full-page" in classes
        try:
            picture = self._picture(attrs, caption=caption, full=full)
        except BuildError as error:
            self.errors.append(error)
            return match.group(0)
        figure = {**paragraph, "class": " ".join(["picture", *(["full-page"] if full else [])]
                                                 + paragraph.get("class", "").split())}
        if full and picture.top:
            figure["style"] = f"padding-top: {picture.top:.1f}mm"
        return (_tag("figure", figure) + picture.tag
                + (f"<figcaption>{html.escape(caption)}</figcaption>" if caption else "") + "</figure>")

    def _inline(self, tag: str) -> str:
        attrs = _Tag(tag).attrs
        if DONE in attrs:
            return tag
        try:
            where, line = _place(attrs)
            if "full-page" in attrs.get("class", "").split():
                raise BuildError(where, f"picture {_name(attrs)}: .full-page needs the picture alone in its "
                                        "paragraph (a blank line before and after it)", line)
            if attrs.get("title", "").strip() and "data-line" in attrs:
                raise BuildError(where, f"picture {_name(attrs)}: a caption needs the picture alone in its "
                                        "paragraph (a blank line before and after it)", line)
            return self._picture(attrs, caption="", full=False).tag
        except BuildError as error:
            self.errors.append(error)
            return tag

    def _picture(self, attrs: dict[str, str], *, caption: str, full: bool) -> _Placed:
        """The picture's tag, sized (and its source resampled) for the area."""
        path = _local(attrs.get("src", ""))
        if path is None:  # a data: URL, left to the stylesheet's limits
            return _Placed(_tag("img", attrs))
        where, line = _place(attrs)
        name = shown(path, self.zine.root, self.zine.content)
        classes = attrs.get("class", "").split()
        wanted = "halftone" in classes or (self.halftone and "no-halftone" not in classes)
        if path.suffix.lower() == ".svg":
            if "halftone" in classes:
                raise BuildError(where, f"picture {name}: .halftone is for photos, not SVG drawings", line)
            pixels = _svg_size(path)
            halftone = False
        else:
            pixels, halftone = _raster(path, name, where, line, wanted)
        reserve = _reserve(caption, self.area.width) if caption else 0.0
        height = self.area.height - reserve - (0 if full else FIGURE_MARGINS_MM)
        width = _width(attrs.get("width"), pixels, self.area.width, height, full)
        out = {key: value for key, value in attrs.items() if key not in ("width", "title")}
        out[DONE] = name
        if width is not None:
            out["style"] = f"width: {width:.1f}mm"
            if pixels is not None and path.suffix.lower() != ".svg":
                source = _resampled(path, pixels, width, halftone, self.cache, name, where, line)
                if source != path:
                    out["src"] = source.as_uri()
                    self.used.add(source)
        if halftone:
            out["class"] = " ".join(dict.fromkeys([*classes, "halftone"]))
        else:
            out["class"] = " ".join(name for name in classes if name != "halftone")
        if not out["class"]:
            del out["class"]
        top = 0.0
        if full and width is not None and pixels is not None:
            printed = width * pixels[1] / pixels[0]
            top = max(0.0, (self.area.height - printed - reserve) / 2)
        return _Placed(_tag("img", out), top)


@dataclass(frozen=True)
class _Placed:
    tag: str
    top: float = 0.0
    """For a full-page picture: the room above it that centres it on its page, in mm."""


def _place(attrs: dict[str, str]) -> tuple[str | None, int | None]:
    """The Markdown file and line a picture comes from (content/pictures.py), if it says."""
    where, _, line = attrs.get("data-line", "").rpartition(":")
    return (where, int(line)) if where and line.isdigit() else (None, None)


def _name(attrs: dict[str, str]) -> str:
    return unquote(urlsplit(attrs.get("src", "")).path).rsplit("/", 1)[-1]


def _local(src: str) -> Path | None:
    parts = urlsplit(src)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


def _reserve(caption: str, column: float) -> float:
    """The height a caption may take, at most (a generous estimate: 0.55 em a character)."""
    size = CAPTION_PT * PT
    lines = max(1, math.ceil(len(caption) * 0.55 * size / column))
    return lines * size * CAPTION_LEADING + CAPTION_GAP_MM


def _width(asked: str | None, pixels: tuple[int, int] | None, column: float, height: float,
           full: bool) -> float | None:
    """The printed width in mm: what was asked (a share of the column, a length), else the
    picture's own size (all of the column for a full-page one), within the column and, through
    its aspect, within `height`; rounded down to a tenth of a millimetre."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(%|mm|cm|in)", asked or "")
    if match:
        value, unit = float(match.group(1)), match.group(2)
        wanted = column * value / 100 if unit == "%" else value * {"mm": 1.0, "cm": 10.0, "in": 25.4}[unit]
    elif full:
        wanted = column
    elif pixels is not None:
        wanted = pixels[0] / CSS_DPI * 25.4
    else:
        return None
    if pixels is None:
        return math.floor(min(wanted, column) * 10) / 10
    return math.floor(min(wanted, column, max(height, 10.0) * pixels[0] / pixels[1]) * 10) / 10


def _svg_size(path: Path) -> tuple[int, int] | None:
    """An SVG's aspect as a width and a height (its viewBox, else its width and height), if it says."""
    try:
        head = path.read_bytes()[:4096].decode("utf-8", "replace")
    except OSError:
        return None
    root = re.search(r"<svg\b[^>]*>", head)
    if root is None:
        return None
    attrs = _Tag(root.group(0)).attrs
    box = attrs.get("viewbox", "").replace(",", " ").split()
    try:
        if len(box) == 4:
            width, height = float(box[2]), float(box[3])
        else:
            width, height = (float(re.sub(r"[a-z%]+$", "", attrs[key].strip())) for key in ("width", "height"))
    except (KeyError, ValueError):
        return None
    return (round(width * 100), round(height * 100)) if width > 0 and height > 0 else None


def _raster(path: Path, name: str, where: str | None, line: int | None,
            halftone: bool) -> tuple[tuple[int, int], bool]:
    """A raster picture's size in pixels, as it shows (its EXIF orientation applied), and whether
    it is to be halftoned: asked for, and it has greys (pure black-and-white line art is left:
    it stays black and white when resampled, _made)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            width, height = image.size
            if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # turned a quarter
                width, height = height, width
            if halftone and _line_art(image):
                halftone = False
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError) as error:
        raise BuildError(where, f"picture {name} cannot be read ({error})", line) from None
    return (width, height), halftone


def _line_art(image: Image.Image) -> bool:
    """Whether a picture is pure black and white (1-bit, or two greys at most)."""
    if image.mode == "1":
        return True
    if image.mode not in ("L", "P"):
        return False
    colours = image.convert("L").getcolors(3)
    return colours is not None and len(colours) <= 2


def _resampled(path: Path, pixels: tuple[int, int], width_mm: float, halftone: bool, cache: Path,
               name: str, where: str | None, line: int | None) -> Path:
    """The file WeasyPrint gets for the picture at `path` printed `width_mm` wide: itself when
    it has no more pixels than DPI there (and is not halftoned), else a resampled copy in
    `cache`, made once for this source, size and treatment."""
    across = max(1, math.floor(width_mm / 25.4 * DPI))
    if pixels[0] <= across and not halftone:
        return path
    target = (across, max(1, round(across * pixels[1] / pixels[0])))
    status = path.stat()
    key = hashlib.sha256(f"{VERSION}|{path}|{status.st_mtime_ns}|{status.st_size}|{target}|{halftone}".encode())
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:40] or "picture"
    for suffix in (".png", ".jpg"):
        found = cache / f"{stem}-{key.hexdigest()[:16]}{suffix}"
        if found.is_file():
            return found
    try:
        image, suffix = _made(path, target, halftone)
    except (OSError, ValueError) as error:
        raise BuildError(where, f"picture {name} cannot be resampled ({error})", line) from None
    made = cache / f"{stem}-{key.hexdigest()[:16]}{suffix}"
    cache.mkdir(parents=True, exist_ok=True)
    partial = made.with_name(f".{made.name}.partial")
    try:
        if suffix == ".jpg":
            image.save(partial, "JPEG", quality=JPEG_QUALITY, optimize=True)
        else:
            image.save(partial, "PNG", optimize=not halftone)
        os.replace(partial, made)
    except OSError as error:
        raise BuildError(None, f"cannot write {made} ({error.strerror})") from None
    finally:
        partial.unlink(missing_ok=True)
    return made


def _made(path: Path, target: tuple[int, int], halftone: bool) -> tuple[Image.Image, str]:
    """The picture at `path` resampled to `target` pixels (as it shows), halftoned or not, and
    the suffix to save it with: ".jpg" for a photo, ".png" for the rest and for halftones."""
    from PIL import Image, ImageOps

    from builder.pictures import halftone as screen

    with Image.open(path) as source:
        line_art = _line_art(source)
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
    if line_art:  # black and white it was, black and white it stays: no grey edges for the copier
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


def _prune(cache: Path, used: set[Path]) -> None:
    """Remove the pictures of earlier builds that this one did not use."""
    if not cache.is_dir():
        return
    for path in cache.iterdir():
        if path.is_file() and path not in used:
            path.unlink(missing_ok=True)
