"""Same content, same bytes: across builds, processes, folders and days."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builder.model import Report
from pypdf import PdfReader

from conftest import ROOT, SAMPLE, build_in, copy_project


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.pdf"))}


def built(project: Path, output: Path) -> dict[str, bytes]:
    build_in(project, output=output)
    return outputs(output)


def test_twice_in_one_process(sample_build: Report, tmp_path: Path) -> None:
    project = copy_project(SAMPLE, tmp_path)
    first = built(project, tmp_path / "one")
    assert len(first) == 2
    assert built(project, tmp_path / "two") == first
    assert first == outputs(sample_build.outputs[0].path.parent)  # another folder, earlier in the session


def test_in_two_processes_and_two_folders(sample_build: Report, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = str(ROOT)
    runs = []
    for name in ("ici", "là-bas/plus loin"):
        project = copy_project(SAMPLE, tmp_path / name)
        runs.append((project, subprocess.Popen([sys.executable, "-m", "builder", "build"], cwd=project, env=env,
                                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)))
    for _, process in runs:
        assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    expected = outputs(sample_build.outputs[0].path.parent)
    assert [outputs(project / "output") for project, _ in runs] == [expected, expected]


def test_no_date_but_the_manifest_and_no_random_id(sample_build: Report) -> None:
    for out in sample_build.outputs:
        reader = PdfReader(out.path)
        assert "/ID" not in reader.trailer  # an /ID would be random or hash the path
        assert reader.metadata is not None
        assert reader.metadata["/CreationDate"] == reader.metadata["/ModDate"] == "D:20260115000000Z"
        data = out.path.read_bytes()
        assert b"xmp.did" not in data and b"/tmp" not in data and str(ROOT).encode() not in data


def test_fonttools_subsetting_stamps_the_manifest_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        request: pytest.FixtureRequest) -> None:
    """Without HarfBuzz's subsetter, fontTools stamps each font with the time of the build."""
    import fontTools.misc.timeTools as time_tools

    monkeypatch.setattr("weasyprint.pdf.fonts.harfbuzz_subset", None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    # The build refuses WeasyPrint's "install HarfBuzz-Subset" warning (README); not this test.
    logger = logging.getLogger("weasyprint")
    quiet = logging.Filter()
    quiet.filter = lambda record: "HarfBuzz-Subset" not in record.getMessage()  # type: ignore[method-assign]
    logger.addFilter(quiet)
    request.addfinalizer(lambda: logger.removeFilter(quiet))
    project = copy_project(SAMPLE, tmp_path)
    today = built(project, tmp_path / "today")

    class Later:
        """The clock fontTools reads, ten days on."""

        @staticmethod
        def time() -> float:
            return time.time() + 10 * 86400

    monkeypatch.setattr(time_tools, "time", Later)
    assert built(project, tmp_path / "later") == today
    assert "SOURCE_DATE_EPOCH" not in os.environ  # set for the render only: the next build has its own date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # a packager's choice is honoured
    assert built(project, tmp_path / "epoch") != today
