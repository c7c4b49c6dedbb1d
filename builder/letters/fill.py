"""`zine letter`: one letter filled in locally from a values file, into one PDF.

It is laid out as the zine's letter pack (issue 22): on the zine's paper, for its window
envelope (letters.envelopes: A4 folded in three for a DL envelope, US letter for a #10). How to
print it: 100 %, one side; sign, fold along the marks in the left margin and post. A filled letter
holds a reader's personal data: it is written to the one file named, and neither the values nor
anything derived from them reaches the terminal or a log (messages name keys and lines only).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder import content
from builder.content import manifest, toml_errors
from builder.errors import BuildError, BuildErrors, raise_all
from builder.files import utf8
from builder.kinds import Kind
from builder.letters import envelopes, nir
from builder.letters import parts as letters
from builder.letters.fit import LetterFit
from builder.model import Letter
from builder.paper import Size
from builder.project import Project
from builder.render import templating

TICK = "cocher"
"""The key of a values file that lists the checkboxes to tick, by the words they start with."""
LENGTH = 1000
"""The most characters a value may have (issue 25, item 4): a name, an address, a date, ten lines
of an A4 letter at most; a 20,000-character value took a render to be refused, by the letter's
file rather than the values file's key."""
_NO_FONT = re.compile(r"no font has the character (\S+) \(")


@dataclass(frozen=True)
class Filled:
    """What `fill` wrote."""

    blank: tuple[str, ...]
    """The keys left blank, to fill in by hand."""
    paper: Size
    """The letter's paper (the zine's: paper.Format.paper)."""
    envelope: str
    """The window envelope it is laid out for (letters.envelopes.ENVELOPES)."""
    warnings: tuple[str, ...] = ()
    """What rendering it warned about (an address taller than the window shows: letters.fit), in words."""


def fill(project: Project, name: str, *, values: Path, target: Path) -> Filled:
    """Write letter `name` filled with `values` (TOML) to `target`, on the zine's paper; say what it wrote.

    Raises BuildError naming the values file and line (never a value) when a value is refused.
    """
    if target.suffix.lower() != ".pdf":
        raise BuildError(None, f"-o must name a .pdf file, not {target.name!r}")
    if target.resolve() == values.resolve() or not target.resolve().parent.is_dir():
        raise BuildError(None, f"-o {target}: not a PDF file in an existing folder")
    zine = content.load(project)
    letter = next((letter for letter in zine.letters if letter.name == name), None)
    if letter is None:
        raise BuildError(None, f"no letter named {name!r}; " + (
            f"the letters are: {', '.join(one.name for one in zine.letters)}" if zine.letters
            else "the zine has no letter (a part with 'kind: letter' in its front matter)"))
    filled, ticks = _values(values, zine.letters, letter)
    part = dataclasses.replace(letter.part, html=letters.fragment(letter, project.shown(letter.part.source),
                                                                 project.content, zine.meta.words,
                                                                 filled, ticks))
    document = templating.document(templating.environment(project), "letters.html", "letter", zine,
                                   letters=(letters.packed(part),), fillable=False)
    envelope = envelopes.of(zine.format)
    document = dataclasses.replace(document, check=LetterFit.of((part,), zine, zine.format.paper, envelope=envelope),
                                   one_ink=Kind.LETTERS.one_ink)  # printed like the pack

    from builder.render.weasy import Renderer  # WeasyPrint takes a second to import: only here

    try:
        rendered = Renderer(project).render(document, target, source_date=zine.meta.date)
    except BuildError as error:
        raise _blamed(error, values, filled) from None
    return Filled(tuple(key for key in letter.keys if key not in filled), zine.format.paper, envelope.name,
                  rendered.notices)


def _values(path: Path, found: tuple[Letter, ...], letter: Letter) -> tuple[dict[str, str], frozenset[int]]:
    """Read and check a values file; errors name keys and lines, never the values themselves."""
    where = str(path)
    if not path.is_file():
        raise BuildError(where, "no such file")
    text = utf8.read(path, where)
    parsed = toml_errors.parse(text, where)  # every bad line at once, in words that quote no value
    raise_all(list(parsed.errors))
    data: dict[str, Any] = parsed.data
    known = sorted({key for one in found for key in one.keys if letters.kind(key) != "signature"})
    filled: dict[str, str] = {}
    ticks: frozenset[int] = frozenset()
    errors = []
    for key, value in data.items():
        line = manifest.key_line(text, key)
        try:
            if key == TICK:
                ticks = _ticks(value, letter)
            elif letters.kind(key) == "signature":
                raise ValueError("sign the printed letter by hand")
            elif key not in known:
                raise ValueError(f"not a field of any letter (fields: {', '.join(known)}, and {TICK})")
            elif not isinstance(value, str):
                raise ValueError("write the value as text in quotes")
            elif len(value) > LENGTH:
                raise ValueError(f"the value is {len(value):,} characters long: a value is a name, an address, a date, "
                                 f"at most {LENGTH} characters; shorten it")
            elif letters.kind(key) == "nir":
                filled[key] = nir.parse(value)
            elif value.strip():
                filled[key] = " ".join(value.split())
        except ValueError as error:
            errors.append(BuildError(where, f"'{key}': {error}", line))
    raise_all(errors)
    return filled, ticks


def _blamed(error: BuildError, path: Path, filled: dict[str, str]) -> BuildError:
    """The render's `error`, a character no font has blamed on the values file's keys whose values
    hold it, with their lines (never the value, nor the character: a reader's data)."""
    errors = error.errors if isinstance(error, BuildErrors) else [error]
    text = utf8.read(path, str(path))
    blamed = []
    for one in errors:
        found = _NO_FONT.match(one.message)
        keys = [key for key, value in filled.items() if found and found.group(1) in value]
        blamed += [BuildError(str(path), f"'{key}': the value holds a character that no font of the letters has "
                                         "(an emoji or a rare sign: it would print as an empty box): write the value "
                                         "without it, or put a font that has it in fonts/ "
                                         "(docs/en/templates.md, « Fonts »)",
                              manifest.key_line(text, key)) for key in keys] or [one]
    return blamed[0] if len(blamed) == 1 else BuildErrors(blamed)


def _ticks(value: object, letter: Letter) -> frozenset[int]:
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
