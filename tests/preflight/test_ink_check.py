"""Preflight's one-ink check (preflight/ink.py `black`): a print file whose text or rules are RGB
black is named, with its pages (CMYK black is the black ink alone, as the rewrite leaves it); the reading edition and files of no known kind are not held to
it (issue 22, item 4). Our own outputs pass it: tests/pipeline/test_build_one_ink.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder import preflight
from builder.preflight.ink import RGB_BLACK

from conftest import run, write_pdf

TEXT = b"BT /F1 12 Tf 100 300 Td (Bonjour) Tj ET"
PAGES = [b"0 0 0 rg " + TEXT, b"0 g " + TEXT, b"/X1 Do", b"0.8 0 0 rg " + TEXT, b"0 0 0 1 k " + TEXT]
"""RGB black text; grey text; a form drawing RGB black rules; red text; CMYK black text."""
FORM = b"0 0 0 RG 1 w 10 10 m 100 10 l S"


def _black(path: Path) -> list[str]:
    return [finding.message for finding in preflight.check([path], pixels=False)
            if finding.message.startswith(RGB_BLACK)]


@pytest.mark.parametrize(("name", "where"), [("zine-booklet.pdf", "sides 1, 3"), ("zine-minizine.pdf", "sides 1, 3"),
                                             ("zine-letters.pdf", "pages 1, 3"),
                                             ("zine-letters-fillable.pdf", "pages 1, 3")])
def test_rgb_black_in_a_print_file_is_named_with_its_pages(tmp_path: Path, name: str, where: str) -> None:
    path = write_pdf(tmp_path / name, PAGES, form=FORM)
    assert _black(path) == [f"{RGB_BLACK} on {where}: a copier that detects colour may bill them as colour "
                            "(`zine impose` writes black on the black ink alone)"]


@pytest.mark.parametrize("name", ["zine-reading.pdf", "other.pdf"])
def test_the_reading_edition_and_other_files_are_not_held_to_it(tmp_path: Path, name: str) -> None:
    assert _black(write_pdf(tmp_path / name, PAGES, form=FORM)) == []


def test_grey_and_cmyk_black_and_colours_pass(tmp_path: Path) -> None:
    assert _black(write_pdf(tmp_path / "zine-booklet.pdf", [PAGES[1], PAGES[3], PAGES[4]])) == []


def test_zine_check_runs_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_pdf(tmp_path / "zine-letters.pdf", [PAGES[0]])
    _, out, _ = run(capsys, "check", str(tmp_path / "zine-letters.pdf"))
    assert f"zine-letters.pdf: warning: {RGB_BLACK} on page 1: a copier that detects colour may bill it" in out
