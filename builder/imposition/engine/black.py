"""Black on one ink: exact RGB or CMYK black rewritten as DeviceGray black in a PDF's content streams.

WeasyPrint writes every text and rule as RGB black (`0 0 0 rg`), which a copier or a print
server that detects colour may count, and bill, as colour (issue 22, item 4). In the print files
(the booklet, the letters, the mini-zine, what `zine impose` writes) the colour operators that
set exactly black in DeviceRGB (0 0 0) or DeviceCMYK (0 0 0 1), directly (`rg`, `k`, `RG`, `K`)
or through a colour space (`cs`, then `sc`/`scn`; a resource name standing for either), become
`0 g` / `0 G`: the same black, on the black ink alone. Every other colour, image and shading is
left as it was. The pages' content streams are rewritten, and the form XObjects, tiling
patterns and annotation appearances they use, with form fields' default appearances (/DA).
The streams are parsed by qpdf (pikepdf.parse_content_stream), never edited as text.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pikepdf

from builder.imposition.engine import gray

_CANDIDATE = re.compile(rb"(?<![^\s\]\[()<>/%{}])(?:rg|RG|k|K|cs|CS|scn?|SCN?)(?![^\s\]\[()<>/%{}])")
"""A colour operator somewhere in a stream's bytes: streams without one are not parsed."""
_DRAWN = re.compile(rb"/([^\s\]\[()<>/%{}]+)\s*(?:Do|scn|SCN)(?![^\s\]\[()<>/%{}])")
"""The names of the forms (`Do`) and patterns (`scn`) a stream draws, as written (#xx escaped)."""
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def one_ink(pdf: pikepdf.Pdf) -> bool:
    """Rewrite exact RGB and CMYK black as DeviceGray in every page of `pdf` and what it draws
    (see the module), and in its form's default appearance; whether anything changed."""
    walk = _Walk(pdf, write=True)
    for page in pdf.pages:
        walk.page(page.obj)
    form = pdf.Root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary):
        walk.default_appearance(form)
    return walk.changed


def black_pages(pdf: pikepdf.Pdf) -> tuple[int, ...]:
    """The 1-based numbers of the pages of `pdf` that set exact RGB or CMYK black (in their
    content, forms, patterns or annotations): what `one_ink` would rewrite. Nothing is changed."""
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


@dataclass
class _Walk:
    """One document's rewrite: each stream visited once, however many pages use it."""

    pdf: pikepdf.Pdf
    write: bool
    seen: dict[tuple[int, int], bool] = field(default_factory=dict)
    """Streams already visited (object, generation), and whether they set black explicitly."""
    changed: bool = False
    """Some stream was (or, not writing, would be) rewritten."""
    scratch: pikepdf.Pdf = field(default_factory=pikepdf.new)
    """Where content is parsed: qpdf's warnings on it are its own, not the document's."""

    def page(self, page: pikepdf.Dictionary) -> bool:
        """Rewrite one page, its forms, patterns and annotations; whether any had black."""
        resources = _dictionary(page.get("/Resources"))
        contents = page.get("/Contents")
        streams = [stream for stream in (_items(contents) if isinstance(contents, pikepdf.Array) else [contents])
                   if isinstance(stream, pikepdf.Stream)]
        parts = [_data(stream) for stream in streams]
        # The page's streams as one: an operator may begin in one and end in the next.
        data = None if None in parts else b"\n".join(part for part in parts if part is not None)
        found = data is not None and self._rewrite(data, resources, gray.GRAY, self._contents(page))
        found = self.used(resources, data) | found
        for annotation in _items(page.get("/Annots")):
            if isinstance(annotation, pikepdf.Dictionary):
                found = self.annotation(annotation) | found
        return found

    def used(self, resources: pikepdf.Dictionary | None, data: bytes | None) -> bool:
        """Rewrite the forms and tiling patterns of `resources` that the content `data` draws (all of
        them if it could not be read); whether any had black."""
        # One resource dictionary may serve every page (WeasyPrint's): a page is named for what it draws.
        drawn = None if data is None else _drawn(data)
        found = False
        for category in ("/XObject", "/Pattern"):
            owner = resources.get(category) if resources is not None else None
            for name, item in owner.items() if isinstance(owner, pikepdf.Dictionary) else ():
                if isinstance(item, pikepdf.Stream) and item.get("/Subtype", "/Form") == "/Form" \
                        and item.get("/PatternType", 1) == 1 and (drawn is None or name[1:] in drawn):
                    found = self.stream(item, resources) | found
        return found

    def stream(self, stream: pikepdf.Stream, inherited: pikepdf.Dictionary | None) -> bool:
        """Rewrite a form, pattern or appearance stream (once), then what it uses."""
        key = stream.objgen
        if key != (0, 0) and key in self.seen:
            return self.seen[key]
        self.seen[key] = False  # a form that draws itself is visited once
        resources = _dictionary(stream.get("/Resources")) or inherited
        # A form draws in the colour space of what calls it: unknown here.
        data = _data(stream)
        found = data is not None and self._rewrite(data, resources, gray.OTHER, lambda data: stream.write(data))
        found = self.used(resources, data) | found
        self.seen[key] = found
        return found

    def annotation(self, annotation: pikepdf.Dictionary) -> bool:
        """Rewrite an annotation's appearances (normal, rollover, down) and its /DA."""
        found = False
        for appearance in _values(annotation.get("/AP")):
            states = [appearance] if isinstance(appearance, pikepdf.Stream) else list(_values(appearance))
            for state in states:
                if isinstance(state, pikepdf.Stream):
                    found = self.stream(state, None) | found
        return self.default_appearance(annotation) | found

    def default_appearance(self, owner: pikepdf.Dictionary) -> bool:
        """Rewrite a form field's (or the form's) default appearance: the text a viewer types in it."""
        text = owner.get("/DA")
        if not isinstance(text, pikepdf.String):
            return False

        def save(data: bytes) -> None:
            owner["/DA"] = pikepdf.String(data)
        return self._rewrite(bytes(text), None, gray.OTHER, save)  # content-stream syntax: parsed as one

    def _contents(self, page: pikepdf.Dictionary) -> Callable[[bytes], None]:
        """What writes a page's rewritten content, as one stream."""
        def save(data: bytes) -> None:
            page["/Contents"] = self.pdf.make_stream(data)
        return save

    def _rewrite(self, data: bytes, resources: pikepdf.Dictionary | None, space: str,
                 save: Callable[[bytes], None]) -> bool:
        """Parse the content `data` and `save` it rewritten (if writing); whether it set black
        explicitly. Content that qpdf cannot parse whole is left as it is (a viewer may draw it)."""
        if not _CANDIDATE.search(data):
            return False
        try:
            with warnings.catch_warnings():  # pikepdf's word on what qpdf stopped at: said below
                warnings.simplefilter("ignore")
                instructions = pikepdf.parse_content_stream(pikepdf.Stream(self.scratch, data))
        except pikepdf.PdfError:
            return False
        # qpdf stops at what it cannot parse, with a warning: what follows would be lost.
        if self.scratch.get_warnings():
            return False
        changed, black = gray.gray(instructions, resources, space)
        if changed is not None and self.write:
            save(pikepdf.unparse_content_stream(changed))
        self.changed = self.changed or changed is not None
        return black


def _data(stream: pikepdf.Stream) -> bytes | None:
    """The stream's content decoded; None if qpdf cannot decode it (left as it is: what draws
    it says so, or repairs it as viewers do)."""
    try:
        return stream.read_bytes()
    except pikepdf.PdfError:
        return None


def _drawn(data: bytes) -> set[str]:
    """The names of the forms and patterns the content `data` draws, unescaped (/a#20b is "a b")."""
    return {_NAME_ESCAPE.sub(lambda match: bytes.fromhex(match[1].decode()), name).decode("latin-1")
            for name in _DRAWN.findall(data)}


def _dictionary(value: object) -> pikepdf.Dictionary | None:
    return value if isinstance(value, pikepdf.Dictionary) else None


def _values(value: object) -> Iterator[object]:
    """The values of a dictionary (none for anything else)."""
    if isinstance(value, pikepdf.Dictionary):
        yield from (item for _, item in value.items())


def _items(value: object) -> Iterator[object]:
    """The items of an array (none for anything else)."""
    if isinstance(value, pikepdf.Array):
        yield from (value[index] for index in range(len(value)))
