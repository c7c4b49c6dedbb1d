"""Pictures that fit, for the copier (issue 12, items 2 and 3), read back from the PDFs.

Two builds of the zine of pictures of every shape (bench/picture_zine.py, its huge photo a few
MB here): A5 as it is, and A6 with `photos = "halftone"`. Every picture must lie inside its
page's text area (pdfium's image objects' bounds), keep its aspect, be embedded at no more than
300 dpi, and halftoned ones must be pure black and white. The text areas the build sizes
pictures for (paper.Format) are compared with WeasyPrint's layout of the shipped stylesheets.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from builder.model import Report, Zine
from builder.paper import MM, ZINE_FORMATS, Format
from builder.pictures.resample import DPI
from builder.preflight import GREY, IN_COLOUR
from builder.project import Project, shipped_templates

from conftest import ROOT, build_in, page_texts, snapshot

sys.path.insert(0, str(ROOT / "bench"))
import picture_zine  # noqa: E402  (bench/, not a package)

MARGINS = {"A5": (15, 20, 17, 14), "A6": (11, 16, 13, 11)}
"""Top, bottom, inner and outer margins of a reading page in the shipped stylesheets, mm."""
TOLERANCE_MM = 0.2


@pytest.fixture(scope="module")
def a5(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report, dict[str, bytes]]:
    root = picture_zine.write(tmp_path_factory.mktemp("pictures-a5"), huge_mb=4)
    with (root / "content/text.md").open("a", encoding="utf-8") as part:  # ink at the edge: preflight's word
        part.write('\n<p class="in-the-margin">Ink in the margin.</p>\n')
    (root / "templates").mkdir(exist_ok=True)  # a style is the project's templates' (content.rawhtml)
    css = (shipped_templates() / "zine.css").read_text(encoding="utf-8")
    (root / "templates/zine.css").write_text(css + "\n.in-the-margin { margin-left: -17mm; text-indent: 0; }\n",
                                             encoding="utf-8")
    before = snapshot(root / "content")
    return root, build_in(root), before


@pytest.fixture(scope="module")
def a6(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    root = picture_zine.write(tmp_path_factory.mktemp("pictures-a6"), huge_mb=1, photos="halftone", format="A6")
    return root, build_in(root)


def reading(root: Path) -> Path:
    return next((root / "output").glob("*-reading.pdf"))


def images(path: Path) -> list[tuple[int, tuple[float, float, float, float], tuple[int, int], object]]:
    """Each image of the PDF: its page (1-based), bounds (left, bottom, right, top in points), pixels, object."""
    document = pdfium.PdfDocument(path)
    found = []
    for number, page in enumerate(document, start=1):
        for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
            found.append((number, picture.get_bounds(), picture.get_px_size(), picture))
    return found


def text_area(format: str, number: int, height: float, width: float) -> tuple[float, float, float, float]:
    """The text area of reading page `number` (left, bottom, right, top in points): right-hand
    pages (odd) have the wide inner margin on the left."""
    top, bottom, inner, outer = MARGINS[format]
    left, right = (inner, outer) if number % 2 else (outer, inner)
    return left * MM, bottom * MM, width - right * MM, height - top * MM


@pytest.mark.parametrize("build", ["a5", "a6"])
def test_every_picture_lies_inside_its_pages_text_area(build: str, request: pytest.FixtureRequest) -> None:
    root = request.getfixturevalue(build)[0]
    format = "A6" if build == "a6" else "A5"
    size = ZINE_FORMATS[format].page
    found = images(reading(root))
    assert len(found) == 11  # the grey photo twice, the mon logo twice; the SVG is drawn, not an image
    for number, (left, bottom, right, top), _, _ in found:
        area = text_area(format, number, size.height * MM, size.width * MM)
        tolerance = TOLERANCE_MM * MM
        assert left >= area[0] - tolerance and right <= area[2] + tolerance, (number, left, right, area)
        assert bottom >= area[1] - tolerance and top <= area[3] + tolerance, (number, bottom, top, area)


@pytest.mark.parametrize("build", ["a5", "a6"])
def test_pictures_keep_their_aspect_and_at_most_300_dpi(build: str, request: pytest.FixtureRequest) -> None:
    root = request.getfixturevalue(build)[0]
    for number, (left, bottom, right, top), (across, down), _ in images(reading(root)):
        width, height = (right - left) / 72, (top - bottom) / 72  # inches
        assert across / width <= DPI * 1.01 and down / height <= DPI * 1.01, (number, across / width)
        assert abs(across / down - width / height) / (width / height) < 0.02, number


def test_the_huge_photo_is_resampled_and_the_pdfs_stay_small(a5: tuple[Path, Report, dict[str, bytes]]) -> None:
    root, report, _ = a5
    huge = (root / "content/images/huge photo.jpg").stat().st_size
    assert huge > 3_000_000
    dpis = [across / ((right - left) / 72) for _, (left, _, right, _), (across, _), _ in images(reading(root))
            if across > 3000]
    assert not dpis, "no picture keeps the huge photo's pixels"
    for output in report.outputs:
        assert output.path.stat().st_size < huge / 2, output.path.name


def test_the_full_width_frieze_fills_the_column(a5: tuple[Path, Report, dict[str, bytes]]) -> None:
    frieze = images(reading(a5[0]))[0]
    left, _, right, _ = frieze[1]
    assert abs((right - left) / MM - ZINE_FORMATS["A5"].text_block.width) < 0.3


def test_captions_stay_with_their_pictures_and_the_full_page_has_no_folio(
        a5: tuple[Path, Report, dict[str, bytes]]) -> None:
    texts = page_texts(reading(a5[0]))
    pages = {number for number, *_ in images(reading(a5[0]))}
    for caption in ("A frieze of 2400 × 200\u00a0pixels", "A poster of 400 × 2400\u00a0pixels", "A colour photo, 1200",
                    "A picture on a page of its own"):
        number = next(number for number, text in enumerate(texts, start=1) if caption in text)
        assert number in pages, caption
    full = texts.index("A picture on a page of its own, without a folio")  # no folio, no other text
    assert texts[full + 1].endswith(str(full + 2))  # the next page has its folio again


def test_halftone_gives_pure_black_and_white(a5: tuple[Path, Report, dict[str, bytes]],
                                             a6: tuple[Path, Report]) -> None:
    def tones(picture: object) -> set[int]:
        bitmap = picture.get_bitmap(render=False).to_pil().convert("L")  # type: ignore[attr-defined]
        return {value for value, count in enumerate(bitmap.histogram()) if count}

    # photos = "halftone": every picture, colour ones too; the line art stays black and white
    assert all(tones(found[3]) <= {0, 255} for found in images(reading(a6[0])))
    grey = [found for found in images(reading(a5[0])) if found[2][0] == round(81.9 / 25.4 * 300)]
    assert len(grey) == 2 and len(tones(grey[0][3])) > 2 and tones(grey[1][3]) <= {0, 255}  # before, after


def test_grey_and_colour_warnings_name_the_picture_and_halftone_silences_them(
        a5: tuple[Path, Report, dict[str, bytes]], a6: tuple[Path, Report]) -> None:
    greys = [finding.message for finding in a5[1].findings if finding.message.startswith(GREY)]
    assert any("on this page: content/images/grey.jpg. photos = \"halftone\" in zine.toml" in message
               for message in greys), greys
    assert any("on this page: content/images/huge photo.jpg." in message for message in greys), greys
    assert not any(finding.message.startswith(GREY) for finding in a6[1].findings)
    # A colour photo is flagged as colour, not grey: that warning names it too.
    colours = [finding.message for finding in a5[1].findings if finding.message.startswith(IN_COLOUR)]
    assert any("content/images/photo.jpg" in message and 'photos = "halftone"' in message for message in colours), colours
    assert not any(finding.message.startswith(IN_COLOUR) for finding in a6[1].findings)


def test_edge_warnings_name_the_part_of_a_reading_page(a5: tuple[Path, Report, dict[str, bytes]]) -> None:
    edges = [finding.message for finding in a5[1].findings if finding.message.startswith("ink ")]
    assert edges and all("in the part “Some text”" in message for message in edges), edges


def test_content_is_never_written_and_the_cache_holds_what_the_build_used(
        a5: tuple[Path, Report, dict[str, bytes]]) -> None:
    root, _, before = a5
    assert snapshot(root / "content") == before
    cached = sorted(path.name for path in Project.at(root).pictures.iterdir())
    assert len(cached) == 10 and any(name.startswith("huge-photo-") for name in cached), cached
    assert not any(path.name.startswith(("huge", "photo", "grey")) for path in (root / "output").rglob("*.*")
                   if Project.at(root).pictures not in path.parents)


def test_a_rebuild_reuses_the_resampled_pictures(a5: tuple[Path, Report, dict[str, bytes]]) -> None:
    from builder import content
    from builder.pictures import resample

    root = a5[0]
    cache = Project.at(root).pictures
    stamps = {path: path.stat().st_mtime_ns for path in cache.iterdir()}
    zine: Zine = resample.prepare(content.load(Project.at(root)), cache)
    assert {path: path.stat().st_mtime_ns for path in cache.iterdir()} == stamps
    assert str(cache) in zine.parts[0].html


@pytest.mark.parametrize("format", ZINE_FORMATS.values(), ids=lambda format: format.name)
def test_the_text_areas_pictures_are_sized_for_are_the_stylesheets(format: Format, tmp_path: Path) -> None:
    """paper.Format.text_block (and the mini-zine's) against WeasyPrint's layout of the templates."""
    from builder import content
    from builder.project import Project
    from builder.render import templating
    from weasyprint import HTML

    root = picture_zine.write(tmp_path, huge_mb=0.1, format=format.name)
    (root / "content/mini.md").write_text("## One\n\nA page.\n", encoding="utf-8")
    manifest = root / "content/zine.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + 'minizine = "mini.md"\n', encoding="utf-8")
    project = Project.at(root)
    zine = content.load(project)
    env = templating.environment(project)
    for template, name, block, index in (("zine.html", "reading", format.text_block, -2),
                                         ("minizine.html", "minizine", format.minizine_text_block, 0)):
        document = templating.document(env, template, name, zine, minizine=zine.minizine)
        page = HTML(string=document.html, base_url=(ROOT / "templates").as_uri() + "/").render().pages[index]
        box = page._page_box  # WeasyPrint's layout: the page's content area
        laid = (box.width / 96 * 25.4, box.height / 96 * 25.4)
        assert abs(laid[0] - block.width) < 0.05 and abs(laid[1] - block.height) < 0.05, (name, format.name, laid)
