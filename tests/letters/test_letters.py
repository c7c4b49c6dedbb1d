"""The fill-in letters: one page each, fields drawn where a pen needs them, fold and cut marks, forms."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from builder.build import Options
from builder.errors import BuildError
from builder.model import Report
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT, SAMPLE, build_in, page_texts

MM = 72 / 25.4
DPI = 300
PX = DPI / 25.4
LETTERS = ("opposition", "cloture", "opposition-representant", "confirmation")
"""In manifest order: the pack's pages follow it."""


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The shipped zine, built once with the fillable pack too."""
    output = tmp_path_factory.mktemp("pack")
    return build_in(ROOT, output=output, options=Options(fillable=True))


def _path(report: Report, suffix: str) -> Path:
    return next(out.path for out in report.outputs if out.path.name.endswith(suffix))


def _render(path: Path, index: int) -> Image.Image:
    document = pdfium.PdfDocument(path)
    try:
        return document[index].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def _dark(image: Image.Image, left: float, top: float, right: float, bottom: float) -> tuple[int, int, int, int] | None:
    """Bounding box (pixels, in the crop) of the ink inside a rectangle given in mm."""
    crop = image.crop((round(left * PX), round(top * PX), round(right * PX), round(bottom * PX)))
    return crop.point(lambda value: 255 if value < 128 else 0).getbbox()


def _boxes(path: Path, index: int) -> list[tuple[float, float, float, float]]:
    """Drawn rectangles (borders and rules): left, top, width, height in mm from the top-left corner."""
    document = pdfium.PdfDocument(path)
    try:
        page = document[index]
        height = page.get_height()
        found = []
        for item in page.get_objects(max_depth=5):
            if item.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                left, bottom, right, top = item.get_bounds()
                found.append((left / MM, (height - top) / MM, (right - left) / MM, (top - bottom) / MM))
        return found
    finally:
        document.close()


def _letter_pages(reading: Path) -> list[int]:
    return [index for index, text in enumerate(page_texts(reading)) if "Lettre recommandée avec accusé" in text]


def test_pack_has_one_a4_page_per_letter(pack: Report) -> None:
    letters = _path(pack, "-letters.pdf")
    reader = PdfReader(letters)
    assert len(reader.pages) == len(LETTERS)
    assert {(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in reader.pages} \
        == {(210, 297)}
    for text in page_texts(letters):
        assert text.count("Objet\u202f:") == 1 and text.count("Lettre recommandée avec accusé de réception") == 1


def test_booklet_has_one_a5_page_per_letter_after_the_guide(pack: Report) -> None:
    reading = _path(pack, "-reading.pdf")
    texts = page_texts(reading)
    pages = _letter_pages(reading)
    assert len(pages) == len(LETTERS) and pages == list(range(pages[0], pages[0] + len(LETTERS)))
    guide = next(index for index, text in enumerate(texts) if text.startswith("Mode d’emploi"))
    assert guide < pages[0]
    for index in pages:
        assert texts[index].count("Objet\u202f:") == 1
        assert not texts[index].endswith(f" {index + 1}"), "a letter page carries no folio"


@pytest.mark.parametrize(("letter", "needles"), [
    # the ten-year DMP caveat (L1111-18), the optional postmark line (CRPA L112-1) and the full closing
    # formula (issue 24; FACTS.md §1b, §1c)
    ("opposition", ["L1111-13-1", "R1111-28", "six semaines après l’envoi", "R1111-36", "suppression expresse",
         "J’avais déjà un dossier médical partagé", "R1111-40", "L1111-14", "confirme toute opposition antérieure",
         "article\u00a012, paragraphe\u00a03", "un mois", "CNIL", "Pièce jointe\u202f: copie",
         "sa clôture, la suppression expresse de ses données (article R1111-36) et, pour tout dossier médical partagé "
         "conservé, son fondement et sa durée (article L1111-18)", "je vous prie de la lui transmettre", "À défaut, je saisirai la CNIL", "avis non reçu ou perdu",
         "Posté dans les six semaines\u202f: le cachet de la poste fait foi (article L112-1 du code des relations",
         "Veuillez agréer, Madame la Directrice, Monsieur le Directeur, l’expression de mes salutations distinguées"]),
    # a newborn often has no number of its own yet: the parent's identifies it, and the notice's date
    # (issue 24; FACTS.md §1c « Newborns »)
    ("opposition-representant", ["L1111-13-1", "L1111-14", "tenu compte de l’avis de ce majeur",
         "mesure de protection juridique", "représentation relative à la personne", "R1111-36", "L1111-18",
         "Mon numéro d’assuré social\u00a0:", "Le sien, s’il est connu\u00a0:", "avis de création daté du",
         "R1111-40", "confirme toute opposition antérieure", "paragraphe\u00a03", "CNIL",
         "justificatif de représentation", "veuillez agréer, Madame la Directrice, Monsieur le Directeur, l’expression de mes salutations distinguées",
         # the box the guide describes (part 3): refusal, confirmation, closure and deletion; any DMP
         # kept: its ground and duration (review of issue 24, findings 1, 3 and 11; FACTS.md §1b)
         "La personne représentée avait déjà un dossier médical partagé\u00a0: je refuse son intégration, confirme "
         "toute opposition antérieure et demande sa clôture et sa suppression (articles R1111-40 et L1111-14)",
         "et, pour tout dossier médical partagé conservé, son fondement et sa durée (article L1111-18)"]),
    ("cloture", ["R1111-36", "expressément la suppression", "dix ans à compter de la", "trois mois au plus",
         "L1111-18", "article\u00a018", "Veuillez agréer, Madame la Directrice, Monsieur le Directeur, l’expression de mes salutations distinguées", "paragraphe\u00a03", "un mois", "CNIL", "Pièce jointe\u202f: copie"]),
    # the guide sends a reader who did nothing to this letter: a box says so (issue 24)
    # its three cases one box each, each date its own; the full closing formula (review of issue 24,
    # findings 5 and 6)
    ("confirmation", ["Je n’ai fait aucune démarche. Le , je me suis opposé(e) à la création de mon espace. Le , "
         "j’ai demandé sa clôture et la suppression de ses données.", "à défaut, je saisirai la CNIL",
         "Veuillez agréer, Madame la Directrice, Monsieur le Directeur, l’expression de mes salutations distinguées", "article\u00a015", "paragraphe\u00a01, g", "L1111-19", "R1111-36", "un mois", "deux mois",
         "supprimées", "CNIL", "Pièce jointe"]),
])
def test_each_letter_asks_in_the_right_terms(pack: Report, letter: str, needles: list[str]) -> None:
    text = " ".join(page_texts(_path(pack, "-letters.pdf"))[LETTERS.index(letter)].replace("\u00a0", " ").split())
    # every letter: addressed to the reader's own caisse (CPAM, MSA…), which is asked to forward it to the
    # CNAM when the request is the CNAM's (FACTS.md §1b: CSP R1111-26 and R1111-41, CRPA L114-2)
    common = ["Lettre recommandée avec accusé de réception", "Objet\u202f:", "À l’attention du",
              "délégué à la protection des données", "CPAM, MSA", "Madame la Directrice, Monsieur le Directeur,",
              "salutations distinguées", "Date de naissance", "Caisse nationale de l’assurance maladie",
              "R1111-26", "R1111-41", "L114-2 du code des relations entre le public et l’administration"]
    for needle in common + needles:
        assert " ".join(needle.split()) in text, needle  # as the page text is joined: every space one
    assert "CPAM " not in text.replace("CPAM, MSA", ""), "no letter is bound to one scheme's caisse"


@pytest.mark.parametrize(("letter", "gone"), [
    # the review of issue 24: a pronoun with no antecedent, a number row that read as conditional and
    # named no « sécurité sociale », the register of « merci de … sinon »
    ("opposition-representant", "Elle avait déjà"), ("opposition-representant", "s’il m’est rattaché"),
    ("opposition-representant", "Son numéro,"), ("opposition-representant", "Merci de"),
    ("opposition", "Merci de"), ("opposition", "merci de"), ("opposition", "sinon je saisirai"),
    ("opposition", "sa clôture, expressément"), ("confirmation", "Veuillez agréer mes"),
    ("confirmation", "sinon je saisirai"),
])
def test_each_letter_has_lost_the_wording_the_review_flagged(pack: Report, letter: str, gone: str) -> None:
    text = " ".join(page_texts(_path(pack, "-letters.pdf"))[LETTERS.index(letter)].split())
    assert gone not in text


def test_fold_marks_at_99_and_198_mm_in_the_left_margin(pack: Report) -> None:
    for index in range(len(LETTERS)):
        image = _render(_path(pack, "-letters.pdf"), index)
        assert _dark(image, 0, 0, 5, 297) is None, "nothing in the outer 5 mm"
        marks = []
        for at in (99, 198):
            box = _dark(image, 0, at - 3, 19, at + 3)
            assert box is not None, f"no fold mark at {at} mm"
            left, top, right, bottom = (value / PX for value in box)
            assert 5 <= left and right <= 13 and abs(at - 3 + (top + bottom) / 2 - at) < 0.3
            marks.append(at)
        # nothing else in the left margin: the marks are the only ink there
        assert _dark(image, 0, 0, 19, 96) is None and _dark(image, 0, 102, 19, 195) is None
        assert _dark(image, 0, 201, 19, 297) is None


def test_a4_ink_stays_10_mm_from_the_edges(pack: Report) -> None:
    for index in range(len(LETTERS)):
        image = _render(_path(pack, "-letters.pdf"), index)
        assert _dark(image, 19, 0, 210, 10) is None and _dark(image, 19, 287, 210, 297) is None
        assert _dark(image, 200, 0, 210, 297) is None


def test_recipient_in_the_window_field(pack: Report) -> None:
    document = pdfium.PdfDocument(_path(pack, "-letters.pdf"))
    try:
        for page in document:
            text = page.get_textpage()
            for needle in ("CPAM, MSA", "À l’attention du", "délégué à la protection des données"):
                search = text.search(needle)
                assert search.get_next() is not None, needle
                start, count = search.get_next() or (0, 0)  # one occurrence only
                assert count == 0
        for page in document:
            height = page.get_height()
            text = page.get_textpage()
            found = text.search("À l’attention du").get_next()
            assert found is not None
            left, bottom, right, top = text.get_charbox(found[0])
            assert 110 <= left / MM <= 120 and 45 <= (height - top) / MM <= 80
            # the hint of the first line (the caisse's name) is in the window too
            found = text.search("CPAM, MSA").get_next()
            assert found is not None
            for char in (found[0], found[0] + found[1] - 1):
                left, bottom, right, top = text.get_charbox(char)
                assert 110 <= left / MM and right / MM <= 195.1 and 45 <= (height - top) / MM
                assert (height - bottom) / MM <= 80
    finally:
        document.close()
    for index in range(len(LETTERS)):
        # the address lines: write-on rules inside the window, the last one above its lower edge; the
        # first 1 mm short of the 8 mm pitch, for the room under its hint (templates/letters-pack.css)
        rules = [box for box in _boxes(_path(pack, "-letters.pdf"), index)
                 if min(abs(box[3] - 8), abs(box[3] - 7)) < 0.05 and box[0] >= 109.9 and box[1] < 80]
        assert len(rules) == 3
        for left, top, width, height in rules:
            assert left + width <= 195.1 and 45 <= top and top + height <= 80


def _rules(path: Path, index: int, pitch: float) -> list[tuple[float, float, float]]:
    """The write-on lines of a page: left, right and height of each, checked for ink and weight."""
    image = _render(path, index)
    found = []
    for left, top, width, height in _boxes(path, index):
        if abs(height - pitch) > 0.05 or width < 20:
            continue
        bottom = top + height
        strip = image.crop((round((left + 1) * PX), round((bottom - 0.6) * PX),
                            round((left + width - 1) * PX), round((bottom + 0.6) * PX)))
        rows = [sum(1 for value in strip.crop((0, y, strip.width, y + 1)).tobytes() if value < 128)
                for y in range(strip.height)]
        inked = [count for count in rows if count > 0.95 * strip.width]
        assert len(inked) >= 2, f"no rule of 0.5 pt or more under the field at {left:.0f}, {top:.0f} mm"
        found.append((left, left + width, bottom))
    return found


@pytest.mark.parametrize(("suffix", "pitch"), [("-letters.pdf", 8.0), ("-reading.pdf", 7.0)])
def test_write_on_lines_are_drawn_far_enough_apart(pack: Report, suffix: str, pitch: float) -> None:
    path = _path(pack, suffix)
    pages = range(len(LETTERS)) if suffix == "-letters.pdf" else _letter_pages(path)
    for index in pages:
        rules = _rules(path, index, pitch)
        assert len(rules) >= 8
        for first in rules:
            for second in rules:
                overlap = min(first[1], second[1]) - max(first[0], second[0])
                if first is not second and overlap > 0:
                    assert abs(first[2] - second[2]) >= pitch - 0.01, (first, second)


@pytest.mark.parametrize(("suffix", "cell"), [("-letters.pdf", 5.0), ("-reading.pdf", 4.2)])
def test_nir_is_13_and_2_boxes_and_checkboxes_are_drawn(pack: Report, suffix: str, cell: float) -> None:
    path = _path(pack, suffix)
    pages = range(len(LETTERS)) if suffix == "-letters.pdf" else _letter_pages(path)
    checkboxes = []
    rows = {"opposition": 1, "opposition-representant": 2, "cloture": 1, "confirmation": 1}
    for name, index in zip(LETTERS, pages):
        boxes = _boxes(path, index)
        found = sorted(box for box in boxes if abs(box[2] - cell) < 0.05 and abs(box[3] - cell * 1.3) < 0.05)
        # the representative's letter has two: the represented person's and the writer's own (issue 24)
        tops = sorted({round(box[1], 1) for box in found})
        assert len(tops) == rows[name], "one row per number"
        for top in tops:
            cells = sorted(box for box in found if round(box[1], 1) == top)
            assert len(cells) == 15
            gaps = [round(b[0] - a[0] - a[2], 1) for a, b in zip(cells, cells[1:])]
            assert max(gaps) == max(gaps[-2:]) and max(gaps) >= 3, "the key stands apart from the 13 digits"
        checkboxes.append(sum(1 for box in boxes if abs(box[2] - 3.6) < 0.05 and abs(box[3] - 3.6) < 0.05))
    expected = {"opposition": 4, "opposition-representant": 2, "cloture": 0, "confirmation": 4}
    assert checkboxes == [expected[name] for name in LETTERS]


def test_cut_line_on_the_spine_side_of_each_a5_letter(pack: Report) -> None:
    reading = _path(pack, "-reading.pdf")
    for index in _letter_pages(reading):
        image = _render(reading, index)
        recto = index % 2 == 0  # page 1 is a recto
        spine = 5.5 if recto else 148 - 6.5  # the cut line: 6 mm from the fold
        line = _dark(image, spine, 10, spine + 1, 200)
        assert line is not None and line[3] - line[1] > 150 * PX, "a dotted line down the spine side"
        assert _dark(image, 148 - spine - 1, 0, 148 - spine, 210) is None, "none on the outer side"
        # ink keeps 10 mm from the sheet's edges (the outer page edge is 0.5 mm inside the sheet's)
        assert _dark(image, 0, 0, 148, 10) is None and _dark(image, 0, 200, 148, 210) is None
        outer = 138.5 if recto else 0
        assert _dark(image, outer, 0, outer + 9.5, 210) is None


def test_fillable_pack_has_form_fields(pack: Report) -> None:
    assert not any(out.path.name.endswith("-fillable.pdf") for out in _without_fillable(pack))
    reader = PdfReader(_path(pack, "-letters-fillable.pdf"))
    fields = reader.get_fields() or {}
    for letter in LETTERS:
        for key in ("nom", "adresse", "commune", "caisse", "caisse-adresse", "caisse-commune", "lieu", "date",
                    "date-naissance"):
            assert fields[f"{letter}-{key}"]["/FT"] == "/Tx", (letter, key)
    widgets = {str(annot.get_object()["/T"]): annot.get_object() for annot in reader.pages[0]["/Annots"]}
    assert int(widgets["opposition-nir"]["/MaxLen"]) == 13 and int(widgets["opposition-nir-cle"]["/MaxLen"]) == 2
    assert fields["opposition-representant-represente-nir"]["/FT"] == "/Tx"
    assert fields["opposition-case-1"]["/FT"] == "/Btn" and fields["confirmation-case-3"]["/FT"] == "/Btn"
    assert sum(1 for field in fields.values() if field["/FT"] == "/Btn") == 10
    # each widget is on the page of its letter, and the window fields sit in the window
    for number, page in enumerate(reader.pages):
        names = {str(annot.get_object()["/T"]) for annot in page.get("/Annots", [])}
        assert f"{LETTERS[number]}-caisse-adresse" in names
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if str(annot["/T"]).endswith("caisse-adresse"):
                left, bottom, right, top = (float(value) / MM for value in annot["/Rect"])
                assert 110 <= left and right <= 195.1 and 45 <= 297 - top and 297 - bottom <= 80


def _without_fillable(report: Report) -> tuple[object, ...]:
    """What a build without --fillable writes: the fillable copy is opt-in."""
    return tuple(out for out in report.outputs if "fillable" not in out.path.name)


# Errors: a letter too long for its page, and placeholders a reader could not fill in.

@pytest.fixture
def sample(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def _add_letter(project: Path, body: str) -> None:
    (project / "content" / "lettre.md").write_text("---\ntitle: Lettre d’essai\nkind: letter\n---\n\n" + body,
                                                   encoding="utf-8")
    manifest = project / "content" / "zine.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"cinq.md"]', '"cinq.md", "lettre.md"]'),
                        encoding="utf-8")


def _build(project: Path) -> Report:
    return build_in(project)


HEAD = "[[nom]]\n[[adresse]]\n\n> CPAM [[caisse]]\n> [[caisse-adresse]]\n\n"


def test_a_letter_that_fits_builds_a_one_page_pack(sample: Path) -> None:
    _add_letter(sample, HEAD + "Objet : essai\n\nNuméro : [[nir]]\n\n- [ ] oui\n- [ ] non\n\n> [[signature]]\n")
    report = _build(sample)
    assert [out.path.name for out in report.outputs][-1] == "zine-d-essai-letters.pdf"
    assert report.outputs[-1].pages == 1


def test_overflowing_letter_stops_the_build_naming_it(sample: Path) -> None:
    _add_letter(sample, HEAD + "Un paragraphe assez long pour remplir une ligne entière de la lettre.\n\n" * 60)
    with pytest.raises(BuildError) as error:
        _build(sample)
    match = re.search(r"content/lettre\.md: the letter does not fit on one A5 page: it runs over by (\d+) mm",
                      str(error.value))
    assert match and int(match.group(1)) > 100, str(error.value)
    assert not (sample / "output" / "zine-d-essai-reading.pdf").exists()


@pytest.mark.parametrize(("body", "message"), [
    (HEAD + "Nom : [[Nom]]\n", "content/lettre.md:12: field [[Nom]]: a key is lower-case letters"),
    (HEAD + "Nom : [[nom\n", "content/lettre.md:12: a field opens with [[ and closes with ]]"),
    ("[[nom]]\n\nObjet : pas de destinataire\n", "content/lettre.md:5: a letter starts with the sender's address"),
    (HEAD + "> > imbriqué\n", "content/lettre.md:12: a '>' block inside a '>' block"),
])
def test_placeholder_errors_name_file_and_line(sample: Path, body: str, message: str) -> None:
    _add_letter(sample, body)
    with pytest.raises(BuildError) as error:
        _build(sample)
    assert message in str(error.value)


def _ink_between(path: Path, index: int, above: str, below: str) -> float:
    """The clear height (mm) between the glyphs of the line `above` and those of `below` on a page."""
    document = pdfium.PdfDocument(path)
    try:
        textpage = document[index].get_textpage()
        text = textpage.get_text_range()

        def boxes(words: str) -> list[tuple[float, float, float, float]]:
            start = text.index(words)
            return [textpage.get_charbox(at) for at in range(start, start + len(words)) if not text[at].isspace()]
        return (min(box[1] for box in boxes(above)) - max(box[3] for box in boxes(below))) / MM
    finally:
        document.close()


@pytest.mark.parametrize("suffix", ["-letters.pdf", "-reading.pdf"])
def test_the_caisse_hint_keeps_clear_of_the_line_under_it(pack: Report, suffix: str) -> None:
    # it touched « À l'attention du » and read as one with it (review of issue 24, finding 13)
    path = _path(pack, suffix)
    pages = [index for index, text in enumerate(page_texts(path)) if "À l’attention du" in text]
    assert len(pages) == len(LETTERS)
    for index in pages:
        assert _ink_between(path, index, "CPAM, MSA… et département", "À l’attention du") >= 0.5
