"""The names of HTML, and which of them a writer may use in a zine's Markdown (issue 20, item 2).

A tag whose name is no HTML element (`<your name>`) is text to content.rawhtml; an element not
ALLOWED is refused with the reason `why` gives.
"""

from __future__ import annotations

import re


def names(text: str) -> frozenset[str]:
    """The names of `text`, separated by spaces."""
    return frozenset(text.split())


INLINE = names("a abbr b bdi bdo br cite code del dfn em i img ins kbd mark q s samp small span strong sub "
                   "sup time u var wbr")
"""The inline HTML a writer may use (docs/en/writing.md, « What you can write »)."""
BLOCK = names("blockquote caption col colgroup dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr "
                  "li ol p pre summary table tbody td tfoot th thead tr ul")
"""The block HTML a writer may use."""
ALLOWED = INLINE | BLOCK
VOID = names("area base br col embed hr img input link meta param source track wbr")
"""Elements that have no closing tag."""
OPTIONAL_END = names("caption colgroup dd dt li optgroup option p rb rp rt rtc tbody td tfoot th thead "
                         "tr")
"""Elements whose closing tag HTML lets a writer leave out (the next one, or the parent's end, closes them)."""
KNOWN = ALLOWED | VOID | names(
    "abbr acronym address applet article aside audio basefont big blink body button canvas center data datalist "
    "dialog dir embed fieldset font footer form frame frameset head header hgroup html iframe input keygen label "
    "legend link main map marquee math menu menuitem meta meter nav noembed noframes noscript object optgroup "
    "option output param picture plaintext portal progress rb rp rt rtc ruby script search section select slot "
    "source strike style svg template textarea title track tt video xmp")
"""Every element of HTML (WHATWG's list, obsolete ones included): what a browser would not print as text."""
PRINTABLE = re.compile(r"(?i)^(?:https?://|mailto:)")
"""The addresses a reader of the paper copy can type (content.notes prints them)."""
_WHY = {
    "style": "a style in a part restyles the whole zine, covers included: put it in the project's "
             "templates/zine.css (docs/en/templates.md, « Templates »)",
    "link": "a stylesheet goes in the project's templates/ (docs/en/templates.md, « Templates »)",
    "script": "the PDF runs no scripts",
    "noscript": "the PDF runs no scripts",
}


def known(name: str) -> bool:
    """Whether `name` (any case) is an HTML element's."""
    return name.lower() in KNOWN


def why(name: str) -> str:
    """Why the element `name` (lower case) is refused."""
    if name in _WHY:
        return _WHY[name]
    if name in ("iframe", "object", "embed", "frame", "frameset", "applet", "portal"):
        return "it would embed another document, which paper cannot hold"
    return "it is not among the HTML a zine prints (docs/en/writing.md, « What you can write »)"
