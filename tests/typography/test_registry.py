"""One registry of languages: every module keeps the `Language` contract, a language without a
module is left as written with English words, and the typography, the words, `zine new` and its
`--lang` all read the registry (issue 19, item 3)."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from builder.commands import scaffold
from builder.typography import common, en, refine, refine_text, words
from builder.typography.language import Scaffold, Words
from builder.typography.languages import LANGUAGES, find, scaffolds

from conftest import run

OWN_VALUES = {"title", "lang", "date", "format", "parts"}
"""The scaffold's keys whose value is the project's own, not an example in words."""


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_module_keeps_the_contract(code: str) -> None:
    language = LANGUAGES[code]
    assert isinstance(language.MARKS, common.Marks)
    assert language.WORDS is None or isinstance(language.WORDS, Words)
    assert language.SCAFFOLD is None or isinstance(language.SCAFFOLD, Scaffold)
    assert language.plain("", "") == "" and language.markup("x") == "x"
    assert "2026" in language.date(datetime.date(2026, 11, 28), code)


@pytest.mark.parametrize("code", sorted(scaffolds()))
def test_every_scaffold_says_what_every_key_does(code: str) -> None:
    words_of = scaffolds()[code]
    assert set(words_of.notes) == {key.key for key in scaffold.KEYS}
    assert set(words_of.examples) == {key.key for key in scaffold.KEYS if key.value is None} - OWN_VALUES
    assert set(words_of.formats) == set(scaffold.FORMATS)
    assert words_of.part[0].endswith(".md") and words_of.part[1].startswith("---\ntitle: ")
    assert words_of.header.endswith("\n\n") and words_of.optional_header.startswith("# ")


def test_the_tags_of_a_language_take_its_module() -> None:
    assert find("fr-CA") is find("FR") is find("fr_BE") is LANGUAGES["fr"]
    assert find("it") is None and find("") is None
    assert list(scaffolds()) == ["fr", "en"], "German has rules but no words: zine new does not offer it"


def test_a_language_without_a_module_is_left_as_written_in_english_words() -> None:
    typed = 'Il dit "ciao"... l\'ho visto: 12" !'
    assert refine(f"<p>{typed}</p>", "it") == f"<p>{typed}</p>"
    assert refine_text(typed, "it-CH") == typed
    assert words.words("it") == words.words("en") and not words.known("it")
    assert words.date(datetime.date(2026, 11, 28), "it") == "28 novembre 2026", "Babel's Italian, no French 1er"
    assert words.date(datetime.date(2026, 5, 1), "it") == "1 maggio 2026"


def test_one_entry_in_the_registry_reaches_typography_words_dates_and_zine_new(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made_up = SimpleNamespace(
        MARKS=common.Marks(open_double="<<", close_double=">>", open_single=None),
        WORDS=dataclasses.replace(en.WORDS, contents="Indice"),
        SCAFFOLD=dataclasses.replace(en.SCAFFOLD, optional_header="# Only when set:\n"),
        plain=lambda text, before="": text.replace("...", "…"), markup=lambda text: text,
        date=lambda day, lang: f"{day.day}/{day.month}/{day.year}")
    monkeypatch.setitem(LANGUAGES, "xx", made_up)
    assert refine_text('"a"...', "xx-YY") == "<<a>>…"
    assert words.words("xx").contents == "Indice" and words.known("XX")
    assert words.date(datetime.date(2026, 11, 28), "xx") == "28/11/2026"
    code, out, err = run(capsys, "new", str(tmp_path / "z"), "--lang", "xx")
    assert code == 0, err
    text = (tmp_path / "z/content/zine.toml").read_text(encoding="utf-8")
    assert 'lang = "xx"' in text and "# Only when set:\n" in text


def test_zine_new_offers_the_registrys_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "new", "--help")
    out = capsys.readouterr().out
    assert "--lang {fr,en,ar,fa,he}" in out and "fr (default), en, ar, fa or he" in " ".join(out.split())
