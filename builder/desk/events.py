"""The last build's snapshot, shared between the builder thread and the HTTP threads, and the
server-sent events that tell the page a new one is there (issue 23).

The builder thread `publish`es; each /events connection waits on the board's condition and
sends `event: build` with the build's number (the page then fetches /state.json). Server-sent
events, not a WebSocket: updates go one way, over plain HTTP, and the browser reconnects by itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .snapshot import Snapshot

KEEPALIVE = 15.0
"""Seconds between comments on an idle stream, so that a closed page is noticed (its write fails)."""


class Board:
    """The current Snapshot; replaced whole, read without a lock (an attribute read is atomic)."""

    def __init__(self) -> None:
        self.snapshot = Snapshot()
        self.previous = self.snapshot
        """The one before: a page still fetching its pictures after a rebuild finds them."""
        self._changed = threading.Condition()
        self.closed = False

    def publish(self, snapshot: Snapshot) -> None:
        """Make `snapshot` the current one and wake every stream."""
        with self._changed:
            self.previous, self.snapshot = self.snapshot, snapshot
            self._changed.notify_all()

    def close(self) -> None:
        """End every stream (the server stops)."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def newer(self, number: int, timeout: float) -> Snapshot | None:
        """The current snapshot once its number is not `number`, or None after `timeout` seconds
        or when the board is closed."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.snapshot.number != number, timeout)
            return None if self.closed or self.snapshot.number == number else self.snapshot


def stream(board: Board, write: Callable[[bytes], None]) -> None:
    """Send `board`'s builds as server-sent events through `write` until the board closes or the
    client goes (`write` raises OSError): the current build's number first, then each new one."""
    number = board.snapshot.number
    write(b"retry: 1000\n" + _event(number))
    while not board.closed:
        found = board.newer(number, KEEPALIVE)
        if found is None:
            write(b": still here\n\n")
            continue
        number = found.number
        write(_event(number))


def _event(number: int) -> bytes:
    return f"event: build\ndata: {number}\n\n".encode()
