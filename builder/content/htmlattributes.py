"""The attributes raw HTML may carry in a zine's Markdown (issue 20, item 2): those that change
nothing but what a screen reader says or how a table, a list or a link reads; the others would
hide, restyle or move text, or fetch a file, and are refused by name, with their line.

- Allowed on every element: `title lang dir role aria-*`, and `class` unless it is one of the
  shipped templates' layout (`template_classes`: `<div class="cover">` would move text onto a
  cover page, `class="typed"` hides it in a letter); a class of the project's own templates/,
  one the shipped templates style inside a part's text (`.part-body .chapo`) and the classes the
  docs/en/writing.md gives writers (`WRITER_CLASSES`) are the writer's to use.
- Allowed on some elements (`ELEMENT`): `<a href>`, `<img src alt width height>`, `<ol start type
  reversed>`, `<li value>`, cells' `colspan rowspan`…
- Refused, each with its reason (`why`): `style` (styles belong in templates/), the attributes
  that fetch (`srcset`, `background`, `xlink:href`, `formaction`…), an `id` of the form of the
  zine's own (`OWN_ID`: it could take a heading's or a note's; `<a id="anchor">`, as READMEs
  write, is fine), event attributes and `hidden`; any other, as printing nothing.
The same class rule holds for a Markdown attribute `{.cover}` (content.rawhtml).
"""

from __future__ import annotations

import re
from functools import cache

from builder.content import htmlnames
from builder.project import shipped_templates

GLOBAL = frozenset({"title", "lang", "dir", "role", "class", "id"})
"""The attributes every allowed element may carry (and `aria-*`)."""
ELEMENT = {
    "a": {"href", "hreflang", "rel"}, "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "type", "reversed"}, "li": {"value"}, "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"}, "col": {"span"}, "colgroup": {"span"},
    "time": {"datetime"}, "del": {"datetime", "cite"}, "ins": {"datetime", "cite"}, "q": {"cite"},
    "blockquote": {"cite"}, "details": {"open"}, "abbr": set(), "bdo": set(),
}
"""The attributes some elements may carry besides GLOBAL."""
FETCHING = htmlnames.names("src srcset href xlink:href background poster data formaction action ping lowsrc "
                           "dynsrc longdesc manifest codebase archive usemap icon profile")
"""Attributes whose value is an address the renderer might fetch."""
WRITER_CLASSES = htmlnames.names("poem poeme poème epigraph epigraphe épigraphe decorative decoratif "
                                 "décoratif full-page pleine-page halftone trame no-halftone sans-trame")
"""The classes docs/en/writing.md gives writers (poems, epigraphs, pictures)."""
OWN_ID = re.compile(r"--|(?:^|-)(?:note|call)-\d+$")
"""The ids the zine gives (content.links: `guide--section-one`; content.notes: `guide-note-1`)."""
_PRELUDE = re.compile(r"([^{};]*)\{")
_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")


@cache
def template_classes() -> frozenset[str]:
    """The classes of the shipped stylesheets' layout: every `.name` of a rule's selector but those
    it styles inside a part's text (`.part-body .chapo`: offered to writers, as the shipped zine
    uses them) and WRITER_CLASSES. Text borrowing one would take the layout's place or look."""
    layout: set[str] = set()
    offered: set[str] = set()
    for sheet in sorted(shipped_templates().glob("*.css")):
        css = re.sub(r"/\*.*?\*/|\"[^\"]*\"|'[^']*'", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
        for selector in (part for prelude in _PRELUDE.findall(css) for part in prelude.split(",")):
            before, inside, after = selector.partition(".part-body")
            if inside and after[:1] in " >+~":
                layout.update(_CLASS.findall(before))
                offered.update(_CLASS.findall(after))
            else:
                layout.update(_CLASS.findall(selector))
    return frozenset(layout - offered - WRITER_CLASSES)


def borrowed(classes: str) -> list[str]:
    """The classes of `classes` (a class attribute's value) that are the shipped templates'."""
    return [name for name in classes.split() if name in template_classes()]


def borrowed_message(shown: str, names: list[str]) -> str:
    """Why `shown` (`<div class="cover">`, `{.cover}`) is refused: it borrows the templates' `names`."""
    return (f"{shown} is refused: the zine's templates use the class{'es' if len(names) > 1 else ''} "
            f"{', '.join(names)} for their own layout (it would move, hide or restyle the text); name your "
            "class otherwise and style it in the project's templates/zine.css (docs/en/templates.md, « Templates »)")


def why(element: str, key: str, value: str) -> str | None:
    """Why the attribute `key` (lower case) of the allowed `element` is refused; None if it is not."""
    if key.startswith("on"):
        return f"<{element} {key}=…> is refused: the PDF runs no scripts; remove {key}"
    if key == "hidden":
        return f"<{element} hidden> is refused: it would hide text; remove it"
    if key == "style":
        return (f"<{element} style=…> is refused: styles belong in templates/: docs/en/templates.md, « Templates »; "
                "give it a class of yours, styled in the project's templates/zine.css")
    if key == "id" and OWN_ID.search(value):
        return (f"<{element} id=\"{value}\"> is refused: it has the form of the zine's own ids (headings: "
                "part--words, notes: part-note-1), and could take one; name it otherwise")
    if key == "class":
        names = borrowed(value)
        return borrowed_message(f'<{element} class="{value}">', names) if names else None
    if key == "href" and element == "a" and not htmlnames.PRINTABLE.match(value):
        return (f"<a href=\"{value}\"> is refused: a link in raw HTML goes to an address a reader can type "
                "(https://…, mailto:…); write links to headings and files in Markdown: [text](#heading)")
    if key in GLOBAL or key.startswith("aria-") or key in ELEMENT.get(element, ()):
        return None
    if key in FETCHING:
        return (f"<{element} {key}=…> is refused: it would fetch a file or a page; a picture is written "
                "![what it shows](images/…) or <img src=\"images/…\">")
    return (f"<{element} {key}=…> is refused: it is not among the attributes a zine prints (docs/en/writing.md, "
            "« What you can write »); remove it, or style a class of yours in templates/zine.css")
