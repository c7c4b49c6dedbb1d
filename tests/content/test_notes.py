"""Notes and link addresses (issue 12): numbered per file, placed at their call or at the end, checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builder.content import markdown, source
from builder.content.notes import Style
from builder.errors import BuildError, BuildErrors

FOOT = Style(prefix="part")
END = Style(notes="endnotes", prefix="part", title="Notes de fin")


ORIGIN = re.compile(r' data-line="[^"]*"')
"""Each block's file and line (content/lines.py, checked by the overflow tests): left out here."""


def html(text: str, style: Style = FOOT, tmp_path: Path = Path("/nonexistent")) -> str:
    return ORIGIN.sub("", markdown.to_html(text, where="content/part.md", first_line=5, folder=tmp_path, root=tmp_path, style=style))


def errors(text: str, style: Style = FOOT) -> list[str]:
    with pytest.raises(BuildError) as raised:
        html(text, style)
    found = raised.value.errors if isinstance(raised.value, BuildErrors) else [raised.value]
    return [str(error) for error in found]


def test_a_note_is_printed_at_its_call_numbered_in_the_order_of_the_calls() -> None:
    out = html("First[^b] and second[^a].\n\n[^a]: Note A.\n[^b]: Note B.\n")
    assert out == ('<p>First<span class="note" id="part-note-1" data-n="1">Note B.</span> and second'
                   '<span class="note" id="part-note-2" data-n="2">Note A.</span>.</p>\n')


def test_a_second_call_of_a_note_prints_its_number_linked_to_it_not_the_note_again() -> None:
    out = html("One[^x], two^[Inline.], again[^x].\n\n[^x]: The note.\n")
    assert out.count("The note.") == 1
    assert '<span class="note" id="part-note-2" data-n="2">Inline.</span>' in out
    assert out.endswith('again<sup class="note-call"><a href="#part-note-1">1</a></sup>.</p>\n')


def test_a_note_of_two_paragraphs_keeps_them_apart_inside_the_line_of_text() -> None:
    out = html("Text[^1].\n\n[^1]: First paragraph.\n\n    Second paragraph.\n")
    assert ('<span class="note" id="part-note-1" data-n="1">First paragraph.'
            '<span class="note-paragraph">Second paragraph.</span></span>') in out


def test_endnotes_are_listed_at_the_end_under_a_heading_in_the_zine_language() -> None:
    out = html("One[^1] and two[^2].\n\n[^1]: Note *one*.\n[^2]: Note two.\n\nLast paragraph.\n", END)
    assert '<sup class="note-call"><a href="#part-note-1" id="part-call-1">1</a></sup>' in out
    body, notes = out.split('<section class="endnotes">')
    assert "Last paragraph." in body and "Note" not in body
    assert '<h2 class="endnotes-title">Notes de fin</h2>' in notes
    assert re.findall(r'<li id="part-note-(\d)" value="\1"><p>(.*?)</p></li>', notes) == [
        ("1", "Note <em>one</em>."), ("2", "Note two.")]


def test_a_file_without_notes_has_no_endnotes() -> None:
    assert "endnotes" not in html("Nothing to note.\n", END)


def test_a_call_without_a_note_and_a_note_without_a_call_are_errors_with_their_lines() -> None:
    found = errors("Para one.\nA call[^missing] here.\n\n[^unused]: Never called.\n")
    assert found == ["content/part.md:6: note call [^missing] has no note: add a line '[^missing]: the note' "
                     "below the paragraph",
                     "content/part.md:8: note [^unused] is never called: call it with [^unused] in the text, "
                     "or remove it"]


def test_a_call_with_a_space_is_refused_rather_than_printed_as_brackets() -> None:
    assert errors("A [^my note] here.\n") == [
        "content/part.md:5: [^my note] is not a note call: a note's name has no spaces (write [^1] or [^source]); "
        "to print it as is, write \\[^my note]"]
    assert html("An escaped \\[^1] prints as written.\n") == "<p>An escaped [^1] prints as written.</p>\n"


def test_a_note_holds_paragraphs_only_and_no_other_note() -> None:
    found = errors("A[^1] and B[^2].\n\n[^1]: A list:\n\n    - one\n    - two\n\n[^2]: Calls [^1].\n")
    assert found == ["content/part.md:9: note [^1] holds a list: a note holds paragraphs only",
                     "content/part.md:12: note [^2] calls another note: a note cannot have notes"]


def test_a_note_written_twice_is_an_error() -> None:
    assert "content/part.md:8: note [^1] is written twice: give the second another name" in \
        errors("A[^1].\n\n[^1]: One.\n[^1]: Two.\n")


@pytest.mark.parametrize(("link", "address"), [
    ("[the article](https://example.org/a/b)", "example.org/a/b"),
    ("[write to us](mailto:us@example.org)", "us@example.org"),
    ("[the site](http://example.org/)", "example.org"),
])
def test_a_link_whose_text_is_not_its_address_prints_it_in_a_note(link: str, address: str) -> None:
    out = html(f"Read {link} now.\n")
    href = re.search(r'href="([^"]+)"', out)
    assert href is not None
    assert (f'</a><span class="note link-note" id="part-note-1" data-n="1"><a href="{href.group(1)}">{address}</a>'
            "</span> now.") in out


@pytest.mark.parametrize("link", ["<https://example.org>", "[example.org](https://example.org/)",
                                  "[www.example.org](https://www.example.org)", "[us@x.org](mailto:us@x.org)",
                                  "[the tables](#tables)", "[a letter](letters/one.md)"])
def test_a_link_showing_its_address_or_inside_the_document_gets_no_note(link: str) -> None:
    assert "note" not in html(f"See {link}.\n")


def test_links_after_the_text_or_off_by_the_manifest_switch() -> None:
    after = html("Read [the article](https://example.org/a).\n", Style(links="after"))
    assert after == ('<p>Read <a href="https://example.org/a">the article</a><span class="link-address"> '
                     '(<a href="https://example.org/a">example.org/a</a>)</span>.</p>\n')
    assert html("Read [the article](https://example.org/a).\n", Style(links="off")) == \
        '<p>Read <a href="https://example.org/a">the article</a>.</p>\n'


def test_link_notes_count_with_the_notes_and_a_link_inside_a_note_prints_its_address_after_it() -> None:
    out = html("A[^1] [b](https://b.org/x) c[^2].\n\n[^1]: See [the source](https://s.org/p).\n[^2]: Two.\n", END)
    assert re.findall(r'<li id="part-note-(\d)"', out) == ["1", "2", "3"]
    assert ('<li id="part-note-1" value="1"><p>See <a href="https://s.org/p">the source</a><span class="link-address">'
            ' (<a href="https://s.org/p">s.org/p</a>)</span>.</p></li>') in out
    assert '<li id="part-note-2" value="2"><a href="https://b.org/x">b.org/x</a></li>' in out


@pytest.mark.parametrize(("written", "read"), [
    ("![A map](map.png){width=50%}", '{width="50%"}'),
    ("![A map](map.png){.full-page width=80% #m}", '{.full-page width="80%" #m}'),
    ("![A map](map.png){width=\"50%\"}", '{width="50%"}'),
    ("![A map](map.png){width=120}", "{width=120}"),
    ("{.epigraph data-x=a/b}", '{.epigraph data-x="a/b"}'),
    ("`code ){width=50%}`", "`code ){width=50%}`"),
    ("A set {x=5%} in prose", "A set {x=5%} in prose"),
    ("```\n![A map](map.png){width=50%}\n```", "```\n![A map](map.png){width=50%}\n```"),
])
def test_unquoted_attribute_values_are_quoted_where_the_attrs_plugins_read_them(written: str, read: str) -> None:
    assert read in source.quoted_attributes(written)


def test_a_width_in_percent_reaches_the_picture(tmp_path: Path) -> None:
    (tmp_path / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = html("![A map](map.png){width=50%}\n", tmp_path=tmp_path)
    assert 'width="50%"' in out and "{" not in out


def test_a_quotation_left_open_in_a_note_is_refused_like_one_in_a_paragraph() -> None:
    assert errors('Text^[He said "yes.] here.\n') == [
        'content/part.md:5: a quotation opened with " is not closed in this note: add the other ", or type the '
        "marks of your language yourself (« », “ ”, „ “)"]
    assert errors('Text[^1].\n\n[^1]: He said "yes.\n')[0].startswith(
        'content/part.md:7: a quotation opened with " is not closed in this paragraph')
