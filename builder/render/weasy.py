"""HTML to PDF with WeasyPrint: the only module that renders (and, with the sandbox, imports it).

A `Renderer` is set up once per process (fonts, sandbox) and renders document after document;
each render returns what it rendered as a value (`Rendered`). Nothing is written when anything
went wrong: a filled letter with an error must not land in the reader's folder.
"""

from __future__ import annotations

import calendar
import datetime
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from builder import logs
from builder.errors import raise_all
from builder.model import Document, Rendered
from builder.paper import PX_PER_MM, Size
from builder.render import diagnose
from builder.render.sandbox import Refused, SandboxFetcher


class _Fonts(FontConfiguration):  # type: ignore[misc]
    """WeasyPrint's font set-up, remembering the families the stylesheets ship (@font-face)."""

    def __init__(self) -> None:
        super().__init__()
        self.families: set[str] = set()

    def add_font_face(self, rule_descriptors: dict[str, Any], url_fetcher: URLFetcher) -> Any:
        self.families.add(str(rule_descriptors["font_family"]))
        return super().add_font_face(rule_descriptors, url_fetcher)


class Renderer:
    """One WeasyPrint set-up (fonts, sandbox over `roots`) reused for every document."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        self.fonts = _Fonts()
        self.fetcher = SandboxFetcher(roots)

    def render(self, document: Document, target: Path, *, source_date: datetime.date | None) -> Rendered:
        """Lay `document` out once and write it to `target`; raise BuildError with every problem.

        `document.check` sees, before anything is written, where each element with an id starts
        on each page (x, y in mm from the top-left corner). `source_date` stamps the fonts
        (fontTools subsetting) unless SOURCE_DATE_EPOCH is set.
        """
        html = HTML(string=document.html, base_url=document.base_url.resolve().as_uri() + "/",
                    url_fetcher=self.fetcher)
        where = f"{document.name} document"
        self.fetcher.clear()
        with logs.collected("weasyprint") as records, _source_date(source_date):
            try:
                laid_out = html.render(font_config=self.fonts, pdf_forms=document.forms)
                if document.check is not None:
                    document.check([{name: (box[0] / PX_PER_MM, box[1] / PX_PER_MM)
                                     for name, box in page.anchors.items()} for page in laid_out.pages])
                data = laid_out.write_pdf()
            except Refused:  # already recorded by the fetcher
                data = b""
        # Swallowed refusals count too; every problem is reported, not just the first.
        errors = [diagnose.refusal(refusal, self.fetcher, where) for refusal in dict.fromkeys(self.fetcher.refused)]
        warnings = dict.fromkeys(record.getMessage() for record in records)
        errors += [diagnose.warning(message, self.fetcher, where) for message in warnings]  # once each
        raise_all(errors)
        _write_whole(target, data)
        first = laid_out.pages[0]
        return Rendered(
            name=document.name, path=target, pages=len(laid_out.pages), size=Size.from_pixels(first.width, first.height),
            # Pages the layout left empty (a part that must start on a right-hand page): reported.
            blanks=tuple(number for number, page in enumerate(laid_out.pages, start=1)
                         if page._page_box.page_type.blank),
            files=tuple(dict.fromkeys(self.fetcher.served)), families=frozenset(self.fonts.families))


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
