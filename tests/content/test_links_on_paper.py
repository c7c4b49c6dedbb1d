"""Links on paper, never the machine (issue 20, item 3): one zine built with links of every kind;
its outputs, decompressed streams included, hold no path of the machine and no file: URL."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from builder.model import Report

from conftest import SAMPLE, build_in, copy_project

LINKS = """

## Section one

See [the first section](#section-one), [the flyer](flyer.pdf), [next part](other.md), [a page](/url),
[a term](@), [far](//host/share/x.pdf), [a heading of another part](#elsewhere) and [nothing](#nowhere).
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    project = copy_project(SAMPLE, tmp_path_factory.mktemp("links"))
    with (project / "content/un.md").open("a", encoding="utf-8") as file:
        file.write(LINKS)
    with (project / "content/deux.md").open("a", encoding="utf-8") as file:
        file.write("\n\n## Elsewhere\n\nA heading another part links to.\n")
    return project, build_in(project)


def _bytes(path: Path) -> bytes:
    """The file's bytes, and for a PDF every stream decompressed."""
    data = path.read_bytes()
    if path.suffix != ".pdf":
        return data
    with pikepdf.open(path) as pdf:
        streams = [obj.read_bytes() for obj in pdf.objects if isinstance(obj, pikepdf.Stream)]
    return data + b"".join(streams)


def test_no_output_holds_a_path_of_the_machine_or_a_file_url(built: tuple[Path, Report]) -> None:
    project, _ = built
    outputs = [path for path in (project / "output").rglob("*") if path.is_file()]
    assert any(path.suffix == ".pdf" for path in outputs)
    for path in outputs:
        data = _bytes(path)
        for forbidden in (str(project).encode(), str(project.resolve()).encode(), b"file:", b"flyer.pdf"):
            assert forbidden not in data, (path, forbidden)


def test_a_link_to_a_heading_works_in_the_reading_pdf_and_the_others_are_named(built: tuple[Path, Report]) -> None:
    project, report = built
    reading = next((project / "output").glob("*-reading.pdf"))
    with pikepdf.open(reading) as pdf:
        annotations = [annotation for page in pdf.pages for annotation in page.get("/Annots", [])]
        uris = [str(annotation.A.URI) for annotation in annotations if "/A" in annotation and "/URI" in annotation.A]
        internal = [annotation for annotation in annotations if "/Dest" in annotation or
                    ("/A" in annotation and annotation.A.get("/S") == "/GoTo")]
    assert not [uri for uri in uris if not uri.startswith(("http", "mailto"))], uris
    assert len(internal) >= 2  # the section of its own part, the heading of the other part
    warnings = [str(finding) for finding in report.findings]
    assert any(line.startswith("content/un.md:") and "link to 'flyer.pdf' prints its text only" in line
               for line in warnings), warnings
    assert any("link to #nowhere leads nowhere" in line for line in warnings), warnings
