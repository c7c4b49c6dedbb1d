"""`zine import`: a document written elsewhere becomes a part of the zine (issue 23, item 2).

A .docx, .odt, .rtf, .html, .epub, .md or .txt file is read by pandoc (importing.pandoc) into its
tree (an .odt's text boxes and fields made text first: importing.opendocument), made into what a
part prints (importing.tree, importing.tables) and written as Markdown with front matter carrying
its title. Its pictures go to `content/images/` under names of their
own (the part's name first; never over a file there), and the part is listed last in the
manifest's `parts` (importing.listing: the TOML edited as text, its comments kept). What the file
holds that the part cannot carry is counted (importing.dropped, importing.tree) and named in the
summary (importing.summary).

Nothing is written until everything is ready: the part, its pictures and the new manifest are
made in a folder of their own beside `content/`, then put in place; a failure on the way
removes what was put (importing.place). The source file is only read.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from builder.content import manifest
from builder.errors import BuildError
from builder.importing import dropped, listing, opendocument, pandoc, place, tree
from builder.importing.pictures import found as pictures_found


@dataclass
class Imported:
    """What `run` made: the part's file name, its title, the pictures' file names, the counts."""

    part: str
    title: str
    pictures: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    """By the summary's nouns: what was carried ("note", "table", "picture") and what was not."""


def run(source: Path, root: Path, where: str, name: str | None = None) -> Imported:
    """Import the document `source` (named `where` in messages) into the project at `root`.

    `name`: the part's file name, without .md (default: the source's), made a safe name (`slug`).
    Raises BuildError, with content/ as it was, if the file cannot be read, if the part's name is
    taken (a file, or an entry of `parts`), or if writing fails.
    """
    content = root / "content"
    part = (slug(name.removesuffix(".md")) if name is not None else slug(source.stem) or "document") + ".md"
    if part == ".md":
        raise BuildError(where, f"--name {name!r} is not a name for a part: use letters or digits")
    path = content / manifest.NAME
    try:
        old = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        raise BuildError(f"content/{manifest.NAME}", "cannot be read: nothing imported") from None
    if (content / part).exists() or (content / part).is_symlink() or part in listing.parts(old):
        raise BuildError(where, f"content/{part} already exists or is listed: nothing imported; choose "
                                "another name with --name NAME")
    if not source.is_file():
        raise BuildError(where, "no such file: nothing imported")
    stage = _stage(root.resolve())
    try:
        imported = _made(source, where, stage, content, part)
        new = listing.listed(old, part, f"content/{manifest.NAME}")
        place.put(stage, content, imported.pictures, part, (old, new))
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return imported


def _stage(root: Path) -> Path:
    """A new folder to make the import in, in the project's `root` (`.zine-import-PID-…`); the
    folders an import killed on the way left there (its process is gone) are removed first."""
    for left in root.glob(".zine-import-*"):
        pid = left.name.split("-")[2]
        if left.is_dir() and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(left, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".zine-import-{os.getpid()}-", dir=root))


def _running(pid: int) -> bool:
    """Whether process `pid` exists (on this machine: the project may be on a shared folder)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's
        return True
    return True


def _made(source: Path, where: str, stage: Path, content: Path, part: str) -> Imported:
    """The part `part` and its pictures, written in `stage` (its pictures in stage/images)."""
    media = stage / "media"
    readable = opendocument.readable(source, stage) if source.suffix.lower() == ".odt" else source
    document = pandoc.read(readable, where, media)
    pictures: dict[Path, str] = {}
    counts: Counter[str] = Counter()
    taken = {one.name.lower() for one in (content / "images").iterdir()} if (content / "images").is_dir() else set()

    def picture(address: str) -> str | None:
        found = pictures_found(address, source, media, counts)
        if found is None:
            return None
        if found not in pictures:
            pictures[found] = place.free(f"{part[:-3]}-{slug(found.stem)}", found.suffix.lower(), taken)
        return f"images/{pictures[found]}"

    found = tree.carry(document, picture)
    counts += found.counts
    counts += dropped.counted(source)
    title = found.title or source.stem.replace("_", " ").replace("-", " ").strip() or part[:-3]
    (stage / "images").mkdir()
    for path, name in pictures.items():
        shutil.copyfile(path, stage / "images" / name)
    fields = {"title": title, "note": found.note}
    front = "".join(f'{key}: "{" ".join(value.split())}"\n' for key, value in fields.items() if value)
    (stage / part).write_text(f"---\n{front}---\n\n{pandoc.write(document, where)}", encoding="utf-8")
    counts["title note"] += bool(found.note)
    return Imported(part, title, list(pictures.values()), counts)


def slug(text: str) -> str:
    """`text` as a file name ("Rapport d'été 2024" → "rapport-d-ete-2024"): manifest.slugify's
    letters, at most 80 of them; "" if nothing is left."""
    return manifest.slugify(text, empty="")[:80].strip("-")
