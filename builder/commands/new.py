"""`zine new DIR`: a new project, its manifest with every key and a first part (commands/scaffold.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from builder.commands import Subparsers, command


def add(commands: Subparsers) -> None:
    new = command(commands, "new", run, "start a zine project in a folder: content/zine.toml, a first part, "
                                        "content/images/")
    new.add_argument("folder", type=Path, metavar="DIR", help="the project's folder (made if missing)")
    new.add_argument("--lang", choices=("fr", "en"), default="fr",
                     help="the zine's language, and the words of the scaffold: fr (default) or en")
    new.add_argument("--format", type=_format, default="A5", metavar="FORMAT",
                     help="the page: A5 (default, on A4), A6 (two per A4 side), A4 (on A3), half-letter (on US letter)")
    new.add_argument("--title", help="the zine's title (default: the folder's name)")


def run(args: argparse.Namespace) -> int:
    from builder.commands import scaffold  # no Jinja2, no WeasyPrint: instant

    written = scaffold.new(args.folder, lang=args.lang, page=args.format, title=args.title)
    folder = args.folder
    for path in written:
        print(f"wrote {path}{'/' * path.is_dir()}")
    print(f"next: cd {folder} && zine build   (the PDFs land in {folder / 'output'}/)")
    return 0


def _format(text: str) -> str:
    from builder.commands.scaffold import FORMATS

    named = {name.lower(): name for name in FORMATS}
    if text.lower() not in named:
        raise argparse.ArgumentTypeError(f"a format is {', '.join(FORMATS)}, not {text!r}")
    return named[text.lower()]
