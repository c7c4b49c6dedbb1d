"""The fonts a render may use: the shipped ones and the project's own, never the machine's (issue 21).

WeasyPrint's FontConfiguration starts from the machine's fontconfig (FcInitLoadConfigAndFonts):
every font installed on the machine, among which Pango picks a fallback for each character the
stylesheets' fonts lack, so that the same zine printed differently from one machine to the next
(or was refused on a machine without those fonts). Here the set-up starts from an empty
fontconfig instead (FcConfigCreate), without reading the machine's configuration or fonts: the
fonts are those of the stylesheets' @font-face rules (templates/fonts/) and the files of the
project's `fonts/` folder (render.fontfiles: web fonts decompressed, any other file named), and a
character none of them has is refused by name (render.diagnose). `fonts = "machine"` in the manifest keeps the
machine's fonts as fallbacks, each one used a warning (preflight.text).
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from typing import Any, NamedTuple

from weasyprint.text.ffi import ffi, fontconfig, gobject, pangoft2
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, fetch

from builder.errors import BuildError, raise_all
from builder.files import stamp
from builder.project import Project
from builder.render import fontfiles

try:  # not among the functions WeasyPrint 70 declares
    _create = fontconfig.FcConfigCreate
except AttributeError:
    ffi.cdef("FcConfig * FcConfigCreate (void);")
    _create = fontconfig.FcConfigCreate


class Range(NamedTuple):
    """A range of code points, both ends included (what WeasyPrint reads of a unicode-range)."""

    start: int
    end: int


class Fonts(FontConfiguration):  # type: ignore[misc]
    """WeasyPrint's font set-up with the fonts `source` allows (the manifest's `fonts`: "shipped",
    those of the stylesheets' @font-face rules; "machine", the machine's too) and the files of
    `folder` (the project's own, known by the family names inside them), remembering the families
    it has."""

    def __init__(self, source: str, project: Project) -> None:
        """Raises BuildError, one per file of the project's fonts/ that is no font the layout can
        use (render.fontfiles), all at once."""
        if source == "machine":
            super().__init__()
        else:
            _empty(self)
        self.families: set[str] = set()
        """The families of the stylesheets' @font-face rules and of the project's fonts."""
        self.project: set[str] = set()
        """The families of the project's fonts."""
        self.ranges: dict[str, list[Range]] = {}
        """Each @font-face rule's unicode-range as cut down (`add_font_face`), read once per set-up."""
        self.files = [stamp(path) for path in (project.fonts, *fontfiles.listed(project.fonts))]
        """The project's font folder and files, stamped (modification time, size) when read."""
        errors = []
        for font in fontfiles.usable(project.fonts, project.font_cache, project.shown):
            if fontconfig.FcConfigAppFontAddFile(self._config, str(font.path).encode()):
                self.project.update(font.names)
            else:  # read by fontTools, not by FreeType: damaged all the same
                errors.append(BuildError(project.shown(font.source), fontfiles.DAMAGED))
        raise_all(errors)
        pangoft2.pango_fc_font_map_config_changed(ffi.cast("PangoFcFontMap *", self.font_map))

    def add_font_face(self, rule_descriptors: dict[str, Any], url_fetcher: URLFetcher) -> Any:
        """Add an @font-face rule's font; its unicode-range, if any, is cut down to the characters
        the font has, as CSS Fonts 4 (4.5) says: WeasyPrint would claim every character of the
        range for it, and print the ones it lacks as empty boxes instead of falling back."""
        self.families.add(str(rule_descriptors["font_family"]))
        if rule_descriptors.get("unicode_range"):
            key = str(rule_descriptors)  # as WeasyPrint knows a rule it has loaded already
            if key not in self.ranges:
                self.ranges[key] = _covered(rule_descriptors, url_fetcher) or rule_descriptors["unicode_range"]
            rule_descriptors = {**rule_descriptors, "unicode_range": self.ranges[key]}
        return super().add_font_face(rule_descriptors, url_fetcher)


def _covered(rule: dict[str, Any], url_fetcher: URLFetcher) -> list[Range]:
    """The ranges of `rule`'s unicode-range whose characters its first readable font has; [] when
    no font of it can be read (WeasyPrint then says so)."""
    from fontTools.ttLib import TTFont

    for kind, url in rule["src"]:
        if kind != "external" or url is None:
            continue
        try:
            with fetch(url_fetcher, url) as response:
                has = set(TTFont(BytesIO(response.read()), lazy=True, fontNumber=0).getBestCmap() or ())
        except Exception:  # noqa: BLE001 - WeasyPrint tries the next source, and says when none works
            continue
        # The font's characters looked up in the ranges, not the ranges' (a million) in the font.
        wanted = {code for code in has if any(part.start <= code <= part.end for part in rule["unicode_range"])}
        return _ranges(wanted)
    return []


def _ranges(codes: Iterable[int]) -> list[Range]:
    """[Range(65, 67)] for {65, 66, 67}: the fewest ranges that hold `codes`."""
    found: list[Range] = []
    for code in sorted(codes):
        if found and found[-1].end == code - 1:
            found[-1] = Range(found[-1].start, code)
        else:
            found.append(Range(code, code))
    return found


def _empty(fonts: Fonts) -> None:
    """What FontConfiguration.__init__ (WeasyPrint 70) sets up, on an empty fontconfig made by
    FcConfigCreate (no folder, no rule, no font of the machine) instead of FcInitLoadConfigAndFonts:
    the machine's configuration and fonts are not even read."""
    config = _create()
    fonts._config = config
    fonts.font_map = ffi.gc(pangoft2.pango_ft2_font_map_new(), gobject.g_object_unref)
    pangoft2.pango_fc_font_map_set_config(ffi.cast("PangoFcFontMap *", fonts.font_map), config)
    fontconfig.FcConfigDestroy(config)  # the font map holds it, as in WeasyPrint's own set-up
    fonts._folder = None  # where WeasyPrint keeps the @font-face files it fetched, made at the first
    fonts.strut_layouts = {}
    fonts.font_features = {}

