"""Worker processes that impose, check and preview each staged output while the build renders the next.

Imposition (pypdf), preflight and previews (pdfium) read finished PDFs; rendering is WeasyPrint's
Python layout. On a machine with two cores they overlap, and cost little of the build's time.
"""

from __future__ import annotations

import hashlib
import importlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Collection
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any

from builder.imposition import Imposition
from builder.model import Finding


class Checker:
    """Two worker processes, started before WeasyPrint is imported, reused build after build.

    The build says which worker (0 or 1) takes each task, so that the two share the work and a
    task always lands in the process whose memory of pages already analysed or encoded serves it.
    """

    def __init__(self) -> None:
        # fork: a worker starts in milliseconds, with the builder already imported. They are
        # started now, while this process is still single-threaded and has not loaded WeasyPrint.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._workers = tuple(ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_watch_parent,
                                                  initargs=(os.getpid(),)) for _ in range(2))
        for pool in self._workers:
            pool.submit(_warm)
        self._tasks: list[tuple[Future[list[Finding]], Callable[..., list[Finding]], tuple[Any, ...]]] = []
        self._checked: dict[tuple[str, tuple[str, ...], bool], list[Finding]] = {}

    def check(self, path: Path, *, fonts: Collection[str], pixels: bool = True, worker: int = 0) -> None:
        """Preflight `path` in the background (see `preflight.check`); the same bytes are checked once."""
        key = (hashlib.sha256(path.read_bytes()).hexdigest(), tuple(sorted(fonts)), pixels)
        if key in self._checked:
            done: Future[list[Finding]] = Future()
            done.set_result([replace(finding, path=path) for finding in self._checked[key]])
            self._tasks.append((done, _check, (path, key[1], pixels)))
            return
        self._submit(self._workers[worker], _check, path, key[1], pixels)
        future = self._tasks[-1][0]
        future.add_done_callback(lambda task: self._checked.setdefault(key, task.result())
                                 if not task.cancelled() and task.exception() is None else None)

    def impose(self, source: Path, plan: Imposition, target: Path, *, where: str, fonts: Collection[str],
               pixels: bool, previews: tuple[Path, Path] | None = None, worker: int = 1) -> None:
        """Impose `source` by `plan` into `target`, then check it (and write previews: folder, contact sheet)."""
        self._submit(self._workers[worker], _impose, source, plan, target, where, tuple(sorted(fonts)), pixels,
                     previews)

    def results(self) -> list[Finding]:
        """Wait for every task; their findings in the order they were asked for."""
        found: list[Finding] = []
        for future, function, args in self._tasks:
            try:
                found.extend(future.result())
            except BrokenProcessPool:  # the worker died (killed, out of memory): do it here
                found.extend(function(*args))
        self._tasks.clear()
        return found

    def drain(self) -> None:
        """Wait for the tasks without their results (a failed build: nothing may still write)."""
        for future, _, _ in self._tasks:
            future.exception()
        self._tasks.clear()

    def close(self) -> None:
        for pool in self._workers:
            pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, pool: ProcessPoolExecutor, function: Callable[..., list[Finding]], *args: Any) -> None:
        try:
            future = pool.submit(function, *args)
        except BrokenProcessPool:
            future = Future()
            future.set_result(function(*args))
        self._tasks.append((future, function, args))


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
