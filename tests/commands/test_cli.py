"""The command line: bad input gives one clear line naming the file, exit 1, nothing lost."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from builder.cli import main
from builder.errors import plural
from builder.model import Report
from builder.render.notices import NOTICES

from conftest import ROOT, SAMPLE, run, snapshot


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_build: Report) -> Path:
    """A copy of the sample project with its outputs already built, made the current directory."""
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "output").mkdir()
    for out in sample_build.outputs:
        shutil.copy2(out.path, tmp_path / "output" / out.path.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_build_prints_a_summary(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(project / "output")
    code, out, err = run(capsys, "build")
    assert code == 0, err
    assert "wrote output/zine-d-essai-reading.pdf: 10 pages of 148 × 210 mm" in out
    assert "wrote output/zine-d-essai-booklet.pdf: 6 sides of 297 × 210 mm" in out
    assert "3 sheets of A4 per copy" in out
    assert "2 blank pages added before the back cover (booklet pages 10, 11)" in out
    # One progress line per stage, the last one the preflight; a machine without HarfBuzz-Subset
    # adds its one unindented warning (render/notices.py).
    assert [line for line in err.splitlines() if line.startswith("  ")][-1].startswith("  checked the outputs")
    assert sum(line.startswith("  ") for line in err.splitlines()) == 4
    subset = NOTICES[0].says in err  # WeasyPrint's fallback, said once as a warning
    assert f"checked the outputs: {plural(int(subset), 'warning')}" in err
    assert sorted(p.name for p in (project / "output").iterdir()) == [
        ".zine-outputs", "preview", "zine-d-essai-booklet.pdf", "zine-d-essai-contact.png",
        "zine-d-essai-reading.pdf"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}: update the test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def _link(link: Path, target: Path, text: str = "") -> None:
    target.write_text(text, encoding="utf-8")
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(target)


Breakage = Callable[[Path], object]
IMAGE = "![logo]({})\n\nParagraphe 1"

# (what to break, the arguments of `zine build`, the expected line: {n} stands for any line number)
ERRORS: list[tuple[str, Breakage, tuple[str, ...], str]] = [
    # the manifest
    ("toml", lambda p: _edit(p / "content/zine.toml", 'lang = "fr"', 'lang = "fr'), (),
     "content/zine.toml:5: invalid TOML: Illegal character '\\n' (a text is not closed: is a closing quote \" "
     "missing on this line?)"),
    ("toml-comma", lambda p: _edit(p / "content/zine.toml", '"quatre.md", ', '"quatre.md" '), (),
     "invalid TOML: Unclosed array (is a comma missing between two parts, or the closing ] ?)"),
    ("near-part", lambda p: _edit(p / "content/zine.toml", '"cinq.md"]', '"cinqe.md"]'), (),
     "content/zine.toml: part 'cinqe.md' not found in content/ (did you mean 'cinq.md'?)"),
    ("no-opening-fence", lambda p: _edit(p / "content/trois.md", "---\ntitle: Partie trois", "title: Partie trois"),
     (), "content/trois.md:1: front matter: the file must start with a line '---' (before 'title:')"),
    ("open-quote", lambda p: _edit(p / "content/trois.md", "Paragraphe 2 de", 'Il dit "non. Paragraphe 2 de'), (),
     "content/trois.md:8: a quotation opened with \" is not closed in this paragraph"),
    ("no-manifest", lambda p: (p / "content/zine.toml").unlink(), (),
     "content: no zine.toml here"),
    ("missing-part", lambda p: _edit(p / "content/zine.toml", '"cinq.md"]', '"six.md"]'), (),
     "content/zine.toml: part 'six.md' not found in content/"),
    ("unknown-part", lambda p: _edit(p / "content/zine.toml", '"cinq.md"]', '"cinq.txt"]'), (),
     "content/zine.toml: part 'cinq.txt' is not the name of a .md file"),
    ("no-parts", lambda p: _edit(p / "content/zine.toml", 'parts = ["un.md", "deux.md", "trois.md", "quatre.md", '
                                 '"cinq.md"]', "parts = []"), (),
     "content/zine.toml: 'parts' is empty"),
    ("missing-back", lambda p: _edit(p / "content/zine.toml", '"dos.md"', '"verso.md"'), (),
     "content/zine.toml: part 'verso.md' not found in content/"),
    ("outside-part", lambda p: _edit(p / "content/zine.toml", '"cinq.md"]', '"../../etc/passwd.md"]'), (),
     "content/zine.toml: part '../../etc/passwd.md' is outside the content folder (refused)"),
    ("linked-part", lambda p: (_link(p / "content/lien.md", p.parent / "ailleurs.md", "---\ntitle: x\n---\n"),
                               _edit(p / "content/zine.toml", '"cinq.md"]', '"lien.md"]')), (),
     "content/zine.toml: part 'lien.md' is outside the content folder (refused)"),
    ("missing-key", lambda p: _edit(p / "content/zine.toml", "edition =", "editon ="), (),
     "content/zine.toml: missing 'edition'"),
    ("wrong-type", lambda p: _edit(p / "content/zine.toml", "date = 2026-01-15", 'date = "hier"'), (),
     "content/zine.toml:6: 'date' must be a date like 2026-11-28"),
    ("unknown-key", lambda p: _edit(p / "content/zine.toml", "edition =", 'edition_ = "x"\nedition ='), (),
     "content/zine.toml:7: unknown key 'edition_'"),
    ("unknown-language", lambda p: _edit(p / "content/zine.toml", 'lang = "fr"', 'lang = "francais"'), (),
     "content/zine.toml:5: 'lang' must be a language code like \"fr\", \"en\" or \"fr-CA\", not \"francais\""),
    ("unknown-format", lambda p: _edit(p / "content/zine.toml", 'lang = "fr"', 'lang = "fr"\nformat = "B5"'), (),
     "content/zine.toml:6: 'format' must be \"A5\", \"A6\", \"A4\" or \"half-letter\", not \"B5\""),
    ("cover-missing", lambda p: _edit(p / "content/zine.toml", 'lang = "fr"', 'lang = "fr"\ncover = "images/une.png"\n'
                                                                              'cover_alt = "Une"'), (),
     "content/zine.toml:6: image 'images/une.png' not found"),
    ("cover-not-a-picture", lambda p: _edit(p / "content/zine.toml", 'lang = "fr"', 'lang = "fr"\ncover = "un.md"'), (),
     "content/zine.toml:6: picture content/un.md is not a picture the build can read"),
    ("manifest-utf8", lambda p: (p / "content/zine.toml").write_bytes(
        (p / "content/zine.toml").read_bytes().replace("Édition".encode(), b"\xc9dition")), (),
     "content/zine.toml:7: not valid UTF-8"),
    # front matter and parts
    ("front-line", lambda p: _edit(p / "content/trois.md", "title: Partie trois", "title Partie trois"), (),
     "content/trois.md:2: front matter: expected 'key: value'"),
    ("front-kind", lambda p: _edit(p / "content/trois.md", "kind: text", "kind: novel"), (),
     "content/trois.md:3: front matter: unknown kind 'novel'"),
    ("front-key", lambda p: _edit(p / "content/trois.md", "kind: text", "colour: red"), (),
     "content/trois.md:3: front matter: unknown key 'colour'"),
    ("front-title", lambda p: _edit(p / "content/trois.md", "title: Partie trois\n", ""), (),
     "content/trois.md: front matter: missing 'title'"),
    ("front-twice", lambda p: _edit(p / "content/trois.md", "kind: text", "kind: text\nkind: quote"), (),
     "content/trois.md:4: front matter: 'kind' is given twice"),
    ("front-quote", lambda p: _edit(p / "content/trois.md", "title: Partie trois", 'title: "Partie trois'), (),
     "content/trois.md:2: front matter: unclosed quote"),
    ("back-kind", lambda p: _edit(p / "content/dos.md", "title: Dos", "title: Dos\nkind: guide"), (),
     "content/dos.md:3: front matter: 'kind: guide' is not printed: the intro, the back cover and the mini-zine "
     "print their text and their 'note' only"),
    ("back-author", lambda p: _edit(p / "content/dos.md", "title: Dos", "title: Dos\nauthor: X"), (),
     "content/dos.md:3: front matter: 'author' is not printed"),
    ("letter-date", lambda p: (_edit(p / "content/zine.toml", '"cinq.md"]', '"cinq.md", "lettre.md"]'),
                               (p / "content/lettre.md").write_text("---\ntitle: L\nkind: letter\ndate: 1er mai\n---\n\n"
                                                                    "> [[nom]]\n", encoding="utf-8")), (),
     "content/lettre.md:4: front matter: 'date' is not printed: a letter prints only its text, to be signed"),
    ("front-open", lambda p: _edit(p / "content/trois.md", "kind: text\n---", "kind: text\n"), (),
     "content/trois.md:1: front matter: no closing '---' line"),
    ("part-utf8", lambda p: (p / "content/deux.md").write_bytes(b"---\ntitle: x\n---\n\nbonjour\n\xe9t\xe9\n"), (),
     "content/deux.md:6: not valid UTF-8"),
    # images and URLs in the content
    ("remote-image", lambda p: _edit(p / "content/un.md", "Paragraphe 1", IMAGE.format("https://exemple.org/logo.png")),
     (), "content/un.md:6: image 'https://exemple.org/logo.png' is not a local file"),
    ("raw-html-img", lambda p: _edit(p / "content/un.md", "Paragraphe 1",
                                     '<img src="http://exemple.org/a.png" alt="">\n\nParagraphe 1'), (),
     "content/un.md:6: image 'http://exemple.org/a.png' is not a local file"),
    ("raw-html-css", lambda p: _edit(p / "content/un.md", "Paragraphe 1",
                                     '<p style="background: url(\'//exemple.org/b.png\')">x</p>\n\nParagraphe 1'), (),
     "content/un.md:6: <p style=…> is refused: styles belong in templates/"),
    ("missing-image", lambda p: _edit(p / "content/un.md", "Paragraphe 1", IMAGE.format("images/absent.png")), (),
     "content/un.md:6: image 'images/absent.png' not found"),
    ("outside-image", lambda p: _edit(p / "content/un.md", "Paragraphe 1", IMAGE.format("../../etc/hostname")), (),
     "content/un.md:6: image '../../etc/hostname' is outside the content folder (refused)"),
    ("linked-image", lambda p: (_link(p / "content/images/lien.png", p.parent / "ailleurs.png"),
                                _edit(p / "content/un.md", "Paragraphe 1", IMAGE.format("images/lien.png"))), (),
     "content/un.md:6: image 'images/lien.png' is outside the content folder (refused)"),
    ("no-glyph", lambda p: _edit(p / "content/trois.md", "Paragraphe 1", "Paragraphe \u0378 1"), (),
     "content/trois.md:6: no font has the character \u0378 (U+0378; it would print as an empty box): put a font "
     "that has it in fonts/ (docs/en/templates.md, « Fonts »)"),
    # templates and stylesheets
    ("template-syntax", lambda p: _edit(p / "templates/part.html", "{{ part.title }}", "{{ part.title "), (),
     "templates/part.html:4: template error"),
    ("template-undefined", lambda p: _edit(p / "templates/part.html", "{{ part.title }}", "{{ part.titel }}"), (),
     "templates/part.html:4: template error: 'builder.model.Part object' has no attribute 'titel'"),
    ("template-runtime", lambda p: _edit(p / "templates/part.html", "{{ part.title }}", "{{ 1 / 0 }}"), (),
     "templates/part.html:4: template error: division by zero"),
    # --templates names a whole set: a file missing there is not borrowed from the shipped ones
    ("template-missing", lambda p: (p / "templates/zine.html").unlink(), ("--templates", "templates"),
     "templates/zine.html: template not found"),
    ("templates-file", lambda p: (shutil.rmtree(p / "templates"), (p / "templates").write_text("x")), (),
     "templates: not a folder"),
    ("template-utf8", lambda p: (p / "templates/part.html").write_bytes(
        (p / "templates/part.html").read_bytes() + b"<p>\xe9t\xe9</p>\n"), (),
     "templates/part.html:{n}: not valid UTF-8"),
    ("css-remote", lambda p: _append(p / "templates/zine.css", "\nbody { background: url(https://exemple.org/x.png); }\n"),
     (), "templates/zine.css:{n}: https://exemple.org/x.png: refused, the build never uses the network"),
    ("css-import", lambda p: (p / "templates/zine.css").write_text(
        '@import url("https://exemple.org/y.css");\n' + (p / "templates/zine.css").read_text(encoding="utf-8"),
        encoding="utf-8"), (),
     "templates/zine.css:1: https://exemple.org/y.css: refused, the build never uses the network"),
    ("css-file-host", lambda p: _append(p / "templates/zine.css", "\nbody { background: url(file://exemple.org/x.png); }\n"),
     (), "templates/zine.css:{n}: file://exemple.org/x.png: refused, a file on another machine"),
    ("css-protocol-relative-font", lambda p: _append(p / "templates/zine.css", '\n@font-face { font-family: "Y"; '
                                                   'src: url(//fonts.example/x.woff2); }\nh1 { font-family: "Y"; }\n'),
     (), "templates/zine.css:{n}: file://fonts.example/x.woff2: refused, a file on another machine"),
    ("css-outside", lambda p: _append(p / "templates/zine.css", "\nbody { background: url(../../../../../../../../../../etc/hostname); }\n"),
     (), "templates/zine.css:{n}: /etc/hostname: refused, outside the project"),
    ("css-linked", lambda p: (_link(p / "templates/lien.css", p.parent / "ailleurs.css", "p { color: #000; }"),
                              _edit(p / "templates/base.html", '<link rel="stylesheet" href="zine.css">',
                                    '<link rel="stylesheet" href="zine.css"><link rel="stylesheet" href="lien.css">')),
     (), "templates/base.html:12: templates/lien.css: refused, outside the project: only content, templates and fonts "
         "(it leads to ../ailleurs.css)"),
    ("css-local-font", lambda p: _append(p / "templates/zine.css",
                                         '\n@font-face { font-family: "Local"; src: local("DejaVu Sans"), '
                                         'url(/usr/share/fonts/x.ttf); }\nh1 { font-family: "Local"; }\n'),
     (), "templates/zine.css:{n}: x.ttf: refused, a font of this machine: put the font file in fonts/"),
    ("css-missing-font", lambda p: _append(p / "templates/zine.css",
                                           '\n@font-face { font-family: "X"; src: url(fonts/Absente.ttf); }\n'),
     (), "templates/zine.css:{n}: templates/fonts/Absente.ttf: not found"),
    ("css-property", lambda p: _append(p / "templates/zine.css", "\np { colr: red; }\n"),
     (), "templates/zine.css:{n}: CSS: Ignored `colr: red`, unknown property"),
    ("css-utf8", lambda p: (p / "templates/zine.css").write_bytes((p / "templates/zine.css").read_bytes() + b"\n\xff\n"),
     (), "templates/zine.css:{n}: not valid UTF-8"),
    # the preflight of the outputs, run before they replace the old ones
    ("preflight-size", lambda p: _append(p / "templates/zine.css", "\n@page { size: 140mm 200mm; }\n"), (),
     "templates: the reading document's pages are 140 × 200 mm, not 148 × 210 mm (A5 reading pages): "
     "the stylesheets' @page size must say the same"),
    # options
    ("no-content", lambda p: None, ("--content", "nulle-part"), "error: --content nulle-part: no such folder"),
    ("empty-content", lambda p: (p / "vide").mkdir(), ("--content", "vide"), "vide: no zine.toml here"),
    ("no-templates", lambda p: None, ("--templates", "nulle-part"), "error: --templates nulle-part: no such folder"),
    ("output-file", lambda p: (p / "fichier").write_text("x"), ("--output", "fichier"),
     "error: the output folder fichier is a file, not a folder (move it, or name another folder with --output)"),
    ("output-in-content", lambda p: None, ("--output", "content/pdf"),
     "error: the output folder content/pdf is inside content/: the build never writes there"),
]


def _pattern(message: str) -> str:
    return re.escape(message).replace(re.escape("{n}"), r"\d+").replace(re.escape("{any}"), r"\S+")


@pytest.mark.parametrize(("breakage", "args", "message"), [case[1:] for case in ERRORS], ids=[case[0] for case in ERRORS])
def test_errors_name_the_file_and_keep_outputs(project: Path, capsys: pytest.CaptureFixture[str],
                                               no_network: list[object], breakage: Breakage,
                                               args: tuple[str, ...], message: str) -> None:
    before = snapshot(project / "output")
    breakage(project)
    content = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    code, out, err = run(capsys, "build", *args)
    assert code == 1
    assert re.search(_pattern(message), err), err
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if not line.startswith("  ")]  # progress lines are indented
    assert problems and all(re.match(r"(error: |\S+: )", line) for line in problems), err
    assert snapshot(project / "output") == before  # nothing lost
    assert {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == content  # never written


def test_every_error_at_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(project / "content/zine.toml", '"cinq.md"]', '"six.md", "sept.md"]')
    code, out, err = run(capsys, "build")
    assert code == 1
    assert "content/zine.toml: part 'six.md' not found in content/\n" in err
    assert "content/zine.toml: part 'sept.md' not found in content/\n" in err


def test_css_warning_names_the_exact_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    css = project / "templates/zine.css"
    line = css.read_text(encoding="utf-8").count("\n") + 2
    _append(css, "\nh2 { font-wieght: 700; }\n")
    code, out, err = run(capsys, "build")
    assert code == 1
    assert f"templates/zine.css:{line}: CSS: Ignored `font-wieght: 700`, unknown property." in err


def test_debug_shows_a_traceback(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/zine.toml").unlink()
    code, out, err = run(capsys, "--debug", "build")
    assert code == 1
    assert "Traceback" in err
    assert "content: no zine.toml here" in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--colour", "red"])
    assert exit_info.value.code == 2


def test_build_never_writes_in_content(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = sorted((p.relative_to(project), p.stat().st_mtime_ns) for p in (project / "content").rglob("*"))
    assert run(capsys, "build")[0] == 0
    assert sorted((p.relative_to(project), p.stat().st_mtime_ns) for p in (project / "content").rglob("*")) == listing


def test_python_m_builder(project: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "builder", "--version"], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0
    assert result.stdout.startswith("zine ")


def test_build_prints_preflight_warnings_and_still_writes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(project / "output")
    _append(project / "templates/zine.css", "\nh1 { color: #c00000; }\n")
    code, out, err = run(capsys, "build")
    assert code == 0, err
    colour = [line for line in err.splitlines() if "warning: colour" in line]
    assert colour and all(re.match(r"output/zine-d-essai-(reading|booklet)\.pdf page \d+: warning: colour: copiers "
                                   r"print it as grey \(about \d+ mm²\)$", line) for line in colour), err
    assert snapshot(project / "output") != before


def test_the_summary_counts_the_texts_warnings_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The outputs' check is not the only source of warnings: a picture without a description
    is one on the text, and the summary line says so (it said "0 warnings", then listed one)."""
    from PIL import Image

    Image.new("L", (2000, 300), 0).save(project / "content/rule.png")
    _append(project / "content/un.md", "\n\n![](rule.png)\n")
    code, _, err = run(capsys, "build", "--no-previews")
    assert code == 0, err
    assert re.search(r"checked the outputs: \d+ warnings?; 1 warning on the text too", err), err
