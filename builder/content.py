"""Read the content folder: the manifest, then each part it lists, validating everything."""

from __future__ import annotations

import datetime
import difflib
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

from builder import frontmatter, prose, typography
from builder.errors import BuildError, raise_all, shown
from builder.model import Meta, Part, Zine

MANIFEST = "zine.toml"
KINDS = ("article", "text", "quote", "guide", "letter", "print")
PART_KEYS = {"title", "kind", "toc", "author", "date", "source", "note"}
REQUIRED = {"title": str, "lang": str, "date": datetime.date, "edition": str, "parts": list}
SINGLES = ("intro", "back_cover", "minizine")
"""Manifest keys naming one part each, placed by the templates rather than in the parts list."""
OPTIONAL = {"subtitle": str, "author": str, "byline": str, "slug": str, "price": str, "checked": datetime.date,
            **{key: str for key in SINGLES}}


def load(content: Path, root: Path) -> Zine:
    """Read `content/zine.toml` and every part it lists; raise BuildError naming each problem."""
    manifest = content / MANIFEST
    if not content.is_dir():
        raise BuildError(None, f"--content {content}: no such folder")
    if not manifest.is_file():
        raise BuildError(shown(content, root), f"no {MANIFEST} here: the manifest lists the parts of the zine")
    data = _read_toml(manifest, root)
    meta = _meta(data, shown(manifest, root))
    singles = [key for key in SINGLES if key in data]
    if not data["parts"]:  # checked alone: the back cover and other singles would hide it
        raise BuildError(shown(manifest, root), "'parts' is empty: list the Markdown files of the zine, in order")
    paths = _part_paths([*data["parts"], *(data[key] for key in singles)], content, manifest, root)
    errors: list[BuildError] = []
    parts: list[Part] = []
    for path in paths:
        try:
            parts.append(_part(path, content, root))
        except BuildError as error:
            errors.append(error)
    raise_all(errors)
    count = len(parts) - len(singles)
    named = dict(zip(singles, parts[count:]))
    return Zine(root=root, content=content, meta=meta, parts=tuple(parts[:count]), intro=named.get("intro"),
                back=named.get("back_cover"), minizine=named.get("minizine"))


def read_text(path: Path, root: Path) -> str:
    """Read a UTF-8 file, naming the file and line of the first invalid byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BuildError(shown(path, root), "not valid UTF-8 (save the file as UTF-8)", line) from None


TOML_HINTS = (
    ("Illegal character '\\n'", " (a text is not closed: is a closing quote \" missing on this line?)"),
    ("Unclosed array", " (is a comma missing between two parts, or the closing ] ?)"),
    ("Expected '=' after a key", " (each setting is: name = \"value\")"),
    ("Invalid value", " (texts go between quotes: \"…\"; dates are written 2026-11-28)"),
)
"""What a newcomer most likely did, after tomllib's own words."""


def _read_toml(path: Path, root: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text(path, root))
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        line = int(match.group(1)) if match else None
        hint = next((hint for pattern, hint in TOML_HINTS if pattern in message), "")
        raise BuildError(shown(path, root), f"invalid TOML: {message}{hint}", line) from None
    except RecursionError:  # tomllib recurses once per nested [ or {
        raise BuildError(shown(path, root), "invalid TOML: values nested too deeply") from None


def _meta(data: dict[str, Any], where: str) -> Meta:
    errors = []
    for key, kind in REQUIRED.items():
        if key not in data:
            errors.append(BuildError(where, f"missing '{key}'"))
    for key, value in data.items():
        expected = REQUIRED.get(key) or OPTIONAL.get(key)
        if expected is None:
            known = ", ".join(sorted([*REQUIRED, *OPTIONAL]))
            errors.append(BuildError(where, f"unknown key '{key}' (known keys: {known})"))
        elif not isinstance(value, expected) or isinstance(value, datetime.datetime):
            errors.append(BuildError(where, f"'{key}' must be {_describe(expected)}, not {value!r}"))
    raise_all(errors)
    slug = data.get("slug") or _slugify(data["title"])
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise BuildError(where, f"'slug' must be lower-case letters, digits and dashes, not {slug!r}")
    lang = data["lang"]

    def text(key: str, default: str = "") -> str:
        # Typography here too: these values also go to PDF metadata, outside the HTML pass.
        return typography.refine_text(data.get(key, default)) if lang.startswith("fr") else data.get(key, default)

    return Meta(
        title=text("title"),
        subtitle=text("subtitle"),
        author=text("author"),
        byline=text("byline") or text("author"),
        lang=lang,
        date=data["date"],
        edition=text("edition"),
        slug=slug,
        price=text("price", "Prix libre"),
        checked=data.get("checked", data["date"]),
    )


def _part_paths(entries: list[Any], content: Path, manifest: Path, root: Path) -> list[Path]:
    where = shown(manifest, root)
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
            names = {p.relative_to(content).as_posix()[:-3]: p.relative_to(content).as_posix()
                     for p in content.rglob("*.md")}  # compared without ".md": it matches everything
            near = difflib.get_close_matches(entry[:-3], names, 1, cutoff=0.75)
            also = f" (did you mean {names[near[0]]!r}?)" if near else ""
            errors.append(BuildError(where, f"part {entry!r} not found in {shown(content, root)}/{also}"))
        elif path in paths:
            errors.append(BuildError(where, f"part {entry!r} is listed twice"))
        else:
            paths.append(path)
    raise_all(errors)
    return paths


def _part(path: Path, content: Path, root: Path) -> Part:
    where = shown(path, root)
    fields, body, first_line = frontmatter.split(read_text(path, root), where)
    for key in fields:
        if key not in PART_KEYS:
            raise BuildError(where, f"front matter: unknown key '{key}' (known keys: {', '.join(sorted(PART_KEYS))})")
    if not fields.get("title"):
        if not fields and re.search(r"^title\s*:", body, re.MULTILINE):
            raise BuildError(where, "front matter: the file must start with a line '---' (before 'title:')", 1)
        raise BuildError(where, "front matter: missing 'title'")
    kind = fields.pop("kind", "text")
    if kind not in KINDS:
        raise BuildError(where, f"front matter: unknown kind '{kind}' (kinds: {', '.join(KINDS)})")
    # Images come from the content folder only: the renderer's sandbox serves nothing else of it.
    html = prose.to_html(body, where=where, first_line=first_line, folder=path.parent, root=content)
    slug = _slugify(path.relative_to(content.resolve()).with_suffix("").as_posix())
    return Part(source=path, slug=slug, kind=kind, title=fields.pop("title"), html=html, fields=fields, body=body,
                first_line=first_line)


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "zine"


def _describe(kind: type) -> str:
    return {str: "text in quotes", list: "a list [...]", datetime.date: "a date like 2026-11-28"}[kind]

