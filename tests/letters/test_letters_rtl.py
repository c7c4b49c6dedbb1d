"""Right-to-left letters (issue 22): the text follows the writing direction, the envelope's window does not.

An Arabic zine with a letter to the town council ("keep the shared garden open"), built once on
A5 (its pack on A4 for a DL envelope, window on the right: FACTS.md §2) and once in half-letter
(US letter for a #10 envelope, window on the left: §2b). In the pack, the recipient's address lies
inside the window field of letters/envelopes.py and the sender's block lies outside it, in the
column the window leaves free; in the booklet, the sender's corner starts on the right.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder.build import Options
from builder.letters.envelopes import ENVELOPES, Field
from builder.model import Report
from builder.paper import MM

from conftest import ROOT, build_in, page_texts

SENDER = "شارع الحديقة"
"""The sender's street ("Garden street"), printed in the sender's corner."""
RECIPIENT = ("بلدية المدينة", "قسم الحدائق")
"""The recipient ("Town council", "Parks department"), printed in the address block."""
LETTER = f"""---
title: رسالة إلى البلدية
kind: letter
---

[[name]]
{SENDER} ١٢

> {RECIPIENT[0]}
> {RECIPIENT[1]}

> [[place]]، [[date]]

نطلب أن تبقى الحديقة المشتركة مفتوحة للجميع.

> [[signature]]
"""


def _zine(folder: Path, format: str) -> Path:
    (folder / "content/letters").mkdir(parents=True)
    (folder / "content/zine.toml").write_text(
        f'title = "حديقتنا"\nlang = "ar"\ndate = 2026-11-28\nedition = "1"\nformat = "{format}"\n'
        'parts = ["one.md", "letters/council.md"]\n', encoding="utf-8")
    (folder / "content/one.md").write_text("---\ntitle: الحديقة\n---\n\nنزرع الفول والطماطم في الربيع.\n",
                                           encoding="utf-8")
    (folder / "content/letters/council.md").write_text(LETTER, encoding="utf-8")
    return folder


@pytest.fixture(scope="module", params=[("A5", "DL"), ("half-letter", "#10")], ids=["DL", "number-10"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, str]:
    format, envelope = request.param
    folder = _zine(tmp_path_factory.mktemp(format), format)
    return build_in(folder, templates=ROOT / "templates", options=Options(previews=False)), envelope


def _path(report: Report, suffix: str) -> Path:
    [path] = [out.path for out in report.outputs if out.path.name.endswith(suffix)]
    return path


def _box(path: Path, page: int, needle: str) -> Field:
    """The box of the characters of `needle` on page `page` (0-based), in mm from the page's top-left corner."""
    document = pdfium.PdfDocument(path)
    try:
        text, height = document[page].get_textpage(), document[page].get_height()
        found = text.search(needle).get_next()
        assert found is not None, f"{needle!r} not on page {page + 1}: {text.get_text_range()!r}"
        boxes = [text.get_charbox(index) for index in range(found[0], found[0] + found[1])]
        left, right = min(box[0] for box in boxes) / MM, max(box[2] for box in boxes) / MM
        top, bottom = (height - max(box[3] for box in boxes)) / MM, (height - min(box[1] for box in boxes)) / MM
        return Field(left, top, right - left, bottom - top)
    finally:
        document.close()


def _inside(box: Field, field: Field) -> bool:
    return field.left <= box.left and box.right <= field.right and field.top <= box.top and box.bottom <= field.bottom


def _apart(box: Field, field: Field) -> bool:
    return box.right < field.left or field.right < box.left or box.bottom < field.top or field.bottom < box.top


def test_the_address_is_in_the_window_and_the_sender_is_not(built: tuple[Report, str]) -> None:
    report, envelope = built
    window = ENVELOPES[envelope].address
    pack = _path(report, "-letters.pdf")
    for line in RECIPIENT:
        assert _inside(_box(pack, 0, line), window), (line, _box(pack, 0, line), window)
    sender = _box(pack, 0, SENDER)
    assert _apart(sender, window), (sender, window)
    left, right = ENVELOPES[envelope].sender
    assert left - 0.5 <= sender.left and sender.right <= right + 0.5, "in the column the window leaves free"
    # The sender's text follows the writing direction: set from the column's right edge.
    assert right - sender.right < 3, (sender, right)


def test_the_booklet_letter_starts_on_the_right(built: tuple[Report, str]) -> None:
    """In the booklet, no window: the sender's corner is at the start of the line (the right), the
    recipient's block after it (to its left)."""
    report, _ = built
    reading = _path(report, "-reading.pdf")
    page = next(index for index, text in enumerate(page_texts(reading)) if SENDER in text)
    document = pdfium.PdfDocument(reading)
    width = document[page].get_width() / MM
    document.close()
    sender, recipient = _box(reading, page, SENDER), _box(reading, page, RECIPIENT[0])
    assert sender.left > width / 2 and recipient.right < sender.left, (sender, recipient, width)
