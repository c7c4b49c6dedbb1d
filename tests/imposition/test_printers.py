"""What the print paths say of imposed files: poppler's `pdftops` (the path of many print drivers)
and Ghostscript complain of nothing in an output that they did not say of its input (issue 22,
item 4: placed pages sharing one resource dictionary were a "loop in Resources"). Skipped, with
the reason, where the tools are missing (.ci/run installs them); the corpus files where
../shared/ is not beside the clone."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from builder.imposition.anypdf import impose
from builder.model import Report
from builder.paper import A4

from conftest import ROOT, make_pdf

TOOLS = [tool for tool in ("pdftops", "gs") if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(bool(TOOLS), reason=f"{' and '.join(TOOLS)} not installed (poppler-utils, ghostscript)")
SHARED = ROOT.parent / "shared"
CORPUS = [SHARED / "corpus" / name for name in (
    "sample-files__004-pdflatex-4-pages_pdflatex-4-pages.pdf", "pypdf__resources_two-different-pages.pdf",
    "sample-files__015-arabic_habibi-rotated.pdf", "pypdf__resources_crazyones.pdf",
    "sample-files__002-trivial-libre-office-writer_002-trivial-libre-office-writer.pdf",
)] + [SHARED / "corpus-round3" / name for name in ("qpdf__qpdf_qtest_qpdf_enc-XI-R6,V5,O=master.pdf",
                                                     "PyMuPDF__tests_resources_test_4147.pdf")]
"""Files whose imposed copies pdftops read as a loop (LaTeX, pypdf, an encrypted one), and others
(an Adobe Scan)."""


def complaints(path: Path) -> set[str]:
    """What pdftops and gs print reading `path` (to nothing), numbers left out: "loop in Resources"."""
    said = []
    for command in (["pdftops", str(path), "/dev/null"], ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER",
                                                           "-sDEVICE=nullpage", str(path)]):
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        said += (done.stdout + done.stderr).splitlines()
    return {re.sub(r"\d+", "N", line).strip() for line in said if line.strip()}


def test_placed_pages_sharing_one_resource_dictionary_are_read_without_a_loop(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "in.pdf", 8)
    with pikepdf.open(source, allow_overwriting_input=True) as document:
        # as WeasyPrint writes them: every page pointing to one resource dictionary
        shared = document.make_indirect(document.pages[0].obj.Resources)
        for page in document.pages:
            page.obj.Resources = shared
        document.save(source)
    impose(source, tmp_path / "out.pdf", layout=None, sheet=A4)
    assert complaints(source) == set()
    assert complaints(tmp_path / "out.pdf") == set()


@pytest.mark.parametrize("kind", ["booklet", "minizine"])
def test_the_builds_imposed_files_are_read_without_complaint(shipped_build: Report, kind: str) -> None:
    path = next(output.path for output in shipped_build.outputs if output.path.name.endswith(f"-{kind}.pdf"))
    assert complaints(path) == set()


@pytest.mark.parametrize("source", CORPUS, ids=lambda path: path.name[:40])
def test_imposed_corpus_files_draw_no_new_complaint(tmp_path: Path, source: Path) -> None:
    if not source.is_file():
        pytest.skip(f"{source.name} is not beside the clone (../shared/)")
    impose(source, tmp_path / "out.pdf", layout=None, sheet=A4)
    assert complaints(tmp_path / "out.pdf") <= complaints(source)
