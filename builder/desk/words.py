"""The desk page's words, in the zine's language (issue 23: French and English at least).

A table keyed by the primary language subtag, as typography/languages.py keys the printed words
(`language.primary`: fr-CA reads `fr`); a language without its own words gets English's. The
duplex edge comes from the printed words themselves (Words.flip_short, flip_long): the page and
the print page of the zine say it the same way.
"""

from __future__ import annotations

from builder.typography.language import primary

ENGLISH = {
    "title": "Zine desk", "reading": "Reading edition", "pages": "Pages", "spreads": "Spreads",
    "booklet": "Booklet sheets", "front": "front", "back": "back", "sheet": "Sheet",
    "minizine": "Mini-zine", "letters": "Letters", "folded": "Folded booklet",
    "page": "page", "blank": "blank",
    "errors": "The last build failed: the pages shown are those of the last good build",
    "findings": "Worth a look", "building": "Building…", "built": "Build {build}, in {seconds} s",
    "print": "Printing", "print_file": "File to print", "edge": "Recto-verso",
    "sheets": "Sheets per copy", "sheets_two": "Sheets for two copies (cut the stack in half)",
    "blanks": "Blank pages added before the back cover", "none": "none",
    "test_sheet": "Unsure of your copier's setting? Print the test sheet first: zine impose --test-sheet",
    "downloads": "Downloads", "edit": "Edit a part", "open": "Open", "save": "Save",
    "saved": "Saved: the zine is being rebuilt", "conflict": "The file changed on disk since it was opened: "
    "open it again (your text is kept below)", "refused": "Not saved", "drop": "Drop a photo on the text to add it",
    "photo_added": "Photo added", "offline": "Connection to zine serve lost: is it still running?",
}
FRENCH = {
    "title": "Atelier du zine", "reading": "Édition de lecture", "pages": "Pages", "spreads": "Doubles pages",
    "booklet": "Feuilles du livret", "front": "recto", "back": "verso", "sheet": "Feuille",
    "minizine": "Mini-zine", "letters": "Lettres", "folded": "Livret plié",
    "page": "page", "blank": "blanche",
    "errors": "La dernière construction a échoué : les pages montrées sont celles de la dernière réussie",
    "findings": "À regarder", "building": "Construction…", "built": "Construction {build}, en {seconds} s",
    "print": "Impression", "print_file": "Fichier à imprimer", "edge": "Recto-verso",
    "sheets": "Feuilles par exemplaire", "sheets_two": "Feuilles pour deux exemplaires (couper la pile en deux)",
    "blanks": "Pages blanches ajoutées avant la quatrième de couverture", "none": "aucune",
    "test_sheet": "Un doute sur le réglage du copieur ? Imprimez d’abord la feuille d’essai : "
    "zine impose --test-sheet --lang fr",
    "downloads": "Téléchargements", "edit": "Modifier une partie", "open": "Ouvrir", "save": "Enregistrer",
    "saved": "Enregistré : le zine est reconstruit", "conflict": "Le fichier a changé sur le disque depuis "
    "son ouverture : rouvrez-le (votre texte reste ci-dessous)", "refused": "Pas enregistré",
    "drop": "Déposez une photo sur le texte pour l’ajouter", "photo_added": "Photo ajoutée",
    "offline": "Connexion à zine serve perdue : tourne-t-il encore ?",
}
TABLE = {"en": ENGLISH, "fr": FRENCH}
"""The page's words by primary language subtag; every language has every key of ENGLISH."""


def of(lang: str) -> dict[str, str]:
    """The page's words for the zine language tag `lang` (fr, fr-CA, en-GB…); English's when the
    desk has none for it."""
    return TABLE.get(primary(lang), ENGLISH)
