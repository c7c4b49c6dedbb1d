"""The check of unclosed quotations: inch marks after a digit (12") are no quotation marks, and a
quotation left open is still refused with its file and line (shared FACTS.md §4b)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builder import content, typography
from builder.errors import BuildError
from builder.model import Zine
from builder.project import Project

from conftest import SAMPLE

PARAGRAPH = "Paragraphe 2 de la partie trois"


def _load_with(tmp_path: Path, paragraph: str) -> Zine:
    """The sample content, its part trois.md's second paragraph (line 8) starting with `paragraph`."""
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    part = tmp_path / "content/trois.md"
    text = part.read_text(encoding="utf-8")
    assert PARAGRAPH in text
    part.write_text(text.replace(PARAGRAPH, f"{paragraph} {PARAGRAPH}"), encoding="utf-8")
    return content.load(Project.at(tmp_path, content=tmp_path / "content"))


@pytest.mark.parametrize(("paragraph", "typeset"), [
    ('Un disque 12" :', "Un disque 12″<span class=\"colon\">\u202f:</span>"),
    ('Un disque 12" et un 7" :', "Un disque 12″ et un 7″<span class=\"colon\">\u202f:</span>"),
    ('Il dit "à la fin de 2026" :', "Il dit «\u202fà la fin de 2026\u202f»<span class=\"colon\">\u202f:</span>"),
    ('Un disque 12", "oui" :', "Un disque 12″, «\u202foui\u202f»<span class=\"colon\">\u202f:</span>"),
])
def test_inch_marks_build_and_quotations_close(tmp_path: Path, paragraph: str, typeset: str) -> None:
    zine = _load_with(tmp_path, paragraph)
    html = next(part.html for part in zine.parts if part.source.name == "trois.md")
    assert f"{paragraph} {PARAGRAPH}".replace('"', "&quot;") in html
    assert f' data-line="content/trois.md:8">{typeset} Paragraphe' in typography.refine(html, zine.meta.lang)


@pytest.mark.parametrize("paragraph", ['« il a dit "oui »', 'le "disque 12" vinyle"', 'Il dit "non.'])
def test_an_open_quotation_is_refused_with_its_line(tmp_path: Path, paragraph: str) -> None:
    with pytest.raises(BuildError) as refused:
        _load_with(tmp_path, paragraph)
    assert str(refused.value).startswith("content/trois.md:8: a quotation opened with \" is not closed")
