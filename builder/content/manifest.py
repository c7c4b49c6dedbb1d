"""The manifest, `content/zine.toml`: what the zine is (title, language, dates) and its parts in order."""

from __future__ import annotations

import datetime
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder import paper, typography
from builder.content import notes
from builder.errors import BuildError, raise_all
from builder.files import utf8
from builder.model import Meta
from builder.paper import Format
from builder.typography import words

NAME = "zine.toml"
REQUIRED = {"title": str, "lang": str, "date": datetime.date, "edition": str, "parts": list}
SINGLES = ("intro", "back_cover", "minizine")
"""Manifest keys naming one part each, placed by the templates rather than in the parts list."""
OPTIONAL = {"subtitle": str, "author": str, "byline": str, "slug": str, "price": str, "licence": str, "cover": str,
            "cover_alt": str, "format": str, "photos": str, "notes": str, "links": str, "fonts": str,
            **dict.fromkeys(SINGLES, str)}
"""Each printed only when set: the tool adds no words of its own (no price, no licence, no picture).
`format` is the page format (paper.ZINE_FORMATS), A5 when not set; `photos` what the pictures
become (PHOTOS), "keep" when not set; `notes` and `links` say where notes and the addresses of
links print (content.notes)."""
PHOTOS = ("keep", "halftone")
"""`photos = "halftone"`: every picture with greys printed in pure black and white (builder/halftone.py)."""
FONTS = ("shipped", "machine")
"""`fonts = "machine"`: the machine's fonts fill in the characters no shipped or project font has,
each a warning (render/fonts.py, issue 21)."""
CHOICES = {"notes": notes.NOTES, "links": notes.LINKS, "photos": PHOTOS, "fonts": FONTS}
"""The keys that take one of a few words, the first one when not set."""
TOML_HINTS = (
    ("Illegal character '\\n'", " (a text is not closed: is a closing quote \" missing on this line?)"),
    ("Unclosed array", " (is a comma missing between two parts, or the closing ] ?)"),
    ("Expected '=' after a key", " (each setting is: name = \"value\")"),
    ("Invalid value", " (texts go between quotes: \"…\"; dates are written 2026-11-28)"),
)
"""What a newcomer most likely did, after tomllib's own words."""


@dataclass(frozen=True)
class Manifest:
    """The manifest read and checked (`read`): its values, the ones the build uses typed once."""

    data: dict[str, Any]
    """Every value as TOML gave it, each key known and of its type (REQUIRED, OPTIONAL)."""
    text: str
    """The file's text, for the lines of later messages (key_line)."""
    format: Format
    """The page format (paper.ZINE_FORMATS) it names, parsed here once; A5 on A4 when not set."""


def read(path: Path, where: str) -> Manifest:
    """The manifest's values, checked: every key known and of its type; and its text (for lines).

    Raises BuildError naming each problem, with its line.
    """
    data, text = read_toml(path, where)
    errors = []
    for key in REQUIRED:
        if key not in data:
            errors.append(BuildError(where, f"missing '{key}'"))
    for key, value in data.items():
        expected = REQUIRED.get(key) or OPTIONAL.get(key)
        if expected is None:
            known = ", ".join(sorted([*REQUIRED, *OPTIONAL]))
            errors.append(BuildError(where, f"unknown key '{key}' (known keys: {known})", key_line(text, key)))
        elif not isinstance(value, expected) or isinstance(value, datetime.datetime):
            errors.append(BuildError(where, f"'{key}' must be {_describe(expected)}, not {value!r}",
                                     key_line(text, key)))
    if isinstance(data.get("lang"), str):
        try:
            words.check(data["lang"], where)
        except BuildError as error:
            errors.append(BuildError(where, error.message, key_line(text, "lang")))
    format = _format(data, text, where, errors)
    for key, choices in CHOICES.items():
        if isinstance(data.get(key), str) and data[key] not in choices:
            errors.append(BuildError(where, f"'{key}' must be " + " or ".join(f'"{choice}"' for choice in choices)
                                     + f", not {data[key]!r}", key_line(text, key)))
    if "cover" in data and not data.get("cover_alt"):
        errors.append(BuildError(where, "'cover' needs 'cover_alt': what the picture shows, in words "
                                        "(read aloud by screen readers)", key_line(text, "cover")))
    raise_all(errors)
    return Manifest(data, text, format)


def _format(data: dict[str, Any], text: str, where: str, errors: list[BuildError]) -> Format:
    """The page format `data` names (paper.zine_format), A5 on A4 when not set; an unknown name is
    one more BuildError in `errors`, with its line."""
    if not isinstance(data.get("format"), str):
        return paper.ZINE
    try:
        return paper.zine_format(data["format"])
    except BuildError as error:
        errors.append(BuildError(where, error.message, key_line(text, "format")))
        return paper.ZINE


def key_line(text: str, key: str) -> int | None:
    """The line of a TOML text where `key` is set (`key = …`), if it is on one."""
    match = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def read_toml(path: Path, where: str) -> tuple[dict[str, Any], str]:
    """A TOML file's values and text; BuildError with tomllib's words, the line and a likely cause."""
    text = utf8.read(path, where)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        line = int(match.group(1)) if match else None
        hint = next((hint for pattern, hint in TOML_HINTS if pattern in message), "")
        raise BuildError(where, f"invalid TOML: {message}{hint}", line) from None
    except RecursionError:  # tomllib recurses once per nested [ or {
        raise BuildError(where, "invalid TOML: values nested too deeply") from None


def meta(data: dict[str, Any], where: str, cover: str = "") -> Meta:
    """What the manifest says of the zine as a whole, its texts typeset for its language; `cover`
    is the cover picture's URL, checked by the caller."""
    slug = data.get("slug") or slugify(data["title"])
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise BuildError(where, f"'slug' must be lower-case letters, digits and dashes, not {slug!r}")
    lang = data["lang"]

    def text(key: str, default: str = "") -> str:
        # Typography here too: these values also go to PDF metadata, outside the HTML pass.
        return typography.refine_text(data.get(key, default), lang)

    return Meta(
        title=text("title"),
        subtitle=text("subtitle"),
        author=text("author"),
        byline=text("byline") or text("author"),
        lang=lang,
        words=words.words(lang),
        date=data["date"],
        edition=text("edition"),
        slug=slug,
        price=text("price"),
        licence=text("licence"),
        cover=cover,
        cover_alt=text("cover_alt"),
        photos=data.get("photos", PHOTOS[0]),
        notes=data.get("notes", notes.NOTES[0]),
        links=data.get("links", notes.LINKS[0]),
        fonts=data.get("fonts", FONTS[0]),
    )


def slugify(text: str) -> str:
    """Zine d'essai → zine-d-essai: ASCII lower-case letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "zine"


def _describe(kind: type) -> str:
    return {str: "text in quotes", list: "a list [...]", datetime.date: "a date like 2026-11-28"}[kind]
