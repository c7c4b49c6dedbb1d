"""What a word processor's file holds that a part of the zine cannot carry, counted from the file
itself (issue 23, item 2): pandoc drops these without a word, so they are read here.

- .docx (Office Open XML, ECMA-376 part 1): comments (`w:comment` in word/comments.xml), tracked
  changes (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`: pandoc accepts them, the text reads as it
  would with every change accepted), fields (`w:fldSimple`, and each complex field's
  `w:fldChar w:fldCharType="begin"`: their shown text is kept), runs with a font of their own
  (`w:rFonts`) or a colour (`w:color` other than auto, `w:highlight`, `w:shd`), and the headers and
  footers of the pages (word/header*.xml, word/footer*.xml) that have words.
- .odt (OpenDocument 1.3, part 3): comments (`office:annotation`), tracked changes
  (`text:changed-region`), fields (`text:date`, `text:page-number`, `text:*-field*` and the other
  field elements of FIELDS), and the automatic styles with a font (`style:font-name`) or a colour
  (`fo:color`, `fo:background-color`).

- Markdown: the fields of a part's front matter other than its title.

Other formats: nothing is counted (pandoc's HTML, EPUB, RTF and Markdown readers keep what the
zine prints, and drop only styling). A damaged part of the file counts nothing: pandoc, which
reads the file first, says what is wrong with it.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from builder.content import frontmatter
from builder.errors import BuildError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
FIELDS = re.compile(r"[\w-]*-field[\w-]*|date|time|page-(number|count|continuation)|[\w-]+-count|sequence|"
                    r"variable-(get|set|input)|expression|chapter|file-name|template-name|author-(name|initials)|"
                    r"sender-[\w-]+|text-input|drop-down|database-[\w-]+|conditional-text|hidden-text")
"""The local names of ODF's field elements (OpenDocument 1.3 part 3, §7)."""
LARGEST = 200 * 1024 * 1024
"""The most bytes a part of the file may unpack to for it to be counted (a zip bomb counts nothing)."""
_STORIES = re.compile(r"word/(document|footnotes|endnotes)\.xml")
_MARGINS = re.compile(r"word/(header|footer)\d*\.xml")


def counted(source: Path) -> Counter[str]:
    """What `source` holds that the part will not carry, by the summary's nouns ("comment",
    "tracked change", "field", "font", "colour", "header or footer"); empty for other formats."""
    suffix = source.suffix.lower()
    if suffix in (".md", ".markdown"):
        return _front_fields(source)
    try:
        with zipfile.ZipFile(source) as archive:
            if suffix == ".docx":
                return _docx(archive)
            if suffix == ".odt":
                return _odt(archive)
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError, KeyError, EOFError):
        pass
    return Counter()


def _front_fields(source: Path) -> Counter[str]:
    """The fields of a Markdown part's front matter (builder/content/frontmatter.py) other than
    its title, which the imported part does not keep ("kind: letter" would change how it prints)."""
    try:
        fields, _, _ = frontmatter.split(source.read_text(encoding="utf-8-sig"), source.name)
    except (OSError, UnicodeDecodeError, BuildError):  # pandoc's reading says what is wrong
        return Counter()
    return Counter({"front matter field": len(set(fields) - {"title"})})


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    if name not in archive.namelist() or archive.getinfo(name).file_size > LARGEST:
        return None
    return ElementTree.fromstring(archive.read(name))


def _docx(archive: zipfile.ZipFile) -> Counter[str]:
    counts: Counter[str] = Counter()
    comments = _xml(archive, "word/comments.xml")
    counts["comment"] = len(comments.findall(f"{W}comment")) if comments is not None else 0
    for name in archive.namelist():
        root = _xml(archive, name) if _STORIES.fullmatch(name) or _MARGINS.fullmatch(name) else None
        if root is None:
            continue
        if _MARGINS.fullmatch(name):
            counts["header or footer"] += any((node.text or "").strip() for node in root.iter(f"{W}t"))
            continue
        changes = ("ins", "del", "moveFrom", "moveTo")
        counts["tracked change"] += sum(len(list(root.iter(f"{W}{tag}"))) for tag in changes)
        counts["field"] += len(list(root.iter(f"{W}fldSimple"))) + sum(
            node.get(f"{W}fldCharType") == "begin" for node in root.iter(f"{W}fldChar"))
        for run in root.iter(f"{W}rPr"):
            counts["font"] += run.find(f"{W}rFonts") is not None
            color = run.find(f"{W}color")
            counts["colour"] += (color is not None and color.get(f"{W}val", "auto") != "auto") or any(
                run.find(f"{W}{tag}") is not None for tag in ("highlight", "shd"))
    return +counts


def _odt(archive: zipfile.ZipFile) -> Counter[str]:
    counts: Counter[str] = Counter()
    root = _xml(archive, "content.xml")
    if root is None:
        return counts
    counts["comment"] = len(list(root.iter(f"{OFFICE}annotation")))
    counts["tracked change"] = len(list(root.iter(f"{TEXT}changed-region")))
    body = root.find(f"{OFFICE}body")
    counts["field"] = sum(node.tag.startswith(TEXT) and bool(FIELDS.fullmatch(node.tag[len(TEXT):]))
                          and not node.tag.endswith(("-decl", "-decls"))  # declarations print nothing
                          for node in (body.iter() if body is not None else ()))
    styles = root.find(f"{OFFICE}automatic-styles")
    for properties in styles.iter(f"{STYLE}text-properties") if styles is not None else ():
        counts["font"] += properties.get(f"{STYLE}font-name") is not None
        counts["colour"] += any(properties.get(f"{FO}{key}") not in (None, "transparent")
                                for key in ("color", "background-color"))
    return +counts
