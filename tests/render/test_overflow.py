"""Nothing is cut off in silence (issue 12, item 6): what leaves a page's text area stops the
build with its Markdown file and line, found in WeasyPrint's laid-out boxes.

`render/overflow.py` reads WeasyPrint internals; these tests fail if they change (the guard then
turns the check into a warning, which `test_the_boxes_are_the_ones_overflow_reads` catches).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from builder.errors import BuildError, BuildErrors
from builder.render import overflow
from PIL import Image

from conftest import ROOT, SAMPLE, build_in, copy_project

LONG = "https://example.org/" + "0123456789" * 14


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """One failed build of the sample zine with a word, a block and a picture too large, each
    placed at a known line of trois.md (a project stylesheet with deep margins for the picture)."""
    root = copy_project(SAMPLE, tmp_path_factory.mktemp("overflow"))
    Image.new("RGB", (400, 2400), "black").save(root / "content/poster.png")
    part = root / "content/trois.md"
    lines = part.read_text(encoding="utf-8").splitlines()
    lines[5:5] = ["", f"Voir {LONG} pour tout.", "",
                  'Un bloc <span class="trop-large">trop large</span>.', "",
                  "![Une affiche](poster.png)", ""]
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    css = root / "templates/zine.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n@page { margin-top: 70mm; }\n"
                   ".trop-large { display: inline-block; width: 200mm; }\n", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        build_in(root)
    errors = raised.value.errors if isinstance(raised.value, BuildErrors) else [raised.value]
    return [str(error) for error in errors]


def test_a_word_too_long_is_named_with_its_line(refused: list[str]) -> None:
    assert any(message.startswith("content/trois.md:7: the text “0123456789")
               and "past the right of the text area of reading page" in message for message in refused), refused


def test_a_block_too_wide_is_named_with_its_line(refused: list[str]) -> None:
    assert any(message.startswith("content/trois.md:9: a block <span> runs") for message in refused), refused


def test_a_picture_past_the_bottom_is_named_with_its_line(refused: list[str]) -> None:
    found = [message for message in refused
             if message.startswith("content/trois.md:11: the picture content/poster.png")]
    assert found and "past the bottom of the text area" in found[0] and "{width=50%}" in found[0], refused


def test_nothing_else_is_reported(refused: list[str]) -> None:
    assert len(refused) == 3, refused


def test_the_shipped_zine_has_nothing_cut_off(shipped_build: object) -> None:
    assert shipped_build  # the build would have stopped


def test_the_boxes_are_the_ones_overflow_reads(tmp_path: Path) -> None:
    """WeasyPrint's internals as overflow.py reads them: a change fails here, not in silence."""
    from weasyprint import HTML

    # The shipped font, not the machine's default (none at all with an empty fontconfig).
    font = (ROOT / "templates/fonts/CharisSIL-Regular.ttf").as_uri()
    html = (f'<style>@font-face {{ font-family: Shipped; src: url({font}) }} body {{ margin: 0; font-family: Shipped }}'
            f'@page {{ size: 100mm 100mm; margin: 10mm }}</style><p data-line="a.md:3">{LONG}</p>'
            '<p data-line="a.md:5"><img data-picture="x.png" data-line="a.md:5" style="width: 50mm; height: 10mm" '
            'src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="></p>')
    found = overflow.look(HTML(string=html).render().pages, "test")
    assert found.notice is None
    assert [(error.where, error.line) for error in found.errors] == [("a.md", 3)]
    assert [(picture.page, picture.name, picture.pixels) for picture in found.pictures] == [(1, "x.png", (1, 1))]
    x, y, width, height = found.pictures[0].box
    assert (round(x), round(width), round(height)) == (10, 50, 10)


def test_unknown_boxes_give_a_warning_not_a_crash() -> None:
    class Page:
        _page_box = object()

    found = overflow.look([Page()], "test")
    assert not found.errors and found.notice is not None and "were not looked for" in found.notice


def _look(body: str, css: str = "") -> list[str]:
    """The overflow messages of `body` laid out in the shipped font on a 100 mm page (10 mm margins)."""
    from weasyprint import HTML

    font = (ROOT / "templates/fonts/CharisSIL-Regular.ttf").as_uri()
    html = (f"<style>@font-face {{ font-family: S; src: url({font}) }} body {{ margin: 0; font-family: S }}"
            f"pre {{ white-space: pre-wrap; font-family: S }} @page {{ size: 100mm 100mm; margin: 10mm }} {css}"
            f"</style>{body}")
    return [str(error) for error in overflow.look(HTML(string=html).render().pages, "test").errors]


WRAPS_AT_A_SPACE = ("xxx xx xxxxx xx xxxxxxxx xxxxxxxx xxxxxxxx xxxxxxx xxxx xx xxxxxxxx x xxxxxxx xxxxxxx x "
                    "xxxxxxxx xxxxx xxxx xx xxxxxx x x x xxxxxxxxx")


def test_a_code_line_wrapped_at_a_space_is_not_cut_off() -> None:
    """Its lines end with the space they wrapped at, which hangs past the edge and prints nothing
    (issue 20, item 6: refused as "0.6 mm past the right" before)."""
    assert _look(f'<pre data-line="a.md:3"><code>{WRAPS_AT_A_SPACE}</code></pre>') == []


def test_a_list_number_hanging_outside_its_text_is_not_cut_off() -> None:
    assert _look('<ol data-line="a.md:3" style="margin: 0; padding: 0"><li data-line="a.md:3">ten</li></ol>') == []


def test_a_code_line_too_long_is_called_a_code_line() -> None:
    messages = _look(f'<pre data-line="a.md:3"><code>{"x" * 120}</code></pre>')
    assert len(messages) == 1 and messages[0].startswith("a.md:3: the code line “xxx"), messages
    assert "a code line this long cannot break: break it in two lines in the Markdown" in messages[0]
    assert "word" not in messages[0]


def test_an_address_and_a_word_get_their_own_advice() -> None:
    address, word = (_look(f'<p data-line="a.md:3">{text}</p>', "p { hyphens: manual }")
                     for text in (LONG, "x" * 120))
    assert len(address) == 1 and "a web address this long cannot break: put it in a link" in address[0], address
    assert len(word) == 1 and "a word this long cannot break: add spaces or hyphens" in word[0], word
