"""The build: cold, warm after a one-word edit, against bare WeasyPrint, and scale.

- cold: `zine build` as a command, a new process each time (start-up and imports included);
- warm: `zine watch`'s path, a rebuild in a warm session after a one-word edit of the article;
- bare: plain WeasyPrint rendering the same HTML files (`--keep-html`) one after the other in
  one process, one font configuration: what a serial build on WeasyPrint cannot go below. The
  build renders its documents on both cores at once, so it can (target 0.85×, issue 10);
- scale: the same zine with the article ten times longer: time per page (a fresh session in a
  warm process: the layout itself) and the peak memory of one process of a cold build (the
  build process and its two workers each stay below it).
Times are medians of RUNS runs, with the fastest and slowest in brackets: the machine's noise.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from builder.build import Options, build
from builder.model import Report
from builder.project import Project
from builder.workers.session import Session

from timing import spread, table, walls

TITLE = "build: cold, warm rebuild, overhead over bare WeasyPrint, time per page at 1× and 10× content"
ROOT = Path(__file__).resolve().parent.parent
ZINE = Path(sys.executable).with_name("zine")
RUNS = 5
BARE = """
import sys
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
fonts = FontConfiguration()
for index, name in enumerate(sys.argv[1:]):
    HTML(filename=name).write_pdf(f"bare-{index}.pdf", font_config=fonts)
"""
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run() -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        one, ten = _project(Path(folder) / "one", 1), _project(Path(folder) / "ten", 10)
        cold = walls([ZINE, "build"], RUNS, cwd=one)
        subprocess.run([ZINE, "build", "--keep-html"], cwd=one, check=True, capture_output=True)
        html = sorted((one / "output" / "html").glob("*.html"))
        bare = walls([sys.executable, "-c", BARE, *html], RUNS, cwd=one)
        warm_times = warm(one)
        per_page = {project: _per_page(project) for project in (one, ten)}
        peak = {project: _peak(project) for project in (one, ten)}
    cold_s, bare_s, warm_s = (statistics.median(times) for times in (cold, bare, warm_times))
    rows = [["measure", "time (fastest–slowest)", "ratio", "target"],
            ["cold build (zine build, new process)", spread(cold), "", ""],
            ["warm rebuild after a one-word edit", spread(warm_times), f"{warm_s / cold_s:.2f}× cold", "≤ 0.50×"],
            ["bare WeasyPrint, same HTML, one process", spread(bare), f"{cold_s / bare_s:.2f}× (build/bare)",
             "≤ 1.10×, moonshot ≤ 0.85×"]]
    for label, project in (("1×", one), ("10×", ten)):
        seconds, pages = per_page[project]
        ratio = f"{(seconds / pages) / (per_page[one][0] / per_page[one][1]):.2f}× 1×"
        rows.append([f"article {label}: {pages} pages, per page (peak {peak[project] / 1024:.0f} MB)",
                     f"{1000 * seconds / pages:.0f} ms", ratio, "≤ 1.30×" if label == "10×" else ""])
    return table(rows)


def _project(folder: Path, times: int) -> Path:
    """A copy of the shipped project, its article's body repeated `times` times."""
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "templates", folder / "templates")
    if times > 1:
        article = folder / "content" / "article.md"
        head, body = re.match(r"(---\n.*?\n---\n)(.*)", article.read_text(encoding="utf-8"), re.S).groups()  # type: ignore[union-attr]
        article.write_text(head + "\n".join([body] * times), encoding="utf-8")
    return folder


def warm(project: Path, part: str = "article.md", word: str = "Kesako", runs: int = 5) -> list[float]:
    """Times of `runs` rebuilds in a warm session (`zine watch`'s path), each after a one-word edit:
    `word` of content/`part` replaced by another spelling."""
    article = project / "content" / part
    original = article.read_text(encoding="utf-8")
    session = Session(Project.at(project))
    times = []
    try:
        _build(project, session)
        for edit in ("Késako", "Kézako", "Kesaco", "Qu’es aquò", "Kesakò")[:runs]:
            article.write_text(original.replace(word, edit), encoding="utf-8")
            started = time.perf_counter()
            _build(project, session)
            times.append(time.perf_counter() - started)
    finally:
        session.close()
        article.write_text(original, encoding="utf-8")
    return times


def _per_page(project: Path) -> tuple[float, int]:
    """Build time in a warm process with a fresh session each time (nothing reused), and pages."""
    times, pages = [], 0
    for _ in range(3):
        session = Session(Project.at(project))
        try:
            started = time.perf_counter()
            report = _build(project, session)
            times.append(time.perf_counter() - started)
        finally:
            session.close()
        pages = report.outputs[0].pages
    return statistics.median(times[1:]), pages  # the first run pays the imports


def _peak(project: Path) -> int:
    """Peak resident memory of the largest process of a cold `zine build`, in kB."""
    result = subprocess.run([sys.executable, "-c", PEAK, ZINE, "build"], cwd=project, check=True,
                            capture_output=True, text=True)
    return int(result.stdout.strip())


def _build(project: Path, session: Session) -> Report:
    return build(Project.at(project), options=Options(), session=session)
