"""Personal data stays out of git (issue 15): `zine letter` warns when git could commit what it
writes or reads; the repository ignores the README's names; nothing is said where git is absent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from builder.letters import exposure

from conftest import ROOT, run

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _repository(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


@needs_git
def test_a_file_git_would_commit_is_exposed(tmp_path: Path) -> None:
    repository = _repository(tmp_path / "repo")
    (repository / ".gitignore").write_text("ignored.pdf\n", encoding="utf-8")
    assert exposure.exposed(repository / "lettre.pdf")  # written or not yet: git would take it
    assert not exposure.exposed(repository / "ignored.pdf")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    assert not exposure.exposed(outside / "lettre.pdf")


def test_silent_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert exposure.warnings({"the filled letter": tmp_path / "lettre.pdf"}) == []


@needs_git
@pytest.mark.parametrize("name", ["mes-valeurs.toml", "valeurs.toml", "values.toml", "lettre.pdf", "letter.pdf",
                                  "lettre-opposition.pdf"])
def test_the_repository_ignores_the_readmes_names(name: str) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git clone")
    assert not exposure.exposed(ROOT / name)


@needs_git
def test_zine_letter_warns_when_git_could_commit_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    project = _repository(tmp_path / "project")
    (project / "content").mkdir()
    (project / "content/zine.toml").write_text(
        'title = "T"\nlang = "fr"\ndate = 2026-11-28\nedition = "E"\nparts = ["demande.md"]\n', encoding="utf-8")
    (project / "content/demande.md").write_text("---\ntitle: Demande\nkind: letter\n---\n\n[[nom]]\n\n"
                                                "> Mairie\n\nBonjour.\n\n> [[signature]]\n", encoding="utf-8")
    (project / ".gitignore").write_text("ignored.toml\n", encoding="utf-8")
    (project / "ignored.toml").write_text('nom = "Jeanne Secrète"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, err = run(capsys, "letter", "demande", "--fill", "ignored.toml", "-o", "lettre.pdf",
                         "--templates", str(ROOT / "templates"))
    assert code == 0, err
    assert "lettre.pdf (the filled letter) is in a git work tree and not ignored" in err
    assert "ignored.toml" not in err, "an ignored values file is no warning"
    assert "Secrète" not in out + err, "never a value"
