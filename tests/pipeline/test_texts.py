"""Real texts on paper (issue 12): the test zine in tests/texts built, and its PDFs read back.

Notes sit below the text of the page that calls them (A5 and A6), a wide table is set smaller
with a warning naming its file and line, poems keep their verses, link addresses print, and the
reading edition is PDF/UA-1 (structure tree, Marked, Lang, DisplayDocTitle, Figures with Alt,
bookmarks) while the booklet stays a print file. Three small builds, each shared by its tests.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from builder.build import Options
from builder.model import Report
from builder.render import notices
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from conftest import ROOT, build_in, page_texts

TEXTS = Path(__file__).resolve().parent.parent / "texts"
NOTES = {  # the text of each note, and the word just before its call, in the text of its page
    "Écran total Occitanie, « Pourquoi nous": "première",
    "Loi nº 2019-774 du 24 juillet 2019": "phrase",
    "Une note en ligne, sans étiquette.": "même",
    "le site de la CNIL": "sensibles",
    "ecrantotal.example.org/mon-espace-sante": "total",
    "collectif@example.org": "collectif",
}


def _project(folder: Path, manifest: str = "", narrow_table: bool = False) -> Path:
    shutil.copytree(TEXTS / "content", folder / "content")
    shutil.copytree(ROOT / "templates", folder / "templates")
    toml = folder / "content/zine.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + manifest, encoding="utf-8")
    if narrow_table:  # an A6 page holds eight of the twelve columns
        tables = folder / "content/tableaux.md"
        tables.write_text("\n".join("|" + "|".join(line.split("|")[1:9]) + "|" if line.count("|") > 10 else line
                                    for line in tables.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def a5(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_in(_project(tmp_path_factory.mktemp("texts-a5")), options=Options(previews=False))


@pytest.fixture(scope="module")
def a6(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_in(_project(tmp_path_factory.mktemp("texts-a6"), 'format = "A6"\n', narrow_table=True),
                    options=Options(previews=False))


@pytest.fixture(scope="module")
def endnotes(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_in(_project(tmp_path_factory.mktemp("texts-end"), 'notes = "endnotes"\nlinks = "after"\n'),
                    options=Options(previews=False))


def _reading(report: Report) -> Path:
    return next(pdf.path for pdf in report.outputs if pdf.path.name.endswith("-reading.pdf"))


def _lines(path: Path) -> Iterator[tuple[int, str, float, float]]:
    """Each line of text of each page: page (0-based), text, its top and bottom in mm from the page's
    top. pdfium gives a line in several rects where a span starts (typography's kept dates): the
    rects of one line (the same top, to half a point) are joined, left to right."""
    document = pdfium.PdfDocument(path)
    try:
        for number, page in enumerate(document):
            height = page.get_height()
            text = page.get_textpage()
            rows: dict[int, list[tuple[float, str, float, float]]] = {}
            for rect in range(text.count_rects()):
                left, bottom, right, top = text.get_rect(rect)
                rows.setdefault(round(top * 2), []).append((left, text.get_text_bounded(left, bottom, right, top),
                                                            top, bottom))
            for row in rows.values():
                row.sort()
                top, bottom = max(one[2] for one in row), min(one[3] for one in row)
                yield (number, " ".join(" ".join(one[1] for one in row).split()),
                       (height - top) / 72 * 25.4, (height - bottom) / 72 * 25.4)
    finally:
        document.close()


def _below_its_call(path: Path) -> None:
    lines = list(_lines(path))
    for note, call in NOTES.items():
        [(page, _, note_top, _)] = [line for line in lines if note in line[1]]
        calls = [line for line in lines if line[0] == page and call in line[1] and note not in line[1]]
        assert calls, f"the call of {note!r} is not on page {page + 1}, where its note is"
        body = [line for line in lines if line[0] == page and line[2] < note_top and not line[1].isdigit()]
        notes = [line for line in lines if line[0] == page and line[2] >= note_top]
        assert max(bottom for *_, bottom in body) < note_top, f"{note!r} is not below the text of page {page + 1}"
        assert all(line[2] > calls[0][3] for line in notes)


def test_every_note_sits_below_the_text_of_the_page_that_calls_it(a5: Report) -> None:
    _below_its_call(_reading(a5))


def test_every_note_sits_below_the_text_of_the_page_that_calls_it_on_a6(a6: Report) -> None:
    assert a6.outputs[0].size.width == pytest.approx(105, abs=0.5)
    _below_its_call(_reading(a6))


def test_notes_are_numbered_per_part_and_a_second_call_repeats_the_number(a5: Report) -> None:
    texts = page_texts(_reading(a5), lines=True)
    notes_page = next(text for text in texts if "Des notes en bas de page" in text and "Sommaire" not in text)
    assert "1.\u00a0Écran total Occitanie" in notes_page and "2.\u00a0Loi nº\u00a02019-774" in notes_page
    assert "première note1" in notes_page.replace("\n", " ")  # the first note called again: its number
    links_page = next(text for text in texts if "Des liens sur papier" in text and "Sommaire" not in text)
    assert "1.\u00a0ecrantotal.example.org/mon-espace-sante" in links_page  # the numbers start again in each part


def test_the_wide_table_is_set_smaller_to_fit_with_a_warning_naming_its_file_and_line(a5: Report) -> None:
    [warning] = [finding for finding in a5.findings if "table" in finding.message]
    assert warning.severity == "warning"
    assert warning.message.startswith("content/tableaux.md:16: this table was ") and "instead of 9.0 pt" in \
        warning.message
    document = pdfium.PdfDocument(_reading(a5))
    try:
        [page] = [page for page in document if "Réunions" in page.get_textpage().get_text_bounded()]
        text = page.get_textpage()
        rights = [text.get_charbox(index)[2] for index in range(text.count_chars())]
        assert max(rights) / 72 * 25.4 <= 148 - 14 + 0.3  # inside the text area: the outer margin is 14 mm
    finally:
        document.close()
    assert not [finding for finding in a5.findings if "below 7 pt" in finding.message]


def test_a_poem_keeps_its_lines_and_a_pasted_tab_stays_text(a5: Report) -> None:
    texts = page_texts(_reading(a5), lines=True)
    assert "Ils ont mis nos corps en fiches,\nnos fièvres en colonnes,\net nos silences" in "\n".join(texts)
    assert "Ce paragraphe a été collé avec une tabulation" in "\n".join(texts)


def test_endnotes_print_at_the_end_of_each_part_and_addresses_after_their_links(endnotes: Report) -> None:
    texts = page_texts(_reading(endnotes), lines=True)
    whole = "\n".join(texts)
    first = whole.index("Des notes en bas de page\n")  # the part, not its line in the contents
    heading = whole.index("\nNotes\n", first)
    assert whole.index("entre les mains") > heading > whole.index("appels, et leur texte est en petit corps", first)
    assert whole.index("Écran total Occitanie", heading) < whole.index("Loi nº", heading) < whole.index(
        "Une note en ligne", heading)
    assert "(ecrantotal.example.org/mon-espace-sante)" in whole.replace("\n", "")


# The accessible reading edition -------------------------------------------------------------

def _structure(reader: PdfReader) -> list[DictionaryObject]:
    """Every element of the structure tree."""
    found: list[DictionaryObject] = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if isinstance(node, DictionaryObject):
            if node.get("/Type") == "/StructElem":
                found.append(node)
            kids = node.get("/K")
            if kids is not None:
                kids = kids.get_object()
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_the_reading_edition_is_pdf_ua(a5: Report) -> None:
    reader = PdfReader(_reading(a5))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/Lang"] == "fr"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    kinds = {str(element["/S"]) for element in _structure(reader)}
    assert {"/Document", "/H1", "/H2", "/P", "/Table", "/TH", "/TD", "/Figure", "/Link"} <= kinds


def test_every_described_picture_is_a_figure_with_its_description(a5: Report) -> None:
    figures = [element for element in _structure(PdfReader(_reading(a5))) if element["/S"] == "/Figure"]
    described = sorted(str(element["/Alt"]).replace("\u00a0", " ") for element in figures if "/Alt" in element)
    assert described == ["Un plan : une ligne brisée dans un cadre",  # the cover's, from the manifest
                         "Un plan du quartier : une ligne brisée dans un cadre"]
    assert len(figures) == 3  # and the decorative flourish, without one (WeasyPrint 70 cannot make it an artifact)
    assert not [finding for finding in a5.findings if "description" in finding.message]


def test_bookmarks_put_a_hash_heading_below_its_part(a5: Report) -> None:
    outline = PdfReader(_reading(a5)).outline

    def titles(items: list[Any], depth: int = 0) -> list[tuple[int, str]]:
        found = []
        for item in items:
            if isinstance(item, list):
                found += titles(item, depth + 1)
            else:
                found.append((depth, item.title))
        return found

    found = titles(outline)
    part = next(depth for depth, title in found if title == "Des notes en bas de page")
    heading = next(depth for depth, title in found if title == "Un intertitre écrit avec un seul dièse")
    assert heading == part + 1
    # the title as the heading prints it: a number word and the noun it counts joined (issue 24, FACTS.md §4)
    assert (heading + 1, "Un intertitre écrit avec deux\u00a0dièses") in found


def test_the_booklet_stays_a_print_file(a5: Report) -> None:
    booklet = next(pdf.path for pdf in a5.outputs if pdf.path.name.endswith("-booklet.pdf"))
    root = PdfReader(booklet).trailer["/Root"]
    assert "/StructTreeRoot" not in root and "/MarkInfo" not in root


def test_weasyprint_s_missing_description_is_a_warning_said_by_the_markdown_reader() -> None:
    assert notices.notice('Image "file:///x/a.png" has no required alt description') == ""
    assert notices.notice('Missing required "lang" attribute at the root of the document') is None


def test_links_keep_working_in_the_reading_edition(a5: Report) -> None:
    reader = PdfReader(_reading(a5))
    [page] = [page for page in reader.pages if "Des liens sur papier" in page.extract_text()
              and "Sommaire" not in page.extract_text()]
    links = [annotation.get_object() for annotation in page.get("/Annots", [])]
    assert "tableaux" in {str(link.get("/Dest")) for link in links}  # [aux tableaux](#tableaux): the part
    assert {"https://ecrantotal.example.org/mon-espace-sante", "mailto:collectif@example.org"} <= \
        {str(link["/A"]["/URI"]) for link in links if "/A" in link}
