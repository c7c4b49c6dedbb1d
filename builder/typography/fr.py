"""French: typography (spaces, quotes, apostrophes, ellipses, ordinals, article numbers), words, dates.

Rules from the Imprimerie nationale usage (shared FACTS.md §4), applied by `builder.typography`
to the text between tags: `plain` on text, `markup` (ordinals in superscript) on escaped HTML.
Straight quotes are classified in `common` (the same in every language) and become « » here,
`'` an apostrophe ’ (French nests « » and has no single quotation marks), or ″ ′ after a digit;
`plain` then puts the no-break spaces inside « ». A module implementing `language.Language`.
"""

from __future__ import annotations

import datetime
import re
from functools import cache

from builder.typography.common import COLON, DASHES, FOOT, INCH, NBSP, NNBSP, SPACES, Marks, Rule, apply, previous
from builder.typography.counts import Counting
from builder.typography.language import Scaffold, SheetWords, Words, long_date

WJ = "\u2060"
MARKS = Marks(open_double="«", close_double="»", open_single=None)

_S = f"[{SPACES}]"
_WORDISH = re.compile(f"[\\w»)\\]…’”%€{INCH}{FOOT}]")
COUNTING = Counting(
    locale="fr",
    numbers=("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
             "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante", "soixante",
             "cent", "cents", "mille"),
    links=("et", "ou", "ni", "de", "des", "du", "à", "au", "aux", "en", "dans", "par", "pour", "sur", "sous", "avec",
           "sans", "qui", "que", "est", "sont"),
    before_number=("art.", "article", "articles", "al.", "alinéa", "n\u00ba", "p.", "page", "pages",
                   "paragraphe", "chapitre", "étape", "étapes", "point", "section", "annexe"))
"""Numbers in words bound to the word they count (« six semaines »), not « un, une » (the article),
nor before a word that counts nothing (« en deux dans la longueur »); months from CLDR."""


def _punctuation(match: re.Match[str], before: str) -> str:
    """Narrow no-break space before ; ! ? and no-break space before : (when glued to a word)."""
    spaced, mark = bool(match.group(1)), match.group(2)
    before = previous(match, before)
    if mark == ":" and match.end() < len(match.string) and match.string[match.end()] not in SPACES + ")]»":
        return match.group(0)  # 10:30, 3:2 — not a colon of prose
    if before == "«":
        return NNBSP + mark  # « : » quoted alone keeps the guillemet's space (and refining twice, its form)
    if spaced or _WORDISH.match(before):
        return (NBSP if mark == ":" else NNBSP) + mark
    return match.group(0)


_FIRST: tuple[Rule, ...] = (
    (re.compile(r"\b([nN])[°º]" + f"{_S}*" + r"(?=\d)"), "\\1\u00ba" + NBSP),
    (re.compile(r"\b([nN])°"), "\\1\u00ba"),
    (re.compile(r"\.\.\."), "…"),
    (re.compile(f"«{_S}*"), "«" + NNBSP),
    (re.compile(f"{_S}*»"), NNBSP + "»"),
    (re.compile(f"({_S}*)([;!?:])"), _punctuation),
    (re.compile(r"(\d)" + f"{_S}*%"), "\\1" + NNBSP + "%"),
    (re.compile(r"(\d)" + f"{_S}+" + r"(?=\d{3}\b)"), "\\1" + NNBSP),
    (re.compile(r"(\d)" + f"{_S}+" + r"(?=[^\W\d_]|€)"), "\\1" + NBSP),
    (re.compile(r"\b(\d+(?:er|re|e|es|ers|res|ème))" + f"{_S}+" + r"(?=\w)"), "\\1" + NBSP),
)
_LAST: tuple[Rule, ...] = (
    # Article numbers of the French codes: L1111-13-1, R1111-36, D…, A… (législatif, réglementaire…)
    (re.compile(r"(?<![\w.])(art\.|articles?)" + f"{_S}+" + r"(?=[LRDA]\d)", re.IGNORECASE), "\\1" + NBSP),
    *DASHES,  # incise: « un mot – une incise » (§4), 2022–2026
    # Article numbers of the French codes (L1111-13-1) never break at their hyphens: a word
    # joiner follows each (invisible, and dropped when the PDF's text is copied or searched).
    (re.compile("\\b([LRDA]\\d{3,4})((?:-" + WJ + "?\\d+)+)"),
     lambda match, before: match.group(1) + match.group(2).replace(WJ, "").replace("-", "-" + WJ)),
)


@cache
def _rules() -> tuple[Rule, ...]:
    """French's rules in order, those of `COUNTING` among them (compiled on first use: Babel's months)."""
    return (*_FIRST, *COUNTING.rules, *_LAST)


_COLON = re.compile(NBSP + ":")
_ORDINAL = re.compile(r"\b(\d+|[IVX]|[IVXLC]{2,})(?:(er|re|ers|res|nd|nde|e|es)|ème|eme)\b")
_AFTER_NUMBER = re.compile(f"\\d{_S}+$")


def _ordinal(match: re.Match[str]) -> str:
    if _AFTER_NUMBER.search(match.string, 0, match.start()):
        return match.group(0)  # "10 101er" is no ordinal: its digits belong to a number
    suffix = match.group(2) or "e"
    return f"{match.group(1)}<sup>{suffix}</sup>"


def plain(text: str, before: str = "") -> str:
    """The spacing and character rules on plain text whose quotes are classified already (`MARKS`);
    `before` is the character preceding it."""
    return apply(_rules(), text, before)


def markup(text: str) -> str:
    """Ordinals in superscript (1<sup>er</sup>, XIX<sup>e</sup>) and the fixed space before a colon,
    on HTML-escaped text.

    The space before « : » is a word space (FACTS.md §4) that justification must not stretch
    (issue 24): WeasyPrint widens every U+0020 and U+00A0 of a justified line, so the colon is set
    after a narrow no-break space U+202F, which it never widens, both in a span (`common.COLON`)
    whose padding (shared.css) makes the space as wide as Charis SIL's word space. Text copied
    from the PDF reads « mot\u202f: »."""
    return _COLON.sub(f"{COLON}{NNBSP}:</span>", COUNTING.markup(_ORDINAL.sub(_ordinal, text)))


def date(day: datetime.date, lang: str) -> str:
    """28 novembre 2026: CLDR's long date in `lang` (fr, fr-CA…); 1er mai (Imprimerie nationale, §4)."""
    return re.sub(r"^1 ", "1er ", long_date(day, lang))


WORDS = Words(
    contents="Sommaire",
    # The copier's setting quoted, as the print page quotes it (issue 24).
    sheet_count="Ce livret : {pages}\u00a0pages, soit {sheets}\u00a0feuilles {paper} recto-verso "
                "(réglage « {flip} ») par exemplaire.",
    sheet_count_two="Ce livret : {pages}\u00a0pages, soit {sheets}\u00a0feuilles {paper} recto-verso "
                    "(réglage « {flip} ») pour deux exemplaires : coupez le paquet en deux.",
    flip_short="retourner sur le bord court", flip_long="retourner sur le bord long", us_letter="Lettre US",
    contact="feuille {sheet}, {side}", front="recto", back="verso", signature="signature",
    nir="numéro de sécurité sociale", nir_key="clé (2 chiffres)", characters="{count} caractères",
    notes="Notes", bound_right="reliure à droite",
    test_sheet=SheetWords(
        title="Feuille d\u2019essai recto-verso",
        front=("FEUILLE D\u2019ESSAI : RECTO", "1. Photocopiez cette feuille recto-verso, à 100\u00a0%,",
               "    avec le réglage prévu pour le livret.", "2. Retournez la copie {turn}.",
               "3. Lisez le verso : il dit si le réglage est le bon."),
        turn_side="comme la page d\u2019un livre (bord gauche ou droit)",
        turn_top="comme une page de calendrier (par le haut)",
        right=("VERSO À L\u2019ENDROIT :", "LE RÉGLAGE EST BON",
               "La machine retourne sur le bord {edge}, comme il faut",
               "pour ce livret (« {setting} », zine impose --flip {flip}).", "Les deux flèches sont dos à dos."),
        wrong=("VERSO À L\u2019ENVERS :", "CHANGEZ LE RÉGLAGE",
               "La machine a retourné sur le bord {other}. Choisissez",
               "« {setting} », ou imposez avec", "zine impose --flip {other_flip} (chaque verso tourné)."),
        short="COURT", long="LONG", top="HAUT", ruler="Cette ligne mesure 100\u00a0mm à 100\u00a0%"))

SCAFFOLD = Scaffold(
    header=("# Le manifeste de la brochure : son titre, sa date, et ses parties dans l’ordre.\n"
            "# Chaque réglage s’écrit : nom = \"valeur\". Ce qui suit un # est une note : pour\n"
            "# utiliser un réglage en note, enlevez le # du début de sa ligne.\n\n"),
    optional_header="# Imprimés seulement s’ils sont donnés :\n",
    notes={
        "title": "sur la couverture, et le titre du PDF",
        "subtitle": "sous le titre, sur la couverture",
        "author": "qui l’a écrite (l’auteur du PDF)",
        "byline": "la mention sur la couverture (par défaut : author)",
        "lang": "la langue : fr, en, fr-CA… (mots de l’outil, césure, typographie)",
        "date": "sur la couverture et la quatrième, écrite 2026-11-28",
        "edition": "à côté de la date",
        "slug": "le début du nom des PDF (par défaut : tiré du titre)",
        "format": "la page :",
        "paper": "les lettres et le mini-zine sur papier US letter (par défaut : A4 ; US letter en half-letter)",
        "envelope": "l’enveloppe à fenêtre des lettres (par défaut : \"DL\" sur A4, \"#10\" sur US letter ; "
                    "\"C5\" : A4 plié en deux)",
        "notes": "les notes à la fin de chaque partie (par défaut : \"footnotes\", en bas de la page qui les appelle)",
        "links": "l’adresse d’un lien après lui, en petit (par défaut : \"notes\", en note ; \"off\" : pas imprimée)",
        "parts": "les fichiers Markdown de ce dossier, dans l’ordre de la brochure",
        "intro": "un court texte sous le sommaire",
        "back_cover": "le texte de la quatrième de couverture",
        "minizine": "le mini-zine de poche, sur le papier des lettres (chaque titre ## ouvre une de ses 8 pages)",
        "price": "sur la couverture et la quatrième",
        "licence": "sur la quatrième et le mini-zine",
        "cover": "une image de ce dossier, pour la couverture",
        "cover_alt": "ce que montre l’image, en mots, pour les lecteurs d’écran",
        "photos": "les images en points noirs et blancs, pour la photocopieuse (par défaut : \"keep\")",
        "fonts": "les polices de la machine pour les caractères qu’aucune police du zine n’a "
                 "(par défaut : \"shipped\")",
        "direction": "de droite à gauche, reliée à droite (par défaut : selon la langue ; ar, fa, he sont \"rtl\")",
    },
    examples={"price": '"2 €"',
              "subtitle": '"Un sous-titre"', "author": '"Le collectif"', "byline": '"D’après un texte du collectif"',
              "edition": '"Première édition"', "slug": '"ma-brochure"', "back_cover": '"quatrieme.md"',
              "minizine": '"poche.md"', "cover": '"images/couverture.png"', "cover_alt": '"Ce que montre l’image"'},
    formats={"A5": "(par défaut) pliée et agrafée, sur A4", "A6": "deux exemplaires par face d’A4, coupée en deux",
             "A4": "sur A3", "half-letter": "sur du papier US letter"},
    part=("01-pour-commencer.md", """---
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
"""))
