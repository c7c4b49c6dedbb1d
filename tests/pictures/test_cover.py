"""The cover picture keeps its proportions in its square box (issue 21, item 4): a picture twice
as wide as high prints twice as wide as high, within the A5 box (40 mm square; the other
formats' boxes follow the same rule)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from builder.build import Options
from builder.paper import MM
from PIL import Image, ImageDraw
from tests.conftest import SAMPLE, build_in, copy_project


@pytest.mark.parametrize("size", [(1200, 600), (400, 800)])
def test_a_cover_that_is_not_square_is_not_stretched(tmp_path: Path, size: tuple[int, int]) -> None:
    project = copy_project(SAMPLE, tmp_path / "zine")
    picture = Image.new("L", size, 255)
    ImageDraw.Draw(picture).ellipse((20, 20, size[0] - 20, size[1] - 20), outline=0, width=24)
    picture.save(project / "content/images-cover.png")
    manifest = project / "content/zine.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8")
                        + '\ncover = "images-cover.png"\ncover_alt = "Une ellipse"\n', encoding="utf-8")
    report = build_in(project, options=Options(previews=False))
    reading = next(pdf.path for pdf in report.outputs if pdf.path.name.endswith("-reading.pdf"))
    page = pdfium.PdfDocument(reading)[0]
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    assert len(images) == 1
    left, bottom, right, top = images[0].get_bounds()
    assert (right - left) / (top - bottom) == pytest.approx(size[0] / size[1], rel=0.02)
    assert max(right - left, top - bottom) == pytest.approx(40 * MM, rel=0.02)  # the A5 box: 40 mm
