"""Helpers shared by the benchmark sections: timing whole commands, formatting tables."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path


def wall(command: Sequence[str | Path], runs: int, cwd: Path | None = None) -> float:
    """Median wall time of a command in seconds, start-up included, as a user would wait for it."""
    return statistics.median(walls(command, runs, cwd))


def walls(command: Sequence[str | Path], runs: int, cwd: Path | None = None) -> list[float]:
    """The wall time of each of `runs` runs of a command, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(part) for part in command], check=True, capture_output=True, cwd=cwd)
        times.append(time.perf_counter() - started)
    return times


def spread(times: Sequence[float]) -> str:
    """1.73 s (1.70–1.80): the median, then the fastest and slowest runs, for the machine's noise."""
    return f"{statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f})"


def kilobytes(path: Path) -> str:
    return f"{path.stat().st_size / 1000:,.0f} kB"


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell, the first left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
            for row in rows]
