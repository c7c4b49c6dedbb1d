"""Black drawn on one ink as WeasyPrint draws it (issue 22, item 4; issue 26: the booklet's cost).

WeasyPrint 70 sets every colour of the sRGB family as DeviceRGB, black too (`0 0 0 rg`), which a
copier or a print server that detects colour may bill as colour; imposition/engine/black.py then
rewrote it as `0 g` in every print file, parsing each page's content with qpdf: about a second of
the booklet of a 425-page zine, on the critical path of the build. Here the drawing sets exact
black as DeviceGray itself (`0 g`, `0 G` when stroking), which is what that rewrite makes of it:
the same black on the same pages, on the black ink alone. Every other colour is drawn as before.

`install()` wraps `set_color_rgb` of WeasyPrint's Stream (what `Stream.set_color` calls for sRGB,
HSL and HWB colours and for unsupported spaces) only for the WeasyPrint and pydyf whose output was
read: `drawn()` says whether it is in force, and only then may the imposition skip its rewrite
(imposition/engine/reading.clean: `inked`). Preflight still reads the print files and warns of any
RGB black left (preflight/ink.black): a promise kept is checked, not assumed.
"""

from __future__ import annotations

from typing import Any

VERSION = "70.0"
"""The WeasyPrint whose Stream.set_color was read."""
_installed = False


def install() -> None:
    """Draw exact black as DeviceGray from now on in this process (once), if WeasyPrint and pydyf
    are those this was written for; else leave them as they are (`drawn()` stays False)."""
    global _installed
    import pydyf
    import weasyprint
    from weasyprint.pdf.stream import Stream

    probe = pydyf.Stream()
    probe.set_color_rgb(0.0, 0.0, 0.0)
    if _installed or weasyprint.__version__ != VERSION or probe.stream != [b"0 0 0 rg"]:
        return
    original = Stream.set_color_rgb

    def set_color_rgb(stream: Any, r: float, g: float, b: float, stroke: bool = False) -> None:
        if r == g == b == 0:
            stream.stream.append(b"0 G" if stroke else b"0 g")
        else:
            original(stream, r, g, b, stroke)

    Stream.set_color_rgb = set_color_rgb
    _installed = True


def drawn() -> bool:
    """Whether exact black is drawn as DeviceGray in this process (`install` took)."""
    return _installed
