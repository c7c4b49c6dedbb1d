"""The content stage: read the manifest, then each part it lists, validating everything.

`load(project) -> Zine` is the stage's one entry. Each part's Markdown becomes HTML once, here:
prose through `markdown`, letters through `letters` (their blanks drawn in the same pass).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from builder.content import cover as covers
from builder.content import frontmatter, links, manifest, markdown
from builder.content.notes import Style
from builder.errors import BuildError, closest, did_you_mean, raise_all
from builder.files import utf8
from builder.letters import parts as letters
from builder.model import Finding, Letter, Part, Zine
from builder.project import Project
from builder.typography.words import Words

KINDS = ("article", "text", "quote", "guide", "letter", "print", "poem")
ALIASES = {"poeme": "poem", "poème": "poem"}
"""Kinds also written in French."""
PART_KEYS = {"title", "kind", "toc", "author", "date", "source", "note"}
PRINTED = {
    "part": PART_KEYS,
    "letter": {"title", "kind", "toc"},
    "single": {"title", "note"},
}
"""The front-matter keys each role of a file prints (issue 15: nothing accepted and dropped): a
part all of them; a letter its title in the contents, and its text alone on its page; the
intro, back cover and mini-zine (`single`) their text and `note` (their `title` names them for
their editors and is not required). A key a role does not print is refused, with its line."""
WHY = {
    "letter": "a letter prints only its text, to be signed: put it in the letter, or remove it",
    "single": "the intro, the back cover and the mini-zine print their text and their 'note' only",
}


def load(project: Project) -> Zine:
    """Read `content/zine.toml` and every part it lists; raise BuildError naming each problem."""
    content, path = project.content, project.content / manifest.NAME
    if not content.is_dir():
        raise BuildError(None, f"--content {content}: no such folder")
    if not path.is_file():
        raise BuildError(project.shown(content), f"no {manifest.NAME} here: the manifest lists the parts of the zine")
    checked = manifest.read(path, project.shown(path))
    data, text = checked.data, checked.text
    cover, warnings = covers.cover(data, text, project.shown(path), content)
    warnings += manifest.unspelt(data, text, project.shown(path))
    meta = manifest.meta(data, project.shown(path), cover)
    singles = [key for key in manifest.SINGLES if key in data]
    if not data["parts"]:  # checked alone: the back cover and other singles would hide it
        raise BuildError(project.shown(path), "'parts' is empty: list the Markdown files of the zine, in order")
    paths = _part_paths([*data["parts"], *(data[key] for key in singles)], project)
    read: list[Part | Letter] = []
    errors: list[BuildError] = []
    targets = links.Targets(parts={project.shown(path): _slug(path, project) for path in paths})
    for number, part_path in enumerate(paths):
        try:
            read.append(_part(part_path, project, meta.words, single=number >= len(paths) - len(singles),
                              notes=Style(notes=meta.notes, links=meta.links, title=meta.words.notes),
                              warnings=warnings, targets=targets))
        except BuildError as error:
            errors.append(error)
    raise_all(errors)
    warnings += targets.unresolved()
    parts = [dataclasses.replace(item, html=targets.rewrite(item.html)) if isinstance(item, Part) else item.part
             for item in read]
    count = len(parts) - len(singles)
    named = dict(zip(singles, parts[count:], strict=True))
    return Zine(root=project.root, content=content, meta=meta, parts=tuple(parts[:count]),
                intro=named.get("intro"), back=named.get("back_cover"), minizine=named.get("minizine"),
                letters=tuple(item for item in read[:count] if isinstance(item, Letter)),
                format=checked.format, warnings=tuple(warnings))


def _part_paths(entries: list[Any], project: Project) -> list[Path]:
    """The files the manifest lists, resolved; BuildError for each that is missing, outside or twice."""
    content, where = project.content, project.shown(project.content / manifest.NAME)
    if not all(isinstance(entry, str) for entry in entries):
        raise BuildError(where, "'parts' must list file names in quotes")
    paths: list[Path] = []
    errors = []
    for entry in entries:
        if not entry.endswith(".md"):
            errors.append(BuildError(where, f"part {entry!r} is not the name of a .md file"))
            continue
        try:
            path = (content / entry).resolve()
            exists = path.is_file()
        except (ValueError, OSError):  # a NUL byte, a name too long for the file system
            errors.append(BuildError(where, f"part {entry!r} is not a usable file name"))
            continue
        if not path.is_relative_to(content.resolve()):
            errors.append(BuildError(where, f"part {entry!r} is outside the content folder (refused)"))
        elif not exists:
            errors.append(BuildError(where, f"part {entry!r} not found in {project.shown(content)}/"
                                            f"{_did_you_mean(entry, content)}"))
        elif path in paths:
            errors.append(BuildError(where, f"part {entry!r} is listed twice"))
        else:
            paths.append(path)
    raise_all(errors)
    return paths


def _did_you_mean(entry: str, content: Path) -> str:
    names = {p.relative_to(content).as_posix()[:-3]: p.relative_to(content).as_posix()
             for p in content.rglob("*.md")}  # compared without ".md": it matches everything
    near = closest(entry[:-3], names)
    return f" (did you mean {names[near]!r}?)" if near else ""


def _part(path: Path, project: Project, language: Words, *, single: bool = False, notes: Style = Style(),
          warnings: list[Finding] | None = None, targets: links.Targets | None = None) -> Part | Letter:
    """One part: its front matter checked, its Markdown converted (a letter's, with its blanks).

    `single`: the intro, back cover or mini-zine, placed by the templates; `notes`: how notes and
    link addresses print; `targets`: the zine's link targets (content.links). BuildErrors for
    every problem of the front matter at once; then for the Markdown. What deserves a look but
    prints is added to `warnings`.
    """
    where = project.shown(path)
    text = utf8.read(path, where)
    fields, body, first_line = frontmatter.split(text, where)
    kind = _front_matter(fields, body, text, where, single=single)
    slug = _slug(path, project)
    part = Part(source=path, slug=slug, kind=kind, title=fields.pop("title", ""), html="", fields=fields, body=body,
                first_line=first_line)
    if kind == "letter":
        return letters.read(part, where, project.content, language)
    if targets is not None:
        targets.part(slug, part.title)
    # Images come from the content folder only: the renderer's sandbox serves nothing else of it.
    html = markdown.to_html(body, where=where, first_line=first_line, folder=path.parent, root=project.content,
                            style=dataclasses.replace(notes, prefix=slug), poem=kind == "poem", part=not single,
                            warnings=warnings, targets=targets)
    return dataclasses.replace(part, html=html)


def _slug(path: Path, project: Project) -> str:
    """A part's slug: its file's name under content/, slugified (its id in the reading edition)."""
    return manifest.slugify(path.relative_to(project.content.resolve()).with_suffix("").as_posix())


def _front_matter(fields: dict[str, str], body: str, text: str, where: str, *, single: bool) -> str:
    """The part's kind, taken out of `fields` (text when not set); BuildError naming every unknown
    key or kind, every key its role does not print (PRINTED) and a missing title, with their lines."""
    errors = []
    for key in fields:
        if key not in PART_KEYS:
            hint = did_you_mean(key, PART_KEYS, cutoff=0.6) or f" (known keys: {', '.join(sorted(PART_KEYS))})"
            errors.append(BuildError(where, f"front matter: unknown key '{key}'{hint}",
                                     frontmatter.key_line(text, key)))
    kind = fields.pop("kind", "text")
    kind = ALIASES.get(kind, kind)
    if kind not in KINDS:
        hint = did_you_mean(kind, KINDS) or f" (kinds: {', '.join(KINDS)})"
        errors.append(BuildError(where, f"front matter: unknown kind '{kind}'{hint}",
                                 frontmatter.key_line(text, "kind")))
    role = "single" if single else "letter" if kind == "letter" else "part"
    if single and kind != "text":
        errors.append(BuildError(where, f"front matter: 'kind: {kind}' is not printed: {WHY['single']}",
                                 frontmatter.key_line(text, "kind")))
    for key in fields:
        if key in PART_KEYS and key not in PRINTED[role]:
            errors.append(BuildError(where, f"front matter: '{key}' is not printed: {WHY[role]}",
                                     frontmatter.key_line(text, key)))
    if not fields.get("title") and not single:
        if not fields and re.search(r"^title\s*:", body, re.MULTILINE):
            errors.append(BuildError(where, "front matter: the file must start with a line '---' (before 'title:')", 1))
        else:
            errors.append(BuildError(where, "front matter: missing 'title'"))
    raise_all(errors)
    return kind
