"""No output names the machine (issue 20, item 3): not the project's folder, not the home
folder, no `file:` URL, in any file the builds of the tests write, streams decompressed.

The kept HTML (`--keep-html`) is an output too: it links to the project's files by relative URLs."""

from __future__ import annotations

from pathlib import Path

from builder.build import Options
from builder.model import Report
from tests.conftest import ROOT, SAMPLE, build_in, copy_project, machine_traces, write_pdf


def test_the_sample_zine_names_no_folder_of_the_machine(sample_build: Report) -> None:
    output = sample_build.outputs[0].path.parent
    assert machine_traces(output, output.parent) == []


def test_the_shipped_zine_names_no_folder_of_the_machine(shipped_build: Report) -> None:
    assert machine_traces(shipped_build.outputs[0].path.parent, ROOT) == []


def test_the_kept_html_names_no_folder_of_the_machine(tmp_path: Path) -> None:
    project = copy_project(SAMPLE.parent / "texts", tmp_path / "projet d'essai")  # pictures and links
    report = build_in(project, options=Options(previews=False, keep_html=True))
    kept = [path for path in report.extras if path.suffix == ".html" or path.is_dir()]
    assert kept, report.extras
    assert machine_traces(project / "output", project) == []


def test_the_trace_finder_finds_a_path(tmp_path: Path) -> None:
    """The check above can fail: a PDF whose link names the project's folder is found."""
    (tmp_path / "out").mkdir()
    write_pdf(tmp_path / "out/a.pdf", [b"BT /F1 12 Tf (x) Tj ET"])
    (tmp_path / "out/b.html").write_text(f'<img src="{(tmp_path / "content/x.png").as_uri()}">', encoding="utf-8")
    assert machine_traces(tmp_path / "out", tmp_path) == [f"b.html: {tmp_path}", "b.html: file:/"]
