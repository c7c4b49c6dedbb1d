"""Nothing nested is lost (issue 25, item 2): lists, quotes and both mixed, 1 to 30 deep, either
print every word or are refused by file and line (content.nesting.DEPTH); markdown-it's own
limit (20 token levels) dropped a ten-level list's last item, and the rest of the part, in silence."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from builder.content import markdown
from builder.content.nesting import DEPTH
from builder.errors import BuildError

from conftest import build_in, page_texts, run

FIRST = 7
"""The file's line of the nested block: the part's front matter (5 lines) and a paragraph above."""


def nested_list(depth: int, tag: str) -> str:
    return "\n".join("  " * level + f"- {tag}list{level}" for level in range(depth))


def nested_quote(depth: int, tag: str) -> str:
    return "> " * depth + f"{tag}quote{depth}"


def mixed(depth: int, tag: str) -> str:
    """A list item holding a quote holding a list item…, `depth` blocks deep, one line each."""
    lines, prefix = [], ""
    for level in range(depth):
        if level % 2 == 0:
            lines.append(f"{prefix}- {tag}item{level}")
            prefix += "  "
        else:
            prefix += "> "
            lines.append(f"{prefix}{tag}said{level}")
    return "\n".join(lines)


SHAPES: dict[str, Callable[[int, str], str]] = {"list": nested_list, "quote": nested_quote, "mixed": mixed}


def _deepest_line(shape: str, depth: int) -> int:
    """The file's line of the first block past DEPTH: each level is a line, but quotes are one line."""
    return FIRST if shape == "quote" else FIRST + DEPTH


def _text(shape: str, depth: int) -> str:
    return f"Above{depth}.\n\n{SHAPES[shape](depth, f'd{depth}')}\n\nBelow{depth}.\n"


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("depth", range(1, 31))
def test_each_depth_prints_every_word_or_is_refused_by_file_and_line(shape: str, depth: int) -> None:
    text = _text(shape, depth)
    try:
        html = markdown.to_html(text, where="content/deep.md", first_line=FIRST - 2, folder=Path("."),
                                root=Path("."))
    except BuildError as error:
        assert depth > DEPTH, str(error)
        assert (error.where, error.line) == ("content/deep.md", _deepest_line(shape, depth)), str(error)
        assert f"at most {DEPTH}" in error.message
        return
    assert depth <= DEPTH
    missing = [word for word in re.findall(r"\w+", text) if word not in html]
    assert not missing, f"dropped in silence: {missing}"


def test_a_note_too_deep_is_refused_by_its_line() -> None:
    """A note's definition has no line of its own in the parser: the line of its block is named."""
    text = "Text[^1].\n\n[^1]: " + "> " * 30 + "deep\n"
    with pytest.raises(BuildError) as raised:
        markdown.to_html(text, where="content/deep.md", first_line=1, folder=Path("."), root=Path("."))
    assert f"content/deep.md:3: lists, quotes and ::: blocks nest more than {DEPTH} deep" in str(raised.value)


def _project(root: Path, depths: range) -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    body = "\n\n".join(SHAPES[shape](depth, f"{shape}{depth}x") for depth in depths for shape in sorted(SHAPES))
    (content / "deep.md").write_text(f"---\ntitle: Deep\nkind: text\n---\n\nAbove.\n\n{body}\n\nBelow.\n",
                                     encoding="utf-8")
    (content / "zine.toml").write_text('title = "Deep"\nlang = "en"\ndate = 2026-01-15\nedition = "One"\n'
                                       'parts = ["deep.md"]\n', encoding="utf-8")
    return root


def test_every_depth_allowed_prints_every_word_in_the_reading_pdf(tmp_path: Path) -> None:
    """One build of all the shapes 1 to DEPTH deep: each of their words is in the reading PDF."""
    root = _project(tmp_path, range(1, DEPTH + 1))
    build_in(root)
    text = " ".join(page_texts(next((root / "output").glob("*-reading.pdf"))))
    source = (root / "content/deep.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    missing = [word for word in re.findall(r"\w+", source) if word not in text]
    assert not missing, missing


def test_a_build_one_level_too_deep_is_refused_naming_the_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path, range(DEPTH + 1, DEPTH + 2))  # the list from line 8, the 17th item on 24
    monkeypatch.chdir(root)
    code, _, err = run(capsys, "build", "--no-previews")
    assert code == 1
    assert f"content/deep.md:{FIRST + 1 + DEPTH}: lists, quotes and ::: blocks nest more than {DEPTH} deep" in err, err
    assert not (root / "output").exists() or not list((root / "output").glob("*.pdf"))
