"""A warm session reuses what it made of each unchanged page (issue 26, item 2: preflight's findings
and the previews, kept by page digest): its outputs and findings are those of a cold build."""

from __future__ import annotations

from pathlib import Path

from builder.model import Report
from builder.project import Project
from builder.workers.session import Session

from conftest import SAMPLE, build_in, copy_project, snapshot


def _said(report: Report) -> list[tuple[str, int | None, str, str]]:
    return [(finding.path.name, finding.page, finding.severity, finding.message) for finding in report.findings]


def test_a_warm_rebuild_makes_what_a_cold_one_makes(tmp_path: Path) -> None:
    project = copy_project(SAMPLE, tmp_path)
    part = project / "content/trois.md"
    original = part.read_text(encoding="utf-8")
    with Session(Project.at(project)) as session:
        cold = build_in(project, session=session)
        first = snapshot(project / "output")
        part.write_text(original.replace("comme ceci", "comme cela", 1), encoding="utf-8")
        build_in(project, session=session)
        edited = snapshot(project / "output")
        part.write_text(original, encoding="utf-8")
        warm = build_in(project, session=session)
        assert snapshot(project / "output") == first
    assert _said(warm) == _said(cold)
    changed = {name for name in first if edited.get(name) != first[name]}
    previews = {name for name in changed if name.startswith("preview/reading-")}
    assert len(previews) == 1, f"the edited page's preview, and no other: {sorted(changed)}"
    assert any(name.startswith("preview/booklet-") for name in changed), "and the side it is on"
