"""Many small parts: a cold `zine build` of zines of 250 and 500 parts (bench/many_parts.py).

The time per part should not grow with the number of parts (issue 25, item 4: 2,000 parts took two
minutes, most of it in WeasyPrint passes over the whole document for each element, now linear:
builder/render/speedups.py). `python bench/many_parts.py 2000 FOLDER` makes a larger one by hand.
Times are medians of RUNS runs, with the fastest and slowest in brackets: the machine's noise.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import many_parts
from timing import spread, table, walls

TITLE = "many parts: cold build of 250 and 500 small parts, time per part"
ZINE = Path(sys.executable).with_name("zine")
COUNTS = (250, 500)
RUNS = 3


def run() -> list[str]:
    rows = [["parts", "cold build (fastest–slowest)", "per part", "per part / first"]]
    first = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-parts-") as folder:
        for count in COUNTS:
            project = many_parts.write(Path(folder) / str(count), count)
            per_part = statistics.median(times := walls([ZINE, "build"], RUNS, cwd=project)) / count
            first = first or per_part
            rows.append([str(count), spread(times), f"{1000 * per_part:.0f} ms", f"{per_part / first:.2f}×"])
    return table(rows)
