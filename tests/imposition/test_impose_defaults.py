"""`zine impose` defaults from its input (issue 22): the sheet follows the pages' paper, the summary
stays English (the copier's own words with --lang), the test sheet speaks --lang, a document's
last page made the back cover is said so, and pages of another size than most are fitted."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder.paper import METADATA_KEY, MM
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from conftest import half_texts, make_pdf, markers, run

FRAME = 6 / MM
"""Millimetres: make_pdf frames each page 3 pt inside its edges."""
BACK_COVER = "is now the back cover, after the blanks: --blanks end keeps it inside"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("size", "sheet", "paper"), [
    ((215.9, 279.4), "279.4 × 215.9 mm", "paper: US letter, for pages of US letter (--sheet A4 for A4)"),
    ((139.7, 215.9), "279.4 × 215.9 mm", "paper: US letter, for pages of US half-letter"),
    ((215.9, 355.6), "279.4 × 215.9 mm", "paper: US letter, for pages of US legal"),
    ((214.49, 279.4), "279.4 × 215.9 mm", "paper: US letter, for pages of US letter"),  # Adobe Scan's
    ((148, 210), "297 × 210 mm", None), ((297, 420), "297 × 210 mm", None),
    ((180, 180), "297 × 210 mm", "paper: A4, the default: pages of 180 × 180 mm are neither A-series nor US paper"),
])
def test_the_sheet_follows_the_pages_paper(here: Path, capsys: pytest.CaptureFixture[str],
                                           size: tuple[float, float], sheet: str, paper: str | None) -> None:
    make_pdf(here / "in.pdf", 8, size)
    code, out, err = run(capsys, "impose", "in.pdf", "-o", "out.pdf")
    assert (code, err) == (0, "")
    assert out.startswith(f"wrote out.pdf: 4 sides of {sheet}\n")
    assert ([line for line in out.splitlines() if line.startswith("paper: ")] == []) is (paper is None)
    assert paper is None or paper in out
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf", "--sheet", "A3")
    assert code == 0 and "4 sides of 420 × 297 mm" in out and "paper: " not in out


def test_a_letter_document_gives_letter_sheets_and_an_english_summary(here: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    make_pdf(here / "letter.pdf", 8, (215.9, 279.4))
    code, out, _ = run(capsys, "impose", "letter.pdf", "-o", "out.pdf")
    assert code == 0
    assert [round(v / MM, 1) for v in pdfium.PdfDocument(here / "out.pdf")[0].get_size()] == [279.4, 215.9]
    assert out.splitlines()[-1] == "print recto-verso at 100 %, flip on the short edge"
    assert "«" not in out and "bord" not in out
    assert "pages scaled down to 64.7 %, from 215.9 × 279.4 mm to " in out
    assert markers(half_texts(here / "out.pdf"))[0] == (8, 1)
    code, out, _ = run(capsys, "impose", "letter.pdf", "-o", "out.pdf", "--lang", "fr")
    assert code == 0 and out.splitlines()[-1] == ("print recto-verso at 100 %, flip on the short edge "
                                                  "(« retourner sur le bord court »)")
    code, out, _ = run(capsys, "impose", "letter.pdf", "-o", "out.pdf", "--fronts-backs", "--lang", "fr")
    assert code == 0 and "turned over on its short edge (« retourner sur le bord court »)" in out


@pytest.mark.parametrize(("lang", "present", "absent"), [
    ("en", ["TEST SHEET: FRONT", "This line is 100", "THE SETTING IS RIGHT", "“flip on the short edge”"],
     ["RECTO", "Cette ligne", "bord"]),
    ("fr", ["FEUILLE D’ESSAI : RECTO", "Cette ligne mesure 100", "LE RÉGLAGE EST BON",
            "« retourner sur le bord court »"], ["FRONT", "This line", "SETTING"]),
])
def test_the_test_sheet_speaks_the_language_asked(here: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                                  present: list[str], absent: list[str]) -> None:
    code, _, _ = run(capsys, "impose", "--test-sheet", "-o", "test.pdf", "--lang", lang)
    assert code == 0
    reader = PdfReader(here / "test.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert all(words in text for words in present), text
    assert not any(words in text for words in absent), text
    assert str(reader.root_object["/Lang"]) == lang
    assert reader.metadata is not None and reader.metadata.title == {"en": "Duplex test sheet",
                                                                     "fr": "Feuille d’essai recto-verso"}[lang]


def test_unknown_languages_are_refused(here: Path) -> None:
    from builder.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["impose", "--test-sheet", "-o", "test.pdf", "--lang", "xx"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize(("pages", "options", "said"), [
    (5, [], True), (14, [], True), (5, ["--blanks", "end"], False), (5, ["--blanks", "before-back"], False),
    (8, [], False), (1, [], False),
])
def test_the_last_page_made_the_back_cover_is_said(here: Path, capsys: pytest.CaptureFixture[str], pages: int,
                                                   options: list[str], said: bool) -> None:
    make_pdf(here / "in.pdf", pages)
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf", *options)
    assert code == 0
    assert (f"note: page {pages}, the document's last, {BACK_COVER}, before them" in out) is said, out


def test_a_zine_of_ours_has_its_back_cover_last(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A reading edition the build made (its format recorded) ends on its back cover: nothing to say."""
    writer = PdfWriter(clone_from=make_pdf(here / "plain.pdf", 5))
    writer.add_metadata({METADATA_KEY: TextStringObject("a5")})
    writer.write(here / "zine.pdf")
    code, out, _ = run(capsys, "impose", "zine.pdf", "-o", "out.pdf")
    assert code == 0 and "before the back cover" in out and BACK_COVER not in out


def mixed(path: Path, pages: int = 20, odd: dict[int, tuple[float, float]] | None = None) -> Path:
    """A book of A5 pages whose cover and second page differ (like pdf.js's freeculture.pdf)."""
    return make_pdf(path, pages, odd={1: (160, 230), 2: (120, 170)} if odd is None else odd)


def _frame(path: Path, side: int) -> tuple[float, float, float, float]:
    """Left, bottom, right, top (mm) of the dark pixels on the right half of `side`: the page frame there."""
    page = pdfium.PdfDocument(path)[side]
    image = page.render(scale=2).to_pil().convert("L")
    half = image.crop((image.width // 2, 0, image.width, image.height)).point(lambda v: 255 if v < 128 else 0)
    left, top, right, bottom = half.getbbox() or (0, 0, 0, 0)
    to_mm = 1 / (2 * MM)
    return (148.5 + left * to_mm, (image.height - bottom) * to_mm, 148.5 + right * to_mm, (image.height - top) * to_mm)


def test_a_few_pages_of_another_size_are_fitted_into_their_place(here: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    mixed(here / "book.pdf")
    code, out, _ = run(capsys, "impose", "book.pdf", "-o", "out.pdf")
    assert code == 0
    assert ("warning: pages 1, 2 unlike the other 18 (148 × 210 mm), fitted into their place and centred: "
            "page 1, 160 × 230 mm, at 91.3 %; page 2, 120 × 170 mm, at 100 % (--same-size refuses them)") in out
    assert "imposed book.pdf: 20 pages of 148 × 210 mm" in out
    # page 1 (sheet 1's front, right) scaled to 91.3 % fills its 148 × 210 mm place
    left, bottom, right, top = _frame(here / "out.pdf", 0)
    assert (right - left, top - bottom) == pytest.approx(((160 - FRAME) * 0.913, (230 - FRAME) * 0.913), abs=1)
    assert (left + right) / 2 == pytest.approx(148.5 + 74, abs=1)
    code, _, _ = run(capsys, "impose", "book.pdf", "-o", "out.pdf", "--scale-up")
    assert code == 0


def test_the_second_page_keeps_its_size_centred(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed(here / "book.pdf", odd={3: (120, 170)})
    code, out, _ = run(capsys, "impose", "book.pdf", "-o", "out.pdf")
    assert code == 0 and "page 3, 120 × 170 mm, at 100 %" in out
    # sheet 1's front holds 20 | 1, its back 2 | 19; sheet 2's front 18 | 3: page 3 on the right
    assert markers(half_texts(here / "out.pdf"))[2] == (18, 3)
    left, bottom, right, top = _frame(here / "out.pdf", 2)
    assert (right - left, top - bottom) == pytest.approx((120 - FRAME, 170 - FRAME), abs=1)
    assert ((left + right) / 2, (bottom + top) / 2) == pytest.approx((148.5 + 74, 105), abs=1)


@pytest.mark.parametrize(("options", "odd", "message"), [
    (["--same-size"], None, "pages of different sizes (pages 3–20: 148 × 210 mm; page 1: 160 × 230 mm; page 2: "
                            "120 × 170 mm): all must share one size, either way up"),
    (["--no-scale"], None, "page 1 is 160 × 230 mm, larger than the others (148 × 210 mm): --no-scale refuses to scale it down"),
    ([], {n: (100 + 3 * n, 150) for n in range(1, 7)},
     "pages of different sizes, none shared by three quarters of them (pages 7–20: 148 × 210 mm; page 1: "
     "103 × 150 mm; page 2: 106 × 150 mm; page 3: 109 × 150 mm; and 3 other sizes): make them one size first"),
])
def test_mixed_sizes_are_refused_when_asked_or_when_no_size_is_most(
        here: Path, capsys: pytest.CaptureFixture[str], options: list[str], odd: dict[int, tuple[float, float]] | None,
        message: str) -> None:
    mixed(here / "book.pdf", odd=odd)
    code, out, err = run(capsys, "impose", "book.pdf", "-o", "out.pdf", *options)
    assert (code, out) == (1, "") and err == f"book.pdf: {message}\n"
    assert not (here / "out.pdf").exists()


def test_our_own_test_file_has_the_sizes_it_claims(here: Path) -> None:
    reader = PdfReader(mixed(here / "book.pdf"))
    sizes = [(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in reader.pages]
    assert sizes[:3] == [(160, 230), (120, 170), (148, 210)] and len(set(sizes[2:])) == 1
    assert NameObject("/Rotate") not in reader.pages[0]
