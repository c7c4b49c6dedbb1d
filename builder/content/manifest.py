"""The manifest, `content/zine.toml`: what the zine is (title, language, dates) and its parts in order."""

from __future__ import annotations

import dataclasses
import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder import paper, typography
from builder.content import notes, toml_errors
from builder.errors import BuildError, did_you_mean, raise_all
from builder.files import utf8
from builder.letters import envelopes
from builder.model import Meta
from builder.paper import Format
from builder.typography import words
from builder.typography.language import DIRECTIONS, direction

NAME = "zine.toml"
REQUIRED = {"title": str, "lang": str, "date": datetime.date, "edition": str, "parts": list}
SINGLES = ("intro", "back_cover", "minizine")
"""Manifest keys naming one part each, placed by the templates rather than in the parts list."""
OPTIONAL = {"subtitle": str, "author": str, "byline": str, "slug": str, "price": str, "licence": str, "cover": str,
            "cover_alt": str, "format": str, "paper": str, "envelope": str, "photos": str, "notes": str,
            "links": str, "fonts": str, "direction": str, **dict.fromkeys(SINGLES, str)}
"""Each printed only when set: the tool adds no words of its own (no price, no licence, no picture).
`format` is the page format (paper.ZINE_FORMATS), A5 when not set; `paper` the sheet of the
letters and the mini-zine (paper.PAPERS) and `envelope` the letters' window envelope
(letters.envelopes.ENVELOPES), the format's when not set; `photos` what the pictures
become (PHOTOS), "keep" when not set; `notes` and `links` say where notes and the addresses of
links print (content.notes); `direction` ("ltr" or "rtl") overrides the way the language's
script runs (typography.language.direction), which binds the booklet on the left or the right."""
PHOTOS = ("keep", "halftone")
"""`photos = "halftone"`: every picture with greys printed in pure black and white (builder/halftone.py)."""
FONTS = ("shipped", "machine")
"""`fonts = "machine"`: the machine's fonts fill in the characters no shipped or project font has,
each a warning (render/fonts.py, issue 21)."""
LINE, NAME_LENGTH, DESCRIPTION = 200, 255, 1000
LENGTHS = {**dict.fromkeys(("title", "subtitle", "author", "byline", "edition", "price", "licence"), LINE),
           "cover_alt": DESCRIPTION}
"""The most characters a text of the manifest may have (issue 25, item 4: a 10 MB title hung the
build): a title, an author, a price is a line (LINE; the shipped zine's longest is 90); the cover's
description a few sentences (DESCRIPTION); every other text, a file name or a word, NAME_LENGTH
(a file name's limit on common file systems), the entries of `parts` too."""
CHOICES = {"notes": notes.NOTES, "links": notes.LINKS, "photos": PHOTOS, "fonts": FONTS, "direction": DIRECTIONS}
"""The keys that take one of a few words, the first one when not set (`direction`: the language's, issue 22)."""


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

    Raises BuildError naming each problem, with its line: every line TOML refuses
    (content.toml_errors) and every problem of the others' values, in one run (issue 21).
    """
    text = utf8.read(path, where)
    parsed = toml_errors.parse(text, where)
    data = parsed.data
    errors = list(parsed.errors)
    for key in REQUIRED:
        if key not in data and key not in parsed.broken:  # a refused line already says more
            errors.append(BuildError(where, f"missing '{key}'"))
    _types(data, text, where, errors)
    _lengths(data, text, where, errors)
    if isinstance(data.get("lang"), str):
        try:
            words.check(data["lang"], where)
        except BuildError as error:
            errors.append(BuildError(where, error.message, key_line(text, "lang")))
    format = _letters_paper(data, text, where, errors, _format(data, text, where, errors))
    for key, choices in CHOICES.items():
        if isinstance(data.get(key), str) and data[key] not in choices:
            near = did_you_mean(data[key], choices, quote='"')
            errors.append(BuildError(where, f"'{key}' must be " + " or ".join(f'"{choice}"' for choice in choices)
                                     + f", not {data[key]!r}{near}", key_line(text, key)))
    raise_all(errors)
    return Manifest(data, text, format)


def _types(data: dict[str, Any], text: str, where: str, errors: list[BuildError]) -> None:
    """One more BuildError in `errors` for each key of `data` unknown (with the known key it is
    nearest to) or not of its type (REQUIRED, OPTIONAL), with its line."""
    known = [*REQUIRED, *OPTIONAL]
    for key, value in data.items():
        expected = REQUIRED.get(key) or OPTIONAL.get(key)
        if expected is None:
            # A lower cutoff than for values: a misspelt key (auteur) has no other meaning, a
            # value may (links = "none" is not "notes").
            hint = did_you_mean(key, known, cutoff=0.6) or f" (known keys: {', '.join(sorted(known))})"
            errors.append(BuildError(where, f"unknown key '{key}'{hint}", key_line(text, key)))
        elif not isinstance(value, expected) or isinstance(value, datetime.datetime):
            errors.append(BuildError(where, f"'{key}' must be {_describe(expected)}, not {value!r}",
                                     key_line(text, key)))


def _lengths(data: dict[str, Any], text: str, where: str, errors: list[BuildError]) -> None:
    """One more BuildError in `errors` for each text of `data` longer than its limit (LENGTHS),
    with its line, its length and the limit."""
    for key, value in data.items():
        limit = LENGTHS.get(key, NAME_LENGTH)
        for one in value if key == "parts" and isinstance(value, list) else [value]:
            if isinstance(one, str) and len(one) > limit:
                what = "a line" if limit == LINE else "a few sentences" if limit == DESCRIPTION else "a name"
                errors.append(BuildError(where, f"'{key}' is {len(one):,} characters long: it is {what}, at most "
                                                f"{limit} characters; shorten it", key_line(text, key)))


def _format(data: dict[str, Any], text: str, where: str, errors: list[BuildError]) -> Format:
    """The page format `data` names (paper.zine_format), A5 on A4 when not set; an unknown name is
    one more BuildError in `errors`, with its line."""
    if not isinstance(data.get("format"), str):
        return paper.ZINE
    try:
        return paper.zine_format(data["format"])
    except BuildError as error:
        errors.append(BuildError(where, error.message + did_you_mean(data["format"], paper.ZINE_FORMATS),
                                 key_line(text, "format")))
        return paper.ZINE


def _letters_paper(data: dict[str, Any], text: str, where: str, errors: list[BuildError], format: Format) -> Format:
    """`format` with the manifest's `paper` and `envelope` (issue 22); a name not known, or an
    envelope that does not take the paper, is one more BuildError in `errors`, with its line."""
    sheet, envelope = (_named(data, key, names, text, where, errors)
                       for key, names in (("paper", paper.PAPERS), ("envelope", envelopes.ENVELOPES)))
    chosen = dataclasses.replace(format, paper=paper.PAPERS[sheet] if sheet else format.paper, envelope=envelope or "")
    fitting = [name for name, one in envelopes.ENVELOPES.items() if one.paper == chosen.paper]
    if envelope and envelope not in fitting:
        needed = envelopes.ENVELOPES[envelope].paper
        whose = f'paper = "{sheet}"' if sheet else f"the {format.name} format's paper"
        others = " or ".join(f'"{one}"' for one in fitting)
        errors.append(BuildError(where, f"'envelope' \"{envelope}\" takes {paper.said(needed)} paper, and this "
                                        f"zine's letters are on {paper.said(chosen.paper)} ({whose}): set paper = "
                                        f"\"{paper.name(needed)}\", or choose {others}", key_line(text, "envelope")))
    return chosen


def _named(data: dict[str, Any], key: str, names: Iterable[str], text: str, where: str,
           errors: list[BuildError]) -> str | None:
    """The one of `names` that `data[key]` is (any case), None when not set; a value that is none
    of them is one more BuildError in `errors`, with its line."""
    value = data.get(key)
    if not isinstance(value, str):
        return None
    found = next((name for name in names if name.lower() == value.strip().lower()), None)
    if found is None:
        near = did_you_mean(value, names, quote='"')
        errors.append(BuildError(where, f"'{key}' must be " + " or ".join(f'"{name}"' for name in names)
                                 + f", not {value!r}{near}", key_line(text, key)))
    return found


def key_line(text: str, key: str) -> int | None:
    """The line of a TOML text where `key` is set (`key = …`), if it is on one."""
    match = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def meta(data: dict[str, Any], where: str, cover: str = "") -> Meta:
    """What the manifest says of the zine as a whole, its texts typeset for its language; `cover`
    is the cover picture's `<img>`, made by the caller (content.cover)."""
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
        direction=data.get("direction") or direction(lang),
    )


def slugify(text: str) -> str:
    """Zine d'essai → zine-d-essai: ASCII lower-case letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "zine"


def _describe(kind: type) -> str:
    return {str: "text in quotes", list: "a list [...]", datetime.date: "a date like 2026-11-28"}[kind]
