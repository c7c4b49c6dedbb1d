"""The pictures of a part's HTML rewritten for print (issue 12, item 2): each `<img>` sized for
the text area (sizing.py), its file resampled where it has too many pixels (cache.py), and marked
done (`data-picture`, its source file as messages name it); a picture alone in its paragraph
becomes a `<figure class="picture">` with its title as `<figcaption>`, centred on a page of its
own with `.full-page`. Problems are BuildErrors with the picture's Markdown file and line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from builder.errors import BuildError, shown
from builder.model import Finding, Zine
from builder.pictures import drawings, sizing
from builder.pictures.cache import embedded, resampled
from builder.pictures.pixels import Raster, raster

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
class Pictures:
    """The pictures of one part's HTML, sized for `area`; the resampled files it uses are added
    to `used`, the problems to `errors` and `warnings`."""

    zine: Zine
    area: sizing.Area
    cache: Path
    """Where resampled pictures are kept (Project.pictures)."""
    halftone: bool
    """Whether the zine asks for its photos halftoned (the manifest's `photos = "halftone"`)."""
    used: set[Path]
    errors: list[BuildError]
    warnings: list[Finding]
    """What prints but deserves a look: a picture with too few pixels for its size."""

    def rewrite(self, fragment: str) -> str:
        """`fragment` (HTML) with its pictures sized, and those alone in a paragraph made figures."""
        fragment = _ALONE.sub(self._figure, fragment)
        return _IMG.sub(lambda match: self._inline(match.group(0)), fragment)

    def cover(self, tag: str, width: float) -> str:
        """The cover's `<img>` (content.cover) for a box `width` mm wide, its size left to the
        stylesheet (`.cover-mark`): resampled or halftoned as every picture, and named."""
        attrs = _Tag(tag).attrs
        try:
            placed = self._picture({**attrs, "width": f"{width}mm"}, caption="", full=False)
        except BuildError as error:
            self.errors.append(error)
            return tag
        return re.sub(r' style="[^"]*"', "", placed.tag, count=1)

    def _figure(self, match: re.Match[str]) -> str:
        paragraph = _Tag(f"<p{match.group(1) or ''}>").attrs
        attrs = _Tag(match.group(2)).attrs
        caption = attrs.pop("title", "").strip()
        classes = attrs.get("class", "").split()
        full = "full-page" in classes
        try:
            picture = self._picture(attrs, caption=caption, full=full)
        except BuildError as error:  # one error: the picture is marked done, not looked at again as inline
            self.errors.append(error)
            return match.group(0).replace(match.group(2), _tag("img", {**_Tag(match.group(2)).attrs, DONE: ""}))
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
        source = self._source(attrs.get("src", ""))
        if source is None:  # not a picture the build knows: left to the sandbox
            return _Placed(_tag("img", attrs))
        path, name = source
        where, line = _place(attrs)
        classes = attrs.get("class", "").split()
        picture = self._raster(path, name, classes, where, line)
        pixels = _svg_size(path) if picture is None else picture.pixels
        reserve = sizing.reserve(caption, self.area.width) if caption else 0.0
        height = self.area.height - reserve - (0 if full else sizing.FIGURE_MARGINS_MM)
        width = sizing.width(attrs.get("width"), pixels, self.area.width, height, full)
        out = {key: value for key, value in attrs.items() if key not in ("width", "title")}
        out[DONE] = name
        if width is not None:
            out["style"] = f"width: {width:.1f}mm"
            if picture is not None:
                out["src"] = self._printed(path, picture, width, name, where, line).as_uri()
        halftone = picture is not None and picture.halftone
        out["class"] = " ".join(dict.fromkeys([*(name for name in classes if name != "halftone"),
                                               *(["halftone"] if halftone else [])]))
        if not out["class"]:
            del out["class"]
        top = 0.0
        if full and width is not None and pixels is not None:
            printed = width * pixels[1] / pixels[0]
            top = max(0.0, (self.area.height - printed - reserve) / 2)
        return _Placed(_tag("img", out), top)

    def _source(self, src: str) -> tuple[Path, str] | None:
        """The file of a picture's `src` and its name in messages: a file of the project, or a
        `data:` URL's picture kept in the cache (cache.embedded) and used; None for anything else."""
        path = _local(src)
        if path is not None:
            return path, shown(path, self.zine.root, self.zine.content)
        kept = embedded(src, self.cache)
        if kept is not None:
            self.used.add(kept[0])
        return kept

    def _raster(self, path: Path, name: str, classes: list[str], where: str | None,
                line: int | None) -> Raster | None:
        """The raster picture at `path` (pixels.raster), halftoned if asked; None for an SVG
        drawing, once it is known to draw no more than drawings.SHAPES."""
        if path.suffix.lower() == ".svg":
            if "halftone" in classes:
                raise BuildError(where, f"picture {name}: .halftone is for photos, not SVG drawings", line)
            drawings.check(path, name, where, line)
            return None
        wanted = "halftone" in classes or (self.halftone and "no-halftone" not in classes)
        return raster(path, name, where, line, wanted)

    def _printed(self, path: Path, picture: Raster, width: float, name: str, where: str | None,
                 line: int | None) -> Path:
        """The file printed for `picture` `width` mm wide (cache.resampled), noted as used; a
        warning when it has too few pixels there (sizing.low_resolution)."""
        low = sizing.low_resolution(name, picture.pixels, width)
        if low:
            self.warnings.append(Finding(Path(where or name), None, "warning", low, line=line))
        source = resampled(path, picture, width, self.cache, name, where, line)
        if source != path:
            self.used.add(source)
        return source


@dataclass(frozen=True)
class _Placed:
    tag: str
    top: float = 0.0
    """For a full-page picture: the room above it that centres it on its page, in mm."""


def _place(attrs: dict[str, str]) -> tuple[str | None, int | None]:
    """The Markdown file and line a picture comes from (content/pictures.py; a raw <img>'s
    data-raw-line, content/markdown.py), if it says."""
    where, _, line = (attrs.get("data-line") or attrs.get("data-raw-line", "")).rpartition(":")
    return (where, int(line)) if where and line.isdigit() else (None, None)


def _name(attrs: dict[str, str]) -> str:
    return unquote(urlsplit(attrs.get("src", "")).path).rsplit("/", 1)[-1]


def _local(src: str) -> Path | None:
    parts = urlsplit(src)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


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
