"""A command that takes a project, run in the wrong folder, says where to run it, never an
option the user did not type, and shows no path of the machine (issue 21, item 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, run, snapshot

COMMANDS = {
    "build": ("build",),
    "watch": ("watch",),
    "letter": ("letter", "attestation", "--fill", "valeurs.toml", "-o", "lettre.pdf"),
}
"""Every command that reads a project (builder/commands/), with the arguments it needs."""


@pytest.fixture
def zine(tmp_path: Path) -> Path:
    """A zine project (the sample's content) in tmp_path/zine, with a folder of pictures."""
    shutil.copytree(SAMPLE / "content", tmp_path / "zine/content")
    (tmp_path / "zine/content/images/2026").mkdir(parents=True)
    return tmp_path / "zine"


def _refused(folder: Path, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
             *options: str) -> str:
    """`zine <command>` run in `folder`: its one error line; it exits 1 and writes nothing anywhere."""
    monkeypatch.chdir(folder)
    before = snapshot(folder.parent)
    code, out, err = run(capsys, *COMMANDS[command], *options)
    assert (code, out) == (1, ""), err
    assert snapshot(folder.parent) == before
    assert options or not (folder / "output").exists(), "refused before any folder is made"
    assert str(folder.parent) not in err, "project paths only"
    [line] = err.splitlines()
    return line


@pytest.mark.parametrize("command", COMMANDS)
def test_outside_a_zine_says_there_is_none(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ailleurs").mkdir()
    assert _refused(tmp_path / "ailleurs", command, capsys, monkeypatch) == (
        f"error: no zine here (no content/zine.toml): run zine {command} in the folder zine new made")


@pytest.mark.parametrize("command", COMMANDS)
def test_in_the_content_folder_says_cd_up(zine: Path, command: str, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert _refused(zine / "content", command, capsys, monkeypatch) == (
        f"error: you are in the content folder: cd .. and run zine {command} again")


def test_deeper_in_the_zine_says_how_far_up(zine: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert _refused(zine / "content/images/2026", "build", capsys, monkeypatch) == (
        "error: you are in content/images/2026/, inside the zine: cd ../../.. and run zine build again")


def test_an_explicit_content_folder_still_names_the_option(zine: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert _refused(zine, "build", capsys, monkeypatch, "--content", "nulle-part") == (
        "error: --content nulle-part: no such folder")
