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
from builder.errors import BuildError, did_you_mean, one_of, raise_all
from builder.files import utf8
from builder.kinds import Kind
from builder.letters import envelopes
from builder.model import Finding, Meta
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
LISTS = ("author", "byline")
"""The keys that also take a list of texts, printed as the zine's language writes a list
(words.listed: "A, B et C", "A, B, and C"; issue 22 follow-up)."""
PHOTOS = ("keep", "halftone")
"""`photos = "halftone"`: every picture with greys printed in pure black and white (builder/halftone.py)."""
FONTS = ("shipped", "machine")
"""`fonts = "machine"`: the machine's fonts fill in the characters no shipped or project font has,
each a warning (render/fonts.py, issue 21)."""
CHOICES: dict[str, Iterable[str]] = {
    "format": paper.ZINE_FORMATS, "paper": paper.PAPERS, "envelope": envelopes.ENVELOPES, "notes": notes.NOTES,
    "links": notes.LINKS, "photos": PHOTOS, "fonts": FONTS, "direction": DIRECTIONS}
"""The keys that take one of a few words, in any case (errors.one_of: the one wording of their
errors, issue 22); the first one when not set (`format`: A5; `paper`, `envelope`: the format's;
`direction`: the language's)."""
HINTS = {"format": paper.FORMAT_HINTS, "envelope": dict.fromkeys(("10", "no 10", "no. 10", "us"), "#10"),
         "direction": {"right-to-left": "rtl", "left-to-right": "ltr", "right": "rtl", "left": "ltr"}}
"""What a value not in CHOICES likely means, where difflib would not find it (errors.one_of)."""
LINE, NAME_LENGTH, DESCRIPTION = 200, 255, 1000
LENGTHS = {**dict.fromkeys(("title", "subtitle", "author", "byline", "edition", "price", "licence"), LINE),
           "cover_alt": DESCRIPTION}
"""The most characters a text of the manifest may have (issue 25, item 4: a 10 MB title hung the
build): a title, an author, a price is a line (LINE; the shipped zine's longest is 90); the cover's
description a few sentences (DESCRIPTION); every other text, a file name or a word, NAME_LENGTH
(a file name's limit on common file systems), the entries of `parts` too."""


@dataclass(frozen=True)
class Manifest:
    """The manifest read and checked (`read`): its values, the ones the build uses typed once."""

    data: dict[str, Any]
    """Every value as TOML gave it, each key known and of its type (REQUIRED, OPTIONAL); the
    enumerated ones (CHOICES) as CHOICES spells them ("a5" is "A5")."""
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
    written = [key for key in CHOICES if isinstance(data.get(key), str)]
    chosen = {key: _choice(data, key, text, where, errors) for key in CHOICES}
    refused = {key for key in written if chosen[key] is None}  # said: no envelope check against a guess
    format = _letters_paper(chosen, text, where, [] if refused & {"format", "paper"} else errors)
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
        elif key in LISTS and isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            continue
        elif not isinstance(value, expected) or isinstance(value, datetime.datetime):
            described = _describe(expected) + (" or a list of texts [\"…\", \"…\"]" if key in LISTS else "")
            errors.append(BuildError(where, f"'{key}' must be {described}, not {value!r}",
                                     key_line(text, key)))


def _lengths(data: dict[str, Any], text: str, where: str, errors: list[BuildError]) -> None:
    """One more BuildError in `errors` for each text of `data` longer than its limit (LENGTHS),
    with its line, its length and the limit; that key then leaves `data`."""
    for key, value in list(data.items()):
        limit = LENGTHS.get(key, NAME_LENGTH)
        for one in value if isinstance(value, list) else [value]:  # parts, an author list
            if isinstance(one, str) and len(one) > limit:
                what = "a line" if limit == LINE else "a few sentences" if limit == DESCRIPTION else "a name"
                errors.append(BuildError(where, f"'{key}' is {len(one):,} characters long: it is {what}, at most "
                                                f"{limit} characters; shorten it", key_line(text, key)))
                data.pop(key, None)  # said: no later check (a did-you-mean, a language) reads it


def _letters_paper(chosen: dict[str, str | None], text: str, where: str, errors: list[BuildError]) -> Format:
    """The `format` chosen (A5 when not set or unknown) with the `paper` and `envelope` chosen
    (issue 22); an envelope that does not take the paper is one more BuildError in `errors`."""
    format = paper.ZINE_FORMATS[chosen["format"] or paper.ZINE.name]
    sheet, envelope = chosen["paper"], chosen["envelope"]
    chosen_format = dataclasses.replace(format, paper=paper.PAPERS[sheet] if sheet else format.paper,
                                        envelope=envelope or "")
    fitting = [name for name, one in envelopes.ENVELOPES.items() if one.paper == chosen_format.paper]
    if envelope and envelope not in fitting:
        needed = envelopes.ENVELOPES[envelope].paper
        whose = f'paper = "{sheet}"' if sheet else f"the {format.name} format's paper"
        others = " or ".join(f'"{one}"' for one in fitting)
        errors.append(BuildError(where, f"'envelope' \"{envelope}\" takes {paper.said(needed)} paper, and this "
                                        f"zine's letters are on {paper.said(chosen_format.paper)} ({whose}): set "
                                        f"paper = \"{paper.name(needed)}\", or choose {others}",
                                 key_line(text, "envelope")))
    return chosen_format


def _choice(data: dict[str, Any], key: str, text: str, where: str, errors: list[BuildError]) -> str | None:
    """The one of CHOICES[key] that `data[key]` is, in any case (errors.one_of), and now `data[key]`
    itself; None when not set. A value that is none of them is one more BuildError in `errors`,
    with its line, and leaves `data`."""
    value = data.get(key)
    if not isinstance(value, str):
        return None
    try:
        data[key] = one_of(key, value, CHOICES[key], HINTS.get(key))
    except BuildError as error:
        errors.append(BuildError(where, error.message, key_line(text, key)))
        del data[key]
        return None
    return str(data[key])


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
        value = data.get(key, default)
        return typography.refine_text(words.listed(value, lang) if isinstance(value, list) else value, lang)

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


LATIN = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                       "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i"})
"""The Latin letters NFKD leaves whole (Cœur, Straße), as ASCII writes them."""


def slugify(text: str, empty: str = "zine") -> str:
    """Zine d'essai → zine-d-essai: ASCII lower-case letters, digits and dashes (Unicode's NFKD
    decomposition: a letter no ASCII letter spells is dropped, `unspelt` says so); `empty` when
    none is left."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(LATIN)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or empty


def unspelt(data: dict[str, Any], text: str, where: str) -> list[Finding]:
    """A warning, on the title's line, when the output files are named from a title (no `slug`)
    with letters that no ASCII letter spells (Greek, Arabic, Cyrillic, CJK…: `slugify` drops them,
    and names the files "zine" when none is left), naming the scripts and the `slug` key; else []."""
    lost = [char for char in data["title"] if char.isalpha() and not slugify(char, "")]
    if "slug" in data or not lost:
        return []
    scripts = list(dict.fromkeys(_script(char) for char in lost))
    named = Kind.READING.file_name(slugify(data["title"]))
    said = (f"file names are made of the title's Latin letters and digits, and its {' and '.join(scripts)} letters "
            f"have none: the outputs are named {named} and so on; set slug = \"…\" (lower-case Latin letters, "
            f"digits and dashes) in {NAME} to name them")
    return [Finding(Path(where), None, "warning", said, line=key_line(text, "title"))]


def _script(char: str) -> str:
    """The script of a letter, as Unicode's name of it starts: Greek, Arabic, CJK, Hiragana."""
    word = unicodedata.name(char, "other").split()[0]
    return word if word == "CJK" else word.capitalize()


def _describe(kind: type) -> str:
    return {str: "text in quotes", list: "a list [...]", datetime.date: "a date like 2026-11-28"}[kind]
