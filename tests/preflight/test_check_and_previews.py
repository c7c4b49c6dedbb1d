"""A build's check draws the previews of the PDF it checks (workers/jobs.check, issue 26, item 2):
each page loaded once for both, the same findings and the same PNGs as a check and previews made
apart; the PNGs hold exactly the greys pdfium draws; a text object's text is read whole, however long."""

from __future__ import annotations

import ctypes
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from builder import preflight, preview
from builder.kinds import Kind
from builder.preflight import reader, text
from builder.typography.words import words
from builder.workers import jobs
from PIL import Image, ImageDraw


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three A5 pages (at 72 dpi): text, a grey gradient and a red square; pages that differ."""
    pages = []
    for number in range(3):
        page = Image.new("RGB", (420, 595), "white")
        draw = ImageDraw.Draw(page)
        draw.text((40, 40), f"Page {number + 1}: un chat dort", fill="black")
        for x in range(256):
            draw.line([(60 + x, 100 + 50 * number), (60 + x, 300)], fill=(x, x, x))
        draw.rectangle([(40, 400 + 20 * number), (140, 500)], fill=(220, 30, 30))
        pages.append(page)
    target = tmp_path_factory.mktemp("look") / "pages.pdf"
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=72.0)
    return target


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Empty page caches, and the index of every page pdfium loads."""
    loaded: list[int] = []
    original = pdfium.PdfDocument.__getitem__

    def counted(self: pdfium.PdfDocument, index: int) -> Any:
        loaded.append(index)
        return original(self, index)

    monkeypatch.setattr(pdfium.PdfDocument, "__getitem__", counted)
    for owner, name in ((reader, "_LOOKS"), (preview, "_ENCODED"), (preview, "_BY_PIXELS"), (jobs, "_checked")):
        monkeypatch.setattr(owner, name, {})
    yield loaded


def _pngs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_check_with_previews_loads_each_page_once_and_says_and_draws_the_same(
        pdf: Path, loads: list[int], tmp_path: Path) -> None:
    shown = jobs.Shown(tmp_path / "both", lambda number: f"{number}.png", tmp_path / "contact.png", words("fr"))
    together = jobs.check(pdf, None, frozenset(), True, Kind.BOOKLET, shown)
    assert sorted(loads) == [0, 1, 2], "each page loaded once, for its check and its preview"
    for cache in (reader._LOOKS, preview._ENCODED, preview._BY_PIXELS):
        cache.clear()
    apart = preflight.check([pdf], pixels=True, kind=Kind.BOOKLET)
    preview.thumbnails(pdf, tmp_path / "apart", lambda number: f"{number}.png")
    assert list(together) == apart and any(finding.message.startswith(preflight.IN_COLOUR) for finding in apart)
    assert _pngs(tmp_path / "both") == _pngs(tmp_path / "apart") and len(_pngs(tmp_path / "both")) == 3
    with Image.open(tmp_path / "contact.png") as contact:
        assert contact.mode == "L" and contact.height > 2 * 595 * preview.THUMB_WIDTH / 420


def test_a_preview_holds_the_greys_pdfium_draws(pdf: Path, loads: list[int], tmp_path: Path) -> None:
    pngs = preview.thumbnails(pdf, tmp_path, lambda number: f"{number}.png")
    document = pdfium.PdfDocument(pdf)
    try:
        for index, png in enumerate(pngs):
            page = document[index]
            drawn = page.render(scale=preview.THUMB_WIDTH / page.get_width(), grayscale=True).to_pil()
            page.close()
            with Image.open(io.BytesIO(png)) as decoded:
                assert decoded.mode == "L" and decoded.size == drawn.size
                assert decoded.tobytes() == drawn.tobytes()
                assert decoded.getextrema() == (0, 255)
    finally:
        document.close()


def test_text_longer_than_the_buffer_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_page_digests import PAGES, _render

    pdf = _render(PAGES, tmp_path / "text.pdf")
    document = pdfium.PdfDocument(pdf)
    try:
        read = [text.read(document[index]) for index in range(len(document))]
        monkeypatch.setattr(text, "_TEXT", ctypes.create_string_buffer(6))  # two characters and their end
        assert [text.read(document[index]) for index in range(len(document))] == read
    finally:
        document.close()
    assert read[1].small.startswith("10 characters below 7 pt") and read[1].uses[0][2] == "Deux"


def test_a_check_opens_the_file_with_qpdf_once(pdf: Path, loads: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Its refusal, metadata and page digests (preflight/opened.py): one opening, not three."""
    import pikepdf

    opened: list[object] = []
    original = pikepdf.open

    def counted(*args: Any, **kwargs: Any) -> Any:
        opened.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(pikepdf, "open", counted)
    found = preflight.check([pdf], pixels=True, kind=Kind.READING)
    assert opened == [pdf] and sorted(loads) == [0, 1, 2]
    assert any(finding.message.startswith("no language in the metadata") for finding in found)
    assert len(reader._LOOKS) == 3, "each page's look kept by its digest"
