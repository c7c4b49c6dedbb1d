"""The shipped zine's guide and print page, read back from the built reading PDF (issue 24).

Each needle is a statement a reader needs in December 2026, with its source in ../shared/FACTS.md
§1c (the dossier pharmaceutique, the occupational doctor, the postmark, LFSS 2026, RGPD art. 12(6))
and §1b; the booklet keeps its 5 sheets.
"""

from __future__ import annotations

import re

import pytest
from builder.model import Report

from conftest import page_texts


def _text(report: Report, first: str, last: str) -> str:
    """The reading edition's text from the page that starts with `first` up to the next page holding
    `last` (excluded), flattened (`_flat`)."""
    pages = [_flat(text) for text in page_texts(report.outputs[0].path, lines=True)]
    start = next(index for index, text in enumerate(pages) if text.startswith(first))
    end = next(index for index, text in enumerate(pages) if index > start and last in text)
    return " ".join(pages[start:end])


def _flat(page: str) -> str:
    """A page's text on one line: soft hyphens and hyphens at line ends removed, no-break spaces as spaces."""
    page = page.replace("\u00ad", "").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(re.sub(r"[\u2010-]\n", "", page).split())  # a word hyphenated at a line's end


@pytest.mark.parametrize("needle", [
    # the dossier pharmaceutique opens automatically too (décret 2023-251; CSP L1111-23, R1111-20-1)
    "Le dossier pharmaceutique aussi", "décret nº 2023-251 du 3 avril 2023", "L1111-23",
    "Conseil national de l’ordre des pharmaciens", "par courriel ou par une lettre que vous remet un pharmacien",
    "en ligne ou par courrier", "à compter cette fois de la remise effective de l’avis (art. R1111-20-1)",
    # ... and the booklet's letters are not for it: the notice says where to write (review of issue 24,
    # finding 7; FACTS.md §1c: the Ordre's address is not known to us)
    "Les lettres de ce livret ne valent pas pour le DP : suivez les indications de l’avis.",
    # the occupational doctor (CSP L1111-17 IV, code du travail L4624-8-1)
    "Le médecin du travail ne peut le consulter qu’avec votre accord exprès",
    "votre refus n’est pas une faute, ne peut fonder un avis d’inaptitude et n’est pas communiqué à l’employeur",
    "L4624-8-1",
    # the postmark (CRPA L112-1, L100-3), and the advice to object online or by phone as well
    "le cachet de la poste fait foi", "art. L112-1 et L100-3",
    "Nous ne savons pas si cela vaut contre l’ouverture automatique",
    "refusez aussi en ligne ou par téléphone avant la fin des six semaines",
    # LFSS 2026: the whole article, from secondary sources, L1111-15 stands, it may come back
    "d’après des commentaires publiés, non vérifiés sur le texte de la décision",
    "a censuré tout l’article sur le DMP, et non les seules pénalités", "L1111-15",
    "Une mesure semblable peut revenir dans une loi ultérieure",
    # the copy of an ID marked with its use (RGPD art. 12(6)); a letter cut from the booklet
    "en écrivant en travers à quoi elle sert", "art. 12, paragraphe 6",
    "(« copie pour la caisse de …, le …, Mon espace santé »)",  # any letter, not only an opposition
    "Une lettre découpée dans ce livret se plie en deux ; écrivez l’adresse de la caisse sur l’enveloppe",
    # the reader who objected in 2022 without a DMP; the access letter's name
    "Vous vous êtes opposé·e en 2022 sans avoir de DMP", "la lettre « Accès » permet de vérifier qu’il n’existe rien à votre nom",
    # wording: the code is no number; the representative's letter names its cases
    "avec les mêmes éléments sous la main", "vaut pour un enfant et pour un majeur protégé",
    "Voir la partie 1",
])
def test_the_guide_says_what_a_2026_reader_needs(shipped_build: Report, needle: str) -> None:
    assert needle in _text(shipped_build, "Mode d’emploi", "Lettre recommandée avec accusé")


@pytest.mark.parametrize("gone", ["les mêmes numéros", "étape 1", "(étape", "sert aux deux premiers cas",
                                  "-letters.pdf", "« Confirmation »", "sources secondaires",
                                  "opposition Mon espace santé", "n’est pas dit", "« Accès » vérifie"])
def test_the_guide_has_lost_the_wording_the_review_flagged(shipped_build: Report, gone: str) -> None:
    assert gone not in _text(shipped_build, "Mode d’emploi", "Lettre recommandée avec accusé")


def test_the_print_page_describes_the_files_in_words_and_quotes_the_copier_settings(shipped_build: Report) -> None:
    text = _text(shipped_build, "Imprimer et diffuser ce livret", "Sources")
    assert "« recto-verso » et « retourner sur le bord court » (le nom de ce réglage varie" in text
    assert "Prenez le fichier à imprimer, et non celui de lecture" in text
    assert ".pdf" not in text
    assert "Les lettres des pages précédentes" in text  # the print page now follows the letters


def test_the_booklet_keeps_five_sheets_and_the_guide_boxes_stay_whole(shipped_build: Report) -> None:
    assert shipped_build.sheets == 5 and len(shipped_build.blanks) <= 1 and not shipped_build.inner_blanks
    pages = [_flat(text) for text in page_texts(shipped_build.outputs[0].path, lines=True)]
    for title, last in (("Le dossier pharmaceutique aussi", "suivez les indications de l’avis"),
                        ("Si vous gardez un espace", "code du travail, art. L4624-8-1")):
        [page] = [text for text in pages if title in text]
        assert last in page, f"the box « {title} » is split across two pages"


def test_the_guide_describes_the_letters_as_they_are(shipped_build: Report) -> None:
    """Part 3 says what the DMP box of both opposition letters asks; each letter must ask it (review
    of issue 24, finding 1; FACTS.md §1b: R1111-40, L1111-14)."""
    guide = _text(shipped_build, "Mode d’emploi", "Lettre recommandée avec accusé")
    assert ("cochée, elle vaut opposition à son intégration, confirmation de toute opposition antérieure et "
            "demande de clôture et de suppression") in guide
    pages = [_flat(text) for text in page_texts(shipped_build.outputs[0].path, lines=True)]
    letters = [text for text in pages if "Objet : opposition" in text]
    assert len(letters) == 2
    for letter in letters:
        assert "dossier médical partagé : je refuse son intégration, confirme toute opposition antérieure et " \
               "demande sa clôture et sa suppression (articles R1111-40 et L1111-14)" in letter


def test_the_minizine_says_whose_view_the_representative_weighs(shipped_build: Report) -> None:
    """The person in charge of a protected adult takes the adult's view into account (CSP L1111-14;
    FACTS.md §1b; review of issue 24, finding 10)."""
    minizine = next(out.path for out in shipped_build.outputs if out.path.name.endswith("-minizine.pdf"))
    text = " ".join(_flat(page) for page in page_texts(minizine, lines=True))
    assert "en tenant compte de l’avis du majeur ; celui-ci peut toujours refuser lui-même" in text
    assert "compte de son avis" not in text


def test_no_letter_name_is_hyphenated_inside_its_guillemets(shipped_build: Report) -> None:
    """« Opposi-/tion » on p. 8 (review of issue 24, finding 17): a letter's name is read whole."""
    guide = "\n".join(page_texts(shipped_build.outputs[0].path, lines=True)).replace("\u00a0", " ").replace("\u202f", " ")
    names = ("Opposition", "Fermeture", "Accès")
    assert not re.findall(rf"« ?(?:{'|'.join(name[:3] for name in names)})\w*[\u2010-]\n", guide)
