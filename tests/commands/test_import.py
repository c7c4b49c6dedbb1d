"""`zine import` (issue 23, item 2): each format it reads, names it never writes over, errors that
name the file and leave content/ as it was, the source never changed. The real documents built
end to end are tests/pipeline/test_import_documents.py's."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from builder.importing import dropped, listing, pandoc, place, tables
from builder.importing.tree import carry
from PIL import Image
from tests.conftest import DATA, run, snapshot

DOCUMENTS = DATA / "import"


@pytest.fixture
def zine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project `zine new` made, in English."""
    assert run(capsys, "new", str(tmp_path / "zine"), "--lang", "en")[0] == 0
    return tmp_path / "zine"


def _import(capsys: pytest.CaptureFixture[str], source: Path, zine: Path, *more: str) -> tuple[int, str, str]:
    return run(capsys, "import", str(source), str(zine), *more)


def _part(zine: Path, name: str) -> str:
    return (zine / "content" / name).read_text(encoding="utf-8")


def _parts(zine: Path) -> list[str]:
    return list(tomllib.loads((zine / "content/zine.toml").read_text(encoding="utf-8"))["parts"])


def test_markdown_keeps_its_title_notes_table_emphasis_links_and_pictures(zine: Path, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    Image.new("RGB", (40, 30), "white").save(tmp_path / "Mon Plan.png")
    source = tmp_path / "Compte rendu.md"
    source.write_text("# Réunion du 3 mars\n\nOn a *parlé* de [la salle](https://example.org/salle).[^1]\n\n"
                      "![Le plan](Mon%20Plan.png)\n\n| Qui | Quoi |\n|---|---|\n| Ana | café |\n\n"
                      "- un\n- deux\n\n[^1]: Une note.\n", encoding="utf-8")
    code, out, err = _import(capsys, source, zine)
    assert code == 0, err
    text = _part(zine, "compte-rendu.md")
    assert text.startswith('---\ntitle: "Réunion du 3 mars"\n---\n')
    assert "# Réunion" not in text  # the title is the part's, not a heading too
    for kept in ("*parlé*", "[la salle](https://example.org/salle)", "[^1]: Une note.", "| Ana | café |", "- deux",
                 "![Le plan](images/compte-rendu-mon-plan.png)"):
        assert kept in text
    assert (zine / "content/images/compte-rendu-mon-plan.png").read_bytes() == (tmp_path / "Mon Plan.png").read_bytes()
    assert _parts(zine)[-1] == "compte-rendu.md"
    assert "wrote content/compte-rendu.md (title: Réunion du 3 mars)" in out
    assert "1 picture, 1 note, 1 table" in out and str(tmp_path) not in out + err


def test_a_part_of_another_zine_keeps_its_title(zine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "autre.md"
    source.write_text("---\ntitle: Pourquoi : non\nkind: article\nnote: Paru en 2024\n---\n\nLe texte.\n",
                      encoding="utf-8")
    code, out, _ = _import(capsys, source, zine)
    assert code == 0
    assert _part(zine, "autre.md") == '---\ntitle: "Pourquoi : non"\n---\n\nLe texte.\n'
    # The fields it does not keep are said, not dropped in silence.
    assert "not carried: 2 front matter fields (only its title is kept" in out


def test_text_stays_text(zine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "notes_de_lecture.txt"
    source.write_text("# pas un titre\n\n    *pas en italique* et 1. pas une liste\n<b>pas du HTML</b>\n",
                      encoding="utf-8")
    assert _import(capsys, source, zine)[0] == 0
    text = _part(zine, "notes-de-lecture.md")
    assert 'title: "notes de lecture"' in text
    body = text.split("---\n", 2)[2]
    assert "\\# pas un titre" in body and "\\*pas en italique\\*" in body and "\\<b\\>" in body
    assert "    " not in body  # four spaces would make code


def test_html_tables_with_spans_become_pipe_tables(zine: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "page.html"
    source.write_text("<html><head><title>La page</title></head><body><h1>La page</h1><p><strong>Gras</strong> et "
                      "<a href='https://example.org'>lien</a>, XIX<sup>e</sup>, H<sub>2</sub>O, x<sup>a b</sup>.</p><table><tr><th colspan='2'>Deux colonnes</th></tr>"
                      "<tr><td rowspan='2'>haut</td><td><p>un</p><p>deux</p></td></tr><tr><td>bas</td></tr></table>"
                      "<img src='https://example.org/x.png' alt='loin'></body></html>", encoding="utf-8")
    code, out, _ = _import(capsys, source, zine)
    assert code == 0
    text = _part(zine, "page.md")
    assert 'title: "La page"' in text and "**Gras**" in text and "[lien](https://example.org)" in text
    assert "XIX^e^, H~2~O, x^a\\ b^." in text  # what the project reads (pandoc's writer: XIX^(e))
    assert "| Deux colonnes |" in text and "| haut" in text and "un deux" in text and "| bas" in text
    assert "[TABLE]" not in text and "<" not in text.split("---\n", 2)[2]
    assert "1 table flattened" in out and "1 picture on the web" in out


def test_html_pictures_written_in_the_page_are_kept_and_files_elsewhere_are_not(zine: Path, tmp_path: Path,
                                                                                capsys: pytest.CaptureFixture[str]) -> None:
    png = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(png, "PNG")
    Image.new("RGB", (4, 4), "blue").save(tmp_path / "private.png")
    (tmp_path / "page").mkdir()
    source = tmp_path / "page/page.html"
    source.write_text(f'<p>A <img src="data:image/png;base64,{base64.b64encode(png.getvalue()).decode()}" alt="red">'
                      '</p><p><img src="../private.png" alt="up"> <img src="/etc/x.png" alt="root"></p>', encoding="utf-8")
    code, out, _ = _import(capsys, source, zine)
    assert code == 0 and "carried: 1 picture" in out and "2 pictures outside its folder (not beside" in out
    assert "A ![red](images/page-embedded-1.png)" in _part(zine, "page.md")
    assert (zine / "content/images/page-embedded-1.png").read_bytes() == png.getvalue()
    assert sorted(path.name for path in (zine / "content/images").iterdir()) == [".gitkeep", "page-embedded-1.png"]


def test_rtf_keeps_its_words_and_notes(zine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "lettre.rtf"
    source.write_bytes(rb"{\rtf1\ansi{\b Bonjour} tout le monde.{\super\chftn}{\footnote\pard\plain{\super\chftn} "
                       rb"Une note.}\par Fin.\par}")
    assert _import(capsys, source, zine)[0] == 0
    text = _part(zine, "lettre.md")
    assert "**Bonjour** tout le monde" in text and "Une note." in text and "Fin." in text


ODT = {"mimetype": "application/vnd.oasis.opendocument.text",
       "styles.xml": '<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
                     "<office:styles/></office:document-styles>",
       "content.xml": '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:body><office:text>'
                      '<text:p>Before the box.<draw:frame draw:name="F1"><draw:text-box><text:p>Boxed words.</text:p>'
                      '<text:h text:outline-level="2">Boxed heading</text:h></draw:text-box></draw:frame> And after.'
                      '</text:p><text:p>Page <text:page-number>3</text:page-number> of <text:page-count>9'
                      '</text:page-count>.</text:p></office:text></office:body></office:document-content>'}
"""An .odt as LibreOffice writes a text box and two fields (OpenDocument 1.3 part 3, §10.4.3, §7.3)."""


def test_an_odt_s_text_boxes_and_fields_keep_their_words(zine: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile(tmp_path / "boxes.odt", "w") as odt:
        for name, text in ODT.items():
            odt.writestr(name, text)
    code, out, _ = _import(capsys, tmp_path / "boxes.odt", zine)
    assert code == 0 and "not carried: 2 fields" in out
    body = _part(zine, "boxes.md").split("---\n", 2)[2]
    assert body == "\nBefore the box. And after.\n\nBoxed words.\n\n## Boxed heading\n\nPage 3 of 9.\n"


def test_an_epub_keeps_its_chapters_and_pictures(zine: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    Image.new("RGB", (40, 30), "white").save(tmp_path / "plan.png")
    (tmp_path / "livre.md").write_text("# Premier chapitre\n\nDu texte.[^1]\n\n![Un plan](plan.png)\n\n"
                                       "# Second chapitre\n\nLa fin.\n\n[^1]: Une note.\n", encoding="utf-8")
    subprocess.run([pandoc.binary(), "livre.md", "-o", "livre.epub", "--metadata", "title=Le livre"], cwd=tmp_path,
                   check=True)
    code, out, _ = _import(capsys, tmp_path / "livre.epub", zine, "--name", "livre.md")
    assert code == 0 and "1 picture, 1 note" in out
    text = _part(zine, "livre.md")
    assert 'title: "Le livre"' in text and "Premier chapitre" in text and "La fin." in text and "Une note." in text
    pictures = [path.name for path in (zine / "content/images").glob("livre-*.png")]  # named by the EPUB's writer
    assert len(pictures) == 1 and f"![Un plan](images/{pictures[0]})" in text


def test_a_taken_name_is_refused_and_nothing_changes(zine: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(capsys, DOCUMENTS / "inline_images.docx", zine)[0] == 0
    before = snapshot(zine)
    code, out, err = _import(capsys, DOCUMENTS / "inline_images.docx", zine)
    assert code == 1 and "content/inline-images.md already exists" in err and "--name" in err
    assert snapshot(zine) == before
    manifest = zine / "content/zine.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + '# "commented.md" is not listed\n', encoding="utf-8")
    assert _import(capsys, DOCUMENTS / "inline_images.docx", zine, "--name", "commented")[0] == 0
    (zine / "content/unlisted.md").write_text("mine", encoding="utf-8")
    code, _, err = _import(capsys, DOCUMENTS / "inline_images.docx", zine, "--name", "unlisted")
    assert code == 1 and "content/unlisted.md already exists" in err
    assert (zine / "content/unlisted.md").read_text(encoding="utf-8") == "mine"
    assert _import(capsys, DOCUMENTS / "inline_images.docx", zine, "--name", "Encore")[0] == 0
    assert _parts(zine)[-3:] == ["inline-images.md", "commented.md", "encore.md"]
    code, _, err = _import(capsys, DOCUMENTS / "notes.docx", zine, "--name", "été")
    assert code == 0 and _parts(zine)[-1] == "ete.md"
    russian = shutil.copy(DOCUMENTS / "notes.docx", tmp_path / "Оглавление.docx")
    assert _import(capsys, Path(russian), zine)[0] == 0 and _parts(zine)[-1] == "document.md"  # no letter left
    code, _, err = _import(capsys, DOCUMENTS / "notes.docx", zine, "--name", "…")
    assert code == 1 and "--name '…' is not a name for a part" in err
    assert "![](images/encore-image1.jpg)" in _part(zine, "encore.md").replace(
        "This one is green and looks like Sideshow Bob.", "")


def test_pictures_never_write_over_one_there(zine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (zine / "content/images/inline-images-image1.jpg").write_bytes(b"mine")
    assert _import(capsys, DOCUMENTS / "inline_images.docx", zine)[0] == 0
    assert (zine / "content/images/inline-images-image1.jpg").read_bytes() == b"mine"
    assert "images/inline-images-image1-2.jpg" in _part(zine, "inline-images.md")


def test_a_file_that_appears_while_importing_is_not_written_over(zine: Path, capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    put = place.put

    def racing(stage: Path, content: Path, *args: object) -> None:
        (content / "images/inline-images-image2.jpg").write_bytes(b"theirs")
        put(stage, content, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(place, "put", racing)
    code, _, err = _import(capsys, DOCUMENTS / "inline_images.docx", zine)
    assert code == 1 and "content/images/inline-images-image2.jpg: appeared while importing" in err
    assert sorted(path.name for path in (zine / "content/images").iterdir()) == [".gitkeep", "inline-images-image2.jpg"]
    assert (zine / "content/images/inline-images-image2.jpg").read_bytes() == b"theirs"
    assert "inline-images.md" not in _parts(zine) and not (zine / "content/inline-images.md").exists()


def test_pandoc_s_words_are_passed_on_without_this_machine_s_paths() -> None:
    said = pandoc._said(b"pandoc: /home/ana/zine/.zine-import-x1/media/a.emf: withBinaryFile: does not exist\n"
                        b"HasCallStack backtrace:\n", "rapport.docx", (Path("/home/ana/rapport.docx"),))
    assert said == "…: withBinaryFile: does not exist"
    said = pandoc._said(b"pandoc: /home/ana/rapport.docx: unexpected end\n", "rapport.docx",
                        (Path("/home/ana/rapport.docx"),))
    assert said == "rapport.docx: unexpected end"


@pytest.mark.parametrize("data", [b"not a zip at all", b"PK\x03\x04broken"])
def test_a_damaged_document_is_named_and_nothing_changes(zine: Path, tmp_path: Path, data: bytes,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "rapport.docx"
    source.write_bytes(data)
    before = snapshot(zine)
    code, out, err = _import(capsys, source, zine)
    assert code == 1 and err.startswith(f"{source}: cannot be read") and "nothing imported" in err
    assert str(zine) not in err and ".zine-import" not in err and "pandoc/files" not in err
    assert snapshot(zine) == before and sorted(path.name for path in zine.iterdir()) == [".gitignore", "content"]


def test_an_unknown_format_and_a_missing_file_are_refused(zine: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "tableau.xlsx").write_bytes(b"x")
    code, _, err = _import(capsys, tmp_path / "tableau.xlsx", zine)
    assert code == 1 and "tableau.xlsx: zine import reads" in err and ".docx" in err
    code, _, err = _import(capsys, tmp_path / "absent.docx", zine)
    assert code == 1 and "absent.docx: no such file" in err


def test_a_failure_while_putting_it_in_place_leaves_content_as_it_was(zine: Path, capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(zine)

    def broken(path: Path, old: str, new: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(place, "_manifest", broken)
    with pytest.raises(OSError):
        _import(capsys, DOCUMENTS / "inline_images.docx", zine)
    assert snapshot(zine) == before
    assert not [path for path in zine.iterdir() if path.name.startswith(".zine-import")]


def test_the_source_is_never_changed(zine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = shutil.copy(DOCUMENTS / "comments.docx", tmp_path / "comments.docx")
    digest, stat = hashlib.sha256(Path(source).read_bytes()).hexdigest(), Path(source).stat()
    assert _import(capsys, Path(source), zine)[0] == 0
    assert hashlib.sha256(Path(source).read_bytes()).hexdigest() == digest
    assert Path(source).stat().st_mtime_ns == stat.st_mtime_ns
    assert sorted(path.name for path in tmp_path.iterdir()) == ["comments.docx", "zine"]


def test_a_drawing_that_does_not_print_is_named(zine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _import(capsys, DOCUMENTS / "emf/image_vml_as_object.docx", zine)
    assert code == 0 and "not carried: 1 EMF picture (a format that does not print" in out
    assert sorted(path.name for path in (zine / "content/images").iterdir()) == [".gitkeep"]
    assert "](images/" not in _part(zine, "image-vml-as-object.md")


def test_what_is_not_carried_is_counted_from_the_file() -> None:
    assert dropped.counted(DOCUMENTS / "comments.docx")["comment"] == 5
    assert dropped.counted(DOCUMENTS / "track_changes_insertion.docx")["tracked change"] == 1
    text_box = dropped.counted(DOCUMENTS / "text_in_shape_format.docx")
    assert text_box["field"] == 2 and text_box["font"] > 0 and text_box["header or footer"] == 1
    assert dropped.counted(DOCUMENTS / "tracked_changes.odt")["tracked change"] == 3
    assert dropped.counted(DOCUMENTS / "dormeur_notes.odt")["comment"] == 1
    assert dropped.counted(DOCUMENTS / "notes.docx") == {}


def test_the_parts_list_gains_one_line_and_keeps_its_comments() -> None:
    text = 'title = "x"\nparts = [\n  "a.md",  # the first ] one\n  # "b.md",\n]\nintro = "i.md"  # kept\n'
    assert listing.listed(text, "c.md", "zine.toml") == text.replace('  # "b.md",\n', '  # "b.md",\n  "c.md",\n')
    assert listing.listed('parts = ["a.md", "b.md"]\n', "c.md", "z") == 'parts = ["a.md", "b.md", "c.md"]\n'
    assert listing.listed('parts = [\n  "a.md"\n]\n', "c.md", "z") == 'parts = [\n  "a.md",\n  "c.md",\n]\n'
    assert listing.listed("parts = []\n", "c.md", "z") == 'parts = ["c.md"]\n'


def test_a_table_with_spans_is_flattened_to_a_grid() -> None:
    def cell(text: str, rows: int = 1, columns: int = 1) -> list[object]:
        return [["", [], []], {"t": "AlignDefault"}, rows, columns,
                [{"t": "Para", "c": [{"t": "Str", "c": text}]}, {"t": "Plain", "c": [{"t": "Str", "c": "+"}]}]]

    rows = [[["", [], []], [cell("a", rows=2), cell("b", columns=2)]], [["", [], []], [cell("c"), cell("d")]]]
    table = {"t": "Table", "c": [["", [], []], [None, [{"t": "Plain", "c": [{"t": "Str", "c": "Caption"}]}]],
                                 [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}]] * 3, [["", [], []], []],
                                 [[["", [], []], 0, [], rows]], [["", [], []], []]]}
    flat, changed, after = tables.flat(table)
    grid = [[" ".join(one.get("c", " ") for block in cell[4] for one in block["c"]) for cell in row[1]]
            for row in flat["c"][4][0][3]]
    assert grid == [["a   +", "b   +", ""], ["", "c   +", "d   +"]]
    assert changed == 1 and after == [{"t": "Plain", "c": [{"t": "Str", "c": "Caption"}]}]


def test_an_inline_picture_loses_its_title_which_is_a_caption() -> None:
    def image(title: str) -> dict[str, object]:
        return {"t": "Image", "c": [["", [], []], [], ["x.png", title]]}

    tree = {"meta": {}, "blocks": [{"t": "Para", "c": [image("alone")]},
                                   {"t": "Para", "c": [{"t": "Str", "c": "in"}, {"t": "Space"}, image("a line")]}]}
    carry(tree, lambda address: "images/x.png")
    assert [block["c"][-1]["c"][2] for block in tree["blocks"]] == [["images/x.png", "alone"], ["images/x.png", ""]]


def test_the_summary_is_written_to_standard_output(zine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _import(capsys, DOCUMENTS / "comments.docx", zine)
    assert code == 0 and err == "" and "not carried: 5 comments" in out and out.endswith("next: zine build\n")
    assert io.StringIO(out).readline().startswith("wrote content/comments.md")


def test_an_import_killed_on_the_way_leaves_nothing_after_the_next(zine: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The folder a killed import made its part in (its process gone) is removed by the next import;
    one of a process still running (an import going on) is left alone."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    left, busy = zine / f".zine-import-{gone.pid}-x1", zine / f".zine-import-{os.getpid()}-x2"
    for folder in (left, busy):
        folder.mkdir()
        (folder / "part.md").write_text("half", encoding="utf-8")
    source = tmp_path / "note.md"
    source.write_text("Un mot.\n", encoding="utf-8")
    assert _import(capsys, source, zine)[0] == 0
    assert not left.exists() and busy.is_dir()
    assert sorted(path.name for path in zine.glob(".zine-import-*")) == [busy.name]
