"""Helpers shared by the benchmark sections: timing whole commands, formatting tables."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path


def wall(command: Sequence[str | Path], runs: int, cwd: Path | None = None) -> float:
    """Median wall time of a command in seconds, start-up included, as a user would wait for it."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(part) for part in command], check=True, capture_output=True, cwd=cwd)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def kilobytes(path: Path) -> str:
    return f"{path.stat().st_size / 1000:,.0f} kB"


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell, the first left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
            for row in rows]
