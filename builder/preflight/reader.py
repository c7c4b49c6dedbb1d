"""Read one PDF back, page by page, for preflight: sizes, text and fonts, ink; with what qpdf
says of it (opened.py: whether it is read at all, its metadata, its pages' digests)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from builder.errors import ENCRYPTED, pages, plural, reason, unreadable
from builder.imposition.engine import limits
from builder.kinds import Kind
from builder.model import Finding
from builder.paper import Size
from builder.preflight import Expectation, expectation_for, ink, named_kind, opened, text
from builder.workers.caches import remembered

Visit = Callable[[int, "bytes | None", "Callable[[], pdfium.PdfPage]"], None]
"""What else is made of each page as it is checked: called with the page's number, its digest
(None if unknown) and a function that loads the page (once, whoever asks first; it is closed
after the call): the previews (preview.thumbnail), so that a page is loaded once for both."""


def findings(path: Path, expect: Expectation | None, fonts: Collection[str], pixels: bool,
             kind: Kind | None = None, visit: Visit | None = None, *, remember: bool = True,
             text: bool = True) -> list[Finding]:
    """Every finding in the PDF at `path` (see `builder.preflight.check`); without `expect` (or
    `kind`), what its name and recorded format say (preflight.expectation_for, named_kind).
    `visit`, if given, is called for every page once checked, in order, unless pdfium cannot open
    the file (what it raises is raised). `remember`: its pages are digested, and what is seen of
    them kept by digest, for a later check of the same pages (a lasting session's). `text`: its
    pages' text is read (fonts, small text; preflight.check)."""
    top = head(path, expect, kind, remember=remember)
    if top.refused:
        return list(top.refused)
    return finish(path, top, looks(path, top.digests, 0, top.pages, pixels, visit, text=text), fonts, pixels)


@dataclass(frozen=True)
class Head:
    """What preflight reads of a whole PDF besides its pages, read first (`head`): its pages may
    then be looked at in chunks, in both workers (`looks`), and the findings put together (`finish`)."""

    refused: tuple[Finding, ...]
    """The one finding when the file cannot be read at all (the others are then empty)."""
    expect: Expectation | None = None
    pages: int = 0
    parts: dict[int, str] = field(default_factory=dict)
    """The part each page starts (a reading edition's top bookmarks: _parts)."""
    digests: tuple[bytes | None, ...] = ()
    """Each page's digest (opened.Read.digests), None for each when not digested."""
    said: tuple[Finding, ...] = ()
    """Its findings not of one page: black on one ink (ink.black), then the metadata's."""


def head(path: Path, expect: Expectation | None, kind: Kind | None = None, *, remember: bool = True) -> Head:
    """The `Head` of the PDF at `path`: read by qpdf (its pages digested if `remember`), then opened by pdfium."""
    qpdf = opened.read(path, digested=remember)
    if qpdf.refused:
        return Head((Finding(path, None, "error", qpdf.refused),))
    expect = expect or expectation_for(path, *qpdf.recorded)
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        # The words `zine impose` uses: both open what viewers open (an empty user password too).
        said = ENCRYPTED if "password" in str(error).lower() else unreadable(reason(error))
        return Head((Finding(path, None, "error", said),))
    try:
        count = len(document)
        parts = _parts(document) if (kind or named_kind(path)) is Kind.READING else {}
    finally:
        document.close()
    known = qpdf.digests if qpdf.digests is not None and len(qpdf.digests) == count else None
    return Head((), expect, count, parts, tuple(known or [None] * count),
                (*ink.black(path, kind or named_kind(path)), *qpdf.described))


def looks(path: Path, digests: Sequence[bytes | None] | None, start: int, stop: int, pixels: bool,
          visit: Visit | None = None, *, text: bool = True) -> list[Look]:
    """What is seen of pages `start` to `stop` (0-based, `stop` excluded) of the PDF at `path`,
    whose pages have `digests` (Head.digests; None: not digested); `visit` is called for each
    (see `findings`). pdfium's errors if it cannot open the file."""
    seen = []
    document = pdfium.PdfDocument(path)
    try:
        for index in range(start, stop):
            with Lazy(document, index) as page:
                digest = digests[index] if digests is not None else None
                seen.append(_page(page, digest, pixels, text))
                if visit is not None:
                    visit(index + 1, digest, page)
    finally:
        document.close()
    return seen


def finish(path: Path, top: Head, seen: list[Look], fonts: Collection[str], pixels: bool) -> list[Finding]:
    """The findings of the PDF at `path` whose `head` is `top` and whose pages were seen so, in order."""
    findings: list[Finding] = []
    used: dict[str, text.Font] = {}
    sizes: dict[Size, list[int]] = {}
    for number, look in enumerate(seen, start=1):
        findings += _findings(path, number, look, used, sizes, _part(top.parts, number) if pixels else None)
    found = [*_sizes(path, sizes, top.expect), *text.font_findings(path, used, fonts), *findings, *top.said]
    return sorted(found, key=lambda finding: finding.severity == "note")  # the plain report last


@dataclass(frozen=True)
class Look:
    """What preflight sees of one page, whatever its number: kept by page digest (pages.py), so a
    page unchanged since the last check is neither rendered nor parsed again (issue 26)."""

    size: tuple[float, float] | None
    text: text.Seen | None
    ink: tuple[str, ...]
    """The warnings of its pixels (ink.look), the part not named yet; () unless looked at."""
    failed: str
    """Why the page could not be checked (after what was seen before), "" if it could."""


_LOOKS: dict[tuple[bytes, bool, bool], Look] = {}
LOOKS_MAX = 2048
"""Pages whose look is remembered (a few kilobytes each), oldest forgotten first."""


class Lazy:
    """Page `index` (0-based) of `document`, loaded the first time it is called for, closed when
    the `with` block ends (pdfium's errors if it cannot be loaded: each call tries again)."""

    def __init__(self, document: pdfium.PdfDocument, index: int) -> None:
        self._document, self._index = document, index
        self._page: pdfium.PdfPage | None = None

    def __call__(self) -> pdfium.PdfPage:
        if self._page is None:
            self._page = self._document[self._index]
        return self._page

    def __enter__(self) -> Lazy:
        return self

    def __exit__(self, *exception: object) -> None:
        if self._page is not None:
            self._page.close()


def _page(loaded: Callable[[], pdfium.PdfPage], digest: bytes | None, pixels: bool, text_too: bool = True) -> Look:
    """What the page `loaded` gives shows (its text if `text_too`, its pixels if `pixels`),
    remembered by its `digest` if any."""
    if digest is not None and (digest, pixels, text_too) in _LOOKS:
        return _LOOKS[digest, pixels, text_too]
    # One unreadable page must not hide what the others have to say: loading it may fail too.
    try:
        page = loaded()
    except Exception as error:  # noqa: BLE001 — pdfium refuses a page it cannot parse
        return Look(None, None, (), f"could not be read ({reason(error)})")
    size: tuple[float, float] | None = None
    seen: text.Seen | None = None
    looked: tuple[str, ...] = ()
    try:
        size = page.get_size()
        seen = text.read(page) if text_too else None
        looked = ink.look(page, remember=digest is not None) if pixels else ()
    except Exception as error:  # noqa: BLE001 — any PDF may break a reader; report it
        return Look(size, seen, looked, f"could not be checked ({reason(error)})")
    found = Look(size, seen, looked, "")
    return found if digest is None else remembered(_LOOKS, (digest, pixels, text_too), LOOKS_MAX, lambda: found)


def _findings(path: Path, number: int, look: Look, used: dict[str, text.Font], sizes: dict[Size, list[int]],
              part: str | None) -> list[Finding]:
    """The findings of page `number` as `look` saw it, its size recorded in `sizes` and its fonts
    in `used`; the edge warning names `part`, the part the page belongs to."""
    findings: list[Finding] = []
    if look.size is not None:
        width, height = look.size
        sizes.setdefault(Size.from_points(width, height), []).append(number)
        large = limits.too_large(width, height, number)
        findings += [Finding(path, number, "error", large.removeprefix(f"page {number} "))] if large else []
    if look.text is not None:
        text.record(look.text, number, used)
        findings += [Finding(path, number, "warning", look.text.small)] if look.text.small else []
    findings += [Finding(path, number, "warning", ink.in_part(message, part)) for message in look.ink]
    return findings + ([Finding(path, number, "error", look.failed)] if look.failed else [])


def _parts(document: pdfium.PdfDocument) -> dict[int, str]:
    """The title of each top-level bookmark by its first page (1-based): in a reading edition, the
    parts (their titles are the top headings)."""
    found: dict[int, str] = {}
    try:
        for item in document.get_toc():
            destination = item.get_dest()
            index = destination.get_index() if destination is not None else None
            if item.level == 0 and index is not None:
                found.setdefault(index + 1, str(item.get_title()))
    except Exception:  # noqa: BLE001 — a broken outline only loses the names
        return {}
    return found


def _part(parts: dict[int, str], number: int) -> str | None:
    """The part page `number` belongs to: the last that starts on it or before."""
    starts = [start for start in parts if start <= number]
    return parts[max(starts)] if starts else None


def _sizes(path: Path, sizes: dict[Size, list[int]], expect: Expectation | None) -> list[Finding]:
    count = sum(len(numbers) for numbers in sizes.values())
    if not count:
        return [Finding(path, None, "error", "the PDF has no pages")]
    findings = []
    if expect is None and len(sizes) > 1:
        shown = "; ".join(f"{pages(numbers)}: {size}" for size, numbers in sizes.items())
        findings.append(Finding(path, None, "warning", f"pages of different sizes: {shown}"))
    elif expect is None:  # nothing to compare with: just say what it is
        findings.append(Finding(path, None, "note", f"{plural(count, 'page')} of {next(iter(sizes))}"))
    else:
        for size, numbers in sizes.items():
            if not expect.fits(size):
                findings.append(Finding(path, None, "error", f"{pages(numbers)}: {size}, "
                                                             f"expected {expect.said}"))
    if expect is not None and expect.even and count % 2:
        findings.append(Finding(path, None, "error", f"{plural(count, 'side')}: a booklet printed recto-verso "
                                                     "needs an even number"))
    return findings
