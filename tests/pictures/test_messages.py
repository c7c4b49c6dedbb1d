"""What the build says of pictures, before any rendering (issue 21, items 3 to 6): a file it cannot
read is one error naming its format and the way out, with the project path only; the cover is a
picture like the others (halftoned, named, a warning without a description); a name that differs
in case, or nearly, gets a did-you-mean; a picture under 150 dpi a warning with what it needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builder import content
from builder.errors import BuildError
from builder.model import Zine
from builder.paper import ZINE_FORMATS
from builder.pictures import resample
from builder.pictures.sizing import COVER_MM
from builder.project import Project
from PIL import Image

from conftest import ROOT

MANIFEST = 'title = "T"\nlang = "en"\ndate = 2026-11-28\nedition = "E"\nparts = ["part.md"]\n'


def prepared(root: Path, part: str, manifest: str = "") -> Zine:
    """The zine in `root` read and its pictures prepared (no rendering): `part` is part.md's body."""
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "zine.toml").write_text(MANIFEST + manifest, encoding="utf-8")
    (root / "content" / "part.md").write_text(f"---\ntitle: Part\n---\n\n{part}\n", encoding="utf-8")
    project = Project.at(root, templates=ROOT / "templates")
    return resample.prepare(content.load(project), project.pictures)


def errors(root: Path, part: str, manifest: str = "") -> list[str]:
    with pytest.raises(BuildError) as raised:
        prepared(root, part, manifest)
    return raised.value.lines()


@pytest.fixture
def images(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "images"
    folder.mkdir(parents=True)
    Image.new("RGB", (600, 400), (200, 60, 60)).save(folder / "IMG_4032.jpg")
    return folder


@pytest.mark.parametrize(("name", "data", "said"), [
    ("iphone.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64, "is HEIC, an iPhone's photo"),
    ("flyer.jpg", b"%PDF-1.7\n" + b"\x00" * 64, "is a PDF, not a picture: export its page as PNG"),
    ("clip.heic", b"\x00\x00\x00\x18ftypqt  " + b"\x00" * 64, "is a QuickTime video, not a picture"),
    ("notes.png", b"just some text\n", "is not a picture the build can read"),
])
def test_an_unreadable_picture_is_one_error_with_its_format_and_the_project_path(
        tmp_path: Path, images: Path, name: str, data: bytes, said: str) -> None:
    (images / name).write_bytes(data)
    found = errors(tmp_path, f'![What it shows](images/{name} "A caption")')
    assert len(found) == 1, found  # not a second, false one about the caption's paragraph
    assert found[0].startswith(f"content/part.md:5: picture content/images/{name} {said}"), found
    assert "JPEG" in found[0] and str(tmp_path) not in found[0]


CASE = (": did you mean images/IMG_4032.jpg? (names differ in case: it works on a Mac, not on Linux or a copy "
        "shop's PC)")


@pytest.mark.parametrize(("written", "said"), [
    ("images/img_4032.jpg", CASE),
    ("Images/IMG_4032.jpg", CASE),
    ("images/IMG_4023.jpg", " (did you mean 'images/IMG_4032.jpg'?)"),
    ("images/nothing-like-it.png", ""),
])
def test_a_name_that_differs_in_case_or_nearly_gets_a_did_you_mean(
        tmp_path: Path, images: Path, written: str, said: str) -> None:
    found = errors(tmp_path, f"![What it shows]({written})")
    assert found == [f"content/part.md:5: image '{written}' not found{said}"]


def test_the_cover_follows_photos_is_named_and_warns_without_a_description(tmp_path: Path, images: Path) -> None:
    zine = prepared(tmp_path, "Text.", 'photos = "halftone"\ncover = "images/IMG_4032.jpg"\n')
    tag = zine.meta.cover
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
    assert attrs["class"] == "cover-mark halftone" and attrs["data-picture"] == "content/images/IMG_4032.jpg"
    assert "style" not in attrs and attrs["alt"] == ""  # the stylesheet sizes its box
    printed = Image.open(Path(attrs["src"].removeprefix("file://")))
    assert printed.width == round(COVER_MM["A5"] / 25.4 * 300) and {grey for _, grey in printed.getcolors(256)} == {0, 255}
    assert [(str(warning.path), warning.line, warning.message) for warning in zine.warnings] == [
        ("content/zine.toml", 7, "the cover picture images/IMG_4032.jpg has no description for screen readers: "
                                 'write what it shows (cover_alt = "…" in zine.toml)')]


def test_the_cover_can_be_marked_like_any_picture(tmp_path: Path, images: Path) -> None:
    zine = prepared(tmp_path, "Text.", 'cover = "images/IMG_4032.jpg {.halftone}"\ncover_alt = "Red"\n')
    assert 'class="cover-mark halftone"' in zine.meta.cover and 'alt="Red"' in zine.meta.cover
    kept = prepared(tmp_path, "Text.", 'photos = "halftone"\ncover = "images/IMG_4032.jpg {.sans-trame}"\n')
    assert 'class="cover-mark no-halftone"' in kept.meta.cover and "/img-4032-" in kept.meta.cover
    assert errors(tmp_path, "Text.", 'cover = "images/IMG_4032.jpg {.full-page}"\n') == [
        "content/zine.toml:6: 'cover': {.full-page} after the file name takes .halftone or .no-halftone, not '.full-page'"]


@pytest.mark.parametrize("format", ZINE_FORMATS)
def test_the_cover_is_made_for_the_box_the_stylesheets_give_it(format: str) -> None:
    stylesheet = ZINE_FORMATS[format].stylesheet
    widths = [re.search(r"\.cover-mark \{[^}]*\bwidth: ([\d.]+)mm", (ROOT / "templates" / name).read_text())
              for name in ("zine.css", stylesheet) if name]
    assert float([found for found in widths if found][-1].group(1)) == COVER_MM[format]


def test_a_picture_under_150_dpi_gets_a_warning_with_what_it_needs(tmp_path: Path, images: Path) -> None:
    Image.new("RGB", (512, 384), "white").save(images / "small.jpg")
    zine = prepared(tmp_path, "Text.\n\n![A photo](images/small.jpg){width=99mm}")
    assert [(str(warning.path), warning.line, warning.message) for warning in zine.warnings] == [
        ("content/part.md", 7, "content/images/small.jpg is 512 × 384 px printed 99 mm wide: 131 dpi, under 150; "
                               "for 300 dpi it needs 1169 px wide (a larger file), or print it at most 86 mm wide "
                               "({width=86mm})")]
    assert not prepared(tmp_path, "![A photo](images/small.jpg){width=86mm}").warnings
