"""The A4 letter pack, its fillable copy, and one letter filled in locally (`zine letter`).

How to print the pack: A4, 100 %, one side; fill in by hand, sign, fold in three along the marks
in the left margin (99 and 198 mm from the top) and post in a DL window envelope (110 × 220 mm).
A filled letter holds a reader's personal data: it is written to the one file named, and
neither the values nor anything derived from them reaches the terminal or a log.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

import jinja2

from builder import content as content_stage
from builder import letters, nir, templating
from builder.errors import BuildError, raise_all, shown
from builder.model import A4, Anchors, Check, Document, Part, Pdf, Size, Zine

TICK = "cocher"
"""The key of a values file that lists the checkboxes to tick, by the words they start with."""


class Write(Protocol):
    """Renders a document to a PDF file: `Session.write` with the zine's date, or `Renderer.write`."""

    def __call__(self, document: Document, target: Path, *, forms: bool = False,
                 check: Check | None = None) -> tuple[int, Size]: ...


def write_pack(write: Write, env: jinja2.Environment, zine: Zine, stage: Path, output: Path, *,
               fillable: bool, log: Callable[[str], None]) -> tuple[Pdf, ...]:
    """Write `<slug>-letters.pdf` (and `-letters-fillable.pdf`) into `stage`; nothing when there are no letters."""
    parts = tuple(part for part in zine.parts if part.kind == "letter")
    if not parts:
        return ()
    check = fits(parts, zine.root, A4, "A4")
    written = []
    for suffix, forms in (("letters", False), ("letters-fillable", True))[: 2 if fillable else 1]:
        name = f"{zine.meta.slug}-{suffix}.pdf"
        document = templating.document(env, "letters.html", suffix, zine, letters=parts, fillable=forms)
        pages, size = write(document, stage / name, forms=forms, check=check)
        written.append(Pdf(output / name, pages, size))
    log(f"laid out the letter pack: {len(parts)} letters, one A4 page each" + (", and a fillable copy" * fillable))
    return tuple(written)


def fill(root: Path, name: str, *, values: Path, target: Path, content: Path, templates: Path) -> tuple[str, ...]:
    """Write letter `name` filled with `values` (TOML) to `target`; return the keys left blank."""
    if target.suffix.lower() != ".pdf":
        raise BuildError(None, f"-o must name a .pdf file, not {target.name!r}")
    if target.resolve() == values.resolve() or not target.resolve().parent.is_dir():
        raise BuildError(None, f"-o {target}: not a PDF file in an existing folder")
    zine = content_stage.load(content, root)
    found = letters.find(zine)
    letter = next((letter for letter in found if letter.name == name), None)
    if letter is None:
        raise BuildError(None, f"no letter named {name!r}; the letters are: {', '.join(l.name for l in found)}")
    filled, ticks = _values(values, found, letter)
    part = dataclasses.replace(letter.part, html=letters.fragment(letter, zine, filled, ticks))
    env = templating.environment(templates)
    document = templating.document(env, "letters.html", "letter", zine, letters=(part,), fillable=False)

    from builder.render import Renderer  # WeasyPrint takes a second to import

    renderer = Renderer((content, templates), source_date=zine.meta.date)
    renderer.write(document, target, check=fits((part,), zine.root, A4, "A4"))
    return tuple(key for key in letter.keys if key not in filled)


def fits(parts: Iterable[Part], root: Path, paper: Size, name: str) -> Callable[[Anchors], None]:
    """A check for `Renderer.write`: each letter ends on the page it starts on, else BuildError by how much."""
    chosen = [part for part in parts if part.kind == "letter"]

    def check(pages: Anchors) -> None:
        errors = []
        for part in chosen:
            (first, top), (last, bottom) = _anchor(pages, part.slug), _anchor(pages, f"{part.slug}-end")
            if last > first:
                # The text resumes at the same top margin on each following page.
                over = bottom - top + (last - first - 1) * (paper.height - 2 * top)
                errors.append(BuildError(shown(part.source, root), f"the letter does not fit on one "
                                         f"{name} page: it runs over by {over:.0f} mm; shorten it"))
        raise_all(errors)

    return check


def _anchor(pages: Anchors, name: str) -> tuple[int, float]:
    for number, anchors in enumerate(pages):
        if name in anchors:
            return number, anchors[name][1]
    raise BuildError(None, f"internal: no anchor {name!r} in the rendered document")


def _values(path: Path, found: tuple[letters.Letter, ...],
            letter: letters.Letter) -> tuple[dict[str, str], frozenset[int]]:
    """Read and check a values file; errors name keys and lines, never the values themselves."""
    where = str(path)
    if not path.is_file():
        raise BuildError(where, "no such file")
    text = content_stage.read_text(path, Path.cwd())
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+)", str(error))
        raise BuildError(where, "not valid TOML: write one `key = \"value\"` per line",
                         int(match.group(1)) if match else None) from None
    known = sorted({key for one in found for key in one.keys if letters.kind(key) != "signature"})
    filled: dict[str, str] = {}
    ticks: frozenset[int] = frozenset()
    errors = []
    for key, value in data.items():
        line = _line(text, key)
        try:
            if key == TICK:
                ticks = _ticks(value, letter)
            elif letters.kind(key) == "signature":
                raise ValueError("sign the printed letter by hand")
            elif key not in known:
                raise ValueError(f"not a field of any letter (fields: {', '.join(known)}, and {TICK})")
            elif not isinstance(value, str):
                raise ValueError("write the value as text in quotes")
            elif letters.kind(key) == "nir":
                filled[key] = nir.parse(value)
            elif value.strip():
                filled[key] = " ".join(value.split())
        except ValueError as error:
            errors.append(BuildError(where, f"'{key}': {error}", line))
    raise_all(errors)
    return filled, ticks


def _ticks(value: object, letter: letters.Letter) -> frozenset[int]:
    """The checkboxes to tick: each entry is the first words of one box of this letter."""
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise ValueError(f'a list of the first words of the boxes to tick, like {TICK} = ["Je n\'ai pas reçu"]')
    labels = [_plain(label) for label in letter.boxes]
    chosen = set()
    for number, entry in enumerate(value, start=1):
        matches = [index for index, label in enumerate(labels) if _plain(entry) and label.startswith(_plain(entry))]
        if len(matches) != 1:
            boxes = "; ".join(f"« {label} »" for label in letter.boxes) or "none"
            raise ValueError(f"entry {number} starts {'no' if not matches else 'more than one'} checkbox of "
                             f"letter '{letter.name}' (its boxes: {boxes})")
        chosen.add(matches[0])
    return frozenset(chosen)


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").lower().split())


def _line(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
