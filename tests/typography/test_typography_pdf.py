"""French typography checked on the text read back from the shipped zine's PDFs."""

from __future__ import annotations

import re

import pytest
from builder.model import Report

from conftest import page_texts

URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:fr|com|org)\b\S*")


def shipped_text(report: Report) -> str:
    texts = []
    for out in report.outputs:
        if "booklet" not in out.path.name:  # imposed copies hold the same text
            texts.extend(page_texts(out.path, lines=True))
    # pdfium adds a space of its own where justification widened a no-break space: not a fault.
    return re.sub(" *\u00a0 *", "\u00a0", URL.sub("URL", "\n".join(texts)))


RULES = [
    ("an ASCII space before ; ! ?", re.compile(r" [;!?]")),
    ("an ASCII space before :", re.compile(r" :")),
    ("a space after « that may break", re.compile(r"« ")),
    ("a space before » that may break", re.compile(r" »")),
    ("« without a narrow no-break space after it", re.compile(r"«(?!\u202f)")),
    ("» without a narrow no-break space before it", re.compile(r"(?<!\u202f)»")),
    ("; ! ? glued to a word", re.compile(r"\w[;!?]")),
    ("a straight apostrophe", re.compile(r"'")),
    ("a straight double quote", re.compile(r'"')),
    ("n° with a degree sign", re.compile(r"\b[nN]°")),
    ("nº not bound to its number", re.compile(r"\b[nN]º(?!\u00a0\d)")),
    ("a number split from its word or unit", re.compile(r"\d [\w%€]")),
    ("three dots instead of an ellipsis", re.compile(r"\.\.\.")),
    ("ordinal written -ème", re.compile(r"\d(?:ème|eme)\b")),
]


@pytest.mark.parametrize(("what", "pattern"), RULES, ids=[what for what, _ in RULES])
def test_no_typographic_fault(shipped_build: Report, what: str, pattern: re.Pattern[str]) -> None:
    text = shipped_text(shipped_build)
    faults = [text[max(0, m.start() - 25):m.end() + 25] for m in pattern.finditer(text)]
    assert not faults, f"{what}: {faults[:5]}"


def test_the_rules_catch_faults() -> None:
    """The patterns above do find the faults they are for (a test that cannot fail proves nothing)."""
    faulty = "Kesako ? « oui » l'Usager n° 18 10 % 6 semaines..."
    found = {what for what, pattern in RULES if pattern.search(faulty)}
    assert {"an ASCII space before ; ! ?", "a space after « that may break", "a straight apostrophe",
            "n° with a degree sign", "a number split from its word or unit",
            "three dots instead of an ellipsis"} <= found
