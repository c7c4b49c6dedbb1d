"""Fuzzing the readers: every input is read or refused with a BuildError, never anything else."""

from __future__ import annotations

import json
import shutil
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from builder import content
from builder.content import frontmatter, toml_errors
from builder.errors import BuildError
from builder.model import Zine
from builder.project import Project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """One sample content folder, rewritten by each example (hypothesis runs them one by one)."""
    with tempfile.TemporaryDirectory() as temporary:
        project = Path(temporary)
        shutil.copytree(SAMPLE / "content", project / "content")
        (project / "content/images").mkdir()
        (project / "content/images/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        yield project / "content"


def load_or_refuse(folder: Path) -> None:
    try:
        zine = content.load(Project.at(folder.parent, content=folder))
    except BuildError as error:
        assert error.lines() and all("\n" not in line for line in error.lines())
    else:
        assert isinstance(zine, Zine)


# --- front matter -----------------------------------------------------------------------

FRONT_LINES = st.one_of(
    st.sampled_from(["---", "--- ", "", "  ", "# a comment", "title: Un titre", "kind: text", "toc: Court",
                     "title: 'Entre guillemets'", 'title: "ouvert', "title:", ": rien", "Title: Majuscule",
                     "titre sans deux-points", "title: a: b", "kind: text\r", "\ufeff---", "---\x00"]),
    st.text(max_size=30),
)


@FUZZ
@given(st.text())
def test_front_matter_any_text(text: str) -> None:
    _split_or_refuse(text)


@FUZZ
@given(st.lists(FRONT_LINES, max_size=10))
def test_front_matter_near_misses(lines: list[str]) -> None:
    _split_or_refuse("\n".join(lines))


def _split_or_refuse(text: str) -> None:
    try:
        fields, body, first_line = frontmatter.split(text, "part.md")
    except BuildError as error:
        for one in getattr(error, "errors", [error]):  # every bad line, each on its own
            assert one.where == "part.md" and (one.line is None or one.line >= 1)
        return
    assert all(isinstance(key, str) and isinstance(value, str) for key, value in fields.items())
    assert 1 <= first_line <= text.count("\n") + 2
    assert body in text


# --- the manifest ---------------------------------------------------------------------------

VALUID = '''title = "Zine d'essai"
lang = "fr"
date = 2026-01-15
edition = "Édition de test"
parts = ["un.md", "deux.md", "trois.md", "quatre.md", "cinq.md"]
back_cover = "dos.md"
'''
KEYS = st.sampled_from(["title", "subtitle", "author", "lang", "date", "edition", "parts", "slug", "price",
                        "checked", "back_cover", "intro", "minizine", "colour", "Title", "a.b", '"quoted"'])
VALUES = st.one_of(
    st.sampled_from(['"texte"', '""', '"un.md"', '["un.md"]', "[]", "[1, 2]", '["un.md", 3]', '["../x.md"]',
                     '["/etc/passwd.md"]', '["un.md", "un.md"]', '["\\u0000.md"]', '["' + "a" * 300 + '.md"]',
                     '["images/logo.png"]', '["dos.md"]', "2026-01-15", "2026-02-30", "2026-01-15T10:00:00",
                     "10:00:00", "1", "-0.5", "true", "{ a = 1 }", "[[1], [2]]", '"« x » : ça ?"',
                     '"Slug-Valide"', '"bon-slug"', '"..."', "'littéral'", '"""\nsur\nplusieurs\n"""',
                     "[" * 2000 + "]" * 2000]),
    st.text(max_size=20).map(json.dumps),  # a TOML basic string, with escapes
)
LINE = st.one_of(st.tuples(KEYS, VALUES).map(" = ".join), st.text(max_size=20), st.sampled_from(["[table]", "[[parts]]"]))


@FUZZ
@given(st.binary(max_size=200))
def test_manifest_any_bytes(folder: Path, data: bytes) -> None:
    (folder / "zine.toml").write_bytes(data)
    load_or_refuse(folder)


@FUZZ
@given(st.lists(LINE, max_size=8))
def test_manifest_any_lines(folder: Path, lines: list[str]) -> None:
    (folder / "zine.toml").write_text("\n".join(lines), encoding="utf-8")
    load_or_refuse(folder)


@FUZZ
@given(st.integers(0, 5), st.lists(LINE, min_size=1, max_size=3))
def test_manifest_one_line_changed(folder: Path, at: int, lines: list[str]) -> None:
    """Mostly valid manifests, so that the checks after parsing run too."""
    manifest = VALUID.splitlines()
    manifest[at:at + 1] = lines
    (folder / "zine.toml").write_text("\n".join(manifest), encoding="utf-8")
    load_or_refuse(folder)


# --- a whole part: front matter, Markdown, images and raw HTML ------------------------------

BODY = st.lists(st.one_of(
    st.text(max_size=40),
    st.sampled_from(["![x](images/logo.png)", "![x](https://exemple.org/a.png)", "![x](../../etc/hostname)",
                     "![x](images/absent.png)", "![x](data:image/png;base64,AAAA)", "![x](<images/logo.png>)",
                     '<img src="images/logo.png">', '<img src="http://exemple.org/a.png">', "<img src=>",
                     '<p style="background: url(\'//x.org/a\')">x</p>', "<style>p { color: red }</style>",
                     "```\ncode\n```", "| a | b |\n|---|---|\n| 1 | 2 |", "« guillemets » : oui ?", "[lien](http://x)",
                     # issue 12: notes, ::: blocks, attributes, pasted tabs
                     "appel[^1]", "[^1]: une note", "[^1]:", "[^a b]", "^[en ligne]", "^[", "::: poem", "::: épigraphe",
                     ":::", "::: inconnu", "{.epigraph}", "{width=50%}", "![x](images/logo.png){width=50%}",
                     "![](images/logo.png){.decorative}", "{#a .b c=d%}", "\tcollé", "    - liste", "# titre"]),
    st.builds("![x]({})".format, st.text(max_size=15)),
    st.builds('<img src="{}">'.format, st.text(max_size=15)),
), max_size=6)


@FUZZ
@given(st.lists(FRONT_LINES, max_size=5), BODY)
def test_part_any_markdown(folder: Path, front: list[str], body: list[str]) -> None:
    (folder / "zine.toml").write_text(VALUID, encoding="utf-8")
    text = "\n".join(["---", "title: Fuzz", *front, "---", *body]) if front or body else ""
    (folder / "deux.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    load_or_refuse(folder)


# --- the manifest's problems, each on its line (issue 21, item 6) -----------------------------

TOML_LINES = st.one_of(
    st.sampled_from(['a = 1', 'b = "x"', 'a = 2', 'c = [', '"u",', ']', '“q”', 'd = “z”', 'e: "f"', '[t]', 's = """',
                     '"""', '# c ]', 'x = {y = 1', '}', 'g = [1,[2', ']]', "h = 'l’x'", '', 'k', 'a.b = 1', '[[t]]',
                     '\r', '\x0b']),
    st.text(max_size=8),
)


@FUZZ
@given(st.lists(TOML_LINES, max_size=12))
def test_a_refused_text_has_errors_on_its_lines(lines: list[str]) -> None:
    """A text TOML reads keeps exactly its values; a text it refuses gets at least one error, each
    on one of its lines, and never an exception of another kind."""
    text = "\n".join(lines)
    parsed = toml_errors.parse(text, "zine.toml")
    assert all(error.line is None or 1 <= error.line <= text.count("\n") + 1 for error in parsed.errors), parsed.errors
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        assert parsed.errors
    else:
        assert parsed == toml_errors.Parsed(data)
