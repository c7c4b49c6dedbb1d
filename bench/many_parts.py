"""A zine of many small parts, for the cost of a build per part (issue 25, item 4).

Usage: python bench/many_parts.py COUNT FOLDER   (writes FOLDER/content/, a project of COUNT parts)

Each part is a title and two short paragraphs with a link to the next part: what grows with the
number of parts (the contents page, the links' targets, the pages) grows, nothing else does.
"""

from __future__ import annotations

import sys
from pathlib import Path

MANIFEST = """title = "Many parts"
lang = "en"
date = 2026-01-01
edition = "First edition"
parts = [
{parts}
]
"""
PART = """---
title: Part {number}
---

Paragraph {number}: a short text of a few words, as a contents page of many entries would list.
See [the next part](#part-{after}) too.

A second paragraph, with *emphasis* and a footnote.[^{number}]

[^{number}]: The footnote of part {number}.
"""


def write(folder: Path, count: int) -> Path:
    """The project folder `folder` with `count` parts under content/; returns `folder`."""
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    names = [f"part-{number:04d}.md" for number in range(1, count + 1)]
    for number, name in enumerate(names, start=1):
        text = PART.format(number=number, after=number % count + 1)
        (content / name).write_text(text, encoding="utf-8")
    parts = "\n".join(f'  "{name}",' for name in names)
    (content / "zine.toml").write_text(MANIFEST.format(parts=parts), encoding="utf-8")
    return folder


if __name__ == "__main__":
    write(Path(sys.argv[2]), int(sys.argv[1]))
