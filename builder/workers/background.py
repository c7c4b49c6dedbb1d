"""Worker processes: the build hands them tasks by name and collects their results as values.

Two processes (one per core, on the two-core machines this is measured on), forked when a session
starts, before anything has started a thread or imported WeasyPrint, and reused build after
build in watch mode. A task names the document it is about; it goes to the worker that had that
name before, whose caches know the document (caches.py lists them). A name not seen yet goes to
the worker with the least work waiting, in the caller's estimate (`weight`), so that the long
render of the reading edition and the short ones of the letters run side by side; between idle
workers, to the one with the fewest names.

Plain processes and pipes, not a ProcessPoolExecutor: an executor starts a thread, and a later
fork would copy a process with threads (Python 3.12 warns: it can deadlock). Every reply carries
the number of its task. A worker that dies (killed, out of memory, a crash in a library) is
replaced and the tasks it held go to its replacement; a task that kills two workers fails with
a BuildError. No task ever runs in the build process: it never imports WeasyPrint.
"""

from __future__ import annotations

import importlib
import itertools
import multiprocessing
import os
import pickle
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
SIZE = max(1, min(2, os.cpu_count() or 1))
"""Worker processes: a build has one long document and a few short ones, so two at most."""
IDLE = 0.05
"""Seconds without a task after which a worker counts as idle (and imports what it will need):
long enough for the build to answer a result with the next task."""
ATTEMPTS = 2
"""Workers a task may take down (by dying while it runs) before it fails."""


@dataclass(eq=False)
class Ticket(Generic[T]):
    """A task handed to the workers: what to run, and once done its value or its exception."""

    number: int
    name: str
    task: Callable[..., T]
    args: tuple[Any, ...]
    weight: float
    attempts: int = 0
    """How many workers died while running it."""
    done: bool = False
    value: Any = None
    """The task's return value, or the exception it raised."""


@dataclass(eq=False)
class _Worker:
    """One forked process, the pipe to it, and the tickets it holds, oldest (running) first."""

    connection: Connection
    process: Any
    tickets: list[Ticket[Any]] = field(default_factory=list)

    @property
    def load(self) -> float:
        """The estimated work it holds (the sum of its tickets' weights)."""
        return sum(ticket.weight for ticket in self.tickets)


class Background:
    """Worker processes that run tasks by name (see the module docstring)."""

    def __init__(self, *, warm: tuple[str, ...] = (), size: int = SIZE) -> None:
        """Start `size` workers; each imports the modules named in `warm` while it has nothing to do."""
        methods = multiprocessing.get_all_start_methods()
        # fork: a worker starts in milliseconds, with what this process imported already there.
        self._context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._warm = warm
        self._numbers = itertools.count()
        self._workers = [self._start() for _ in range(size)]
        self._names: dict[str, int] = {}
        """Which worker (an index) had each name last."""

    def submit(self, name: str, task: Callable[..., T], *args: Any, weight: float = 1.0) -> Ticket[T]:
        """Hand `task(*args)` to the worker that knows `name` (or the least busy); return its ticket."""
        ticket = Ticket(next(self._numbers), name, task, args, weight)
        self._poll()
        index = self._names.get(name)
        if index is None:
            names = list(self._names.values())
            index = min(range(len(self._workers)), key=lambda at: (self._workers[at].load, names.count(at)))
            self._names[name] = index
        self._send(index, ticket)
        return ticket

    def result(self, ticket: Ticket[T]) -> T:
        """Wait for `ticket`'s task; its value, or raise what it raised."""
        while not ticket.done:
            self._receive(next(at for at, worker in enumerate(self._workers) if ticket in worker.tickets))
        if isinstance(ticket.value, BaseException):
            raise ticket.value
        return ticket.value  # type: ignore[no-any-return]

    def drain(self) -> None:
        """Wait for every task without their results (a failed build: nothing may still write)."""
        for index in range(len(self._workers)):
            while self._workers[index].tickets:
                self._receive(index)

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

    def _send(self, index: int, ticket: Ticket[Any]) -> None:
        worker = self._workers[index]
        try:
            worker.connection.send((ticket.number, ticket.task, ticket.args))
        except (OSError, ValueError):  # the worker is gone: its replacement takes the task
            self._lost(index)
            self._send(index, ticket)
            return
        worker.tickets.append(ticket)

    def _poll(self) -> None:
        """Collect the results already sent back, so that each worker's waiting work is known."""
        for index in range(len(self._workers)):
            while self._workers[index].tickets and _ready(self._workers[index].connection):
                self._receive(index)

    def _receive(self, index: int) -> None:
        """The next result of worker `index`, stored on the ticket it answers."""
        worker = self._workers[index]
        try:
            data = worker.connection.recv_bytes()
        except (EOFError, OSError):  # the worker died
            self._lost(index)
            return
        ticket = worker.tickets.pop(0)
        try:
            number, ok, value, trace = pickle.loads(data)
        except Exception as error:  # noqa: BLE001 — a value that cannot be rebuilt here
            number, ok, value, trace = ticket.number, False, RuntimeError(f"a result could not be read: {error}"), ""
        if number != ticket.number:
            raise RuntimeError(f"worker {index} answered task {number} for task {ticket.number}")
        if not ok and not isinstance(value, BuildError):  # a bug: say where it happened
            value.add_note(f"in a worker process:\n{trace}")
        ticket.done, ticket.value = True, value

    def _lost(self, index: int) -> None:
        """Worker `index` is gone: start another and hand it the tasks the dead one held, in order;
        the one it was running fails instead if it has now taken down ATTEMPTS workers."""
        dead = self._workers[index]
        dead.connection.close()
        dead.process.kill()  # already gone, or no longer answering
        dead.process.join()
        self._workers[index] = self._start()
        if dead.tickets:
            running = dead.tickets[0]
            running.attempts += 1
            if running.attempts >= ATTEMPTS:
                dead.tickets.pop(0)
                running.done, running.value = True, BuildError(
                    f"{running.name} document", f"the worker process died {ATTEMPTS} times while working on it "
                                                "(out of memory, or a crash in a library)")
        for ticket in dead.tickets:
            self._send(index, ticket)


def _ready(connection: Connection) -> bool:
    try:
        return connection.poll()
    except (EOFError, OSError):
        return True  # gone: the next receive says so


def _serve(connection: Connection, parent: int, warm: tuple[str, ...]) -> None:
    """The worker's loop: run each task received, send back (number, ok, value or error, traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle: it stops us
    # close() ends us with SIGTERM: a Python handler inherited from the parent (zine watch's, zine
    # serve's) would wait for this thread to run Python again, which a task's wait may never do.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _watch_parent(parent)
    waiting = list(warm)
    while True:
        while waiting and not connection.poll(IDLE):  # idle: import what the next tasks will need
            try:
                importlib.import_module(waiting.pop(0))
            except Exception:  # noqa: BLE001, S112 — the task that needs it will say what is wrong
                continue
        try:
            message = connection.recv()
        except EOFError:
            return
        number, task, args = message
        connection.send_bytes(_reply(number, task, args))


def _reply(number: int, task: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    """The pickled reply to a task: its value, or the exception it raised with its traceback."""
    try:
        reply = (number, True, task(*args), "")
    except Exception as error:  # noqa: BLE001 — the build re-raises it (BuildError pickles)
        reply = (number, False, error, traceback.format_exc())
    try:
        data = pickle.dumps(reply)
        pickle.loads(data)  # what the build cannot rebuild must not reach it
        return data
    except Exception as error:  # noqa: BLE001 — a value or an error that does not pickle
        return pickle.dumps((number, False, RuntimeError(f"{reply[2]!r} could not be sent back: {error}"),
                             reply[3]))


def _watch_parent(parent: int) -> None:
    """Exit when the build is gone (killed, not closed): no orphans."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
