"""A manifest typed in a hurry: every problem in one run, each with its line, in words a writer
knows (issue 21, item 6); a manifest TOML reads keeps exactly TOML's values."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from builder.content import manifest, toml_errors
from builder.errors import BuildError

from conftest import SAMPLE, run, snapshot

SAMPLE_TOML = (SAMPLE / "content/zine.toml").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample's content, made the current directory (nothing built)."""
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(project: Path, manifest: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """`zine build` with `manifest` as content/zine.toml: its error lines; it exits 1, writes
    nothing in output/ and leaves content/ as it was."""
    (project / "content/zine.toml").write_text(manifest, encoding="utf-8")
    content = snapshot(project / "content")
    code, out, err = run(capsys, "build")
    assert code == 1, err
    assert out == "" and "Traceback" not in err
    assert not (project / "output").exists() or snapshot(project / "output") == {}
    assert snapshot(project / "content") == content
    assert str(project) not in err, "project paths only"
    return [line for line in err.splitlines() if not line.startswith("  ")]  # progress lines are indented


def test_a_word_processors_curly_quotes_are_named_on_every_line(project: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    manifest = (SAMPLE_TOML.replace('"Zine d\'essai"', "“Zine d’essai”")  # the ’ of d’essai is no quote
                .replace('"Un petit livret pour les tests"', "« Un petit livret pour les tests »")
                .replace('"Édition de test"', "‘Édition de test’")
                .replace('"deux.md", "trois.md"', "“deux.md”, „trois.md“"))
    assert _build(project, manifest, capsys) == [
        "content/zine.toml:2: a word processor's curly quotes “ ”: type straight quotes \"…\"",
        "content/zine.toml:3: a word processor's curly quotes « »: type straight quotes \"…\"",
        "content/zine.toml:7: a word processor's curly quotes ‘ ’: type straight quotes \"…\"",
        "content/zine.toml:8: a word processor's curly quotes “ ” „: type straight quotes \"…\"",
    ]


def test_every_problem_of_the_manifest_in_one_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Lines TOML refuses and the values of the others, all in one run: no 'missing' for a key
    whose line is refused."""
    manifest = ('title = "Zine d\'essai\n'
                'lang: "fr"\n'
                "date = 15/01/2026\n"
                "edition = Édition de test\n"
                'parts = ["un.md", "deux.md"\n'
                'fromat = "A6"\n'
                'photos = "halftones"\n'
                'auteur = "Nous"\n'
                'colour = "red"\n'
                'back_cover = "dos.md"\n'
                'back_cover = "dos.md"\n')
    assert _build(project, manifest, capsys) == [
        "content/zine.toml:1: invalid TOML: Illegal character '\\n' (a text is not closed: is a closing quote \" "
        "missing on this line?)",
        "content/zine.toml:2: 'lang:' must be 'lang =' (each setting is: name = \"value\")",
        "content/zine.toml:3: invalid TOML: Expected newline or end of document after a statement (one setting a "
        "line; texts go between quotes: \"…\"; dates are written 2026-11-28)",
        "content/zine.toml:4: invalid TOML: Invalid value (texts go between quotes: \"…\"; dates are written "
        "2026-11-28)",
        "content/zine.toml:5: invalid TOML: Unclosed array (is a comma missing between two parts, or the closing ] ?)",
        "content/zine.toml:11: 'back_cover' is set twice: keep one",
        "content/zine.toml:6: unknown key 'fromat' (did you mean 'format'?)",
        "content/zine.toml:8: unknown key 'auteur' (did you mean 'author'?)",
        "content/zine.toml:9: unknown key 'colour' (known keys: author, back_cover, byline, cover, cover_alt, date, direction, "
        "edition, envelope, fonts, format, intro, lang, licence, links, minizine, notes, paper, parts, photos, price, slug, "
        "subtitle, title)",
        "content/zine.toml:7: 'photos' must be \"keep\" or \"halftone\", not \"halftones\" (did you mean \"halftone\"?)",
    ]


def test_a_wrong_format_gets_the_nearest_one(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _build(project, SAMPLE_TOML + 'format = "halfletter"\n', capsys) == [
        "content/zine.toml:10: 'format' must be \"A5\", \"A6\", \"A4\" or \"half-letter\", not "
        "\"halfletter\" (did you mean \"half-letter\"?)"]


def test_an_array_over_several_lines_is_one_statement(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The lines of an array are not statements of their own: a curly quote inside one is one
    error, on its line, and no line of the array is called invalid."""
    manifest = SAMPLE_TOML.replace('["un.md", "deux.md", "trois.md", "quatre.md", "cinq.md"]',
                                   '[\n  "un.md",  # the first\n  “deux.md”,\n  "trois.md", "quatre.md",\n  "cinq.md",\n]')
    assert _build(project, manifest + 'slug = "x\n', capsys) == [
        "content/zine.toml:10: a word processor's curly quotes “ ”: type straight quotes \"…\"",
        "content/zine.toml:15: invalid TOML: Illegal character '\\n' (a text is not closed: is a closing quote \" "
        "missing on this line?)",
    ]


VALID = [
    SAMPLE_TOML,
    SAMPLE_TOML + 'intro = """\nsur plusieurs\nlignes = "pas une clé"\n"""\n',
    SAMPLE_TOML.replace('"Zine d\'essai"', '"Le “zine” d’essai, « oui »"'),
    'a.b = 1\na.c = [\n  1, # un\n  [2, "]"],\n]\n[t]\nx = \'#\'\n',
]


@pytest.mark.parametrize("text", VALID)
def test_a_manifest_toml_reads_keeps_tomls_values(text: str) -> None:
    assert toml_errors.parse(text, "zine.toml") == toml_errors.Parsed(tomllib.loads(text))


def test_the_right_lines_of_a_refused_text_keep_their_values() -> None:
    parsed = toml_errors.parse('a = “x”\nb = [\n  "1",\n  "2",\n]\nc = \nd = 2026-01-15\n', "zine.toml")
    assert [(error.line, error.message[:20]) for error in parsed.errors] == [
        (1, "a word processor's c"), (6, "invalid TOML: Invali")]
    assert parsed.data == tomllib.loads('b = ["1", "2"]\nd = 2026-01-15\n') and parsed.broken == {"a", "c"}


def test_statements_span_their_arrays_and_multi_line_texts() -> None:
    lines = ['a = [', '  "x", # ]', '  "]",', ']', '', 'b = """', 'c = [', '"""', 'd = [', 'e = 1', '[t]']
    assert toml_errors.statements(lines) == [range(4), range(5, 8), range(8, 9), range(9, 10), range(10, 11)]


@pytest.mark.parametrize(("text", "errors"), [
    ('a = 1\nb = 2\na = 3', [(3, "'a' is set twice: keep one")]),  # tomllib: "at end of document", no line
    ('parts = ["un.md",\nintro = "x"\n', [(1, "invalid TOML: Unclosed array (is a comma missing between two "
                                             "parts, or the closing ] ?)")]),
    ("parts = [un.md,\n", [(1, "invalid TOML: Invalid value (texts go between quotes: \"…\"; dates are written "
                               "2026-11-28)")]),
])
def test_each_error_on_the_line_to_fix(text: str, errors: list[tuple[int, str]]) -> None:
    assert [(error.line, error.message) for error in toml_errors.parse(text, "zine.toml").errors] == errors


def test_a_long_refused_text_is_read_by_halves(monkeypatch: pytest.MonkeyPatch) -> None:
    """Statements set twice are found by halves, not by reading every prefix (184 s here before;
    every prefix would read the text about 1000 times over, halves read it about 44 times):
    counted in calls to tomllib, not timed (a timed test measures the machine)."""
    text = "\n".join(f'k{number % 1980} = "{number}"' for number in range(2000)) + "\nx = “y”\n"
    calls = []
    loads = toml_errors.tomllib.loads
    monkeypatch.setattr(toml_errors.tomllib, "loads", lambda text, **kw: calls.append(len(text)) or loads(text, **kw))
    parsed = toml_errors.parse(text, "zine.toml")
    assert sum(calls) < 100 * len(text), f"{len(calls)} calls read {sum(calls)} characters"
    assert len(parsed.errors) == 21 and parsed.errors[1].line == 1982 and len(parsed.data) == 1980


def test_texts_longer_than_their_kind_are_refused_by_key_line_length_and_limit(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 25, item 4: a 10 MB title hung the build; each text has a limit by its kind (a title is
    a line, a file name a name), all named in one run. A title of 200 characters still builds."""
    written = (f'title = "{"T" * 10_000_000}"\nlang = "fr"\ndate = 2026-01-15\nedition = "Une"\n'
                f'cover_alt = "{"a" * 1001}"\nparts = [\n  "{"p" * 256}.md",\n]\n')
    assert _build(project, written, capsys) == [
        "content/zine.toml:1: 'title' is 10,000,000 characters long: it is a line, at most 200 characters; "
        "shorten it",
        "content/zine.toml:5: 'cover_alt' is 1,001 characters long: it is a few sentences, at most 1000 "
        "characters; shorten it",
        "content/zine.toml:6: 'parts' is 259 characters long: it is a name, at most 255 characters; shorten it",
    ]


def test_a_title_of_two_hundred_characters_is_read(tmp_path: Path) -> None:
    text = f'title = "{"T" * 200}"\nlang = "fr"\ndate = 2026-01-15\nedition = "Une"\nparts = ["a.md"]\n'
    path = tmp_path / "zine.toml"
    path.write_text(text, encoding="utf-8")
    assert manifest.read(path, "content/zine.toml").data["title"] == "T" * 200


@pytest.mark.parametrize("key", ["format", "paper", "envelope", "direction", "lang"])
def test_an_enumerated_value_too_long_is_refused_by_its_length_alone(tmp_path: Path, key: str) -> None:
    """A 1 MB `format` is said by its length, and no later check (a did-you-mean over the known
    names, the language's lookup) reads it: difflib on a megabyte would hang the build."""
    values = {"title": '"T"', "lang": '"fr"', "date": "2026-01-15", "edition": '"Une"', "parts": '["a.md"]',
              key: '"' + "x" * 1_000_000 + '"'}
    path = tmp_path / "zine.toml"
    path.write_text("".join(f"{name} = {value}\n" for name, value in values.items()), encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        manifest.read(path, "content/zine.toml")
    assert raised.value.lines() == [
        f"content/zine.toml:{list(values).index(key) + 1}: '{key}' is 1,000,000 characters long: it is a name, "
        "at most 255 characters; shorten it"]
