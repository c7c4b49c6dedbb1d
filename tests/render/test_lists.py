"""Numbered lists of any length (issue 20, item 4): markers measured and numbered
(render/lists.py), then read back from a built zine: in every kind of part, the mini-zine, the
letters and the endnotes, in two formats, each number inside the text block, 9. and 10. on one
dot, and the nested bullets printed."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder.model import Report
from builder.project import shipped_templates
from builder.render import lists

from conftest import build_in, copy_project

STEPS = "\n".join(f"{n}. Step {n}: do the thing number {n} with care." for n in range(1, 13))
NESTED = "- one\n  - two\n    - three\n- four\n"
TASKS = "- [ ] a task to do\n- [x] a task done\n"
KINDS = ("article", "text", "quote", "guide", "print", "poem")


@pytest.mark.parametrize(("number", "style", "expected"), [
    (9, "decimal", "9. "), (10, "decimal", "10. "), (100, "decimal", "100. "), (4, "lower-roman", "iv. "),
    (18, "lower-roman", "xviii. "), (1999, "upper-roman", "MCMXCIX. "), (28, "lower-alpha", "ab. "),
    (0, "lower-roman", "0. "), (-3, "decimal", "-3. ")])
def test_markers_are_written_as_weasyprint_writes_them(number: int, style: str, expected: str) -> None:
    assert lists.marker(number, style) == expected


def test_the_widths_are_those_of_the_shipped_font() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(shipped_templates() / "fonts/CharisSIL-Regular.ttf")
    cmap, advances = font.getBestCmap(), font["hmtx"]
    assert font["head"].unitsPerEm == lists.UNITS_PER_EM
    for char, units in lists.ADVANCES.items():
        assert advances[cmap[ord(char)]][0] == units, char
    for style, letters in (("lower-alpha", "abcdefghijklmnopqrstuvwxyz"), ("upper-alpha", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
        assert max(advances[cmap[ord(char)]][0] for char in letters) == lists.WIDEST_LETTER[style]


M1 = ' style="--marker: 1.136em"'


@pytest.mark.parametrize(("html", "expected"), [
    ("<ol><li>a</li><li>b</li></ol>", f"<ol{M1}><li>a</li><li>b</li></ol>"),
    ('<ol start="98"><li>a</li><li>b</li><li>c</li></ol>',
     '<ol start="98" style="--marker: 2.262em; counter-reset: list-item 97"><li>a</li><li>b</li><li>c</li></ol>'),
    ('<ol type="i">' + "<li>x</li>" * 18 + "</ol>",
     '<ol type="i" style="--marker: 2.521em; list-style-type: lower-roman">' + "<li>x</li>" * 18 + "</ol>"),
    # a nested list's items are its own; a bullet list is left as it is; a comment is no list
    ("<ol><li>a<ol>" + "<li>b</li>" * 10 + "</ol></li></ol><!-- <ol> --><ul><li>c</li></ul>",
     f"<ol{M1}><li>a<ol style=\"--marker: 1.699em\">" + "<li>b</li>" * 10 + "</ol></li></ol><!-- <ol> --><ul><li>c</li></ul>"),
])
def test_each_list_gets_its_widest_marker(html: str, expected: str) -> None:
    assert lists.hang(html) == expected


def test_a_list_written_1_paren_keeps_its_parenthesis_measured() -> None:
    """Markdown's `1)` (content.markdown marks the <ol>) prints `10) `, measured with its parenthesis."""
    assert lists.marker(10, lists.PAREN) == "10) "
    assert lists.hang('<ol data-delimiter=")">' + "<li>x</li>" * 10 + "</ol>") == (
        '<ol data-delimiter=")" style="--marker: 1.795em; list-style-type: decimal-paren">' + "<li>x</li>" * 10 + "</ol>")
    from builder.content import markdown

    assert ' data-delimiter=")">' in markdown.to_html("1) one\n2) two\n", where="x.md", first_line=1,
                                                    folder=Path("/n"), root=Path("/n"))


def test_a_value_out_of_sequence_sets_the_counter() -> None:
    assert lists.hang('<ol><li>a</li><li value="7">b</li></ol>') == (
        '<ol style="--marker: 1.136em"><li>a</li><li value="7" style="counter-set: list-item 6">b</li></ol>')


def _project(root: Path, page: str) -> Path:
    """A zine whose every kind of part, letter, endnotes and mini-zine hold a 12-step list."""
    content = root / "content"
    for kind in KINDS:
        (content / f"{kind}.md").write_text(f"---\ntitle: A {kind}\nkind: {kind}\n---\n\nIntro[^n].\n\n{STEPS}\n\n"
                                            f"Then:\n\n98. ninety-eight\n99. ninety-nine\n100. a hundred\n\n"
                                            f"{NESTED}\nAnd:\n\n{TASKS}\n[^n]: A note.\n", encoding="utf-8")
    (content / "letter.md").write_text("---\ntitle: A letter\nkind: letter\n---\n\n[[name: name]]\n\n> The office\n"
                                       f"\n> In [[place]], on [[date]]\n\nMadam,\n\n{STEPS}\n\nYours.\n", encoding="utf-8")
    (content / "pocket.md").write_text(f"## Pocket\n\n{STEPS}\n", encoding="utf-8")
    notes = "".join(f"Call[^{n}].\n\n" for n in range(1, 12)) + "".join(f"[^{n}]: Note {n}.\n" for n in range(1, 12))
    (content / "notes.md").write_text(f"---\ntitle: Notes\nkind: text\n---\n\n{notes}", encoding="utf-8")
    parts = ", ".join(f'"{name}.md"' for name in (*KINDS, "notes", "letter"))
    (content / "zine.toml").write_text(f'title = "Lists"\nlang = "en"\ndate = 2026-01-15\nedition = "One"\n'
                                       f'format = "{page}"\nnotes = "endnotes"\nparts = [{parts}]\n'
                                       'minizine = "pocket.md"\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module", params=["A5", "A6"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = copy_project(Path(__file__).resolve().parent.parent / "sample", tmp_path_factory.mktemp("lists"))
    return build_in(_project(root, request.param))


def _markers(path: Path) -> list[list[tuple[str, float, float]]]:
    """The list numbers of each page of `path` ("10.", drawn after the page's text): each one's
    text, its left edge and its dot's right edge, in pt."""
    pages = []
    document = pdfium.PdfDocument(path)
    for page in document:
        text = page.get_textpage()
        chars = text.get_text_range()
        found = []
        for start in range(len(chars)):
            dot = chars.find(".", start, start + 5)
            if (start == 0 or chars[start - 1] == "\n") and dot > start and chars[start:dot].isdigit():
                found.append((chars[start:dot + 1], text.get_charbox(start)[0], text.get_charbox(dot)[2]))
        pages.append(found)
    document.close()
    return pages


def test_the_numbers_of_a_list_line_up_on_the_dot(built: Report) -> None:
    """9. and 10. (and 99. and 100.) end at the same place, in every document but the imposed ones."""
    for output in built.outputs:
        if output.path.suffix != ".pdf" or "booklet" in output.path.name:
            continue
        pages = _markers(output.path)
        assert any(text == "10." for page in pages for text, *_ in page), output.path.name
        for page in pages:
            dots = {text: dot for text, _, dot in page}
            for short, long in (("9.", "10."), ("99.", "100.")):
                if short in dots and long in dots:
                    assert abs(dots[short] - dots[long]) < 0.2, (output.path.name, page)


def test_the_numbers_stay_in_the_text_block(built: Report) -> None:
    """Every list number starts right of the text block's left edge (the paragraph before it),
    and the nested bullets print in the shipped font's glyphs."""
    reading = next(output.path for output in built.outputs if output.path.name.endswith("-reading.pdf"))
    document = pdfium.PdfDocument(reading)
    every = ""
    for page, markers in zip(document, _markers(reading)):
        chars = page.get_textpage().get_text_range()
        every += chars
        if "Intro" in chars:
            edge = page.get_textpage().get_charbox(chars.index("Intro"))[0]
            assert markers and all(left >= edge - 0.3 for _, left, _ in markers), (edge, markers)
    document.close()
    assert every.count("\u2023") >= len(KINDS) - 1 and every.count("\u2022") >= 2 * (len(KINDS) - 1)


def test_the_task_boxes_stay_in_the_text_block(built: Report) -> None:
    """A task list's boxes hang where a bullet would, inside the text block, in every kind of
    part (a guide's hanging dashes once pushed them 8 mm into the margin: refused)."""
    reading = next(output.path for output in built.outputs if output.path.name.endswith("-reading.pdf"))
    document = pdfium.PdfDocument(reading)
    boxes = []
    for page in document:
        text = page.get_textpage()
        chars = text.get_text_range()
        if "And:" in chars:  # the paragraph before the tasks, at the text block's left edge
            edge = text.get_charbox(chars.index("And:"))[0]
            boxes += [(text.get_charbox(index)[0] - edge, chars[index]) for index, char in enumerate(chars)
                      if char in "\u2610\u2612"]
    document.close()
    assert len(boxes) >= 2 * (len(KINDS) - 1), boxes
    assert all(left >= -0.3 for left, _ in boxes), boxes
