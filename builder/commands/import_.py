"""`zine import FILE [--name NAME] [DIR]`: a document becomes a part of the zine (builder/importing)."""

from __future__ import annotations

import argparse
from pathlib import Path

from builder.commands import Subparsers, command, zine_here


def add(commands: Subparsers) -> None:
    parser = command(commands, "import", run, "make a .docx, .odt, .rtf, .html, .epub, .md or .txt file a part "
                                              "of the zine: content/NAME.md, its pictures, listed in the manifest")
    parser.add_argument("file", type=Path, metavar="FILE", help="the document to import (it is only read)")
    parser.add_argument("folder", type=Path, nargs="?", default=Path("."), metavar="DIR",
                        help="the zine's folder (default: here)")
    parser.add_argument("--name", help="the part's file name, without .md (default: the document's)")


def run(args: argparse.Namespace) -> int:
    from builder import importing  # pandoc is run only here
    from builder.importing import summary

    zine_here(args.folder, "import")
    imported = importing.run(args.file, args.folder, str(args.file), args.name)
    for line in summary.lines(imported.part, imported.title, imported.pictures, imported.counts):
        print(line)
    print("next: zine build")
    return 0
