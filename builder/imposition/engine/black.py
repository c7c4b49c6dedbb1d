"""Black on one ink: exact RGB black rewritten as DeviceGray black in a PDF's content streams.

WeasyPrint writes every text and rule as RGB black (`0 0 0 rg`), which a copier or a print
server that detects colour may count, and bill, as colour (issue 22, item 4). In the print files
(the booklet, the letters, the mini-zine, what `zine impose` writes) the colour operators that
set exactly black in DeviceRGB, directly (`rg`, `RG`) or through a colour space (`cs`, then
`sc`/`scn`; a resource name standing for it), become `0 g` / `0 G`: the same black, on the black
ink alone. CMYK black (the black ink already), every other colour, image and shading is left as it
was (gray.py says why, and how a form or a Type 3 glyph that reads its caller's colour space
keeps reading the one it had). The pages' content streams are rewritten, and the form XObjects,
tiling patterns, Type 3 glyphs and annotation appearances they use, with form fields' default
appearances (/DA). The streams are parsed by qpdf (pikepdf.parse_content_stream), never as text.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import pikepdf

from builder.imposition.engine import gray, streams
from builder.preflight import digests


def one_ink(pdf: pikepdf.Pdf, *, remember: bool = False) -> bool:
    """Rewrite exact RGB black as DeviceGray in every page of `pdf` and what it draws
    (see the module), and in its form's default appearance; whether anything changed. With
    `remember`, each page's rewritten content is kept by what the page draws (its digest,
    preflight/digests.py) for the next file: a booklet rebuilt in `zine watch` parses only the
    pages that changed (issue 26)."""
    walk = _Walk(pdf, write=True)
    keys: list[bytes | None] = list(digests.of(pdf)) if remember else [None] * len(pdf.pages)
    for page, key in zip(pdf.pages, keys, strict=True):
        walk.page(page.obj, key)
    form = pdf.Root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary):
        walk.default_appearance(form)
    return walk.changed


def black_pages(pdf: pikepdf.Pdf) -> tuple[int, ...]:
    """The 1-based numbers of the pages of `pdf` that set exact RGB black (in their content,
    forms, patterns, Type 3 glyphs or annotations): what `one_ink` would rewrite. Nothing is changed."""
    walk = _Walk(pdf, write=False)
    return tuple(number for number, page in enumerate(pdf.pages, start=1) if walk.page(page.obj))


def one_ink_bytes(data: bytes) -> bytes:
    """The PDF `data` with its black on one ink (`one_ink`), saved by pikepdf; the same bytes if
    nothing changed."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if not one_ink(pdf):
            return data
        output = io.BytesIO()
        # The other streams (fonts, pictures) are copied as they are, still compressed.
        pdf.save(output, stream_decode_level=pikepdf.StreamDecodeLevel.none, deterministic_id=True)
        return output.getvalue()


_REWRITTEN: dict[bytes, tuple[bool, bytes | None]] = {}
REWRITTEN_MAX = 4096
"""Pages whose content rewrite a worker remembers, by digest: whether it set black, and the
rewritten content (None: left as it was); oldest forgotten first."""

Seen = tuple[bool, gray.Sides]
"""A stream or font visited: whether it set black explicitly, and the sides of its caller's colour
spaces it reads (gray.Gray.inherits)."""
NOTHING: Seen = (False, frozenset())


@dataclass
class _Walk:
    """One document's rewrite: each stream visited once, however many pages use it."""

    pdf: pikepdf.Pdf
    write: bool
    seen: dict[tuple[int, int], Seen] = field(default_factory=dict)
    """Streams and Type 3 fonts already visited, by (object, generation)."""
    changed: bool = False
    """Some stream was (or, not writing, would be) rewritten."""
    type3: dict[tuple[int, int], bool] = field(default_factory=dict)
    """Font dictionaries known to hold a Type 3 font, or not."""
    scratch: pikepdf.Pdf = field(default_factory=pikepdf.new)
    """Where content is parsed: qpdf's warnings on it are its own, not the document's."""

    def page(self, page: pikepdf.Dictionary, key: bytes | None = None) -> bool:
        """Rewrite one page, its forms, patterns, Type 3 fonts and annotations; whether any had black.
        A page whose digest is `key` has its content rewritten as remembered (_REWRITTEN)."""
        resources = streams.dictionary(page.get("/Resources"))
        contents = page.get("/Contents")
        parts = [streams.data(stream) for stream in
                 (streams.values(contents) if isinstance(contents, pikepdf.Array) else [contents])
                 if isinstance(stream, pikepdf.Stream)]
        # The page's streams as one: an operator may begin in one and end in the next.
        data = None if None in parts else b"\n".join(part for part in parts if part is not None)
        def save(data: bytes) -> None:  # written back as one stream
            page["/Contents"] = self.pdf.make_stream(data)

        found = self.used(resources, data)[0] | (data is not None and self._content(data, resources, save, key))
        for annotation in streams.values(page.get("/Annots")):
            if isinstance(annotation, pikepdf.Dictionary):
                found = self.annotation(annotation) | found
        return found

    def _content(self, data: bytes, resources: pikepdf.Dictionary | None, save: Callable[[bytes], None],
                 key: bytes | None) -> bool:
        """A page's content `data` rewritten (`save`d), as remembered under the page's digest `key`
        if it was; whether it set black."""
        if key is None or not self.write:
            rewrite = self._rewrite(data, resources, gray.GRAY, save)
            return rewrite is not None and rewrite.black
        if key not in _REWRITTEN:
            written: list[bytes] = []
            rewrite = self._rewrite(data, resources, gray.GRAY, written.append)
            if len(_REWRITTEN) >= REWRITTEN_MAX:
                _REWRITTEN.pop(next(iter(_REWRITTEN)))
            _REWRITTEN[key] = (rewrite is not None and rewrite.black, written[0] if written else None)
        black, rewritten = _REWRITTEN[key]
        if rewritten is not None:
            save(rewritten)
            self.changed = True
        return black

    def used(self, resources: pikepdf.Dictionary | None, data: bytes | None) -> Seen:
        """Rewrite the forms, tiling patterns and Type 3 fonts of `resources` that the content `data`
        draws (all of them if it could not be read): whether any had black, and what they read."""
        # One resource dictionary may serve every page (WeasyPrint's): a page is named for what it draws.
        drawn = None if data is None else streams.drawn(data)
        found, inherits = False, frozenset[bool]()
        for category in ("/XObject", "/Pattern", "/Font"):
            owner = resources.get(category) if resources is not None else None
            if not isinstance(owner, pikepdf.Dictionary):
                continue
            names = owner.keys() if drawn is None else drawn.get(category, ())
            for item in (owner.get(name) for name in names):
                seen = self.resource(category, item, resources)
                found, inherits = seen[0] | found, seen[1] | inherits
        return found, inherits

    def resource(self, category: str, item: object, resources: pikepdf.Dictionary | None) -> Seen:
        """A form, tiling pattern or Type 3 font of `resources` rewritten (once); NOTHING for anything
        else (an image, a shading, another font, a name not there)."""
        if category == "/Font":
            return self.font(item, resources)
        if isinstance(item, pikepdf.Stream) and item.get("/Subtype", "/Form") == "/Form" \
                and item.get("/PatternType", 1) == 1:
            return self.stream(item, resources)
        return NOTHING

    def font(self, font: object, resources: pikepdf.Dictionary | None) -> Seen:
        """A Type 3 font's glyphs (CharProcs) rewritten (once): the text they draw is their caller."""
        if not isinstance(font, pikepdf.Dictionary) or font.get("/Subtype") != "/Type3":
            return NOTHING
        key = font.objgen
        if key != (0, 0) and key in self.seen:
            return self.seen[key]
        self.seen[key] = NOTHING
        own = streams.dictionary(font.get("/Resources")) or resources  # none: those of the text's stream
        found, inherits = False, frozenset[bool]()
        for glyph in streams.values(font.get("/CharProcs")):
            if isinstance(glyph, pikepdf.Stream):
                seen = self.stream(glyph, own)
                found, inherits = seen[0] | found, seen[1] | inherits
        self.seen[key] = found, inherits
        return found, inherits

    def stream(self, stream: pikepdf.Stream, inherited: pikepdf.Dictionary | None) -> Seen:
        """Rewrite a form, pattern, glyph or appearance stream (once), then what it uses."""
        key = stream.objgen
        if key != (0, 0) and key in self.seen:
            return self.seen[key]
        self.seen[key] = NOTHING  # a form that draws itself is visited once
        resources = streams.dictionary(stream.get("/Resources")) or inherited
        data = streams.data(stream)
        # A form draws in the colour spaces of what calls it (an appearance, a pattern: in the default
        # ones; as the caller's, they are left alone too).
        rewrite = None if data is None else \
            self._rewrite(data, resources, gray.INHERITED, lambda data: stream.write(data))
        found, inherits = self.used(resources, data)
        # Not parsed (no colour operator, or unreadable): it reads what the streams it draws read.
        seen = (found or (rewrite is not None and rewrite.black), inherits if rewrite is None else rewrite.inherits)
        self.seen[key] = seen
        return seen

    def annotation(self, annotation: pikepdf.Dictionary) -> bool:
        """Rewrite an annotation's appearances (normal, rollover, down) and its /DA."""
        found = False
        for appearance in streams.values(annotation.get("/AP")):
            states = [appearance] if isinstance(appearance, pikepdf.Stream) else list(streams.values(appearance))
            for state in states:
                if isinstance(state, pikepdf.Stream):
                    found = self.stream(state, None)[0] | found
        return self.default_appearance(annotation) | found

    def default_appearance(self, owner: pikepdf.Dictionary) -> bool:
        """Rewrite a form field's (or the form's) default appearance: the text a viewer types in it."""
        text = owner.get("/DA")
        if not isinstance(text, pikepdf.String):
            return False
        rewrite = self._rewrite(bytes(text), None, gray.INHERITED,  # content-stream syntax: parsed as one
                                lambda data: owner.__setitem__("/DA", pikepdf.String(data)))
        return rewrite is not None and rewrite.black

    def _type3(self, resources: pikepdf.Dictionary | None) -> bool:
        """Whether `resources` hold a Type 3 font (known once per font dictionary)."""
        fonts = resources.get("/Font") if resources is not None else None
        key = fonts.objgen if isinstance(fonts, pikepdf.Dictionary) else (0, 0)
        if key == (0, 0) or key not in self.type3:  # (0, 0): not an object of its own, not kept
            self.type3[key] = streams.type3(fonts)
        return self.type3[key]

    def _reads(self, resources: pikepdf.Dictionary | None) -> gray.Reads:
        """What the forms, patterns and fonts a stream drawn with `resources` names read of its
        colour spaces (each looked up once per stream)."""
        known: dict[tuple[str, str], gray.Sides] = {}

        def reads(category: str, name: object) -> gray.Sides:
            key = (category, str(name))
            if key not in known:
                owner = resources.get(category) if resources is not None else None
                item = owner.get(key[1]) if isinstance(owner, pikepdf.Dictionary) \
                    and isinstance(name, pikepdf.Name) else None
                known[key] = self.resource(category, item, resources)[1]
            return known[key]
        return reads

    def _rewrite(self, data: bytes, resources: pikepdf.Dictionary | None, space: str,
                 save: Callable[[bytes], None]) -> gray.Gray | None:
        """Parse the content `data` and `save` it rewritten (if writing); None if it was not parsed:
        it has no colour operator, or qpdf cannot parse it whole (left as it is: a viewer may draw it)."""
        if not streams.COLOUR.search(data):
            return None
        try:
            with warnings.catch_warnings():  # pikepdf's word on what qpdf stopped at: said below
                warnings.simplefilter("ignore")
                instructions = pikepdf.parse_content_stream(pikepdf.Stream(self.scratch, data))
        except pikepdf.PdfError:
            return None
        # qpdf stops at what it cannot parse, with a warning: what follows would be lost.
        if self.scratch.get_warnings():
            return None
        rewrite = gray.gray(instructions, resources, space, self._reads(resources), type3=self._type3(resources))
        if rewrite.instructions is not None and self.write:
            save(pikepdf.unparse_content_stream(rewrite.instructions))
        self.changed = self.changed or rewrite.instructions is not None
        return rewrite
