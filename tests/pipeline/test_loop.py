"""The editing loop: previews, kept HTML, warm rebuilds and `zine watch`."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from builder.build import Options
from builder.model import Report
from builder.project import Project
from builder.workers.session import Session
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT, SAMPLE, build_in, children, copy_project, page_texts


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(SAMPLE, tmp_path)


def _build(project: Path, options: Options = Options(), session: Session | None = None) -> Report:
    return build_in(project, options=options, session=session)


def test_previews_show_every_reading_page_and_both_sides_of_every_sheet(project: Path) -> None:
    _build(project)
    previews = sorted(path.name for path in (project / "output/preview").iterdir())
    assert previews == [f"booklet-sheet-{k:02d}-{side}.png" for k in (1, 2, 3) for side in ("recto", "verso")] \
        + [f"reading-{n:02d}.png" for n in range(1, 11)]
    page = Image.open(project / "output/preview/reading-01.png")
    assert page.width == 420 and abs(page.height / page.width - 210 / 148) < 0.01
    sheet = Image.open(project / "output/preview/booklet-sheet-01-recto.png")
    assert abs(sheet.width / sheet.height - 297 / 210) < 0.01
    contact = Image.open(project / "output/zine-d-essai-contact.png")
    assert contact.width > 2 * 420 and contact.height > 3 * sheet.height  # three rows of two sides
    # the previews show ink where the pages have text: not blank images
    assert min(page.convert("L").getextrema()) < 100


def test_previews_are_replaced_whole_and_can_be_skipped(project: Path) -> None:
    _build(project)
    (project / "output/preview/stale.png").write_bytes(b"old")
    _build(project)
    assert not (project / "output/preview/stale.png").exists()
    shutil.rmtree(project / "output")
    _build(project, Options(previews=False))
    assert not (project / "output/preview").exists()
    assert not list((project / "output").glob("*.png"))


def test_kept_html_renders_on_its_own(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    (project / "content/images").mkdir()
    Image.new("L", (8, 8), 0).save(project / "content/images/point.png")
    text = (project / "content/un.md").read_text(encoding="utf-8")
    (project / "content/un.md").write_text(text + "\n![un point](images/point.png)\n", encoding="utf-8")
    _build(project, Options(keep_html=True))
    kept = project / "output/html/reading.html"
    html = kept.read_text(encoding="utf-8")
    assert str(project) not in html, "paths are relative: the folder can move"
    assert '<base href="../../templates/">' in html and "../content/images/point.png" in html
    # Rendered alone, from another directory, by plain WeasyPrint: same pages as the build's.
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    subprocess.run([sys.executable, "-m", "weasyprint", str(kept), "alone.pdf"], cwd=elsewhere, check=True,
                   capture_output=True)
    built = page_texts(project / "output/zine-d-essai-reading.pdf")
    assert page_texts(elsewhere / "alone.pdf") == built
    assert len(PdfReader(elsewhere / "alone.pdf").pages) == len(built)


def _with_minizine(project: Path) -> Path:
    """The sample project with a mini-zine too: two documents, one of which an edit leaves alone."""
    (project / "content/poche.md").write_text("---\ntitle: Poche\n---\n\n## Une\n\nUne page.\n\n## Deux\n\nDeux.\n",
                                              encoding="utf-8")
    manifest = project / "content/zine.toml"
    manifest.write_text('minizine = "poche.md"\n' + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    return project


def test_a_warm_rebuild_lays_out_only_what_changed(project: Path) -> None:
    _with_minizine(project)
    session = Session(Project.at(project))
    try:
        assert _build(project, session=session).laid_out == ("reading", "minizine")
        first = (project / "output/zine-d-essai-reading.pdf").read_bytes()
        assert _build(project, session=session).laid_out == (), "nothing changed: nothing laid out again"
        assert (project / "output/zine-d-essai-reading.pdf").read_bytes() == first
        text = (project / "content/trois.md").read_text(encoding="utf-8")
        (project / "content/trois.md").write_text(text.replace("Paragraphe 1", "Paragraphe premier"),
                                                  encoding="utf-8")
        assert _build(project, session=session).laid_out == ("reading",)
        assert any("Paragraphe premier" in page for page in page_texts(project / "output/zine-d-essai-reading.pdf"))
        css = project / "templates/zine.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* a change */\n", encoding="utf-8")
        assert _build(project, session=session).laid_out == ("reading",), "a stylesheet change is a change"
    finally:
        session.close()


def test_a_changed_font_file_is_seen_by_a_warm_session(project: Path) -> None:
    """WeasyPrint reads a font once per set-up: a font replaced on disk still lays everything out again."""
    _with_minizine(project)
    session = Session(Project.at(project))
    try:
        _build(project, session=session)
        before = (project / "output/zine-d-essai-reading.pdf").read_bytes()
        fonts = project / "templates/fonts"
        (fonts / "CharisSIL-Regular.ttf").write_bytes((fonts / "CharisSIL-Bold.ttf").read_bytes())
        assert _build(project, session=session).laid_out == ("reading", "minizine")
        assert (project / "output/zine-d-essai-reading.pdf").read_bytes() != before
    finally:
        session.close()


def test_an_override_of_a_shipped_template_is_seen_by_a_warm_session(tmp_path: Path) -> None:
    """A project without templates/ borrows the shipped ones; adding, editing or removing its own
    copy of one of them lays the document out again (the caches stamp both)."""
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    session = Session(Project.at(tmp_path))
    css = tmp_path / "templates/zine.css"
    shipped = (ROOT / "templates/zine.css").read_text(encoding="utf-8")
    try:
        assert _build(tmp_path, session=session).laid_out == ("reading",)
        assert _build(tmp_path, session=session).laid_out == ()
        css.parent.mkdir()
        css.write_text(shipped.replace("font-size: 10pt;", "font-size: 11pt;"), encoding="utf-8")
        assert _build(tmp_path, session=session).laid_out == ("reading",), "an override added"
        larger = (tmp_path / "output/zine-d-essai-reading.pdf").read_bytes()
        css.write_text(shipped.replace("font-size: 10pt;", "font-size: 12pt;"), encoding="utf-8")
        assert _build(tmp_path, session=session).laid_out == ("reading",), "an override edited"
        assert (tmp_path / "output/zine-d-essai-reading.pdf").read_bytes() != larger
        css.unlink()
        assert _build(tmp_path, session=session).laid_out == ("reading",), "an override removed"
        assert _build(tmp_path, session=session).laid_out == ()
    finally:
        session.close()


def test_a_fresh_session_lays_out_every_document(project: Path) -> None:
    """The opposite case, so that the test above can fail: nothing is reused across sessions."""
    _with_minizine(project)
    assert _build(project).laid_out == ("reading", "minizine")
    assert _build(project).laid_out == ("reading", "minizine")


def test_watch_rebuilds_on_a_change(project: Path) -> None:
    watcher = subprocess.Popen([sys.executable, "-m", "builder", "watch", "--no-previews"], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        lines = _until(watcher, "watching")
        assert any("wrote output/zine-d-essai-reading.pdf" in line for line in lines)
        text = (project / "content/un.md").read_text(encoding="utf-8")
        (project / "content/un.md").write_text(text.replace("Paragraphe 1", "Paragraphe modifié"), encoding="utf-8")
        lines = _until(watcher, "rebuilt in")
        assert any("changed: un.md" in line for line in lines)
        assert any(line.strip() == "laid out again: reading" for line in lines), lines
        assert any("Paragraphe modifié" in page for page in page_texts(project / "output/zine-d-essai-reading.pdf"))
        (project / "content/zine.toml").write_text("title = \n", encoding="utf-8")
        lines = _until(watcher, "not rebuilt")
        assert any("content/zine.toml:1: invalid TOML" in line for line in lines)
        assert watcher.poll() is None, "an error does not stop the watch"
    finally:
        watcher.terminate()
        watcher.wait(timeout=10)


def test_ctrl_c_stops_a_build_at_once_and_leaves_nothing(project: Path) -> None:
    """The renders run in the workers: Ctrl-C ends them too, without waiting for a layout to finish."""
    (project / "output").mkdir()
    (project / "output/old.pdf").write_bytes(b"an earlier output")
    long = (project / "content/un.md").read_text(encoding="utf-8") + "\n\nUn paragraphe de plus, assez long." * 1500
    (project / "content/un.md").write_text(long, encoding="utf-8")  # several seconds of layout
    build = subprocess.Popen([sys.executable, "-m", "builder", "build"], cwd=project, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _until(build, "read 5 parts")  # the documents go to the workers now
    workers = children(build.pid)
    time.sleep(2.0)  # WeasyPrint imported, the reading edition being laid out
    build.send_signal(signal.SIGINT)
    started = time.monotonic()
    assert build.wait(timeout=30) == 130
    assert time.monotonic() - started < 3, "no render was waited for"
    assert any("interrupted; outputs left as they were" in line for line in _until(build, "interrupted"))
    assert len(workers) == 2 and not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "orphaned workers"
    assert sorted(path.name for path in (project / "output").iterdir()) == ["old.pdf"], "no staging folder left"


def test_killing_the_watch_leaves_no_worker_behind(project: Path) -> None:
    watcher = subprocess.Popen([sys.executable, "-m", "builder", "watch", "--no-previews"], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        _until(watcher, "watching")
        workers = children(watcher.pid)
        assert workers, "the checks run in worker processes"
    finally:
        watcher.kill()  # SIGKILL: no clean-up code runs in the watch itself
        watcher.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "orphaned workers"


def _until(process: subprocess.Popen[str], needle: str, timeout: float = 60) -> list[str]:
    """Lines the process prints up to the one containing `needle` (fails after `timeout` seconds)."""
    if not hasattr(process, "lines"):
        lines: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()  # type: ignore[union-attr]
        process.lines = lines  # type: ignore[attr-defined]
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = process.lines.get(timeout=max(0.0, deadline - time.monotonic()))  # type: ignore[attr-defined]
        except queue.Empty:
            break
        seen.append(line)
        if needle in line:
            return seen
    raise AssertionError(f"no {needle!r} in {seen}")
