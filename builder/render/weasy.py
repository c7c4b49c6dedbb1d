"""HTML to PDF with WeasyPrint: the only module that renders (and, with the sandbox, imports it).

A `Renderer` is set up once per process (fonts, sandbox) and renders document after document;
each render returns what it rendered as a value (`Rendered`). Nothing is written when anything
went wrong: a filled letter with an error must not land in the reader's folder.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from weasyprint import HTML

from builder import files
from builder.errors import BuildError, BuildErrors, collected, raise_all
from builder.model import Document, Placed, Rendered
from builder.paper import PX_PER_MM, Size
from builder.project import Project
from builder.render import (
    deflate,
    diagnose,
    glyphs,
    grayblack,
    halves,
    notices,
    overflow,
    replay,
    resume,
    speedups,
    tables,
)
from builder.render.byparts import ByParts
from builder.render.fonts import Fonts
from builder.render.resume import Unsplittable
from builder.render.sandbox import FONTS, Refused, SandboxFetcher


class Renderer:
    """One WeasyPrint set-up (fonts, sandbox) reused for every document of `project`.

    WeasyPrint reads a font file once per set-up, at the first @font-face that names it; the
    files it read are kept in `fonts` with their stamps, and every render lists them among the
    files it depends on. A set-up whose fonts changed on disk is not reused (jobs.render). There
    is one set-up per source of fonts a document asks for (render.fonts).
    """

    def __init__(self, project: Project) -> None:
        speedups.install()  # layout and PDF writing linear in the number of parts
        resume.install()  # layout by part
        replay.install()  # pages laid out before and unchanged: not drawn again
        grayblack.install()  # black drawn on one ink, not rewritten after
        glyphs.install()  # plain lines of text drawn without a cffi read per glyph
        deflate.install()  # the PDF's streams compressed on two threads
        self.configs: dict[str, Fonts] = {}
        self.project = project
        # The pictures the build resampled (builder/pictures) are served from the output's cache too.
        self.fetcher = SandboxFetcher((project.content, project.templates, project.fonts, project.pictures),
                                      project.root, layers=project.layers, derived=(project.pictures,))
        self.by_parts: dict[str, ByParts] = {}
        """Each document's parts as last laid out (render/byparts.py), by document name."""
        self.fonts: dict[Path, tuple[Path, int, int]] = {}
        """Each font file this set-up has read, stamped (modification time, size) when read, and
        the project's font folder (a font added there is a change)."""

    def render(self, document: Document, target: Path, *, source_date: datetime.date | None,
               kept: bool = True) -> Rendered:
        """Lay `document` out once and write it to `target`; raise BuildError with every problem.
        `kept`: laid out by part, its pages recorded as drawn, for the next render to reuse (byparts.py,
        replay.py); else whole and drawn as WeasyPrint draws: the same PDF, cheaper (session.py).
        `document.check` sees, before anything is written, where each element with an id starts
        on each page (x, y in mm from the top-left corner). `source_date` stamps the fonts
        (fontTools subsetting) unless SOURCE_DATE_EPOCH is set.
        """
        def lay_out(text: str) -> Any:
            return self._lay_out(document, text, config, how, kept)

        how: list[str] = []
        config = self._config(document.fonts)
        self.fetcher.clear()
        config.families.clear()
        problems: list[BuildError] = []
        shrunk: list[str] = []
        warned: Sequence[str] = ()
        found = overflow.Found()
        with collected("weasyprint") as records, _source_date(source_date):
            try:
                # Tables wider than the text are set smaller and laid out again, or refused (render.tables).
                laid_out, shrunk, problems = tables.fit(lay_out, document.html, f"{document.name} document")
                found = overflow.look(laid_out.pages, document.name)  # nothing cut off in silence
                refused = {(error.where, error.line) for error in problems}  # a table refused is named once
                problems += [error for error in found.errors if (error.where, error.line) not in refused]
                checked, warned = _checked(document, laid_out.pages)
                problems += checked
                data = b"" if problems else _written(document, laid_out, kept)
            except Refused:  # already recorded by the fetcher
                data = b""
        messages = list(dict.fromkeys(record.getMessage() for record in records))  # once each
        raise_all(self._swallowed(messages, f"{document.name} document") + problems)
        files.whole(target, _inked(document, data))  # never half a PDF
        self.fonts.update((served[0], served) for served in self.fetcher.served if served[0].suffix.lower() in FONTS)
        said = [*shrunk, *warned, *(text for text in map(notices.notice, messages) if text),
                *([found.notice] if found.notice else [])]
        return dataclasses.replace(self._rendered(document.name, target, laid_out.pages, said, found.pictures,
                                                  frozenset(config.families | config.project)), layout="".join(how))

    def _lay_out(self, document: Document, text: str, config: Fonts, how: list[str], kept: bool) -> Any:
        """WeasyPrint's layout of `text`, the HTML of `document` (a weasyprint.Document): part by part
        when it has parts and is `kept` (render/byparts.py), reusing those that did not change, else
        whole; `how` becomes what was done (Rendered.layout)."""
        html = HTML(string=text, base_url=document.base_url.resolve().as_uri() + "/", url_fetcher=self.fetcher)
        if document.parts and kept:
            # Pieces laid out with other fonts (the manifest's `fonts`) or forms are not reused.
            parts = self.by_parts.get(document.name)
            if parts is None or parts.options != (config, document.forms):
                parts = self.by_parts[document.name] = ByParts((config, document.forms))
            try:
                laid = parts.lay_out(html, document.parts, lambda piece, **shared: piece.render(
                    font_config=config, pdf_forms=document.forms, **shared), self.fetcher.served)
                how[:] = [parts.said]
                return laid
            except Unsplittable as reason:
                how[:] = [f"laid out as one document, not part by part: {reason}"]
        return html.render(font_config=config, pdf_forms=document.forms)

    def _config(self, source: str) -> Fonts:
        """The font set-up for `source` (the manifest's `fonts`: shipped or machine), made at its first use."""
        if source not in self.configs:
            self.configs[source] = Fonts(source, self.project)
            self.fonts.update((stamp[0], stamp) for stamp in self.configs[source].files)
        return self.configs[source]

    def _swallowed(self, messages: list[str], where: str) -> list[BuildError]:
        """The refusals of the sandbox and WeasyPrint's warnings (`messages`) that are errors, in
        the words of `where` (the document): swallowed by WeasyPrint, they count too, every one."""
        errors = [diagnose.refusal(refusal, self.fetcher, where) for refusal in dict.fromkeys(self.fetcher.refused)]
        return errors + [diagnose.warning(message, self.fetcher, where) for message in messages
                         if notices.notice(message) is None]

    def _rendered(self, name: str, target: Path, pages: list[Any], said: list[str],
                  pictures: Sequence[Placed], families: frozenset[str]) -> Rendered:
        """What rendering document `name` into `target` made, its laid-out `pages`, the notices
        `said` (each once, in order), the `pictures` found on its pages and the font `families`
        it could use."""
        first = pages[0]
        return Rendered(
            name=name, path=target, pages=len(pages), size=Size.from_pixels(first.width, first.height),
            # Pages the layout left empty (a part that must start on a right-hand page): reported.
            blanks=tuple(number for number, page in enumerate(pages, start=1) if page._page_box.page_type.blank),
            files=tuple(dict.fromkeys([*self.fetcher.served, *self.fonts.values()])),
            families=families, notices=tuple(dict.fromkeys(said)), pictures=tuple(pictures),
            gray_black=grayblack.drawn())


def _written(document: Document, laid_out: Any, kept: bool) -> bytes:
    """The PDF of `laid_out`, WeasyPrint's layout of `document`: if `kept`, the pages a document laid
    out by part kept from its last layout are replayed, not drawn again, where they can be, and the
    others recorded as drawn (render/replay.py); else, a long document's second half is drawn in a
    forked process meanwhile (render/halves.py)."""
    def write() -> bytes:
        data: bytes = laid_out.write_pdf(custom_metadata=True, pdf_variant=document.variant,  # the format: base.html
                                         finisher=_finisher(document))
        return data

    if not kept:  # a one-off build: half of a long document's pages drawn beside (render/halves.py)
        return halves.written(laid_out.pages, write)
    with replay.painting() if document.parts else nullcontext():
        return write()


def _inked(document: Document, data: bytes) -> bytes:
    """The PDF as written: a print document's black on one ink (Document.one_ink), unless it was
    drawn so (render/grayblack.py)."""
    if not data or not document.one_ink or grayblack.drawn():
        return data
    from builder.imposition.engine import black  # pikepdf: only in the processes that render

    return black.one_ink_bytes(data)


def _checked(document: Document, pages: list[Any]) -> tuple[list[BuildError], Sequence[str]]:
    """What `document.check` finds wrong on the laid-out `pages` (each anchor in mm from the top
    left): its errors, or its warnings."""
    if document.check is None:
        return [], ()
    try:
        return [], document.check([{name: (box[0] / PX_PER_MM, box[1] / PX_PER_MM)
                                    for name, box in page.anchors.items()} for page in pages])
    except BuildErrors as found:
        return list(found.errors), ()
    except BuildError as error:
        return [error], ()


def _finisher(document: Document) -> Callable[[Any, Any], None] | None:
    """What WeasyPrint does to the PDF it wrote before saving it: for a right-to-left zine,
    `/ViewerPreferences << /Direction /R2L >>` in its catalogue (ISO 32000-1 §12.2), so that
    viewers show two-page spreads from the right (issue 22); nothing else."""
    if document.direction != "rtl":
        return None

    def finish(_document: Any, pdf: Any) -> None:
        # The catalogue is a pydyf.Dictionary (WeasyPrint's writer): a new one of its type, where
        # PDF/UA has not made one already (DisplayDocTitle, the reading edition).
        preferences = pdf.catalog.get("ViewerPreferences") or type(pdf.catalog)()
        preferences["Direction"] = "/R2L"
        pdf.catalog["ViewerPreferences"] = preferences

    return finish


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
