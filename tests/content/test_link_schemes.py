"""Links of the reading PDF are http, https, mailto or in the document only (issue 25, item 6):
a Markdown link of any other scheme prints its text, with a warning naming its part and line;
raw HTML's `<a href>` to one is refused by file and line (issue 20). Read back from /Annots."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder.model import Report
from pypdf import PdfReader

from conftest import SAMPLE, build_in, copy_project, run

UNLINKED = {
    "javascript": "javascript:alert(1)",
    "javascript-upper": "JavaScript:alert(2)",
    "vbscript": "vbscript:msgbox(3)",
    "data": "data:text/plain,four",
    "file": "file:///etc/hostname",
    "ftp": "ftp://ftp.example.org/zine.pdf",
    "tel": "tel:+33123456789",
    "sms": "sms:+33123456789",
    "other": "irc://irc.example.org/zine",
}
"""A name (its link's words) → an address that makes no link."""
LINKED = {"https": "https://example.org/ok", "http": "http://example.org/ok", "mailto": "mailto:zine@example.org"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report, int]:
    project = copy_project(SAMPLE, tmp_path_factory.mktemp("schemes"))
    part = project / "content/un.md"
    first = part.read_text(encoding="utf-8").count("\n") + 3
    lines = [f"Link {name}: [words-{name}]({address})." for name, address in {**UNLINKED, **LINKED}.items()]
    lines.append("An autolink: <javascript:alert(5)>.")
    with part.open("a", encoding="utf-8") as file:
        file.write("\n\n" + "\n\n".join(lines) + "\n")
    return project, build_in(project), first


def _annotations(project: Path) -> list[str]:
    """The address of every link annotation of the reading PDF: its URI, or "#" for one in the document."""
    reader = PdfReader(next((project / "output").glob("*-reading.pdf")))
    found = []
    for page in reader.pages:
        for annotation in (reference.get_object() for reference in page.get("/Annots", [])):
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A", {})
            found.append(str(action["/URI"]) if "/URI" in action else "#")
    return found


def test_only_http_https_and_mailto_become_links(built: tuple[Path, Report, int]) -> None:
    project, _, _ = built
    uris = _annotations(project)
    for address in LINKED.values():
        assert address in uris, uris
    assert all(uri == "#" or uri.startswith(("https://", "http://", "mailto:")) for uri in uris), uris


@pytest.mark.parametrize("name", list(UNLINKED))
def test_another_scheme_prints_its_text_with_a_warning(built: tuple[Path, Report, int], name: str) -> None:
    project, report, first = built
    line = first + 2 * list(UNLINKED).index(name)
    warnings = [str(finding) for finding in report.findings]
    assert any(text.startswith(f"content/un.md:{line}: ") and f"link to '{UNLINKED[name]}' prints its text only"
               in text for text in warnings), warnings
    assert not any(UNLINKED[name].split(":")[0] in uri.lower() for uri in _annotations(project))
    reader = PdfReader(next((project / "output").glob("*-reading.pdf")))
    text = "".join(page.extract_text() for page in reader.pages)
    assert f"words-{name}" in text.replace("\u2011", "-").replace("\n", "")


def test_the_phone_number_advice(built: tuple[Path, Report, int]) -> None:
    _, report, _ = built
    assert any("not tel:; write the number in the text to print it" in str(finding) for finding in report.findings)


@pytest.mark.parametrize("address", ["javascript:alert(1)", "vbscript:x", "data:text/html,x", "tel:+331"])
def test_raw_html_to_another_scheme_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], address: str) -> None:
    project = copy_project(SAMPLE, tmp_path / "zine")
    with (project / "content/un.md").open("a", encoding="utf-8") as file:
        file.write(f'\n\nA <a href="{address}">raw link</a>.\n')
    line = (project / "content/un.md").read_text(encoding="utf-8").count("\n")
    monkeypatch.chdir(project)
    code, _, err = run(capsys, "build")
    assert code == 1
    assert f'content/un.md:{line}: <a href="{address}"> is refused' in err, err
