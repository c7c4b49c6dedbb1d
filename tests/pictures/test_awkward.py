"""Every picture prints (issue 21, items 2, 3 and 5), read back from the reading PDF.

One small zine, built once for the module, with `photos = "halftone"`: each awkward picture
(awkward.py: palette, two greys, transparency on white and on a tint, 16-bit grey, CMYK JPEG, EXIF
turn, a tiny icon enlarged, a 1-pixel rule, a yellow logo, a flat grey, WebP, an iPhone's HEIC)
printed twice, kept (`{.no-halftone}`, as `photos = "keep"` prints it) and halftoned. pdfium
renders each page; the pixels in each picture's box must show the picture's tones where it has
them: not blank, and the right way up.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import awkward
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from builder.model import Report
from PIL import Image

from conftest import ROOT, build_in

SCALE = 300 / 72
"""Rendering scale: 300 dpi, the resolution pictures are printed at."""
MANIFEST = """title = "Awkward pictures"
lang = "en"
date = 2026-11-28
edition = "Test edition"
parts = ["pictures.md"]
photos = "halftone"
cover = "images/rotated.jpg"
cover_alt = "A grey gradient, darker at the top left"
"""
WIDTHS = {"icon.png": "30mm", "rule.png": "100%"}
"""Printed widths other than half the column: the icon is enlarged 25 times, the rule spans the column."""


def _markdown(names: list[str]) -> str:
    blocks = ["---\ntitle: Awkward pictures\n---\n", "Each picture twice: kept, then halftoned.\n"]
    for name in names:
        width = WIDTHS.get(name, "50%")
        blocks.append(f"![{name}, kept](images/{name}){{width={width} .no-halftone}}\n")
        blocks.append(f"![{name}, halftoned](images/{name}){{width={width}}}\n")
    return "\n".join(blocks)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report, dict[str, Image.Image]]:
    root = tmp_path_factory.mktemp("awkward")
    shown = awkward.write(root / "content" / "images")
    (root / "content" / "zine.toml").write_text(MANIFEST, encoding="utf-8")
    (root / "content" / "pictures.md").write_text(_markdown(list(shown)), encoding="utf-8")
    report = build_in(root, templates=ROOT / "templates")
    return root, report, shown


def printed(pdf: Path) -> list[tuple[int, Image.Image]]:
    """The pixels of each picture of the PDF as it prints (rendered at 300 dpi, in its box), in
    reading order, each with its page number."""
    document = pdfium.PdfDocument(pdf)
    found = []
    for number, page in enumerate(document, start=1):
        boxes = [picture.get_bounds() for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
        if not boxes:
            continue
        rendered = page.render(scale=SCALE).to_pil().convert("L")
        height = page.get_height()
        for left, bottom, right, top in sorted(boxes, key=lambda box: -box[3]):
            found.append((number, rendered.crop((round(left * SCALE), round((height - top) * SCALE),
                                        round(right * SCALE), round((height - bottom) * SCALE)))))
    return found


def cells(image: Image.Image) -> list[float]:
    """The picture's mean grey in each cell of a 4 × 4 grid (fewer where it is thinner), 0 black to 255 white."""
    grid = image.resize((min(4, image.width), min(4, image.height)), Image.Resampling.BOX)
    return [float(grid.getpixel((x, y))) for y in range(grid.height) for x in range(grid.width)]  # type: ignore[arg-type]


def test_every_awkward_picture_prints_kept_and_halftoned(built: tuple[Path, Report, dict[str, Image.Image]]) -> None:
    root, _, shown = built
    pictures = [picture for number, picture in printed(next((root / "output").glob("*-reading.pdf"))) if number > 1]
    assert len(pictures) == 2 * len(shown)
    wrong = []
    for index, (name, picture) in enumerate(shown.items()):
        expected = cells(picture)
        kept, halftoned = (cells(found) for found in pictures[2 * index:2 * index + 2])
        assert len(kept) == len(expected) == len(halftoned), name
        # Kept: the same greys, cell by cell (colours seen as greys), within a JPEG's and a resampling's error.
        if max(abs(a - b) for a, b in zip(kept, expected)) >= 24:
            wrong.append(("kept", name, kept, expected))
        # Halftoned: ink where the picture has ink, darker where it is darker; never blank (a pale
        # picture's cells may all be light: blank is no ink at all where the picture has some).
        if min(halftoned) >= 250 > min(expected) or (statistics.correlation(halftoned, expected) <= 0.8 if len(set(expected)) > 1
                                     else abs(statistics.mean(halftoned) - expected[0]) >= 40):
            wrong.append(("halftoned", name, halftoned, expected))
        # …and about as dark overall: a pale logo is not printed solid black (issue 21, item 2).
        if abs(statistics.mean(halftoned) - statistics.mean(expected)) >= 16:
            wrong.append(("halftoned, darkness", name, round(statistics.mean(halftoned)), round(statistics.mean(expected))))
    assert not wrong, "\n".join(map(str, wrong))


def test_the_cover_is_halftoned_with_the_zine_the_right_way_up(
        built: tuple[Path, Report, dict[str, Image.Image]]) -> None:
    root, _, shown = built
    [cover] = [picture for number, picture in printed(next((root / "output").glob("*-reading.pdf"))) if number == 1]
    assert statistics.correlation(cells(cover), cells(shown["rotated.jpg"].resize(cover.size))) > 0.8
    screened = next(path for path in (root / "output" / ".pictures").iterdir() if path.name.startswith("rotated-")
                    and Image.open(path).width == round(40 / 25.4 * 300))
    assert {grey for _, grey in Image.open(screened).convert("L").getcolors(256)} == {0, 255}


def test_a_tiny_icon_enlarged_gets_a_resolution_warning(built: tuple[Path, Report, dict[str, Image.Image]]) -> None:
    found = [(str(finding.path), finding.line) for finding in built[1].findings if "under 150" in finding.message]
    assert found == [("content/pictures.md", 35), ("content/pictures.md", 37)], found
