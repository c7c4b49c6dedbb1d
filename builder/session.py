"""What one build, or a `zine watch` process building again and again, keeps warm between renders.

The Jinja2 environment (templates reload when they change), WeasyPrint with its fonts, the
worker process that checks the outputs, and the PDFs already rendered: a document whose HTML
and files are unchanged since the last build is not laid out again.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from builder import templating
from builder.checker import Checker
from builder.model import Check, Document, Size

if TYPE_CHECKING:
    from builder.render import Renderer


@dataclass(frozen=True)
class _Rendered:
    key: str
    data: bytes
    pages: int
    size: Size
    files: tuple[tuple[Path, int, int], ...]
    """Each file the render read, with its modification time and size then."""
    blanks: tuple[int, ...]


class Session:
    """Warm state for the builds of one project (see the module docstring)."""

    def __init__(self, *, content: Path, templates: Path) -> None:
        self.roots = (content, templates)
        self.env = templating.environment(templates)
        self.checker = Checker()
        self._renderer: Renderer | None = None
        self._rendered: dict[str, _Rendered] = {}

    def renderer(self, source_date: datetime.date) -> Renderer:
        """WeasyPrint, set up once (it takes a second to import: only when a render is needed)."""
        if self._renderer is None:
            from builder.render import Renderer

            self._renderer = Renderer(self.roots, source_date=source_date)
        self._renderer.source_date = source_date
        return self._renderer

    def write(self, document: Document, target: Path, *, source_date: datetime.date, forms: bool = False,
              check: Check | None = None) -> tuple[int, Size]:
        """Render `document` to `target`, or copy the PDF rendered last time from the same input."""
        key = hashlib.sha256(f"{source_date}|{forms}|{document.html}".encode()).hexdigest()
        previous = self._rendered.get(document.name)
        if previous is not None and previous.key == key and all(_stamp(path) == (path, *stamp)
                                                                 for path, *stamp in previous.files):
            target.write_bytes(previous.data)
            return previous.pages, previous.size
        renderer = self.renderer(source_date)
        pages, size = renderer.write(document, target, forms=forms, check=check)
        files = tuple(dict.fromkeys(renderer.fetcher.served))  # stamped when read: a save during the
        # render makes the next build lay it out again
        self._rendered[document.name] = _Rendered(key, target.read_bytes(), pages, size, files,
                                                  renderer.blank_pages)
        return pages, size

    def blank_pages(self, name: str) -> tuple[int, ...]:
        """1-based numbers of the pages document `name` left blank when it was last laid out."""
        return self._rendered[name].blanks if name in self._rendered else ()

    @property
    def families(self) -> frozenset[str]:
        """The font families the stylesheets ship (none before the first render)."""
        return self._renderer.families if self._renderer else frozenset()

    def close(self) -> None:
        self.checker.close()


def _stamp(path: Path) -> tuple[Path, int, int]:
    try:
        status = path.stat()
    except OSError:
        return path, -1, -1
    return path, status.st_mtime_ns, status.st_size
