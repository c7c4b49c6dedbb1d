"""The `zine` command: turns arguments into calls and results into an exit code."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from builder import __version__
from builder.errors import BuildError
from builder.model import Report


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return 0 on success, 1 on a user error, 2 on bad usage."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BuildError as error:
        if args.debug:
            traceback.print_exc()
        print(f"error: {error}" if error.where is None else str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; outputs left as they were", file=sys.stderr)
        return 130


def _build(args: argparse.Namespace) -> int:
    from builder.build import build

    root = Path.cwd()
    report = build(root, content=args.content, templates=args.templates, output=args.output,
                   log=lambda line: print(f"  {line}", file=sys.stderr))
    _summary(report, root)
    return 0


def _summary(report: Report, root: Path) -> None:
    for out in report.outputs:
        print(f"wrote {_show(out.path, root)}: {out.pages} {'sides' if 'booklet' in out.path.name else 'pages'} "
              f"of {out.size}")
    print(f"{report.sheets} sheets of paper per copy (recto-verso, flip on the short edge)")
    if report.blanks:
        where = ", ".join(str(position) for position in report.blanks)
        print(f"{len(report.blanks)} blank pages added before the back cover (booklet pages {where})")
    else:
        print("no blank pages added")
    print(f"done in {report.seconds:.1f} s")


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zine", description="Build print-ready zines from Markdown.")
    parser.add_argument("--version", action="version", version=f"zine {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the reading PDF and the imposed booklet")
    build.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    build.add_argument("--templates", type=Path, default=Path("templates"),
                       help="templates folder (default: templates)")
    build.add_argument("--output", type=Path, default=Path("output"), help="output folder (default: output)")
    build.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    build.set_defaults(run=_build)
    return parser
