"""End to end: build the sample project and the shipped zine, then read the PDFs back."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from builder.model import Report
from pypdf import PdfReader

from conftest import half_texts, page_texts

MM = 72 / 25.4


def sizes_mm(path: object) -> set[tuple[float, float]]:
    reader = PdfReader(path)  # type: ignore[arg-type]
    return {(round(float(p.mediabox.width) / MM, 1), round(float(p.mediabox.height) / MM, 1)) for p in reader.pages}


def test_reading_pages_are_a5(sample_build: Report) -> None:
    reading = sample_build.outputs[0]
    assert reading.path.name == "zine-d-essai-reading.pdf"
    assert sizes_mm(reading.path) == {(148.0, 210.0)}
    assert len(PdfReader(reading.path).pages) == reading.pages == 10


def test_booklet_sides_are_a4_landscape(sample_build: Report) -> None:
    booklet = sample_build.outputs[1]
    assert sizes_mm(booklet.path) == {(297.0, 210.0)}
    assert len(PdfReader(booklet.path).pages) == 6
    assert sample_build.sheets == 3
    assert sample_build.blanks == (10, 11)


def test_booklet_holds_every_page_once_in_saddle_order(sample_build: Report) -> None:
    reading, booklet = (out.path for out in sample_build.outputs)
    pages = page_texts(reading)
    assert len(set(pages)) == len(pages), "sample pages must be distinguishable"
    found = []
    for left, right in half_texts(booklet):
        found.append((pages.index(left) + 1 if left else None, pages.index(right) + 1 if right else None))
    # 10 pages + 2 blanks before the back cover: booklet order 1…9, _, _, 10
    assert found == [(10, 1), (2, None), (None, 3), (4, 9), (8, 5), (6, 7)]


def test_back_cover_is_the_last_booklet_page(sample_build: Report) -> None:
    reading, booklet = (out.path for out in sample_build.outputs)
    first_front_left = half_texts(booklet)[0][0]
    assert "DOS-DU-LIVRET" in first_front_left
    assert "DOS-DU-LIVRET" in page_texts(reading)[-1]


def test_metadata(sample_build: Report) -> None:
    for out in sample_build.outputs:
        reader = PdfReader(out.path)
        assert reader.metadata is not None
        assert reader.metadata.title == "Zine d’essai"
        assert reader.metadata.author == "Collectif d’essai"
        assert str(reader.root_object["/Lang"]) == "fr"


def test_fonts_are_the_shipped_ones_and_embedded(sample_build: Report) -> None:
    for out in sample_build.outputs:
        fonts = set()
        for page in PdfReader(out.path).pages:
            for form in _forms(page):
                for font in form.get("/Resources", {}).get("/Font", {}).values():
                    font = font.get_object()
                    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] \
                        if "/DescendantFonts" in font else font["/FontDescriptor"]
                    assert "/FontFile2" in descriptor or "/FontFile3" in descriptor or "/FontFile" in descriptor
                    fonts.add(str(font["/BaseFont"]).split("+")[-1])
        assert fonts and all(name.startswith("Charis") for name in fonts), fonts


def _forms(page: object) -> list[dict]:  # type: ignore[type-arg]
    """The page itself and the Form XObjects it draws (imposed pages live in those)."""
    found = [page]
    for xobject in page.get("/Resources", {}).get("/XObject", {}).values():  # type: ignore[attr-defined]
        found.append(xobject.get_object())
    return found  # type: ignore[return-value]


PARTS = ("Partie un", "Partie deux", "Partie trois", "Partie quatre", "Partie cinq")
"""The sample's part titles, in manifest order."""


def check_contents(pages: list[str], titles: tuple[str, ...]) -> None:
    """The contents page lists every title once, in order, with the page on which it starts."""
    listed = re.findall(r"(" + "|".join(map(re.escape, titles)) + r")[ .\u00a0]+(\d+)", pages[1])
    starts = {title: number for number, text in enumerate(pages, start=1) for title in titles
              if text.startswith(f"{title} ")}
    assert [title for title, _ in listed] == list(titles), f"contents: {listed}"
    assert set(starts) == set(titles), f"parts found starting a page: {starts}"
    assert {title: int(number) for title, number in listed} == starts


def test_folios_and_contents_page_numbers(sample_build: Report) -> None:
    pages = page_texts(sample_build.outputs[0].path)
    assert "Sommaire" in pages[1]
    check_contents(pages, PARTS)
    # inner pages end with their folio; the cover and back cover have none
    assert pages[2].endswith(" 3")
    assert not pages[0].endswith(" 1")


@pytest.mark.parametrize("change", [
    lambda pages: [pages[0], pages[1].replace("\u00a03", "\u00a09"), *pages[2:]],  # a wrong number
    lambda pages: [pages[0], pages[1].replace("Partie deux", "Partie second"), *pages[2:]],  # an entry missing
    lambda pages: [*pages[:3], "Partie quatre " + pages[3], *pages[4:]],  # a part on another page
])
def test_the_contents_check_fails_on_wrong_contents(sample_build: Report, change: Callable[[list[str]], list[str]]
                                                    ) -> None:
    """The check above can fail: each of these contents pages is wrong."""
    with pytest.raises(AssertionError):
        check_contents(change(page_texts(sample_build.outputs[0].path)), PARTS)


def test_shipped_zine_builds(shipped_build: Report) -> None:
    reading, booklet = shipped_build.outputs[:2]  # the letter pack follows (tests/test_letters.py)
    assert sizes_mm(reading.path) == {(148.0, 210.0)}
    assert sizes_mm(booklet.path) == {(297.0, 210.0)}
    assert booklet.pages == 2 * shipped_build.sheets
    text = " ".join(page_texts(reading.path))
    for needle in ("Pourquoi nous refusons", "Écran total Occitanie", "6\u00a0octobre\u00a02022",
                   "L’Antivol-papier n\u00ba\u00a018", "avril-juin\u00a02025", "Pour aller plus loin",
                   "Anti-copyright", "Prix libre"):
        assert needle in text, needle


@pytest.mark.parametrize("sentence", [
    "Derrière un air de simplification, c’est un pas supplémentaire dans la collecte d’informations",
    "touchant 500\u202f000\u00a0personnes",
    "libertés civiles conquises par les peuples européens au XIX",
    "Le groupe Écran total Occitanie, 6\u00a0octobre\u00a02022",
    "vous avez six semaines à compter de l’envoi du courrier pour refuser",
    "3.3.b Exercer son droit d’opposition via le support téléphonique",
])
def test_article_is_transcribed(shipped_build: Report, sentence: str) -> None:
    text = " ".join(page_texts(shipped_build.outputs[0].path)).replace("\u00ad", "")
    # undo end-of-line hyphenation as pdfium reports it (a hyphen then a line break)
    text = " ".join(text.replace("- ", "").replace("\ufffe", "").split())  # every space one (no-break ones too)
    assert " ".join(sentence.replace("- ", "").split()) in text


def test_pages_left_blank_inside_the_zine_are_reported(tmp_path: pytest.TempPathFactory) -> None:
    """A part ending on a right-hand page before the letters leaves a blank page: the report says so."""
    import shutil

    from conftest import ROOT, build_project

    project = Path(str(tmp_path))
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    (project / "content/temoignage.md").write_text("---\ntitle: Témoignage\n---\n\nUne page de plus.\n",
                                                   encoding="utf-8")
    manifest = project / "content/zine.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('  "guide.md",\n', '  "guide.md",\n  "temoignage.md",\n'), encoding="utf-8")
    report = build_project(project, project / "output")
    pages = page_texts(report.outputs[0].path)
    assert report.inner_blanks, "the letters start on a right-hand page: one page is left blank"
    for number in report.inner_blanks:
        assert pages[number - 1] == "", f"page {number} is reported blank"
    assert all(page for number, page in enumerate(pages, start=1) if number not in report.inner_blanks)
