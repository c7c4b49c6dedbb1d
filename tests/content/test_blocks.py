"""Poems, epigraphs, headings, tables, pasted tabs and pictures' descriptions (issue 12), as HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from builder import content
from builder.content import markdown
from builder.errors import BuildError, BuildErrors
from builder.model import Finding, Zine
from builder.project import Project

from conftest import SAMPLE

ORIGIN = re.compile(r' data-line="[^"]*"')
"""Each block's file and line (content/lines.py, checked by the overflow tests): left out here."""


def html(text: str, **options: bool) -> str:
    return ORIGIN.sub("", markdown.to_html(text, where="content/part.md", first_line=3,
                                           folder=Path("/nonexistent"), root=Path("/nonexistent"), **options))


def errors(text: str) -> list[str]:
    with pytest.raises(BuildError) as raised:
        html(text)
    return [str(error) for error in (raised.value.errors if isinstance(raised.value, BuildErrors) else [raised.value])]


def test_a_poem_keeps_its_verses_and_stanzas() -> None:
    out = html("Prose.\n\n::: poem\nOne line,\ntwo *lines*\n\nA second stanza.\n:::\n")
    assert out == ('<p>Prose.</p>\n<div class="poem">\n'
                   '<p><span class="verse">One line,</span>\n<span class="verse">two <em>lines</em></span></p>\n'
                   '<p><span class="verse">A second stanza.</span></p>\n</div>\n')


@pytest.mark.parametrize("name", ["poeme", "poème", "Poem"])
def test_a_poem_block_has_french_names_too(name: str) -> None:
    assert '<div class="poem"' in html(f"::: {name}\nA verse\n:::\n")


def test_a_poem_part_is_verses_throughout_and_an_emphasis_across_two_verses_keeps_breaks() -> None:
    assert html("One\ntwo\n", poem=True) == '<p><span class="verse">One</span>\n<span class="verse">two</span></p>\n'
    assert html("*One\ntwo*\n", poem=True) == "<p><em>One<br />\ntwo</em></p>\n"
    assert html("One\ntwo\n") == "<p>One\ntwo</p>\n"  # prose: a line break is a space


def test_an_unknown_or_unclosed_block_is_an_error_with_its_line() -> None:
    assert errors("Text.\n\n::: warning\nCareful.\n:::\n") == [
        "content/part.md:5: '::: warning' is no block this tool knows: the blocks are '::: poem' and '::: epigraph'"]
    assert errors("::: poem\nA verse\n") == ["content/part.md:3: '::: poem' is never closed: end it with a line ':::'"]


def test_an_epigraph_as_a_block_or_an_attribute_with_its_attribution() -> None:
    block = html("::: épigraphe\nKnowledge is a weapon.\n\n— A poster\n:::\n")
    assert block == ('<div class="epigraph">\n<p>Knowledge is a weapon.</p>\n'
                     '<p class="attribution">— A poster</p>\n</div>\n')
    quote = html("{.epigraph}\n> One.\n>\n> Two.\n")
    assert quote == '<blockquote class="epigraph">\n<p>One.</p>\n<p>Two.</p>\n</blockquote>\n'


def test_a_hash_heading_inside_a_part_goes_below_the_part_title() -> None:
    text = "# Section\n\n## Subsection\n\n###### Deepest\n"
    assert html(text, part=True) == "<h2>Section</h2>\n<h3>Subsection</h3>\n<h6>Deepest</h6>\n"
    assert html("## Only these\n", part=True) == "<h2>Only these</h2>\n"  # as the shipped zine writes them
    assert html(text) == "<h1>Section</h1>\n<h2>Subsection</h2>\n<h6>Deepest</h6>\n"  # the mini-zine, the back cover


def test_a_pasted_leading_tab_stays_a_paragraph_and_fenced_code_still_works() -> None:
    assert html("\tPasted with a tab,\nthen a line.\n\n    Four spaces too.\n") == \
        "<p>Pasted with a tab,\nthen a line.</p>\n<p>Four spaces too.</p>\n"
    assert html("```\nzine build\n```\n") == "<pre><code>zine build\n</code></pre>\n"


def test_a_table_says_where_it_comes_from_and_aligns_its_numbers() -> None:
    out = html("Before.\n\n| Town | Letters | Share | Note |\n|---|---|:-:|---|\n"
               "| Albi | 1 204 | 12,5 % | first |\n| Foix | 98 | 3 % | 2nd |\n")
    assert '<table data-source="content/part.md:5">' in out
    assert '<th class="number">Letters</th>' in out and '<td class="number">1 204</td>' in out
    assert '<td style="text-align:center">12,5 %</td>' in out  # the alignment written wins
    assert "<th>Town</th>" in out and "<td>2nd</td>" in out


def test_a_picture_without_a_description_is_a_warning_with_its_line_unless_decorative(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    warnings: list[Finding] = []
    out = markdown.to_html("Text.\n\n![](a.png)\n\n![](a.png){.decorative}\n\n![A map](a.png)\n\n"
                           '<img src="a.png">\n\n<img src="a.png" alt="" role="presentation">\n',
                           where="content/part.md", first_line=3, folder=tmp_path, root=tmp_path, warnings=warnings)
    assert [(str(w.path), w.line, w.severity) for w in warnings] == [("content/part.md", 5, "warning"),
                                                                      ("content/part.md", 11, "warning")]
    assert "write what it shows (![what it shows](a.png)), or mark it {.decorative}" in warnings[0].message
    assert str(warnings[0]).startswith("content/part.md:5: warning: picture a.png has no description")
    assert 'class="decorative" role="presentation"' in out


def _load(tmp_path: Path, manifest: str = "", part: str | None = None) -> Zine:
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    toml = tmp_path / "content/zine.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + manifest, encoding="utf-8")
    if part is not None:
        (tmp_path / "content/deux.md").write_text(part, encoding="utf-8")
    return content.load(Project.at(tmp_path, content=tmp_path / "content"))


def test_the_manifest_switches_reach_every_part(tmp_path: Path) -> None:
    zine = _load(tmp_path, 'notes = "endnotes"\nlinks = "after"\n',
                 "---\ntitle: Deux\nkind: poeme\n---\n\nA verse[^1] with [a link](https://x.org/a).\n\n[^1]: A note.\n")
    part = next(part for part in zine.parts if part.slug == "deux")
    assert part.kind == "poem"
    assert '<h2 class="endnotes-title">Notes</h2>' in part.html and 'id="deux-note-1"' in part.html
    assert '<span class="link-address">' in part.html


@pytest.mark.parametrize(("line", "message"), [
    ('notes = "bottom"', "'notes' must be \"footnotes\" or \"endnotes\", not \"bottom\""),
    ('links = "none"', "'links' must be \"notes\", \"after\" or \"off\", not \"none\""),
])
def test_a_switch_with_another_value_is_refused_with_its_line(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(BuildError) as raised:
        _load(tmp_path, line + "\n")
    assert raised.value.message == message and raised.value.line == 10


def test_a_picture_without_a_description_reaches_the_zine_warnings(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    (tmp_path / "content/a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "content/deux.md").write_text("---\ntitle: Deux\n---\n\nText.\n\n![](a.png)\n", encoding="utf-8")
    zine = content.load(Project.at(tmp_path, content=tmp_path / "content"))
    assert [(str(warning.path), warning.line) for warning in zine.warnings] == [("content/deux.md", 7)]
