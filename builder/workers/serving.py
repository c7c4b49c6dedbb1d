"""A worker process's side of background.py: the loop that runs each task it is sent and sends back
its value or its error, pickled; and the watch that ends it when the build is gone."""

from __future__ import annotations

import importlib
import os
import pickle
import signal
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

IDLE = 0.05
"""Seconds without a task after which a worker counts as idle (and imports what it will need):
long enough for the build to answer a result with the next task."""


GO = None
"""The message that lets a worker started `held` import what it will need."""


def serve(connection: Connection, parent: int, warm: tuple[str, ...], held: bool = False) -> None:
    """The worker's loop: run each task received, send back (number, ok, value or error, traceback).
    While it has nothing to do it imports the modules named in `warm`; `held`, not before its first
    message (a task, or GO): the build's start-up, which reads the content, has the other core."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle: it stops us
    # close() ends us with SIGTERM: a Python handler inherited from the parent (zine watch's, zine
    # serve's) would wait for this thread to run Python again, which a task's wait may never do.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _watch_parent(parent)
    waiting = list(warm)
    while True:
        while waiting and not held and not connection.poll(IDLE):  # idle: import what the next tasks will need
            try:
                importlib.import_module(waiting.pop(0))
            except Exception:  # noqa: BLE001, S112 — the task that needs it will say what is wrong
                continue
        try:
            message = connection.recv()
        except EOFError:
            return
        held = False
        if message is GO:
            continue
        number, task, args = message
        connection.send_bytes(reply(number, task, args))


def reply(number: int, task: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
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
