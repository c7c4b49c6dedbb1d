"""An .odt file made readable whole by pandoc, in a copy (issue 23, item 2: the source is only read).

Pandoc's ODT reader (3.5 to 3.9) drops two things whose words print in LibreOffice:

- the text of text boxes (`draw:frame` holding a `draw:text-box`, OpenDocument 1.3 part 3,
  §10.4.3): the copy lifts each box's paragraphs out of the paragraph that anchors it, to stand
  right after it, as paragraphs of their own (a box holding a picture is left: pandoc reads it
  as a figure, its caption kept);
- the text fields show (`text:page-number`, `text:date`, `text:user-field-get`… dropped.FIELDS):
  in the copy each is a `text:span` of the text it showed, which pandoc keeps.

A file without either is read as it is; a file whose content.xml cannot be read is too (pandoc
says what is wrong with it).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from builder.importing.dropped import FIELDS, LARGEST, TEXT

DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
CONTENT = "content.xml"


def readable(source: Path, stage: Path) -> Path:
    """`source`, or a copy of it in `stage` with its text boxes and fields made text (module docstring)."""
    try:
        with zipfile.ZipFile(source) as archive:
            if archive.getinfo(CONTENT).file_size > LARGEST:
                return source
            data = archive.read(CONTENT)
            changed = _flattened(data)
            if changed is None:
                return source
            copy = stage / f"readable{source.suffix.lower()}"
            _rewrite(archive, copy, changed)
            return copy
    except (OSError, zipfile.BadZipFile, KeyError, ElementTree.ParseError, EOFError):
        return source


def _flattened(data: bytes) -> bytes | None:
    """content.xml with its boxes lifted and its fields made spans; None if it has neither."""
    root = ElementTree.fromstring(data)
    parents = {child: parent for parent in root.iter() for child in parent}
    changed = False
    for node in list(root.iter()):
        name = node.tag[len(TEXT):] if node.tag.startswith(TEXT) else ""
        if name and FIELDS.fullmatch(name) and not name.endswith(("-decl", "-decls")):
            node.tag, changed = f"{TEXT}span", True
            node.attrib.clear()
    for box in list(root.iter(f"{DRAW}text-box")):
        changed = _lift(box, parents) or changed
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) if changed else None


def _lift(box: ElementTree.Element, parents: dict[ElementTree.Element, ElementTree.Element]) -> bool:
    """Put the paragraphs of the text box `box` right after the paragraph that anchors its frame
    (or after the frame, anchored to the page), and take the frame out; False if it has no frame."""
    frame = parents.get(box)
    if frame is None or frame not in parents or box.find(f".//{DRAW}image") is not None:
        return False  # a box with a picture: pandoc reads it as a figure, its caption kept
    anchor = frame
    while anchor in parents and anchor.tag not in (f"{TEXT}p", f"{TEXT}h"):
        anchor = parents[anchor]
    if anchor not in parents:  # no paragraph holds it: the boxes' paragraphs where the frame was
        anchor = frame
    holder = parents[anchor]
    place = list(holder).index(anchor) + 1
    for offset, block in enumerate(list(box)):
        holder.insert(place + offset, block)
    _remove_keeping_tail(parents[frame], frame)
    return True


def _remove_keeping_tail(holder: ElementTree.Element, node: ElementTree.Element) -> None:
    """Take `node` out of `holder`; the text after it stays where it was."""
    index = list(holder).index(node)
    if node.tail:
        if index:
            previous = holder[index - 1]
            previous.tail = (previous.tail or "") + node.tail
        else:
            holder.text = (holder.text or "") + node.tail
    holder.remove(node)


def _rewrite(archive: zipfile.ZipFile, copy: Path, content: bytes) -> None:
    """Write `copy`: every member of `archive` as it is, content.xml as `content`; the mimetype
    first and stored, as OpenDocument requires."""
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        members = sorted(archive.infolist(), key=lambda info: info.filename != "mimetype")
        for info in members:
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            if info.filename == CONTENT:
                out.writestr(info.filename, content, compress_type=kind)
                continue
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.compress_type = kind
            with archive.open(info) as reading, out.open(member, "w") as writing:
                shutil.copyfileobj(reading, writing)
