"""Worker processes: the build hands them tasks by name and collects their results as values.

Two processes (the machines we build on have two cores), forked when a session starts, before
anything has started a thread or imported WeasyPrint, and reused build after build in watch
mode. A task names the document it is about; it goes to the worker that had that name before,
whose caches know the document (session.py lists them). A name not seen yet goes to the
worker with the least work waiting, in the caller's estimate (`weight`), so that the long
render of the reading edition and the short ones of the letters run side by side; between
idle workers, to the one with the fewest names.

Plain processes and pipes, not a ProcessPoolExecutor: an executor starts a thread, and a later
fork would copy a process with threads (Python 3.12 warns: it can deadlock). A worker that dies
(killed, out of memory) is replaced, and the tasks it held run in this process instead.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from builder.errors import BuildError

T = TypeVar("T")
SIZE = 2
"""Worker processes: one per core of the two-core machines the benches run on."""
IDLE = 0.05
"""Seconds without a task after which a worker counts as idle (and imports what it will need):
long enough for the build to answer a result with the next task."""


@dataclass(eq=False)
class Ticket(Generic[T]):
    """A task handed to the workers: what to run, and once done its value or its exception."""

    name: str
    task: Callable[..., T]
    args: tuple[Any, ...]
    weight: float
    done: bool = False
    value: Any = None
    """The task's return value, or the exception it raised."""


@dataclass(eq=False)
class _Worker:
    """One forked process, the pipe to it, and the tickets it holds, oldest first."""

    connection: Connection
    process: Any
    tickets: list[Ticket[Any]] = field(default_factory=list)

    @property
    def load(self) -> float:
        return sum(ticket.weight for ticket in self.tickets)


class Background:
    """Worker processes that run tasks by name (see the module docstring)."""

    def __init__(self, *, warm: tuple[str, ...] = (), size: int = SIZE) -> None:
        """Start `size` workers; each imports the modules named in `warm` while it has nothing to do."""
        methods = multiprocessing.get_all_start_methods()
        # fork: a worker starts in milliseconds, with what this process imported already there.
        self._context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._warm = warm
        self._workers = [self._start() for _ in range(size)]
        self._names: dict[str, int] = {}
        """Which worker (an index) had each name last."""

    def submit(self, name: str, task: Callable[..., T], *args: Any, weight: float = 1.0) -> Ticket[T]:
        """Hand `task(*args)` to the worker that knows `name` (or the least busy); return its ticket."""
        ticket = Ticket(name, task, args, weight)
        self._poll()
        index = self._names.get(name)
        if index is None:
            names = list(self._names.values())
            index = min(range(len(self._workers)), key=lambda at: (self._workers[at].load, names.count(at)))
            self._names[name] = index
        worker = self._workers[index]
        try:
            worker.connection.send((task, args))
        except (OSError, ValueError):  # the worker is gone: every task it held runs here
            self._lost(index)
            _run(ticket)
            return ticket
        worker.tickets.append(ticket)
        return ticket

    def result(self, ticket: Ticket[T]) -> T:
        """Wait for `ticket`'s task; its value, or raise what it raised."""
        while not ticket.done:
            index = next(at for at, worker in enumerate(self._workers) if ticket in worker.tickets)
            self._receive(index)
        if isinstance(ticket.value, BaseException):
            raise ticket.value
        return ticket.value  # type: ignore[no-any-return]

    def drain(self) -> None:
        """Wait for every task without their results (a failed build: nothing may still write)."""
        for index, worker in enumerate(self._workers):
            while worker.tickets:
                self._receive(index)
                worker = self._workers[index]

    def close(self) -> None:
        """Wait for the tasks the workers hold, then end them (one still warming up is not waited for)."""
        self.drain()
        self._end(signal.SIGTERM)

    def stop(self) -> None:
        """End every worker now, whatever it is doing (Ctrl-C): the tasks they held are dropped,
        nothing they were writing is written after this returns, and no task can be sent again."""
        self._end(signal.SIGKILL)

    def _end(self, how: signal.Signals) -> None:
        for worker in self._workers:
            if worker.process.is_alive():
                os.kill(worker.process.pid, how)
            worker.process.join()
            worker.connection.close()
            for ticket in worker.tickets:
                ticket.done, ticket.value = True, BuildError(None, "the build was stopped")
            worker.tickets.clear()

    def _start(self) -> _Worker:
        connection, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child, os.getpid(), self._warm), daemon=True)
        process.start()
        child.close()
        return _Worker(connection, process)

    def _poll(self) -> None:
        """Collect the results already sent back, so that each worker's waiting work is known."""
        for index, worker in enumerate(self._workers):
            while worker.tickets and _ready(worker.connection):
                self._receive(index)
                worker = self._workers[index]

    def _receive(self, index: int) -> None:
        """The next result of worker `index`, stored on its oldest ticket."""
        worker = self._workers[index]
        try:
            ok, value, trace = worker.connection.recv()
        except (EOFError, OSError):  # the worker died
            self._lost(index)
            return
        ticket = worker.tickets.pop(0)
        if not ok and not isinstance(value, BuildError):  # a bug: say where it happened
            value.add_note(f"in a worker process:\n{trace}")
        ticket.done, ticket.value = True, value

    def _lost(self, index: int) -> None:
        """Worker `index` is gone: start another, and run the tasks it held here, in order."""
        dead = self._workers[index]
        self._workers[index] = self._start()
        dead.connection.close()
        for ticket in dead.tickets:
            _run(ticket)


def _ready(connection: Connection) -> bool:
    try:
        return connection.poll()
    except (EOFError, OSError):
        return True  # gone: the next receive says so


def _run(ticket: Ticket[Any]) -> None:
    try:
        ticket.value = ticket.task(*ticket.args)
    except Exception as error:  # noqa: BLE001 — handed back to `result`, which raises it
        ticket.value = error
    ticket.done = True


def _serve(connection: Connection, parent: int, warm: tuple[str, ...]) -> None:
    """The worker's loop: run each task received, send back (ok, value or error, traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle: it closes us
    _watch_parent(parent)
    waiting = list(warm)
    while True:
        while waiting and not connection.poll(IDLE):  # idle: import what the next tasks will need
            importlib.import_module(waiting.pop(0))
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        task, args = message
        try:
            reply = (True, task(*args), "")
        except Exception as error:  # noqa: BLE001 — the build re-raises it (BuildError pickles)
            reply = (False, error, traceback.format_exc())
        try:
            connection.send(reply)
        except Exception as error:  # noqa: BLE001 — a value or an error that does not pickle
            connection.send((False, RuntimeError(f"{reply[1]!r} could not be sent back: {error}"), ""))


def _watch_parent(parent: int) -> None:
    """Exit when the build is gone (killed, not closed): no orphans."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
