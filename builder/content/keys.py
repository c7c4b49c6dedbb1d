"""What each key of the manifest (`content/zine.toml`) does, in English and French: the words of the
manifest reference, which docs/hooks.py writes at `mkdocs build` from these and from the tables of
content/manifest.py (REQUIRED, OPTIONAL, LISTS, CHOICES, HINTS, LENGTHS), so that the reference
cannot drift from what the build accepts (issue 23, item 3). Here, not in manifest.py, so that
the module that checks stays short (tests/test_shape.py); tests/test_docs.py fails when a key the
manifest accepts has no description in either language, or a description names no key."""

from __future__ import annotations

ENGLISH = {
    "title": "On the cover, in the colophon and in the PDF's metadata.",
    "lang": "The language: a code such as `fr`, `en`, `fr-CA`. The words the tool prints (the contents "
            "title, the print page, the letters' labels), the dates and the typography follow it; see "
            "[Languages](writing.md#languages).",
    "date": "Written `2026-11-28`: printed on the cover and the back cover in the language's long format, "
            "and the date stamped in the PDFs.",
    "edition": "Printed beside the date.",
    "parts": "The Markdown files of `content/`, in the order they are printed. Adding a part is one file "
             "and one line here.",
    "subtitle": "In italics under the title on the cover.",
    "author": "The PDF's author, and the cover's credit when there is no `byline`. A list "
              "(`[\"Ann\", \"Bea\", \"Cy\"]`) prints as the zine's language writes one: Ann, Bea, and Cy.",
    "byline": "The credit at the top of the cover (in small capitals); a list prints as for `author`.",
    "slug": "The start of the output files' names (lower-case letters, digits, dashes); by default made "
            "from the title's Latin letters and digits (`zine-…` when it has none, and the build says so).",
    "price": "Printed on the cover, the back cover and the mini-zine; nothing when not set.",
    "licence": "Printed on the back cover and the mini-zine; nothing when not set.",
    "cover": "A picture in `content/`, printed on the cover (40 × 40 mm, on the right). It follows "
             "`photos` like any picture, and takes `{.halftone}` or `{.no-halftone}` after its name "
             "(`cover = \"images/cover.jpg {.halftone}\"`).",
    "cover_alt": "What the cover picture shows, in words (for screen readers); without it the cover prints, "
                 "with a warning.",
    "format": "The page format; the page size, the imposition, the print page, the checks and the "
              "mini-zine's sheet all follow it ([Printing and folding](printing.md#formats)). `\"A5\"` when not set.",
    "paper": "The paper of the letters and the mini-zine, `\"A4\"` or `\"letter\"` (US letter); the format's "
             "when not set (A4, or US letter for half-letter). The booklet's sheet stays the format's.",
    "envelope": "The window envelope the letters are laid out for: `\"DL\"` (A4 in three, address on the "
                "right), `\"C5\"` (A4 folded once) or `\"#10\"` (US letter in three, address on the left); "
                "the paper's when not set (DL on A4, #10 on US letter). An envelope that does not take the "
                "paper is refused, with its line.",
    "photos": "`\"halftone\"` prints every picture with greys in pure black-and-white dots, for the copier; "
              "`\"keep\"` (the default) leaves them as they are.",
    "notes": "Where notes print: `\"footnotes\"` (the default: at the foot of the page that calls them) or "
             "`\"endnotes\"` (at the end of each part, under a heading « Notes »).",
    "links": "Where a link's address prints on paper: `\"notes\"` (the default: in a note), `\"after\"` (after "
             "the link, in small type) or `\"off\"` (not printed; the link still works on screen).",
    "fonts": "`\"machine\"`: the machine's fonts fill in the characters no font of the zine has, and the "
             "build warns, naming them (the PDF then depends on the machine); `\"shipped\"` (the default): "
             "only the shipped fonts and those of the project's `fonts/`.",
    "direction": "`\"rtl\"` or `\"ltr\"`: decides, instead of the language, whether the zine is set right to "
                 "left and bound on the right.",
    "intro": "A part printed under the table of contents.",
    "back_cover": "A part printed at the top of the back cover; its `note` goes in the colophon.",
    "minizine": "A part that becomes the pocket mini-zine (`<slug>-minizine.pdf`); each `##` heading starts "
                "one of its eight small pages.",
}
"""Each key's description in English (Markdown, one paragraph)."""

FRENCH = {
    "title": "Sur la couverture, dans l’achevé d’imprimer et dans les métadonnées du PDF.",
    "lang": "La langue : un code comme `fr`, `en`, `fr-CA`. Les mots que l’outil imprime (titre du "
            "sommaire, page d’impression, étiquettes des lettres), les dates et la typographie la "
            "suivent ; voir [Langues](writing.md#langues).",
    "date": "Écrite `2026-11-28` : imprimée en toutes lettres sur la couverture et la quatrième, et "
            "datant les PDF.",
    "edition": "Imprimée à côté de la date.",
    "parts": "Les fichiers Markdown de `content/`, dans l’ordre de la brochure. Ajouter une partie, "
             "c’est un fichier et une ligne ici.",
    "subtitle": "En italique sous le titre, sur la couverture.",
    "author": "L’auteur du PDF, et la mention de couverture s’il n’y a pas de `byline`. Une liste "
              "(`[\"Ann\", \"Bea\", \"Cy\"]`) s’écrit comme la langue du zine l’écrit : Ann, Bea et Cy.",
    "byline": "La mention en haut de la couverture (en petites capitales) ; une liste s’écrit comme "
              "pour `author`.",
    "slug": "Le début du nom des fichiers produits (minuscules, chiffres, tirets) ; par défaut tiré des "
            "lettres latines et des chiffres du titre (`zine-…` s’il n’en a pas, et la fabrication le dit).",
    "price": "Le prix, sur la couverture, la quatrième et le mini-zine ; rien s’il manque.",
    "licence": "Sur la quatrième et le mini-zine ; rien s’il manque.",
    "cover": "Une image de `content/`, imprimée sur la couverture (40 × 40 mm, à droite) ; elle suit "
             "`photos` comme les autres, et prend `{.trame}` ou `{.sans-trame}` après son nom "
             "(`cover = \"images/couverture.jpg {.trame}\"`).",
    "cover_alt": "Ce que montre l’image de couverture, en mots (pour les lecteurs d’écran) ; sans lui, "
                 "la couverture s’imprime, avec un avertissement.",
    "format": "Le format de page ; la taille des pages, l’imposition, la page d’impression, les "
              "vérifications et la feuille du mini-zine le suivent ([Imprimer et plier](printing.md#formats)). "
              "`\"A5\"` s’il manque.",
    "paper": "Le papier des lettres et du mini-zine, `\"A4\"` ou `\"letter\"` (US letter) ; celui du format "
             "s’il manque (A4, ou US letter en half-letter). Le livret garde la feuille du format.",
    "envelope": "L’enveloppe à fenêtre des lettres : `\"DL\"` (A4 plié en trois, adresse à droite), "
                "`\"C5\"` (A4 plié en deux) ou `\"#10\"` (US letter plié en trois, adresse à gauche) ; celle "
                "du papier s’il manque (DL sur A4, #10 sur US letter). Une enveloppe qui ne prend pas ce "
                "papier est refusée, avec sa ligne.",
    "photos": "`\"halftone\"` imprime toutes les images en gris en points noirs et blancs purs (une trame), "
              "qui passent bien à la photocopieuse ; `\"keep\"` (par défaut) les laisse telles quelles.",
    "notes": "Où s’impriment les notes : `\"footnotes\"` (par défaut : en bas de la page qui les appelle) "
             "ou `\"endnotes\"` (à la fin de chaque partie, sous un titre « Notes »).",
    "links": "Où s’imprime l’adresse d’un lien sur papier : `\"notes\"` (par défaut : en note), `\"after\"` "
             "(après le lien, en petit) ou `\"off\"` (pas imprimée ; le lien marche toujours à l’écran).",
    "fonts": "`\"machine\"` : les polices de la machine complètent les caractères qu’aucune police de la "
             "brochure n’a, et la fabrication avertit en les nommant (le PDF dépend alors de la "
             "machine) ; `\"shipped\"` (par défaut) : seulement les polices livrées et celles du "
             "dossier `fonts/` du projet.",
    "direction": "`\"rtl\"` ou `\"ltr\"` : décide, à la place de la langue, si la brochure est composée de "
                 "droite à gauche et reliée à droite.",
    "intro": "Une partie imprimée sous le sommaire.",
    "back_cover": "Une partie imprimée en haut de la quatrième de couverture ; sa `note` va dans "
                  "l’achevé d’imprimer.",
    "minizine": "Une partie qui devient le mini-zine de poche (`<slug>-minizine.pdf`) ; chaque titre `##` "
                "ouvre une de ses huit petites pages.",
}
"""Each key's description in French (Markdown, one paragraph; French typography, FACTS.md §4)."""

DESCRIPTIONS = {"en": ENGLISH, "fr": FRENCH}
"""The descriptions by language code: the languages of the documentation (docs/en, docs/fr)."""
