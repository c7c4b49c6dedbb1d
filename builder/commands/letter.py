"""`zine letter NAME --fill VALUES.toml -o FILE.pdf`: one letter filled in locally (letters/fill.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder import paper
from builder.commands import Subparsers, command, folders
from builder.commands.build import project_of


def add(commands: Subparsers) -> None:
    letter = command(commands, "letter", run, "fill in one letter from a values file, into one PDF "
                                              "(nothing else is written or printed)")
    letter.add_argument("name", help="the letter: its file name in content/letters/, without .md")
    letter.add_argument("--fill", type=Path, required=True, metavar="VALUES.toml", help="the values, key = \"text\"")
    letter.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="the filled letter")
    folders(letter)


def run(args: argparse.Namespace) -> int:
    from builder.letters import exposure
    from builder.letters.fill import fill

    project = project_of(args, Path("output"))
    filled = fill(project, args.name, values=args.fill, target=args.output)
    # The values are personal: only file names and the names of the blank fields are printed.
    print(f"wrote {args.output}: letter '{args.name}', one {paper.said(filled.paper)} page, for a "
          f"{filled.envelope} window envelope (print it at 100 %; fold it along the marks in the left margin)")
    if filled.blank:
        print(f"left blank, to fill in by hand: {', '.join(filled.blank)}")
    for said in filled.warnings:
        print(f"warning: {said}", file=sys.stderr)
    for warning in exposure.warnings({"the filled letter": args.output, "its values": args.fill}):
        print(warning, file=sys.stderr)
    return 0
