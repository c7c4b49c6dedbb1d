"""The command line: bad input gives one clear line naming the file, exit 1, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.cli import main
from conftest import ROOT, SAMPLE


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample project, made the current directory (as `make zine` runs)."""
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_prints_a_summary(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "build")
    assert code == 0, err
    assert "wrote output/zine-d-essai-reading.pdf: 10 pages of 148 × 210 mm" in out
    assert "wrote output/zine-d-essai-booklet.pdf: 6 sides of 297 × 210 mm" in out
    assert "3 sheets of paper per copy" in out
    assert "2 blank pages added before the back cover (booklet pages 10, 11)" in out
    assert err.count("\n") == 4  # one progress line per stage
    assert sorted(p.name for p in (project / "output").iterdir()) == [
        "zine-d-essai-booklet.pdf", "zine-d-essai-reading.pdf"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


ERRORS = [
    # (what to break, the expected message)
    (lambda p: _edit(p / "content/zine.toml", 'lang = "fr"', 'lang = "fr'),
     "content/zine.toml:5: invalid TOML"),
    (lambda p: (p / "content/zine.toml").unlink(),
     "content: no zine.toml here"),
    (lambda p: _edit(p / "content/zine.toml", '"cinq.md"]', '"six.md"]'),
     "content/zine.toml: part 'six.md' not found in content/"),
    (lambda p: _edit(p / "content/zine.toml", '"cinq.md"]', '"../../etc/passwd.md"]'),
     "content/zine.toml: part '../../etc/passwd.md' is outside the content folder (refused)"),
    (lambda p: _edit(p / "content/zine.toml", "edition =", "editon ="),
     "content/zine.toml: missing 'edition'"),
    (lambda p: _edit(p / "content/zine.toml", "date = 2026-01-15", 'date = "hier"'),
     "content/zine.toml: 'date' must be a date like 2026-11-28"),
    (lambda p: _edit(p / "content/trois.md", "title: Partie trois", "title Partie trois"),
     "content/trois.md:2: front matter: expected 'key: value'"),
    (lambda p: _edit(p / "content/trois.md", "kind: text", "kind: poem"),
     "content/trois.md: front matter: unknown kind 'poem'"),
    (lambda p: _edit(p / "content/trois.md", "kind: text", "colour: red"),
     "content/trois.md: front matter: unknown key 'colour'"),
    (lambda p: (p / "content/deux.md").write_bytes(b"---\ntitle: x\n---\n\nbonjour\n\xe9t\xe9\n"),
     "content/deux.md:6: not valid UTF-8"),
    (lambda p: _edit(p / "content/un.md", "Paragraphe 1", "![logo](https://exemple.org/logo.png)\n\nParagraphe 1"),
     "content/un.md:6: image 'https://exemple.org/logo.png' is not a local file"),
    (lambda p: _edit(p / "content/un.md", "Paragraphe 1", "![logo](images/absent.png)\n\nParagraphe 1"),
     "content/un.md:6: image 'images/absent.png' not found"),
    (lambda p: _edit(p / "templates/part.html", "{{ part.title }}", "{{ part.title "),
     "templates/part.html:4: template error"),
    (lambda p: _edit(p / "templates/part.html", "{{ part.title }}", "{{ part.titel }}"),
     "templates/part.html:4: template error: 'builder.model.Part object' has no attribute 'titel'"),
    (lambda p: _edit(p / "templates/zine.css", "body { margin: 0; }", "body { background: url(https://exemple.org/x.png); }"),
     "reading document: https://exemple.org/x.png: refused, the build never uses the network"),
]


@pytest.mark.parametrize(("breakage", "message"), ERRORS, ids=[m.split(":")[0] + "-" + str(i) for i, (_, m) in enumerate(ERRORS)])
def test_errors_name_the_file_and_keep_outputs(project: Path, capsys: pytest.CaptureFixture[str],
                                               breakage, message: str) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "build")[0] == 0
    before = {p.name: p.read_bytes() for p in (project / "output").iterdir()}
    content_before = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    breakage(project)
    content_broken = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    code, out, err = run(capsys, "build")
    assert code == 1
    assert message in err, err
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in (project / "output").iterdir()} == before
    assert {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == content_broken
    assert content_before  # the content folder was read, never written


def test_debug_shows_a_traceback(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/zine.toml").unlink()
    code, out, err = run(capsys, "--debug", "build")
    assert code == 1
    assert "Traceback" in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--colour", "red"])
    assert exit_info.value.code == 2


def test_python_m_builder(project: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "builder", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("zine ")
