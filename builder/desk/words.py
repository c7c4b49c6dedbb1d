"""The desk page's words, in the zine's language (issue 23: French and English at least).

One table, a row per word with each language's text side by side (LANGUAGES names the columns):
a word cannot be missing in one language. A language is looked up by its primary subtag, as
typography/languages.py looks up the printed words (`language.primary`: fr-CA reads `fr`); a
language without a column gets English's. The duplex edge comes from the printed words
themselves (Words.flip_short, flip_long: snapshot.py), so the page and the zine say it alike.
"""

from __future__ import annotations

from builder.typography.language import primary

LANGUAGES = ("en", "fr")
"""The columns of WORDS; English, the first, is the fallback."""
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Zine desk", "Atelier du zine"),
    "reading": ("Reading edition", "Édition de lecture"),
    "pages": ("Pages", "Pages"),
    "spreads": ("Spreads", "Doubles pages"),
    "booklet": ("Booklet sheets", "Feuilles du livret"),
    "front": ("front", "recto"),
    "back": ("back", "verso"),
    "sheet": ("Sheet", "Feuille"),
    "minizine": ("Mini-zine", "Mini-zine"),
    "letters": ("Letters", "Lettres"),
    "folded": ("Folded booklet", "Livret plié"),
    "page": ("page", "page"),
    "blank": ("blank", "blanche"),
    "errors": ("The last build failed: the pages shown are those of the last good build",
               "La dernière construction a échoué : les pages montrées sont celles de la dernière réussie"),
    "findings": ("Worth a look", "À regarder"),
    "building": ("Building…", "Construction…"),
    "built": ("Build {build}, in {seconds} s", "Construction {build}, en {seconds} s"),
    "failed": ("Build {build} failed", "La construction {build} a échoué"),
    "print": ("Printing", "Impression"),
    "print_file": ("File to print", "Fichier à imprimer"),
    "edge": ("Recto-verso", "Recto-verso"),
    "sheets": ("Sheets per copy", "Feuilles par exemplaire"),
    "sheets_two": ("Sheets for two copies (cut the stack in half)",
                   "Feuilles pour deux exemplaires (couper la pile en deux)"),
    "blanks": ("Blank pages added", "Pages blanches ajoutées"),
    "blanks_at": ("{count} (booklet page {pages})", "{count} (page {pages} du livret)"),
    "blanks_at_many": ("{count} (booklet pages {pages})", "{count} (pages {pages} du livret)"),
    "none": ("none", "aucune"),
    "test_sheet": ("Unsure of your copier's setting? Print the test sheet first:",
                   "Un doute sur le réglage du copieur ? Imprimez d’abord la feuille d’essai :"),
    "downloads": ("Downloads", "Téléchargements"),
    "edit": ("Edit a part", "Modifier une partie"),
    "open": ("Open", "Ouvrir"),
    "save": ("Save", "Enregistrer"),
    "saved": ("Saved: the zine is being rebuilt", "Enregistré : le zine est reconstruit"),
    "saved_built": ("Saved and rebuilt", "Enregistré et reconstruit"),
    "saved_failed": ("Saved, but the build failed: see the errors above",
                     "Enregistré, mais la construction a échoué : voir les erreurs plus haut"),
    "conflict": ("The file changed on disk since it was opened: open it again (your text is still here)",
                 "Le fichier a changé sur le disque depuis son ouverture : rouvrez-le (votre texte est encore ici)"),
    "refused": ("Not saved", "Pas enregistré"),
    "drop": ("Drop a photo on the text to add it", "Déposez une photo sur le texte pour l’ajouter"),
    "photo_added": ("Photo added", "Photo ajoutée"),
    "offline": ("Connection to zine serve lost: is it still running?",
                "Connexion à zine serve perdue : tourne-t-il encore ?"),
}


def of(lang: str) -> dict[str, str]:
    """The page's words for the zine language tag `lang` (fr, fr-CA, en-GB…): word → text;
    English's when the desk has none for it."""
    column = LANGUAGES.index(primary(lang)) if primary(lang) in LANGUAGES else 0
    return {key: texts[column] for key, texts in WORDS.items()}
