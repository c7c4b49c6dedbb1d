"""Imposition: `zine impose` against pdfimpose on the same A5 documents, in the same run.

Both are timed as commands (Python start-up included) on text-dense A5 pages rendered like the
zine, with shared fonts. pdfimpose lives only in .venv-bench (the Makefile's bench target
installs it there); it is never a dependency of the project. The last row times `zine impose`
alone on the longest file of the shared corpus (117 A4 pages, scaled to A5), when it is there.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

import corpus
from timing import kilobytes, spread, table, walls

TITLE = "imposition: A5 pages two-up on A4, saddle stitch (wall time: median (fastest–slowest), output size × input)"
COUNTS = (16, 64, 256)
RUNS = 5
PDFIMPOSE = corpus.ROOT / ".venv-bench" / "bin" / "pdfimpose"
ZINE = Path(sys.executable).with_name("zine")
LONGEST = corpus.ROOT.parent / "shared" / "corpus" / "sample-files__009-pdflatex-geotopo_GeoTopo-komprimiert.pdf"


def run() -> list[str]:
    if not PDFIMPOSE.exists():
        return [f"pdfimpose not found at {PDFIMPOSE}: run `make bench`, which installs it there"]
    rows = [["pages", "input", "zine impose", "size", "pdfimpose", "size", "time ours/theirs"]]
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        for count in COUNTS:
            source = corpus.a5_pdf(count)
            ours, theirs = Path(folder) / f"ours-{count}.pdf", Path(folder) / f"theirs-{count}.pdf"
            ours_s = walls([ZINE, "impose", source, "-o", ours], RUNS)
            theirs_s = walls([PDFIMPOSE, "saddle", "--signature", "2x1", source, "-o", theirs], RUNS)
            _check(ours, theirs, count)
            size = source.stat().st_size
            rows.append([str(count), kilobytes(source),
                         spread(ours_s), f"{kilobytes(ours)} ({ours.stat().st_size / size:.2f}×)",
                         spread(theirs_s), f"{kilobytes(theirs)} ({theirs.stat().st_size / size:.2f}×)",
                         f"{statistics.median(ours_s) / statistics.median(theirs_s):.2f}×"])
        if LONGEST.exists():
            ours = Path(folder) / "geotopo.pdf"
            ours_s = walls([ZINE, "impose", LONGEST, "-o", ours], RUNS)
            size = LONGEST.stat().st_size
            rows.append(["117 A4", kilobytes(LONGEST), spread(ours_s),
                         f"{kilobytes(ours)} ({ours.stat().st_size / size:.2f}×)", "", "", ""])
    return table(rows)


def _check(ours: Path, theirs: Path, count: int) -> None:
    """Both wrote one A4 side per two pages: the figures compare the same work."""
    sides = 2 * -(-count // 4)
    for path in (ours, theirs):
        pages = len(PdfReader(path).pages)
        if pages != sides:
            raise SystemExit(f"{path.name}: {pages} sides, expected {sides}")
