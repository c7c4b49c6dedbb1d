"""Worker processes that impose, check and preview each staged output while the build renders the next.

Imposition (pypdf), preflight and previews (pdfium) read finished PDFs; rendering is WeasyPrint's
Python layout. On a machine with two cores they overlap, and cost little of the build's time.
"""

from __future__ import annotations

import hashlib
import importlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from builder.imposition import Imposition
from builder.model import Finding

Task = Callable[..., Any]


class _Worker:
    """One forked process that runs the tasks it is sent, in order, and sends back each result.

    Plain processes and pipes, not a ProcessPoolExecutor: an executor starts a thread, and the
    next fork would copy a process with threads (Python 3.12 warns: it can deadlock). Here both
    workers are forked before anything starts a thread, and each task goes to the worker named.
    """

    def __init__(self, context: Any) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        self.process.start()
        child.close()

    def send(self, task: Task, args: tuple[Any, ...]) -> bool:
        """Queue a task; False if the worker is gone (the caller runs it itself)."""
        try:
            self.connection.send((task, args))
        except (OSError, ValueError):
            return False
        return True

    def receive(self) -> tuple[bool, Any]:
        """The next result: (True, value) or (False, the exception raised); EOFError if gone."""
        ok, value = self.connection.recv()
        return bool(ok), value

    def close(self) -> None:
        try:
            self.connection.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
        self.connection.close()


@dataclass
class _Pending:
    """A task asked for and not yet collected: its worker (None once done), and what it was."""

    worker: _Worker | None
    task: Task
    args: tuple[Any, ...]
    result: Any = None
    key: tuple[str, tuple[str, ...], bool] | None = None


class Checker:
    """Two worker processes, started before WeasyPrint is imported, reused build after build.

    The build says which worker (0 or 1) takes each task, so that the two share the work and a
    task always lands in the process whose memory of pages already analysed or encoded serves it.
    """

    def __init__(self) -> None:
        # fork: a worker starts in milliseconds, with the builder already imported. Both are
        # started now, before this process has started a thread or loaded WeasyPrint.
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._workers = [_Worker(self._context) for _ in range(2)]
        self._pending: list[_Pending] = []
        for worker in self._workers:
            self._send(worker, _warm, ())
        self._checked: dict[tuple[str, tuple[str, ...], bool], list[Finding]] = {}

    def check(self, path: Path, *, fonts: Collection[str], pixels: bool = True, worker: int = 0) -> None:
        """Preflight `path` in the background (see `preflight.check`); the same bytes are checked once."""
        key = (hashlib.sha256(path.read_bytes()).hexdigest(), tuple(sorted(fonts)), pixels)
        if key in self._checked:
            findings = [replace(finding, path=path) for finding in self._checked[key]]
            self._pending.append(_Pending(None, _check, (path, key[1], pixels), findings))
            return
        self._send(self._workers[worker], _check, (path, key[1], pixels), key)

    def impose(self, source: Path, plan: Imposition, target: Path, *, where: str, fonts: Collection[str],
               pixels: bool, previews: tuple[Path, Path] | None = None, worker: int = 1) -> None:
        """Impose `source` by `plan` into `target`, then check it (and write previews: folder, contact sheet)."""
        self._send(self._workers[worker], _impose,
                   (source, plan, target, where, tuple(sorted(fonts)), pixels, previews))

    def results(self) -> list[Finding]:
        """Wait for every task; their findings in the order they were asked for.

        Every result is collected before an error is raised, so that the next build reads its
        own results from the workers, not this one's.
        """
        found: list[Finding] = []
        failure: BaseException | None = None
        for pending in self._collect():
            if isinstance(pending.result, BaseException):
                failure = failure or pending.result
            elif pending.task is not _warm:
                found.extend(pending.result)
                if pending.key is not None:
                    self._checked.setdefault(pending.key, pending.result)
        if failure is not None:
            raise failure
        return found

    def drain(self) -> None:
        """Wait for the tasks without their results (a failed build: nothing may still write)."""
        self._collect()

    def close(self) -> None:
        for worker in self._workers:
            worker.close()

    def _send(self, worker: _Worker, task: Task, args: tuple[Any, ...],
              key: tuple[str, tuple[str, ...], bool] | None = None) -> None:
        if worker.send(task, args):
            self._pending.append(_Pending(worker, task, args, key=key))
        else:  # the worker is gone (killed, out of memory): do it here, and start a new one
            self._replace(worker)
            self._pending.append(_Pending(None, task, args, _run(task, args), key))

    def _collect(self) -> list[_Pending]:
        """Every pending task with its result (or the exception it raised), in the order asked."""
        pending, self._pending = self._pending, []
        for item in pending:
            if item.worker is None:
                continue
            try:
                item.result = item.worker.receive()[1]  # a value, or the exception raised
            except (EOFError, OSError):  # the worker died: do it here, and start a new one
                self._replace(item.worker)
                item.result = _run(item.task, item.args)
        return pending

    def _replace(self, dead: _Worker) -> None:
        if dead in self._workers:
            self._workers[self._workers.index(dead)] = _Worker(self._context)


def _run(task: Task, args: tuple[Any, ...]) -> Any:
    try:
        return task(*args)
    except Exception as error:  # noqa: BLE001 — handed to results(), which raises it there
        return error


def _serve(connection: Connection, parent: int) -> None:
    """The worker's loop: run each task received, send back (True, result) or (False, error)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle: it closes us
    _watch_parent(parent)
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        task, args = message
        try:
            connection.send((True, task(*args)))
        except Exception as error:  # noqa: BLE001 — the build re-raises it (BuildError pickles)
            connection.send((False, error))


def _watch_parent(parent: int) -> None:
    """Yield the CPU to the build, and exit when it is gone (killed, not closed): no orphans."""
    if hasattr(os, "nice"):
        os.nice(10)  # the build renders on its core; checks fill the other, and wait when they share

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _warm() -> None:
    """Import what the tasks need now, while the parent renders, rather than in the first task."""
    for module in ("builder.pdf", "builder.preflight", "builder.preview"):
        importlib.import_module(module)


def _check(path: Path, fonts: tuple[str, ...], pixels: bool) -> list[Finding]:
    from builder import preflight

    return preflight.check([path], fonts=fonts, pixels=pixels)


def _impose(source: Path, plan: Imposition, target: Path, where: str, fonts: tuple[str, ...], pixels: bool,
            previews: tuple[Path, Path] | None) -> list[Finding]:
    from builder import pdf, preflight, preview

    pdf.impose(pdf.open_source(source, where=where), plan, target)
    if previews is not None:
        folder, contact = previews
        preview.thumbnails(source, folder, lambda number: f"reading-{number:02d}.png")
        sides = preview.thumbnails(target, folder, lambda number: f"booklet-sheet-{(number + 1) // 2:02d}-"
                                                                 f"{'recto' if number % 2 else 'verso'}.png")
        preview.contact_sheet(sides, contact)
    return preflight.check([target], fonts=fonts, pixels=pixels)
