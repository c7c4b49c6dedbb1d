"""Pandoc, as `zine import` runs it: the binary the pypandoc-binary wheel ships, in its sandbox.

A document is read into pandoc's JSON tree (`read`), changed in Python (importing.tree), and
written back as the Markdown the project reads (`write`): GitHub-flavoured Markdown without raw
HTML (pipe tables, `[^1]` notes, `~~strikeout~~`), lines unwrapped. `--sandbox` keeps pandoc from
reading or fetching anything but the file it is given (no network: issue 23, item 2); the
pictures it finds inside the file land in the folder `--extract-media` names.

Errors are BuildError naming the file as the user gave it (`where`); what pandoc says is passed
on with every path of this machine taken out.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from builder.content import frontmatter
from builder.errors import BuildError

READERS = {".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".html": "html", ".htm": "html", ".xhtml": "html",
           ".epub": "epub", ".md": "commonmark_x", ".markdown": "commonmark_x", ".txt": "commonmark"}
"""The pandoc reader of each suffix `zine import` takes. Markdown is read as CommonMark with
pandoc's extensions (notes, pipe tables: what the project's own Markdown reads); a .txt file is
read as CommonMark with every punctuation mark escaped first (`plain_text`), so that it stays text."""
WRITER = "gfm-raw_html"
"""GitHub-flavoured Markdown less raw HTML: what builder/content/markdown.py reads."""
TIMEOUT = 120
"""Seconds pandoc may take on one document (a 300-page book takes a few)."""
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def binary() -> str:
    """The pandoc that pypandoc-binary ships; BuildError if pypandoc is missing."""
    try:
        import pypandoc
    except ImportError:
        raise BuildError(None, "zine import needs pypandoc-binary: pip install pypandoc-binary") from None
    return str(pypandoc.get_pandoc_path())


def read(source: Path, where: str, media: Path) -> dict[str, Any]:
    """The pandoc tree (JSON, as a dict) of the document `source`, its pictures extracted into
    `media`; BuildError naming `where` if its suffix is not one of READERS or pandoc fails."""
    reader = READERS.get(source.suffix.lower())
    if reader is None:
        raise BuildError(where, f"zine import reads {', '.join(sorted(set(READERS)))} files, not "
                                f"'{source.suffix or 'a file without a suffix'}'")
    args = ["--sandbox", "-f", reader, "-t", "json", f"--extract-media={media}"]
    if reader.startswith("commonmark"):  # text: decoded here, a .txt escaped (plain_text)
        try:
            data = source.read_bytes()
        except OSError as error:
            raise BuildError(where, f"cannot be read ({error.strerror or error})") from None
        text, title = _front_matter(_text(data, where, reader), where) if reader == "commonmark_x" else (
            _text(data, where, reader), "")
        out = _run([*args, *([f"--metadata=title:{title}"] if title else [])], text.encode("utf-8"), where, source,
                   media)
    else:
        out = _run([*args, str(source)], b"", where, source, media)
    tree: dict[str, Any] = json.loads(out)
    return tree


def write(tree: dict[str, Any], where: str) -> str:
    """The Markdown of the pandoc tree `tree`: WRITER, unwrapped lines."""
    out = _run(["--sandbox", "-f", "json", "-t", WRITER, "--wrap=none"], json.dumps(tree).encode(), where)
    return out.decode("utf-8")


def plain_text(text: str) -> str:
    """A .txt file as CommonMark that reads as the same text: every punctuation mark escaped,
    each line's leading spaces taken out (four would make code)."""
    return "\n".join(_PUNCTUATION.sub(r"\\\1", line.lstrip()) for line in text.splitlines())


def _front_matter(text: str, where: str) -> tuple[str, str]:
    """A Markdown file's text less its front matter, if it has the project's (builder/content/
    frontmatter.py: a part of another zine), and the title it gives ("" if none). Other YAML is
    left to pandoc."""
    try:
        fields, body, _ = frontmatter.split(text, where)
    except BuildError:
        return text, ""
    return (body, fields.get("title", "")) if fields else (text, "")


def _text(data: bytes, where: str, reader: str) -> str:
    """A text file's bytes as text (a BOM dropped); BuildError if they are not UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BuildError(where, f"is not UTF-8 text (byte {error.start + 1}): save it as UTF-8 and import it again") \
            from None
    return plain_text(text) if reader == "commonmark" else text


def _run(args: list[str], data: bytes, where: str, *hidden: Path) -> bytes:
    """pandoc's output for `args` with `data` on its input; BuildError naming `where` with
    pandoc's first line of error (the `hidden` paths taken out) if it fails."""
    try:
        done = subprocess.run([binary(), *args], input=data, capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise BuildError(where, f"pandoc took more than {TIMEOUT} s to read it: nothing imported") from None
    except OSError as error:
        raise BuildError(where, f"pandoc cannot run ({error.strerror or error}): nothing imported") from None
    if done.returncode != 0:
        raise BuildError(where, f"cannot be read: {_said(done.stderr, where, hidden)}; nothing imported")
    return done.stdout


def _said(stderr: bytes, where: str, hidden: tuple[Path, ...]) -> str:
    """pandoc's first line of error, its own name and this machine's paths taken out."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    said = next((line for line in lines if not line.startswith(("HasCallStack", "CallStack"))), "pandoc failed")
    for path in sorted(hidden, key=lambda one: -len(str(one))):
        said = said.replace(str(path.resolve()), where).replace(str(path), where)
    said = re.sub(r"^pandoc:\s*", "", said)
    return re.sub(r"(?:/[^\s/:]+)+/?", "…", said) if "/" in said.replace(where, "") else said
