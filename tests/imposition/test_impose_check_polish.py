"""`zine impose` and `zine check` together on files made elsewhere (issue 22): the sheet impose used
is recorded for check, a right-to-left PDF is bound on the right, print permissions are named, the
summary says what it scaled, and the test sheet speaks English unless told."""

from __future__ import annotations

import argparse
from pathlib import Path

import pikepdf
import pytest
from builder.paper import MM
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from conftest import half_texts, make_pdf, markers, run


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _size_errors(out: str) -> list[str]:
    return [line for line in out.splitlines() if "expected" in line]


@pytest.mark.parametrize(("size", "sheet", "recorded"), [
    ((215.9, 279.4), None, "279.4x215.9mm"), ((148, 210), "A3", "420x297mm"), ((148, 210), None, "297x210mm")])
def test_check_expects_the_sheet_impose_recorded(here: Path, capsys: pytest.CaptureFixture[str],
                                                 size: tuple[float, float], sheet: str | None, recorded: str) -> None:
    """A US letter document imposed (on US letter) or one imposed with --sheet A3, named -booklet.pdf,
    passes `zine check`'s size check: the sheet is in the file's metadata."""
    make_pdf(here / "in.pdf", 8, size)
    code, _, _ = run(capsys, "impose", "in.pdf", "-o", "tenants-booklet.pdf", *(["--sheet", sheet] if sheet else []))
    assert code == 0
    assert (PdfReader(here / "tenants-booklet.pdf").metadata or {}).get("/zinesheet") == recorded
    code, out, _ = run(capsys, "check", "tenants-booklet.pdf")
    assert _size_errors(out) == [], out


def _unrecorded(source: Path, target: Path) -> None:
    """`source` without the sheet zine impose recorded: a booklet imposed by another tool."""
    writer = PdfWriter(clone_from=source)
    if writer._info is not None:
        del writer._info.get_object()["/zinesheet"]
    writer.write(target)


def test_check_accepts_either_family_when_nothing_says(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_pdf(here / "letter.pdf", 8, (215.9, 279.4))
    run(capsys, "impose", "letter.pdf", "-o", "imposed.pdf")
    _unrecorded(here / "imposed.pdf", here / "other-booklet.pdf")
    assert (PdfReader(here / "other-booklet.pdf").metadata or {}).get("/zinesheet") is None
    code, out, _ = run(capsys, "check", "other-booklet.pdf")
    assert _size_errors(out) == [], out
    run(capsys, "impose", "letter.pdf", "-o", "imposed.pdf", "--sheet", "A3")
    _unrecorded(here / "imposed.pdf", here / "a3-booklet.pdf")
    code, out, _ = run(capsys, "check", "a3-booklet.pdf")
    assert code == 1
    assert _size_errors(out) == ["a3-booklet.pdf: error: pages 1–4: 420 × 297 mm, expected 297 × 210 mm (A4 landscape "
                                 "booklet sheets) or 279.4 × 215.9 mm (US letter landscape booklet sheets)"], out
    code, out, _ = run(capsys, "check", "a3-booklet.pdf", "--expect", "a3-landscape")
    assert _size_errors(out) == [], out


def _right_to_left(path: Path) -> Path:
    """`path` asking viewers for right to left (/ViewerPreferences /Direction /R2L), as our Arabic zines do."""
    writer = PdfWriter(clone_from=path)
    writer.root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/Direction"): NameObject("/R2L")})
    writer.write(path)
    return path


def test_a_right_to_left_pdf_is_bound_on_the_right(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its first sheet's front: page 1 on the left half, the last page on the right (right_bound's order)."""
    _right_to_left(make_pdf(here / "in.pdf", 8))
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf")
    assert code == 0
    assert "saddle layout, bound on the right (the PDF reads right to left: --direction ltr binds it on the left)" \
        in out, out
    assert markers(half_texts(here / "out.pdf"))[0] == (1, 8)
    code, out, _ = run(capsys, "impose", "in.pdf", "-o", "out.pdf", "--direction", "ltr")
    assert code == 0 and "bound on the right" not in out
    assert markers(half_texts(here / "out.pdf"))[0] == (8, 1)
    make_pdf(here / "plain.pdf", 8)
    code, out, _ = run(capsys, "impose", "plain.pdf", "-o", "out.pdf", "--direction", "rtl")
    assert "saddle layout, bound on the right\n" in out and "reads right to left" not in out
    assert markers(half_texts(here / "out.pdf"))[0] == (1, 8)


def test_the_directions_are_defined_once() -> None:
    """typography.language.DIRECTIONS is the one list: the layouts and `zine impose --direction` take it."""
    from builder.cli import parser
    from builder.imposition import layout
    from builder.typography.language import DIRECTIONS

    builder = Path(layout.__file__).parents[1]
    listed = [path.relative_to(builder).as_posix() for path in sorted(builder.rglob("*.py"))
              if '"ltr", "rtl"' in path.read_text(encoding="utf-8")]
    assert listed == ["typography/language.py"]
    assert layout.DIRECTIONS is DIRECTIONS
    [commands] = [action for action in parser()._actions if isinstance(action, argparse._SubParsersAction)]
    [direction] = [action for action in commands.choices["impose"]._actions if "--direction" in action.option_strings]
    assert direction.choices is DIRECTIONS


@pytest.mark.parametrize(("lowres", "highres", "said"), [
    (False, False, "its owner's permissions forbid printing it (viewers refuse to): print it only if you may"),
    (True, False, "its owner's permissions allow printing it only at low resolution (viewers print it degraded): "
                  "print it only if you may"),
    (True, True, None)])
def test_permissions_that_forbid_printing_are_said(here: Path, capsys: pytest.CaptureFixture[str], lowres: bool,
                                                   highres: bool, said: str | None) -> None:
    """An encrypted PDF that opens without a password (empty user password) but whose owner forbids
    printing: imposed and checked, each with a warning (not a refusal)."""
    make_pdf(here / "plain.pdf", 8)
    with pikepdf.open(here / "plain.pdf") as pdf:
        allow = pikepdf.Permissions(print_lowres=lowres, print_highres=highres)
        pdf.save(here / "locked.pdf", encryption=pikepdf.Encryption(owner="owner", user="", allow=allow))
    code, out, err = run(capsys, "impose", "locked.pdf", "-o", "out.pdf")
    assert (code, err) == (0, "")
    warnings = [line for line in out.splitlines() if "permissions" in line]
    assert warnings == ([] if said is None else [f"warning: {said}, e.g. if it is yours"])
    code, out, _ = run(capsys, "check", "locked.pdf")
    warnings = [line for line in out.splitlines() if "permissions" in line]
    assert warnings == ([] if said is None else [f"locked.pdf: warning: {said}, e.g. if it is yours"])


def test_the_help_says_mixed_sizes_are_fitted(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(capsys, "impose", "--help")
    said = " ".join(capsys.readouterr().out.split())
    assert exited.value.code == 0 and "of one size" not in said
    assert "pages of another size than most (at least 3/4 share one) are fitted into their place" in said
    assert "--same-size refuse pages of another size than most" in said


@pytest.mark.parametrize("layout", ["saddle", "copycutfold"])
def test_the_test_sheet_summary_is_english_unless_told(here: Path, capsys: pytest.CaptureFixture[str],
                                                       layout: str) -> None:
    """The copier's own words for the flip setting, in French, only with --lang fr; English everywhere
    else: the summary, the sheet's words, its language."""
    edge = {"saddle": "short", "copycutfold": "long"}[layout]
    code, out, err = run(capsys, "impose", "--test-sheet", "-o", "test.pdf", "--layout", layout)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1].startswith(f"copy it once recto-verso, flip on the {edge} edge, turn it over ")
    assert not any(word in out for word in ("«", "bord", "retourner"))
    reader = PdfReader(here / "test.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "«" not in text and "bord" not in text and str(reader.root_object["/Lang"]) == "en"
    code, out, _ = run(capsys, "impose", "--test-sheet", "-o", "test.pdf", "--layout", layout, "--lang", "fr")
    assert code == 0 and f"flip on the {edge} edge (« retourner sur le bord {'court' if edge == 'short' else 'long'} »)" \
        in out.splitlines()[-1]


@pytest.mark.parametrize(("manifest", "size", "said"), [
    (None, "297 × 210 mm", None),
    ('format = "half-letter"\n', "279.4 × 215.9 mm", "paper: US letter, the zine's (half-letter format in "
                                                     "content/zine.toml; --sheet to choose another)"),
    ('format = "A5"\npaper = "letter"\n', "279.4 × 215.9 mm", "paper: US letter, the zine's (A5 format"),
    ('format = "A6"\n', "297 × 210 mm", "paper: A4, the zine's (A6 format"),
    ('format = "B5"\n', "297 × 210 mm", "paper: A4, the default: content/zine.toml has errors"),
])
def test_the_test_sheet_is_on_the_projects_paper(here: Path, capsys: pytest.CaptureFixture[str],
                                                 manifest: str | None, size: str, said: str | None) -> None:
    """Inside a zine project, the paper of its format (US letter for half-letter) or its `paper`; outside, A4."""
    if manifest is not None:
        (here / "content").mkdir()
        (here / "content/zine.toml").write_text('title = "Rent strike"\nlang = "en"\ndate = 2026-05-01\n'
                                                f'edition = "1"\nparts = []\n{manifest}', encoding="utf-8")
    code, out, _ = run(capsys, "impose", "--test-sheet", "-o", "test.pdf")
    assert code == 0 and out.startswith(f"wrote test.pdf: 2 sides of {size}\n")
    papers = [line for line in out.splitlines() if line.startswith("paper: ")]
    assert papers == [] if said is None else papers[0].startswith(said), out
    width, height = PdfReader(here / "test.pdf").pages[0].mediabox[2:]
    assert f"{float(width) / MM:.4g} × {float(height) / MM:.4g} mm" == size
    code, out, _ = run(capsys, "impose", "--test-sheet", "-o", "test.pdf", "--sheet", "A3")
    assert code == 0 and "420 × 297 mm" in out and "paper: " not in out
