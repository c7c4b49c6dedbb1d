"""The `zine` command: turns arguments into calls and results into an exit code.

Each subcommand is a module of `builder.commands` that declares its arguments (`add`) and does
its work (`run`); this module assembles the parser and turns errors into exit codes.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from builder import __version__
from builder.commands import build, check, import_, impose, letter, new, serve, watch
from builder.errors import BuildError

COMMANDS = (build, watch, serve, new, import_, letter, check, impose)
"""The subcommands, in the order `zine --help` lists them."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return 0 on success, 1 on a user error, 2 on bad usage."""
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BuildError as error:
        if args.debug:
            traceback.print_exc()
        for line in error.lines():
            print(line, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; outputs left as they were", file=sys.stderr)
        return 130


def parser() -> argparse.ArgumentParser:
    """The `zine` parser, one subparser per module of COMMANDS."""
    zine = argparse.ArgumentParser(prog="zine", description="Build print-ready zines from Markdown.")
    zine.add_argument("--version", action="version", version=f"zine {__version__}")
    zine.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = zine.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.add(commands)
    return zine
