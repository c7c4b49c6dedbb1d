"""`zine new DIR`: a new zine project, ready to build with the shipped templates.

It writes `DIR/content/zine.toml` (every manifest key, each with a comment saying what it does;
the optional ones commented out), a first part, `DIR/content/images/`, and a `.gitignore` that
keeps `output/` out of version control. Its words are in the zine's language (French or English).
It never writes over anything: an existing `DIR/content` is refused before a file is written.
It imports neither Jinja2 nor WeasyPrint: `zine new` stays instant.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from builder.content import manifest
from builder.errors import BuildError

LANGUAGES = ("fr", "en")
"""The languages `zine new` writes a project in (the words of the scaffold)."""
FORMATS = {
    "A5": {"fr": "(par défaut) pliée et agrafée, sur A4", "en": "(the default) folded and stapled, on A4"},
    "A6": {"fr": "deux exemplaires par face d’A4, coupée en deux", "en": "two copies per A4 side, cut in half"},
    "A4": {"fr": "sur A3", "en": "on A3"},
    "half-letter": {"fr": "sur du papier US letter", "en": "on US letter"},
}
"""What each page format of paper.ZINE_FORMATS is printed on, in the scaffold's words."""
GITIGNORE = "output/"


@dataclass(frozen=True)
class Key:
    """One line of the scaffold's manifest: `key = value  # note`, commented out unless `active`."""

    key: str
    value: dict[str, str]
    """The TOML value written, by language."""
    note: dict[str, str]
    """What the key does, by language."""
    active: bool = False


def _toml(text: str) -> str:
    """`text` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def _same(value: str) -> dict[str, str]:
    return dict.fromkeys(LANGUAGES, value)


KEYS = (
    Key("title", {}, {"fr": "sur la couverture, et le titre du PDF", "en": "on the cover, and the PDF's title"},
        active=True),
    Key("subtitle", {"fr": '"Un sous-titre"', "en": '"A subtitle"'},
        {"fr": "sous le titre, sur la couverture", "en": "under the title, on the cover"}),
    Key("author", {"fr": '"Le collectif"', "en": '"The collective"'},
        {"fr": "qui l’a écrite (l’auteur du PDF)", "en": "who wrote it (the PDF's author)"}),
    Key("byline", {"fr": '"D’après un texte du collectif"', "en": '"After a text by the collective"'},
        {"fr": "la mention sur la couverture (par défaut : author)",
         "en": "the credit on the cover (default: author)"}),
    Key("lang", {}, {"fr": "la langue : fr, en, fr-CA… (mots de l’outil, césure, typographie)",
                     "en": "the language: en, fr, fr-CA… (the tool's words, hyphenation, typography)"}, active=True),
    Key("date", {}, {"fr": "sur la couverture et la quatrième, écrite 2026-11-28",
                     "en": "on the cover and the back cover, written 2026-11-28"}, active=True),
    Key("edition", {"fr": '"Première édition"', "en": '"First edition"'},
        {"fr": "à côté de la date", "en": "beside the date"}, active=True),
    Key("slug", {"fr": '"ma-brochure"', "en": '"my-zine"'},
        {"fr": "le début du nom des PDF (par défaut : tiré du titre)",
         "en": "the start of the PDFs' names (default: made from the title)"}),
    Key("format", {}, {language: {"fr": "la page :", "en": "the page:"}[language] + "".join(
        f"\n#   {_toml(name):<14} {text[language]}" for name, text in FORMATS.items()) for language in LANGUAGES}),
    Key("notes", _same('"endnotes"'),
        {"fr": "les notes à la fin de chaque partie (par défaut : \"footnotes\", en bas de la page qui les appelle)",
         "en": "notes at the end of each part (default: \"footnotes\", at the foot of the page that calls them)"}),
    Key("links", _same('"after"'),
        {"fr": "l’adresse d’un lien après lui, en petit (par défaut : \"notes\", en note ; \"off\" : pas imprimée)",
         "en": "a link's address after it, in small type (default: \"notes\", in a note; \"off\": not printed)"}),
    Key("parts", {}, {"fr": "les fichiers Markdown de ce dossier, dans l’ordre de la brochure",
                      "en": "the Markdown files of this folder, in the order of the zine"}, active=True),
    Key("intro", {"fr": '"intro.md"', "en": '"intro.md"'},
        {"fr": "un court texte sous le sommaire", "en": "a short text under the table of contents"}),
    Key("back_cover", {"fr": '"quatrieme.md"', "en": '"back-cover.md"'},
        {"fr": "le texte de la quatrième de couverture", "en": "the text of the back cover"}),
    Key("minizine", {"fr": '"poche.md"', "en": '"pocket.md"'},
        {"fr": "le texte du mini-zine de poche, une feuille A4 (chaque titre ## ouvre une de ses 8 pages)",
         "en": "the text of the pocket mini-zine, one A4 sheet (each ## heading starts one of its 8 pages)"}),
    Key("price", _same('"2 €"'), {"fr": "sur la couverture et la quatrième", "en": "on the cover and the back cover"}),
    Key("licence", _same('"CC BY-SA 4.0"'),
        {"fr": "sur la quatrième et le mini-zine", "en": "on the back cover and the mini-zine"}),
    Key("cover", {"fr": '"images/couverture.png"', "en": '"images/cover.png"'},
        {"fr": "une image de ce dossier, pour la couverture", "en": "a picture of this folder, for the cover"}),
    Key("cover_alt", {"fr": '"Ce que montre l’image"', "en": '"What the picture shows"'},
        {"fr": "ce que montre l’image, en mots (obligatoire avec cover)",
         "en": "what the picture shows, in words (needed with cover)"}),
    Key("photos", _same('"halftone"'),
        {"fr": "les images en points noirs et blancs, pour la photocopieuse (par défaut : \"keep\")",
         "en": "pictures in black-and-white dots, for the copier (default: \"keep\")"}),
)
"""Every key of the manifest, in the order the scaffold writes them (builder/content/manifest.py)."""

HEADER = {
    "fr": ("# Le manifeste de la brochure : son titre, sa date, et ses parties dans l’ordre.\n"
           "# Chaque réglage s’écrit : nom = \"valeur\". Ce qui suit un # est une note : pour\n"
           "# utiliser un réglage en note, enlevez le # du début de sa ligne.\n\n"),
    "en": ("# The manifest of the zine: its title, its date, and its parts in order.\n"
           "# Each setting is: name = \"value\". What follows a # is a note: to use a setting\n"
           "# that is a note, remove the # at the start of its line.\n\n"),
}
OPTIONAL_HEADER = {
    "fr": "# Imprimés seulement s’ils sont donnés :\n",
    "en": "# Printed only when set:\n",
}
FIRST_PART = {
    "fr": ("01-pour-commencer.md", """---
title: Pour commencer
kind: text
---

Ceci est la première partie de votre brochure. Remplacez ce texte par le vôtre : un éditeur de
texte simple suffit.

Une ligne vide sépare deux paragraphes. Écrivez *en italique* entre deux étoiles et **en gras**
entre deux paires d’étoiles ; une ligne qui commence par deux dièses est un intertitre.

## Ajouter une partie

Créez un autre fichier `.md` dans le dossier `content`, commencez-le par un en-tête comme celui de
ce fichier (entre deux lignes de trois tirets), puis ajoutez son nom à la liste `parts` du
fichier `content/zine.toml`.

## Fabriquer les PDF

Tapez `zine build` dans le dossier du projet : les PDF arrivent dans le dossier `output`.
"""),
    "en": ("01-first-part.md", """---
title: To begin with
kind: text
---

This is the first part of your zine. Replace this text with yours: a plain text editor is
enough.

An empty line separates two paragraphs. Write *in italics* between two stars and **in bold**
between two pairs of stars; a line that starts with two hash signs is a heading.

## Adding a part

Make another `.md` file in the `content` folder, start it with a header like the one of this
file (between two lines of three dashes), then add its name to the `parts` list of the file
`content/zine.toml`.

## Making the PDFs

Type `zine build` in the project's folder: the PDFs land in the `output` folder.
"""),
}


def new(folder: Path, *, lang: str = "fr", page: str = "A5", title: str | None = None,
        today: datetime.date | None = None) -> list[Path]:
    """Write a new project in `folder` (made if missing); return the paths written, in order.

    `lang` is fr or en (the words of the scaffold and the manifest's `lang`), `page` one of
    FORMATS, `title` defaults to the folder's name and `today` (the manifest's date) to today.
    Raises BuildError, before writing anything, if `folder/content` exists, if `folder` is a
    file, or if `lang` or `page` is unknown; BuildError naming the path if a write fails.
    """
    if lang not in LANGUAGES:
        raise BuildError(None, f"--lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    if page not in FORMATS:
        raise BuildError(None, f"--format must be one of {', '.join(FORMATS)}, not {page!r}")
    content = folder / "content"
    if folder.exists() and not folder.is_dir():
        raise BuildError(None, f"{folder} is a file, not a folder: nothing written")
    if content.exists() or content.is_symlink():
        raise BuildError(None, f"{content} already exists: nothing written (zine new starts a project "
                               "in a folder without one)")
    name = title if title is not None else folder.resolve().name
    part, text = FIRST_PART[lang]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Made aside, then moved into place whole: a failed write leaves no half-made content/.
        stage = Path(tempfile.mkdtemp(prefix=".zine-new-", dir=folder))
        try:
            made = stage / "content"  # made by mkdir: the permissions the user's umask gives
            (made / "images").mkdir(parents=True)
            (made / "images/.gitkeep").write_bytes(b"")
            (made / manifest.NAME).write_text(manifest_text(lang, name, part, page, today or datetime.date.today()),
                                              encoding="utf-8")
            (made / part).write_text(text, encoding="utf-8")
            os.rename(made, content)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        ignore = folder / ".gitignore"
        _ignore_output(ignore)
    except OSError as error:
        raise BuildError(None, f"cannot write in {folder} ({error.strerror or error})") from None
    return [content / manifest.NAME, content / part, content / "images", ignore]


def manifest_text(lang: str, title: str, part: str, page: str, day: datetime.date) -> str:
    """The scaffold's `zine.toml`, in `lang`: every key of KEYS, each with its note."""
    values = {"title": _toml(title), "lang": _toml(lang), "date": day.isoformat(), "format": _toml(page)}
    lines = [HEADER[lang]]
    for key in KEYS:
        if key.key == "intro":
            lines.append("\n" + OPTIONAL_HEADER[lang])
        if key.key == "parts":
            lines.append(f"\n# {key.note[lang]}\nparts = [\n  {_toml(part)},\n]\n")
            continue
        written = key.active or key.key == "format"
        line = f"{'' if written else '# '}{key.key} = {values.get(key.key) or key.value[lang]}"
        if key.key == "format":
            lines.append(f"# {key.note[lang]}\n{line}\n")
        else:
            lines.append(f"{line:<42} # {key.note[lang]}\n")
    return "".join(lines)


def _ignore_output(path: Path) -> None:
    """Make `path` (a .gitignore) ignore the output folder, keeping what it already says."""
    said = path.read_text(encoding="utf-8") if path.is_file() else ""
    if GITIGNORE in said.split() or f"/{GITIGNORE}" in said.split():
        return
    path.write_text(said + ("\n" if said and not said.endswith("\n") else "") + GITIGNORE + "\n", encoding="utf-8")
