"""Another collective's zine: in English, with a picture and notes, no price, no licence, no cover.

Nothing of the shipped zine may show up in it, and every word the tool adds is English."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from builder.build import Options
from builder.model import Report
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT, build_in, page_texts

MANIFEST = '''title = "Our Shared Garden"
author = "The Allotment Collective"
lang = "en"
date = 2026-11-28
edition = "First edition"
parts = ["why.md", "print.md", "letters/council.md"]
back_cover = "back.md"
minizine = "pocket.md"
'''
PARTS = {
    "why.md": "---\ntitle: Why a garden\nnote: Seed dates checked in November 2026.\n---\n\n"
              "We grow beans and friendships. \"Don't forget the '90s,\" says Ann, who brings 12\" records.\n\n"
              "![The first beds](images/beds.png)\n",
    "print.md": "---\ntitle: Printing\nkind: print\n---\n\nCopy it on both sides.\n",
    "letters/council.md": "---\ntitle: Letter to the council\nkind: letter\n---\n\n[[name: your name]]\n"
                          "[[address]]\n\n> Town Council\n> Parks Department\n\n> [[place]], [[date]]\n\n"
                          "Please keep the garden open.\n\n> [[signature]]\n",
    "back.md": "---\ntitle: Back\nnote: Printed by hand, shared by hand.\n---\n\nCome and dig.\n",
    "pocket.md": "---\ntitle: Pocket\n---\n\n## Dig\n\nDig.\n\n## Sow\n\nSow.\n",
}


def _garden(folder: Path, lang: str = "en") -> Path:
    (folder / "content/letters").mkdir(parents=True)
    (folder / "content/images").mkdir()
    Image.new("L", (300, 200), 90).save(folder / "content/images/beds.png")
    (folder / "content/zine.toml").write_text(MANIFEST.replace('lang = "en"', f'lang = "{lang}"'), encoding="utf-8")
    for name, text in PARTS.items():
        (folder / "content" / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def garden(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_in(_garden(tmp_path_factory.mktemp("garden")), templates=ROOT / "templates")


def _text(report: Report) -> str:
    return " ".join(text for out in report.outputs for text in page_texts(out.path))


def test_the_tools_words_are_english(garden: Report) -> None:
    pages = page_texts(garden.outputs[0].path)
    assert pages[0].startswith("The Allotment Collective Our Shared Garden") and "November\u00a028,\u00a02026" in pages[0]  # a date on one line (issue 24)
    assert pages[1].startswith("Contents ")
    assert "This booklet: 8\u00a0pages, that is 2\u00a0sheets of A4\u00a0printed on both sides (flip on the short edge), per copy." in " ".join(pages)
    assert "signature" in " ".join(page_texts(garden.outputs[2].path)), "the letter's signature box"


def test_nothing_of_the_shipped_zine_and_no_french(garden: Report) -> None:
    text = _text(garden)
    for word in ("Sommaire", "novembre", "feuilles", "recto", "Prix libre", "Anti-copyright", "legifrance",
                 "Textes réunis", "Textes lus", "Écran total"):
        assert word not in text, word


def test_the_typography_is_english(garden: Report) -> None:
    """Straight quotes typed in the content come out curly and English, the inch mark as ″ (FACTS.md §4b)."""
    text = _text(garden)
    assert "\u201cDon\u2019t forget the \u201990s,\u201d says Ann, who brings 12\u2033 records." in text
    for mark in ("«", "»", '"', "'"):
        assert mark not in text, mark


def test_notes_end_their_part_and_the_back_cover(garden: Report) -> None:
    pages = page_texts(garden.outputs[0].path)
    why = next(text for text in pages if text.startswith("Why a garden"))
    assert why.endswith("Seed dates checked in November\u00a02026. 3")  # then the folio
    assert "Printed by hand, shared by hand." in pages[-1]


def test_the_picture_is_printed(garden: Report) -> None:
    document = pdfium.PdfDocument(garden.outputs[0].path)
    try:
        kinds = [item.type for page in document for item in page.get_objects(max_depth=3)]
    finally:
        document.close()
    assert kinds.count(pdfium_c.FPDF_PAGEOBJ_IMAGE) == 1


def test_a_language_without_words_builds_in_english_and_says_so(tmp_path: Path) -> None:
    lines: list[str] = []
    report = build_in(_garden(tmp_path, "de"), templates=ROOT / "templates", options=Options(previews=False),
                      log=lines.append)
    assert any("no words for 'de' here" in line for line in lines), lines
    pages = page_texts(report.outputs[0].path)
    assert pages[1].startswith("Contents ") and "28.\u00a0November\u00a02026" in pages[0]


@pytest.mark.parametrize(("lang", "credit"), [("en", "Ann, Bea, and the Allotment Collective"),
                                              ("fr", "Ann, Bea et the Allotment Collective")])
def test_a_list_of_authors_prints_on_the_cover_as_the_language_writes_it(tmp_path: Path, lang: str,
                                                                        credit: str) -> None:
    """`author` as a list: CLDR's list pattern of the zine's language (words.listed), on the
    cover and in the PDF's author (issue 22 follow-up)."""
    folder = _garden(tmp_path, lang)
    manifest = folder / "content/zine.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        'author = "The Allotment Collective"', 'author = ["Ann", "Bea", "the Allotment Collective"]'),
        encoding="utf-8")
    report = build_in(folder, templates=ROOT / "templates", options=Options(previews=False))
    reading = report.outputs[0].path
    assert credit.upper() in page_texts(reading)[0].upper()  # small capitals: the case is the font's
    assert PdfReader(reading).metadata.author == credit
