"""`zine check PDF…`: preflight any PDF for the photocopier (builder/preflight/)."""

from __future__ import annotations

import argparse
from pathlib import Path

from builder.commands import Subparsers, command
from builder.errors import BuildError, plural


def add(commands: Subparsers) -> None:
    check = command(commands, "check", run, "preflight PDFs for the photocopier (any PDF)")
    check.add_argument("pdfs", nargs="+", type=Path, metavar="PDF")
    check.add_argument("--expect", metavar="SIZE",
                       help="what every page must be: reading, booklet, letters, a5, a4, a4-landscape, a3, "
                            "letter… (default: from a name ending in -reading, -booklet or -letters)")
    check.add_argument("--strict", action="store_true", help="warnings count as errors too")
    check.add_argument("--font", action="append", default=[], metavar="FAMILY",
                       help="a font family the PDFs may use (repeat); any other font is flagged")


def run(args: argparse.Namespace) -> int:
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
