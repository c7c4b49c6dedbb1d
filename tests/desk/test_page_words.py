"""The desk page's words (builder/desk/words.py): every word in every language, French set as
French is (FACTS.md §4: a narrow no-break space before : ; ? !)."""

from __future__ import annotations

import re

from builder.desk import words


def test_every_word_has_each_language_and_english_is_the_fallback() -> None:
    assert all(len(texts) == len(words.LANGUAGES) and all(texts) for texts in words.WORDS.values())
    assert words.of("fr-CA")["save"] == "Enregistrer" and words.of("de")["save"] == "Save"


def test_french_words_have_a_narrow_no_break_space_before_double_punctuation() -> None:
    french = words.of("fr")
    wrong = {key: text for key, text in french.items() if re.search(r"(^|[^\u202f\u00a0])[:;?!]", text)}
    assert not wrong, wrong
