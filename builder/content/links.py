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

A link is an `http`, `https` or `mailto` address, or in the document (issue 25, item 6): any other
scheme prints its text, with a warning naming the part and line: `javascript:` and `vbscript:`
(a PDF link that runs a script), `data:` and `file:` (a document or a file of the machine),
`ftp:` (no reader opens it from paper), and `tel:` too: a phone number is best printed as
digits in the text, which every reader can dial, and a `tel:` link in a PDF opens nothing on
most screens. Markdown-it would print `[text](javascript:…)` as typed, in silence
(`any_address` lets such a link through, to be named here); raw HTML's `<a href>` is refused
instead (content.htmlattributes).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from builder.content import rawhtml
from builder.content.footnote_tokens import breaks_before, inlines
from builder.content.manifest import slugify
from builder.errors import closest
from builder.model import Finding


@dataclass
class Targets:
    """What the links of a zine lead to, filled part by part, then checked once (`unresolved`)."""

    ids: dict[str, str] = field(default_factory=dict)
    """A target's slug (a part's file or title, a heading's words) → its id in the document; the
    first part's wins."""
    exact: set[str] = field(default_factory=set)
    """Every id of the document (`02-how-to--planting-day`): a link may name one as it is."""
    parts: dict[str, str] = field(default_factory=dict)
    """Each part's file, as messages show it (`content/02.md`) → its slug: a link to it is named so."""
    pending: list[tuple[str, int, str]] = field(default_factory=list)
    """The links no heading of their own part answers: file, line, target as written."""

    def part(self, slug: str, title: str) -> None:
        """Make a part a target: by its slug (its id) and by its title's words."""
        self.exact.add(slug)
        self.ids.setdefault(slug, slug)
        if _key(title):
            self.ids.setdefault(_key(title), slug)

    def find(self, target: str) -> str | None:
        """The id `target` (as written after #) leads to: an id as it is, else a slug's; None."""
        return target if target in self.exact else self.ids.get(_key(target))

    def unresolved(self) -> list[Finding]:
        """A warning for each pending link that leads nowhere in the zine (`rewrite` prints its text),
        naming the nearest target (errors.closest)."""
        found = []
        for where, line, target in self.pending:
            if self.find(target) is None:
                near = closest(_key(target), self.ids, cutoff=0.6)
                hint = f" (did you mean #{near}?)" if near else ""
                found.append(Finding(Path(where), None, "warning", f"link to #{target} leads nowhere: no heading or "
                                     f"part of the zine has these words{hint}; it prints as text", line=line))
        return found

    def rewrite(self, page: str) -> str:
        """`page` with each link to another part's heading pointed at its id, a link to nothing its text."""
        def point(match: re.Match[str]) -> str:
            target = self.find(unquote(html.unescape(match.group(1))))
            return f'<a href="#{html.escape(target)}"{match.group(2)}>{match.group(3)}</a>' if target is not None \
                else match.group(3)
        return re.sub(r'<a href="#([^"]*)"([^>]*?) data-target="[^"]*">(.*?)</a>', point, page, flags=re.DOTALL)


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
    found.update((name, name) for name in raw_ids(tokens))  # <a id="here">: the writer's own, as written
    if targets is not None:
        targets.ids.setdefault(prefix, prefix)
        targets.exact.update([prefix, *found.values()])
        for key, value in found.items():
            targets.ids.setdefault(key, value)
    return found


def raw_ids(tokens: Sequence[Token]) -> list[str]:
    """The ids the writer gave in raw HTML (`<a id="here"></a>`, as READMEs make anchors): a link
    may lead to them, in their part or another (rawhtml refuses one shaped like the zine's own)."""
    raws = [token.content for token in tokens if token.type == "html_block"]
    raws += [child.content for token in tokens if token.type == "inline"
             for child in token.children or () if child.type == "html_inline"]
    return [name for raw in raws for name in rawhtml.ids(raw)]


LINKED = frozenset({"http", "https", "mailto"})
"""The schemes a link of the reading PDF may have (besides `#`, in the document)."""


def any_address(url: str) -> bool:
    """Markdown-it's validateLink: every address makes a link token, `check` decides (see the module)."""
    return True


def check(tokens: Sequence[Token], found: dict[str, str], where: str, first_line: int,
          targets: Targets | None, warnings: list[Finding]) -> None:
    """Point the links to headings of this part at their ids, and the others into `targets`
    (checked once the zine is read); turn the links to files and to schemes not LINKED into
    their text, a warning each."""
    local: dict[str, tuple[list[int], str]] = {}  # the links unmade, by address: their lines, the first's text
    for inline, line in inlines(tokens, first_line):
        children = list(inline.children or ())
        for index, child in enumerate(children):
            if child.type != "link_open":
                continue
            href, at = str(child.attrGet("href") or ""), line + breaks_before(children, index)
            if href.startswith("#"):
                _heading(child, unquote(href[1:]), found, where, at, targets)
            elif urlsplit(href).scheme.lower() not in LINKED:
                close = next(end for end in range(index, len(children)) if children[end].type == "link_close")
                text = "".join(token.content for token in children[index + 1:close])
                local.setdefault(href, ([], text))[0].append(at)
                child.type = children[close].type = "text"
                child.content = children[close].content = ""
        inline.children = children
    for href, (places, text) in local.items():
        more = (f" (and on lines {', '.join(map(str, places[1:11]))}{', …' if len(places) > 11 else ''})"
                if len(places) > 1 else "")
        warnings.append(Finding(Path(where), None, "warning", f"link to {_short(href)!r}{more} prints its text "
                                f"only: {_advice(href, text, where, targets)}", line=places[0]))


def _heading(link: Token, target: str, found: dict[str, str], where: str, line: int,
             targets: Targets | None) -> None:
    """Point `link` at the heading of its part `target` names, or leave it to `targets`."""
    own = target if target in found.values() else found.get(_key(target))
    if own is not None:
        link.attrSet("href", "#" + own)
    elif targets is not None:  # else a text rendered alone, for a test: left as written
        link.attrSet("data-target", target)
        targets.pending.append((where, line, target))


def _short(href: str) -> str:
    return href if len(href) <= 80 else href[:77] + "…"


def _advice(href: str, text: str, where: str, targets: Targets | None) -> str:
    """Why a link to `href` is not made, and what to write instead: a link to the part it names
    (`02.md`), else a full address; the digits of a phone number."""
    address = urlsplit(href)
    if address.scheme:
        instead = "the number in the text" if address.scheme.lower() in ("tel", "sms") else "a full address (https://…)"
        return (f"a zine links only to http, https and mailto addresses and its own headings, not "
                f"{address.scheme}:; write {instead} to print it")
    paper = "paper cannot follow it; "
    path = posixpath.normpath(posixpath.join(posixpath.dirname(where), unquote(address.path)))
    slug = targets.parts.get(path) if targets is not None and address.path else None
    if slug is None:
        return paper + "write a full address (https://…) to print it"
    target = f"{slug}--{_key(unquote(address.fragment))}" if _key(unquote(address.fragment)) else slug
    return paper + f"link to the part with [{text}](#{target})"
