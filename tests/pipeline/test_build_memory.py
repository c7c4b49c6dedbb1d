"""`zine build` on the hostile inputs of issue 25 (item 5) within 1 GiB: each build runs in a
subprocess whose every process (the build and its workers) is limited in address space, and must
refuse its input cleanly (exit 1, the file named, the budget said), never die of a MemoryError.

The limit is 1 GiB over what Python with WeasyPrint, pdfium and pikepdf takes before any zine:
measured (VmPeak of a process that imported them and rendered one paragraph), 241 MiB with Python
3.11 and WeasyPrint 70; BASELINE rounds it up."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from builder.content import budgets
from builder.pictures import drawings, pixels
from tests.conftest import ROOT
from tests.imposition.test_hostile_pdfs import run
from tests.pictures.test_picture_budgets import _bomb, png

BASELINE = 256 * 2**20
MEMORY = 2**30 + BASELINE
MANIFEST = 'title = "T"\nlang = "en"\ndate = 2026-11-28\nedition = "E"\nparts = ["part.md"]\n'


def build(root: Path, body: str, manifest: str = MANIFEST) -> subprocess.CompletedProcess[str]:
    """`zine build` of a one-part zine (the shipped templates), under MEMORY."""
    (root / "content").mkdir(exist_ok=True)
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "content" / "zine.toml").write_text(manifest, encoding="utf-8")
    (root / "content" / "part.md").write_text(f"---\ntitle: Part\n---\n\n{body}\n", encoding="utf-8")
    return run("build", cwd=root, memory=MEMORY)


def refused(result: subprocess.CompletedProcess[str], *said: str) -> None:
    """A clean refusal: exit 1, every piece of `said` in the message, no traceback, no MemoryError."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr, result.stderr
    for piece in said:
        assert piece in result.stderr, result.stderr


def test_a_strip_of_a_hundred_million_pixels(tmp_path: Path) -> None:
    (tmp_path / "content" / "images").mkdir(parents=True)
    png(tmp_path / "content/images/strip.png", 1, 100_000_000, 0, 8, b"\x00")  # 195 kB
    refused(build(tmp_path, "![A strip](images/strip.png)"),
            "content/part.md:5: picture content/images/strip.png has 1 × 100000000 px",
            f"more than the {pixels.PIXELS // 10**6} million one picture may have")


def test_an_svg_of_nested_use(tmp_path: Path) -> None:
    (tmp_path / "content" / "images").mkdir(parents=True)
    (tmp_path / "content/images/bomb.svg").write_text(_bomb(8), encoding="utf-8")  # 10**8 squares in 2 kB
    refused(build(tmp_path, "![A bomb](images/bomb.svg)"),
            f"content/part.md:5: picture content/images/bomb.svg draws more than {drawings.SHAPES:,} shapes")


def test_a_paragraph_past_its_characters(tmp_path: Path) -> None:
    words = budgets.PARAGRAPH_CHARACTERS // 5 + 10
    refused(build(tmp_path, "word " * words), "content/part.md:5: this paragraph has",
            f"more than the {budgets.PARAGRAPH_CHARACTERS:,} one paragraph may hold")


@pytest.mark.parametrize("size", [10_000_000])
def test_a_manifest_string_of_ten_megabytes(tmp_path: Path, size: int) -> None:
    manifest = MANIFEST.replace('title = "T"', f'title = "{"T" * size}"')
    refused(build(tmp_path, "Text.", manifest),
            f"content/zine.toml:1: 'title' is {size:,} characters long: it is a line, at most 200 characters")
