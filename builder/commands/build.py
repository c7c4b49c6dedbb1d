"""`zine build`: every output of the zine in the current folder, and the summary of what was written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from builder.commands import Subparsers, command, folders, zine_here
from builder.errors import pages, plural, shown
from builder.imposition.layout import printing
from builder.project import Project

if TYPE_CHECKING:
    from builder.build import Options
    from builder.model import Report


def add(commands: Subparsers) -> None:
    options(command(commands, "build", run, "build the zine: reading PDF, booklet, letters, mini-zine"))


def run(args: argparse.Namespace) -> int:
    from builder.workers.session import Session

    project = project_of(args)
    with Session(project, once=True) as session:  # the workers start before the build's imports
        from builder.build import build

        report = build(project, options=options_of(args), session=session,
                       log=lambda line: print(f"  {line}", file=sys.stderr))
    summary(report, project.root)
    return 0


def options(parser: argparse.ArgumentParser) -> None:
    """The options of `zine build` and `zine watch`."""
    folders(parser)
    parser.add_argument("--output", type=Path, default=Path("output"), help="output folder (default: output)")
    parser.add_argument("--fillable", action="store_true",
                        help="also write <slug>-letters-fillable.pdf, the letter pack with PDF form fields")
    parser.add_argument("--keep-html", action="store_true",
                        help="also write the HTML documents to output/html/, each renderable on its own")
    parser.add_argument("--no-previews", action="store_true",
                        help="skip the PNG previews (output/preview/ and <slug>-contact.png)")


def project_of(args: argparse.Namespace, output: Path | None = None) -> Project:
    """The project in the current folder, with the folders the options name: without
    --templates, its templates/ (if any) over the shipped templates, file by file.

    Without --content, BuildError unless the folder is a zine's (commands.zine_here): a wrong
    folder is named as such, not as an option the user never typed.
    """
    root = Path.cwd()
    if args.content is None:
        zine_here(root, args.command)
    return Project.at(root, content=args.content or Path("content"), templates=args.templates,
                      output=output or args.output)


def options_of(args: argparse.Namespace) -> Options:
    from builder.build import Options

    return Options(fillable=args.fillable, keep_html=args.keep_html, previews=not args.no_previews)


def summary(report: Report, root: Path) -> None:
    """What a build wrote and how to print it (stdout), its warnings (stderr)."""
    for out in report.outputs:
        print(f"wrote {shown(out.path, root)}: {plural(out.pages, out.unit)} of {out.size}")
    if report.extras:
        print(f"wrote {', '.join(shown(path, root) + '/' * path.is_dir() for path in report.extras)}")
    print(printing(report.format, report.direction).summary(report.sheets))
    if report.blanks:
        print(f"{plural(len(report.blanks), 'blank page')} added before the back cover "
              f"({pages(report.blanks, 'booklet page')})")
    else:
        print("no blank pages added")
    if report.inner_blanks:
        print(f"{plural(len(report.inner_blanks), 'page')} left blank inside the zine "
              f"({', '.join(map(str, report.inner_blanks))}): "
              "a part there starts on a right-hand page; moving a part can save paper")
    for finding in report.findings:
        print(finding, file=sys.stderr)
    print(f"done in {report.seconds:.2f} s")
