"""The words the tool prints in a zine: one table per language, none of the shipped zine's own."""

from __future__ import annotations

import dataclasses
import datetime
import re
import tomllib

import pytest
from builder.typography import words
from builder.typography.languages import LANGUAGES

from conftest import ROOT

TABLES = {code: language.WORDS for code, language in LANGUAGES.items() if language.WORDS is not None}


def test_french_and_english_have_words() -> None:
    assert set(TABLES) == {"fr", "en"}


def leaves(value: object, name: str = "") -> dict[str, str]:
    """Every text of a table by its field's name (the test sheet's words by test_sheet.front…),
    the lines of a field in one text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {key: text for field in dataclasses.fields(value)
                for key, text in leaves(getattr(value, field.name), f"{name}.{field.name}".lstrip(".")).items()}
    assert value is not None, f"{name} is missing"
    return {name: "\n".join(value) if isinstance(value, tuple) else str(value)}


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_every_table_has_every_word_and_its_blanks(lang: str) -> None:
    table, english = leaves(TABLES[lang]), leaves(TABLES["en"])
    assert set(table) == set(english) and "test_sheet.ruler" in table
    for name, value in table.items():
        assert value.strip(), name
        assert set(re.findall(r"\{\w+\}", value)) == set(re.findall(r"\{\w+\}", english[name])), name
        assert "test_sheet" not in name or value.encode("cp1252"), "the test sheet's font is cp1252"


@pytest.mark.parametrize(("lang", "day", "expected"), [
    ("fr", datetime.date(2026, 11, 28), "28 novembre 2026"),
    ("fr-CA", datetime.date(2026, 5, 1), "1er mai 2026"),
    ("en", datetime.date(2026, 11, 28), "November 28, 2026"),
    ("de", datetime.date(2026, 11, 28), "28. November 2026"),
])
def test_dates_in_the_zines_language(lang: str, day: datetime.date, expected: str) -> None:
    assert words.date(day, lang) == expected


def test_a_language_without_a_table_gets_english_words() -> None:
    assert words.known("fr-BE") and words.known("en_GB") and not words.known("de")
    assert words.words("de") == words.words("en") != words.words("fr")


# What only the shipped zine says: the tool must carry none of it (its words live in content/).
SHIPPED = ("Légifrance", "legifrance", "Prix libre", "Anti-copyright", "diffusez", "CPAM", "Écran total",
           "espace santé", "Téléphone barré", "Textes réunis", "Textes lus dans leur version")


def test_the_tool_carries_no_words_of_the_shipped_zine() -> None:
    manifest = tomllib.loads((ROOT / "content/zine.toml").read_text(encoding="utf-8"))
    own = [*SHIPPED, *(manifest[key] for key in ("title", "subtitle", "author", "byline", "price", "licence",
                                                 "cover_alt"))]
    files = [path for folder in ("builder", "templates") for path in (ROOT / folder).rglob("*")
             if path.suffix in (".py", ".html", ".css", ".svg", ".txt", ".toml") and "__pycache__" not in path.parts]
    found = [(path.relative_to(ROOT).as_posix(), text) for path in files
             for text in own if text.lower() in path.read_text(encoding="utf-8").lower()]
    assert len(files) > 40 and not found, found
