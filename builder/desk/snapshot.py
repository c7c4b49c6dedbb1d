"""The state of the desk after a build, as one immutable value the HTTP threads read.

The builder thread makes a new `Snapshot` after each build (`after`) and swaps it in whole
(events.Board); nothing in it changes afterwards. Its pictures are held as bytes by their SHA-256,
so that a picture's URL (/img/<sha256>.png) names its content: a rebuild that leaves a page as it
was leaves its URL as it was, and the browser fetches again only what changed (issue 23). Its
`files` map a download's name to the output it is: the allow-list of what /out/ serves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from builder import preview
from builder.errors import BuildError, BuildErrors
from builder.kinds import Kind
from builder.model import Report
from builder.project import PREVIEW, Project, reading_preview, side_preview

from . import editing, printing, words

WIDTHS = {Kind.MINIZINE: 2 * preview.THUMB_WIDTH, Kind.LETTERS: preview.THUMB_WIDTH}
"""Pixels across the pictures the desk draws itself (the mini-zine's sheet holds eight pages)."""
_TEXTS: dict[str, str] = {}
TEXTS_MAX = 4096
"""Page texts remembered by their picture's URL (the builder thread's alone), oldest forgotten first."""


@dataclass(frozen=True)
class Snapshot:
    """One build's state: `number` counts the snapshots (0: none yet; /events sends it), `state` is
    what /state.json answers (its "build" counts the builds; pages as versioned URLs, errors,
    findings, print facts, words), `images` the PNGs by their SHA-256 in hex, `files` the
    downloads by file name: the outputs, and the test sheet made in memory."""

    number: int = 0
    state: Mapping[str, Any] = field(default_factory=dict)
    images: Mapping[str, bytes] = field(default_factory=dict)
    files: Mapping[str, Path | bytes] = field(default_factory=dict)

    def building(self) -> Snapshot:
        """The same, said to be building again (a change was seen): the page says so meanwhile."""
        return replace(self, number=self.number + 1, state={**self.state, "building": True})


def after(previous: Snapshot, outcome: Report | BuildError, seconds: float, project: Project,
          parts: list[str]) -> Snapshot:
    """The snapshot after a build whose `outcome` is a Report or the BuildError that stopped it:
    on an error, the last good pages stay and the errors are added, each with its file and line."""
    number, build = previous.number + 1, previous.state.get("build", 0) + 1
    if isinstance(outcome, BuildError):
        state = {**previous.state, "build": build, "building": False, "ok": False, "errors": errors(outcome),
                 "parts": parts}
        lang = editing.manifest(project.content).get("lang")
        state.setdefault("words", words.of(lang if isinstance(lang, str) else "en"))
        return Snapshot(number, state, previous.images, previous.files)
    images: dict[str, bytes] = {}
    pages = {name: [_url(png, images) for png in pngs] for name, pngs in _pictures(outcome, project).items()}
    reading = next(out.path for out in outcome.outputs if out.path.name.endswith(Kind.READING.suffix))
    files: dict[str, Path | bytes] = {path.name: path for path in (*(out.path for out in outcome.outputs),
                                                                    *_contact(outcome))}
    sheet = printing.test_sheet(outcome)
    if sheet is not None:
        files[printing.TEST_SHEET] = sheet
    state = {"build": build, "ok": True, "seconds": round(seconds, 2), "errors": [], "parts": parts,
             "pages": pages, "texts": {"reading": _texts(reading, pages["reading"])},
             "lang": outcome.lang, "direction": outcome.direction,
             "findings": [str(finding) for finding in outcome.findings],
             "outputs": [{"name": name, "url": f"/out/{name}"} for name in files],
             "print": printing.facts(outcome), "words": words.of(outcome.lang)}
    return Snapshot(number, state, MappingProxyType(images), MappingProxyType(files))


def errors(error: BuildError) -> list[dict[str, str]]:
    """Each error of `error` as the page shows it: its place (content/zine.toml:7) and its message."""
    found = error.errors if isinstance(error, BuildErrors) else [error]
    return [{"place": "" if one.where is None else one.where + (f":{one.line}" if one.line else ""),
             "message": one.message} for one in found]


def _url(png: bytes, images: dict[str, bytes]) -> str:
    digest = hashlib.sha256(png).hexdigest()
    images[digest] = png
    return f"/img/{digest}.png"


def _pictures(report: Report, project: Project) -> dict[str, list[bytes]]:
    """The PNGs of each output's pages: the build's previews (reading pages, booklet sides), and
    the mini-zine and letters drawn here (preview.drawn: a page seen before is not drawn again)."""
    found = {kind: out for kind in Kind for out in report.outputs if out.path.name.endswith(kind.suffix)}
    folder = project.output / PREVIEW
    pictures = {
        "reading": [(folder / reading_preview(n)).read_bytes() for n in range(1, found[Kind.READING].pages + 1)],
        "booklet": [(folder / side_preview(n)).read_bytes() for n in range(1, found[Kind.BOOKLET].pages + 1)],
    }
    for kind, width in WIDTHS.items():
        pictures[str(kind)] = preview.drawn(found[kind].path, width) if kind in found else []
    return pictures


def _texts(pdf: Path, urls: list[str]) -> list[str]:
    """Each page's text (pypdfium2), for the page's readers and its tests: the pictures say it to
    the eye only. Remembered by the page's picture (its URL, a SHA-256: the same pixels, the same
    words), so that a rebuild reads only the pages that changed."""
    import pypdfium2 as pdfium

    if all(url in _TEXTS for url in urls):
        return [_TEXTS[url] for url in urls]
    document = pdfium.PdfDocument(pdf)
    try:
        for index, url in enumerate(urls):
            if url not in _TEXTS:
                page = document[index]
                _TEXTS[url] = " ".join(page.get_textpage().get_text_range().split())
                page.close()
    finally:
        document.close()
    texts = [_TEXTS[url] for url in urls]
    for url in list(_TEXTS)[:max(0, len(_TEXTS) - TEXTS_MAX)]:  # the oldest first
        del _TEXTS[url]
    return texts


def _contact(report: Report) -> tuple[Path, ...]:
    return tuple(path for path in report.extras if path.suffix == ".png")
