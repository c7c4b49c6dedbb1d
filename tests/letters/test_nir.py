"""The NIR key: a table of known numbers, Corsica, and errors that never repeat the number."""

from __future__ import annotations

import pytest
from builder.letters import nir


@pytest.mark.parametrize(("body", "key"), [
    ("2061275111005", 64),   # the example of shared FACTS.md §2
    ("1234567890123", 11),
    ("1000000000000", 47),
    ("185052A123456", 33),   # Corsica: 2A counts as 19 (1850519123456)
    ("185052a123456", 33),
    ("290012B045012", 60),   # 2B counts as 18 (2900118045012)
])
def test_key(body: str, key: int) -> None:
    assert nir.key(body) == key


def test_key_is_97_minus_the_remainder() -> None:
    for body in ("2061275111005", "1850519123456", "2900118045012", "1999999999999"):
        assert nir.key(body) == 97 - int(body) % 97
        assert 1 <= nir.key(body) <= 97


@pytest.mark.parametrize("text", [
    "2 06 12 75 111 005 64",
    "206127511100564",
    "2.06.12.75.111.005.64",
    "2 06 12 75 111 005\u00a064",
    "1 85 05 2a 123 456 33",
])
def test_parse_accepts_the_usual_ways_of_writing_it(text: str) -> None:
    assert len(nir.parse(text)) == 15


@pytest.mark.parametrize(("text", "message"), [
    ("2 06 12 75 111 005 65", "the key (the last two digits) does not match"),
    ("2 06 12 75 111 005 46", "the key (the last two digits) does not match"),
    ("2 06 12 75 111 005", "has 13"),
    ("2 06 12 75 111 005 640", "has 16"),
    ("2 06 12 7X 111 005 64", "made of digits"),
    ("2 06 12 75 11A 005 64", "made of digits"),
])
def test_parse_refuses_wrong_numbers_without_repeating_them(text: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        nir.parse(text)
    assert message in str(error.value)
    digits = "".join(ch for ch in text if ch.isalnum())
    assert digits[:7] not in str(error.value) and digits[-6:] not in str(error.value)


def test_key_refuses_a_body_of_the_wrong_length() -> None:
    with pytest.raises(ValueError):
        nir.key("20612751110")
