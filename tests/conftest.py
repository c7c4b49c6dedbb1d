"""Shared fixtures and helpers: one build of the sample project and one of the shipped zine per
session, PDFs made for the tests, and PDFs read back. Test files import helpers from here only."""

from __future__ import annotations

import dataclasses
import datetime
import inspect
import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import settings
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, StreamObject

# CI explores the same examples every run (a landing must not hang on a new random draw);
# local runs draw new ones and widen the search.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from builder.build import Options, build
from builder.cli import main
from builder.model import Document, Rendered, Report
from builder.paper import A5, MM
from builder.project import Project
from builder.workers.session import Session

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path(__file__).resolve().parent / "sample"
DATA = Path(__file__).resolve().parent / "data"
SHIPPED_FONTS = ROOT / "templates/fonts"
BODY_FACES = (("Body", "CharisSIL-Regular.ttf", ""), ("Body", "CharisSIL-Bold.ttf", "; font-weight: bold"),
              ("Body", "CharisSIL-Italic.ttf", "; font-style: italic"))
"""The shipped Charis SIL as the family Body: regular, bold, italic (for `font_faces`)."""


@pytest.fixture
def subset_dated(monkeypatch: pytest.MonkeyPatch) -> None:
    """SOURCE_DATE_EPOCH set, for tests that compare PDFs WeasyPrint wrote at different times: without
    HarfBuzz-Subset, fontTools subsets the fonts and stamps the clock time in them (a build sets it
    itself: render.weasy._source_date)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def font_faces(faces: tuple[tuple[str, str, str], ...]) -> str:
    """@font-face rules for shipped fonts, each (family, file in templates/fonts, more descriptors):
    what a test document renders with, never the machine's fonts (a machine may have none)."""
    return "".join(f"@font-face {{ font-family: {family}; src: url({(SHIPPED_FONTS / file).as_uri()}) {more} }}"
                   for family, file, more in faces)
"""PDFs from elsewhere that the tests need as they are."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fail the test if anything opens a connection or looks a host name up (DNS)."""
    import socket
    import urllib.request

    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    for owner, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection"),
                        (socket, "getaddrinfo"), (socket, "gethostbyname"), (socket, "gethostbyname_ex"),
                        (urllib.request, "urlopen")):
        monkeypatch.setattr(owner, name, refuse)
    yield calls
    assert not calls, f"network access attempted: {calls}"


SLOW_FIXTURES = frozenset({"sample_build", "shipped_build", "wheel"})
"""The session-wide builds (a zine, the wheel): a test that uses one, even through another fixture, is slow."""
BUILDS = re.compile(r"""\b(?:build_in|build_project|build)\(|\bSession\(|(?:main\(\[|run\(capsys, )["']build["']"""
                    r"""|["']builder["'], ["'](?:build|watch|serve)["']""")
"""A call that builds a zine: the builder, a warm session, `zine build` in this process or `zine
build` or `zine watch` or `zine serve` in another. Measured (`pytest --durations=0`, issue 19): the 222 tests that
make one or share one take 264 s of the suite's 304; the other 808, 40 s together."""


def slow(item: pytest.Item) -> bool:
    """Whether a test builds a zine or the wheel: it uses a session-wide build (SLOW_FIXTURES), or
    its code, a fixture or a function of its test file that it names (at any depth), or a
    string of its file that it names (a script run in another process), makes a build (BUILDS).
    A fixture asked for by name (`request.getfixturevalue`) is named by a parameter."""
    if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    module, function = getattr(item, "module", None), getattr(item, "function", None)
    if module is None or function is None:
        return False
    asked = [value for value in getattr(getattr(item, "callspec", None), "params", {}).values() if isinstance(value, str)]
    seen: set[object] = set()
    waiting = [function, *(vars(module).get(name) for name in [*getattr(item, "fixturenames", ()), *asked])]
    while waiting:
        found = waiting.pop()
        found = inspect.unwrap(found) if callable(found) else found
        if not inspect.isfunction(found) or found.__module__ != module.__name__ or found in seen:
            continue
        seen.add(found)
        source = inspect.getsource(found)
        named = [vars(module).get(name) for name in set(re.findall(r"\b\w+\b", source))]
        if any(BUILDS.search(text) for text in [source, *(value for value in named if isinstance(value, str))]):
            return True
        waiting += named
    return False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `slow` the tests that build (`make test-fast` runs the others: pytest -m "not slow")."""
    for item in items:
        if slow(item):
            item.add_marker(pytest.mark.slow)


def build_in(root: Path, *, templates: Path | None = None, output: Path | None = None, options: Options = Options(),
             session: Session | None = None, log: Callable[[str], None] = lambda line: None) -> Report:
    """Build the project in `root` (its content/, its templates/ unless others are given) into
    `output` (default: its output/)."""
    return build(Project.at(root, templates=templates, output=output), options=options, session=session, log=log)


def build_project(project: Path, output: Path) -> Report:
    """Build a copy of a project whose templates are the shipped ones."""
    return build_in(project, templates=ROOT / "templates", output=output)


def copy_project(source: Path, folder: Path) -> Path:
    """`folder` made a project: the content of `source` (a project folder) and the shipped templates."""
    shutil.copytree(source / "content", folder / "content")
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_in(copy_project(SAMPLE, tmp_path_factory.mktemp("sample")))


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build_in(ROOT, output=tmp_path_factory.mktemp("shipped"))


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel hatchling builds from a copy of the project's sources (the checkout stays clean)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("builder", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    built = subprocess.run([sys.executable, "-c", "from hatchling.build import build_wheel; print(build_wheel('dist'))"],
                           cwd=source, capture_output=True, text=True, check=True)
    return source / "dist" / built.stdout.strip().splitlines()[-1]


def page_texts(path: Path, *, lines: bool = False) -> list[str]:
    """The text of each page, spaces normalised (line breaks kept as "\n" if `lines`)."""
    document = pdfium.PdfDocument(path)
    try:
        texts = [page.get_textpage().get_text_bounded() for page in document]
        if lines:
            return [re.sub(r"[ \t]*\r?\n[ \t]*", "\n", text) for text in texts]
        return [_norm(text) for text in texts]
    finally:
        document.close()


def half_texts(path: Path) -> list[tuple[str, str]]:
    """The text of the left and right halves of each side of an imposed PDF."""
    return [(left, right) for left, right in grid_texts(path, columns=2, rows=1)]


def grid_texts(path: Path, *, columns: int, rows: int) -> list[list[str]]:
    """The text of each cell of a grid laid over each side of an imposed PDF: cells left to
    right, rows from the bottom up (the order of an imposition's slots, lower copy first)."""
    document = pdfium.PdfDocument(path)
    sides = []
    try:
        for page in document:
            width, height = page.get_size()
            text = page.get_textpage()
            sides.append([_norm(text.get_text_bounded(width * column / columns, height * row / rows,
                                                      width * (column + 1) / columns, height * (row + 1) / rows))
                          for row in range(rows) for column in range(columns)])
    finally:
        document.close()
    return sides


def _norm(text: str) -> str:
    """Collapse line breaks and ASCII spaces; keep no-break spaces, which the tests check."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def children(parent: int) -> list[int]:
    """Process ids whose parent is `parent` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the `zine` command in this process: its exit code, and what it printed (out, err)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path: to compare outputs before and after."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


# PDFs made for the tests, and read back -------------------------------------------------------

def make_pdf(path: Path, pages: int, size: tuple[float, float] = (148, 210), *, rotate: int = 0,
             bleed: float = 0, crop: float = 0, odd: dict[int, tuple[float, float]] | None = None,
             split: bool = False) -> Path:
    """A PDF whose page n shows the marker Pnn near its top left, upright as a viewer shows it.

    `rotate` sets /Rotate and draws the content turned the other way, so the page still shows
    upright; `bleed` adds that many mm around a TrimBox, with a black bar in the right bleed;
    `crop` sets a CropBox that much inside the MediaBox; `odd` gives some 1-based pages
    another size; `split` writes each page's content as two streams.
    """
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for n in range(1, pages + 1):
        width, height = ((odd or {}).get(n, size))
        w, h, b = width * MM, height * MM, bleed * MM
        shown = (w + 2 * b, h + 2 * b)
        media = shown if rotate % 180 == 0 else shown[::-1]
        page = writer.add_blank_page(*media)
        # display space → page space, the inverse of what /Rotate (clockwise) does
        turn = {0: "1 0 0 1 0 0", 90: f"0 1 -1 0 {media[0]:.3f} 0", 180: f"-1 0 0 -1 {media[0]:.3f} {media[1]:.3f}",
                270: f"0 -1 1 0 0 {media[1]:.3f}"}[rotate]
        body = (f"q {turn} cm 1 0 0 1 {b:.3f} {b:.3f} cm 0.5 w 3 3 {w - 6:.3f} {h - 6:.3f} re S "
                f"BT /F1 {min(w, h) / 6:.1f} Tf 12 {h * 0.75:.1f} Td (P{n:02d}) Tj ET "
                f"BT /F1 7 Tf 12 12 Td (foot of page {n}) Tj ET "
                + (f"{w:.3f} 0 {b:.3f} {h:.3f} re f " if bleed else "") + "Q")
        streams = [body[:len(body) // 2], body[len(body) // 2:]] if split else [body]
        refs = []
        for text in streams:
            stream = StreamObject()
            stream.set_data(text.encode("ascii"))
            refs.append(writer._add_object(stream.flate_encode()))
        page[NameObject("/Contents")] = ArrayObject(refs) if split else refs[0]
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        if rotate:
            page[NameObject("/Rotate")] = NumberObject(rotate)
        if bleed:
            trim = (b, b, b + w, b + h) if rotate % 180 == 0 else (b, b, b + h, b + w)
            page[NameObject("/TrimBox")] = ArrayObject(FloatObject(v) for v in trim)
        if crop:
            c = crop * MM
            page[NameObject("/CropBox")] = ArrayObject(FloatObject(v) for v in (c, c, media[0] - c, media[1] - c))
    writer.write(path)
    return path


def markers(halves: list[tuple[str, str]]) -> list[tuple[int | None, ...]]:
    """Page numbers read from the Pnn markers of each half."""
    return [tuple(int(h.split("P", 1)[1][:2]) if "P" in h else None for h in pair) for pair in halves]


def write_pdf(path: Path, pages: list[bytes], *, size: tuple[float, float] = A5.points, form: bytes | None = None,
              title: str | None = "Essai", lang: str | None = "fr", font_name: str = "ArialMT") -> Path:
    """A PDF written byte by byte: a font not embedded, as many tools elsewhere make them.

    `form`, when given, is the content of a Form XObject /X1 that the pages may draw (an
    imposed page lives in one); it draws with the same resources as the page.
    """
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /%s >>" % font_name.encode()
    objects: list[bytes] = [b"", b"", font]  # 1 catalog, 2 page tree, 3 font; filled in below

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data) + 1, extra, data)

    resources = b"/Font << /F1 3 0 R >>"
    if form is not None:
        form_id = add(stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] /Resources << %s >>"
                                   % (*size, resources)))
        resources += b" /XObject << /X1 %d 0 R >>" % form_id
    kids = []
    for content in pages:
        contents = add(stream(content))
        kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                        b"/Resources << %s >> >>" % (*size, contents, resources)))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R" + (b" /Lang (%s)" % lang.encode() if lang else b"") + b" >>"
    objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    info = add(b"<< /Title (%s) >>" % title.encode()) if title else None
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, b" /Info %d 0 R" % info if info else b"", xref)
    path.write_bytes(bytes(out))
    return path


def machine_traces(folder: Path, project: Path) -> list[str]:
    """Where the outputs in `folder` name the machine: the project's absolute path, the home
    folder or a `file:` URL (issue 20, item 3), in a file's bytes, in a PDF with every stream
    decompressed and no object stream, or in a PDF's page text. "name: needle" for each one found."""
    import pikepdf

    needles = [str(project.resolve()), str(Path.home().resolve()), "file:/"]
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = [path.read_bytes()]
        if path.suffix == ".pdf":
            with pikepdf.open(path) as pdf, io.BytesIO() as plain:
                pdf.save(plain, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                         stream_decode_level=pikepdf.StreamDecodeLevel.generalized)
                data.append(plain.getvalue())
            data.append("\n".join(page_texts(path)).encode("utf-8"))
        found += [f"{path.name}: {needle}" for needle in needles if len(needle) > 1
                  and any(needle.encode("utf-8") in blob for blob in data)]
    return sorted(set(found))


# The reading edition laid out by part and whole (issue 26, item 1) ------------------------------

def write_zine(folder: Path, parts: list[str], *, manifest: str = "", css: str = "", lang: str = "fr") -> Path:
    """`folder` made a project of `parts` (each a Markdown file's text, front matter included),
    named 01.md, 02.md…, with `manifest` lines added to its zine.toml and, when `css` is given, a
    templates/zine.css of its own: the shipped one with `css` after it."""
    (folder / "content/images").mkdir(parents=True, exist_ok=True)
    names = [f"{number:02}.md" for number in range(1, len(parts) + 1)]
    for name, text in zip(names, parts, strict=True):
        (folder / "content" / name).write_text(text, encoding="utf-8")
    (folder / "content/zine.toml").write_text(
        f'title = "Essai par parties"\nlang = "{lang}"\ndate = 2026-03-01\nedition = "1"\nparts = {names!r}\n'
        + manifest, encoding="utf-8")
    if css:
        (folder / "templates").mkdir(exist_ok=True)
        shipped = (ROOT / "templates/zine.css").read_text(encoding="utf-8")
        (folder / "templates/zine.css").write_text(shipped + "\n" + css + "\n", encoding="utf-8")
    return folder


def reading_edition(root: Path, output: Path | None = None) -> tuple[Project, Document, datetime.date]:
    """The project in `root` (writing into `output`), its reading edition as the build makes it
    (a model.Document: parts set, pictures resampled) and the zine's date."""
    from builder import content
    from builder.kinds import Kind
    from builder.pictures import resample
    from builder.render import templating
    from builder.render.documents import documents

    project = Project.at(root, output=output)
    zine = resample.prepare(content.load(project), project.pictures.resolve())
    return project, documents(templating.environment(project), zine, fillable=False)[Kind.READING], zine.meta.date


PROSE = [paragraph.strip() for paragraph in
         (ROOT / "content/article.md").read_text(encoding="utf-8").split("---", 2)[2].split("\n\n")
         if len(paragraph) > 200 and not paragraph.lstrip().startswith("<")]
"""Paragraphs of the shipped article: real words, real hyphenation."""


def part(title: str, paragraphs: int, *, front: str = "", body: str = "", start: int = 0) -> str:
    """A part's Markdown: `paragraphs` of PROSE (from the `start`th), then `body`."""
    prose = "\n\n".join(PROSE[(start + n) % len(PROSE)] for n in range(paragraphs))
    return f"---\ntitle: {title}\n{front}---\n\n{prose}\n\n{body}\n"


@dataclasses.dataclass(frozen=True)
class Laid:
    """The reading edition of one zine laid out both ways."""

    whole: bytes
    parts: bytes
    rendered: Rendered
    """The render by part."""
    path: Path


def lay_out_both(root: Path, output: Path) -> Laid:
    """The reading edition of the project in `root` laid out whole and by part, each by a Renderer
    of its own, into `output`."""
    from builder.render.weasy import Renderer

    output.mkdir(parents=True, exist_ok=True)
    project, document, date = reading_edition(root, output)
    whole = Renderer(project).render(dataclasses.replace(document, parts=()), output / "whole.pdf", source_date=date)
    assert whole.layout == ""
    rendered = Renderer(project).render(document, output / "parts.pdf", source_date=date)
    return Laid((output / "whole.pdf").read_bytes(), (output / "parts.pdf").read_bytes(), rendered, output / "parts.pdf")


# Words of a text and of a PDF, compared word for word (issue 20, item 8; issue 23, item 2) ---------

WORD = re.compile(r"[^\W\d_]{2,}")
"""A word: two letters or more (digits and punctuation are typography's business)."""


def folded(text: str) -> str:
    """`text` as words are compared: NFKC, case folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def pdf_words(lines: list[str]) -> Counter[str]:
    """The words of lines of text read from a PDF, and each word a line break may have cut in two
    (a hyphenated word, a code line wrapped anywhere) joined again."""
    words: Counter[str] = Counter()
    for line in lines:
        words.update(WORD.findall(folded(line)))
    for number, above in enumerate(lines):
        end = re.search(r"([^\W\d_]+)[-\u2010\u00ad]?\s*$", folded(above))
        # The next lines with letters: over a page's foot, the next head and list numbers (read last).
        starts = [re.match(r"\s*([^\W\d_]+)", folded(below)) for below in lines[number + 1:number + 12]]
        for start in [start for start in starts if start][:3] if end else ():
            words[end.group(1) + start.group(1)] += 1
    return words


def part_pages(reading: Path) -> list[tuple[str, int]]:
    """Each part's title and first page (0-based) in the reading edition, from its bookmarks."""
    reader = PdfReader(reading)
    # every space one: a title's number and noun are joined by a no-break space (typography, issue 24)
    return [(" ".join(str(item.title).split()), reader.get_destination_page_number(item))
            for item in reader.outline if not isinstance(item, list)]
