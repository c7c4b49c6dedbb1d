"""Pango's set-up of a text layout made once per kind of text, not once per line (issue 26, item 2).

WeasyPrint 70 makes a Pango layout for every attempt at a line (`split_first_line`, the word
spacing of justified lines) and again to draw each line: 64,503 layouts for the 425 pages of
bench/big_zine.py. Each time, `Layout.setup` creates a new Pango context, a new font description
and, for underlined or struck text, the font's metrics: about a tenth of the render's time, for
values that depend on nothing but the font set-up, the direction, the language and the font.

Here they are made once and kept, by what they are made of, for each font set-up (a WeasyPrint
FontConfiguration: forgotten with it): a context per direction and language (Pango layouts share
a context as any Pango program's do; nothing here changes one once made), a font description per
font (Pango copies it into each layout), metrics per context and font. The rest of `setup` is
WeasyPrint's, step for step: the new layout, its font features (an attribute list of its own,
which `set_text` changes). The PDFs are the same, byte for byte (tests/render/test_contexts.py).
`install()` takes only for the WeasyPrint whose `setup` was read; else WeasyPrint is left as it is.

Adapted from WeasyPrint 70.0 (BSD-3-Clause, © 2011-2025 Simon Sapin and contributors).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

VERSION = "70.0"
"""The WeasyPrint whose Layout.setup was read."""
_MADE: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], Any]] = weakref.WeakKeyDictionary()
"""By font set-up (FontConfiguration): its contexts, font descriptions and metrics, by what made them."""
original: Callable[..., Any] | None = None
"""WeasyPrint's own Layout.setup, once `install()` took (the tests lay out with it too)."""


def install() -> None:
    """Set text layouts up this way from now on in this process (once), if WeasyPrint is the one
    this was written for; else leave it as it is."""
    global original
    import weasyprint
    from weasyprint.text import line_break

    if original is not None or weasyprint.__version__ != VERSION:
        return
    original = line_break.Layout.setup
    line_break.Layout.setup = setup


def made(config: Any) -> dict[tuple[Any, ...], Any]:
    """What was made for the font set-up `config` (a FontConfiguration), by key; created empty."""
    found = _MADE.get(config)
    if found is None:
        found = _MADE[config] = {}
    return found


def setup(self: Any, style: Any) -> None:
    """WeasyPrint's `Layout.setup(style)`: a new Pango layout for text of `style`, on the context,
    font description and metrics made once for it."""
    from weasyprint.text.ffi import ffi, gobject, pango

    self.style = style
    self.first_line_direction = 0
    known = made(style.font_config)
    context, self.language = _context(known, style)
    description = _description(known, style)
    self.layout = ffi.gc(pango.pango_layout_new(context), gobject.g_object_unref)
    pango.pango_layout_set_auto_dir(self.layout, False)
    pango.pango_layout_set_font_description(self.layout, description)
    if style["text_decoration_line"] != "none":
        (self.ascent, self.underline_position, self.strikethrough_position, self.underline_thickness,
         self.strikethrough_thickness) = _metrics(known, style, context, self.language, description)
    else:
        self.ascent = self.underline_position = self.strikethrough_position = None
    _features(self.layout, style)


def _language(style: Any) -> str | None:
    """The language the text is shaped and broken for: font-language-override's, else lang's."""
    from weasyprint.text.constants import LST_TO_ISO

    override = style["font_language_override"]
    if override != "normal":
        return LST_TO_ISO.get(override.lower(), override)  # type: ignore[no-any-return]
    return style["lang"] or None


def _context(known: dict[tuple[Any, ...], Any], style: Any) -> tuple[Any, Any]:
    """The Pango context and language for `style`'s direction and language (made once)."""
    from weasyprint.text.constants import PANGO_DIRECTION
    from weasyprint.text.ffi import ffi, gobject, pango, unicode_to_char_p

    language = _language(style)
    key = ("context", style["direction"], language)
    if key not in known:
        context = ffi.gc(pango.pango_font_map_create_context(style.font_config.font_map), gobject.g_object_unref)
        pango.pango_context_set_round_glyph_positions(context, False)
        pango.pango_context_set_base_dir(context, PANGO_DIRECTION[style["direction"]])
        # (WeasyPrint tests the encoded name, NUL bytes removed: a name of NULs alone is no language.)
        pointer, name = unicode_to_char_p(language) if language else (None, b"")
        if name:
            found = pango.pango_language_from_string(pointer)
            pango.pango_context_set_language(context, found)
        else:
            found = pango.pango_language_get_default()
        known[key] = context, found
    return known[key]  # type: ignore[no-any-return]


def _description(known: dict[tuple[Any, ...], Any], style: Any) -> Any:
    """The Pango font description of `style` (fonts.get_font_description, made once per font)."""
    from weasyprint.text.fonts import get_font_description

    key = ("font", tuple(style["font_family"]), style["font_style"], style["font_stretch"], style["font_weight"],
           style["font_size"], style["font_variant_caps"], repr(style["font_variation_settings"]))
    if key not in known:
        known[key] = get_font_description(style)
    return known[key]


def _metrics(known: dict[tuple[Any, ...], Any], style: Any, context: Any, language: Any,
             description: Any) -> tuple[float, float, float, float, float]:
    """The ascent, underline position, strikethrough position, underline thickness and
    strikethrough thickness (px) of `style`'s font in `context` (made once)."""
    from weasyprint.text.ffi import FROM_UNITS, ffi, pango

    key = ("metrics", id(context), id(description))  # (both kept in `known`, so their ids stay theirs)
    if key not in known:
        metrics = ffi.gc(pango.pango_context_get_metrics(context, description, language),
                         pango.pango_font_metrics_unref)
        known[key] = tuple(FROM_UNITS * read(metrics) for read in (
            pango.pango_font_metrics_get_ascent, pango.pango_font_metrics_get_underline_position,
            pango.pango_font_metrics_get_strikethrough_position, pango.pango_font_metrics_get_underline_thickness,
            pango.pango_font_metrics_get_strikethrough_thickness))
    return known[key]  # type: ignore[no-any-return]


def _features(layout: Any, style: Any) -> None:
    """The font features of `style` on `layout` (kerning, ligatures, caps, numbers…), as WeasyPrint
    sets them: the attribute cached by the font set-up, in a list of the layout's own."""
    from weasyprint.text.ffi import pango
    from weasyprint.text.fonts import font_features

    features = font_features(
        style["font_kerning"], style["font_variant_ligatures"], style["font_variant_position"],
        style["font_variant_caps"], style["font_variant_numeric"], style["font_variant_alternates"],
        style["font_variant_east_asian"], style["font_feature_settings"])
    if features:
        settings = ",".join(f"{key} {value}" for key, value in features.items()).encode()
        attribute = style.font_config.font_features.setdefault(settings, pango.pango_attr_font_features_new(settings))
        attributes = pango.pango_attr_list_new()
        pango.pango_attr_list_insert(attributes, attribute)
        pango.pango_layout_set_attributes(layout, attributes)
