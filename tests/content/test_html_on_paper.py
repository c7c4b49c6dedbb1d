"""Raw HTML, links and lists as they print (issue 20, items 2-4): one small zine built once, read
back from its PDFs: `<q>` in the language's quotation marks, a `1)` list keeping its delimiter,
links to headings and parts by their words, title or id, and a raw `<img>` named by its line."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from builder.model import Report
from PIL import Image

from conftest import build_in, page_texts

START = """---
title: Start
kind: text
---

Il a dit <q>bonjour <q>toi</q></q>, <span lang="en">she said <q>hello <q>you</q></q></span>.

Steps:

{steps}

See [the Q and A](#q&a), [plain](#deux), [exact](#02-how-to--planting-day), [lost](#planting-dya) and
[next](02-how-to.md).

<img src="images/my pic.png" alt="A small picture">
"""
HOW_TO = """---
title: Deux
kind: guide
---

## Planting day

Dig.

## Q&A

Ask.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    root = tmp_path_factory.mktemp("html")
    content = root / "content"
    (content / "images").mkdir(parents=True)
    Image.new("RGB", (100, 50), "white").save(content / "images/my pic.png")
    steps = "\n".join(f"{n}) Step {n}." for n in range(1, 11))
    (content / "01-start.md").write_text(START.format(steps=steps), encoding="utf-8")
    (content / "02-how-to.md").write_text(HOW_TO, encoding="utf-8")
    (content / "zine.toml").write_text('title = "Essai"\nlang = "fr"\ndate = 2026-01-15\nedition = "Une"\n'
                                       'parts = ["01-start.md", "02-how-to.md"]\n', encoding="utf-8")
    return root, build_in(root)


def _reading(root: Path) -> Path:
    return next((root / "output").glob("*-reading.pdf"))


def test_q_prints_the_quotation_marks_of_its_language_nested_in_the_second_pair(built: tuple[Path, Report]) -> None:
    text = " ".join(page_texts(_reading(built[0])))
    assert "«\u202fbonjour “toi”\u202f»" in text, text
    assert "she said “hello ‘you’”" in text, text


def test_a_list_written_1_paren_prints_its_parentheses_in_the_text_block(built: tuple[Path, Report]) -> None:
    """Its numbers (drawn after the page's text) end in ")", 9) and 10) on one parenthesis, inside
    the text block (the left edge of the part's first paragraph)."""
    document = pdfium.PdfDocument(_reading(built[0]))
    try:
        page = next(page for page in document if "Steps" in page.get_textpage().get_text_range())
        text = page.get_textpage()
        chars = text.get_text_range()
        markers = {match.group(1): (text.get_charbox(match.start(1))[0], text.get_charbox(match.end(1) - 1)[2])
                   for match in re.finditer(r"(?m)^(\d+[.)]) ", chars)}
        edge = text.get_charbox(chars.index("Il a dit"))[0]
    finally:
        document.close()
    assert sorted(markers, key=lambda marker: int(marker[:-1])) == [f"{n})" for n in range(1, 11)], markers
    assert markers["10)"][0] >= edge - 0.3, (markers, edge)
    assert abs(markers["9)"][1] - markers["10)"][1]) < 0.2, markers


def test_links_lead_to_headings_and_parts_by_their_words_title_or_id(built: tuple[Path, Report]) -> None:
    root, report = built
    index = next(number for number, text in enumerate(page_texts(_reading(root))) if "See the Q" in text)
    with pikepdf.open(_reading(root)) as pdf:
        dests = sorted(str(annotation.Dest) for annotation in pdf.pages[index].get("/Annots", [])
                       if "/Dest" in annotation)
    # the Q and A, the part titled Deux, the heading named by its id; lost and next print their text
    assert dests == ["02-how-to", "02-how-to--planting-day", "02-how-to--q-a"], dests
    warnings = [str(finding) for finding in report.findings]
    assert [line for line in warnings if "leads nowhere" in line] == [
        "content/01-start.md:21: warning: link to #planting-dya leads nowhere: no heading or part of the zine has "
        "these words (did you mean #planting-day?); it prints as text"]
    assert ("content/01-start.md:22: warning: link to '02-how-to.md' prints its text only: paper cannot follow it; "
            "link to the part with [next](#02-how-to)") in warnings


def test_a_raw_picture_with_a_space_in_its_name_prints_and_is_named_by_its_line(built: tuple[Path, Report]) -> None:
    root, report = built
    low = [str(finding) for finding in report.findings if "dpi" in str(finding)]
    assert len(low) == 1 and low[0].startswith("content/01-start.md:24: warning: content/images/my pic.png is 100 × 50 px"), low
    document = pdfium.PdfDocument(_reading(root))
    try:
        assert any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for page in document for obj in page.get_objects())
    finally:
        document.close()
