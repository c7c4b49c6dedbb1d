"""What real editors save (issue 15): a UTF-8 byte-order mark, CRLF or CR line ends, UTF-16.

Every text file the project reads is accepted with a mark and any line ends, and reads exactly as
the same file saved plainly; a UTF-16 file is refused with its name and "save as UTF-8".
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from builder import content
from builder.errors import BuildError
from builder.files import utf8
from builder.project import Project
from builder.render import templating
from builder.render.documents import documents
from builder.render.sandbox import SandboxFetcher

from conftest import ROOT, SAMPLE

EDITORS: dict[str, Callable[[str], bytes]] = {
    "notepad (BOM, CRLF)": lambda text: utf8.BOM + text.replace("\n", "\r\n").encode("utf-8"),
    "old mac (CR)": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "BOM only": lambda text: utf8.BOM + text.encode("utf-8"),
}
FILES = ("content/zine.toml", "content/un.md", "templates/part.html", "templates/zine.html")


def _project(folder: Path) -> Project:
    shutil.copytree(SAMPLE / "content", folder / "content")
    shutil.copytree(ROOT / "templates", folder / "templates")
    return Project.at(folder)


def _html(project: Project) -> tuple[str, ...]:
    zine = content.load(project)
    return tuple(document.html for document in documents(templating.environment(project), zine, fillable=False).values())


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ...]:
    return _html(_project(tmp_path_factory.mktemp("plain")))


@pytest.mark.parametrize("editor", EDITORS)
@pytest.mark.parametrize("name", FILES)
def test_saved_by_any_editor_it_reads_the_same(tmp_path: Path, plain: tuple[str, ...], name: str, editor: str) -> None:
    project = _project(tmp_path)
    path = tmp_path / name
    path.write_bytes(EDITORS[editor](path.read_text(encoding="utf-8")))
    assert _html(project) == plain


@pytest.mark.parametrize("name", FILES)
def test_utf16_is_named_with_its_file(tmp_path: Path, name: str) -> None:
    project = _project(tmp_path)
    path = tmp_path / name
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(BuildError) as raised:
        _html(project)
    assert raised.value.where == name and "save the file as UTF-8" in raised.value.message


@pytest.mark.parametrize("editor", EDITORS)
def test_a_stylesheet_is_served_as_plain_utf8(tmp_path: Path, editor: str) -> None:
    (tmp_path / "templates").mkdir()
    css = "@import url(shared.css);\np { margin: 0 }\n"
    (tmp_path / "templates/a.css").write_bytes(EDITORS[editor](css))
    fetcher = SandboxFetcher((tmp_path / "templates",), tmp_path)
    assert fetcher.fetch((tmp_path / "templates/a.css").as_uri()).read() == css.encode("utf-8")


def test_a_bad_byte_is_on_the_right_line_whatever_the_line_ends() -> None:
    for end in (b"\n", b"\r\n", b"\r"):
        with pytest.raises(BuildError) as raised:
            utf8.decode(utf8.BOM + b"one" + end + b"two" + end + b"thr\xe9e", "content/x.md")
        assert raised.value.line == 3
