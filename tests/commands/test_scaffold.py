"""`zine new`: a project ready to build, in the zine's language, that never overwrites anything."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from builder import content
from builder.commands import scaffold
from builder.content import manifest
from builder.paper import ZINE_FORMATS
from builder.project import Project

from conftest import ROOT, run, snapshot

SHIPPED_ZINE = ("Légifrance", "Prix libre", "Anti-copyright", "diffusez", "CPAM", "Écran total", "espace santé")
"""Words of the zine shipped in this repository: none may show up in a new project."""


def _written(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(("lang", "part", "title"), [("fr", "01-pour-commencer.md", "Pour commencer"),
                                                     ("en", "01-first-part.md", "To begin with")])
def test_new_writes_a_project_that_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, part: str,
                                         title: str) -> None:
    folder = tmp_path / "deeper/notre-zine"
    code, out, err = run(capsys, "new", str(folder), "--lang", lang)
    assert code == 0, err
    assert set(_written(folder)) == {".gitignore", "content/zine.toml", f"content/{part}", "content/images/.gitkeep"}
    assert f"wrote {folder}/content/zine.toml" in out and f"next: cd {folder} && zine build" in out
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "output/\n"
    data = manifest.read(folder / "content/zine.toml", "content/zine.toml").data  # every key known and typed
    assert data["title"] == "notre-zine" and data["lang"] == lang and data["parts"] == [part]
    zine = content.load(Project.at(folder))
    assert zine.meta.slug == "notre-zine" and [one.title for one in zine.parts] == [title]
    text = " ".join(_written(folder).values())
    assert not [word for word in SHIPPED_ZINE if word.lower() in text.lower()]


def test_every_manifest_key_is_written_with_a_note(tmp_path: Path) -> None:
    scaffold.new(tmp_path / "z", lang="en")
    text = (tmp_path / "z/content/zine.toml").read_text(encoding="utf-8")
    keys = {*manifest.REQUIRED, *manifest.OPTIONAL, "format"}
    lines = {key: [line for line in text.splitlines() if line.removeprefix("# ").startswith(f"{key} = ")]
             for key in keys}
    assert all(len(found) == 1 for found in lines.values()), lines
    assert all("#" in line.split(" = ", 1)[1] for key, (line,) in lines.items() if key not in ("format", "parts"))
    # Uncommented, each example is a value the manifest accepts (until the manifest reads
    # `format`, that line stays a note).
    readable = {*manifest.REQUIRED, *manifest.OPTIONAL}
    every = re.sub(r"^# ([a-z_]+ = )", lambda match: match.group(1) if match.group(1)[:-3] in readable
                   else match.group(0), text, flags=re.MULTILINE)
    (tmp_path / "z/content/zine.toml").write_text(every, encoding="utf-8")
    data = manifest.read(tmp_path / "z/content/zine.toml", "content/zine.toml").data
    assert set(data) == readable


def test_the_scaffold_speaks_the_zines_language(tmp_path: Path) -> None:
    scaffold.new(tmp_path / "fr", lang="fr")
    scaffold.new(tmp_path / "en", lang="en")
    french, english = (" ".join(_written(tmp_path / lang).values()) for lang in ("fr", "en"))
    assert "la brochure" in french and "Première édition" in french and "Pour commencer" in french
    assert not any(word in french for word in ("the zine", "First edition", "To begin with", " the ", " and "))
    assert "the zine" in english and "First edition" in english
    assert not any(word in english for word in ("brochure", "édition", "Pour commencer", " la ", " le "))


@pytest.mark.parametrize("page", ["A5", "A6", "A4", "half-letter"])
def test_the_format_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str) -> None:
    code, out, err = run(capsys, "new", str(tmp_path / "z"), "--format", page.upper())
    assert code == 0, err
    text = (tmp_path / "z/content/zine.toml").read_text(encoding="utf-8")
    assert f'\nformat = "{page}"\n' in text
    assert set(scaffold.FORMATS) == set(ZINE_FORMATS), "every format the manifest reads, and no other"
    for name in scaffold.FORMATS:
        assert f'#   "{name}"' in text


def test_a_title_of_ones_own(tmp_path: Path) -> None:
    scaffold.new(tmp_path / "z", title='Le "jardin" \\ partagé')
    data = tomllib.loads((tmp_path / "z/content/zine.toml").read_text(encoding="utf-8"))
    assert data["title"] == 'Le "jardin" \\ partagé'


def test_an_existing_content_folder_is_refused_and_nothing_written(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "z/content").mkdir(parents=True)
    (tmp_path / "z/content/mine.md").write_text("mine", encoding="utf-8")
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "new", str(tmp_path / "z"))
    assert code == 1
    assert err == f"error: {tmp_path}/z/content already exists: nothing written (zine new starts a project in a " \
                  "folder without one)\n"
    assert snapshot(tmp_path) == before and sorted(os.listdir(tmp_path / "z")) == ["content"]


def test_a_file_is_no_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "z").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "new", str(tmp_path / "z"))
    assert code == 1 and "is a file, not a folder: nothing written" in err


def test_an_existing_gitignore_is_kept(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.bak", encoding="utf-8")
    scaffold.new(tmp_path)
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.bak\noutput/\n"
    (tmp_path / "again").mkdir()
    (tmp_path / "again/.gitignore").write_text("/output/\n", encoding="utf-8")
    scaffold.new(tmp_path / "again")
    assert (tmp_path / "again/.gitignore").read_text(encoding="utf-8") == "/output/\n"


def test_unknown_options_exit_2(tmp_path: Path) -> None:
    from builder.cli import main

    for argv in (["new", str(tmp_path), "--format", "A3"], ["new", str(tmp_path), "--lang", "de"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert not list(tmp_path.iterdir())


def test_zine_new_never_loads_the_renderer(tmp_path: Path) -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys; from builder.cli import main; main(['new', 'z']); "
                               "print(sorted({m.split('.')[0] for m in sys.modules} & {'weasyprint', 'jinja2', "
                               "'pypdf', 'pypdfium2'}))"],
        cwd=tmp_path, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert loaded.stdout.splitlines()[-1] == "[]"


def test_the_price_example_is_in_the_zines_language(tmp_path: Path) -> None:
    scaffold.new(tmp_path / "en", lang="en")
    scaffold.new(tmp_path / "fr", lang="fr")
    price = {lang: [line for line in (tmp_path / lang / "content/zine.toml").read_text(encoding="utf-8").splitlines()
                    if line.startswith("# price = ")] for lang in ("en", "fr")}
    assert price["en"][0].startswith('# price = "Pay what you can"') and "€" not in price["en"][0]
    assert price["fr"][0].startswith('# price = "2 €"')


@pytest.mark.parametrize("lang", ["ar", "fa", "he"])
def test_a_right_to_left_language_starts_with_english_notes_and_says_so(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str],
                                                                        lang: str) -> None:
    folder = tmp_path / "z"
    code, out, err = run(capsys, "new", str(folder), "--lang", lang)
    assert code == 0, err
    assert (f"the words the tool prints in the zine (contents, print page, contact sheet) will be English too: "
            f"there are none in '{lang}' yet") in out
    text = (folder / "content/zine.toml").read_text(encoding="utf-8")
    assert f'lang = "{lang}"' in text and "First edition" in text and "Première" not in text
    zine = content.load(Project.at(folder))
    assert (zine.meta.direction, zine.meta.words.contents, [part.title for part in zine.parts]) == (
        "rtl", "Contents", ["To begin with"])


@pytest.mark.parametrize("linked", ["outside", "inside"])
def test_a_symlinked_gitignore_is_left_alone_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      linked: str) -> None:
    """Issue 25, item 3: `zine new` appended `output/` to the file a `.gitignore` link names."""
    folder = tmp_path / "q"
    folder.mkdir()
    target = tmp_path / "secret.txt" if linked == "outside" else folder / "ignored.txt"
    target.write_bytes(b"canary\n")
    (folder / ".gitignore").symlink_to(target)
    code, out, err = run(capsys, "new", str(folder))
    assert code == 0, err
    assert target.read_bytes() == b"canary\n" and (folder / ".gitignore").is_symlink()
    assert f"{folder}/.gitignore is a symbolic link: left alone" in err and "output/" in err
    assert f"wrote {folder}/.gitignore" not in out and (folder / "content/zine.toml").is_file()


def test_a_gitignore_that_is_a_folder_or_a_fifo_is_left_alone(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a/.gitignore").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    os.mkfifo(tmp_path / "b/.gitignore")
    for name in ("a", "b"):
        code, _, err = run(capsys, "new", str(tmp_path / name))
        assert code == 0 and "is not a regular file: left alone" in err, err


@pytest.mark.parametrize(("written", "expected"), [
    (b"caf\xe9.bak\n", b"caf\xe9.bak\noutput/\n"),  # Latin-1
    (b"\xef\xbb\xbf*.bak\r\n", b"\xef\xbb\xbf*.bak\r\noutput/\r\n"),  # UTF-8 with a BOM and CRLF
    (b"*.bak\r\nbuild/", b"*.bak\r\nbuild/\r\noutput/\r\n"),  # CRLF, no line end at the end
    ("\ufeff*.bak\r\n".encode("utf-16-le"), "\ufeff*.bak\r\noutput/\r\n".encode("utf-16-le")),
    ("\ufeff*.bak\n".encode("utf-16-be"), "\ufeff*.bak\noutput/\n".encode("utf-16-be")),
    ("\ufeffoutput/\n".encode("utf-16-le"), "\ufeffoutput/\n".encode("utf-16-le")),  # already there
    (b"caf\xe9\r\n/output/\r\n", b"caf\xe9\r\n/output/\r\n"),
])
def test_a_gitignore_in_any_encoding_gets_output_in_its_own(tmp_path: Path, written: bytes, expected: bytes) -> None:
    (tmp_path / ".gitignore").write_bytes(written)
    scaffold.new(tmp_path)
    assert (tmp_path / ".gitignore").read_bytes() == expected


def test_a_failed_new_leaves_nothing_and_a_second_try_works(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails after content/ is in place (the .gitignore's: a full disk) takes it back,
    and the folders `zine new` made: the second try is a first one."""
    from builder.commands import gitignore

    def full(path: Path, added: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gitignore, "append", full)
    (tmp_path / "kept").mkdir()
    code, _, err = run(capsys, "new", str(tmp_path / "kept"))
    assert code == 1 and "No space left on device" in err, err
    code, _, err = run(capsys, "new", str(tmp_path / "made/deeper"))
    assert code == 1
    assert sorted(os.listdir(tmp_path)) == ["kept"] and not list((tmp_path / "kept").iterdir())
    monkeypatch.undo()
    code, _, err = run(capsys, "new", str(tmp_path / "kept"))
    assert code == 0 and (tmp_path / "kept/content/zine.toml").is_file(), err
