"""The manifest gives its typed values once: the format is parsed where it is checked (issue 19)."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from builder import content
from builder.content import manifest
from builder.errors import BuildError
from builder.paper import ZINE, ZINE_FORMATS
from builder.project import Project

from conftest import SAMPLE


def _manifest(folder: Path, format: str | None) -> Path:
    shutil.copytree(SAMPLE / "content", folder / "content")
    path = folder / "content" / manifest.NAME
    if format is not None:
        path.write_text(path.read_text(encoding="utf-8") + f'format = "{format}"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(("written", "name"), [(None, "A5"), ("a6", "A6"), ("Half-Letter", "half-letter")])
def test_the_format_is_read_once_and_typed(tmp_path: Path, written: str | None, name: str) -> None:
    read = manifest.read(_manifest(tmp_path, written), "content/zine.toml")
    assert read.format == ZINE_FORMATS[name] and (written is not None or read.format == ZINE)
    assert read.data["date"] == datetime.date(2026, 1, 15) and 'lang = "fr"' in read.text
    assert content.load(Project.at(tmp_path)).format == read.format, "the zine's format is the manifest's"


def test_an_unknown_format_is_refused_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as raised:
        manifest.read(_manifest(tmp_path, "A7"), "content/zine.toml")
    assert raised.value.message.startswith("'format' must be \"A5\", ") and 'not "A7"' in raised.value.message
    assert raised.value.line == 10


@pytest.mark.parametrize(("lang", "contents"), [("fr", "Sommaire"), ("fr-CA", "Sommaire"), ("en-GB", "Contents"),
                                                ("it", "Contents")])
def test_the_words_are_looked_up_once_from_the_language(tmp_path: Path, lang: str, contents: str) -> None:
    """The zine's words come with its Meta (the manifest's language, read once); a language the
    tool has no words for gets the English ones."""
    path = _manifest(tmp_path, None)
    path.write_text(path.read_text(encoding="utf-8").replace('lang = "fr"', f'lang = "{lang}"'), encoding="utf-8")
    meta = content.load(Project.at(tmp_path)).meta
    assert (meta.lang, meta.words.contents) == (lang, contents)


@pytest.mark.parametrize(("lang", "written", "direction"), [
    ("ar", None, "rtl"), ("fa-IR", None, "rtl"), ("he", None, "rtl"), ("ur", None, "rtl"), ("fr", None, "ltr"),
    ("en-GB", None, "ltr"), ("ar", "ltr", "ltr"), ("en", "rtl", "rtl")])
def test_the_direction_is_the_languages_unless_the_manifest_says(tmp_path: Path, lang: str, written: str | None,
                                                                 direction: str) -> None:
    """CLDR (Babel) says which scripts run right to left; `direction` forces either way (issue 22)."""
    path = _manifest(tmp_path, None)
    text = path.read_text(encoding="utf-8").replace('lang = "fr"', f'lang = "{lang}"')
    path.write_text(text + (f'direction = "{written}"\n' if written else ""), encoding="utf-8")
    assert content.load(Project.at(tmp_path)).meta.direction == direction


def test_an_unknown_direction_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _manifest(tmp_path, None)
    path.write_text(path.read_text(encoding="utf-8") + 'direction = "rlt"\n', encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        manifest.read(path, "content/zine.toml")
    assert (raised.value.where, raised.value.line) == ("content/zine.toml", 10)
    assert raised.value.message == '\'direction\' must be "ltr" or "rtl", not "rlt"'
