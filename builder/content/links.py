"""Links on paper (issue 20, item 3): a link to a heading works in the reading PDF, a link to a
file or a page of the machine prints its text only, with a warning; no output holds a path of it.

Headings get ids by one rule: the part's slug, `--`, and the heading's words slugified as part
names are (manifest.slugify: `## Section one` in `guide.md` is `guide--section-one`), a second
heading of the same words `-1`, `-2`… after it. The reading edition is one document of every
part: the part's slug keeps the ids unique across the zine (a part's slug holds no `--`).
`[see](#section-one)` leads to the heading of its part that has those words, else to a part
(`#guide`) or to a heading of another part; a target found nowhere stops the build, with its line.
A link with no scheme (`flyer.pdf`, `other.md`, `/url`, `@`) would point into the machine's
folders (WeasyPrint resolves it against the templates): it prints its text, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from builder.content.footnote_tokens import breaks_before, inlines
from builder.content.manifest import slugify
from builder.model import Finding


@dataclass
class Targets:
    """What the links of a zine lead to, filled part by part, then checked once (`unresolved`)."""

    ids: dict[str, str] = field(default_factory=dict)
    """A target's slug (a part's, a heading's) → its id in the document; the first part's wins."""
    pending: list[tuple[str, int, str]] = field(default_factory=list)
    """The links no heading of their own part answers: file, line, target as written."""

    def unresolved(self) -> list[Finding]:
        """A warning for each pending link that leads nowhere in the zine (`rewrite` prints its text)."""
        return [Finding(Path(where), None, "warning", f"link to #{target} leads nowhere: no heading or part of "
                                                      "the zine has these words; it prints as text", line=line)
                for where, line, target in self.pending if _key(target) not in self.ids]

    def rewrite(self, html: str) -> str:
        """`html` with each link to another part's heading pointed at its id, a link to nothing its text."""
        def point(match: re.Match[str]) -> str:
            key = _key(unquote(match.group(1)))
            return f'<a href="#{self.ids[key]}"{match.group(2)}>{match.group(3)}</a>' if key in self.ids \
                else match.group(3)
        return re.sub(r'<a href="#([^"]*)"([^>]*?) data-target="[^"]*">(.*?)</a>', point, html, flags=re.DOTALL)


def _key(target: str) -> str:
    return slugify(target.lower()) if target.strip("-") else ""


def anchors(tokens: Sequence[Token], prefix: str, targets: Targets | None) -> dict[str, str]:
    """Give each heading of `tokens` its id (see the module); the part's targets, slug → id."""
    found: dict[str, str] = {}
    if not prefix:
        return found  # a letter: its headings are not targets
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        words = "".join(child.content for child in tokens[index + 1].children or ()
                        if child.type in ("text", "code_inline", "typed_tag"))
        key = _key(str(token.attrGet("id") or words)) or "section"
        base, count = key, 0
        while key in found:
            count += 1
            key = f"{base}-{count}"
        found[key] = f"{prefix}--{key}"
        token.attrSet("id", found[key])
    if targets is not None:
        targets.ids.setdefault(prefix, prefix)
        for key, value in found.items():
            targets.ids.setdefault(key, value)
    return found


def check(tokens: Sequence[Token], found: dict[str, str], where: str, first_line: int,
          targets: Targets | None, warnings: list[Finding]) -> None:
    """Point the links to headings of this part at their ids, and the others into `targets`
    (checked once the zine is read); turn the links to files into their text, a warning each."""
    local: dict[str, list[int]] = {}  # the links to files, by address: their lines
    for inline, line in inlines(tokens, first_line):
        children = list(inline.children or ())
        for index, child in enumerate(children):
            if child.type != "link_open":
                continue
            href, at = str(child.attrGet("href") or ""), line + breaks_before(children, index)
            if href.startswith("#"):
                target = unquote(href[1:])
                if _key(target) in found:
                    child.attrSet("href", "#" + found[_key(target)])
                elif targets is not None:  # else a text rendered alone, for a test: left as written
                    child.attrSet("data-target", target)
                    targets.pending.append((where, at, target))
            elif not urlsplit(href).scheme:
                local.setdefault(href, []).append(at)
                close = next(end for end in range(index, len(children)) if children[end].type == "link_close")
                child.type = children[close].type = "text"
                child.content = children[close].content = ""
        inline.children = children
    for href, places in local.items():
        more = (f" (and on lines {', '.join(map(str, places[1:11]))}{', …' if len(places) > 11 else ''})"
                if len(places) > 1 else "")
        warnings.append(Finding(Path(where), None, "warning", f"link to {href!r}{more} prints its text only: paper "
                                "cannot follow it; write a full address (https://…) to print it", line=places[0]))
