"""The Markdown people write beyond CommonMark, and raw HTML under control (issue 20, items 1, 2, 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builder.content import links, markdown
from builder.content.notes import Style
from builder.errors import BuildError, BuildErrors
from builder.model import Finding

ORIGIN = re.compile(r' data-line="[^"]*"')


def html(text: str, warnings: list[Finding] | None = None, **options: object) -> str:
    return ORIGIN.sub("", markdown.to_html(text, where="content/part.md", first_line=5, folder=Path("/nonexistent"),
                                           root=Path("/nonexistent"), style=Style(prefix="part"),
                                           warnings=warnings, **options))  # type: ignore[arg-type]


def errors(text: str) -> list[str]:
    with pytest.raises(BuildError) as raised:
        html(text)
    found = raised.value.errors if isinstance(raised.value, BuildErrors) else [raised.value]
    return [str(error) for error in found]


def warned(text: str) -> tuple[str, list[str]]:
    found: list[Finding] = []
    out = html(text, found)
    return out, [str(finding) for finding in found]


@pytest.mark.parametrize("typed, printed", [
    ("~~gone~~", "<s>gone</s>"),
    ("H~2~O", "H<sub>2</sub>O"),
    ("x^2^", "x<sup>2</sup>"),
    ("A call[^1] stays a call.\n\n[^1]: Note.", 'class="note"'),
    ("Term\n: its definition", "<dl>\n<dt>Term</dt>\n<dd>its definition</dd>\n</dl>"),
    ("- [ ] to do\n- [x] done", '<li class="task"><span class="task-box">☐</span> to do</li>\n'
                                '<li class="task"><span class="task-box">☒</span> done</li>'),
])
def test_the_extensions_people_write_print(typed: str, printed: str) -> None:
    assert printed in html(typed)


def test_a_letter_keeps_its_brackets_as_typed() -> None:
    assert "[x] done" in html("- [x] done", tasks=False)


def test_math_prints_as_typed_with_a_warning_and_dollars_in_prose_are_no_math() -> None:
    out, found = warned("Prices: $5 and $10, $5-$10.\n\nEnergy is $E=mc^2$.")
    assert "$5 and $10, $5-$10." in out and "$E=mc^2$" in out
    assert found == ["content/part.md:7: warning: math ($E=mc^2$) prints as typed: the zine has no math "
                     "typesetting; write it with the characters themselves (x², H₂O, or x^2^ and H~2~O), or put a "
                     "picture of it; a dollar sign that is not math is written \\$"]


def test_pandoc_tables_are_refused_with_their_line_and_the_way_to_write_them() -> None:
    grid = "+-----+-----+\n| a   | b   |\n+=====+=====+\n| 1   | 2   |\n+-----+-----+\n"
    simple = "Town    Letters\n------  -------\nAlbi    1204\n"
    found = errors(f"Intro.\n\n{grid}\n{simple}\n```\n+---+---+\n```\n")
    assert [line.split(": a Pandoc")[0] for line in found] == ["content/part.md:7", "content/part.md:14"]
    assert all("write a pipe table" in line for line in found)


def test_headings_get_one_id_each_made_of_the_part_and_their_words() -> None:
    out = html("## Section one\n\n## Section one\n\n## Éléments *et* `code`\n\n[see](#section-one) "
               "[the second](#section-one-1) [accented](#éléments-et-code)")
    assert re.findall(r'id="([^"]+)"', out) == ["part--section-one", "part--section-one-1", "part--elements-et-code"]
    assert re.findall(r'href="([^"]+)"', out) == ["#part--section-one", "#part--section-one-1",
                                                   "#part--elements-et-code"]


def test_a_link_to_a_file_prints_its_text_with_one_warning_per_address() -> None:
    out, found = warned("[the flyer](flyer.pdf), [next](other.md),\n[x](/url), [term](@) and [term](@).")
    assert "<a" not in out and "the flyer, next,\nx, term and term." in out
    assert found[0] == ("content/part.md:5: warning: link to 'flyer.pdf' prints its text only: paper cannot follow "
                        "it; write a full address (https://…) to print it")
    assert found[3].startswith("content/part.md:6: warning: link to '@' (and on lines 6) prints its text only")


def test_a_link_to_another_part_or_to_nothing_is_settled_once_the_zine_is_read() -> None:
    targets = links.Targets()
    first = markdown.to_html("## Tools\n", where="content/a.md", first_line=1, folder=Path("/n"), root=Path("/n"),
                             style=Style(prefix="a"), targets=targets)
    second = markdown.to_html("[tools](#tools), [part a](#a), [lost](#nowhere)\n", where="content/b.md",
                              first_line=3, folder=Path("/n"), root=Path("/n"), style=Style(prefix="b"),
                              targets=targets)
    assert 'id="a--tools"' in first
    assert targets.rewrite(second).startswith('<p data-line="content/b.md:3"><a href="#a--tools">tools</a>, '
                                              '<a href="#a">part a</a>, lost</p>')
    assert [str(finding) for finding in targets.unresolved()] == [
        "content/b.md:3: warning: link to #nowhere leads nowhere: no heading or part of the zine has these words; "
        "it prints as text"]


def test_a_link_finds_a_part_by_its_title_an_id_as_it_is_and_words_with_an_ampersand() -> None:
    targets = links.Targets(parts={"content/02.md": "02"})
    targets.part("02", "Deux")
    markdown.to_html("## Planting day\n\n## Q&A\n", where="content/02.md", first_line=1, folder=Path("/n"),
                     root=Path("/n"), style=Style(prefix="02"), targets=targets)
    found: list[Finding] = []
    out = markdown.to_html("[a](#q&a) [b](#deux) [c](#02--planting-day) [d](#planting-dya) [e](02.md)\n\n"
                           "## Own\n\n[f](#01--own)\n", where="content/01.md", first_line=1, folder=Path("/n"),
                           root=Path("/n"), style=Style(prefix="01"), targets=targets, warnings=found)
    assert re.findall(r'href="([^"]+)"', targets.rewrite(out)) == ["#02--q-a", "#02", "#02--planting-day", "#01--own"]
    assert [str(finding) for finding in targets.unresolved()] == [
        "content/01.md:1: warning: link to #planting-dya leads nowhere: no heading or part of the zine has these "
        "words (did you mean #planting-day?); it prints as text"]
    assert [str(finding) for finding in found] == [
        "content/01.md:1: warning: link to '02.md' prints its text only: paper cannot follow it; link to the part "
        "with [e](#02)"]


def test_a_link_leads_to_an_anchor_the_writer_made_in_raw_html() -> None:
    """`<a id="here"></a>` (READMEs make anchors so): a link to it, in its part or another, works."""
    targets = links.Targets()
    first = markdown.to_html('<a id="here"></a>Anchor. Go [back](#here).\n\n<div id="box">\n\nIn a box.\n\n</div>\n',
                             where="content/a.md", first_line=1, folder=Path("/n"), root=Path("/n"),
                             style=Style(prefix="a"), targets=targets)
    second = markdown.to_html("[to the box](#box)\n", where="content/b.md", first_line=1, folder=Path("/n"),
                              root=Path("/n"), style=Style(prefix="b"), targets=targets)
    assert '<a href="#here">back</a>' in first
    assert '<a href="#box">to the box</a>' in targets.rewrite(second)
    assert targets.unresolved() == []


# Raw HTML -------------------------------------------------------------------------------------

def test_a_tag_of_no_html_element_prints_as_typed_with_a_warning() -> None:
    out, found = warned("Replace <your name> with yours, press <Enter>,\nwrite to <insert address here>.\n\n"
                        "<Enter>\n\n<div>\nPress <Tab>\n</div>\n\nNo warning for \\<this>.")
    assert "Replace &lt;your name&gt; with yours, press &lt;Enter&gt;,\nwrite to &lt;insert address here&gt;." in out
    assert "<p>&lt;Enter&gt;</p>" in out and "Press &lt;Tab&gt;" in out and "&lt;this&gt;" in out
    assert [line.split(" is no HTML")[0] for line in found] == [
        "content/part.md:5: warning: <your name>", "content/part.md:5: warning: <Enter>",
        "content/part.md:6: warning: <insert address here>", "content/part.md:8: warning: <Enter>",
        "content/part.md:11: warning: <Tab>"]


def test_the_html_a_writer_may_use_prints() -> None:
    out = html('Keys <kbd>Ctrl</kbd>, H<sub>2</sub>O, <u>u</u> <mark>m</mark> <small>s</small> <abbr title="x">'
               'A</abbr>,<br>a line. <!-- a comment -->\n\n<div class="box">\n\n*Markdown inside*\n\n</div>\n')
    assert "<kbd>Ctrl</kbd>" in out and '<div class="box">\n<p><em>Markdown inside</em></p>\n</div>' in out


@pytest.mark.parametrize("typed, expected", [
    ("Text.\n\n<!-- TODO rewrite this --\n\nTwo paragraphs\n\n## and a heading", ["content/part.md:7: this HTML "
     "comment is never closed with -->: everything after it would vanish"]),
    ("<?php echo 1; ?>", ["content/part.md:5: a processing instruction <?…?> prints nothing"]),
    ("<!DOCTYPE html>", ["content/part.md:5: a declaration <!…> prints nothing"]),
    ("<div class=x\n\nhundreds of lines", ["content/part.md:5: <div is never closed with >"]),
    ("<div>\n\nthe rest of the part", ["content/part.md:5: <div> is never closed: add </div>"]),
    ("<pre>\ncode\n\nmore", ["content/part.md:5: <pre> is never closed: add </pre>"]),
    ("An <b>unclosed tag.\n\nThe next paragraph.", ["content/part.md:5: <b> is never closed in its paragraph"]),
    ("Press <Del> now.", ["content/part.md:5: <Del> is never closed in its paragraph: add </Del> (else what follows "
                          "takes its style); write \\<Del> to print it as typed, <kbd>Del</kbd> for a key"]),
    ("<style>p { color: red }</style>", ["content/part.md:5: <style> is refused: a style in a part restyles the "
                                         "whole zine, covers included: put it in the project's templates/zine.css"]),
    ("<script>x()</script>", ["content/part.md:5: <script> is refused: the PDF runs no scripts"]),
    ('<link rel="stylesheet" href="a.css">', ["content/part.md:5: <link> is refused: a stylesheet goes in"]),
    ('<iframe src="https://x.org"></iframe>', ["content/part.md:5: <iframe> is refused: it would embed"]),
    ('Text <object data="a.svg"></object>', ["content/part.md:5: <object> is refused: it would embed"]),
    ('A <span onclick="f()">word</span>.', ["content/part.md:5: <span onclick=…> is refused: the PDF runs no "
                                            "scripts"]),
    ("A <span hidden>word</span>.", ["content/part.md:5: <span hidden> is refused: it would hide text"]),
    ('<a href="flyer.pdf">x</a>', ['content/part.md:5: <a href="flyer.pdf"> is refused: a link in raw HTML goes to '
                                   "an address"]),
    # attributes that hide, restyle, move or fetch (a review's trial)
    ('Hello <span style="display:none">SECRET</span> world.', ["content/part.md:5: <span style=…> is refused: styles "
                                                               "belong in templates/: docs/en/templates.md, « Templates »"]),
    ('<div>\n<img srcset="a.png 2x" alt="x">\n</div>', ["content/part.md:6: <img srcset=…> is refused: it would "
                                                         "fetch a file or a page"]),
    ('<table background="x.png"><tr><td>a</td></tr></table>', ["content/part.md:5: <table background=…> is refused: "
                                                               "it would fetch"]),
    ('A <span xlink:href="x.svg">b</span>.', ["content/part.md:5: <span xlink:href=…> is refused: it would fetch"]),
    ('A <span formaction="/x">b</span>.', ["content/part.md:5: <span formaction=…> is refused: it would fetch"]),
    ('A <span id="part--x">b</span> <a id="part-note-1"></a>.', [
        'content/part.md:5: <span id="part--x"> is refused: it has the form of the zine\'s own ids',
        'content/part.md:5: <a id="part-note-1"> is refused: it has the form of the zine\'s own ids']),
    ('<p align="center">b</p>', ["content/part.md:5: <p align=…> is refused: it is not among the attributes"]),
    ('<div class="cover">On a cover page</div>', ['content/part.md:5: <div class="cover"> is refused: the zine\'s '
                                                 "templates use the class cover for their own layout"]),
    ('Text.\n\nA <span class="mine typed">hidden in letters</span>.',
     ['content/part.md:7: <span class="mine typed"> is refused: the zine\'s templates use the class typed']),
    ("{.cover}\nA paragraph.", ["content/part.md:6: {.cover} is refused: the zine's templates use the class cover"]),
    # a comment left open after others, or inside a block; <? and <![CDATA[ inside a block
    ("<div>\nBlock text <!-- TODO fix\n</div>\n\nThe rest.", ["content/part.md:6: this HTML comment is never closed"]),
    ("<!-- a --> <!-- oops\n\nThe rest.", ["content/part.md:5: this HTML comment is never closed"]),
    ("<div>\nA <?php x ?> b\n<![CDATA[ c ]]> d\n</div>", ["content/part.md:6: a processing instruction <?…?> "
                                                           "prints nothing", "content/part.md:7: a CDATA section"]),
    # tags left open inside another: HTML carries them on into the next paragraphs
    ("Para <b><i>bold</b> then PLAIN?\n\nNext paragraph SHOULD BE PLAIN.",
     ["content/part.md:5: <i> is not closed before </b>: close it first (<b><i>…</i></b>)"]),
    ("<div><b>bold in div</div>\n\nThe next paragraph.", ["content/part.md:5: <b> is not closed before </div>"]),
    ("A <b>bold\n<i>and <u>more</b>.", ["content/part.md:6: <i> is not closed before </b>",
                                         "content/part.md:6: <u> is not closed before </b>"]),
])
def test_raw_html_that_would_eat_or_restyle_text_is_refused_by_name(typed: str, expected: list[str]) -> None:
    found = errors(typed)
    assert len(found) == len(expected) and all(map(str.startswith, found, expected)), found


def test_after_a_comment_never_closed_the_errors_of_what_it_swallowed_are_left_out() -> None:
    assert errors("A call[^hist].\n\n<!-- oops\n\nMore.\n\n[^hist]: The note.\n") == [
        "content/part.md:7: this HTML comment is never closed with -->: everything after it would vanish; close it, "
        "or write \\<!-- to print it"]
    found = errors("<b>Bold</b> <i>x.\n\n<div>\nBlock text <!-- TODO fix\n</div>\n\nA <b>bold[^none].\n")
    assert [line.split(": ")[0] for line in found] == ["content/part.md:5", "content/part.md:8"], found


def test_dir_lang_an_id_and_a_class_of_ones_own_print() -> None:
    out = html('<span dir="rtl" lang="ar" class="mine" title="t">x</span> <q cite="https://x.org">y</q> <a id="x"></a>')
    assert '<span dir="rtl" lang="ar" class="mine" title="t">x</span>' in out
    assert '<p class="chapo">' in html('<p class="chapo">An opening, as the shipped zine writes it.</p>')


# Notes (item 5) -------------------------------------------------------------------------------

def test_a_hard_wrapped_note_prints_as_one_paragraph() -> None:
    out = html("Text[^a] and^[an inline note\nwrapped] more.\n\n[^a]: A note hard\n    wrapped in the editor.\n")
    assert ">A note hard wrapped in the editor.</span>" in out and ">an inline note wrapped</span>" in out


def test_an_escaped_note_call_is_text_even_beside_a_real_call() -> None:
    out = html("A real call[^a], \\[^x] and \\[^two words] as typed.\n\n[^a]: The note.\n")
    assert "[^x] and [^two words] as typed." in out
    assert errors("A real call[^a] and [^two words].\n\n[^a]: The note.\n") == [
        "content/part.md:5: [^two words] is not a note call: a note's name has no spaces (write [^1] or "
        "[^source]); to print it as is, write \\[^two words]"]
