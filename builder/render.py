"""HTML to PDF with WeasyPrint: the only place that imports WeasyPrint.

The fetcher is a sandbox: it serves `data:` URLs and files under the allowed folders (the
project), and stops the build on anything else, before any request is made.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from builder.errors import BuildError
from builder.model import Document, Size

PX_PER_MM = 96 / 25.4


class Refused(FatalURLFetchingError):
    """A URL the sandbox will not fetch (WeasyPrint lets only fatal errors through)."""


class SandboxFetcher(URLFetcher):
    """Serve `data:` URLs and files under `roots`; refuse everything else, without a request."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.roots = tuple(root.resolve() for root in roots)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise Refused(f"{_short(url)}: refused, the build never uses the network "
                          "(save the file in the project and link to it)")
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise Refused(f"{path}: refused, outside the project")
        if not path.is_file():
            raise Refused(f"{path}: not found")
        return super().fetch(url, headers)


class Renderer:
    """One WeasyPrint set-up (fonts, fetcher) reused for every document of a build."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        self.fonts = FontConfiguration()
        self.fetcher = SandboxFetcher(roots)

    def write(self, document: Document, target: Path) -> tuple[int, Size]:
        """Render `document` once and write it to `target`; return its page count and page size."""
        html = HTML(string=document.html, base_url=document.base_url.resolve().as_uri() + "/",
                    url_fetcher=self.fetcher)
        with _warnings() as warnings:
            try:
                rendered = html.render(font_config=self.fonts)
                rendered.write_pdf(target)
            except Refused as error:
                raise BuildError(f"{document.name} document", str(error)) from None
        if warnings:
            raise BuildError(f"{document.name} document", warnings[0])
        first = rendered.pages[0]
        return len(rendered.pages), Size(round(first.width / PX_PER_MM, 2), round(first.height / PX_PER_MM, 2))


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _warnings:
    """Collect WeasyPrint's warnings instead of letting them reach the terminal."""

    def __enter__(self) -> list[str]:
        self.logger = logging.getLogger("weasyprint")
        self.handler = _Collector()
        self.logger.addHandler(self.handler)
        self.propagate, self.logger.propagate = self.logger.propagate, False
        return self.handler.messages

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.propagate = self.propagate


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "…"
