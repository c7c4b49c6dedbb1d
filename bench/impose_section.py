"""Imposition: `zine impose` against pdfimpose on the same A5 documents, in the same run.

Both are timed as commands (Python start-up included) on text-dense A5 pages rendered like the
zine, with shared fonts. pdfimpose lives only in .venv-bench (the Makefile's bench target
installs it there); it is never a dependency of the project.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

import corpus
from timing import kilobytes, table, wall

TITLE = "imposition: A5 pages two-up on A4, saddle stitch (median wall time, output size × input)"
COUNTS = (16, 64, 256)
RUNS = 5
PDFIMPOSE = corpus.ROOT / ".venv-bench" / "bin" / "pdfimpose"
ZINE = Path(sys.executable).with_name("zine")


def run() -> list[str]:
    if not PDFIMPOSE.exists():
        return [f"pdfimpose not found at {PDFIMPOSE}: run `make bench`, which installs it there"]
    rows = [["pages", "input", "zine impose", "size", "pdfimpose", "size", "time ours/theirs"]]
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        for count in COUNTS:
            source = corpus.a5_pdf(count)
            ours, theirs = Path(folder) / f"ours-{count}.pdf", Path(folder) / f"theirs-{count}.pdf"
            ours_s = wall([ZINE, "impose", source, "-o", ours], RUNS)
            theirs_s = wall([PDFIMPOSE, "saddle", "--signature", "2x1", source, "-o", theirs], RUNS)
            _check(ours, theirs, count)
            size = source.stat().st_size
            rows.append([str(count), kilobytes(source),
                         f"{ours_s:.2f} s", f"{kilobytes(ours)} ({ours.stat().st_size / size:.2f}×)",
                         f"{theirs_s:.2f} s", f"{kilobytes(theirs)} ({theirs.stat().st_size / size:.2f}×)",
                         f"{ours_s / theirs_s:.2f}×"])
    return table(rows)


def _check(ours: Path, theirs: Path, count: int) -> None:
    """Both wrote one A4 side per two pages: the figures compare the same work."""
    sides = 2 * -(-count // 4)
    for path in (ours, theirs):
        pages = len(PdfReader(path).pages)
        if pages != sides:
            raise SystemExit(f"{path.name}: {pages} sides, expected {sides}")
