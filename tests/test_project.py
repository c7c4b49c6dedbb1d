"""The project: its folders, the one table of output names, paths as messages show them."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder.project import FOLDERS, OUTPUTS, Project, output_kind, shipped_templates

from conftest import ROOT


def test_every_output_name_comes_from_the_table(tmp_path: Path) -> None:
    project = Project.at(tmp_path)
    names = {kind: project.output_path(kind, "mon-zine").name for kind in OUTPUTS}
    assert names == {"reading": "mon-zine-reading.pdf", "booklet": "mon-zine-booklet.pdf",
                     "letters": "mon-zine-letters.pdf", "letters-fillable": "mon-zine-letters-fillable.pdf",
                     "minizine": "mon-zine-minizine.pdf", "contact": "mon-zine-contact.png"}
    assert project.output_path("booklet", "z", tmp_path / "stage") == tmp_path / "stage/z-booklet.pdf"
    assert FOLDERS == ("preview", "html")


def test_the_units_of_the_summary() -> None:
    assert {kind for kind, output in OUTPUTS.items() if output.unit == "side"} == {"booklet", "minizine"}


@pytest.mark.parametrize(("name", "kind"), [
    ("mon-zine-reading.pdf", "reading"), ("x-booklet.pdf", "booklet"), ("x-letters.pdf", "letters"),
    ("x-letters-fillable.pdf", "letters"), ("X-MINIZINE.PDF", "minizine"), ("x-contact.png", "contact"),
    ("lettre.pdf", None), ("x-reading.png", None), ("booklet.pdf", None),
])
def test_what_a_file_name_says_it_is(name: str, kind: str | None) -> None:
    assert output_kind(Path(name)) == kind


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
    assert project.sources == (tmp_path / "content", tmp_path / "templates", shipped_templates())
    # A shipped template is never shown as the project's templates/…: by its full path.
    assert project.shown(tmp_path / "templates/zine.css") == "templates/zine.css"
    assert project.shown(shipped_templates() / "zine.css") == str(shipped_templates() / "zine.css")


def test_templates_given_are_the_whole_set(tmp_path: Path) -> None:
    project = Project.at(tmp_path, templates=tmp_path / "mine")
    assert project.shipped is None and project.layers == (tmp_path / "mine",)


def test_the_tools_own_zine_has_one_layer() -> None:
    assert Project.at(ROOT).layers == (ROOT / "templates",)
