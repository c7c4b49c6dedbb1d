"""`zine new DIR`: a new zine project, ready to build with the shipped templates.

It writes `DIR/content/zine.toml` (every manifest key, each with a comment saying what it does;
the optional ones commented out), a first part, `DIR/content/images/`, and a `.gitignore` that
keeps `output/` out of version control. Its words are in the zine's language: each language of the
registry that has them (`typography.languages.scaffolds`: French and English).
It never writes over anything: an existing `DIR/content` is refused before a file is written.
A `.gitignore` is written only as a regular file inside DIR (commands/gitignore.py), and a failed
`zine new` removes what it made (issue 25, item 3).
It imports neither Jinja2 nor WeasyPrint: `zine new` stays instant.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from builder import paper
from builder.commands import gitignore
from builder.content import manifest
from builder.errors import BuildError
from builder.typography.language import Scaffold
from builder.typography.languages import scaffolds

FORMATS = tuple(paper.ZINE_FORMATS)
"""The page formats the scaffold's manifest lists (each language says what it is printed on)."""


@dataclass(frozen=True)
class Key:
    """One line of the scaffold's manifest: `key = value  # note`, commented out unless `active`."""

    key: str
    value: str | None = None
    """The TOML value written in every language; None: the language's example (Scaffold.examples), or
    the project's own value (title, lang, date, format)."""
    active: bool = False


KEYS = (
    Key("title", active=True), Key("subtitle"), Key("author"), Key("byline"), Key("lang", active=True),
    Key("date", active=True), Key("edition", active=True), Key("slug"), Key("format"),
    Key("paper", '"letter"'), Key("envelope", '"#10"'),
    Key("notes", '"endnotes"'), Key("links", '"after"'), Key("parts", active=True), Key("intro", '"intro.md"'),
    Key("back_cover"), Key("minizine"), Key("price"), Key("licence", '"CC BY-SA 4.0"'), Key("cover"),
    Key("cover_alt"), Key("photos", '"halftone"'), Key("fonts", '"machine"'),
    Key("direction", '"rtl"'),
)
"""Every key of the manifest, in the order the scaffold writes them (builder/content/manifest.py);
what each does is in the language's words (Scaffold.notes)."""


def _toml(text: str) -> str:
    """`text` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def new(folder: Path, *, lang: str = "fr", page: str = "A5", title: str | None = None,
        today: datetime.date | None = None, say: Callable[[str], None] = lambda line: None) -> list[Path]:
    """Write a new project in `folder` (made if missing); return the paths written, in order.

    `lang` is one of `scaffolds()` (the scaffold's words, the manifest's `lang`), `page` one of
    FORMATS, `title` defaults to the folder's name and `today` (the manifest's date) to today;
    `say` receives a line for the user (a `.gitignore` left alone, issue 25 item 3). Raises
    BuildError, before writing anything, if `folder/content` exists, if `folder` is a file, or if
    `lang` or `page` is unknown; BuildError naming the folder if a write fails, after removing
    what it made (the content folder, the folders it created): a second try starts afresh.
    """
    if lang not in offered():
        raise BuildError(None, f"--lang must be one of {', '.join(offered())}, not {lang!r}")
    if page not in FORMATS:
        raise BuildError(None, f"--format must be one of {', '.join(FORMATS)}, not {page!r}")
    content, ignore = folder / "content", folder / ".gitignore"
    if folder.exists() and not folder.is_dir():
        raise BuildError(None, f"{folder} is a file, not a folder: nothing written")
    if content.exists() or content.is_symlink():
        raise BuildError(None, f"{content} already exists: nothing written (zine new starts a project "
                               "in a folder without one)")
    name = title if title is not None else folder.resolve().name
    made = [path for path in (folder, *folder.parents) if not path.exists()]  # innermost first
    try:
        added, note = gitignore.addition(ignore)  # read before anything is written
        folder.mkdir(parents=True, exist_ok=True)
        part = _content(content, lang, name, page, today or datetime.date.today())
        try:
            gitignore.append(ignore, added)
        except OSError:
            shutil.rmtree(content)
            raise
    except OSError as error:
        for path in made:  # only the folders it made, and only if empty
            with contextlib.suppress(OSError):
                path.rmdir()
        raise BuildError(None, f"cannot write in {folder} ({error.strerror or error}): nothing written") from None
    if note:
        say(note)
    return [content / manifest.NAME, content / part, content / "images", *([ignore] * bool(added))]


def _content(content: Path, lang: str, name: str, page: str, day: datetime.date) -> str:
    """Write `content` (the manifest, the first part, images/); return the part's file name. Made
    aside, then moved into place whole: a failed write leaves no half-made content folder."""
    part, text = scaffold_of(lang).part
    stage = Path(tempfile.mkdtemp(prefix=".zine-new-", dir=content.parent))
    try:
        made = stage / "content"  # made by mkdir: the permissions the user's umask gives
        (made / "images").mkdir(parents=True)
        (made / "images/.gitkeep").write_bytes(b"")
        (made / manifest.NAME).write_text(manifest_text(lang, name, part, page, day), encoding="utf-8")
        (made / part).write_text(text, encoding="utf-8")
        os.rename(made, content)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return part


def manifest_text(lang: str, title: str, part: str, page: str, day: datetime.date) -> str:
    """The scaffold's `zine.toml`, in `lang`: every key of KEYS, each with its note."""
    words = scaffold_of(lang)
    values = {"title": _toml(title), "lang": _toml(lang), "date": day.isoformat(), "format": _toml(page)}
    lines = [words.header]
    for key in KEYS:
        note = words.notes[key.key]
        if key.key == "intro":
            lines.append("\n" + words.optional_header)
        if key.key == "parts":
            lines.append(f"\n# {note}\nparts = [\n  {_toml(part)},\n]\n")
            continue
        written = key.active or key.key == "format"
        line = f"{'' if written else '# '}{key.key} = {values.get(key.key) or key.value or words.examples[key.key]}"
        if key.key == "format":
            listed = "".join(f"\n#   {_toml(name):<14} {words.formats.get(name, '')}".rstrip() for name in FORMATS)
            lines.append(f"# {note}{listed}\n{line}\n")
        else:
            lines.append(f"{line:<42} # {note}\n")
    return "".join(lines)


ENGLISH_NOTES = ("ar", "fa", "he")
"""Languages `zine new` also starts, with English notes and part: their zines print English words
(no Words table yet: typography.words), and are bound on the right (issue 22)."""


def offered() -> tuple[str, ...]:
    """What `zine new --lang` takes: the languages with a scaffold (fr, en), then ENGLISH_NOTES."""
    return (*scaffolds(), *ENGLISH_NOTES)


def scaffold_of(lang: str) -> Scaffold:
    """The scaffold's words for `lang`: its own, else English ones (ENGLISH_NOTES)."""
    return scaffolds().get(lang) or scaffolds()["en"]

