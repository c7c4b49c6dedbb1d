"""Worker processes: the build hands them tasks by name and collects their results as values.

Two processes (one per core, on the two-core machines this is measured on), forked when a session
starts, before anything has started a thread or imported WeasyPrint, and reused build after
build in watch mode. A task names the document it is about; it goes to the worker that had that
name before, whose caches know the document (caches.py lists them). A name not seen yet goes to
the worker with the least work waiting, in the caller's estimate (`weight`), so that the long
render of the reading edition and the short ones of the letters run side by side; between idle
workers, to the one with the fewest names. A task that needs no worker's caches (`anywhere`: one
chunk of a long check, issue 26) waits here until a worker has nothing to do, then goes to it:
chunks spread over the workers as they free up, whatever each one's other work turns out to cost.

Plain processes and pipes, not a ProcessPoolExecutor: an executor starts a thread, and a later
fork would copy a process with threads (Python 3.12 warns: it can deadlock). Every reply carries
the number of its task. A worker that dies (killed, out of memory, a crash in a library) is
replaced and the tasks it held go to its replacement; a task that kills two workers fails with
a BuildError. No task ever runs in the build process: it never imports WeasyPrint.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from builder.errors import BuildError
from builder.workers import serving

T = TypeVar("T")
SIZE = max(1, min(2, os.cpu_count() or 1))
"""Worker processes: a build has one long document and a few short ones, so two at most."""
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
        """Start `size` workers; each imports the modules named in `warm` while it has nothing to do,
        the first at once, the others once a task has been handed out (serving.serve's `held`): on
        two cores, the build's start-up and one worker's imports run side by side (issue 26)."""
        methods = multiprocessing.get_all_start_methods()
        # fork: a worker starts in milliseconds, with what this process imported already there.
        self._context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._warm = warm
        self._numbers = itertools.count()
        self._workers = [self._start(held=index > 0) for index in range(size)]
        self._held = set(range(1, size))
        """The workers not yet let to import what they will need."""
        self._names: dict[str, int] = {}
        """Which worker (an index) had each name last."""
        self._waiting: list[Ticket[Any]] = []
        """The `anywhere` tickets no worker has yet, oldest first."""

    def submit(self, name: str, task: Callable[..., T], *args: Any, weight: float = 1.0,
               anywhere: bool = False) -> Ticket[T]:
        """Hand `task(*args)` to the worker that knows `name` (or the least busy); return its ticket.
        `anywhere`: to the first worker with nothing to do, now or once one has finished its tasks."""
        ticket = Ticket(next(self._numbers), name, task, args, weight)
        self._release()
        self._poll()
        if anywhere:
            self._waiting.append(ticket)
            self._hand_out()
            return ticket
        index = self._names.get(name)
        if index is None:
            names = list(self._names.values())
            index = min(range(len(self._workers)), key=lambda at: (self._workers[at].load, names.count(at)))
            self._names[name] = index
        self._send(index, ticket)
        return ticket

    def result(self, ticket: Ticket[T]) -> T:
        """Wait for `ticket`'s task; its value, or raise what it raised. Meanwhile every worker's
        results are collected as they come, so that a worker that is done gets a waiting task."""
        while not ticket.done:
            self._receive(self._next())
        if isinstance(ticket.value, BaseException):
            raise ticket.value
        return ticket.value  # type: ignore[no-any-return]

    def drain(self) -> None:
        """Wait for every task without their results (a failed build: nothing may still write)."""
        while any(worker.tickets for worker in self._workers):
            self._receive(self._next())

    def _release(self) -> None:
        """Let the held workers import what they will need: the build has handed out its first task."""
        for index in sorted(self._held):
            with contextlib.suppress(OSError, ValueError):  # gone: its replacement is not held
                self._workers[index].connection.send(serving.GO)
        self._held.clear()

    def _next(self) -> int:
        """The index of a worker whose next result has come (waiting for one if none has)."""
        busy = {self._workers[at].connection: at for at in range(len(self._workers)) if self._workers[at].tickets}
        return busy[wait(list(busy))[0]]  # type: ignore[index]

    def _hand_out(self) -> None:
        """Give the waiting `anywhere` tickets, oldest first, to the workers that have nothing to do."""
        for index, worker in enumerate(self._workers):
            if self._waiting and not worker.tickets:
                self._send(index, self._waiting.pop(0))

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
        for ticket in self._waiting:
            ticket.done, ticket.value = True, BuildError(None, "the build was stopped")
        self._waiting.clear()

    def _start(self, *, held: bool = False) -> _Worker:
        connection, child = self._context.Pipe()
        process = self._context.Process(target=serving.serve, args=(child, os.getpid(), self._warm, held),
                                        daemon=True)
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
        self._hand_out()

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
        self._hand_out()


def _ready(connection: Connection) -> bool:
    try:
        return connection.poll()
    except (EOFError, OSError):
        return True  # gone: the next receive says so
