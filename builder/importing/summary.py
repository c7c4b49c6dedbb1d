"""The lines `zine import` prints at the end: what the part carries, and what it could not
(issue 23, item 2: comments, tracked changes, fields, fonts and colours counted and named)."""

from __future__ import annotations

from collections import Counter

from builder.content import manifest
from builder.errors import plural

CARRIED = ("picture", "note", "table")
"""What the part carries, counted (importing.tree)."""
LEFT = {
    "comment": "{} (not printed)",
    "tracked change": "{} (the text as if every change were accepted)",
    "field": "{} (kept as the text they showed, no longer updated)",
    "font": "{} with a font of their own (the zine's fonts print them)",
    "colour": "{} with a colour (printed in black)",
    "header or footer": "{} of the pages (not printed: the zine numbers its pages)",
    "raw": "{} of raw HTML or TeX (left out)",
    "front matter field": "{} (only its title is kept: add the others again by hand)",
    "picture on the web": "{} (the zine prints no picture from the network; their descriptions are kept)",
    "missing picture": "{} (not found; their descriptions are kept)",
    "picture outside its folder": "{} (not beside the document: not copied; their descriptions are kept)",
}
"""What the part does not carry, by importing.dropped's and importing.tree's nouns."""
CHANGED = {
    "table flattened": "{}: their cells' spans, paragraphs and lists made single lines (pipe tables)",
    "formula": "{} kept as typed, as code",
    "title note": "the title's notes made the part's `note` (printed at its end, as plain text)",
}
NOUNS = {"raw": "piece", "font": "text run", "colour": "text run", "header or footer": "header or footer",
         "table flattened": "table flattened", "formula": "formula"}
"""The noun each count is said with, when it is not the key itself."""


def lines(part: str, title: str, pictures: list[str], counts: Counter[str]) -> list[str]:
    """The summary: the part made, what it carries, what it does not, what changed."""
    carried = [_said(key, counts[key]) for key in CARRIED if counts[key]]
    out = [f"wrote content/{part} (title: {title}), listed last in content/{manifest.NAME}'s parts",
           f"  carried: {', '.join(carried) if carried else 'the text'}"]
    if pictures:
        out.append(f"  pictures: content/images/{', content/images/'.join(pictures)}")
    left = [text.format(_said(key, counts[key])) for key, text in LEFT.items() if counts[key]]
    left += [f"{_said(key, count)} (a format that does not print: save it as PNG or JPEG, then add it)"
             for key, count in sorted(counts.items()) if key.endswith(" picture") and key not in LEFT and count]
    out.append(f"  not carried: {'; '.join(left)}" if left else "  not carried: nothing")
    changed = [text.format(_said(key, counts[key])) for key, text in CHANGED.items() if counts[key]]
    if changed:
        out.append(f"  changed: {'; '.join(changed)}")
    return out


def _said(key: str, count: int) -> str:
    noun = NOUNS.get(key, key)
    if noun == "header or footer":
        return f"{count} {'header or footer' if count == 1 else 'headers or footers'}"
    if noun == "table flattened":
        return f"{plural(count, 'table')} flattened"
    if noun.startswith("picture "):  # picture on the web
        return f"{plural(count, 'picture')} {noun[len('picture '):]}"
    if noun.endswith(" picture"):
        return f"{count} {noun}{'' if count == 1 else 's'}"
    return plural(count, noun)
