"""`zine impose` from the command line: summaries, files written, errors with exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from builder.cli import main
from pypdf import PdfReader

from conftest import ROOT, grid_texts, half_texts, make_pdf, markers, page_texts, run


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_pdf(tmp_path / "in.pdf", 14)
    make_pdf(tmp_path / "mini.pdf", 8, (74.25, 105))
    return tmp_path


def test_saddle_summary(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "impose", "in.pdf", "-o", "out.pdf")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "wrote out.pdf: 8 sides of 297 × 210 mm",
        "imposed in.pdf: 14 pages of 148 × 210 mm, saddle layout",
        "4 sheets of paper per copy",
        "2 blank pages added before the back cover (pages 14, 15)",
        "note: page 14, the document's last, is now the back cover, after the blanks: --blanks end keeps it "
        "inside, before them",
        "print recto-verso at 100 %, flip on the short edge",
    ]
    assert "«" not in out
    assert markers(half_texts(here / "out.pdf"))[0] == (14, 1)


def test_options_reach_the_layout(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf", "--blanks", "end", "--flip", "long",
                       "--sheet", "A3", "--marks", "--creep", "0.1", "--sheets-per-section", "2")
    assert code == 0
    assert "wrote out.pdf: 8 sides of 420 × 297 mm" in out
    assert "4 sheets of paper per copy in 2 sections" in out
    assert "2 blank pages added at the end (pages 15, 16)" in out
    assert "flip on the long edge\n" in out and "«" not in out
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf", "--flip", "long", "--lang", "fr")
    assert code == 0 and "flip on the long edge (« retourner sur le bord long »)" in out


def test_onepagezine(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "impose", "mini.pdf", "-o", "zine.pdf", "--layout", "onepagezine")
    assert code == 0
    assert "wrote zine.pdf: 1 side of 297 × 210 mm" in out
    assert "print one-sided at 100 %" in out
    assert len(PdfReader(here / "zine.pdf").pages) == 1


def test_fronts_backs(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf", "--fronts-backs")
    assert code == 0
    assert not (here / "out.pdf").exists()
    # booklet order 1…13, _, _, 14: fronts 16|1, 14|3, 12|5, 10|7 and backs 2|15, 4|13, 6|11, 8|9,
    # the backs fed back last sheet first
    assert markers(half_texts(here / "out-fronts.pdf")) == [(14, 1), (None, 3), (12, 5), (10, 7)]
    assert markers(half_texts(here / "out-backs.pdf")) == [(8, 9), (6, 11), (4, 13), (2, None)]
    assert "print out-fronts.pdf at 100 %" in out and "print out-backs.pdf" in out


def test_an_a4_document_becomes_an_a5_booklet_and_says_the_scale(here: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    make_pdf(here / "a4.pdf", 6, (210.26, 297.04))  # Google Docs' A4
    code, out, err = run(capsys, "impose", "a4.pdf", "-o", "out.pdf")
    assert (code, err) == (0, "")
    assert "pages scaled down to 70.6 %, from 210.26 × 297.04 mm to 148.5 × 209.8 mm, to fit their place: " \
           "10 pt text prints at 7.1 pt" in out.splitlines()
    assert "wrote out.pdf: 4 sides of 297 × 210 mm" in out
    assert markers(half_texts(here / "out.pdf"))[0] == (6, 1)
    code, _, err = run(capsys, "impose", "a4.pdf", "-o", "out.pdf", "--no-scale")
    assert code == 1 and "do not fit the 148.5 × 210 mm halves of a sheet of 297 × 210 mm at 100 %" in err


def test_smaller_pages_stay_at_100_unless_scale_up(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_pdf(here / "a6.pdf", 4, (105, 148))
    code, out, _ = run(capsys, "impose", "a6.pdf", "-o", "out.pdf")
    assert code == 0 and "scaled" not in out
    code, out, _ = run(capsys, "impose", "a6.pdf", "-o", "out.pdf", "--scale-up")
    assert code == 0 and "pages scaled up to 141 %, from " in out
    make_pdf(here / "tiny.pdf", 2, (4, 4))
    code, out, _ = run(capsys, "impose", "tiny.pdf", "-o", "out.pdf")
    assert code == 0 and "warning: pages of 4 × 4 mm are very small" in out


def test_landscape_pages_are_bound_on_their_top_edge(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_pdf(here / "wide.pdf", 8, (297, 210))
    code, out, _ = run(capsys, "impose", "wide.pdf", "-o", "out.pdf")
    assert code == 0
    assert "wrote out.pdf: 4 sides of 210 × 297 mm" in out
    assert "topbound layout, bound on the top edge (the pages are landscape)" in out
    assert "print recto-verso at 100 %, flip on the short edge\n" in out
    # the back cover above the fold, page 1 below it, both upright
    assert [[int(t.split("P")[1][:2]) for t in side] for side in grid_texts(here / "out.pdf", columns=1, rows=2)][:2] \
        == [[1, 8], [7, 2]]
    code, out, _ = run(capsys, "impose", "wide.pdf", "-o", "out.pdf", "--layout", "saddle")
    assert code == 0 and "4 sides of 297 × 210 mm" in out and "pages scaled down to 50 %" in out


def test_copycutfold_two_copies_a_side(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf", "--layout", "copycutfold")
    assert code == 0
    assert "wrote out.pdf: 8 sides of 210 × 297 mm" in out and "flip on the long edge" in out
    first = grid_texts(here / "out.pdf", columns=2, rows=2)[0]
    assert [int(t.split("P")[1][:2]) for t in first] == [14, 1, 14, 1], "the same spread in both halves"


def test_fronts_backs_for_either_tray(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf", "--fronts-backs", "bottom")
    assert code == 0
    assert markers(half_texts(here / "out-backs.pdf")) == [(2, None), (4, 13), (6, 11), (8, 9)]
    assert "it starts with the first sheet's back, for a tray that feeds the bottom sheet of the stack first" in out
    assert "(one that feeds the top sheet first: --fronts-backs top)" in out


@pytest.mark.parametrize(("layout", "size", "right"), [
    ([], "297 × 210 mm", "sur le bord COURT"), (["--layout", "topbound"], "210 × 297 mm", "sur le bord COURT"),
    (["--layout", "copycutfold"], "210 × 297 mm", "sur le bord LONG"),
])
def test_each_duplex_layout_has_a_test_sheet(here: Path, capsys: pytest.CaptureFixture[str], layout: list[str],
                                             size: str, right: str) -> None:
    code, out, _ = run(capsys, "impose", "--test-sheet", "-o", "test.pdf", "--lang", "fr", *layout)
    assert code == 0 and out.startswith(f"wrote test.pdf: 2 sides of {size}")
    assert right in page_texts(here / "test.pdf")[1]


def test_test_sheet(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "impose", "--test-sheet", "-o", "test.pdf", "--sheet", "letter")
    assert code == 0
    assert out.startswith("wrote test.pdf: 2 sides of 279.4 × 215.9 mm")


@pytest.mark.parametrize(("argv", "message"), [
    (["missing.pdf", "-o", "out.pdf"], "missing.pdf: no such file"),
    (["mixed.pdf", "-o", "out.pdf"], "mixed.pdf: pages of different sizes, none shared by three quarters of them "
                                     "(pages 1, 3: 148 × 210 mm; page 2: 148 × 200 mm)"),
    (["broken.pdf", "-o", "out.pdf"], "broken.pdf: not a readable PDF"),
    (["in.pdf", "-o", "out.pdf", "--layout", "onepagezine", "--no-scale"], "do not fit the 74.25 × 105 mm panels"),
    (["mini.pdf", "-o", "out.pdf", "--layout", "onepagezine", "--creep", "0.1"],
     "error: --creep does not apply to --layout onepagezine"),
    (["mini.pdf", "-o", "out.pdf", "--layout", "onepagezine", "--fronts-backs"], "printed on one side only"),
    (["--test-sheet", "-o", "out.pdf", "--layout", "onepagezine"], "printed on one side only"),
    (["in.pdf", "-o", "out.pdf", "--marks"], "no room for --marks: the pages come 0 mm from the sheet's edge"),
    (["in.pdf", "-o", "out.pdf", "--creep", "3"], "--creep is a paper thickness in mm, from 0 to 1"),
    (["in.pdf", "-o", "out.pdf", "--sheets-per-section", "0"], "--sheets-per-section must be at least 1"),
    (["in.pdf", "-o", "in.pdf"], "in.pdf: is the input file"),
    (["-o", "out.pdf"], "needs a PDF to impose"),
    (["in.pdf", "--test-sheet", "-o", "out.pdf"], "--test-sheet takes no input PDF"),
    (["--test-sheet", "--marks", "-o", "out.pdf"], "--test-sheet takes no input PDF"),
])
def test_errors_exit_1_and_keep_the_old_output(here: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    make_pdf(here / "mixed.pdf", 3, odd={2: (148, 200)})
    (here / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really\n")
    (here / "out.pdf").write_bytes(b"the previous output")
    code, out, err = run(capsys, "impose", *argv)
    assert code == 1
    assert message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err and out == ""
    assert (here / "out.pdf").read_bytes() == b"the previous output"
    assert sorted(p.name for p in here.iterdir()) == ["broken.pdf", "in.pdf", "mini.pdf", "mixed.pdf", "out.pdf"]


@pytest.mark.parametrize("argv", [
    ["in.pdf"], ["in.pdf", "-o", "o.pdf", "--sheet", "A9"], ["in.pdf", "-o", "o.pdf", "--flip", "sideways"],
    ["in.pdf", "-o", "o.pdf", "--layout", "perfect"], ["in.pdf", "-o", "o.pdf", "--creep", "thin"],
    ["in.pdf", "-o", "o.pdf", "--no-scale", "--scale-up"], ["in.pdf", "-o", "o.pdf", "--fronts-backs", "middle"],
])
def test_bad_usage_exits_2(here: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["impose", *argv])
    assert exit_info.value.code == 2


def test_impose_never_imports_weasyprint(here: Path) -> None:
    script = ("import sys; from builder.cli import main; code = main(['impose', 'in.pdf', '-o', 'out.pdf']); "
              "print(code, 'weasyprint' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=here,
                            env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert result.stdout.splitlines()[-1] == "0 False", result.stderr
