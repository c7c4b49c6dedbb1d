"""Letters inside every booklet (issue 22): in half-letter and A6 zines too, a letter is a page (on
A6 a leaf, front and back) to cut out along a dotted line on the spine side, listed in the
contents, with write-on lines 8 mm apart and ink clear of the copier's edges and of the A6 cut.

One small zine per format, built once (previews off): a part, the letter, a part after it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder.build import Options
from builder.errors import BuildError
from builder.model import Report
from builder.paper import ZINE_FORMATS
from PIL import Image

from conftest import ROOT, build_in, page_texts

PX = 300 / 25.4
"""Pixels per mm of the renders (300 dpi)."""
LONG = " ".join(f"Sentence {n} of a text long enough to fill a page or two." for n in range(40))
LETTER = """---
title: Letter to the landlord
kind: letter
---

[[name: your name]]
[[street]]
[[town: city, state, ZIP]]

> [[landlord]]
> [[landlord-street]]
> [[landlord-town]]

> [[place]], [[date]]

Dear [[landlord-name]],

Lettertext: please repair the heating of flat [[flat]] within fourteen days, as the lease and the
law require. The radiators have been cold since [[since]]; we have told the caretaker twice.

Tenant number: [[number]]

- [ ] I have written before, on [[earlier]]
- [ ] This is my first letter.

> [[signature]]
"""


def _zine(folder: Path, format: str, letter: str = LETTER) -> Path:
    (folder / "content/letters").mkdir(parents=True)
    (folder / "content/zine.toml").write_text(
        f'title = "Tenants"\nauthor = "Union"\nlang = "en"\ndate = 2026-11-28\nedition = "Test"\nformat = "{format}"\n'
        'parts = ["one.md", "letters/ask.md", "two.md"]\n', encoding="utf-8")
    (folder / "content/one.md").write_text(f"---\ntitle: Before\n---\n\n{LONG}\n", encoding="utf-8")
    (folder / "content/two.md").write_text("---\ntitle: After\n---\n\nAfterword.\n", encoding="utf-8")
    (folder / "content/letters/ask.md").write_text(letter, encoding="utf-8")
    return folder


@dataclasses.dataclass
class Built:
    format: str
    report: Report

    def path(self, kind: str) -> Path:
        return next(out.path for out in self.report.outputs if out.path.name.endswith(f"-{kind}.pdf"))

    def letter_pages(self) -> list[int]:
        """The 0-based pages of the reading edition that the letter takes: from its text to its signature."""
        texts = page_texts(self.path("reading"))
        first = next(index for index, text in enumerate(texts) if "Lettertext" in text)
        last = next(index for index, text in enumerate(texts) if index >= first and "signature" in text)
        return list(range(first, last + 1))


@pytest.fixture(scope="module", params=["half-letter", "A6"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = _zine(tmp_path_factory.mktemp(request.param), request.param)
    return Built(request.param, build_in(folder, templates=ROOT / "templates", options=Options(previews=False)))


def _render(path: Path, index: int) -> Image.Image:
    document = pdfium.PdfDocument(path)
    try:
        return document[index].render(scale=PX * 25.4 / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def _ink(image: Image.Image, box: tuple[float, float, float, float]) -> tuple[int, int, int, int] | None:
    """The bounding box (pixels, in the crop) of the ink inside `box`: left, top, right, bottom in mm."""
    crop = image.crop(tuple(round(value * PX) for value in box))
    return crop.point(lambda value: 255 if value < 128 else 0).getbbox()


def test_the_letter_is_in_the_reading_edition_the_booklet_and_the_contents(built: Built) -> None:
    reading = page_texts(built.path("reading"))
    first = built.letter_pages()[0]
    assert first % 2 == 0, "the letter starts on a right-hand page"
    # One page in half-letter; on A6 this letter takes its leaf, front and back (paper.Format.letter_pages).
    assert len(built.letter_pages()) == ZINE_FORMATS[built.format].letter_pages
    contents = next(text for text in reading if "Contents" in text)
    assert re.search(rf"Letter to the landlord\W+{first + 1}\b", contents), contents
    assert "Lettertext" in " ".join(page_texts(built.path("booklet")))
    assert "Lettertext" in " ".join(page_texts(built.path("letters"))), "the pack still has it"
    after = next(index for index, text in enumerate(reading) if "Afterword" in text)
    assert after == first + 2, "what follows the letter starts on the next leaf: cutting the letter out loses nothing"


def test_a_dotted_cut_line_runs_on_the_spine_side(built: Built) -> None:
    """6 mm from the fold, on the left of a right-hand page and on the right of a left-hand one (the
back of an A6 letter's leaf)."""
    width = ZINE_FORMATS[built.format].page.width
    height = ZINE_FORMATS[built.format].page.height
    for index in built.letter_pages():
        image = _render(built.path("reading"), index)
        spine = 5.5 if index % 2 == 0 else width - 6.5
        line = _ink(image, (spine, 10, spine + 1, height - 10))
        assert line is not None and line[3] - line[1] > (height - 40) * PX, f"page {index + 1}: no cut line"
        rows = [_ink(image, (spine, y / PX, spine + 1, (y + 1) / PX)) for y in range(round(20 * PX), round(60 * PX))]
        assert 0.2 < sum(1 for row in rows if row) / len(rows) < 0.8, "a dotted line, not a solid one"
        outer = width - spine - 1
        assert _ink(image, (outer, 0, outer + 1, height)) is None, "none on the outer side"


def _rules(image: Image.Image) -> list[tuple[float, float, float]]:
    """The horizontal rules of a page at least 20 mm long: left, right and top, in mm (a rule is
    counted once however many pixel rows thick)."""
    ink = image.point(lambda value: 1 if value < 128 else 0).tobytes()
    run = re.compile(rb"\x01{%d,}" % round(20 * PX))
    found: list[tuple[float, float, float]] = []
    for y in range(image.height):
        for match in run.finditer(ink, y * image.width, (y + 1) * image.width):
            left, right = (match.start() - y * image.width) / PX, (match.end() - y * image.width) / PX
            if not any(abs(top - y / PX) < 0.5 and abs(start - left) < 0.5 for start, _, top in found):
                found.append((left, right, y / PX))
    return found


def test_write_on_lines_are_at_least_8_mm_apart(built: Built) -> None:
    """FACTS.md §2: write-on lines 8–10 mm apart, for handwriting; measured on the printed rules."""
    rules = [rule for index in built.letter_pages()[:1] for rule in _rules(_render(built.path("reading"), index))]
    assert len(rules) >= 8, rules
    for first in rules:
        for second in rules:
            overlap = min(first[1], second[1]) - max(first[0], second[0])
            if first is not second and overlap > 2:
                assert abs(first[2] - second[2]) >= 7.9, (first, second)


def test_ink_keeps_10_mm_from_the_sheet_edges_and_the_cut(built: Built) -> None:
    """FACTS.md §5 on the imposed booklet; an A6 sheet holds two copies, cut across its middle."""
    copies = ZINE_FORMATS[built.format].booklet.copies
    document = pdfium.PdfDocument(built.path("booklet"))
    try:
        sides = len(document)
        width, height = (value / 72 * 25.4 for value in document[0].get_size())
    finally:
        document.close()
    for number in range(sides):
        image = _render(built.path("booklet"), number)
        for copy in range(copies):
            top, bottom = height * copy / copies, height * (copy + 1) / copies
            box = _ink(image, (0, top, width, bottom))
            assert box is not None
            margins = (box[0] / PX, box[1] / PX, width - box[2] / PX, bottom - top - box[3] / PX)
            assert min(margins) >= 9.9, f"side {number + 1}, copy {copy + 1}: ink {min(margins):.1f} mm from an edge"


def test_a_letter_too_long_for_its_pages_stops_the_build_naming_it(tmp_path: Path) -> None:
    long = LETTER.replace("Lettertext:", "A paragraph long enough to fill a line of the letter. " * 40 + "\n\n")
    folder = _zine(tmp_path, "A6", long)
    with pytest.raises(BuildError) as error:
        build_in(folder, templates=ROOT / "templates", options=Options(previews=False))
    assert re.search(r"content/letters/ask\.md: the letter does not fit on the two A6 pages of its leaf "
                     r"\(front and back\): it runs over by \d+ mm; shorten it", str(error.value)), str(error.value)
    assert not (folder / "output/tenants-reading.pdf").exists()
