"""Three costs of WeasyPrint 70 that grow with the square of a zine's parts, made linear (issue 25, item 4).

A zine of 2,000 small parts took two minutes to build. Profiled (bench/many_parts.py), the layout and
the PDF writer spend most of the growth in three places that look at the whole document for each
of its elements:

- pydyf's `PDF.page_references` builds a new tuple of every page's reference each time it is read,
  and WeasyPrint reads it for every tagged element and every link (tagged PDF): pages × elements;
- the layout asks, for every box of every line, whether the box's footnote (most often None) is
  among the footnotes still waiting, a list of all the zine's notes not laid out yet: lines × notes;
- each page's margin boxes are styled by going through the styles of every element of the
  document to find the page's own: pages × elements.

Each is replaced by an equivalent that gives the same values (the PDFs are byte-identical): the page
references kept and extended as pages are added, None never looked for among the footnotes, and a
page's margin boxes found from the stylesheets' @page rules, in the order the styles were made.
`install()` is idempotent and leaves WeasyPrint as it is when its internals are not the expected
ones (another version): the build is then slower, never different.
"""

from __future__ import annotations

from typing import Any

import pydyf
from weasyprint import layout
from weasyprint.layout import page


class _Footnotes(list[Any]):
    """The footnotes waiting to be laid out: a list, where None (no footnote) is found at once."""

    def __contains__(self, item: object) -> bool:
        return item is not None and super().__contains__(item)

    def copy(self) -> _Footnotes:  # the layout copies it between passes: stay this type
        return _Footnotes(self)


def _page_references(pdf: Any) -> tuple[bytes, ...]:
    """`pdf.page_references`, each page's `N 0 R`, kept on the PDF and extended as pages are added."""
    kids = pdf.pages["Kids"]  # [number, 0, "R"] a page, only ever extended (pydyf's add_page)
    known: tuple[bytes, ...] = pdf.__dict__.get("_zine_page_references", ())
    if 3 * len(known) > len(kids):  # not extended: read again
        known = ()
    if 3 * len(known) < len(kids):
        known += tuple(f"{number} 0 R".encode("ascii") for number in kids[3 * len(known)::3])
        pdf._zine_page_references = known
    return known


def _page_styles(page_type: Any, html: Any, style_for: Any) -> None:
    """WeasyPrint's `set_page_type_computed_styles`, the page's margin boxes found in the @page rules."""
    style_for.add_page_declarations(page_type)
    root = html.etree_element
    style_for.set_computed_styles(page_type, root=root, parent=root, base_url=html.base_url)
    cascaded = style_for.get_cascaded_styles()
    pseudo_types = dict.fromkeys(  # in the order add_page_declarations made their styles
        pseudo_type for sheet, _origin, _specificity in style_for._sheets
        for _rule, selectors, _declarations in sheet.page_rules
        for _specificity, pseudo_type, selector in selectors
        if pseudo_type and style_for._page_type_match(selector, page_type))
    for pseudo_type in pseudo_types:
        if (page_type, pseudo_type) in cascaded:
            style_for.set_computed_styles(page_type, pseudo_type=pseudo_type, root=root, parent=page_type,
                                          base_url=html.base_url)


def install() -> None:
    """Put the linear versions in place (once), where WeasyPrint and pydyf are as expected."""
    if isinstance(getattr(pydyf.PDF, "page_references", None), property):
        pydyf.PDF.page_references = property(_page_references)
    if hasattr(page, "set_page_type_computed_styles") and hasattr(page, "make_page"):
        page.set_page_type_computed_styles = _page_styles
    context = layout.LayoutContext
    if not getattr(context, "_zine_footnotes", False):
        original = context.__init__

        def init(self: Any, *args: Any, **kwargs: Any) -> None:
            original(self, *args, **kwargs)
            if type(self.footnotes) is list:
                self.footnotes = _Footnotes(self.footnotes)

        context.__init__ = init
        context._zine_footnotes = True
