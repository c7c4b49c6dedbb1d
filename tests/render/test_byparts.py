"""Layout by part (issue 26, item 1): the reading edition laid out part by part is byte for byte
the PDF of its layout as one document, on zines of several shapes.

Each zine is small (a few parts, a few pages) and rendered twice with real WeasyPrint: by part
(`Document.parts` as the build sets it) and whole (`parts=()`), each with a fresh Renderer. Where
the bytes are equal, the layout must also say it went part by part: a fallback to the whole
layout would make the comparison empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from conftest import ROOT, Laid, lay_out_both, page_texts, part, write_zine

pytestmark = pytest.mark.slow  # real layouts, a few seconds each

def letters(folder: Path) -> Path:
    """A part of one page, a letter, a part after: the letter starts on a right-hand page, and so
    does what follows it (letters-booklet.css, whose rules read the parts' neighbours): blanks."""
    letter = ("---\ntitle: Lettre\nkind: letter\n---\n\n[[nom: prénom et nom]]\n\n> [[caisse]]\n\n"
              "> À [[lieu]], le [[date]]\n\nMadame, Monsieur, je vous écris.\n\n> [[signature]]\n")
    return write_zine(folder, [part("Avant", 1), letter, part("Après", 2)])


def texts(folder: Path) -> Path:
    """Notes, a table, a picture and the print page (its sheet count is counter(pages))."""
    (folder / "content/images").mkdir(parents=True)
    image = Image.new("L", (600, 400), 255)
    for x in range(0, 600, 40):
        image.paste(0, (x, 0, x + 8, 400))
    image.save(folder / "content/images/bandes.png")
    notes = part("Des notes", 4, body="Une phrase avec une note[^1], puis une autre[^2].\n\n[^1]: La première note.\n"
                 "[^2]: La seconde, un peu plus longue, pour qu’elle tienne sur deux lignes au bas de la page.\n")
    table = part("Un tableau", 1, body="| Caisse | Délai | Jours |\n|---|---|---:|\n"
                 + "".join(f"| CPAM {n} | six semaines | {n * 7} |\n" for n in range(1, 30)))
    picture = part("Une image", 2, body='![Des bandes noires](images/bandes.png "Des bandes")\n', start=3)
    printing = "---\ntitle: Imprimer\nkind: print\n---\n\nPhotocopiez ce livret recto-verso.\n"
    return write_zine(folder, [notes, table, picture, printing])


SHAPES: dict[str, Callable[[Path], Path]] = {
    "A6": lambda folder: write_zine(folder, [part("Un", 2), part("Deux", 4, start=2), part("Trois", 1, start=5)],
                                    manifest='format = "A6"\n'),
    "half-letter": lambda folder: write_zine(folder, [part("Un", 3), part("Deux", 1, start=4)],
                                             manifest='format = "half-letter"\n'),
    "right-to-left": lambda folder: write_zine(folder, [
        f"---\ntitle: {title}\n---\n\n" + " ".join([text] * count) + "\n"
        for title, text, count in (("الحديقة", "نزرع الفول والطماطم في الربيع.", 200),
                                   ("البذور", "نحفظ البذور في علب صغيرة.", 30),
                                   ("الماء", "نجمع ماء المطر في براميل.", 120))], lang="ar"),
    "letters": letters,
    "texts": texts,
}


@pytest.fixture(scope="module")
def laid(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Laid]:
    """Each shape's zine laid out both ways, once for the module."""
    done: dict[str, Laid] = {}

    def get(shape: str) -> Laid:
        if shape not in done:
            folder = tmp_path_factory.mktemp(shape)
            root = ROOT if shape == "shipped" else SHAPES[shape](folder)
            done[shape] = lay_out_both(root, folder / "output")
        return done[shape]

    return get


@pytest.mark.parametrize("shape", ["shipped", *SHAPES])
def test_the_pdf_laid_out_by_part_is_the_whole_layouts(laid: Callable[[str], Laid], shape: str) -> None:
    found = laid(shape)
    assert found.rendered.layout.startswith("laid out by part, "), found.rendered.layout
    assert found.parts == found.whole


def test_blank_pages_before_the_letters_are_laid_out_by_part_too(laid: Callable[[str], Laid]) -> None:
    found = laid("letters")
    pages = page_texts(found.path)
    assert found.rendered.blanks == (4, 6), "the letter, or what follows it, did not start on a right-hand page"
    assert [pages[number - 1] for number in found.rendered.blanks] == ["", ""]
    assert pages[4].startswith("À") and pages[6].startswith("Après")


def test_the_contents_give_each_parts_first_page(laid: Callable[[str], Laid]) -> None:
    """The contents' page numbers (target-counter() of other parts' anchors) as the pages are."""
    found = laid("texts")
    pages = page_texts(found.path)
    contents = " ".join(pages[1].split())
    for title in ("Des notes", "Un tableau", "Une image", "Imprimer"):
        first = next(number for number, text in enumerate(pages, start=1) if text.startswith(title))
        assert re.search(rf"{title}[ .]*{first}\b", contents), (title, first, contents)
    assert first > 5  # the parts are more than a page each: the numbers are not the pieces' own


def test_the_print_page_counts_every_page_of_the_booklet(laid: Callable[[str], Laid]) -> None:
    """The sheet count is counter(pages): the whole zine's, not the print part's own."""
    found = laid("texts")
    pages = page_texts(found.path)
    booklet = 4 * ((len(pages) + 3) // 4)
    assert any(f"{booklet}\u00a0pages" in text and f"{booklet // 4}\u00a0feuilles" in text for text in pages), pages[-2:]


def test_the_notes_table_and_picture_are_on_their_pages(laid: Callable[[str], Laid]) -> None:
    found = laid("texts")
    pages = page_texts(found.path)
    assert [picture.name for picture in found.rendered.pictures] == ["content/images/bandes.png"]
    assert sum("CPAM" in text for text in pages) >= 2  # the table crosses a page
    [page] = [text for text in pages if "Une phrase avec une note" in text]
    assert "1.\u00a0La première note." in page and page.index("1.\u00a0La première note.") > page.index("une autre")


def test_notes_that_run_onto_the_next_part_lay_the_document_out_whole(tmp_path: Path) -> None:
    """Seven long notes called from one line fill more than a page: the last ones go to the foot of
    the next part's first page, which a part laid out alone cannot do."""
    note = " ".join(["Une note longue qui prend beaucoup de place au bas de la page, ligne après ligne."] * 9)
    body = " ".join(f"a[^n{n}]" for n in range(7)) + "\n\n" + "\n".join(f"[^n{n}]: {note}" for n in range(7)) + "\n"
    found = lay_out_both(write_zine(tmp_path, [part("Un", 1, body=body), part("Deux", 1, start=2)]), tmp_path / "output")
    assert found.rendered.layout == "laid out as one document, not part by part: notes of the part '01' run past its last page"
    assert found.parts == found.whole
    [second] = [text for text in page_texts(found.path) if text.startswith("Deux")]
    assert "7.\u00a0Une note longue" in second


@pytest.mark.parametrize(("shape", "again"), [("A6", 1), ("texts", 2)])
def test_a_cold_layout_lays_each_piece_out_once_but_those_that_read_the_others(
        tmp_path: Path, shape: str, again: int) -> None:
    """Only the contents (page numbers of the parts) and the print page (the page count) are laid
    out a second time, once those are known: not every piece (a piece that merely holds a
    stand-in of another's id reads no page number of it)."""
    from builder.render.weasy import Renderer

    from conftest import reading_edition

    (tmp_path / "output").mkdir()
    project, document, date = reading_edition(SHAPES[shape](tmp_path), tmp_path / "output")
    renderer = Renderer(project)
    rendered = renderer.render(document, tmp_path / "output" / "parts.pdf", source_date=date)
    pieces = len(document.parts) + 1  # and the front matter
    assert rendered.layout == f"laid out by part, {pieces} of {pieces} pieces anew"
    assert renderer.by_parts["reading"].layouts == pieces + again
