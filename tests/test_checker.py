"""The worker processes: results in order, errors raised in the build, a killed worker replaced."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from builder.checker import Checker
from builder.errors import BuildError
from builder.imposition import saddle
from builder.model import A4, A5, Report
from test_preflight import write_pdf


def test_findings_come_back_in_order_and_the_same_bytes_are_checked_once(sample_build: Report,
                                                                          tmp_path: Path) -> None:
    reading = sample_build.outputs[0].path
    checker = Checker()
    try:
        checker.check(reading, fonts=("Charis SIL",))
        checker.check(reading, fonts=("Charis SIL",), worker=1)
        assert checker.results() == []
        colour = write_pdf(tmp_path / "colour.pdf", [b"1 0 0 rg 100 100 50 50 re f"])
        checker.check(colour, fonts=())
        found = checker.results()
        assert found and {finding.path for finding in found} == {colour}
        assert any(finding.message.startswith("colour") for finding in found)
    finally:
        checker.close()


def test_an_error_in_a_worker_is_raised_in_the_build_after_all_results(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    checker = Checker()
    try:
        checker.impose(broken, saddle.layout(4, A5, A4.landscape), tmp_path / "out.pdf", where="broken.pdf",
                       fonts=(), pixels=False)
        with pytest.raises(BuildError, match="broken.pdf: not a readable PDF"):
            checker.results()
        checker.check(broken, fonts=())  # the next batch reads its own results, not stale ones
        (finding,) = checker.results()
        assert finding.severity == "error" and finding.path == broken
    finally:
        checker.close()


def test_a_killed_worker_is_replaced_and_its_task_done_here(sample_build: Report) -> None:
    reading = sample_build.outputs[0].path
    checker = Checker()
    try:
        checker.results()  # the warm-up is done: both workers idle
        victim = checker._workers[0].process
        os.kill(victim.pid, signal.SIGKILL)
        victim.join(timeout=5)
        checker.check(reading, fonts=("Charis SIL",))
        assert checker.results() == []
        assert checker._workers[0].process is not victim and checker._workers[0].process.is_alive()
        checker.check(reading, fonts=("Charis SIL",), pixels=False)  # the new worker serves
        assert checker.results() == []
    finally:
        checker.close()
    deadline = time.monotonic() + 5
    while any(worker.process.is_alive() for worker in checker._workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(worker.process.is_alive() for worker in checker._workers)
