"""The `zine` command: turns arguments into calls and results into an exit code."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder import __version__, paper
from builder.errors import BuildError, shown
from builder.imposition import BLANKS, FEEDS, FLIPS
from builder.imposition.registry import LAYOUTS, OPTIONS
from builder.model import Report
from builder.paper import Size
from builder.project import Project
from builder.wording import pages, plural

if TYPE_CHECKING:
    from builder.build import Options


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return 0 on success, 1 on a user error, 2 on bad usage."""
    args = _parser().parse_args(argv)
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


def _build(args: argparse.Namespace) -> int:
    from builder.session import Session

    project = _project(args)
    with Session(project) as session:  # the workers start before the build's imports
        from builder.build import build

        report = build(project, options=_options(args), session=session,
                       log=lambda line: print(f"  {line}", file=sys.stderr))
    _summary(report, project.root)
    return 0


def _watch(args: argparse.Namespace) -> int:
    from builder.watch import watch

    return watch(_project(args), options=_options(args), summary=_summary)


def _project(args: argparse.Namespace, output: Path | None = None) -> Project:
    """The project in the current folder, with the folders the options name: without
    --templates, its templates/ (if any) over the shipped templates, file by file."""
    return Project.at(Path.cwd(), content=args.content, templates=args.templates, output=output or args.output)


def _options(args: argparse.Namespace) -> Options:
    from builder.build import Options

    return Options(fillable=args.fillable, keep_html=args.keep_html, previews=not args.no_previews)


def _letter(args: argparse.Namespace) -> int:
    from builder.fill import fill

    project = _project(args, Path("output"))
    blank = fill(project, args.name, values=args.fill, target=args.output)
    # The values are personal: only file names and the names of the blank fields are printed.
    print(f"wrote {args.output}: letter '{args.name}', one {paper.name(paper.ZINE.letters)} page")
    if blank:
        print(f"left blank, to fill in by hand: {', '.join(blank)}")
    from builder import exposure

    for warning in exposure.warnings({"the filled letter": args.output, "its values": args.fill}):
        print(warning, file=sys.stderr)
    return 0


def _new(args: argparse.Namespace) -> int:
    from builder import scaffold  # no Jinja2, no WeasyPrint: instant

    written = scaffold.new(args.folder, lang=args.lang, page=args.format, title=args.title)
    folder = args.folder
    for path in written:
        print(f"wrote {path}{'/' * path.is_dir()}")
    print(f"next: cd {folder} && zine build   (the PDFs land in {folder / 'output'}/)")
    return 0


def _format(text: str) -> str:
    from builder.scaffold import FORMATS

    named = {name.lower(): name for name in FORMATS}
    if text.lower() not in named:
        raise argparse.ArgumentTypeError(f"a format is {', '.join(FORMATS)}, not {text!r}")
    return named[text.lower()]


def _check(args: argparse.Namespace) -> int:
    from builder import preflight

    expect = preflight.EXPECTATIONS.get(args.expect.lower()) if args.expect else None
    if args.expect and expect is None:
        raise BuildError(None, f"--expect must be one of {', '.join(preflight.EXPECTATIONS)}, not {args.expect!r}")
    findings = preflight.check(args.pdfs, expect=expect, fonts=args.font)
    for finding in findings:
        print(finding)
    errors = sum(finding.severity == "error" for finding in findings)
    warnings = sum(finding.severity == "warning" for finding in findings)
    strict = " (--strict: warnings count as errors)" if args.strict and warnings else ""
    print(f"checked {plural(len(args.pdfs), 'PDF')}: {plural(errors, 'error')}, "
          f"{plural(warnings, 'warning')}{strict}")
    return 1 if errors or (args.strict and warnings) else 0


def _impose(args: argparse.Namespace) -> int:
    from builder.impose import describe, impose, test_sheet  # pypdf only: never WeasyPrint

    sheet = args.sheet or paper.ZINE.sheet
    given = {name: getattr(args, name) for name in sorted(OPTIONS)
             if getattr(args, name) is not None and getattr(args, name) is not False}
    if args.test_sheet and (args.input or given or args.fronts_backs):
        raise BuildError(None, "--test-sheet takes no input PDF and no option but -o, --sheet and --layout")
    if not args.test_sheet and args.input is None:
        raise BuildError(None, "zine impose needs a PDF to impose (or --test-sheet)")
    imposed = (test_sheet(args.output, sheet=sheet, layout=args.layout) if args.test_sheet else
               impose(args.input, args.output, layout=args.layout, sheet=sheet, fronts_backs=args.fronts_backs,
                      options=given))
    print("\n".join(describe(imposed)))
    return 0


def _sheet(text: str) -> Size:
    try:
        return paper.parse(text)
    except BuildError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _summary(report: Report, root: Path) -> None:
    for out in report.outputs:
        print(f"wrote {shown(out.path, root)}: {plural(out.pages, out.unit)} of {out.size}")
    if report.extras:
        print(f"wrote {', '.join(shown(path, root) + '/' * path.is_dir() for path in report.extras)}")
    two = report.format.copies == 2
    print(f"{plural(report.sheets, 'sheet')} of {paper.name(report.format.sheet)} {'for two copies' if two else 'per copy'} "
          f"(recto-verso, flip on the {report.format.flip} edge{'; cut the stack in half across' * two})")
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zine", description="Build print-ready zines from Markdown.")
    parser.add_argument("--version", action="version", version=f"zine {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, run, text in (("build", _build, "build the zine: reading PDF, booklet, letters, mini-zine"),
                            ("watch", _watch, "build, then build again on every change in content/ or templates/")):
        _build_options(_command(commands, name, run, text))
    _new_options(_command(commands, "new", _new, "start a zine project in a folder: content/zine.toml, a first "
                                                 "part, content/images/"))
    _letter_options(_command(commands, "letter", _letter, "fill in one letter from a values file, into one PDF "
                                                          "(nothing else is written or printed)"))
    _check_options(_command(commands, "check", _check, "preflight PDFs for the photocopier (any PDF)"))
    _impose_options(_command(commands, "impose", _impose, "impose any PDF for printing: booklet, one-page zine, "
                                                          "test sheet"))
    return parser


def _command(commands: Any, name: str, run: Callable[[argparse.Namespace], int], text: str) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = commands.add_parser(name, help=text)
    command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    command.set_defaults(run=run)
    return command


def _folders(command: argparse.ArgumentParser) -> None:
    command.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    command.add_argument("--templates", type=Path, default=None, metavar="DIR",
                         help="a folder with the whole set of templates, used instead of the shipped ones "
                              "(default: the project's templates/, if any, over the shipped ones file by file)")


def _build_options(command: argparse.ArgumentParser) -> None:
    _folders(command)
    command.add_argument("--output", type=Path, default=Path("output"), help="output folder (default: output)")
    command.add_argument("--fillable", action="store_true",
                         help="also write <slug>-letters-fillable.pdf, the letter pack with PDF form fields")
    command.add_argument("--keep-html", action="store_true",
                         help="also write the HTML documents to output/html/, each renderable on its own")
    command.add_argument("--no-previews", action="store_true",
                         help="skip the PNG previews (output/preview/ and <slug>-contact.png)")


def _new_options(new: argparse.ArgumentParser) -> None:
    new.add_argument("folder", type=Path, metavar="DIR", help="the project's folder (made if missing)")
    new.add_argument("--lang", choices=("fr", "en"), default="fr",
                     help="the zine's language, and the words of the scaffold: fr (default) or en")
    new.add_argument("--format", type=_format, default="A5", metavar="FORMAT",
                     help="the page: A5 (default, on A4), A6 (two per A4 side), A4 (on A3), half-letter (on US letter)")
    new.add_argument("--title", help="the zine's title (default: the folder's name)")


def _letter_options(letter: argparse.ArgumentParser) -> None:
    letter.add_argument("name", help="the letter: its file name in content/letters/, without .md")
    letter.add_argument("--fill", type=Path, required=True, metavar="VALUES.toml", help="the values, key = \"text\"")
    letter.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="the filled letter")
    _folders(letter)


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("pdfs", nargs="+", type=Path, metavar="PDF")
    check.add_argument("--expect", metavar="SIZE",
                       help="what every page must be: reading, booklet, letters, a5, a4, a4-landscape, a3, "
                            "letter… (default: from a name ending in -reading, -booklet or -letters)")
    check.add_argument("--strict", action="store_true", help="warnings count as errors too")
    check.add_argument("--font", action="append", default=[], metavar="FAMILY",
                       help="a font family the PDFs may use (repeat); any other font is flagged")


def _impose_options(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("input", nargs="?", type=Path, metavar="IN.pdf",
                     help="the PDF to impose (pages of one size, either way up)")
    imp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf", help="the imposed PDF")
    imp.add_argument("--layout", choices=LAYOUTS,
                     help="saddle (default), topbound (default for landscape pages), copycutfold or onepagezine")
    imp.add_argument("--sheet", type=_sheet, help="paper: A4 (default), A3, letter or WxHmm, used the way the "
                                                  "layout needs")
    scale = imp.add_mutually_exclusive_group()
    scale.add_argument("--no-scale", dest="scaling", action="store_const", const="none",
                       help="refuse pages larger than their place instead of scaling them down")
    scale.add_argument("--scale-up", dest="scaling", action="store_const", const="up",
                       help="also enlarge pages smaller than their place, to fill it")
    imp.add_argument("--flip", choices=FLIPS, help="the duplex edge: short (default) or long (backs turned 180°)")
    imp.add_argument("--blanks", choices=BLANKS, help="where padding blanks go: before-back (default) or end")
    imp.add_argument("--creep", type=float, metavar="MM",
                     help="paper thickness: inner sheets' pages move toward the spine by this much per sheet")
    imp.add_argument("--marks", action="store_true", help="fold and staple ticks in the margin, outside the pages")
    imp.add_argument("--fronts-backs", nargs="?", const="top", choices=FEEDS, metavar="top|bottom",
                     help="write OUT-fronts.pdf and OUT-backs.pdf, for printers without duplex; the backs in the "
                          "order of a tray that feeds the top sheet of the stack first (default) or the bottom one")
    imp.add_argument("--sheets-per-section", type=int, metavar="N",
                     help="fold every N sheets as a section of its own (thick booklets)")
    imp.add_argument("--test-sheet", action="store_true", help="write a one-sheet duplex test instead")
