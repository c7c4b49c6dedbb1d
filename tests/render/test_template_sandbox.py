"""A shared zine's templates cannot read the machine (issue 25, item 1): each known escape route,
written in a project's templates/part.html, stops the build naming that file and line, and no
output or message holds the canary file beside the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, run, snapshot

SECRET = "canary-7f3a-do-not-print"
LINE = 3
"""The line of templates/part.html the escape is written on."""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample project with a templates/ of its own, made the current directory; a canary
    file beside it."""
    root = tmp_path / "zine"
    shutil.copytree(SAMPLE / "content", root / "content")
    (root / "templates").mkdir()
    (tmp_path / "canary.txt").write_text(SECRET, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _part(project: Path, escape: str) -> None:
    """templates/part.html: the escape on line LINE, then the part as the shipped template prints it."""
    (project / "templates/part.html").write_text(
        "{# a hostile template #}\n<article>\n" + escape + "\n{{ part.title }}{{ part.html | safe }}</article>\n",
        encoding="utf-8")


ESCAPES = {
    "lipsum-globals": "{{ lipsum.__globals__['__builtins__']['open']('{canary}').read() }}",
    "cycler-os": "{{ cycler.__init__.__globals__.os.popen('cat {canary}').read() }}",
    "joiner-namespace": "{{ joiner.__init__.__globals__ }}{{ namespace.__init__.__globals__ }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "self-globals": "{{ self.__init__.__globals__ }}",
    "request": "{{ request.application.__globals__.__builtins__.open('{canary}').read() }}",
    "config": "{{ config.items() }}",
    "format-string": "{{ '{0.__class__.__mro__}'.format(part) }}",
    "path-read": "{{ zine.root.parent.joinpath('canary.txt').read_text() }}",
    "path-of-part": "{{ part.source.parent.parent.parent.joinpath('canary.txt').read_text() }}",
    "attr-filter": "{{ part | attr('__class__') }}",
    "mutation": "{{ part.fields.clear() }}",
    "include-up": '{% include "../../canary.txt" %}',
    "include-absolute": '{% include "{canary}" %}',
    "include-etc": '{% include "/etc/hostname" %}',
    "include-backslash": '{% include "..\\\\..\\\\canary.txt" %}',
    "include-drive": '{% include "C:../canary.txt" %}',
    "import-up": '{% import "../../canary.txt" as secret %}{{ secret }}',
    "from-absolute": '{% from "{canary}" import x %}{{ x }}',
    "include-link": '{% include "leak.html" %}',
}


@pytest.mark.parametrize("escape", list(ESCAPES.values()), ids=list(ESCAPES))
def test_an_escape_route_stops_the_build_at_its_line(project: Path, capsys: pytest.CaptureFixture[str],
                                                     no_network: list[object], escape: str) -> None:
    canary = project.parent / "canary.txt"
    (project / "templates/leak.html").symlink_to(canary)
    _part(project, escape.replace("{canary}", str(canary)))
    code, out, err = run(capsys, "build")
    assert code == 1, err
    assert f"templates/part.html:{LINE}: " in err, err
    assert "Traceback" not in err
    assert SECRET not in out + err
    assert not any(SECRET.encode() in data for data in snapshot(project / "output").values()) \
        if (project / "output").exists() else True


def test_a_sandbox_refusal_says_why(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _part(project, "{{ self.__init__.__globals__ }}")
    code, out, err = run(capsys, "build")
    assert code == 1
    assert (f"templates/part.html:{LINE}: refused, templates run in a sandbox (they read the zine, never the "
            "machine): access to attribute '__init__'") in err, err


def test_an_include_outside_names_the_including_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _part(project, '{% include "../../canary.txt" %}')
    code, out, err = run(capsys, "build")
    assert code == 1
    assert f'templates/part.html:{LINE}: refused, templates run in a sandbox (they read the zine, never the ' \
           'machine): the template name "../../canary.txt" is refused' in err, err


def test_a_linked_template_is_refused_by_its_own_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A top template (zine.html) that is a symbolic link out: no template asked for it, it is named."""
    (project / "templates/zine.html").symlink_to(project.parent / "canary.txt")
    code, out, err = run(capsys, "build")
    assert code == 1
    assert "templates/zine.html: refused, templates run in a sandbox" in err, err
    assert "symbolic link out of its templates folder" in err
    assert SECRET not in out + err


def test_a_missing_include_names_the_including_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _part(project, '{% include "absent.html" %}')
    code, out, err = run(capsys, "build")
    assert code == 1
    assert f"templates/part.html:{LINE}: template not found: absent.html" in err, err


def test_a_link_inside_the_templates_folder_is_followed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only links out are refused: templates/other.html linked to templates/real.html is read."""
    (project / "templates/real.html").write_text("from the real file", encoding="utf-8")
    (project / "templates/other.html").symlink_to(project / "templates/real.html")
    _part(project, '{% include "other.html" %}{{ undefined_on_purpose }}')
    code, out, err = run(capsys, "build")
    assert code == 1
    assert f"templates/part.html:{LINE}: template error: 'undefined_on_purpose' is undefined" in err, err
