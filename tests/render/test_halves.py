"""A long document's second half drawn in a forked process (render.halves, issue 26): the same PDF,
byte for byte, as drawing every page here, replayed where it can be, drawn here where not."""

from __future__ import annotations

import base64
import io
import os
import sys
import time
from typing import Any

import pytest
from builder.render import halves, replay
from PIL import Image
from weasyprint import HTML

from conftest import BODY_FACES, font_faces

pytestmark = [pytest.mark.skipif(sys.platform != "linux", reason="the drawing is split on Linux only"),
              pytest.mark.usefixtures("subset_dated")]
replay.install()

PAGES = 70
"""More than halves.MINIMUM."""


def _document(picture_on: int | None = None) -> Any:
    pages = []
    for number in range(PAGES):
        text = f"<h2 id='p{number}'>Page {number}</h2><p>Du <b>texte</b>, <a href='#p{(number * 7) % PAGES}'>un lien</a>, " \
               f"<i>de l'italique</i> {'et encore du texte ' * 20}</p>"
        if number == picture_on:
            text += f"<p><img alt='gris' src='{_picture()}'></p>"
        pages.append(f"<section lang='fr' style='break-after: page'>{text}</section>")
    style = (f"<style>{font_faces(BODY_FACES)} html {{ font-family: Body }}"
             "@page { size: A6; margin: 10mm; @bottom-center { content: counter(page) } }</style>")
    return HTML(string=f"<html lang='fr'><head><title>Essai</title>{style}</head><body>{''.join(pages)}</body></html>"
                ).render()


def _picture() -> str:
    """A small grey PNG, as a data URL: a picture a page places (Stream.add_image)."""
    png = io.BytesIO()
    Image.new("L", (40, 20), 128).save(png, "PNG")
    return "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()


def _write(document: Any, variant: str | None = "pdf/ua-1") -> bytes:
    return document.write_pdf(pdf_variant=variant)  # type: ignore[no-any-return]  # tagged, as a reading edition


@pytest.mark.parametrize("variant", ["pdf/ua-1", None], ids=["tagged", "untagged"])
def test_the_second_half_drawn_beside_and_replayed_writes_the_same_pdf(variant: str | None) -> None:
    document = _document()
    alone = _write(document, variant)
    assert halves.written(document.pages, lambda: _write(document, variant)) == alone
    assert halves.last.replayed >= PAGES // 2 - 2, "the second half's pages, from the copy's records"
    assert halves.last.replayed + halves.last.drawn == PAGES - PAGES // 2


def test_a_page_whose_record_cannot_travel_is_drawn_here() -> None:
    document = _document(picture_on=PAGES - 3)
    alone = _write(document)
    assert halves.written(document.pages, lambda: _write(document)) == alone
    assert halves.last.drawn >= 1


def test_when_the_copy_sends_nothing_every_page_is_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any) -> dict[int, Any]:
        raise RuntimeError("the copy failed")

    monkeypatch.setattr(halves, "_recorded", broken)
    document = _document()
    alone = _write(document)
    assert halves.written(document.pages, lambda: _write(document)) == alone
    assert (halves.last.replayed, halves.last.drawn) == (0, PAGES - PAGES // 2)


def test_a_short_document_is_not_split(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(halves.os, "fork", no_fork)
    document = HTML(string=f"<style>{font_faces(BODY_FACES)} html {{ font-family: Body }}</style><p>Une page.</p>"
                    ).render()
    assert halves.written(document.pages, lambda: _write(document)) == _write(document)


def test_a_copy_that_takes_too_long_is_ended_and_its_half_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*_: Any) -> dict[int, Any]:
        time.sleep(600)
        return {}

    monkeypatch.setattr(halves, "_recorded", slow)
    monkeypatch.setattr(halves, "PATIENCE", 0.0)
    children: list[int] = []
    fork = halves.os.fork

    def forking() -> int:
        child = fork()
        if child:
            children.append(child)
        return child

    monkeypatch.setattr(halves.os, "fork", forking)
    document = _document()
    alone = _write(document)
    assert halves.written(document.pages, lambda: _write(document)) == alone
    assert (halves.last.replayed, halves.last.drawn) == (0, PAGES - PAGES // 2)
    with pytest.raises(ChildProcessError):  # reaped: no copy left behind
        os.waitpid(children[0], os.WNOHANG)
