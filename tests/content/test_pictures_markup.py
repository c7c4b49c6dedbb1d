"""Pictures in the Markdown (issue 12): attributes, captions, widths, file names with spaces, and
the file and line every block and picture carries into the HTML. No rendering here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builder.content import markdown
from builder.errors import BuildError, BuildErrors
from PIL import Image


@pytest.fixture
def content(tmp_path: Path) -> Path:
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    Image.new("RGB", (40, 30), "white").save(images / "mon logo.png")
    Image.new("RGB", (40, 30), "white").save(images / "photo.png")
    return tmp_path / "content"


def html(content: Path, text: str, first_line: int = 5) -> str:
    return markdown.to_html(text, where="content/part.md", first_line=first_line, folder=content, root=content)


def image_attrs(fragment: str) -> dict[str, str]:
    tag = re.search(r"<img [^>]*>", fragment)
    assert tag is not None, fragment
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag.group(0)))


@pytest.mark.parametrize(("markup", "width"), [
    ("{width=50%}", "50%"),
    ('{width="50%"}', "50%"),
    ("{width=60mm}", "60mm"),
    ("{width=6,5cm}", "6.5cm"),
    ("{ width=100% }", "100%"),
])
def test_widths_quoted_or_not(content: Path, markup: str, width: str) -> None:
    attrs = image_attrs(html(content, f"![A photo](images/photo.png){markup}"))
    assert attrs["width"] == width
    assert "{" not in html(content, f"![A photo](images/photo.png){markup}")  # nothing printed as text


@pytest.mark.parametrize("width", ["150%", "0%", "wide", "50px", "-3mm"])
def test_a_bad_width_is_refused_with_its_line(content: Path, width: str) -> None:
    with pytest.raises(BuildError) as raised:
        html(content, f"Text.\n\n![A photo](images/photo.png){{width={width}}}")
    assert str(raised.value).startswith("content/part.md:7: picture 'images/photo.png': width=")


@pytest.mark.parametrize("src", ["<images/mon logo.png>", "images/mon%20logo.png"])
def test_a_file_name_with_a_space(content: Path, src: str) -> None:
    attrs = image_attrs(html(content, f"![The plan]({src})"))
    assert attrs["src"] == (content / "images/mon logo.png").as_uri()


def test_a_space_without_brackets_is_refused_not_printed(content: Path) -> None:
    with pytest.raises(BuildError) as raised:
        html(content, "First line,\nthen ![Plan](images/mon logo.png) here.")
    assert str(raised.value).startswith("content/part.md:6: ![Plan](images/mon logo.png): a file name with a "
                                        "space must be written between < >")


@pytest.mark.parametrize("markup", ['"Le plan"', '{caption="Le plan"}', '{legende="Le plan"}'])
def test_captions_from_the_title_or_an_attribute(content: Path, markup: str) -> None:
    text = f'![A plan](images/photo.png {markup})' if markup.startswith('"') else \
        f"![A plan](images/photo.png){markup}"
    attrs = image_attrs(html(content, text))
    assert attrs["title"] == "Le plan"
    assert "caption" not in attrs and "legende" not in attrs


def test_two_captions_are_refused(content: Path) -> None:
    with pytest.raises(BuildError, match="two captions"):
        html(content, '![A plan](images/photo.png "One"){caption="Two"}')


def test_classes_french_aliases_and_unknown_attributes(content: Path) -> None:
    attrs = image_attrs(html(content, "![A](images/photo.png){.pleine-page .trame .mine}"))
    assert attrs["class"] == "full-page halftone mine"  # a class of the project's own passes
    with pytest.raises(BuildError, match="unknown attribute 'heigth'"):
        html(content, "![A](images/photo.png){heigth=3}")
    with pytest.raises(BuildError, match=".halftone and .no-halftone together"):
        html(content, "![A](images/photo.png){.trame .sans-trame}")


def test_every_problem_of_a_file_at_once(content: Path) -> None:
    with pytest.raises(BuildErrors) as raised:
        html(content, "![A](images/photo.png){width=200%}\n\n![B](images/missing.png)")
    assert [error.line for error in raised.value.errors] == [5, 7]


def test_blocks_and_pictures_carry_their_file_and_line(content: Path) -> None:
    fragment = html(content, "Intro\n\n## A heading\n\n- one\n- two\n\n> quoted\n\nText\nand ![A](images/photo.png)",
                    first_line=10)
    assert '<p data-line="content/part.md:10">Intro' in fragment
    assert '<h2 data-line="content/part.md:12">' in fragment
    assert '<li data-line="content/part.md:15">two' in fragment
    assert '<blockquote data-line="content/part.md:17">' in fragment
    assert image_attrs(fragment)["data-line"] == "content/part.md:20"  # the second line of its paragraph
