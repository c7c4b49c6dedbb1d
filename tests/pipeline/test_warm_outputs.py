"""Outputs byte-identical between builds, cold or warm (issue 26): a rebuild in a warm session after
an edit (parts reused by the layout, refined text remembered, pages' previews and checks reused)
writes exactly what a fresh session writes of the same content."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder.project import Project
from builder.workers import executor, jobs
from builder.workers.background import Background
from builder.workers.session import Session
from PIL import Image

from conftest import SAMPLE, build_in, copy_project


def _outputs(project: Path) -> dict[str, bytes]:
    """Every file of the output folder (PDFs, previews, contact sheet), by its path inside it."""
    output = project / "output"
    return {str(path.relative_to(output)): path.read_bytes() for path in sorted(output.rglob("*")) if path.is_file()}


def test_a_warm_rebuild_writes_what_a_cold_build_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A session kept for rebuilds lays the reading edition out part by part; one build (`zine
    build`: no session given) lays it out whole, which nothing reuses, and checks it in chunks
    of pages in both workers (here of 3 pages, as a 400-page zine's of 8 to 32): the same bytes and
    the same findings either way."""
    project = copy_project(SAMPLE, tmp_path)
    part = project / "content/trois.md"
    # Findings in more than one chunk: a colour picture (colour and grey, named) in two parts.
    (project / "content/images").mkdir()
    Image.new("RGB", (60, 40), (200, 40, 40)).save(project / "content/images/rouge.png")
    for name in ("deux.md", "quatre.md"):
        with (project / "content" / name).open("a", encoding="utf-8") as text:
            text.write("\n\n![Un carré rouge](images/rouge.png)\n\nEt un mot *minuscule*.\n")
    with (project / "templates/zine.css").open("a", encoding="utf-8") as css:
        css.write("\nem { font-size: 5pt }\n")  # small text: said of the reading edition, not again of the booklet
    session = Session(Project.at(project))
    lasting: list[str] = []
    try:
        build_in(project, session=session, log=lasting.append)
        part.write_text(part.read_text(encoding="utf-8").replace("Paragraphe 1", "Paragraphe premier"),
                        encoding="utf-8")
        warm = build_in(project, session=session)
    finally:
        session.close()
    assert warm.laid_out == ("reading",)
    written = _outputs(project)
    once: list[str] = []
    submitted: list[object] = []
    submit = Background.submit
    monkeypatch.setattr(Background, "submit", lambda self, name, task, *args, **options: (
        submitted.append(task), submit(self, name, task, *args, **options))[1])
    chunked = executor.chunks
    monkeypatch.setattr(executor, "chunks", lambda pages: chunked(pages, 3, 3))
    monkeypatch.setattr(executor, "CHUNK", 3)
    cold = build_in(project, log=once.append)  # a fresh session for one build: nothing reused
    assert submitted.count(jobs.check_pages) == -(-cold.outputs[0].pages // 3), "the reading edition checked in chunks"
    assert "reading" in cold.laid_out
    assert any("laid out by part" in line for line in lasting), lasting
    assert not any("by part" in line for line in once), once
    assert _outputs(project) == written
    assert cold.findings == warm.findings, "the chunks' findings are the whole check's"
    assert len({finding.page for finding in warm.findings if finding.page and "rouge.png" in finding.message}) == 2
    small = [finding.path.name for finding in warm.findings if "below 7 pt" in finding.message]
    assert len(small) == 2 and all(name.endswith("-reading.pdf") for name in small), small
    assert any(name.endswith(".png") for name in written) and any(name.endswith(".pdf") for name in written)
