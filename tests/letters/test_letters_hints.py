"""Hints under blanks (issue 22 review): the small text under a write-on line sits in room of its
own, never on the next line, and a blank is at least as wide as its hint (on A6 a long hint made
the fit check blame "a word that cannot break").

An English zine with a letter to the landlord, built once on A5 and once on A6; measured on the
booklet's letter page (reading edition) and on the letter pack's page (A4, DL: the pack too).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from builder.build import Options
from builder.letters.envelopes import Field
from builder.model import Report
from builder.paper import MM

from conftest import ROOT, build_in, page_texts

LONG_HINT = "flat number, floor and entrance of the building"
"""Wider than an A6 blank (letters-a6.css: --inline 26 mm)."""
LETTER = f"""---
title: Letter to the landlord
kind: letter
---

[[name: your name]]
[[street]]

> [[landlord: Attn: Property Manager]]
> Riverside Homes
> [[landlord-street: street and number]]
> [[landlord-town]]

> [[place]], [[date]]

Dear [[landlord-name]],

Lettertext: please repair the heating of [[flat: {LONG_HINT}]] within fourteen days.

> [[signature]]
"""


@pytest.fixture(scope="module", params=["A5", "A6"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp(request.param)
    (folder / "content/letters").mkdir(parents=True)
    (folder / "content/zine.toml").write_text(
        f'title = "Tenants"\nauthor = "Union"\nlang = "en"\ndate = 2026-11-28\nedition = "Test"\n'
        f'format = "{request.param}"\nparts = ["one.md", "letters/ask.md"]\n', encoding="utf-8")
    (folder / "content/one.md").write_text("---\ntitle: Before\n---\n\nA union of tenants.\n", encoding="utf-8")
    (folder / "content/letters/ask.md").write_text(LETTER, encoding="utf-8")
    return build_in(folder, templates=ROOT / "templates", options=Options(previews=False))


def _measure(path: Path, page: int) -> tuple[dict[str, Field], list[Field]]:
    """The boxes (mm from the top-left corner) of the needles of this module's letter on page
    `page` (0-based), and of the drawn paths: a blank's path box is its write-on line's box, the
    rule at its bottom."""
    needles = ("Attn: Property Manager", "Riverside Homes", "street and number", LONG_HINT, "Lettertext")
    document = pdfium.PdfDocument(path)
    try:
        text, height = document[page].get_textpage(), document[page].get_height()
        boxes = {}
        for needle in needles:
            found = text.search(needle).get_next()
            assert found is not None, needle
            chars = [text.get_charbox(index) for index in range(found[0], found[0] + found[1])]
            left, right = min(box[0] for box in chars) / MM, max(box[2] for box in chars) / MM
            top, bottom = (height - max(box[3] for box in chars)) / MM, (height - min(box[1] for box in chars)) / MM
            boxes[needle] = Field(left, top, right - left, bottom - top)
        drawn = []
        for item in document[page].get_objects(max_depth=5):
            if item.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                left, low, right, high = item.get_bounds()
                drawn.append(Field(left / MM, (height - high) / MM, (right - left) / MM, (high - low) / MM))
        return boxes, drawn
    finally:
        document.close()


def _pages(built: Report) -> list[tuple[Path, int]]:
    """The reading edition and its page (0-based) that holds the letter's head, and the pack's page."""
    reading = next(out.path for out in built.outputs if out.path.name.endswith("-reading.pdf"))
    pack = next(out.path for out in built.outputs if out.path.name.endswith("-letters.pdf"))
    page = next(index for index, text in enumerate(page_texts(reading)) if "Riverside" in text)
    return [(reading, page), (pack, 0)]


def _overlap(one: Field, other: Field) -> bool:
    return one.left < other.right and other.left < one.right and one.top < other.bottom and other.top < one.bottom


def test_a_hint_never_sits_on_the_next_line(built: Report) -> None:
    for path, page in _pages(built):
        boxes, drawn = _measure(path, page)
        hint, after = boxes["Attn: Property Manager"], boxes["Riverside Homes"]
        assert hint.bottom <= after.top, (path.name, hint, after)
        # the blank after "street and number": the next write-on line (its box, 8 mm or more, below the hint)
        street = boxes["street and number"]
        lines = [box for box in drawn if box.height > 5 and box.top > street.top and _overlap(box, Field(
            street.left, street.top, street.width, 100))]
        assert lines, (path.name, street, drawn)
        following = min(lines, key=lambda box: box.top)
        assert street.bottom <= following.top, (path.name, street, following)


def test_a_blank_is_as_wide_as_its_hint(built: Report) -> None:
    """The write-on line of [[flat: …]] spans its hint (give or take an italic glyph's overhang, 0.5 mm),
    and neither crosses into the page's margin."""
    for path, page in _pages(built):
        boxes, drawn = _measure(path, page)
        hint = boxes[LONG_HINT]
        [line] = [box for box in drawn if box.height > 5 and 0 < hint.top - box.bottom < 2
                  and _overlap(box, Field(hint.left, 0, hint.width, 1000))]
        assert line.left - 0.5 <= hint.left and hint.right <= line.right + 0.5, (path.name, hint, line)
        document = pdfium.PdfDocument(path)
        width = document[page].get_width() / MM
        document.close()
        assert line.right <= width - 10, (path.name, line, width)
