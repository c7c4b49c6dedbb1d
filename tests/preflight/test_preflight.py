"""Preflight on PDFs made by hand, as other tools make them, and on our own outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder import preflight
from builder.cli import main
from builder.errors import ENCRYPTED
from builder.model import Finding, Report
from builder.paper import A4, A5, LETTER, MM
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from conftest import write_pdf

TEXT = b"BT /F1 12 Tf 100 300 Td (Bonjour) Tj ET"


def messages(findings: list[Finding], severity: str | None = None) -> list[str]:
    return [f"{'' if f.page is None else f'page {f.page}: '}{f.message}" for f in findings
            if severity is None or f.severity == severity]


def test_a_clean_page_has_only_the_font_error(tmp_path: Path) -> None:
    findings = preflight.check([write_pdf(tmp_path / "x.pdf", [TEXT])])
    assert messages(findings, "error") == [
        "font ArialMT is not embedded (page 1): the printer will substitute another font"]
    assert messages(findings, "warning") == []
    assert messages(findings, "note") == ["1 page of 148 × 210 mm"]


def test_a_standard_pdf_font_not_embedded_is_only_a_warning(tmp_path: Path) -> None:
    """Helvetica & co. are the 14 fonts every reader and printer has (our test sheet uses it)."""
    findings = preflight.check([write_pdf(tmp_path / "x.pdf", [TEXT], font_name="Helvetica")])
    assert messages(findings, "error") == []
    assert [m.split(":")[0] for m in messages(findings, "warning")] == ["font Helvetica is not embedded (page 1)"]


@pytest.mark.parametrize(("layout", "sheet"), [("saddle", "A4"), ("topbound", "letter"), ("copycutfold", "A4"),
                                               ("saddle", "A3")])
def test_our_test_sheets_pass_the_strict_check(tmp_path: Path, layout: str, sheet: str) -> None:
    """An embedded font (no Helvetica left to substitute), a title, a language, ink inside the margins."""
    out = tmp_path / "essai.pdf"
    assert main(["impose", "--test-sheet", "-o", str(out), "--layout", layout, "--sheet", sheet]) == 0
    assert messages(preflight.check([out]), "error") + messages(preflight.check([out]), "warning") == []
    assert main(["check", "--strict", str(out)]) == 0


def test_rgb_colour_is_flagged(tmp_path: Path) -> None:
    findings = preflight.check([write_pdf(tmp_path / "x.pdf", [b"1 0 0 rg 100 100 50 50 re f"])])
    (colour,) = messages(findings, "warning")
    assert colour.startswith("page 1: colour: copiers print it as grey (about 3")  # 50 × 50 pt: 311 mm²


def test_grey_tint_is_flagged_but_black_rules_are_not(tmp_path: Path) -> None:
    grey = b"0.6 g 100 100 60 60 re f"
    rules = b"0 g 100 400 200 0.5 re f 100 420 200 3 re f 100 440 0.7 100 re f"
    findings = preflight.check([write_pdf(tmp_path / "x.pdf", [grey, rules])])
    assert [m.split(" (")[0] for m in messages(findings, "warning")] == [
        "page 1: grey tint or photo: copiers print greys blotchy"]


def test_unembedded_font_inside_a_form_xobject(tmp_path: Path) -> None:
    """Imposed pages live in Form XObjects: their fonts are checked too."""
    findings = preflight.check([write_pdf(tmp_path / "x.pdf", [b"q /X1 Do Q"], form=TEXT)])
    assert messages(findings, "error") == [
        "font ArialMT is not embedded (page 1): the printer will substitute another font"]


def test_text_below_7_pt_also_when_a_form_scales_it_down(tmp_path: Path) -> None:
    small = b"BT /F1 5 Tf 100 300 Td (petit) Tj ET"
    scaled = b"q 0.5 0 0 0.5 0 0 cm /X1 Do Q"  # 12 pt text drawn at half size: 6 pt on paper
    findings = preflight.check([write_pdf(tmp_path / "x.pdf", [small, scaled, TEXT], form=TEXT)])
    assert messages(findings, "warning") == [
        "page 1: 5 characters below 7 pt (smallest 5.0 pt): they fill in on a photocopy",
        "page 2: 7 characters below 7 pt (smallest 6.0 pt): they fill in on a photocopy",
    ]


def test_ink_at_the_edge(tmp_path: Path) -> None:
    width, height = A5.points
    corner = b"0 g 0 0 20 20 re f"
    top = b"0 g 100 %.2f 50 10 re f" % (height - 2 * MM - 10)  # 2 mm from the top: the copier's blind band
    inside = b"0 g 30 30 100 100 re f"  # 10.6 mm from the edges: fine
    findings = preflight.check([write_pdf(tmp_path / "x.pdf", [corner, top, inside])])
    assert messages(findings, "warning") == [
        "page 1: ink 0.0 mm from the left edge, 0.0 mm from the bottom edge: copiers cannot print the outer "
        "5 mm of a sheet",
        "page 2: ink 2.0 mm from the top edge: copiers cannot print the outer 5 mm of a sheet",  # 0.25 mm pixels
    ]


def test_wrong_page_size_from_the_name_or_the_option(tmp_path: Path) -> None:
    letter = write_pdf(tmp_path / "zine-reading.pdf", [b"", b""], size=LETTER.points)
    assert messages(preflight.check([letter]), "error") == [
        "pages 1, 2: 215.9 × 279.4 mm, expected 148 × 210 mm (A5 reading pages) or 139.7 × 215.9 mm (half-letter "
        "reading pages)"]
    a5 = write_pdf(tmp_path / "other.pdf", [b""])
    assert messages(preflight.check([a5], expect=preflight.EXPECTATIONS["a4"]), "error") == [
        "page 1: 148 × 210 mm, expected 210 × 297 mm (A4)"]
    assert messages(preflight.check([a5], expect=preflight.EXPECTATIONS["a5"])) == []


def test_a_booklet_needs_an_even_number_of_sides(tmp_path: Path) -> None:
    odd = write_pdf(tmp_path / "zine-booklet.pdf", [b"", b"", b""], size=A4.landscape.points)
    assert messages(preflight.check([odd]), "error") == [
        "3 sides: a booklet printed recto-verso needs an even number"]


def test_missing_metadata(tmp_path: Path) -> None:
    bare = write_pdf(tmp_path / "x.pdf", [b""], title=None, lang=None)
    assert messages(preflight.check([bare]), "warning") == [
        "no title in the metadata: viewers show the file name",
        "no language in the metadata: screen readers cannot pick a voice",
    ]


def test_mixed_sizes_without_expectation(tmp_path: Path) -> None:
    a5 = PdfReader(write_pdf(tmp_path / "a5.pdf", [b""])).pages[0]
    a4 = PdfReader(write_pdf(tmp_path / "a4.pdf", [b""], size=A4.points)).pages[0]
    writer = PdfWriter()
    for page in (a5, a4, a4):
        writer.add_page(page)
    writer.add_metadata({"/Title": "Essai"})
    writer.root_object[NameObject("/Lang")] = TextStringObject("fr")
    writer.write(tmp_path / "mixed.pdf")
    assert messages(preflight.check([tmp_path / "mixed.pdf"]), "warning") == [
        "pages of different sizes: page 1: 148 × 210 mm; pages 2, 3: 210 × 297 mm"]


def test_never_raises_on_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.7\nnot really\n")
    (tmp_path / "empty.pdf").write_bytes(b"")
    truncated = write_pdf(tmp_path / "truncated.pdf", [TEXT])
    truncated.write_bytes(truncated.read_bytes()[:200])
    writer = PdfWriter(clone_from=write_pdf(tmp_path / "plain.pdf", [TEXT]))
    writer.encrypt("secret")
    writer.write(tmp_path / "locked.pdf")
    lost_page = write_pdf(tmp_path / "lost-page.pdf", [TEXT, TEXT])
    # the second page of the page tree is not a page: pdfium counts it, and cannot load it
    lost_page.write_bytes(lost_page.read_bytes().replace(b"/Kids [5 0 R 7 0 R]", b"/Kids [5 0 R 3 0 R]"))
    paths = [tmp_path / name for name in ("garbage.pdf", "empty.pdf", "truncated.pdf", "locked.pdf", "absent.pdf",
                                          "lost-page.pdf")]
    findings = preflight.check(paths)
    by_file = {path.name: [f.message for f in findings if f.path == path and f.severity == "error"] for path in paths}
    assert by_file["garbage.pdf"][0].startswith("not a readable PDF")
    assert by_file["empty.pdf"][0].startswith("not a readable PDF")
    assert by_file["truncated.pdf"]  # whatever a reader makes of it, it is reported
    assert by_file["locked.pdf"] == [ENCRYPTED]
    assert by_file["absent.pdf"] == ["no such file"]
    # pdfium of 2025 refuses to load the second "page"; older ones (pypdfium2 5.0) read it as a blank page
    document = pdfium.PdfDocument(lost_page)
    try:
        document[1].close()
        loads = True
    except pdfium.PdfiumError:
        loads = False
    finally:
        document.close()
    assert [(f.page, f.message) for f in findings if f.path == paths[-1] and f.page is not None] == (
        [] if loads else [(2, "could not be read (Failed to load page.)")])


def test_check_and_impose_agree_on_what_they_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "garbage.pdf").write_text("hello, I am a text file\n")
    writer = PdfWriter(clone_from=write_pdf(tmp_path / "plain.pdf", [TEXT]))
    writer.encrypt("secret")
    writer.write(tmp_path / "locked.pdf")
    for name, words in (("garbage.pdf", "not a readable PDF ("), ("locked.pdf", ENCRYPTED)):
        found = [f.message for f in preflight.check([tmp_path / name]) if f.severity == "error"]
        assert main(["impose", str(tmp_path / name), "-o", str(tmp_path / "out.pdf")]) == 1
        refusal = capsys.readouterr().err
        assert found[0].startswith(words) and f"{name}: {words}" in refusal, (found, refusal)


def test_fonts_not_shipped_are_flagged(sample_build: Report) -> None:
    reading = sample_build.outputs[0].path
    assert messages(preflight.check([reading], fonts=["Charis SIL"])) == []
    findings = preflight.check([reading], fonts=["Gentium"])
    assert {f.severity for f in findings} == {"warning"}
    assert [f.message.split(" (")[0] for f in findings] == [
        "font Charis-SIL is not a shipped font", "font Charis-SIL-Bold is not a shipped font",
        "font Charis-SIL-Italic is not a shipped font"]


def test_our_outputs_pass(sample_build: Report, shipped_build: Report) -> None:
    outputs = [out.path for report in (sample_build, shipped_build) for out in report.outputs]
    assert preflight.check(outputs, fonts=["Charis SIL"]) == []


def test_zine_check_passes_on_our_outputs(sample_build: Report, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(shutil.copy(out.path, tmp_path)) for out in sample_build.outputs]
    assert main(["check", "--strict", "--font", "Charis SIL", *paths]) == 0
    assert capsys.readouterr().out == "checked 2 PDFs: 0 errors, 0 warnings\n"


def test_zine_check_lists_every_finding_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    colour = write_pdf(tmp_path / "couleur-reading.pdf", [b"1 0 0 rg 100 100 50 50 re f"])
    helvetica = write_pdf(tmp_path / "helvetica.pdf", [TEXT])
    letter = write_pdf(tmp_path / "lettre-booklet.pdf", [b""], size=LETTER.points)
    assert main(["check", str(colour), str(helvetica), str(letter)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{colour} page 1: warning: colour: copiers print it as grey (about 316 mm²)",
        f"{helvetica}: error: font ArialMT is not embedded (page 1): the printer will substitute another font",
        f"{helvetica}: note: 1 page of 148 × 210 mm",
        f"{letter}: error: page 1: 215.9 × 279.4 mm, expected 297 × 210 mm (A4 landscape booklet sheets) or "
        "279.4 × 215.9 mm (US letter landscape booklet sheets)",
        f"{letter}: error: 1 side: a booklet printed recto-verso needs an even number",
        "checked 3 PDFs: 3 errors, 1 warning",
    ]


def test_strict_makes_warnings_fatal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = write_pdf(tmp_path / "nu.pdf", [b""], title=None)
    assert main(["check", str(bare)]) == 0
    assert main(["check", "--strict", str(bare)]) == 1
    assert "(--strict: warnings count as errors)" in capsys.readouterr().out


def test_expect_takes_known_sizes_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--expect", "a9", str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.startswith("error: --expect must be one of reading, booklet, letters, minizine, a3, ")
