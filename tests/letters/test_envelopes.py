"""Window envelopes as data, and the manifest's `paper` and `envelope` (issue 22, item 1).

The measures of the letters as built are in tests/pipeline/test_formats.py (one build per format)
and tests/letters/test_letters.py (the shipped A5 zine's DL pack)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from builder import content, preflight
from builder.content import manifest
from builder.errors import BuildError
from builder.letters.envelopes import ENVELOPES, Field, of, through_window, window_reach
from builder.paper import A4, LETTER, ZINE_FORMATS, Size, recorded_format
from builder.project import Project
from builder.render import templating

from conftest import SAMPLE

NUMBER_10_WINDOW = (22.2, 111.1, 51.8, 80.4)
"""FACTS.md §2b, worked by hand: a #10 window is 114.3 mm wide, 22.2 mm from the envelope's left edge;
a 215.9 mm letter slides 25.4 mm across the 241.3 mm envelope, so 22.2 to 111.1 mm of it always
shows. The window is 28.6 mm tall, 12.7 mm from the bottom of the 104.8 mm envelope: 63.5 to 92.1 mm
from the envelope's top. The letter, folded at 93.1 mm, resting on the envelope's bottom, has its
top 11.7 mm under the envelope's: 51.8 to 80.4 mm of it shows."""
NUMBER_10_REACH = (0, 136.5, 51.8, 92.1)
"""All a #10 window may show (same numbers): 22.2 − 25.4 (cut at the sheet's edge) to 136.5 mm
across, 63.5 − 11.7 to 92.1 mm down."""


def test_the_envelopes_fold_their_paper_as_the_facts_say() -> None:
    """DL: A4 in three, folds at 99/198 mm (FACTS.md §2); C5: A4 in half; #10: US letter in three (§2b)."""
    assert {name: (one.paper, one.folds) for name, one in ENVELOPES.items()} == {
        "DL": (A4, (99, 198)), "C5": (A4, (148.5,)), "#10": (LETTER, (93.1, 186.3))}
    for one in ENVELOPES.values():
        assert one.folds == pytest.approx([one.paper.height * n / (len(one.folds) + 1)
                                           for n in range(1, len(one.folds) + 1)], abs=0.05)


def test_the_dl_and_c5_address_is_where_the_french_sources_agree() -> None:
    for name in ("DL", "C5"):
        address = ENVELOPES[name].address
        assert (address.left, address.right, address.top, address.bottom) == (110, 195, 45, 80)
        assert ENVELOPES[name].window_side == "right" and ENVELOPES[name].sender == (20, 105)


def test_the_number_10_address_is_on_the_left_inside_what_the_window_always_shows() -> None:
    envelope = ENVELOPES["#10"]
    address, (left, right, top, bottom) = envelope.address, NUMBER_10_WINDOW
    assert envelope.window_side == "left"
    assert left < address.left and address.right < right and top < address.top and address.bottom < bottom
    # room for a name, a street and a city line, handwritten: three write-on lines 8 mm apart
    assert address.width >= 80 and address.height >= 3 * 8
    left, right, top, bottom = NUMBER_10_REACH
    assert (envelope.seen.left, envelope.seen.right, envelope.seen.top, envelope.seen.bottom) == (left, right, top, bottom)
    assert address.left >= 10 and envelope.sender[1] <= LETTER.width - 10, "ink 10 mm from the edges (FACTS.md §5)"
    assert envelope.sender[0] > 22.2 + 114.3, "the sender's column never shows in the window"


def test_a_window_seen_through_is_worked_from_the_envelope() -> None:
    # A 200 mm sheet folded at 100 mm in a 220 × 110 mm envelope: 20 mm of slide across, 10 mm up
    # and down. The window, 100 × 30 mm, 20 mm from the left and 15 mm from the bottom, is 65 to 95 mm
    # from the envelope's top: the letter resting on the envelope's bottom (its top 10 mm under the
    # envelope's), the window shows 55 to 85 mm of it, and may show 55 to 95 mm (pushed up);
    # across, 20 to 100 mm always, 0 to 120 mm at most.
    shape = (Size(200, 300), 100, Size(220, 110), Size(100, 30), (20, 15))
    assert through_window(*shape, (0, 0)) == Field(20, 55, 80, 30)
    assert through_window(*shape, (2, 1)) == Field(22, 56, 76, 28)
    assert window_reach(*shape) == Field(0, 55, 120, 40)


def test_the_envelope_follows_the_paper_unless_the_manifest_names_one() -> None:
    a5, half = ZINE_FORMATS["A5"], ZINE_FORMATS["half-letter"]
    assert (of(a5).name, of(half).name) == ("DL", "#10")
    assert of(dataclasses.replace(a5, paper=LETTER)).name == "#10"
    assert of(dataclasses.replace(half, paper=A4)).name == "DL"
    assert of(dataclasses.replace(a5, envelope="C5")).name == "C5"


def _read(folder: Path, *lines: str) -> manifest.Manifest:
    path = folder / "zine.toml"
    path.write_text((SAMPLE / "content/zine.toml").read_text(encoding="utf-8") + "".join(f"{line}\n" for line in lines),
                    encoding="utf-8")
    return manifest.read(path, "content/zine.toml")


@pytest.mark.parametrize(("lines", "paper", "envelope"), [
    ((), A4, "DL"),
    (('format = "half-letter"',), LETTER, "#10"),
    (('paper = "Letter"',), LETTER, "#10"),
    (('format = "half-letter"', 'paper = "a4"'), A4, "DL"),
    (('envelope = "c5"',), A4, "C5"),
    (('format = "A6"', 'paper = "letter"', 'envelope = "#10"'), LETTER, "#10"),
])
def test_the_manifest_chooses_the_paper_and_the_envelope(tmp_path: Path, lines: tuple[str, ...], paper: Size,
                                                         envelope: str) -> None:
    format = _read(tmp_path, *lines).format
    assert (format.paper, of(format).name) == (paper, envelope)
    assert format.booklet_sheet == ZINE_FORMATS[format.name].booklet_sheet, "the booklet keeps its sheet"


@pytest.mark.parametrize(("lines", "message"), [
    (('paper = "A3"',), "content/zine.toml:10: 'paper' must be \"A4\" or \"letter\", not \"A3\""),
    (('paper = "leter"',), "content/zine.toml:10: 'paper' must be \"A4\" or \"letter\", not \"leter\" (did you "
                          "mean \"letter\"?)"),
    (('envelope = "DL5"',), "content/zine.toml:10: 'envelope' must be \"DL\", \"C5\" or \"#10\", not \"DL5\""),
    (('format = "half-letter"', 'envelope = "DL"'),
     "content/zine.toml:11: 'envelope' \"DL\" takes A4 paper, and this zine's letters are on US letter (the "
     "half-letter format's paper): set paper = \"A4\", or choose \"#10\""),
    (('paper = "A4"', 'envelope = "#10"'),
     "content/zine.toml:11: 'envelope' \"#10\" takes US letter paper, and this zine's letters are on A4 "
     "(paper = \"A4\"): set paper = \"letter\", or choose \"DL\" or \"C5\""),
])
def test_a_paper_or_envelope_that_cannot_work_is_refused_naming_the_manifest(tmp_path: Path, lines: tuple[str, ...],
                                                                             message: str) -> None:
    with pytest.raises(BuildError) as raised:
        _read(tmp_path, *lines)
    assert str(raised.value).startswith(message), str(raised.value)


def test_the_build_records_a_chosen_paper_for_a_standalone_check() -> None:
    a5 = ZINE_FORMATS["A5"]
    assert [format.recorded for format in ZINE_FORMATS.values()] == list(ZINE_FORMATS), "as before issue 22"
    on_letter = dataclasses.replace(a5, paper=LETTER, envelope="#10")
    assert on_letter.recorded == "A5 letter"
    assert recorded_format("A5 letter").paper == LETTER and recorded_format("A5 letter").page == a5.page
    assert recorded_format(None) == recorded_format("B5") == a5
    letters = preflight.expectation_for(Path("zine-letters.pdf"), "A5 letter")
    minizine = preflight.expectation_for(Path("zine-minizine.pdf"), "A5 letter")
    assert letters is not None and minizine is not None
    assert (letters.size, letters.label) == (LETTER, "US letter letters")
    assert minizine.size == LETTER.landscape
    a4_minizine = preflight.expectation_for(Path("zine-minizine.pdf"), "A4")
    assert a4_minizine is not None and a4_minizine.size == A4.landscape, "the A4 zine's mini-zine is on A4"


@pytest.mark.parametrize(("lines", "inline"), [
    ((), ["@page { size: 210mm 297mm; }", "--fold-1: 99mm;", "--fold-2: 198mm;", "--address-left: 110mm;"]),
    (('format = "half-letter"',), ["@page { size: 215.9mm 279.4mm; }", "--fold-1: 93.1mm;", "--fold-2: 186.3mm;",
                                   "--address-left: 25.2mm;", "--sender-left: 140mm;"]),
    (('envelope = "C5"',), ["--fold-1: 148.5mm;", ".letters .letter-page::after { content: none; }"]),
])
def test_the_pack_template_writes_the_envelope_and_keeps_an_old_override(tmp_path: Path, lines: tuple[str, ...],
                                                                         inline: list[str]) -> None:
    """letters.html writes the page size and the envelope's geometry for letters-pack.css; a
    project's own letters-a4.css (the pack's stylesheet before issue 22) is still laid over it."""
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    _read(tmp_path / "content", *lines)
    project = Project.at(tmp_path)
    zine = content.load(project)
    html = templating.document(templating.environment(project), "letters.html", "letters", zine, letters=(),
                               fillable=False).html
    assert all(line in html for line in inline), html[:1500]
    assert "--fold-2" not in html if len(of(zine.format).folds) < 2 else "content: none" not in html
    assert '<link rel="stylesheet" href="letters-pack.css">' in html and "letters-a4.css" not in html
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/letters-a4.css").write_text(".letter-to { left: 91mm; }\n", encoding="utf-8")
    html = templating.document(templating.environment(project), "letters.html", "letters", zine, letters=(),
                               fillable=False).html
    assert html.index('href="letters-pack.css"') < html.index('href="letters-a4.css"')
