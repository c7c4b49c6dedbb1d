"""MkDocs hooks (mkdocs.yml `hooks:`): the manifest reference written from the code that checks the
manifest, and each page's language.

- `on_files` adds `en/manifest.md` and `fr/manifest.md`, made at build time from the tables of
  builder/content/manifest.py (REQUIRED, OPTIONAL, LISTS, CHOICES, HINTS, LENGTHS) and the
  descriptions of builder/content/keys.py: a key the build accepts is in the reference, with the
  values and the length it accepts, and nothing else is (issue 23, item 3). Nothing is written
  into docs/.
- `on_post_page` sets `<html lang="fr">` on the pages under `fr/` (one site, two languages: the
  theme's `locale` gives every page `en`).
"""

from __future__ import annotations

import datetime
from typing import Any

from builder.content import keys, manifest

WORDS = {
    "en": {"title": "Manifest reference", "key": "key", "takes": "takes", "what": "what it does",
           "required": "**required**", "text": "a text in quotes", "date": "a date, unquoted: `2026-11-28`",
           "parts": "a list of file names `[\"01-a.md\", \"02-b.md\"]`", "or_list": "; or a list of such texts",
           "one_of": "one of", "any_case": "(in any case)", "means": ("means", "mean"), "then": "; ",
           "at_most": "at most {} characters",
           "each": "each entry at most {} characters",
           "intro": "Every key that `content/zine.toml` accepts, one a line (`key = value`). This page is "
                    "written by `mkdocs build` from the tables the build checks the manifest with "
                    "(`builder/content/manifest.py`) and the descriptions beside them "
                    "(`builder/content/keys.py`): a key missing here does not exist. An unknown key, a "
                    "value of the wrong type, a word not among those listed or a text too long is refused "
                    "with its line, every problem of the file in one run (`unknown key 'fromat' (did you "
                    "mean 'format'?)`). The scaffold that `zine new` writes lists them all, the optional "
                    "ones as notes (`#`) to uncomment."},
    "fr": {"title": "Référence du manifeste", "key": "clé", "takes": "valeur", "what": "ce qu’elle fait",
           "required": "**obligatoire**", "text": "un texte entre guillemets",
           "date": "une date, sans guillemets\u00a0: `2026-11-28`",
           "parts": "une liste de noms de fichiers `[\"01-a.md\", \"02-b.md\"]`",
           "or_list": "\u202f; ou une liste de tels textes", "one_of": "l’un de",
           "any_case": "(majuscules ou minuscules)",
           "means": ("veut dire", "veulent dire"), "then": "\u202f; ", "at_most": "{} caractères au plus",
           "each": "chaque entrée\u00a0: {} caractères au plus",
           "intro": "Toutes les clés que `content/zine.toml` accepte, une par ligne (`clé = valeur`). Cette page "
                    "est écrite par `mkdocs build` à partir des tables avec lesquelles la fabrication vérifie "
                    "le manifeste (`builder/content/manifest.py`) et des descriptions posées à côté "
                    "(`builder/content/keys.py`)\u00a0: une clé absente d’ici n’existe pas. Une clé inconnue, "
                    "une valeur du mauvais type, un mot qui n’est pas dans la liste ou un texte trop long est "
                    "refusé avec sa ligne, tous les problèmes du fichier d’un coup. Le squelette que "
                    "`zine new` écrit les donne toutes, les facultatives en note (`#`) à enlever pour s’en "
                    "servir."},
}
"""The reference's own words, by language (French typography: FACTS.md §4)."""


def takes(key: str, lang: str) -> str:
    """What `key` accepts, in words of `lang` (Markdown): its type, its words (CHOICES) with what
    other spellings mean (HINTS), its longest text (LENGTHS)."""
    said = WORDS[lang]
    kind = manifest.REQUIRED.get(key) or manifest.OPTIONAL[key]
    if kind is datetime.date:
        return said["date"]
    if kind is list:
        return f"{said['parts']}, {said['each'].format(number(manifest.NAME_LENGTH, lang))}"
    if key in manifest.CHOICES:
        words = ", ".join(f'`"{word}"`' for word in manifest.CHOICES[key])
        meant: dict[str, list[str]] = {}
        for wrong, right in manifest.HINTS.get(key, {}).items():
            meant.setdefault(right, []).append(f'`"{wrong}"`')
        hints = "".join(f'{said["then"]}{", ".join(wrongs)} {said["means"][len(wrongs) > 1]} `"{right}"`'
                        for right, wrongs in meant.items())
        return f"{said['one_of']} {words} {said['any_case']}{hints}"
    limit = said["at_most"].format(number(manifest.LENGTHS.get(key, manifest.NAME_LENGTH), lang))
    return f"{said['text']}, {limit}{said['or_list'] if key in manifest.LISTS else ''}"


def number(count: int, lang: str) -> str:
    """A whole number as `lang` writes it: 1,000 in English, 1 000 (narrow no-break space) in French."""
    return f"{count:,}".replace(",", "\u202f" if lang == "fr" else ",")


def reference(lang: str) -> str:
    """The manifest reference page in `lang` ("en", "fr"): a table of every key, the required first."""
    said = WORDS[lang]
    rows = [f"| {said['key']} | {said['takes']} | {said['what']} |", "|---|---|---|"]
    for key in [*manifest.REQUIRED, *manifest.OPTIONAL]:
        required = f"{said['required']}. " if key in manifest.REQUIRED else ""
        cells = [takes(key, lang), required + keys.DESCRIPTIONS[lang][key]]
        accepted, text = (cell.replace("|", "\\|") for cell in cells)  # a | would end the cell
        rows.append(f"| `{key}` | {accepted} | {text} |")
    return "\n".join([f"# {said['title']}", "", said["intro"], "", *rows, ""])


def on_files(files: Any, config: Any) -> Any:
    """Add the generated reference pages (`en/manifest.md`, `fr/manifest.md`) to the site's files."""
    from mkdocs.structure.files import File

    for lang in keys.DESCRIPTIONS:
        files.append(File.generated(config, f"{lang}/manifest.md", content=reference(lang)))
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    """The French pages' `<html lang>`: fr, not the theme's en."""
    if page.file.src_uri.startswith("fr/"):
        return output.replace('<html lang="en"', '<html lang="fr"', 1)
    return output
