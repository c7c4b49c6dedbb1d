"""Editing from the desk without a browser: which files may be written, the atomic save refused
when the file changed on disk, a dropped photo's safe name, and the page's words (issue 23)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from builder.desk import editing, photos, words
from builder.desk.events import Board, stream
from builder.desk.snapshot import Snapshot, after, errors
from builder.errors import BuildError, BuildErrors
from builder.project import Project
from PIL import Image

MANIFEST = ('title = "T"\nlang = "fr"\ndate = 2026-01-01\nedition = "1"\n'
            'parts = ["un.md", "../dehors.md", "/etc/x.md", "un.md", "sous/deux.md"]\nback_cover = "dos.md"\n')


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "sous").mkdir(parents=True)
    (folder / "zine.toml").write_text(MANIFEST, encoding="utf-8")
    for name in ("un.md", "sous/deux.md", "dos.md", "autre.md"):
        (folder / name).write_text(f"Texte de {name}\n", encoding="utf-8")
    (tmp_path / "dehors.md").write_text("outside", encoding="utf-8")
    return folder


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def png(colour: str = "red") -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(data, format="PNG")
    return data.getvalue()


def test_only_the_manifest_and_the_files_it_lists_are_editable(content: Path) -> None:
    assert editing.editable(content) == ["zine.toml", "un.md", "sous/deux.md", "dos.md"]
    for name in ("autre.md", "../dehors.md", "/etc/x.md", "zine.toml/..", ""):
        with pytest.raises(editing.Refused) as refused:
            editing.path(content, name)
        assert refused.value.status == 404, name


def test_a_link_out_of_content_is_not_editable(content: Path) -> None:
    (content / "un.md").unlink()
    (content / "un.md").symlink_to(content.parent / "dehors.md")
    with pytest.raises(editing.Refused):
        editing.read(content, "un.md")


def test_a_broken_manifest_leaves_only_itself_editable(content: Path) -> None:
    (content / "zine.toml").write_text('title = "T\n', encoding="utf-8")
    assert editing.editable(content) == ["zine.toml"]
    assert editing.read(content, "zine.toml")[0] == 'title = "T\n', "the manifest can be mended from the page"


def test_a_save_is_atomic_and_refused_when_the_file_changed_on_disk(content: Path) -> None:
    text, opened = editing.read(content, "un.md")
    assert opened == sha(content / "un.md")
    new = editing.save(content, "un.md", text + "Ajouté\n", opened)
    assert (content / "un.md").read_text(encoding="utf-8") == "Texte de un.md\nAjouté\n"
    assert new == sha(content / "un.md")
    (content / "un.md").write_text("changed in another editor\n", encoding="utf-8")
    with pytest.raises(editing.Refused) as refused:
        editing.save(content, "un.md", "the page's text", new)
    assert refused.value.status == 409
    assert (content / "un.md").read_text(encoding="utf-8") == "changed in another editor\n"
    assert sorted(path.name for path in content.iterdir()) == ["autre.md", "dos.md", "sous", "un.md", "zine.toml"]


def test_a_photo_gets_a_safe_new_name_and_its_markdown(content: Path) -> None:
    first = photos.add(content, "Ma Photo d'été (1).PNG", png())
    assert first == "![ma photo d ete 1](images/ma-photo-d-ete-1.png)"
    assert photos.add(content, "ma photo d'été 1.png", png("blue")) == "![ma photo d ete 1](images/ma-photo-d-ete-1-2.png)"
    assert photos.add(content, "../../etc/passwd.png", png()) == "![passwd](images/passwd.png)"
    assert photos.add(content, "", png()) == "![photo](images/photo.png)"
    assert (content / "images/ma-photo-d-ete-1.png").read_bytes() == png(), "not overwritten"
    assert sorted(path.name for path in (content / "images").iterdir()) == [
        "ma-photo-d-ete-1-2.png", "ma-photo-d-ete-1.png", "passwd.png", "photo.png"]


def test_what_is_no_photo_is_refused_and_nothing_written(content: Path) -> None:
    for data in (b"<svg onload=alert(1)>", b"%PDF-1.7", png()[:40]):
        with pytest.raises(editing.Refused) as refused:
            photos.add(content, "x.png", data)
        assert refused.value.status == 415
    with pytest.raises(editing.Refused) as refused:
        photos.add(content, "big.png", b"\0" * (photos.MAX_PHOTO + 1))
    assert refused.value.status == 413
    assert not (content / "images").exists() or not list((content / "images").iterdir())


def test_errors_keep_their_file_and_line() -> None:
    found = errors(BuildErrors([BuildError("content/zine.toml", "invalid TOML", 7), BuildError(None, "no place")]))
    assert found == [{"place": "content/zine.toml:7", "message": "invalid TOML"}, {"place": "", "message": "no place"}]


def test_a_first_build_that_fails_shows_its_errors_in_the_zines_language(content: Path) -> None:
    failed = after(Snapshot(), BuildError("content/zine.toml", "invalid TOML", 3), 0.5, Project.at(content.parent),
                   editing.editable(content))
    assert (failed.number, failed.state["build"], failed.state["ok"]) == (1, 1, False)
    assert failed.state["errors"] == [{"place": "content/zine.toml:3", "message": "invalid TOML"}]
    assert failed.state["words"]["errors"].startswith("La dernière construction a échoué")
    assert not failed.images and not failed.files
    again = failed.building()
    assert (again.number, again.state["build"], again.state["building"]) == (2, 1, True)


def test_the_page_words_follow_the_language() -> None:
    assert words.of("fr-CA")["booklet"] == "Feuilles du livret"
    assert words.of("it") == words.of("en")
    assert words.of("en")["booklet"] == "Booklet sheets"


def test_a_stream_sends_each_new_build() -> None:
    board, sent = Board(), []

    def write(data: bytes) -> None:
        sent.append(data)
        if len(sent) == 1:
            board.publish(Snapshot(1))
        elif len(sent) == 2:
            board.close()

    stream(board, write)
    assert sent == [b"retry: 1000\nevent: build\ndata: 0\n\n", b"event: build\ndata: 1\n\n"]


def test_a_save_keeps_the_files_permissions(content: Path) -> None:
    """The temporary file mkstemp makes is its owner's only: the saved part must not become so."""
    (content / "un.md").chmod(0o664)
    text, opened = editing.read(content, "un.md")
    editing.save(content, "un.md", text + "Ajouté\n", opened)
    assert (content / "un.md").stat().st_mode & 0o777 == 0o664


def test_a_phones_jpeg_with_two_pictures_and_a_bmp_are_taken_as_the_build_reads_them(content: Path) -> None:
    """Every format the build prints is taken (pictures.formats.READ): a phone's MPO was refused."""
    mpo, bmp = io.BytesIO(), io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(mpo, format="MPO", save_all=True,
                                           append_images=[Image.new("RGB", (40, 30), "blue")])
    Image.new("RGB", (40, 30), "red").save(bmp, format="BMP")
    assert photos.add(content, "IMG_0042.JPG", mpo.getvalue()) == "![img 0042](images/img-0042.jpg)"
    assert photos.add(content, "scan.bmp", bmp.getvalue()) == "![scan](images/scan.bmp)"
