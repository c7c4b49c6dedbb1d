"""Every enumerated manifest value is read in any case and refused in one wording, with the one
meant (errors.one_of, issue 22 follow-up)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builder import content
from builder.content import manifest
from builder.errors import BuildError
from builder.letters import envelopes
from builder.paper import LETTER
from builder.project import Project

from conftest import SAMPLE


def _written(folder: Path, lines: str) -> Path:
    shutil.copytree(SAMPLE / "content", folder / "content")
    path = folder / "content" / manifest.NAME
    path.write_text(path.read_text(encoding="utf-8") + lines, encoding="utf-8")
    return path


def _authors(folder: Path, value: str) -> Path:
    """The sample's manifest with `author = value`, and no byline."""
    path = _written(folder, "")
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(("author", "byline"))]
    path.write_text("\n".join(kept) + f"\nauthor = {value}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("key", "written", "read"), [
    ("format", "a5", "A5"), ("format", " HALF-LETTER ", "half-letter"), ("paper", "LETTER", "letter"),
    ("paper", "a4", "A4"), ("envelope", "dl", "DL"), ("direction", "RTL", "rtl"), ("notes", "Endnotes", "endnotes"),
    ("links", "OFF", "off"), ("photos", "Halftone", "halftone"), ("fonts", "Machine", "machine")])
def test_each_enumerated_value_is_read_in_any_case(tmp_path: Path, key: str, written: str, read: str) -> None:
    read_manifest = manifest.read(_written(tmp_path, f'{key} = "{written}"\n'), "content/zine.toml")
    assert read_manifest.data[key] == read, "the value as CHOICES spells it, for every later reader"


def test_the_zine_reads_the_values_spelled_in_any_case(tmp_path: Path) -> None:
    _written(tmp_path, 'format = "Half-Letter"\npaper = "LETTER"\nenvelope = "#10"\nnotes = "ENDNOTES"\n'
                       'links = "After"\nphotos = "HALFTONE"\nfonts = "Machine"\ndirection = "RTL"\n')
    zine = content.load(Project.at(tmp_path))
    assert (zine.format.name, zine.format.paper, envelopes.of(zine.format).name) == ("half-letter", LETTER, "#10")
    meta = zine.meta
    assert (meta.notes, meta.links, meta.photos, meta.fonts, meta.direction) == (
        "endnotes", "after", "halftone", "machine", "rtl")


@pytest.mark.parametrize(("line", "message"), [
    ('format = "letter"', '\'format\' must be "A5", "A6", "A4" or "half-letter", not "letter" '
                          '(did you mean "half-letter"?)'),
    ('format = "US Letter"', '\'format\' must be "A5", "A6", "A4" or "half-letter", not "US Letter" '
                             '(did you mean "half-letter"?)'),
    ('format = "a 5"', '\'format\' must be "A5", "A6", "A4" or "half-letter", not "a 5" (did you mean "A5"?)'),
    ('paper = "US-Letter"', '\'paper\' must be "A4" or "letter", not "US-Letter" (did you mean "letter"?)'),
    ('envelope = "no. 10"', '\'envelope\' must be "DL", "C5" or "#10", not "no. 10" (did you mean "#10"?)'),
    ('envelope = "c 5"', '\'envelope\' must be "DL", "C5" or "#10", not "c 5" (did you mean "C5"?)'),
    ('direction = "Right-To-Left"', '\'direction\' must be "ltr" or "rtl", not "Right-To-Left" '
                                    '(did you mean "rtl"?)'),
    ('notes = "END NOTES"', '\'notes\' must be "footnotes" or "endnotes", not "END NOTES" '
                            '(did you mean "endnotes"?)'),
    ('links = "Offf"', '\'links\' must be "notes", "after" or "off", not "Offf" (did you mean "off"?)'),
    ('photos = "HALFTONES"', '\'photos\' must be "keep" or "halftone", not "HALFTONES" (did you mean "halftone"?)'),
    ('fonts = "Machines"', '\'fonts\' must be "shipped" or "machine", not "Machines" (did you mean "machine"?)'),
    ('fonts = "say \\"no\\""', '\'fonts\' must be "shipped" or "machine", not "say \\"no\\""'),
])
def test_each_enumerated_value_is_refused_in_one_wording_with_the_one_meant(tmp_path: Path, line: str,
                                                                            message: str) -> None:
    with pytest.raises(BuildError) as raised:
        manifest.read(_written(tmp_path, line + "\n"), "content/zine.toml")
    assert (raised.value.where, raised.value.line, raised.value.message) == ("content/zine.toml", 10, message)


def test_every_wrong_value_is_named_in_one_run(tmp_path: Path) -> None:
    """Each wrong key is one error, on its line; the envelope is not checked against the paper of
    a format or paper refused (A5's A4 is a guess)."""
    with pytest.raises(BuildError) as raised:
        manifest.read(_written(tmp_path, 'format = "letter"\npaper = "A3"\nenvelope = "#10"\n'), "content/zine.toml")
    assert [line.split(": ", 1)[0] for line in raised.value.lines()] == [
        "content/zine.toml:10", "content/zine.toml:11"]


@pytest.mark.parametrize(("title", "slug", "scripts"), [
    ("Κάτω τα χέρια", "zine", "Greek"), ("لا للهوية الرقمية", "zine", "Arabic"), ("数字身份", "zine", "CJK"),
    ("Нет 2026 — Ελλάδα", "2026", "Cyrillic and Greek")])
def test_a_title_no_latin_letter_spells_names_the_files_zine_and_says_so(tmp_path: Path, title: str, slug: str,
                                                                         scripts: str) -> None:
    """Issue 22 follow-up: no transliteration library is installed, so the letters are dropped and
    the warning, on the title's line, names the files and the `slug` key."""
    path = _written(tmp_path, "")
    path.write_text(path.read_text(encoding="utf-8").replace('"Zine d\'essai"', f'"{title}"'), encoding="utf-8")
    zine = content.load(Project.at(tmp_path))
    assert zine.meta.slug == slug
    assert [(str(finding.path), finding.line, finding.severity, finding.message) for finding in zine.warnings] == [
        ("content/zine.toml", 2, "warning", f"file names are made of the title's Latin letters and digits, and its "
         f"{scripts} letters have none: the outputs are named {slug}-reading.pdf and so on; set slug = \"…\" "
         "(lower-case Latin letters, digits and dashes) in zine.toml to name them")]
    path.write_text(path.read_text(encoding="utf-8") + 'slug = "no-id"\n', encoding="utf-8")
    zine = content.load(Project.at(tmp_path))
    assert (zine.meta.slug, zine.warnings) == ("no-id", ()), "a slug set: nothing to say"


@pytest.mark.parametrize(("title", "slug"), [("Cœur à l'ouvrage", "coeur-a-l-ouvrage"), ("Straße frei", "strasse-frei"),
                                             ("Łódź, Ærø", "lodz-aero")])
def test_latin_letters_nfkd_leaves_whole_are_spelt(tmp_path: Path, title: str, slug: str) -> None:
    path = _written(tmp_path, "")
    path.write_text(path.read_text(encoding="utf-8").replace('"Zine d\'essai"', f'"{title}"'), encoding="utf-8")
    zine = content.load(Project.at(tmp_path))
    assert (zine.meta.slug, zine.warnings) == (slug, ())


@pytest.mark.parametrize(("lang", "byline"), [("fr", "Ann, Bea et Cy"), ("en-GB", "Ann, Bea and Cy"),
                                              ("en", "Ann, Bea, and Cy"), ("ar", "Ann وBea وCy")])
def test_a_list_of_authors_is_written_as_the_language_writes_a_list(tmp_path: Path, lang: str, byline: str) -> None:
    path = _authors(tmp_path, '["Ann", "Bea", "Cy"]')
    path.write_text(path.read_text(encoding="utf-8").replace('lang = "fr"', f'lang = "{lang}"'), encoding="utf-8")
    meta = content.load(Project.at(tmp_path)).meta
    assert (meta.author, meta.byline) == (byline, byline)


@pytest.mark.parametrize("value", ["[]", "[\"Ann\", 2]", "2"])
def test_an_author_neither_a_text_nor_a_list_of_texts_is_refused(tmp_path: Path, value: str) -> None:
    with pytest.raises(BuildError) as raised:
        manifest.read(_authors(tmp_path, value), "content/zine.toml")
    assert raised.value.message.startswith("'author' must be text in quotes or a list of texts [\"…\", \"…\"], not")
