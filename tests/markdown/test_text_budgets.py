"""What one part's text may cost (issue 25, item 4): a part and a paragraph past their characters
are refused by file and line, with the size and the limit, before the layout spends on them (the
limits lowered here: the real ones would take a build of minutes to reach)."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder import content
from builder.content import budgets
from builder.errors import BuildError
from builder.project import Project
from tests.conftest import ROOT

MANIFEST = 'title = "T"\nlang = "en"\ndate = 2026-11-28\nedition = "E"\nparts = ["part.md"]\n'


def refused(root: Path, body: str) -> list[str]:
    (root / "content").mkdir()
    (root / "content" / "zine.toml").write_text(MANIFEST, encoding="utf-8")
    (root / "content" / "part.md").write_text(f"---\ntitle: Part\n---\n\n{body}\n", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        content.load(Project.at(root, templates=ROOT / "templates"))
    return raised.value.lines()


def test_a_paragraph_past_its_characters_is_refused_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "PARAGRAPH_CHARACTERS", 1000)
    found = refused(tmp_path, "A short one.\n\n" + "word " * 300 + "\n\nAnother.")
    assert found == ["content/part.md:7: this paragraph has 1,499 characters, more than the 1,000 one paragraph "
                     "may hold (issue 25): break it with blank lines"]


def test_a_part_past_its_characters_is_refused_by_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budgets, "PART_CHARACTERS", 5000)
    found = refused(tmp_path, "A paragraph of a few words.\n\n" * 300)
    assert len(found) == 1 and found[0].startswith("content/part.md:4: this part has 8,"), found
    assert found[0].endswith("more than the 5,000 one file may hold (issue 25): split it into several parts "
                             "(parts = [...] in zine.toml)"), found


def test_the_real_limits_pass_a_long_essay() -> None:
    assert budgets.PARAGRAPH_CHARACTERS >= 20_000 and budgets.PART_CHARACTERS >= 200_000
