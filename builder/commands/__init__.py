"""The `zine` subcommands, one module each: `add(subparsers)` declares its arguments, `run(args)`
does it and returns the exit code.

Importing a command module costs nothing: each imports the stages it needs when it runs, so
`zine new` never loads Jinja2 and `zine impose` never loads WeasyPrint.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

Run = Callable[[argparse.Namespace], int]


class Subparsers(Protocol):
    """What argparse's `add_subparsers()` returns, as far as the commands use it."""

    def add_parser(self, name: str, *, help: str) -> argparse.ArgumentParser: ...


def command(commands: Subparsers, name: str, run: Run, text: str) -> argparse.ArgumentParser:
    """A subcommand `name` that calls `run`, described by `text` in `zine --help`."""
    parser = commands.add_parser(name, help=text)
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)
    return parser


def folders(parser: argparse.ArgumentParser) -> None:
    """--content and --templates: the folders a command reads."""
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    parser.add_argument("--templates", type=Path, default=None, metavar="DIR",
                        help="a folder with the whole set of templates, used instead of the shipped ones "
                             "(default: the project's templates/, if any, over the shipped ones file by file)")
