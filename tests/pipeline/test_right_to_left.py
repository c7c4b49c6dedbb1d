"""Right-to-left zines (issue 22): an Arabic zine and a Hebrew one, each built once, read back.

The texts are short plain sentences about a shared garden ("we plant beans and tomatoes in
spring", "we collect rainwater in barrels"…), in Arabic and in Hebrew."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder.build import Options
from builder.model import Report
from pypdf import PdfReader

from conftest import ROOT, build_in, grid_texts, half_texts, page_texts

ARABIC = {
    "الحديقة": "نزرع الفول والطماطم في الربيع.",
    "البذور": "نحفظ البذور في علب صغيرة.",
    "الماء": "نجمع ماء المطر في براميل.",
    "الأدوات": "نضع الأدوات في الكوخ بعد العمل.",
    "الجيران": "الحديقة مفتوحة للجميع.",
    "الصيف": "الماء قليل في الصيف.",
    "اللقاء": "نلتقي كل يوم سبت في الصباح.",
}
HEBREW = {
    "הגינה": "אנחנו שותלים עגבניות באביב.",
    "המים": "אנחנו אוספים מי גשם.",
    "הזרעים": "שומרים את הזרעים בקופסאות קטנות.",
}


def _zine(folder: Path, title: str, lang: str, parts: dict[str, str], extra: str = "") -> Path:
    (folder / "content").mkdir(parents=True)
    names = [f"{number:02}.md" for number in range(1, len(parts) + 1)]
    (folder / "content/zine.toml").write_text(
        f'title = "{title}"\nlang = "{lang}"\ndate = 2026-11-28\nedition = "1"\nparts = {names!r}\n'
        'minizine = "pocket.md"\n' + extra, encoding="utf-8")
    for name, (heading, text) in zip(names, parts.items(), strict=True):
        (folder / "content" / name).write_text(f"---\ntitle: {heading}\n---\n\n{text}\n", encoding="utf-8")
    pocket = "".join(f"## {heading}\n\n{text}\n\n" for heading, text in parts.items())
    (folder / "content/pocket.md").write_text(f"---\ntitle: pocket\n---\n\n{pocket}", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, list[str]]:
    log: list[str] = []
    folder = _zine(tmp_path_factory.mktemp("arabic"), "حديقتنا المشتركة", "ar", ARABIC)
    return build_in(folder, templates=ROOT / "templates", options=Options(previews=False), log=log.append), log


@pytest.fixture(scope="module")
def hebrew(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = _zine(tmp_path_factory.mktemp("hebrew"), "הגינה שלנו", "he", HEBREW, 'format = "A6"\n')
    return build_in(folder, templates=ROOT / "templates", options=Options(previews=False))


def _path(report: Report, suffix: str) -> Path:
    [path] = [out.path for out in report.outputs if out.path.name.endswith(suffix)]
    return path


def _positions(report: Report, pages: int) -> list[int | None]:
    """The reading page at each booklet position (1-based), None for a blank added."""
    order: list[int | None] = list(range(1, pages + 1))
    at = report.blanks[0] - 1 if report.blanks else pages
    return order[:at] + [None] * len(report.blanks) + order[at:]


def test_the_booklet_read_in_folding_order_runs_right_to_left(arabic: tuple[Report, list[str]]) -> None:
    """Sheet k's front holds booklet pages 2k−1 | N−2k+2 and its back N−2k+1 | 2k, left to right:
    the first page on the left half, the last on the right (FACTS.md §3 mirrored)."""
    report, log = arabic
    reading = page_texts(_path(report, "-reading.pdf"))
    assert 8 <= len(reading) <= 12 and len(set(reading)) == len(reading)
    positions = _positions(report, len(reading))
    count = len(positions)
    found = [tuple(None if not text else reading.index(text) + 1 for text in halves)
             for halves in half_texts(_path(report, "-booklet.pdf"))]
    expected = [pair for k in range(1, count // 4 + 1) for pair in (
        (positions[2 * k - 2], positions[count - 2 * k + 1]), (positions[count - 2 * k], positions[2 * k - 1]))]
    assert found == expected and found[0] == (1, len(reading)), "the cover on the left half, the back on the right"
    assert any("imposing the booklet" in line and line.endswith("bound on the right") for line in log)


def test_an_arabic_title_names_the_files_zine_and_the_build_says_so(arabic: tuple[Report, list[str]]) -> None:
    """No transliteration library is installed: the files are named zine-…, and the summary's
    warnings name the title's line and the `slug` key (issue 22 follow-up)."""
    report, log = arabic
    assert {out.path.name for out in report.outputs} >= {"zine-reading.pdf", "zine-booklet.pdf", "zine-minizine.pdf"}
    [said] = [finding for finding in report.findings if "its Arabic letters have none" in finding.message]
    assert (str(said.path), said.line, said.severity) == ("content/zine.toml", 1, "warning")
    assert "named zine-reading.pdf" in said.message and 'set slug = "…"' in said.message
    assert any(line.endswith("1 warning on the text too") for line in log)


def test_the_reading_edition_asks_viewers_for_right_to_left(arabic: tuple[Report, list[str]], hebrew: Report) -> None:
    for path in (_path(arabic[0], "-reading.pdf"), _path(hebrew, "-reading.pdf")):
        preferences = PdfReader(path).trailer["/Root"]["/ViewerPreferences"]
        assert preferences["/Direction"] == "/R2L" and preferences["/DisplayDocTitle"], path.name


@pytest.mark.parametrize(("which", "font"), [("arabic", "Noto-Naskh-Arabic"), ("hebrew", "Noto-Serif-Hebrew")])
def test_the_text_is_shaped_and_set_from_the_right(which: str, font: str, request: pytest.FixtureRequest) -> None:
    """The letters come back in logical order, from the script's font; a heading starts at the right
    edge of the text (text-align: start), not at the left."""
    found = request.getfixturevalue(which)
    report: Report = found[0] if which == "arabic" else found
    parts = ARABIC if which == "arabic" else HEBREW
    heading, text = next(iter(parts.items()))
    path = _path(report, "-reading.pdf")
    [number] = [number for number, page in enumerate(page_texts(path)) if text in page]
    fonts = [str(f["/BaseFont"]) for f in PdfReader(path).pages[number]["/Resources"]["/Font"].values()]
    assert any(name.endswith("+" + font) for name in fonts), fonts
    document = pdfium.PdfDocument(path)
    page = document[number]
    width, height = page.get_size()
    textpage = page.get_textpage()
    assert heading in textpage.get_text_bounded(width / 2, height / 2, width, height)
    assert heading not in textpage.get_text_bounded(0, height / 2, width / 2, height)
    document.close()


def test_the_mini_zine_opens_from_the_right(arabic: tuple[Report, list[str]]) -> None:
    """Every one of the eight cells: bottom row, upright, p1 p8 p7 p6 from the left; top row, upside
    down, p2 p3 p4 p5 (onepagezine's rows mirrored). The pocket's seven parts are pages 1-6 and 8,
    the back; the blank added before it is page 7."""
    [cells] = grid_texts(_path(arabic[0], "-minizine.pdf"), columns=4, rows=2)
    headings = list(ARABIC)
    held = {**{position: headings[position - 1] for position in range(1, 7)}, 7: None, 8: headings[6]}
    for cell, position in zip(cells, (1, 8, 7, 6, 2, 3, 4, 5), strict=True):
        heading = held[position]
        assert cell.startswith(heading) if heading else cell == "", (position, cell)


def test_the_a6_copies_are_each_bound_on_the_right(hebrew: Report) -> None:
    """Two copies a side (copycutfold): in each half-sheet, page 1 on the left, the back cover on the right."""
    reading = page_texts(_path(hebrew, "-reading.pdf"))
    sides = grid_texts(_path(hebrew, "-booklet.pdf"), columns=2, rows=2)
    cover, back = reading[0], reading[-1]
    assert sides[0] == [cover, back, cover, back]
