"""The PDF's streams compressed on two threads (render.deflate, issue 26): the same PDF, byte for
byte, as pydyf's one-by-one writing; each stream compressed once, off the thread that writes."""

from __future__ import annotations

import threading
from typing import Any

import pydyf
import pytest
from builder.render import deflate
from weasyprint import HTML

from conftest import BODY_FACES, font_faces

deflate.install()

STYLE = f"<style>{font_faces(BODY_FACES)} html {{ font-family: Body }}</style>"
PAGES = STYLE + "".join(f"<section style='break-after: page'><h1>Page {number}</h1><p>{'Du texte. ' * 80}</p></section>"
                for number in range(6))


@pytest.mark.usefixtures("subset_dated")
def test_the_pdf_is_byte_for_byte_pydyf_s(monkeypatch: pytest.MonkeyPatch) -> None:
    assert deflate._original is not None, "installed for this pydyf"
    ahead = HTML(string=PAGES).write_pdf()
    monkeypatch.setattr(pydyf.Stream, "data", deflate._original)
    monkeypatch.setattr(deflate, "_ready", lambda pdf: None)
    assert HTML(string=PAGES).write_pdf() == ahead


def test_each_stream_is_compressed_once_on_the_helper_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    streams: list[int] = []
    original = deflate._original

    def recording(stream: Any) -> bytes:
        made.append(threading.get_ident())
        streams.append(id(stream))
        return original.fget(stream)  # type: ignore[no-any-return]

    monkeypatch.setattr(deflate, "_original", property(recording))
    HTML(string=PAGES).write_pdf()
    writer = threading.get_ident()
    assert sum(ident != writer for ident in made) >= 6, "each page's drawing, ahead, on another thread"
    # pydyf's own object and cross-reference streams, which it makes while writing, are the writer's.
    assert made.count(writer) <= 2
    assert len(set(streams)) == len(streams), "none twice"
