"""Markdown other people wrote prints word for word (issue 20, item 8).

tests/markdown/ is a zine made of texts written elsewhere (their origins and licences in its
README): the CommonMark specification, a chapter of the Pandoc manual, a chapter of the Rust
book, and a tenants' guide with a twelve-step list. It is built once; every word of each source
that is not markup must print in the reading edition, between that part's first page and the
next part's, as many times as it is written, or be named in a message of the build.

The words of a source are read without the project's parser (which is what is tested): a word
is two letters or more; front matter, link destinations, reference definitions, picture markup,
note labels, `{attributes}`, `:::` lines, comments and HTML tags the writer may use are markup;
everything inside code prints as typed.
"""

from __future__ import annotations

import html
import re
import shutil
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder.model import Report
from tests.conftest import ROOT, WORD, build_in, folded, part_pages, pdf_words

CORPUS = Path(__file__).resolve().parent.parent / "markdown"
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
"""A fence opens or closes code, at any indent (in a list item, it is indented with the item)."""
TAGS = frozenset(["a", "abbr", "b", "br", "code", "del", "div", "em", "i", "img", "kbd", "mark", "p", "s", "small", "span", "strong", "sub", "sup", "u"])
"""HTML elements whose tags are markup (the text between them prints); any other <word> prints as typed."""
_TAG = re.compile(r"</?([A-Za-z][\w-]*)(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _prose(text: str) -> str:
    """What of a line of Markdown outside code prints, markup taken out (code spans kept)."""
    pieces = re.split(r"(`+)(.+?)(?<!`)\1(?!`)", text)
    out = []
    for index in range(0, len(pieces), 3):  # [prose, ticks, code, prose, …]
        prose = pieces[index]
        prose = re.sub(r"!\[[^\]]*\]\([^)]*\)(\{[^{}]*\})?", " ", prose)  # a picture: its alt is not page text
        prose = re.sub(r"\[\^[^\]\s]+\]:?", " ", prose)  # a note's label
        # A link prints its text, what follows it joined: [Autolink](@)s prints Autolinks.
        prose = re.sub(r"\[([^\]]*)\](\([^)\s]*(\s+\"[^\"]*\")?\)|\[[^\]]*\])", r"\1", prose)
        prose = re.sub(r"\]\([^)\s]*(\s+\"[^\"]*\")?\)", "] ", prose)  # the same, its text begun above
        prose = re.sub(r"\]\[[^\]]*\]", "] ", prose)
        prose = re.sub(r"(?<=[)\]`])\{[^{}\n]*\}", " ", prose)  # attributes
        prose = re.sub(r"(?<=[^\W\d_])\*(?=[^\W\d_])", "", prose)  # emphasis inside a word: *n*th prints nth
        prose = _TAG.sub(lambda tag: " " if tag.group(1).lower() in TAGS else tag.group(0), prose)
        out.append(html.unescape(prose))
        if index + 2 < len(pieces):
            out.append(pieces[index + 2])
    return " ".join(out)


def source_words(text: str) -> Counter[str]:
    """Every word of a part's Markdown that prints, counted (see the module's docstring)."""
    body = re.sub(r"\A---\n.*?\n---\n", "", text, count=1, flags=re.DOTALL)
    body = _COMMENT.sub(lambda comment: "\n" * comment.group(0).count("\n"), body)  # outside code: see below
    words: Counter[str] = Counter()
    fence = ""
    for line in body.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line.strip(" `~"):
                fence = ""
            else:
                words.update(WORD.findall(folded(line)))
            continue
        if opening:  # its info string ("python", "example") does not print
            fence = opening.group(1)
            continue
        if re.match(r"^\s{0,3}(\[(?!\^)[^\]]+\]:\s*\S+.*|:::.*|\{[^{}]*\})\s*$", line):
            continue  # a reference definition, a ::: line, attributes for the block below
        words.update(WORD.findall(folded(_prose(line))))
    return words


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    project = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md"))
    shutil.copytree(ROOT / "templates", project / "templates")
    return project, build_in(project)


def test_every_word_of_every_part_prints_or_is_named(corpus: tuple[Path, Report]) -> None:
    project, report = corpus
    reading = next(pdf.path for pdf in report.outputs if pdf.path.name.endswith("-reading.pdf"))
    named = Counter(WORD.findall(folded(" ".join(finding.message for finding in report.findings))))
    document = pdfium.PdfDocument(reading)
    pages = [document[index].get_textpage().get_text_range().splitlines() for index in range(len(document))]
    starts = part_pages(reading)
    manifest = (project / "content/zine.toml").read_text(encoding="utf-8")
    parts = re.findall(r'"([\w-]+\.md)"', manifest.split("parts", 1)[1])
    missing = {}
    for name in parts:
        text = (project / "content" / name).read_text(encoding="utf-8")
        title = re.search(r"^title: (.+)$", text, re.MULTILINE)
        assert title, name
        first = next(page for label, page in starts if label == " ".join(title.group(1).split()))
        last = min([page for _, page in starts if page > first] + [len(pages)])
        printed = pdf_words([line for page in pages[first:last] for line in page])
        lost = {word: count - printed[word] for word, count in source_words(text).items()
                if printed[word] < count and word not in named}
        if lost:
            missing[name] = lost
    assert not missing, missing


def test_the_word_reader_counts_what_prints() -> None:
    """The reader of source words itself: markup out, code and unknown tags in."""
    text = ('---\ntitle: T\n---\nSee [the flyer](flyer.pdf "Flyer") and ![a map](map.png){width=50%}.\n'
            "Replace <your name> with <b>yours</b>[^note] &amp; `<b>code</b>`, the *n*th [link](@)s.\n<!-- hidden\nwords -->\n"
            "```python\nprint(hello)\n```\n[^note]: Noted.\n[ref]: https://example.org/away\n")
    assert source_words(text) == Counter(
        {"see": 1, "the": 2, "flyer": 1, "and": 1, "replace": 1, "your": 1, "name": 1, "with": 1, "yours": 1,
         "code": 1, "nth": 1, "links": 1, "print": 1, "hello": 1, "noted": 1})


def test_a_line_break_does_not_lose_a_word() -> None:
    assert pdf_words(["a hyphen-", "ated word", "wrappedcod", "eline", "corre\u2010", "1.", "12", "Title", "sponding"]) \
        >= Counter({"hyphenated": 1, "wrappedcodeline": 1, "word": 1, "corresponding": 1})
