"""The worker processes: tasks by name, results as values, errors raised here, a killed worker replaced."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from builder.errors import BuildError
from builder.imposition.layouts import saddle
from builder.model import Report
from builder.paper import A4, A5
from builder.workers import executor, jobs, serving
from builder.workers.background import Background

from conftest import write_pdf


@pytest.fixture
def background() -> Iterator[Background]:
    workers = Background()
    yield workers
    workers.close()


def test_a_name_goes_back_to_the_worker_that_had_it(background: Background) -> None:
    first = [background.result(background.submit(name, os.getpid)) for name in ("a", "b")]
    assert len(set(first)) == 2 and os.getpid() not in first, "two names, two workers, neither of them this process"
    for _ in range(3):
        assert [background.result(background.submit(name, os.getpid)) for name in ("a", "b")] == first


def test_a_new_name_goes_to_the_least_busy_worker(background: Background) -> None:
    background.submit("long", time.sleep, 1.0, weight=1000)
    short = [background.submit(f"short-{n}", os.getpid, weight=10) for n in range(3)]
    busy = background.submit("long", os.getpid)
    others = {background.result(ticket) for ticket in short}
    assert len(others) == 1 and background.result(busy) not in others, "short tasks do not queue behind a long one"


def _after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_a_task_for_anywhere_goes_to_the_worker_that_is_free(background: Background) -> None:
    busy = background.submit("long", _after, 1.5, weight=1)
    # By the weights, the worker holding "long" would look the least busy: only being free counts.
    free = [background.submit(f"chunk-{n}", _after, 0.05, weight=1000, anywhere=True) for n in range(4)]
    ran = {background.result(ticket) for ticket in free}
    assert len(ran) == 1 and background.result(busy) not in ran, "every chunk ran beside the long task"


def test_a_task_for_anywhere_waits_for_the_first_worker_to_finish(background: Background) -> None:
    # Both busy; by the weights, the one with the long task looks the least busy: the waiting
    # task must go to the other, which is free first.
    short = background.submit("a", _after, 0.2, weight=1000)
    long = background.submit("b", _after, 2.0, weight=1)
    waiting = background.submit("chunk", os.getpid, anywhere=True)
    assert background.result(waiting) == background.result(short) != background.result(long)


def test_stopping_ends_the_tasks_still_waiting_for_a_worker(background: Background) -> None:
    for name in ("a", "b"):
        background.submit(name, time.sleep, 5)
    waiting = background.submit("chunk", os.getpid, anywhere=True)
    background.stop()
    with pytest.raises(BuildError, match="stopped"):
        background.result(waiting)


@pytest.mark.parametrize("pages", [33, 64, 100, 425, 2000])
def test_a_long_check_goes_in_chunks_that_shrink_to_the_end(pages: int) -> None:
    found = executor.chunks(pages)
    assert [index for chunk in found for index in chunk] == list(range(pages)), "every page once, in order"
    sizes = [len(chunk) for chunk in found]
    assert all(size >= after for size, after in zip(sizes, sizes[1:-1], strict=False)), "largest first, then smaller"
    assert max(sizes) <= executor.CHUNK and all(size >= executor.LAST_CHUNK for size in sizes[:-1])
    assert len(found) < 2 or sizes[-2] == executor.LAST_CHUNK, "the workers even out on small chunks"


def _imported(name: str) -> bool:
    return name in sys.modules


@pytest.mark.parametrize("held", [False, True])
def test_a_held_worker_imports_nothing_before_its_first_message(held: bool) -> None:
    module = "tabnanny"  # imported by nothing here: the forked worker would have it otherwise
    assert module not in sys.modules
    parent, child = multiprocessing.get_context("fork").Pipe()
    worker = multiprocessing.get_context("fork").Process(target=serving.serve, args=(child, os.getpid(), (module,), held),
                                                         daemon=True)
    worker.start()
    try:
        asked = []
        for number in range(2):
            time.sleep(0.5)  # idle long enough to import it, unless held
            parent.send((number, _imported, (module,)))
            asked.append(pickle.loads(parent.recv_bytes())[2])
        assert asked == [not held, True], "held: imported only once idle after its first task"
    finally:
        worker.kill()
        worker.join()


def test_findings_come_back_and_the_same_bytes_are_checked_once(sample_build: Report, tmp_path: Path,
                                                                background: Background) -> None:
    reading = sample_build.outputs[0].path
    fonts = frozenset({"Charis SIL"})
    assert background.result(background.submit("reading", jobs.check, reading, None, fonts, True)) == ()
    colour = write_pdf(tmp_path / "colour.pdf", [b"1 0 0 rg 100 100 50 50 re f"])
    found = background.result(background.submit("colour", jobs.check, colour, None, frozenset(), True))
    assert found and {finding.path for finding in found} == {colour}
    assert any(finding.message.startswith("colour") for finding in found)
    copy = tmp_path / "copie.pdf"
    copy.write_bytes(colour.read_bytes())
    again = background.result(background.submit("colour", jobs.check, copy, None, frozenset(), True))
    assert [(f.page, f.message) for f in again] == [(f.page, f.message) for f in found]
    assert {finding.path for finding in again} == {copy}, "remembered findings name the file asked about"


def test_an_error_in_a_worker_is_raised_here_and_the_next_tasks_get_their_own_results(
        tmp_path: Path, background: Background) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    imposing = background.submit("booklet", jobs.impose, broken, saddle.layout(4, A5, A4.landscape),
                                 tmp_path / "out.pdf", "broken.pdf")
    checking = background.submit("booklet", jobs.check, broken, None, frozenset(), True)
    with pytest.raises(BuildError, match="broken.pdf: not a readable PDF"):
        background.result(imposing)
    (finding,) = background.result(checking)
    assert finding.severity == "error" and finding.path == broken


def test_a_bug_in_a_worker_says_where_it_happened(background: Background) -> None:
    with pytest.raises(ZeroDivisionError) as error:
        background.result(background.submit("x", divmod, 1, 0))
    assert "in a worker process" in "\n".join(getattr(error.value, "__notes__", []))


def test_a_killed_worker_is_replaced_and_the_replacement_does_its_tasks(sample_build: Report,
                                                                      background: Background) -> None:
    reading = sample_build.outputs[0].path
    worker = background.result(background.submit("reading", os.getpid))
    os.kill(worker, signal.SIGKILL)
    time.sleep(0.2)
    ticket = background.submit("reading", jobs.check, reading, None, frozenset({"Charis SIL"}), False)
    assert background.result(ticket) == ()
    replacement = background.result(background.submit("reading", os.getpid))
    assert replacement not in (worker, os.getpid()), "a new worker serves the name, never this process"


def _die() -> None:
    """A task that takes its worker down, as a crash in a library or the out-of-memory killer would."""
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_task_that_kills_its_workers_fails_alone(background: Background) -> None:
    before = background.submit("other", os.getpid)
    deadly = background.submit("reading", _die)
    after = background.submit("reading", os.getpid)
    with pytest.raises(BuildError, match="reading document: the worker process died 2 times while working on it"):
        background.result(deadly)
    assert background.result(after) not in (os.getpid(), background.result(before)), "the task queued behind it ran"
    assert background.result(background.submit("reading", divmod, 7, 2)) == (3, 1), "the workers still serve"


class _Stubborn(Exception):
    """An exception that pickles but cannot be rebuilt (its __init__ wants two arguments)."""

    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} {second}")


def _raise_stubborn() -> None:
    raise _Stubborn("a", "b")


def test_a_result_that_cannot_be_read_back_fails_its_own_task_only(background: Background) -> None:
    first = background.submit("x", _raise_stubborn)
    second = background.submit("x", divmod, 9, 4)
    with pytest.raises(RuntimeError, match="could not be sent back"):
        background.result(first)
    assert background.result(second) == (2, 1)


def test_closing_ends_every_worker() -> None:
    background = Background()
    workers = [background.result(background.submit(name, os.getpid)) for name in ("a", "b")]
    background.close()
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def _caught(number: int, frame: object) -> None:
    """A SIGTERM handler of the parent's (zine serve's and zine watch's exit cleanly on `kill`)."""


def test_a_worker_ends_on_sigterm_whatever_its_parent_catches() -> None:
    """close() ends the workers with SIGTERM: a handler they inherited would run only when their main
    thread next runs Python, never if the signal lands on another thread while it waits for a task
    (a `zine serve` run in the test process hung the suite's next build that way)."""
    previous = signal.signal(signal.SIGTERM, _caught)
    try:
        workers = Background(size=1)
        try:
            assert workers.result(workers.submit("a", signal.getsignal, signal.SIGTERM)) == signal.SIG_DFL
        finally:
            workers.stop()  # SIGKILL: without the fix, close() would wait for ever
    finally:
        signal.signal(signal.SIGTERM, previous)
