"""One broken line among valid TOML statements (issue 21, item 6): whatever TOML string forms the
others use (basic and literal, multi-line with escapes, quotes and line-ending backslashes), their
values are exactly tomllib's and only the broken line is reported."""

from __future__ import annotations

import tomllib

import pytest
from builder.content import toml_errors
from hypothesis import assume, given, settings
from hypothesis import strategies as st

CHARS = st.one_of(st.sampled_from(list("\"'\\#[]{}=,. \tab\né“”")), st.characters(max_codepoint=0x2FF))
TEXT = st.text(CHARS, max_size=12)


def _basic(text: str) -> str:
    """"…": every quote, backslash and control character escaped."""
    escaped = "".join(f"\\u{ord(char):04x}" if char < " " and char != "\t" or char == "\x7f"
                      else "\\" + char if char in "\"\\" else char for char in text)
    return f'"{escaped}"'


def _literal(text: str) -> str:
    """'…': the characters a literal text may hold."""
    return "'" + "".join(char for char in text if char == "\t" or (char >= " " and char not in "'\x7f")) + "'"


def _multi_line(text: str, quote: str, escapes: list[str]) -> str:
    """\"\"\"…\"\"\" or '''…''': the text with runs of raw quotes up to two long (a third escaped in a
    basic text, dropped in a literal one: the last one or two quotes stand before the closing
    ones), and `escapes` (raw TOML) between its characters in a basic text."""
    out, run = [], 0
    for number, char in enumerate(text):
        if quote == '"' and escapes:
            out.append(escapes[number % len(escapes)])
            run = 0
        if char == quote:
            if run == 2:
                out.append("\\" + quote if quote == '"' else "")
                run = 0
                continue
            run += 1
        elif char == "\n" or char == "\t" or (char >= " " and char != "\x7f"):
            run = 0
        else:
            char = f"\\u{ord(char):04x}" if quote == '"' else ""
        if quote == '"' and char == "\\":
            char = "\\\\"
        out.append(char)
    return quote * 3 + "".join(out) + quote * 3


ESCAPES = st.lists(st.sampled_from(['\\"""', '\\"', '""', '\\\\', '\\\n   ', '\\\n\n', '\\u00e9', '\\t', '\\\\"']),
                   max_size=3)
STRING = st.one_of(TEXT.map(_basic), TEXT.map(_literal), st.builds(_multi_line, TEXT, st.just('"'), ESCAPES),
                   st.builds(_multi_line, TEXT, st.just("'"), st.just([])))
SCALAR = st.one_of(STRING, st.sampled_from(["1", "-0.5", "true", "2026-01-15", "1979-05-27T07:32:00Z", "inf"]))
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=3).map(lambda items: "[\n  " + ",  # c ]\n  ".join(items) + ",\n]"),
    st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
    st.lists(SCALAR.filter(lambda value: "\n" not in value), max_size=2).map(
        lambda items: "{" + ", ".join(f"x{number} = {item}" for number, item in enumerate(items)) + "}")), max_leaves=4)
KEY = st.sampled_from(["k{}", '"k {} \\" q"', "'k{}#'", "k{}.x", '"k{}"."y z"'])
STATEMENT = st.one_of(
    st.tuples(KEY, VALUE, st.sampled_from(["", "  # a \"comment\" [", " #'"])).map(lambda s: f"{s[0]} = {s[1]}{s[2]}"),
    st.sampled_from(["[t{}]", "[[a{}]]", '[ "t {}" . u ]', "# comment {} ]\"'", ""]),
)
BROKEN = st.one_of(st.sampled_from([
    "format = A5", 'lang: "fr"', "title = “Zine”", 'author = "Ana', "x = 'y", "n = 1 2", "= 1", "date",
    "[t", "parts = [1,", 'parts = ["a.md", ', "m = {a = 1", 'q = "x" y', "d = 2026-13-45", "b = tru", 's = """x""" y',
    "p = 'it's'", 'e = "\\q"', "[[u]", "a = [1]]", "a.b. = 1", "r = [1, 2", '"k" "= 1',
]), st.text(CHARS, max_size=15))


@settings(max_examples=300, deadline=None)
@given(st.lists(STATEMENT, min_size=1, max_size=6), BROKEN, st.data(), st.sampled_from(["\n", "\r\n"]))
def test_one_broken_line_among_valid_statements(statements: list[str], broken: str, data: st.DataObject,
                                                newline: str) -> None:
    """Statements valid together, one line refused alone put between two of them: one error, on
    that line; every other value tomllib's (the text read without that line)."""
    statements = [statement.replace("{}", str(number)) for number, statement in enumerate(statements)]
    assume(_reads("\n".join(statements)))
    assume("\n" not in broken and "\r" not in broken and not _reads(broken))
    assume(toml_errors._scan(broken, 0, None)[1] is None)  # a multi-line text it opens runs to the end
    at = data.draw(st.integers(0, len(statements)))
    line = 1 + sum(statement.count("\n") + 1 for statement in statements[:at])
    lines = [statement.replace("\n", newline) for statement in statements]
    text = newline.join([*lines[:at], broken, *lines[at:]])
    parsed = toml_errors.parse(text, "zine.toml")
    assert [error.line for error in parsed.errors] == [line], (text, parsed.errors)
    assert parsed.data == tomllib.loads(newline.join([*lines[:at], "", *lines[at:]])), text


def _reads(text: str) -> bool:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True


@pytest.mark.parametrize(("text", "broken"), [
    (r'subtitle = """Le \""" journal"""' + "\nformat = A5\nlang = 'fr'", "format = A5"),  # an escaped quote
    ('subtitle = """a \\\\ \\\n  b \\""" c"""\nformat: A5\nlang = "fr"', "format: A5"),  # a line-ending \
    ('''parts = [""""x"""", [1], \'\'\'y\'\'\'\', [2]]\nformat: A5\nlang = "fr"''', "format: A5"),  # 4 quotes
    ('''parts = [\'\'\'it''s\'\'\', """\n[\n"""\n]\nformat: A5\nlang = "fr"''', "format: A5"),
    ('parts = [1,\n"a \\" b" = 1', "parts = [1,"),  # a quoted name with an escape starts a statement
    ("parts = [1,\n[t]\nb = 1", "parts = [1,"),  # so does a table header
])
def test_each_string_form_hides_its_brackets_and_quotes(text: str, broken: str) -> None:
    """Found as the first cases: a valid statement beside a broken line is read, not reported."""
    parsed = toml_errors.parse(f'title = "T"\n{text}\n', "zine.toml")
    assert [error.line for error in parsed.errors] == [f'title = "T"\n{text}'.split("\n").index(broken) + 1]
    assert parsed.data == tomllib.loads(f'title = "T"\n{text.replace(broken, "")}\n')
