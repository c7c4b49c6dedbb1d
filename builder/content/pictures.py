"""Pictures in the Markdown (issue 12): what a picture's markup may say, checked where it is written.

`![What it shows](images/photo.jpg "A caption"){width=50% .full-page}`: the title, or a
`caption` attribute, is the caption; `width` is a share of the column (`50%`) or a length
(`60mm`, `6cm`, `2.5in`); the classes below ask for a page of its own or for halftoning. Each
picture carries its Markdown file and line into the HTML (`data-line`), so that the build can
name them when the picture does not fit (render/overflow.py); the sizes and the files the
renderer gets are chosen later, for the zine's format (builder/resample.py).

`![Plan](images/mon logo.png)` is not a picture in CommonMark (a space ends the address): it
would print as text, so it is refused with the two ways to write it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from markdown_it.token import Token

from builder.errors import BuildError, did_you_mean

CLASSES = {
    "full-page": "full-page", "pleine-page": "full-page",
    "halftone": "halftone", "trame": "halftone",
    "no-halftone": "no-halftone", "sans-trame": "no-halftone",
}
"""The classes a picture may take, French aliases to their English names. Other classes pass
through untouched, for a project's own stylesheet."""
CAPTIONS = ("caption", "legende", "légende")
"""Attributes that give the caption (the Markdown title does too)."""
KNOWN = {"src", "alt", "title", "width", "class", "id", "role", *CAPTIONS}
"""`role` is set by the build on a picture marked decorative (content.markdown, PDF/UA)."""
WIDTH = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%|mm|cm|in)")
"""A width: a share of the column, or a length."""
_UNPLACED = re.compile(r"!\[[^\]]*\]\((?!<)[^)\s]+\s[^)\"']*?\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp)\s*[)\"']",
                       re.IGNORECASE)
"""`![alt](images/mon logo.png)`: a picture whose address has a space, which CommonMark reads as text."""


def checked(inline: Token, picture: Token, where: str, line: int) -> None:
    """Check the markup of `picture` (an image token of the paragraph `inline`, which starts at
    `line` of file `where`) and note its place in its attributes; BuildError naming the line."""
    at = line + _breaks_before(inline.children or (), picture)
    for key in picture.attrs:
        if key not in KNOWN:
            raise BuildError(where, f"picture {picture.attrGet('src')!r}: unknown attribute '{key}' (known: "
                                    f"{', '.join(sorted(KNOWN - {'src', 'alt', 'title', 'légende'}))})", at)
    captions = [key for key in CAPTIONS if picture.attrGet(key) is not None]
    if captions:
        if len(captions) > 1 or picture.attrGet("title"):
            raise BuildError(where, f"picture {picture.attrGet('src')!r} has two captions: give either a title "
                                    '("…" after the file name) or a caption attribute', at)
        picture.attrSet("title", str(picture.attrGet(captions[0])))
        del picture.attrs[captions[0]]
    width = picture.attrGet("width")
    if width is not None:
        picture.attrSet("width", _width(str(width), where, at, str(picture.attrGet("src"))))
    classes = str(picture.attrGet("class") or "").split()
    if classes:
        picture.attrSet("class", " ".join(dict.fromkeys(CLASSES.get(name, name) for name in classes)))
    if {"halftone", "no-halftone"} <= {CLASSES.get(name, name) for name in classes}:
        raise BuildError(where, f"picture {picture.attrGet('src')!r}: .halftone and .no-halftone together", at)
    picture.attrSet("data-line", f"{where}:{at}")


def _width(text: str, where: str, line: int, src: str) -> str:
    match = WIDTH.fullmatch(text.strip())
    value = float(match.group(1).replace(",", ".")) if match else 0
    if match is None or value <= 0 or (match.group(2) == "%" and value > 100):
        raise BuildError(where, f"picture {src!r}: width={text!r} is not a width: write a share of the column "
                                "(width=50%, at most 100%) or a length (width=60mm, 6cm, 2.5in)", line)
    return f"{value:g}{match.group(2)}"


def _breaks_before(children: Sequence[Token], picture: Token) -> int:
    """Lines of the paragraph before `picture`: its line in the file is the paragraph's plus these."""
    count = 0
    for child in children:
        if child is picture:
            break
        count += child.type in ("softbreak", "hardbreak")
    return count


def exact(path: Path, root: Path) -> bool:
    """Whether `path`, a file under `root`, is named with the case of its name on disk, every
    folder down from `root` too: a Mac's disk finds `images/img_4032.jpg` for `IMG_4032.jpg`, Linux
    and a copy shop's PC do not, and the same zine must build on each (issue 21, item 6)."""
    folder = root.resolve()
    for name in path.relative_to(folder).parts:
        if name not in os.listdir(folder):
            return False
        folder = folder / name
    return True


def near(src: str, folder: Path, root: Path) -> str:
    """What to say after "image 'src' not found": the file under `root` it names but for the case
    of its letters, else the nearest name (difflib, as for parts), written from `folder` as `src`
    is; "" when no name is near."""
    written = os.path.normpath(src)
    names = [os.path.relpath(path, folder.resolve()).replace(os.sep, "/")
             for path in root.resolve().rglob("*") if path.is_file()]
    same = [name for name in names if name.lower() == written.lower()]
    if same:
        return (f": did you mean {same[0]}? (names differ in case: it works on a Mac, not on Linux or a "
                "copy shop's PC)")
    return did_you_mean(written, names)


def unplaced(inline: Token, text: Token, where: str, line: int) -> None:
    """BuildError when `text`, of the paragraph `inline` (at `line`), holds a picture CommonMark
    did not read (a space in its address)."""
    match = _UNPLACED.search(text.content)
    if match:
        raise BuildError(where, f"{match.group(0)[:-1].strip()}): a file name with a space must be written "
                                "between < > (![…](<images/mon logo.png>)) or with %20 for the space "
                                "(images/mon%20logo.png); as it is, the Markdown prints as text",
                         line + _breaks_before(inline.children or (), text))
