"""The PDF's streams compressed on two threads instead of one after the other (issue 26, item 2).

pydyf writes a PDF object by object, and compresses each stream (a page's drawing, a font) as it
comes to it, with zlib at level 9: 0.6 s of the 5 s it takes to write the 425 pages of
bench/big_zine.py, on one core, while the build's other worker waits for the PDF. zlib lets other
threads run while it compresses; here, just before pydyf writes, every stream to compress is
made ready (its items joined, then compressed: `Stream.data`) on two threads, and pydyf writes
what they made. zlib gives the same bytes for the same data at the same level, on any thread:
the PDF is the same, byte for byte (tests/render/test_deflate.py). Nothing else changes: the
objects, their order, the cross-reference table are pydyf's.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pydyf

THREADS = 2
"""Threads that compress: the build has two workers, and the other one waits for this PDF."""
_original: Any = None
"""pydyf's Stream.data (a property), once `install()` took."""


def install() -> None:
    """Compress streams so from now on in this process (once), if pydyf's PDF.write and
    Stream.data are as expected; else leave pydyf as it is."""
    global _original
    if _original is not None or not isinstance(vars(pydyf.Stream).get("data"), property):
        return
    _original = vars(pydyf.Stream)["data"]
    pydyf.Stream.data = property(_data)
    pydyf.PDF.write = _writer(pydyf.PDF.write)


def _data(stream: Any) -> bytes:
    """A stream's PDF data: as made ahead of the write (`_ready`) if it was, else pydyf's."""
    ready: bytes | None = stream.__dict__.pop("_zine_data", None)
    return ready if ready is not None else _original.fget(stream)


def _writer(write: Callable[..., Any]) -> Callable[..., Any]:
    def ready_then_write(pdf: Any, *args: Any, **kwargs: Any) -> Any:
        _ready(pdf)
        return write(pdf, *args, **kwargs)

    return ready_then_write


def _ready(pdf: Any) -> None:
    """Every compressed stream of `pdf` made ready (its `data`) on THREADS threads; a stream that
    cannot be is left to pydyf, which says why as it writes."""
    streams = [found for found in pdf.objects
               if isinstance(found, pydyf.Stream) and found.compress and found.free != "f"]
    if len(streams) < 2:
        return

    def made(stream: Any) -> bytes | None:
        try:
            return stream.data  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 — pydyf raises it again when it writes the stream
            return None

    with ThreadPoolExecutor(THREADS) as pool:
        for stream, data in zip(streams, pool.map(made, streams), strict=True):
            if data is not None:
                stream._zine_data = data
