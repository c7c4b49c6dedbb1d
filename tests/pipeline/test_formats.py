"""The manifest's `format`: A6 (two copies a side, cut), A4 on A3, half-letter on US letter; and
its `paper` and `envelope` (issue 22): the A4 zine's letters for a C5 envelope, an A5 zine's
letters and mini-zine on US letter.

One small zine, built once per case (previews off): its reading pages, booklet sheets and
mini-zine are the format's sizes, its booklet is in saddle order, its letters are in the
booklet, on the zine's paper in the pack with the address where the envelope's window shows it
and fold marks at the envelope's folds, its print page names the paper and the duplex edge, and
a standalone `zine check` expects the right sizes from the format the build recorded.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from builder import preflight
from builder.build import Options
from builder.model import Report
from builder.paper import A4, LETTER, METADATA_KEY, MM, ZINE_FORMATS, Size
from PIL import ImageOps
from pypdf import PdfReader, PdfWriter

from conftest import ROOT, build_in, grid_texts, page_texts

MANIFEST = '''title = "Formats"
author = "Test collective"
lang = "{lang}"
date = 2026-11-28
edition = "Test"
format = "{format}"
{extra}parts = ["one.md", "two.md", "three.md", "print.md", "letters/ask.md"]
minizine = "pocket.md"
'''
LONG = " ".join(f"Sentence {n} of a text long enough to fill a few small pages." for n in range(60))
PARTS = {
    "one.md": f"---\ntitle: First part\n---\n\n{LONG}\n",
    "two.md": f"---\ntitle: Second part\n---\n\n{LONG}\n",
    "three.md": "---\ntitle: Third part\n---\n\nShort.\n",
    "print.md": "---\ntitle: Printing\nkind: print\n---\n\nCopy it.\n",
    "letters/ask.md": "---\ntitle: Letter\nkind: letter\n---\n\n[[name]]\n\n> Town Council\n> Parks Department\n"
                      "> [[council-city: city and postcode]]\n\nLettertext please keep the garden open.\n\n> [[signature]]\n",
    "pocket.md": "---\ntitle: Pocket\n---\n\n## Dig\n\nDig.\n\n## Sow\n\nSow.\n",
}
CASES = {"A6": ("fr", ""), "A4": ("en", 'envelope = "C5"\n'), "half-letter": ("en", ""),
         "A5": ("en", 'paper = "letter"\n')}
"""Each format's language and what its manifest adds."""
ENVELOPES = {"A6": "DL", "A4": "C5", "half-letter": "#10", "A5": "#10"}
WINDOWS = {"DL": ((110, 195, 45, 80), (99, 198)), "C5": ((110, 195, 45, 80), (148.5,)),
           "#10": ((22.2, 111.1, 51.8, 80.4), (93.1, 186.3))}
"""Where the address must be (left, right, top, bottom; mm on the letter) and the folds (mm from its
top): FACTS.md §2 for DL (C5: the same field on the top half of A4 folded once); §2b for #10,
worked by hand in tests/letters/test_envelopes.py (NUMBER_10_WINDOW)."""


def _zine(folder: Path, format: str, lang: str, extra: str) -> Path:
    (folder / "content/letters").mkdir(parents=True)
    (folder / "content/zine.toml").write_text(MANIFEST.format(lang=lang, format=format, extra=extra), encoding="utf-8")
    for name, text in PARTS.items():
        (folder / "content" / name).write_text(text, encoding="utf-8")
    return folder


@dataclasses.dataclass
class Built:
    format: str
    report: Report
    log: list[str]

    def path(self, kind: str) -> Path:
        return next(out.path for out in self.report.outputs if out.path.name.endswith(f"-{kind}.pdf"))


@pytest.fixture(scope="module", params=list(CASES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    log: list[str] = []
    folder = _zine(tmp_path_factory.mktemp(request.param), request.param, *CASES[request.param])
    report = build_in(folder, templates=ROOT / "templates", options=Options(previews=False), log=log.append)
    return Built(request.param, report, log)


def _sizes(path: Path) -> set[Size]:
    return {Size.from_points(float(page.mediabox.width), float(page.mediabox.height))
            for page in PdfReader(path).pages}


def test_pages_and_sheets_are_the_formats_sizes(built: Built) -> None:
    format = ZINE_FORMATS[built.format]
    assert _sizes(built.path("reading")) == {format.page}
    assert _sizes(built.path("booklet")) == {format.booklet_sheet}
    paper = {"half-letter": LETTER, "A5": LETTER}.get(built.format, A4)
    assert built.report.format.paper == paper
    assert _sizes(built.path("minizine")) == {paper.landscape}, "the A4 zine's mini-zine is on A4, not A3"
    assert _sizes(built.path("letters")) == {paper}
    assert {"half-letter": Size(215.9, 279.4)}.get(built.format, paper) == paper


def _text_box(path: Path, needles: tuple[str, ...]) -> tuple[float, float, float, float]:
    """Left, right, top and bottom (mm from the page's top-left corner) of the characters of `needles` on page 1."""
    document = pdfium.PdfDocument(path)
    try:
        page = document[0]
        text, height, boxes = page.get_textpage(), page.get_height(), []
        for needle in needles:
            found = text.search(needle).get_next()
            assert found is not None, needle
            boxes += [text.get_charbox(index) for index in range(found[0], found[0] + found[1])]
        return (min(box[0] for box in boxes) / MM, max(box[2] for box in boxes) / MM,
                (height - max(box[3] for box in boxes)) / MM, (height - min(box[1] for box in boxes)) / MM)
    finally:
        document.close()


def _drawn(path: Path) -> list[tuple[float, float, float, float]]:
    """The drawn paths (rules, borders, marks) of page 1: left, right, top, bottom in mm from its top-left corner."""
    document = pdfium.PdfDocument(path)
    try:
        page = document[0]
        height, found = page.get_height(), []
        for item in page.get_objects(max_depth=5):
            if item.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                left, bottom, right, top = item.get_bounds()
                found.append((left / MM, right / MM, (height - top) / MM, (height - bottom) / MM))
        return found
    finally:
        document.close()


def test_the_address_shows_in_the_envelopes_window_and_the_folds_are_marked(built: Built) -> None:
    """Issue 22: a half-letter zine's pack is laid out for a #10 envelope, its address on the left."""
    path = built.path("letters")
    (left, right, top, bottom), folds = WINDOWS[ENVELOPES[built.format]]
    x0, x1, y0, y1 = _text_box(path, ("Town Council", "Parks Department"))
    assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, (x0, x1, y0, y1)
    # the write-on line of the address's last line too: an 8 mm field box (its rule is the bottom edge)
    rule = next(box for box in _drawn(path) if box[2] > y0 and abs(box[3] - box[2] - 8) < 0.05)
    assert left - 0.05 <= rule[0] and rule[1] <= right + 0.05, rule
    warned = [finding.message for finding in built.report.findings if "the recipient's address is" in finding.message]
    if ENVELOPES[built.format] == "#10":
        assert x1 < 215.9 / 2, "the #10 window is on the left"
    # two printed lines and a write-on line (8.6 + 8 mm) fit every window, #10's 25.6 mm included
    # (issue 22 review: a #10 letter pushed up shows 13.9 mm, and every handwritten address was warned)
    assert rule[3] <= bottom and not warned, (rule, warned)
    # fold marks: 6 mm ticks, 6 to 12 mm from the left edge, their top edge on the fold
    ticks = [box for box in _drawn(path) if box[0] < 19]
    assert all(abs(box[0] - 6) < 0.1 and abs(box[1] - 12) < 0.1 and box[3] - box[2] < 0.5 for box in ticks), ticks
    assert [box[2] for box in ticks] == pytest.approx(folds, abs=0.1)


def test_the_booklet_is_in_saddle_order(built: Built) -> None:
    """Sheet k: front N−2k+2 | 2k−1, back 2k | N−2k+1 (FACTS.md §3); for A6, in both copies."""
    format = ZINE_FORMATS[built.format]
    pages = page_texts(built.path("reading"))
    count = 4 * -(-len(pages) // 4)
    padded = pages[:-1] + [""] * (count - len(pages)) + pages[-1:]  # blanks before the back cover
    sides = grid_texts(built.path("booklet"), columns=2, rows=format.booklet.copies)
    assert len(sides) == count // 2 == 2 * built.report.sheets
    for k in range(1, count // 4 + 1):
        front, back = sides[2 * k - 2], sides[2 * k - 1]
        expected_front = [padded[count - 2 * k + 1], padded[2 * k - 2]]
        expected_back = [padded[2 * k - 1], padded[count - 2 * k]]
        assert front == expected_front * format.booklet.copies, f"sheet {k} front"
        assert back == expected_back * format.booklet.copies, f"sheet {k} back"


def test_letters_are_in_the_booklet_in_every_format(built: Built) -> None:
    """Issue 22: a page (on A6 a leaf) of the booklet to cut out, and a page of the pack too
    (tests/pipeline/test_letters_inside.py measures them)."""
    assert "Lettertext" in " ".join(page_texts(built.path("reading")))
    assert "Lettertext" in " ".join(page_texts(built.path("letters")))
    assert not any("booklet, only in the pack" in line for line in built.log)


def test_the_print_page_names_the_paper_and_the_duplex_edge(built: Built) -> None:
    text = " ".join(page_texts(built.path("reading")))
    expected = {
        "A6": "feuilles A4\u00a0recto-verso (réglage «\u202fretourner sur le bord long\u202f») pour deux\u00a0exemplaires"
              "\u202f: coupez le paquet en deux.",
        "A4": "sheets of A3\u00a0printed on both sides (flip on the short edge), per copy.",
        "half-letter": "sheets of US Letter printed on both sides (flip on the short edge), per copy.",
        "A5": "sheets of A4\u00a0printed on both sides (flip on the short edge), per copy.",
    }[built.format]
    assert expected in text
    if built.format == "A6":
        assert "Sommaire" in text and "Contents" not in text


def test_a_standalone_check_expects_the_recorded_format(built: Built, tmp_path: Path) -> None:
    paths = [built.path(kind) for kind in ("reading", "booklet", "letters", "minizine")]
    for path in paths:
        assert PdfReader(path).metadata[METADATA_KEY] == {"A5": "A5 letter"}.get(built.format, built.format)
    assert [f for f in preflight.check(paths) if f.severity == "error"] == []
    # Without the recorded format, the name alone says A5 on A4 or half-letter on US letter (issue 22):
    # US paper then passes, and an A6 or A4 zine's pages are wrong.
    kind, expected = ("letters", "210 × 297 mm") if built.format == "A5" else ("reading", "148 × 210 mm")
    writer = PdfWriter(clone_from=built.path(kind))
    del writer._info.get_object()[METADATA_KEY]  # type: ignore[union-attr]
    bare = tmp_path / f"bare-{kind}.pdf"
    writer.write(bare)
    errors = [f.message for f in preflight.check([bare]) if f.severity == "error"]
    if built.format in ("A5", "half-letter"):  # a letter pack on US letter, half-letter pages
        assert errors == []
    else:
        assert errors and f"expected {expected}" in errors[0]


def test_ink_stays_clear_of_the_copiers_edge(built: Built) -> None:
    """Every mark at least 10 mm inside the sheet's edges (FACTS.md §5), on every format's sheets."""
    px_per_mm = 3
    for kind in ("booklet", "minizine"):
        document = pdfium.PdfDocument(built.path(kind))
        try:
            for number, page in enumerate(document, start=1):
                image = page.render(scale=px_per_mm * 25.4 / 72, grayscale=True).to_pil().convert("L")
                box = ImageOps.invert(image).point(lambda value: 255 if value > 60 else 0).getbbox()
                assert box is not None, f"{kind} side {number} is empty"
                width, height = image.size
                margins = [box[0], box[1], width - box[2], height - box[3]]
                assert min(margins) / px_per_mm >= 9.9, f"{kind} side {number}: ink {min(margins) / px_per_mm} mm from an edge"
        finally:
            document.close()
