"""Nothing accepted and dropped (issue 15): every front-matter key is printed, or refused with
its line; a file's independent problems are reported together."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builder import content
from builder.errors import BuildError
from builder.kinds import Kind
from builder.project import Project
from builder.render import templating
from builder.render.documents import documents

from conftest import ROOT, SAMPLE


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    return Project.at(tmp_path, templates=ROOT / "templates")


def _reading(project: Project) -> str:
    return documents(templating.environment(project), content.load(project), fillable=False)[Kind.READING].html


def test_a_date_without_an_author_is_printed(project: Project) -> None:
    path = project.content / "trois.md"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: text", "kind: text\ndate: 6 octobre 2022"),
                    encoding="utf-8")
    assert '<p class="part-byline"><span class="keep">6\u00a0octobre\u00a02022</span></p>' in _reading(project)


def test_the_back_cover_needs_no_title(project: Project) -> None:
    (project.content / "dos.md").write_text("---\nnote: Imprimé à la main.\n---\n\nDOS\n", encoding="utf-8")
    html = _reading(project)
    assert "DOS" in html and "Imprimé à la main." in html


def test_every_problem_of_a_file_at_once(project: Project) -> None:
    (project.content / "trois.md").write_text(
        '---\ntitle: T\ncolour: red\nshade: dark\n---\n\nIl dit "oui.\n\nElle dit "non.\n\n![x](http://exemple.org/x.png)\n',
        encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        content.load(project)
    lines = raised.value.lines()
    assert [line.split(": ")[0] for line in lines] == ["content/trois.md:3", "content/trois.md:4"], lines
    (project.content / "trois.md").write_text(
        '---\ntitle: T\n---\n\nIl dit "oui.\n\nElle dit "non.\n\n![x](http://exemple.org/x.png)\n', encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        content.load(project)
    assert [line.split(": ")[0] for line in raised.value.lines()] == [
        "content/trois.md:5", "content/trois.md:7", "content/trois.md:9"], raised.value.lines()


FRONT_MATTERS = {
    "did-you-mean": ("---\ntilte: T\nkind: artcle\nauteur: Nous\ncolour: red\n---\n\nTexte\n", [
        "content/trois.md:2: front matter: unknown key 'tilte' (did you mean 'title'?)",
        "content/trois.md:4: front matter: unknown key 'auteur' (did you mean 'author'?)",
        "content/trois.md:5: front matter: unknown key 'colour' (known keys: author, date, kind, note, source, title, "
        "toc)",
        "content/trois.md:3: front matter: unknown kind 'artcle' (did you mean 'article'?)",
        "content/trois.md: front matter: missing 'title'",
    ]),
    "every-bad-line": ('---\ntitle Partie trois\nnote: "ouvert\nkind: text\nkind: quote\n---\n\nT\n', [
        "content/trois.md:2: front matter: expected 'key: value', got 'title Partie trois'",
        "content/trois.md:3: front matter: unclosed quote in '\"ouvert'",
        "content/trois.md:5: front matter: 'kind' is given twice",
    ]),
}
"""Front matters typed in a hurry, and every line their build prints (issue 21, item 6): a
misspelt key or kind gets the nearest one, as part names and the manifest's keys do; every bad
line is named in one run."""


@pytest.mark.parametrize(("text", "lines"), FRONT_MATTERS.values(), ids=FRONT_MATTERS)
def test_every_problem_of_a_front_matter_in_words(project: Project, text: str, lines: list[str]) -> None:
    (project.content / "trois.md").write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        content.load(project)
    assert raised.value.lines() == lines
