"""Outputs byte-identical between builds, cold or warm (issue 26): a rebuild in a warm session after
an edit (parts reused by the layout, refined text remembered, pages' previews and checks reused)
writes exactly what a fresh session writes of the same content."""

from __future__ import annotations

from pathlib import Path

from builder.project import Project
from builder.workers.session import Session

from conftest import SAMPLE, build_in, copy_project


def _outputs(project: Path) -> dict[str, bytes]:
    """Every file of the output folder (PDFs, previews, contact sheet), by its path inside it."""
    output = project / "output"
    return {str(path.relative_to(output)): path.read_bytes() for path in sorted(output.rglob("*")) if path.is_file()}


def test_a_warm_rebuild_writes_what_a_cold_build_writes(tmp_path: Path) -> None:
    """A session kept for rebuilds lays the reading edition out part by part; one build (`zine
    build`: no session given) lays it out whole, which nothing reuses: the same bytes either way."""
    project = copy_project(SAMPLE, tmp_path)
    part = project / "content/trois.md"
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
    cold = build_in(project, log=once.append)  # a fresh session for one build: nothing reused
    assert "reading" in cold.laid_out
    assert any("laid out by part" in line for line in lasting), lasting
    assert not any("by part" in line for line in once), once
    assert _outputs(project) == written
    assert any(name.endswith(".png") for name in written) and any(name.endswith(".pdf") for name in written)
