"""Fill-in letters: Markdown with placeholders, drawn as write-on lines, boxes and checkboxes.

A letter part (`kind: letter`) reads like the page it prints (docs/fr/letters.md): the lines
before the first `>` block are the sender's corner; that block is the recipient's address (the
window of a DL envelope on A4); later `>` blocks go in the right-hand column. `[[key]]` or
`[[key: hint]]` is a field, `[ ]` a checkbox. One HTML fragment serves the A4 pack, the pages
of the booklet and the fillable PDF (CSS and WeasyPrint's `pdf_forms` make the difference);
`zine letter` puts a reader's values in place of the blanks.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from builder.content import markdown
from builder.errors import BuildError, raise_all
from builder.model import Letter, Part
from builder.typography.words import Words

FIELD = re.compile(r"\[\[([^\[\]]*)\]\]")
BOX = re.compile(r"\[ \]")
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
LABEL = 30
"""Characters of text a field may follow and still run to the margin (« Date de naissance : ____ »)."""
_PREFIX = re.compile(r"(\s*(?:>\s?)*\s*(?:[-*+]\s+|\d+[.)]\s+)?)(.*)")
_TOKEN = re.compile("\ue000(\\d+)\ue001")
_QUOTE = re.compile(r"<blockquote\b[^>]*>")
_CHOICE = re.compile(r'<li(?: data-line="[^"]*")?>(?=(?:<span class="row[-a-z]*">)*<(?:input|span) [^>]*class="check)')
_ADDRESS_END = "<!-- the end of the address -->"
"""Written at the end of the recipient's address: the pack makes it an anchor (`packed`). A
comment elsewhere: an element, even empty, would be a structure element of the tagged reading PDF."""
_GROUPS = (1, 2, 2, 2, 3, 3)
"""How the 13 digits of a NIR are printed on the carte Vitale: 2 06 12 75 111 005, then the key."""


def read(part: Part, where: str, content: Path, language: Words) -> Letter:
    """The letter of a `kind: letter` part, its HTML drawn with blanks; BuildError naming every bad placeholder."""
    keys, boxes, problems = _scan(part.body, part.first_line, where)
    raise_all(problems)
    letter = Letter(name=part.source.stem, keys=keys, boxes=boxes, part=part)
    return dataclasses.replace(letter, part=dataclasses.replace(part, html=fragment(letter, where, content, language)))


def fragment(letter: Letter, where: str, content: Path, language: Words, values: Mapping[str, str] | None = None,
             ticks: frozenset[int] = frozenset()) -> str:
    """The letter as HTML: head (sender, recipient), text, and an end marker for the fit check.

    Blanks are drawn to fill in by hand, or hold `values` (by key) and tick the boxes numbered in
    `ticks` (0-based), for `zine letter`. One Markdown conversion, images from `content` only.
    """
    snippets: list[str] = []
    source = _tokens(letter, language, values or {}, ticks, snippets)
    body = markdown.to_html(source, where=where, first_line=letter.part.first_line,
                            folder=letter.part.source.parent, root=content, tasks=False)
    body = _TOKEN.sub(lambda match: snippets[int(match.group(1))], body)
    body = _CHOICE.sub('<li class="choice">', body)
    quote = _QUOTE.search(body)  # the blocks carry their Markdown line (content/lines.py)
    assert quote is not None, "_scan checked that the letter has a recipient"
    start, inner = quote.start(), quote.end()
    end = body.index("</blockquote>", start) + len("</blockquote>")
    return (f'<div class="letter">\n<div class="letter-head">\n<div class="letter-from">{body[:start]}</div>\n'
            f'<div class="letter-to">{body[inner:end - len("</blockquote>")]}'
            f'{_ADDRESS_END}</div>\n'
            f'</div>\n<div class="letter-text">{body[end:]}</div>\n'
            f'<div class="letter-end" id="{letter.part.slug}-end"></div>\n</div>')


def packed(part: Part) -> Part:
    """`part` (a letter's) as the pack lays it out: the end of its recipient's address is an
    anchor, `SLUG-to-end`, that letters.fit measures against the envelope's window. (Only there:
    in the reading edition every id becomes a PDF destination.)"""
    anchor = f'<div class="letter-to-end" id="{part.slug}-to-end"></div>'
    return dataclasses.replace(part, html=part.html.replace(_ADDRESS_END, anchor, 1))


def kind(key: str) -> str:
    """How a field is drawn, from its key: nir (13 + 2 boxes), signature (a box), date, or text."""
    if key == "nir" or key.endswith("-nir"):
        return "nir"
    if key == "signature":
        return "signature"
    return "date" if key == "date" or key.startswith("date-") else "text"


def _scan(body: str, first: int, where: str) -> tuple[tuple[str, ...], tuple[str, ...], list[BuildError]]:
    """The letter's field keys and checkbox labels, and what is wrong with its shape or placeholders."""
    keys: list[str] = []
    boxes: list[str] = []
    errors = []
    sender = recipient = False
    for number, line in _lines(body, first):
        if "[[" in FIELD.sub("", line) or "]]" in FIELD.sub("", line):
            errors.append(BuildError(where, "a field opens with [[ and closes with ]] on the same line", number))
        for match in FIELD.finditer(line):
            key = match.group(1).partition(":")[0].strip()
            if KEY.match(key):
                keys.append(key)
            else:
                errors.append(BuildError(where, f"field [[{match.group(1)}]]: a key is lower-case letters a-z, "
                                                "digits and dashes, like [[nom]] or [[date-naissance]]", number))
        boxes.extend(_label(rest) for rest in BOX.split(line)[1:])
        quoted = line.lstrip().startswith(">")
        if quoted and line.lstrip()[1:].lstrip().startswith(">"):
            errors.append(BuildError(where, "a '>' block inside a '>' block: use one '>' per line", number))
        if quoted and not sender:
            errors.append(BuildError(where, "the sender's address comes first, before any '>' line", number))
        recipient = recipient or quoted
        sender = sender or bool(line.strip())
    if not recipient:
        errors.append(BuildError(where, "a letter starts with the sender's address, then the recipient's address "
                                        "as a block of lines starting with '>'", first))
    return tuple(dict.fromkeys(keys)), tuple(boxes), errors


def _lines(body: str, first: int) -> Iterable[tuple[int, str]]:
    """The lines of a letter with their numbers in the file, HTML comments left out."""
    in_comment = False
    for number, line in enumerate(body.split("\n"), start=first):
        visible = "" if in_comment else line
        if "<!--" in line and not in_comment:
            visible, in_comment = line.split("<!--")[0], "-->" not in line.split("<!--", 1)[1]
        elif in_comment and "-->" in line:
            visible, in_comment = line.split("-->", 1)[1], False
        yield number, visible


def _label(text: str) -> str:
    """What a checkbox says: its text up to the next box, fields shown as « … »."""
    text = BOX.split(text)[0]
    return " ".join(re.sub(r"[*_`]", "", FIELD.sub("…", text)).split())


def _tokens(letter: Letter, language: Words, values: Mapping[str, str], ticks: frozenset[int],
            snippets: list[str]) -> str:
    """The Markdown with each field and box replaced by a token; the HTML for each goes in `snippets`."""
    # Tokens keep Markdown away from the generated HTML, and from the reader's values.

    def token(markup: str) -> str:
        snippets.append(markup)
        return f"\ue000{len(snippets) - 1}\ue001"

    seen: dict[str, int] = {}
    boxes = iter(range(len(letter.boxes)))

    def field(match: re.Match[str]) -> str:
        key, _, hint = (text.strip() for text in match.group(1).partition(":"))
        seen[key] = seen.get(key, 0) + 1
        name = f"{letter.name}-{key}" + (f"-{seen[key]}" if seen[key] > 1 else "")
        return token(_field(key, hint, name, values.get(key), language))

    def box(match: re.Match[str]) -> str:
        index = next(boxes)
        return token(_box(f"{letter.name}-case-{index + 1}", letter.boxes[index], index in ticks))

    visible = dict(_lines(letter.part.body, letter.part.first_line))
    out = []
    for number, line in enumerate(letter.part.body.split("\n"), start=letter.part.first_line):
        if visible[number] != line:  # a line with an HTML comment is left as written
            out.append(line)
            continue
        prefix, rest = _PREFIX.fullmatch(line).groups()  # type: ignore[union-attr]
        label = _label_before(rest)
        if label is None:
            out.append(prefix + FIELD.sub(field, BOX.sub(box, rest)) + ("  " if rest.strip() else ""))
            continue
        # A short label then a field: a row whose line runs to the margin (a block, so no line break).
        row = token('<span class="row">')
        if label.strip():
            row += token('<span class="row-label">') + BOX.sub(box, label) + token("</span>")
        out.append(prefix + row + token('<span class="row-field">') + FIELD.sub(field, rest[len(label):])
                   + token("</span></span>"))
    return "\n".join(out)


def _label_before(line: str) -> str | None:
    """The text before a line-ending text field when it is a short label (or nothing), else None."""
    fields = list(FIELD.finditer(line))
    if not fields or line[fields[-1].end():].strip():
        return None
    before = line[:fields[-1].start()]
    key = fields[-1].group(1).partition(":")[0].strip()
    if kind(key) not in ("text", "date") or FIELD.search(before) or len(BOX.sub("", before).strip()) > LABEL:
        return None
    return before


def _field(key: str, hint: str, name: str, value: str | None, language: Words) -> str:
    """One field: blank (an input the CSS draws as a line or boxes) or filled with `value`."""
    drawn = kind(key)
    caption = f'<span class="hint">{html.escape(hint)}</span>' if hint else ""
    if drawn == "signature":
        hint = html.escape(hint or language.signature)
        return f'<span class="field signature"><span class="hint">{hint}</span></span>'
    if drawn == "nir":
        return _nir(name, hint, value, language)
    if value:
        return f'<span class="field {drawn} filled">{html.escape(value)}</span>'
    title = html.escape(hint or key.replace("-", " "))
    hinted = " hinted" if hint else ""  # letters.css: the hint under the line, in room of its own
    return f'<span class="field {drawn}{hinted}"><input type="text" name="{name}" title="{title}">{caption}</span>'


def _nir(name: str, hint: str, value: str | None, language: Words) -> str:
    """13 + 2 boxes, grouped as on the carte Vitale; typing boxes for the fillable PDF; or the digits."""
    digits, groups, at = value or " " * 15, [], 0
    for size in (*_GROUPS, 2):
        cells = "".join(f'<span class="cell">{html.escape(digit.strip())}</span>' for digit in digits[at:at + size])
        groups.append(f'<span class="group">{cells}</span>')
        at += size
    if value:
        return f'<span class="field nir filled">{"".join(groups)}</span>'
    title = html.escape(f"{hint or language.nir} ({language.characters.format(count=13)})")
    typed = (f'<input class="typed" name="{name}" maxlength="13" title="{title}">'
             f'<input class="typed key" name="{name}-cle" maxlength="2" title="{html.escape(language.nir_key)}">')
    return f'<span class="field nir">{"".join(groups)}{typed}</span>'


def _box(name: str, label: str, ticked: bool) -> str:
    if ticked:
        return '<span class="check ticked">X</span>'
    return f'<input type="checkbox" class="check" name="{name}" title="{html.escape(label)}">'

