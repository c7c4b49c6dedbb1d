"""What the worker processes do: render, impose, and check (a PDF's previews drawn by the same
task, page by page: each page loaded once for both), each a task of its own.

Each task is a plain function of plain values (pickled to the worker) that returns a value.
Some of what a worker keeps between tasks lives here, one copy per process: its WeasyPrint
set-ups, the last PDF it rendered of each document, and the findings of the files it checked
(caches.py lists every cache). Heavy libraries are imported inside the tasks, so that
importing this module costs nothing.
"""

from __future__ import annotations

import dataclasses
import datetime
import gc
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.files import stamp
from builder.kinds import Kind
from builder.model import Document, Finding, Rendered
from builder.project import Project
from builder.typography.words import Words
from builder.workers.caches import remembered

if TYPE_CHECKING:
    from builder.imposition import Imposition
    from builder.preflight import Expectation
    from builder.preflight.reader import Head, Look
    from builder.render.weasy import Renderer

WARM = ("builder.render.weasy", "builder.preflight.reader", "builder.imposition.engine.pdf", "builder.preview")
"""What a worker imports while it waits for its first tasks: WeasyPrint first."""
CHECKED_MAX = 32
"""Files whose findings a worker remembers (a few per build), oldest forgotten first."""
COLLECT = (20_000, 20, 20)
"""The garbage collector's thresholds in a worker that lays out (gc.set_threshold; Python's are
700, 10, 10): a layout makes millions of objects that live as long as it does, and each
collection went through them again. Laying out a 425-page zine, the collector's share of the
time fell from about 16 % (2271 collections) to 5 % (76), the peak memory rose 6 % (issue 26)."""


@dataclass(frozen=True)
class _Laid:
    """A document as last rendered by this process, to reuse while nothing it read has changed."""

    key: str
    data: bytes
    rendered: Rendered


_renderers: dict[Project, Renderer] = {}
_laid: dict[str, _Laid] = {}
_checked: dict[tuple[str, str], tuple[Finding, ...]] = {}


def render(document: Document, target: Path, project: Project, source_date: datetime.date,
           kept: bool = True) -> Rendered:
    """Lay `document` out into `target` (only the project's content and templates, and the shipped
    templates under them, may be read), or
    copy the PDF made the last time from the same HTML and the same files (fonts included);
    `kept`: laid out for a rebuild to reuse (Renderer.render); raises BuildError (render.weasy)."""
    key = hashlib.sha256(f"{project}|{document.base_url}|{source_date}|{document.forms}|{document.check!r}|"
                         f"{document.fonts}|{document.html}".encode()).hexdigest()
    previous = _laid.get(document.name)
    if previous is not None and previous.key == key and _unchanged(previous.rendered.files):
        target.write_bytes(previous.data)
        return dataclasses.replace(previous.rendered, path=target, laid_out=False, layout="")
    gc.set_threshold(*COLLECT)
    renderer = _renderers.get(project)
    if renderer is None or not _unchanged(renderer.fonts.values()):  # a font file changed: read them again
        from builder.render.weasy import Renderer  # about a second: only in the processes that render

        renderer = _renderers[project] = Renderer(project)
    rendered = renderer.render(document, target, source_date=source_date, kept=kept)
    # The files were stamped as they were read: a save during the render lays it out again next time.
    _laid[document.name] = _Laid(key, target.read_bytes(), rendered)
    return rendered


@dataclass(frozen=True)
class Shown:
    """The previews of a PDF: a PNG of each page in `folder`, named by `naming(page number)`; and,
    if `contact` is given, one PNG of them all two by two (a booklet's sides: front, back),
    labelled in `language`."""

    folder: Path
    naming: Callable[[int], str]
    contact: Path | None
    language: Words


def check(path: Path, expect: Expectation | None, fonts: frozenset[str], pixels: bool,
          kind: Kind | None = None, shown: Shown | None = None, remember: bool = True,
          text: bool = True) -> tuple[Finding, ...]:
    """Preflight `path` (preflight.check), an output of `kind` when known; the same bytes checked
    the same way are checked once. With `shown`, its previews too, drawn as its pages are checked:
    each page is loaded once for both, and the file opened and digested once (issue 26).
    `remember`: its pages are digested and what is seen of them kept (a lasting session's);
    `text`: its text is read (preflight.check)."""
    from builder import preflight

    pngs: list[bytes] = []
    visit = _drawing(pngs)

    def checked() -> tuple[Finding, ...]:
        return tuple(preflight.check([path], expect=expect, fonts=fonts, pixels=pixels, kind=kind,
                                     visit=visit if shown else None, remember=remember, text=text))

    if remember:
        key = (hashlib.sha256(path.read_bytes()).hexdigest(), repr((expect, sorted(fonts), pixels, kind, text)))
        found = remembered(_checked, key, CHECKED_MAX, checked)
    else:  # a one-off build's file is checked once
        found = checked()
    if shown is not None:  # none drawn if the check was remembered, or pdfium could not open the file
        previews(path, shown, pngs or None)
    return tuple(dataclasses.replace(finding, path=path) for finding in found)


def check_head(path: Path, expect: Expectation | None, kind: Kind | None) -> Head:
    """What preflight reads of the whole PDF at `path` before its pages are checked in chunks
    (`check_pages`, in any worker) and the findings put together (`check_finish`): a one-off
    build's long document, nothing digested nor kept (issue 26)."""
    from builder.preflight import reader

    return reader.head(path, expect, kind, remember=False)


def check_pages(path: Path, start: int, stop: int, pixels: bool, shown: Shown | None) -> list[Look]:
    """What preflight sees of pages `start` to `stop` (0-based, `stop` excluded) of the PDF at `path`
    (reader.looks, nothing digested), their previews written as they are checked if `shown` (with
    no contact sheet)."""
    from builder import preview
    from builder.preflight import reader

    pngs: list[bytes] = []
    seen = reader.looks(path, None, start, stop, pixels, _drawing(pngs) if shown else None)
    if shown is not None:
        preview.write(pngs, shown.folder, shown.naming, first=start + 1)
    return seen


def check_finish(path: Path, top: Head, seen: list[Look], fonts: frozenset[str], pixels: bool) -> tuple[Finding, ...]:
    """The findings of the PDF at `path` checked in chunks, put together as `check` would give them."""
    from builder.preflight import reader

    return tuple(reader.finish(path, top, seen, fonts, pixels))


def _drawing(pngs: list[bytes]) -> Callable[[int, bytes | None, Callable[[], Any]], None]:
    """A preflight page visitor (preflight/reader.Visit) that adds each page's preview PNG to `pngs`."""
    from builder import preview

    def visit(number: int, digest: bytes | None, page: Callable[[], Any]) -> None:
        pngs.append(preview.thumbnail(digest, page))

    return visit


def impose(source: Path, plan: Imposition, target: Path, where: str, inked: bool = False) -> None:
    """Impose the PDF at `source` by `plan` into `target`; BuildError (naming `where`) if unreadable.
    `inked`: its black is on one ink as drawn (Rendered.gray_black), not to be rewritten."""
    from builder.imposition.engine import pdf

    pdf.impose(pdf.open_source(source, where=where, remember=True, inked=inked), plan, target)


def previews(pdf: Path, shown: Shown, pngs: list[bytes] | None = None) -> None:
    """The previews of `pdf` as `shown` says, of its pages' PNGs `pngs` (preview.thumbnail) if
    drawn already, else drawn here (pdfium's errors if it cannot open the file)."""
    from builder import preview

    if pngs is None:
        pngs = preview.thumbnails(pdf, shown.folder, shown.naming)
    else:
        preview.write(pngs, shown.folder, shown.naming)
    if shown.contact is not None:
        preview.contact_sheet(pngs, shown.contact, shown.language)


def _unchanged(files: Iterable[tuple[Path, int, int]]) -> bool:
    """Whether each file still has the modification time and size it was stamped with."""
    return all(stamp(path) == (path, *stamped) for path, *stamped in files)
