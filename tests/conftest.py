"""Shared fixtures: one build of the sample project and one of the shipped zine per session."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import settings

# CI explores the same examples every run (a landing must not hang on a new random draw);
# local runs draw new ones and widen the search.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from builder.build import build
from builder.model import Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path(__file__).resolve().parent / "sample"
MM = 72 / 25.4


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fail the test if anything opens a connection or looks a host name up (DNS)."""
    import socket
    import urllib.request

    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    for owner, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection"),
                        (socket, "getaddrinfo"), (socket, "gethostbyname"), (socket, "gethostbyname_ex"),
                        (urllib.request, "urlopen")):
        monkeypatch.setattr(owner, name, refuse)
    yield calls
    assert not calls, f"network access attempted: {calls}"


def build_project(project: Path, output: Path) -> Report:
    """Build a copy of a project whose templates are the shipped ones."""
    return build(project, content=project / "content", templates=ROOT / "templates", output=output,
                 log=lambda line: None)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Report:
    project = tmp_path_factory.mktemp("sample")
    shutil.copytree(SAMPLE / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    return build(project, content=project / "content", templates=project / "templates",
                 output=project / "output", log=lambda line: None)


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory: pytest.TempPathFactory) -> Report:
    output = tmp_path_factory.mktemp("shipped")
    return build(ROOT, content=ROOT / "content", templates=ROOT / "templates", output=output,
                 log=lambda line: None)


def page_texts(path: Path, *, lines: bool = False) -> list[str]:
    """The text of each page, spaces normalised (line breaks kept as "\n" if `lines`)."""
    document = pdfium.PdfDocument(path)
    try:
        texts = [page.get_textpage().get_text_bounded() for page in document]
        if lines:
            return [re.sub(r"[ \t]*\r?\n[ \t]*", "\n", text) for text in texts]
        return [_norm(text) for text in texts]
    finally:
        document.close()


def half_texts(path: Path) -> list[tuple[str, str]]:
    """The text of the left and right halves of each side of an imposed PDF."""
    document = pdfium.PdfDocument(path)
    halves = []
    try:
        for page in document:
            width, height = page.get_size()
            text = page.get_textpage()
            halves.append((_norm(text.get_text_bounded(0, 0, width / 2, height)),
                           _norm(text.get_text_bounded(width / 2, 0, width, height))))
    finally:
        document.close()
    return halves


def _norm(text: str) -> str:
    """Collapse line breaks and ASCII spaces; keep no-break spaces, which the tests check."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path: to compare outputs before and after."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}
