"""A long document's second half drawn in a forked process while this one draws the first (issue 26).

A one-off build lays the reading edition out in one worker while the other waits for its PDF:
writing it (drawing 425 pages, then putting the PDF together) took about a third of the render,
on one core. Once the pages are laid out, `written` forks: the copy draws the second half of the
pages, recording what each page's drawing did (render/painted.py), and sends the records back,
while this process draws the first half as usual. Reaching the second half, it replays each
record where replay.py would (the page's state and glyph widths as recorded), and draws any other
page itself: the PDF is the one drawing every page would write, byte for byte
(tests/render/test_halves.py), only the drawing of half the pages is done beside.

What a record cannot carry from one process to the other, the page is drawn here: a picture it
places (the picture's object), a tag of a box not found again, anything that warned (record()
refuses it). If the fork fails, dies or sends nothing readable, every page is drawn here.
Linux only (os.fork, as the workers' own processes are forked there); WeasyPrint 70.0 and the
pydyf replay.py reads only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import select
import signal
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any

from builder.render import painted, replay

MINIMUM = 64
"""Pages a document needs for its drawing to be split: below, a fork costs more than it saves."""
PATIENCE = 10.0
"""Seconds the drawing waits for the copy's records beyond the time it took to draw its own half
(the copy's half is as long): a copy not done by then is ended, and the second half drawn here."""
LOG = logging.getLogger(__name__)
last = replay.Counts()
"""The pages of the second half the last `written` replayed, and those it drew here (the tests read them)."""


class _Done(Exception):
    """The forked drawing has recorded its last page: the rest of write_pdf is not its to do."""


def written(pages: list[Any], write: Callable[[], bytes]) -> bytes:
    """`write()` (the laid-out document's write_pdf, whose `pages` are these), with the second half
    of the pages drawn in a forked process; as `write()` alone when they are fewer than MINIMUM,
    or where the fork is not available."""
    if len(pages) < MINIMUM or sys.platform != "linux" or not replay.available():
        return write()
    split = len(pages) // 2
    index = {id(page): number for number, page in enumerate(pages)}
    reading, sending = os.pipe()
    try:
        with warnings.catch_warnings():  # (Python 3.12 warns of a fork with threads: ours only sleeps)
            warnings.simplefilter("ignore", DeprecationWarning)
            child = os.fork()
    except OSError:  # no process to spare: every page is drawn here
        os.close(reading)
        os.close(sending)
        return write()
    if child == 0:  # the copy: draw, send, end without running anything of the parent's
        try:
            os.close(reading)
            found = _recorded(index, len(pages), split, write)
            with os.fdopen(sending, "wb") as out:
                pickle.dump(found, out, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    os.close(sending)
    try:
        return _replaying(index, split, reading, write, time.monotonic())
    finally:
        _end(child)


def _end(child: int) -> None:
    """The copy `child` gone: reaped if it ended, else ended (it has nothing more to give)."""
    if os.waitpid(child, os.WNOHANG)[0] == 0:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


def _recorded(index: dict[int, int], count: int, split: int, write: Callable[[], bytes]) -> dict[int, Any]:
    """The records of pages `split` to `count` (their `index` by id()), drawn by `write()` with the
    others skipped, each made portable (_portable): by page index; those that cannot be, left out."""
    from weasyprint import document

    drawing: Callable[..., None] = document.Page.paint
    found: dict[int, Any] = {}

    def paint(page: Any, stream: Any, scale: float = 1) -> None:
        number = index.get(id(page), -1)
        if number < split:  # (the first half is the worker's to draw)
            return
        done = replay.recorded(lambda: drawing(page, stream, scale), stream, scale)
        portable = _portable(page, done) if done is not None else None
        if portable is not None:
            found[number] = portable
        if number == count - 1:
            raise _Done

    document.Page.paint = paint
    with contextlib.suppress(_Done):  # (the copy never writes: it ends once it sent the records)
        write()
    return found


def _portable(page: Any, done: painted.Record) -> painted.Record | None:
    """`done` with its tags' boxes named by their place among the page's boxes (the copy's boxes
    are not this process's); None if it places pictures, tags a box not among them, or was drawn
    in a state that does not pickle."""
    try:
        pickle.dumps(done.start)
    except Exception:  # noqa: BLE001 — a state that does not travel: draw the page here
        return None
    if done.images:
        return None
    if done.tags:
        places = {id(box): number for number, box in enumerate(page._page_box.descendants())}
        if any(id(box) not in places for box, _ in done.tags):
            return None
        done.tags = [(places[id(box)], tag) for box, tag in done.tags]
    return done


def _replaying(index: dict[int, int], split: int, reading: int, write: Callable[[], bytes], forked: float) -> bytes:
    """`write()`, replaying the records the copy sends on `reading` (read when the first page of
    the second half is drawn, waiting PATIENCE seconds more than it took since `forked`, a
    time.monotonic()) where replay.py would, drawing every other page."""
    from weasyprint import document

    global last
    drawing: Callable[..., None] = document.Page.paint
    received: dict[int, Any] | None = None
    last = counts = replay.Counts()

    def paint(page: Any, stream: Any, scale: float = 1) -> None:
        nonlocal received
        number = index.get(id(page), -1)
        if number >= split:
            if received is None:
                received = _received(reading, time.monotonic() - forked + PATIENCE)
            done = received.pop(number, None)
            if done is not None:
                if done.tags:
                    boxes = list(page._page_box.descendants())
                    done.tags = [(boxes[place], tag) for place, tag in done.tags]
                if replay.replayed(done, stream, scale):
                    counts.replayed += 1
                    return
            counts.drawn += 1
        drawing(page, stream, scale)

    document.Page.paint = paint
    try:
        return write()
    finally:
        document.Page.paint = drawing
        if received is None:
            os.close(reading)


def _received(reading: int, patience: float) -> dict[int, Any]:
    """What the copy sent on `reading` (closed then), if it began within `patience` seconds: its
    records by page index; none if it sent nothing readable."""
    try:
        with os.fdopen(reading, "rb") as incoming:
            if not select.select([incoming], [], [], patience)[0]:
                LOG.debug("the forked drawing took too long: the second half is drawn here")
                return {}
            found: dict[int, Any] = pickle.load(incoming)  # noqa: S301 — our own fork's, through our own pipe
            return found
    except Exception as error:  # noqa: BLE001 — the copy failed: every page is drawn here
        LOG.debug("the forked drawing sent nothing usable: %s", error)
        return {}

