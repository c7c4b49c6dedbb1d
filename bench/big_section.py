"""A big zine (issue 26, item 3): 60 parts of varied text, 400+ A5 pages (bench/big_zine.py).

- cold: `zine build` as a command, a new process each time, previews on; and with --no-previews;
- bare: plain WeasyPrint rendering the same kept HTML in one process (build_section.BARE): the
  floor of one full layout; the ratio is cold / bare (target ≤ 1.2×);
- warm: `zine watch`'s path, a rebuild in a warm session after a one-word edit in the first
  part (build_section.warm), as a ratio of the cold build (target ≤ 0.25×);
- memory: of the process tree of one cold build (the build and its workers), two figures: the
  largest resident set of any one process (getrusage RUSAGE_CHILDREN ru_maxrss: exact, per
  process), and the largest sum of the tree's proportional set sizes (PSS: shared pages split
  between the processes that share them, so forked workers are not counted twice), sampled every
  SAMPLE seconds from /proc (Linux; a peak shorter than that can be missed). Target ≤ 1 GiB;
- scale: one cold build (previews on) at about 20, 100, 250 and 500 pages: time per page, and the
  cost of each page added since the size before (the same from 20 to 500 if the line is straight).
Times are medians of RUNS runs (COLD_RUNS for the cold builds and the bare render, run in turn:
`interleaved`), with the fastest and slowest in brackets: the machine's noise (and the load average
before and after, as the machine may be shared).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import big_zine
import build_section
from timing import spread, table, walls

TITLE = "big zine: 400+ pages in 60 parts, cold vs bare WeasyPrint, warm edit, memory, cost per page"
ZINE = Path(sys.executable).with_name("zine")
PARTS = 60
SCALE = (3, 14, 35, 70)
"""Parts for about 20, 100, 250 and 500 pages (about 7.2 pages a part)."""
RUNS = 3
COLD_RUNS = 5
"""Cold builds of the 400+ pages take about twenty-five seconds each on two cores: five of each,
with as many bare renders, keep the section near eight minutes; fewer rounds left the ratio to
the machine's drift (the same build took 22 s and 34 s within ten minutes here)."""
SAMPLE = 0.1
TREE = """
import os, resource, subprocess, sys, time
def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as lines:
            return sum(int(line.split()[1]) for line in lines if line.startswith("Pss:"))
    except OSError:
        return 0
def tree(root):
    children = {}
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat") as stat:
                children.setdefault(int(stat.read().rsplit(")", 1)[1].split()[1]), []).append(int(name))
        except (OSError, ValueError, IndexError):
            pass
    found, todo = [], [root]
    while todo:
        found.append(todo.pop())
        todo.extend(children.get(found[-1], []))
    return found
process, peak = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), 0
while process.poll() is None:
    peak = max(peak, sum(pss(pid) for pid in tree(process.pid)))
    time.sleep(float(sys.argv[1]))
assert process.returncode == 0, process.returncode
print(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run() -> list[str]:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-big-") as folder:
        project = big_zine.write(Path(folder) / "big", PARTS)
        subprocess.run([ZINE, "build", "--keep-html"], cwd=project, check=True, capture_output=True)
        # Kept beside output/, at the same depth (its links are relative): a build empties output/html/.
        shutil.copytree(project / "output" / "html", project / "kept" / "html")
        html = sorted((project / "kept" / "html").glob("*.html"))
        cold, plain, bare = interleaved([[ZINE, "build"], [ZINE, "build", "--no-previews"],
                                         [sys.executable, "-c", build_section.BARE, *html]], COLD_RUNS, project)
        pages = _pages(project)
        warm = build_section.warm(project, "part-001.md", big_zine.EDITED, RUNS)
        scale = [_scaled(Path(folder) / f"scale-{count}", count) for count in SCALE]
    cold_s, bare_s, plain_s, warm_s = (statistics.median(times) for times in (cold, bare, plain, warm))
    rows = [["measure", "time (fastest–slowest)", "ratio", "target"],
            [f"cold build, {pages} pages, previews", spread(cold), f"{cold_s / bare_s:.2f}× bare", "≤ 1.20×"],
            ["  the same, round by round (each build / the bare render after it)", "", _rounds(cold, bare), ""],
            ["cold build, --no-previews", spread(plain), f"{plain_s / bare_s:.2f}× bare", ""],
            ["bare WeasyPrint, same HTML, one process", spread(bare), "", ""],
            ["warm rebuild, one word edited in part 1", spread(warm), f"{warm_s / cold_s:.2f}× cold", "≤ 0.25×"]]
    before = None
    for seconds, count, tree_kb, largest_kb in scale:
        added = "" if before is None else f"{1000 * (seconds - before[0]) / (count - before[1]):.0f} ms/added page"
        rows.append([f"cold build, {count} pages: per page; memory tree PSS / largest process",
                     f"{1000 * seconds / count:.0f} ms", added,
                     f"{tree_kb / 1024:.0f} / {largest_kb / 1024:.0f} MB (≤ 1024)"])
        before = (seconds, count)
    return [*table(rows), f"   (load average {load:.1f} before, {os.getloadavg()[0]:.1f} after; "
                          f"{os.cpu_count()} cores; memory sampled every {SAMPLE} s)"]


def _rounds(builds: list[float], bares: list[float]) -> str:
    """The median of the ratios of each round, with the lowest and highest: the machine's speed
    drifts over minutes (up to ±20 % here), less within one round."""
    ratios = sorted(build / bare for build, bare in zip(builds, bares, strict=True))
    return f"{statistics.median(ratios):.2f}× ({ratios[0]:.2f}–{ratios[-1]:.2f}×)"


def interleaved(commands: list[list[str | Path]], runs: int, cwd: Path) -> list[list[float]]:
    """The wall times of `runs` runs of each of `commands`, run in turn (one of each, then again):
    this machine is shared, and a slow spell then slows each command alike, not the ratio."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, taken in zip(commands, times, strict=True):
            taken += walls(command, 1, cwd=cwd)
    return times


def _scaled(folder: Path, parts: int) -> tuple[float, int, int, int]:
    """One cold build of a zine of `parts` parts: its seconds, reading pages, the tree's sampled peak
    PSS and the largest process's peak RSS (kB)."""
    project = big_zine.write(folder, parts)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", TREE, str(SAMPLE), ZINE, "build"], cwd=project, check=True,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    tree_kb, largest_kb = (int(word) for word in result.stdout.split())
    return seconds, _pages(project), tree_kb, largest_kb


def _pages(project: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(next((project / "output").glob("*-reading.pdf"))).pages)
