"""The project: its folders, the output names made from the kinds, paths as messages show them."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder.kinds import Kind
from builder.preflight import named_kind
from builder.project import FOLDERS, Project, shipped_templates

from conftest import ROOT


def test_every_output_name_comes_from_the_table(tmp_path: Path) -> None:
    project = Project.at(tmp_path)
    names = {kind: project.output_path(kind, "mon-zine").name for kind in Kind}
    assert names == {"reading": "mon-zine-reading.pdf", "booklet": "mon-zine-booklet.pdf",
                     "letters": "mon-zine-letters.pdf", "letters-fillable": "mon-zine-letters-fillable.pdf",
                     "minizine": "mon-zine-minizine.pdf", "contact": "mon-zine-contact.png"}
    assert project.output_path(Kind.BOOKLET, "z", tmp_path / "stage") == tmp_path / "stage/z-booklet.pdf"
    assert FOLDERS == ("preview", "html")
    assert project.pictures == tmp_path / "output/.pictures", "the picture cache is the project's"


def test_the_units_of_the_summary() -> None:
    assert {kind for kind in Kind if kind.unit == "side"} == {Kind.BOOKLET, Kind.MINIZINE}


def test_a_kind_prints_as_its_name_and_knows_what_it_is_a_copy_of() -> None:
    assert [str(kind) for kind in Kind] == ["reading", "booklet", "letters", "letters-fillable", "minizine", "contact"]
    assert f"the {Kind.LETTERS_FILLABLE} document" == "the letters-fillable document"
    assert {kind: kind.variant_of for kind in Kind if kind.variant_of} == {Kind.LETTERS_FILLABLE: Kind.LETTERS}
    assert {kind: kind.checked_as for kind in Kind if kind.checked_as is not kind} == {
        Kind.LETTERS_FILLABLE: Kind.LETTERS, Kind.CONTACT: None}


@pytest.mark.parametrize(("name", "kind"), [
    ("mon-zine-reading.pdf", Kind.READING), ("x-booklet.pdf", Kind.BOOKLET), ("x-letters.pdf", Kind.LETTERS),
    ("x-letters-fillable.pdf", Kind.LETTERS_FILLABLE), ("X-MINIZINE.PDF", Kind.MINIZINE),
    ("x-contact.png", Kind.CONTACT), ("lettre.pdf", None), ("x-reading.png", None), ("booklet.pdf", None),
])
def test_what_a_file_name_says_it_is(name: str, kind: Kind | None) -> None:
    """Only a standalone `zine check` guesses so (preflight); the fillable letters are checked as letters."""
    assert named_kind(Path(name)) == kind
    assert (kind.checked_as if kind else None) == (Kind.LETTERS if kind is Kind.LETTERS_FILLABLE else
                                                   None if kind is Kind.CONTACT else kind)


def test_paths_in_messages(tmp_path: Path) -> None:
    project = Project(tmp_path, tmp_path / "content", ROOT / "templates", tmp_path / "output")
    assert project.shown(tmp_path / "content/letters/a.md") == "content/letters/a.md"
    assert project.shown(ROOT / "templates/zine.css") == "templates/zine.css", "borrowed templates, by their folder"
    assert project.shown(Path("/etc/hostname")) == "/etc/hostname"


def test_the_shipped_templates_are_found_in_a_checkout() -> None:
    assert shipped_templates() == ROOT / "templates"
    assert (shipped_templates() / "zine.html").is_file()


def test_a_projects_templates_lie_over_the_shipped_ones(tmp_path: Path) -> None:
    project = Project.at(tmp_path)
    assert project.templates == tmp_path / "templates" and project.shipped == shipped_templates()
    assert project.layers == (tmp_path / "templates", shipped_templates())
    assert project.sources == (tmp_path / "content", tmp_path / "templates", shipped_templates(), tmp_path / "fonts")
    # A shipped template is never shown as the project's templates/…
    assert project.shown(tmp_path / "templates/zine.css") == "templates/zine.css"
    # Where the tool lies on this machine is not shown.
    assert project.shown(shipped_templates() / "zine.css") == "shipped templates/zine.css"
    assert project.shown(shipped_templates()) == "shipped templates"


def test_templates_given_are_the_whole_set(tmp_path: Path) -> None:
    project = Project.at(tmp_path, templates=tmp_path / "mine")
    assert project.shipped is None and project.layers == (tmp_path / "mine",)


def test_the_tools_own_zine_has_one_layer() -> None:
    assert Project.at(ROOT).layers == (ROOT / "templates",)
