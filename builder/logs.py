"""Libraries' log records, collected instead of printed: the build reports problems itself."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class _Collector(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def collected(name: str) -> Iterator[list[logging.LogRecord]]:
    """The warnings and errors logger `name` emits meanwhile, kept from the terminal."""
    records: list[logging.LogRecord] = []
    logger = logging.getLogger(name)
    handler = _Collector(records)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
