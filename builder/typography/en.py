"""English: typography (curly quotes, apostrophes, ellipses, dashes: shared FACTS.md §4b), words, dates.

Straight quotes are classified in `common` and become “ ” and ‘ ’ here, the apostrophe ’, and
″ ′ after a digit. `...` becomes an ellipsis …, and the dashes are those of every language
(`common.DASHES`): `---` an em dash —, `--` beside a digit an en dash (2022–2026), a hyphen or
two between spaces (` - `, ` -- `) a spaced en dash – : FACTS.md §4b allows the closed em dash
(US) or the spaced en dash (UK); this module takes the British one, the spacing most typists
already type.
Nothing is spaced before `: ; ! ?` (English puts no space there): a space typed there is left
as typed, since removing one is not always right (`the ? key`). Its words are every language's
fallback. A module implementing `language.Language`.
"""

from __future__ import annotations

import re
from functools import cache

from builder.typography.common import DASHES, Marks, Rule, apply
from builder.typography.counts import Counting
from builder.typography.language import Scaffold, SheetWords, Words, long_date

MARKS = Marks(open_double="\u201c", close_double="\u201d", open_single="\u2018", close_single="\u2019")
COUNTING = Counting(
    locale="en",
    numbers=("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
             "(?:thir|four|fif|six|seven|eigh|nine)teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
             "eighty", "ninety", r"\w+ty-one", "hundred", "thousand", "million"),
    links=("and", "or", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from", "than", "that", "who",
           "which", "is", "are", "was", "were", "be", "the", "as", "per", "more", "less"),
    before_number=("No.", "Nos.", "p.", "pp.", "art.", "article", "articles", "§", "§§", "section", "sections",
                   "chapter", "page", "pages", "paragraph", "step", "steps", "part", "point", "annex", "vol."))
"""Numbers in words bound to the word they count (“six weeks”), not “one” (a pronoun too), nor
before a word that counts nothing (“two of them”); months from CLDR."""


@cache
def _rules() -> tuple[Rule, ...]:
    """The rules in order (compiled on first use: Babel's months)."""
    return ((re.compile(r"\.\.\."), "…"), *DASHES, COUNTING.figures, *COUNTING.rules)


def plain(text: str, before: str = "") -> str:
    """The character rules on plain text whose quotes are classified already (`MARKS`), and the
    no-break spaces of dates and counted words (`COUNTING`: “December 30, 2025”, “10 kilometres”)."""
    return apply(_rules(), text, before)


def markup(text: str) -> str:
    """Escaped HTML with its dates and counted words never hyphenated (`Counting.markup`, issue 24)."""
    return COUNTING.markup(text)


date = long_date
"""November 28, 2026: CLDR's long date in `lang` (en, en-GB…)."""

WORDS = Words(
    contents="Contents",
    sheet_count="This booklet: {pages}\u00a0pages, that is {sheets}\u00a0sheets of {paper} printed on both "
                "sides ({flip}), per copy.",
    sheet_count_two="This booklet: {pages}\u00a0pages, that is {sheets}\u00a0sheets of {paper} printed on "
                    "both sides ({flip}) for two copies: cut the stack in half.",
    flip_short="flip on the short edge", flip_long="flip on the long edge", us_letter="US Letter",
    contact="sheet {sheet}, {side}", front="front", back="back", signature="signature",
    nir="social security number", nir_key="key (2 digits)", characters="{count} characters",
    notes="Notes", bound_right="bound on the right",
    test_sheet=SheetWords(
        title="Duplex test sheet",
        front=("TEST SHEET: FRONT", "1. Copy this sheet recto-verso, at 100\u00a0%,",
               "    with the setting you mean to use for the booklet.", "2. Turn the copy over {turn}.",
               "3. Read the back: it says whether the setting is right."),
        turn_side="like a book page (about its left or right edge)",
        turn_top="like a calendar page (about its top edge)",
        right=("BACK UPRIGHT:", "THE SETTING IS RIGHT", "The copier flips on the {edge} edge, as this booklet",
               "needs (\u201c{setting}\u201d, zine impose --flip {flip}).", "The two arrows are back to back."),
        wrong=("BACK UPSIDE DOWN:", "CHANGE THE SETTING", "The copier flipped on the {other} edge. Choose",
               "\u201c{setting}\u201d, or impose with", "zine impose --flip {other_flip} (each back turned)."),
        short="SHORT", long="LONG", top="TOP", ruler="This line is 100\u00a0mm long when copied at 100\u00a0%"))

SCAFFOLD = Scaffold(
    header=("# The manifest of the zine: its title, its date, and its parts in order.\n"
            "# Each setting is: name = \"value\". What follows a # is a note: to use a setting\n"
            "# that is a note, remove the # at the start of its line.\n\n"),
    optional_header="# Printed only when set:\n",
    notes={
        "title": "on the cover, and the PDF's title",
        "subtitle": "under the title, on the cover",
        "author": "who wrote it (the PDF's author)",
        "byline": "the credit on the cover (default: author)",
        "lang": "the language: en, fr, fr-CA… (the tool's words, hyphenation, typography)",
        "date": "on the cover and the back cover, written 2026-11-28",
        "edition": "beside the date",
        "slug": "the start of the PDFs' names (default: made from the title)",
        "format": "the page:",
        "paper": "the letters and the mini-zine on US letter (default: A4; US letter for half-letter)",
        "envelope": "the letters' window envelope (default: \"DL\" on A4, \"#10\" on US letter; \"C5\": A4 folded "
                    "in half)",
        "notes": "notes at the end of each part (default: \"footnotes\", at the foot of the page that calls them)",
        "links": "a link's address after it, in small type (default: \"notes\", in a note; \"off\": not printed)",
        "parts": "the Markdown files of this folder, in the order of the zine",
        "intro": "a short text under the table of contents",
        "back_cover": "the text of the back cover",
        "minizine": "the pocket mini-zine, one sheet of the letters' paper (each ## heading starts one of its 8 pages)",
        "price": "on the cover and the back cover",
        "licence": "on the back cover and the mini-zine",
        "cover": "a picture of this folder, for the cover",
        "cover_alt": "what the picture shows, in words, for screen readers",
        "photos": "pictures in black-and-white dots, for the copier (default: \"keep\")",
        "fonts": "this machine's fonts fill in characters no font of the zine has (default: \"shipped\")",
        "direction": "right to left, bound on the right (default: the language's; ar, fa, he are \"rtl\")",
    },
    examples={"price": '"Pay what you can"',
              "subtitle": '"A subtitle"', "author": '"The collective"', "byline": '"After a text by the collective"',
              "edition": '"First edition"', "slug": '"my-zine"', "back_cover": '"back-cover.md"',
              "minizine": '"pocket.md"', "cover": '"images/cover.png"', "cover_alt": '"What the picture shows"'},
    formats={"A5": "(the default) folded and stapled, on A4", "A6": "two copies per A4 side, cut in half",
             "A4": "on A3", "half-letter": "on US letter"},
    part=("01-first-part.md", """---
title: To begin with
kind: text
---

This is the first part of your zine. Replace this text with yours: a plain text editor is
enough.

An empty line separates two paragraphs. Write *in italics* between two stars and **in bold**
between two pairs of stars; a line that starts with two hash signs is a heading.

## Adding a part

Make another `.md` file in the `content` folder, start it with a header like the one of this
file (between two lines of three dashes), then add its name to the `parts` list of the file
`content/zine.toml`.

## Making the PDFs

Type `zine build` in the project's folder: the PDFs land in the `output` folder.
"""))
