"""`zine impose IN.pdf -o OUT.pdf`: any PDF imposed for printing (builder/imposition/anypdf.py)."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from builder import paper
from builder.commands import Subparsers, command
from builder.errors import BuildError
from builder.imposition import BLANKS, FEEDS, FLIPS
from builder.imposition.layout import OPTIONS
from builder.imposition.layouts import LAYOUTS
from builder.paper import Size
from builder.typography.language import DIRECTIONS
from builder.typography.languages import test_sheets

LANGS = tuple(test_sheets())
"""`--lang`: the languages whose words the test sheet has (typography.language.SheetWords)."""


def add(commands: Subparsers) -> None:
    imp = command(commands, "impose", run, "impose any PDF for printing: booklet, one-page zine, test sheet")
    imp.add_argument("input", nargs="?", type=Path, metavar="IN.pdf",
                     help="the PDF to impose, its pages either way up; pages of another size than most (at "
                          "least 3/4 share one) are fitted into their place with a warning")
    imp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf", help="the imposed PDF")
    imp.add_argument("--layout", choices=LAYOUTS,
                     help="saddle (default), topbound (default for landscape pages), copycutfold or onepagezine")
    imp.add_argument("--sheet", type=_sheet, help="paper: A4, A3, letter or WxHmm, used the way the layout needs "
                                                  "(default: US letter for US pages, else A4)")
    scale = imp.add_mutually_exclusive_group()
    scale.add_argument("--no-scale", dest="scaling", action="store_const", const="none",
                       help="refuse pages larger than their place instead of scaling them down")
    scale.add_argument("--scale-up", dest="scaling", action="store_const", const="up",
                       help="also enlarge pages smaller than their place, to fill it")
    imp.add_argument("--flip", choices=FLIPS, help="the duplex edge: short (default) or long (backs turned 180°)")
    imp.add_argument("--blanks", choices=BLANKS, help="where padding blanks go: before-back (default) or end")
    imp.add_argument("--creep", type=float, metavar="MM",
                     help="paper thickness: inner sheets' pages move toward the spine by this much per sheet")
    imp.add_argument("--direction", choices=DIRECTIONS,
                     help="rtl: bound on the right, for right-to-left documents (Arabic, Hebrew…): every side mirrored")
    imp.add_argument("--marks", action="store_true", help="fold and staple ticks in the margin, outside the pages")
    imp.add_argument("--fronts-backs", nargs="?", const="top", choices=FEEDS, metavar="top|bottom",
                     help="write OUT-fronts.pdf and OUT-backs.pdf, for printers without duplex; the backs in the "
                          "order of a tray that feeds the top sheet of the stack first (default) or the bottom one")
    imp.add_argument("--sheets-per-section", type=int, metavar="N",
                     help="fold every N sheets as a section of its own (thick booklets)")
    imp.add_argument("--same-size", action="store_true",
                     help="refuse pages of another size than most, instead of fitting them into their place")
    imp.add_argument("--lang", choices=LANGS, default="en",
                     help="the test sheet's words, and the copier's own words in the summary (default: en)")
    imp.add_argument("--test-sheet", action="store_true", help="write a one-sheet duplex test instead")


def run(args: argparse.Namespace) -> int:
    from builder.imposition.anypdf import IMPOSING, describe, impose, test_sheet  # pypdf only: never WeasyPrint

    given: dict[str, Any] = {name: getattr(args, name) for name in sorted(OPTIONS)
             if getattr(args, name) is not None and getattr(args, name) is not False}
    if args.test_sheet and (args.input or given or args.fronts_backs or args.same_size):
        raise BuildError(None, "--test-sheet takes no input PDF and no option but -o, --sheet, --layout and --lang")
    if not args.test_sheet and args.input is None:
        raise BuildError(None, "zine impose needs a PDF to impose (or --test-sheet)")
    sheet, said = (args.sheet, "") if args.sheet or not args.test_sheet else home_paper(Path.cwd())
    imposed = (replace(test_sheet(args.output, sheet=sheet, layout=args.layout, lang=args.lang), paper=said)
               if args.test_sheet else
               impose(args.input, args.output, layout=args.layout, sheet=args.sheet, fronts_backs=args.fronts_backs,
                      options=replace(IMPOSING, **given), given=given, same_size=args.same_size))
    print("\n".join(describe(imposed, args.lang)))
    return 0


def home_paper(folder: Path) -> tuple[Size, str]:
    """The test sheet's paper when not given (mm, portrait) and the summary's line on it: in a zine
    project (`folder`/content/zine.toml), its format's paper (US letter for half-letter) or its
    `paper`; else A4, with no line (issue 22). A manifest that cannot be read gives A4, said so."""
    from builder.content import manifest  # reads TOML only: never WeasyPrint

    path = folder / "content" / manifest.NAME
    shown = path.relative_to(folder).as_posix()
    if not path.is_file():
        return paper.A4, ""
    try:
        format = manifest.read(path, shown).format
    except BuildError:
        return paper.A4, f"paper: A4, the default: {shown} has errors (zine build names them; --sheet to choose)"
    return format.paper, f"paper: {paper.said(format.paper)}, the zine's ({format.name} format in {shown}; " \
                         "--sheet to choose another)"


def _sheet(text: str) -> Size:
    try:
        return paper.parse(text)
    except BuildError as error:
        raise argparse.ArgumentTypeError(error.message) from None
