"""The font of the words drawn on imposed sheets (the test sheet's), embedded like any other.

A printer replaces a font that is not embedded (Helvetica included) and `zine check --strict`
says so: the words are set in the shipped regular face (Charis SIL), subset to the characters
they use, as a TrueType font in WinAnsiEncoding (cp1252: French and English). fontTools does the
subsetting; `pdf` writes the objects. Pure data here: no PDF library.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from builder.project import shipped_templates

FACE = "fonts/CharisSIL-Regular.ttf"
"""The face, inside the shipped templates."""
ENCODING = "cp1252"
"""The byte of each character in a content stream: WinAnsiEncoding, which PDF readers know."""
FIRST, LAST = 32, 255
"""The character codes the font's widths cover."""


@dataclass(frozen=True)
class Subset:
    """An embeddable subset of the face, with what a PDF font dictionary says of it (1/1000 em)."""

    name: str
    """The PostScript name with a subset tag (ABCDEF+CharisSIL)."""
    data: bytes
    """The TrueType font file (FontFile2)."""
    widths: tuple[int, ...]
    """The advance of each code from FIRST to LAST (0 for codes the words do not use)."""
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int


def subset(text: str) -> Subset:
    """The face subset to the characters of `text` (each must be in cp1252)."""
    from fontTools.subset import Options, Subsetter  # only for the test sheet
    from fontTools.ttLib import TTFont

    used = sorted(set(text) | {" "})
    font = TTFont(shipped_templates() / FACE, recalcTimestamp=False)  # the same bytes on every run
    scale = 1000 / font["head"].unitsPerEm
    cmap, advances = font.getBestCmap(), font["hmtx"].metrics
    widths = []
    for code in range(FIRST, LAST + 1):
        char = bytes([code]).decode(ENCODING, errors="ignore")
        glyph = cmap.get(ord(char)) if char in used else None
        widths.append(round(advances[glyph][0] * scale) if glyph else 0)
    options = Options()
    options.layout_features, options.hinting, options.name_IDs = [], False, [1, 2, 6]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "DSIG", "Silf", "Silt", "Glat", "Gloc", "Feat", "Sill"]
    subsetter = Subsetter(options)
    subsetter.populate(text="".join(used))
    subsetter.subset(font)
    data = io.BytesIO()
    font.save(data)
    head, os2 = font["head"], font["OS/2"]
    # A subset's tag: six capitals, here from the characters it holds (the same words, the same tag).
    tag = "".join(chr(65 + byte % 26) for byte in hashlib.sha256("".join(used).encode()).digest()[:6])
    return Subset(name=f"{tag}+{font['name'].getDebugName(6) or 'CharisSIL'}", data=data.getvalue(),
                  widths=tuple(widths),
                  bbox=(round(head.xMin * scale), round(head.yMin * scale),
                        round(head.xMax * scale), round(head.yMax * scale)),
                  ascent=round(os2.sTypoAscender * scale), descent=round(os2.sTypoDescender * scale),
                  cap_height=round(getattr(os2, "sCapHeight", 0) * scale) or 700)
