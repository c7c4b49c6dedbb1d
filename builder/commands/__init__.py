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

from builder.errors import BuildError

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
    parser.add_argument("--content", type=Path, default=None, help="content folder (default: content)")
    parser.add_argument("--templates", type=Path, default=None, metavar="DIR",
                        help="a folder with the whole set of templates, used instead of the shipped ones "
                             "(default: the project's templates/, if any, over the shipped ones file by file)")


def zine_here(root: Path, command: str) -> None:
    """Nothing if the folder `root` holds a zine (a content/ folder); else BuildError saying where
    to run `zine {command}`: from the zine's content folder or a folder inside the zine, "cd ..";
    elsewhere, that there is no zine here (issue 21, item 6). Only paths inside the zine are shown.
    """
    from builder.content.manifest import NAME

    if (root / "content").is_dir():  # a zine, or one whose manifest is missing: the content stage says so
        return
    if (root / NAME).is_file():
        raise BuildError(None, f"you are in the content folder: cd .. and run zine {command} again")
    for depth, parent in enumerate(root.parents, start=1):
        if (parent / "content" / NAME).is_file():
            inside = root.relative_to(parent).as_posix()
            raise BuildError(None, f"you are in {inside}/, inside the zine: cd {'/'.join(['..'] * depth)} "
                                   f"and run zine {command} again")
    raise BuildError(None, f"no zine here (no content/{NAME}): run zine {command} in the folder zine new made")
