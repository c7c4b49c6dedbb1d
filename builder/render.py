"""HTML to PDF with WeasyPrint: the only place that imports WeasyPrint.

The fetcher is a sandbox: it serves `data:` URLs and files under the allowed folders (content
and templates), and stops the build on anything else, before any request is made.
"""

from __future__ import annotations

import calendar
import datetime
import mimetypes
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import (
    FatalURLFetchingError, URLFetcher, URLFetcherResponse,
)

from builder import logs
from builder.errors import BuildError, raise_all
from builder.model import Check, Document, Size

PX_PER_MM = 96 / 25.4
FONTS = (".ttf", ".otf", ".ttc", ".woff", ".woff2")
SOURCES = (".md", ".html", ".htm", ".css", ".svg")
_AT = re.compile(r" at (\d+):(\d+)")


class Refused(FatalURLFetchingError):  # type: ignore[misc]
    """A URL the sandbox will not fetch (WeasyPrint lets only fatal errors through)."""

    def __init__(self, reference: str, message: str, *, line: int | None = None, needle: str | None = None) -> None:
        super().__init__(f"{reference}: {message}")
        self.reference = reference
        self.message = message
        self.line = line
        """Set when `reference` is the file at fault (named by the fetcher), not a URL to look for."""
        self.needle = needle or (reference if "://" in reference else Path(reference).name).rstrip("…")
        """What to look for in the project's files to find who asked for the URL."""


class SandboxFetcher(URLFetcher):  # type: ignore[misc]
    """Serve `data:` URLs and files under `roots`; refuse everything else, without a request."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.roots = tuple(root.resolve() for root in roots)
        self.stylesheets: list[Path] = []
        self.refused: list[Refused] = []
        self.served: list[tuple[Path, int, int]] = []
        """Every file served since the last `clear()`, stamped (modification time, size) before it
        was read: what a render read besides its HTML, as it was then."""

    def clear(self) -> None:
        """Forget what the previous render fetched."""
        self.stylesheets.clear()
        self.refused.clear()
        self.served.clear()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        try:
            return self._fetch(url, headers)
        except Refused as refusal:
            # Kept: WeasyPrint swallows even fatal errors while drawing SVG images.
            self.refused.append(refusal)
            raise

    def _fetch(self, url: str, headers: dict[str, str] | None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme.lower() == "data":
            return super().fetch(url, headers)
        if parts.scheme.lower() != "file":
            raise Refused(_short(url), "refused, the build never uses the network "
                                       "(save the file in the project and link to it)")
        if parts.netloc not in ("", "localhost"):
            raise Refused(_short(url), "refused, a file on another machine")
        asked = Path(unquote(parts.path))
        path = asked.resolve()  # symbolic links too: a link to /etc is outside
        if not any(path.is_relative_to(root) for root in self.roots):
            if path.suffix.lower() in FONTS:
                raise Refused(str(path), "refused, a font of this machine: ship fonts in templates/fonts/ "
                                         "(no local() in @font-face)", needle="local(")
            leads = f" (it leads to {path})" if path != asked else ""
            raise Refused(str(asked), f"refused, outside the project: only content and templates{leads}")
        if not path.is_file():
            raise Refused(self.show(path), "not found")
        status = path.stat()
        self.served.append((path, status.st_mtime_ns, status.st_size))
        data = path.read_bytes()
        if path.suffix.lower() == ".css":
            self.stylesheets.append(path)
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as error:  # WeasyPrint would read it as mojibake, silently
                raise Refused(self.show(path), "not valid UTF-8 (save the file as UTF-8)",
                              line=data[: error.start].count(b"\n") + 1) from None
        # Served here, not by urllib: its file handler looks host names up (a DNS request).
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, {"Content-Type": kind})

    def show(self, path: Path) -> str:
        """templates/zine.css: a path as the user knows it."""
        for root in self.roots:
            if path.is_relative_to(root):
                return (root.name / path.relative_to(root)).as_posix()
        return str(path)


class _Fonts(FontConfiguration):  # type: ignore[misc]
    """WeasyPrint's font set-up, remembering the families the stylesheets ship (@font-face)."""

    def __init__(self) -> None:
        super().__init__()
        self.families: set[str] = set()

    def add_font_face(self, rule_descriptors: dict[str, Any], url_fetcher: URLFetcher) -> Any:
        self.families.add(str(rule_descriptors["font_family"]))
        return super().add_font_face(rule_descriptors, url_fetcher)


class Renderer:
    """One WeasyPrint set-up (fonts, fetcher) reused for every document of a build."""

    def __init__(self, roots: tuple[Path, ...], *, source_date: datetime.date | None = None) -> None:
        self.fonts = _Fonts()
        self.blank_pages: tuple[int, ...] = ()
        """1-based numbers of the pages the last render left blank."""
        self.fetcher = SandboxFetcher(roots)
        self.source_date = source_date

    @property
    def families(self) -> frozenset[str]:
        """The font families of the @font-face rules: the only fonts an output should use."""
        return frozenset(self.fonts.families)

    def write(self, document: Document, target: Path, *, forms: bool = False,
              check: Check | None = None) -> tuple[int, Size]:
        """Render `document` once and write it to `target`; return its page count and page size.

        `forms` turns inputs into PDF form fields. `check` sees, before anything is written, where
        each element with an id starts on each page (x, y in mm from the top-left corner).
        """
        html = HTML(string=document.html, base_url=document.base_url.resolve().as_uri() + "/",
                    url_fetcher=self.fetcher)
        where = f"{document.name} document"
        self.fetcher.clear()
        with logs.collected("weasyprint") as records, _source_date(self.source_date):
            try:
                rendered = html.render(font_config=self.fonts, pdf_forms=forms)
                if check is not None:
                    check([{name: (box[0] / PX_PER_MM, box[1] / PX_PER_MM) for name, box in page.anchors.items()}
                           for page in rendered.pages])
                data = rendered.write_pdf()
            except Refused:  # already recorded by the fetcher
                data = b""
        # Swallowed refusals count too; every problem is reported, not just the first. Nothing is
        # written before: a filled letter with an error must not land in the reader's folder.
        errors = [self._refusal(refusal, where) for refusal in dict.fromkeys(self.fetcher.refused)]
        warnings = dict.fromkeys(record.getMessage() for record in records)
        errors += [self._warning(message, where) for message in warnings]  # once each
        raise_all(errors)
        _write_whole(target, data)
        # Pages the layout left empty (a part that must start on a right-hand page): reported.
        self.blank_pages = tuple(number for number, page in enumerate(rendered.pages, start=1)
                                 if page._page_box.page_type.blank)
        first = rendered.pages[0]
        return len(rendered.pages), Size(round(first.width / PX_PER_MM, 2), round(first.height / PX_PER_MM, 2))

    def _refusal(self, refusal: Refused, where: str) -> BuildError:
        """Name the file and line that asks for the refused URL, when it can be found."""
        if refusal.line is not None:
            return BuildError(refusal.reference, refusal.message, refusal.line)
        return self._find(refusal.needle, str(refusal), first=".css") or BuildError(where, str(refusal))

    def _warning(self, message: str, where: str) -> BuildError:
        """A WeasyPrint warning, naming the stylesheet and line, or the text, it comes from."""
        unsupported = re.search(r'unsupported by fonts: "(.+)"', message)
        if unsupported:  # tofu: a character none of the fonts has
            found = self._find(unsupported.group(1), f"no font has the character {unsupported.group(1)} "
                                                     "(it would print as an empty box)", first=".md")
            return found or BuildError(where, message)
        match = _AT.search(message)
        if match is None:
            return BuildError(where, message)
        line, column = int(match.group(1)), int(match.group(2))
        quoted = re.search(r"`([^`:]+)", message)
        for path in reversed(self.fetcher.stylesheets):
            lines = path.read_bytes().decode("utf-8", "replace").split("\n")
            if line <= len(lines) and (quoted is None or lines[line - 1][column - 1:].lower()
                                       .startswith(quoted.group(1).strip().lower())):
                return BuildError(self.fetcher.show(path), f"CSS: {_AT.sub('', message, 1)}", line)
        return BuildError(where, message)

    def _find(self, needle: str, message: str, *, first: str) -> BuildError | None:
        """The first file of the project that contains `needle` (files ending in `first` first)."""
        paths = [path for root in self.fetcher.roots for path in sorted(root.rglob("*"))
                 if path.suffix.lower() in SOURCES and path.is_file()]
        for path in sorted(paths, key=lambda path: path.suffix.lower() != first):
            text = path.read_bytes().decode("utf-8", "replace")
            if needle and needle in text:
                return BuildError(self.fetcher.show(path), message, text.count("\n", 0, text.index(needle)) + 1)
        return None


def _write_whole(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file renamed into place: never half a PDF."""
    temporary = target.with_name(f".{target.name}.partial")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def _source_date(day: datetime.date | None) -> Iterator[None]:
    """Font subsetting by fontTools stamps the current time unless SOURCE_DATE_EPOCH is set.

    The manifest's date is used for this render only (a later build in the same process may
    have another date); an epoch the user set is honoured and left alone.
    """
    if day is None or "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(day.timetuple()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "…"
