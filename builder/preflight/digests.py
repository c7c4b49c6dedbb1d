"""Page digests: what each page of a PDF draws, as a SHA-256 of its objects, read without rendering.

Two pages with the same digest render the same pixels and hold the same text, so what is made
of a page's pixels or text can be kept by its digest (issue 26, item 2): preflight's findings
(reader.py) and the previews (preview.py) of a page unchanged since the last build (`zine
watch`) are neither rendered nor parsed again, whatever its number now (caches.py lists them).

A page's digest covers its content streams (their raw bytes with the filters that decode them),
its resources at any depth (fonts, images, forms, colour spaces, patterns, graphics states), its
annotations (their appearance streams), the boxes, rotation, transparency group and user unit it
has or inherits, and the few document-wide entries that change what a viewer draws (optional
content, a form's default appearances). Each object is hashed by its content, not by its number,
so two builds of the same content give the same digests; an indirect object is hashed once per
file however many pages use it (a font, an image). A page met inside (a link's destination, an
annotation's /P) is named, not followed; nor are the structure tree's keys (/StructParent(s)):
they draw nothing. A different compression of the same content only costs a cache miss.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pikepdf

DRAWN = ("/Contents", "/Resources", "/MediaBox", "/CropBox", "/Rotate", "/Group", "/Annots", "/UserUnit")
"""The page entries hashed; a missing one is looked for in the page tree above (PDF 1.7, 7.7.3.4)."""
DOCUMENT = (("/OCProperties",), ("/AcroForm", "/NeedAppearances"), ("/AcroForm", "/DA"), ("/AcroForm", "/DR"))
"""Catalog entries (paths from /Root) that change how any page is drawn: hashed into every digest."""
SKIPPED = frozenset({"/StructParent", "/StructParents"})
PAGE, CYCLE = b"page", b"cycle"
HEX = re.compile(rb"\s*<[0-9A-Fa-f]")
"""A CMap line that maps a code (or gives a code space range)."""


def pages(path: Path) -> list[bytes]:
    """The digest of each page of the PDF at `path` (32 bytes each, in page order); pikepdf's
    errors (pikepdf.PdfError, OSError) if it cannot be read."""
    with pikepdf.open(path) as pdf:
        return of(pdf)


def of(pdf: pikepdf.Pdf) -> list[bytes]:
    """The digest of each page of `pdf`, in page order (see the module docstring)."""
    hasher = _Hasher({page.obj.objgen for page in pdf.pages})
    common = hashlib.sha256()
    for path in DOCUMENT:
        common.update(hasher.digest(_lookup(pdf.Root, path)))
    found = []
    for page in pdf.pages:
        digest = common.copy()
        for key in DRAWN:
            digest.update(key.encode() + hasher.digest(_inherited(page.obj, key)))
        found.append(digest.digest())
    return found


def _lookup(start: pikepdf.Object, path: tuple[str, ...]) -> object:
    found: object = start
    for key in path:
        found = found.get(key) if isinstance(found, pikepdf.Dictionary) else None
    return found


def _inherited(page: pikepdf.Object, key: str) -> object:
    """The page's entry `key`, or its nearest ancestor's in the page tree (a loop ends the search)."""
    seen: set[tuple[int, int]] = set()
    node: object = page
    while isinstance(node, pikepdf.Dictionary) and node.objgen not in seen:
        if key in node:
            return node[key]
        seen.add(node.objgen)
        node = node.get("/Parent") if key != "/Contents" and key != "/Annots" else None
    return None


class _Hasher:
    """Digests of a file's objects, each indirect one hashed once (a cycle's way back is marked)."""

    def __init__(self, pages: set[tuple[int, int]]) -> None:
        self._pages = pages
        self._known: dict[tuple[int, int], bytes] = {}
        self._open: list[tuple[int, int]] = []
        self._provisional: set[tuple[int, int]] = set()
        """Objects hashed while an object above them was open: their digest named it as CYCLE, so
        it holds only from there (never kept)."""

    def digest(self, value: object) -> bytes:
        """32 bytes (or a short marker) for `value`: a pikepdf object or a scalar pikepdf gave."""
        if not isinstance(value, pikepdf.Object) or not value.is_indirect:
            return self._direct(value)
        key = value.objgen
        if key in self._known:
            return self._known[key]
        if key in self._pages or value.get("/Type") in (pikepdf.Name.Page, pikepdf.Name.Pages):
            return PAGE
        if key in self._open:
            self._provisional.update(self._open[self._open.index(key) + 1:])
            return CYCLE
        self._open.append(key)
        try:
            found = self._direct(value)
        finally:
            self._open.pop()
        if key not in self._provisional:
            self._known[key] = found
        self._provisional.discard(key)
        return found

    def _direct(self, value: object) -> bytes:
        hashed = hashlib.sha256()
        if isinstance(value, pikepdf.Stream):
            hashed.update(b"stream" + self._direct(value.stream_dict) + value.read_raw_bytes())
        elif isinstance(value, pikepdf.Dictionary):
            hashed.update(b"<<")
            for key in sorted(set(value.keys()) - SKIPPED):
                hashed.update(key.encode() + (_cmap(value[key]) if key == "/ToUnicode" else self.digest(value[key])))
        elif isinstance(value, pikepdf.Array):
            hashed.update(b"[")
            for item in value:
                hashed.update(self.digest(item))
        elif isinstance(value, pikepdf.Object):
            hashed.update(value.unparse())  # a name or a string
        else:
            hashed.update(f"{type(value).__name__}:{value}".encode())  # int, Decimal, bool, None
        return hashed.digest()


def _cmap(value: object) -> bytes:
    """A font's ToUnicode CMap by its mappings, whatever their order: WeasyPrint writes them in the
    order the glyphs were first met in the document, so an edit early in a zine would change every
    page's fonts (issue 26). Only a CMap of single codes each mapped once (bfchar) is so read; any
    other by its bytes. The CMap draws nothing: it gives the text preflight measures."""
    if not isinstance(value, pikepdf.Stream):
        return _Hasher(set()).digest(value)
    try:
        lines = value.read_bytes().splitlines()
    except pikepdf.PdfError:
        return _Hasher(set()).digest(value)
    entries = [line.split() for line in lines if HEX.match(line)]
    codes = [fields[0] for fields in entries]
    if b"bfrange" in b" ".join(lines) or any(len(fields) != 2 for fields in entries) or len(set(codes)) != len(codes):
        return _Hasher(set()).digest(value)
    return hashlib.sha256(b"cmap" + b"\n".join(sorted(line.strip() for line in lines))).digest()
