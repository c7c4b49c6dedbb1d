"""`zine new DIR`: a new project, its manifest with every key and a first part (commands/scaffold.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.commands import Subparsers, command

DEFAULT_LANGUAGE = "fr"


def add(commands: Subparsers) -> None:
    from builder.commands.scaffold import offered  # the registry: a few regular expressions, no Babel

    new = command(commands, "new", run, "start a zine project in a folder: content/zine.toml, a first part, "
                                        "content/images/")
    new.add_argument("folder", type=Path, metavar="DIR", help="the project's folder (made if missing)")
    languages = offered()
    new.add_argument("--lang", choices=languages, default=DEFAULT_LANGUAGE,
                     help=f"the zine's language, and the words of the scaffold: {_listed(languages)}")
    new.add_argument("--format", type=_format, default="A5", metavar="FORMAT",
                     help="the page: A5 (default, on A4), A6 (two per A4 side), A4 (on A3), half-letter (on US letter)")
    new.add_argument("--title", help="the zine's title (default: the folder's name)")


def run(args: argparse.Namespace) -> int:
    from builder.commands import scaffold  # no Jinja2, no WeasyPrint: instant

    written = scaffold.new(args.folder, lang=args.lang, page=args.format, title=args.title,
                           say=lambda line: print(line, file=sys.stderr))
    folder = args.folder
    for path in written:
        print(f"wrote {path}{'/' * path.is_dir()}")
    if args.lang in scaffold.ENGLISH_NOTES:
        print(f"note: the notes of zine.toml are in English, and the words the tool prints in the zine "
              f"(contents, print page, contact sheet) will be English too: there are none in '{args.lang}' yet")
    print(f"next: cd {folder} && zine build   (the PDFs land in {folder / 'output'}/)")
    return 0


def _format(text: str) -> str:
    from builder.commands.scaffold import FORMATS

    named = {name.lower(): name for name in FORMATS}
    if text.lower() not in named:
        raise argparse.ArgumentTypeError(f"a format is {', '.join(FORMATS)}, not {text!r}")
    return named[text.lower()]


def _listed(languages: tuple[str, ...]) -> str:
    """The languages `zine new` offers, in words: "fr (default) or en", "fr (default), en or es"."""
    named = [f"{code} (default)" if code == DEFAULT_LANGUAGE else code for code in languages]
    return " or ".join(filter(None, (", ".join(named[:-1]), named[-1])))
