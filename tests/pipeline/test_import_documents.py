"""Word-processor files other people made, imported and built (issue 23, item 2, acceptance).

tests/data/import/ holds .docx and .odt files from the test suites of pandoc and odfdo (their
origins and licences in its README): prose, a poem, notes, tables (one with spans, one with
paragraphs in its cells), lists, pictures, a text box, comments and tracked changes. Each is
imported into one project made by `zine new`, which is built once; then, for each document:
at least 99 % of its words (pandoc's plain text of the file, the pictures' descriptions left
out: they are not printed on the page) are in its pages of the reading edition, its pictures
are drawn there, its notes are all in the part, and the summary names what was not carried.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from builder.importing import pandoc
from builder.model import Report
from tests.conftest import DATA, WORD, build_in, folded, main, part_pages, pdf_words

DOCUMENTS = sorted((DATA / "import").glob("*.docx")) + sorted((DATA / "import").glob("*.odt"))
COVERAGE = 0.99
"""The share of a document's words its pages must print (issue 23's acceptance)."""
DROPPED = {"comments.docx": "5 comments", "track_changes_insertion.docx": "1 tracked change",
           "tracked_changes.odt": "3 tracked changes", "dormeur_notes.odt": "1 comment",
           "text_in_shape_format.docx": "2 fields"}
"""What the summary of some documents must name (counted by hand in their XML)."""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report, dict[str, str]]:
    """The project with every document imported, built once; each document's summary, by file name."""
    project = tmp_path_factory.mktemp("imported") / "zine"
    digests = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in DOCUMENTS}
    summaries = {}
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["new", str(project), "--lang", "en"]) == 0
    for document in DOCUMENTS:
        said = io.StringIO()
        with contextlib.redirect_stdout(said):
            assert main(["import", str(document), str(project)]) == 0, document.name
        summaries[document.name] = said.getvalue()
    assert digests == {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in DOCUMENTS}
    return project, build_in(project), summaries


def _tree(document: Path) -> dict[str, Any]:
    tree: dict[str, Any] = json.loads(subprocess.run([pandoc.binary(), "--sandbox", "-t", "json", str(document)],
                                                     capture_output=True, check=True).stdout)
    return tree


def _nodes(node: Any, kind: str) -> list[Any]:
    if isinstance(node, list):
        return [found for one in node for found in _nodes(one, kind)]
    if isinstance(node, dict):
        return [node] * (node.get("t") == kind) + _nodes(node.get("c"), kind)
    return []


def _without_descriptions(node: Any) -> Any:
    """A pandoc tree with each picture's description taken out (it is not page text)."""
    if isinstance(node, list):
        return [_without_descriptions(one) for one in node]
    if isinstance(node, dict) and node.get("t") == "Image":
        return {"t": "Image", "c": [node["c"][0], [], node["c"][2]]}
    if isinstance(node, dict):
        return {key: _without_descriptions(value) for key, value in node.items()}
    return node


def source_words(document: Path) -> Counter[str]:
    """The words of `document` as pandoc's plain text gives them, pictures' descriptions left out."""
    tree = json.dumps(_without_descriptions(_tree(document)))
    plain = subprocess.run([pandoc.binary(), "--sandbox", "-f", "json", "-t", "plain", "--wrap=none"],
                           input=tree.encode(), capture_output=True, check=True).stdout.decode()
    return Counter(WORD.findall(folded(plain)))


def _pages(project: Path, report: Report, document: Path) -> list[int]:
    """The pages (0-based) of the reading edition that print the part imported from `document`."""
    reading = next(pdf.path for pdf in report.outputs if pdf.path.name.endswith("-reading.pdf"))
    part = (project / "content" / f"{document.stem.replace('_', '-')}.md").read_text(encoding="utf-8")
    title = " ".join(part.split("\n")[1].removeprefix("title: ").strip('"').split())
    starts = part_pages(reading)
    first = next(page for label, page in starts if label == title)
    last = min([page for _, page in starts if page > first] + [len(pdfium.PdfDocument(reading))])
    return list(range(first, last))


def coverage(project: Path, report: Report, document: Path) -> tuple[float, Counter[str]]:
    """The share of `document`'s words printed on its pages, and the words missing."""
    reading = next(pdf.path for pdf in report.outputs if pdf.path.name.endswith("-reading.pdf"))
    pdf = pdfium.PdfDocument(reading)
    lines = [line for page in _pages(project, report, document) for line in pdf[page].get_textpage().get_text_range()
             .splitlines()]
    printed, words = pdf_words(lines), source_words(document)
    missing = Counter({word: count - printed[word] for word, count in words.items() if printed[word] < count})
    return 1 - sum(missing.values()) / max(1, sum(words.values())), missing


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_the_pages_print_the_documents_words(imported: tuple[Path, Report, dict[str, str]], document: Path) -> None:
    project, report, _ = imported
    share, missing = coverage(project, report, document)
    assert share >= COVERAGE, (f"{share:.1%}", missing)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_pictures_and_notes_are_kept(imported: tuple[Path, Report, dict[str, str]], document: Path) -> None:
    project, report, _ = imported
    tree = _tree(document)
    reading = next(pdf.path for pdf in report.outputs if pdf.path.name.endswith("-reading.pdf"))
    pdf = pdfium.PdfDocument(reading)
    drawn = sum(1 for page in _pages(project, report, document)
                for one in pdf[page].get_objects(max_depth=4) if one.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
    assert drawn == len(_nodes(tree["blocks"], "Image"))
    part = (project / "content" / f"{document.stem.replace('_', '-')}.md").read_text(encoding="utf-8")
    heading = next((block for block in tree["blocks"] if block["t"] == "Header"), None)
    in_title = len(_nodes(heading, "Note")) if "\nnote: " in part.split("\n---\n")[0] else 0  # the part's `note`
    assert part.count("\n[^") + in_title == len(_nodes(tree["blocks"], "Note"))


def test_the_summary_names_what_was_not_carried(imported: tuple[Path, Report, dict[str, str]]) -> None:
    _, _, summaries = imported
    for name, said in DROPPED.items():
        assert f"not carried: {said}" in summaries[name] or f"; {said}" in summaries[name], summaries[name]
    assert "not carried: nothing" in summaries["notes.docx"]
    assert "1 table flattened" in summaries["tables.docx"] and "2 pictures" in summaries["inline_images.docx"]
