"""Pages replayed in a warm session (render/replay.py): after each edit, one Renderer writes the
reading edition replaying the pages of the parts it did not lay out again, and the PDF must be
byte for byte the one a fresh Renderer draws whole. The zine has what drawing numbers across the
document or registers on it: pictures, opacity groups, gradients, translucent text, links, notes,
a table, the tagged structure (PDF/UA), and a rare glyph shown first in the part edited.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pikepdf
import pytest
from builder.render import replay
from builder.render.weasy import Renderer
from PIL import Image

from conftest import ROOT, page_texts, part, reading_edition, write_zine

pytestmark = pytest.mark.slow  # real layouts

CSS = """
blockquote { opacity: 0.8; }
table { background: linear-gradient(#fff, #ddd); }
strong { color: rgba(0, 0, 0, 0.6); }
"""
RARE = "Þorn"
"""A word of a glyph shown nowhere else but in part 3: after it leaves part 1, part 3's page registers it."""
PICTURE = '![Des bandes](images/bandes.png "Des bandes")\n'
TABLE = "| Ville | Lettres |\n|---|---:|\n| Albi | 1 204 |\n| Foix | 98 |\n"
FONTS = "*Une* **note**[^u], ***voir***.\n\n[^u]: Une note *en italique*.\n"
"""Part 1 shows every font first (a page showing a font first is drawn, the replay cannot make fonts)."""
NOTES = "Une note[^n] et [le guide](#quatre), [un site](https://example.org/a).\n\n[^n]: La note.\n"


@dataclasses.dataclass(frozen=True)
class Step:
    same: bool
    counts: replay.Counts
    texts: list[str]
    unstable: list[int]
    """The pages (0-based) whose drawing numbers groups, shadings or patterns across the document."""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _unstable(path: Path) -> list[int]:
    with pikepdf.open(path) as pdf:
        return [number for number, page in enumerate(pdf.pages)
                if re.search(rb"/x\d+ Do|/s\d+ gs| sh\b|/Pattern", page.Contents.read_bytes())]


def _steps(root: Path) -> list[Step]:
    """The zine in `root` written by one Renderer after each edit, each against a fresh one's whole layout."""
    edits = [lambda: None, lambda: _edit(root / "content/01.md", "Kesako", "Kasoke"),
             lambda: _edit(root / "content/01.md", RARE, "orn")]
    project, _, _ = reading_edition(root)
    warm, steps = Renderer(project), []
    for edit in edits:
        edit()
        project, document, date = reading_edition(root)
        warm.render(document, root / "warm.pdf", source_date=date)
        counts = replay.last
        Renderer(project).render(dataclasses.replace(document, parts=()), root / "whole.pdf", source_date=date)
        steps.append(Step((root / "warm.pdf").read_bytes() == (root / "whole.pdf").read_bytes(), counts,
                          page_texts(root / "warm.pdf"), _unstable(root / "warm.pdf")))
    return steps


@pytest.fixture(scope="module")
def zine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("replay")
    (root / "content/images").mkdir(parents=True)
    image = Image.new("L", (300, 200), 255)
    image.paste(0, (20, 0, 40, 200))
    image.save(root / "content/images/bandes.png")
    quote = "> Une citation un peu grise, **en gras** et translucide.\n"
    write_zine(root, [part("Un", 2, body=f"Kesako ? {RARE}. {FONTS}"), part("Deux", 3, start=2, body=PICTURE + "\n" + NOTES),
                      part("Trois", 4, start=3, body=f"Un **mot** et {RARE}.\n"),
                      part("Quatre", 2, start=4, body=f"{quote}\n{TABLE}")], css=CSS)
    return root


@pytest.fixture(scope="module")
def steps(zine: Path) -> list[Step]:
    return _steps(zine)


def _first(texts: list[str], word: str, *, title: bool = False) -> int:
    """The first page (0-based) showing `word`, or starting with it (a part's `title`, not the contents')."""
    return next(number for number, text in enumerate(texts) if (text.startswith(word) if title else word in text))


def test_each_warm_pdf_is_the_whole_layout_byte_for_byte(steps: list[Step]) -> None:
    assert [step.same for step in steps] == [True, True, True]
    assert steps[0].unstable  # the zine has pages drawn each time


def test_pages_of_the_parts_kept_are_replayed_but_those_that_number_across_the_document(steps: list[Step]) -> None:
    """After a word edited in part 1, the front and part 1 are drawn (laid out again), and the
    pages of opacity groups, gradients; every other page is replayed."""
    first, edited = steps[:2]
    pages = len(edited.texts)
    assert first.counts == replay.Counts(drawn=pages, replayed=0)
    kept = range(_first(edited.texts, "Deux", title=True), pages)
    unstable = [number for number in edited.unstable if number in kept]
    assert unstable and len(unstable) < len(kept)
    assert edited.counts == replay.Counts(drawn=pages - len(kept) + len(unstable), replayed=len(kept) - len(unstable))


def test_a_page_showing_a_glyph_first_is_drawn_again(steps: list[Step]) -> None:
    """Once part 1 no longer shows Þ, part 3's page registers it (its text in the ToUnicode map):
    the replay cannot know that text, the page is drawn."""
    edited, gone = steps[1:]
    assert RARE not in " ".join(gone.texts[:_first(gone.texts, "Deux", title=True)])
    assert _first(gone.texts, RARE) not in gone.unstable
    assert gone.counts.drawn == edited.counts.drawn + 1 and gone.counts.replayed == edited.counts.replayed - 1



@pytest.mark.usefixtures("subset_dated")
def test_a_glyph_another_page_gave_another_width_is_drawn_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's kerning depends on the widths its glyphs have when drawn: when an earlier page set
    one otherwise (here: every font made with a width of 123 for a glyph of page 2), page 2 is drawn
    again with it, as WeasyPrint would, not replayed. (Page 1 shows the font first: always drawn.)"""
    from weasyprint import HTML
    from weasyprint.pdf import fonts

    replay.install()
    html = ('<style>@font-face { font-family: T; src: url(fonts/CharisSIL-Regular.ttf) } p { font-family: T }</style>'
            '<p>Kesako ? Une page.</p><p style="break-before: page">Kesako ? Une autre.</p>')
    laid = HTML(string=html, base_url=str(ROOT / "templates") + "/").render()
    with replay.painting() as counts:
        laid.copy().write_pdf()
    assert counts == replay.Counts(drawn=2)
    [glyphs] = laid.pages[1]._zine_painted.glyphs
    made = fonts.Font.__init__

    def otherwise(font: fonts.Font, *arguments: object) -> None:
        made(font, *arguments)
        font.widths[glyphs.used[0]] = 123

    monkeypatch.setattr(fonts.Font, "__init__", otherwise)
    with replay.painting() as counts:
        data = laid.copy().write_pdf()
    assert data == laid.copy().write_pdf()  # replayed, it would keep the kerning of the first width
    assert counts == replay.Counts(drawn=2)
