"""The Jinja2 templates of a project: its own templates/ over the shipped ones, file by file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from builder.errors import BuildError
from builder.project import Project
from builder.render import templating


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A project with no templates/ yet, over a small shipped set."""
    shipped = tmp_path / "tool/templates"
    shipped.mkdir(parents=True)
    (shipped / "page.html").write_text('{% include "part.html" %}|shipped page', encoding="utf-8")
    (shipped / "part.html").write_text("shipped part", encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir()
    return Project(root, root / "content", root / "templates", root / "output", shipped)


def _render(env: templating.Templates) -> str:
    return env.get_template("page.html").render()


def test_each_template_comes_from_the_project_when_it_has_it(project: Project) -> None:
    env = templating.environment(project)
    assert _render(env) == "shipped part|shipped page", "no templates/ at all: the shipped set"
    project.templates.mkdir()
    (project.templates / "part.html").write_text("my part", encoding="utf-8")
    # The same environment (zine watch) sees the new file: the compiled template is not reused.
    assert _render(env) == "my part|shipped page"
    (project.templates / "part.html").write_text("my part, edited", encoding="utf-8")
    os.utime(project.templates / "part.html", ns=(1, 1))  # a new stamp even on a coarse clock
    assert _render(env) == "my part, edited|shipped page"
    (project.templates / "part.html").unlink()
    assert _render(env) == "shipped part|shipped page"


def test_an_error_names_the_projects_file(project: Project) -> None:
    project.templates.mkdir()
    (project.templates / "part.html").write_text("\n{{ nothing.here }}", encoding="utf-8")
    with pytest.raises(BuildError) as error:
        templating._render(templating.environment(project), "page.html")
    assert str(error.value).startswith("templates/part.html:2: template error")


def test_a_template_name_cannot_leave_the_folders(project: Project) -> None:
    env = templating.environment(project)
    with pytest.raises(BuildError) as error:
        templating._render(env, "../tool/templates/page.html")
    assert "is refused" in str(error.value)


def test_missing_shipped_templates_are_said(tmp_path: Path) -> None:
    project = Project(tmp_path, tmp_path / "content", tmp_path / "templates", tmp_path / "output", tmp_path / "gone")
    with pytest.raises(BuildError, match="the tool's own templates are missing"):
        templating.environment(project)
