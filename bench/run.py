"""`make bench`: run each benchmark section in turn and print its table.

Usage: python bench/run.py [SECTION…]   (all sections by default)

A section is a module of this folder with a `TITLE` and a `run() -> list[str]` that returns the
lines of its table; add one by writing the module and naming it in SECTIONS.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, without installing it

import big_section  # noqa: E402  (after the path is set)
import build_section  # noqa: E402
import halftone_section  # noqa: E402
import impose_section  # noqa: E402
import many_parts_section  # noqa: E402
import pictures_section  # noqa: E402

SECTIONS = {
    "build": build_section,
    "impose": impose_section,
    "pictures": pictures_section,
    "halftone": halftone_section,
    "parts": many_parts_section,
    "big": big_section,
}


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in SECTIONS]
    if unknown:
        print(f"unknown section {unknown[0]!r}; sections: {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    for name in names or list(SECTIONS):
        section = SECTIONS[name]
        started = time.perf_counter()
        print(f"== {section.TITLE}")
        for line in section.run():
            print(line)
        print(f"   ({time.perf_counter() - started:.0f} s)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
