"""`zine watch`: one long-lived process that builds again on every change, warm.

Each rebuild reuses the session (the parsed templates, and the worker processes with WeasyPrint,
its fonts and the documents they rendered: caches.py) and lays out only the documents whose
HTML or files changed since the last build; it says which.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from builder.commands import Subparsers, build, command
from builder.errors import BuildError
from builder.project import Project

if TYPE_CHECKING:
    from builder.build import Options
    from builder.model import Report
    from builder.workers.session import Session


def add(commands: Subparsers) -> None:
    build.options(command(commands, "watch", run, "build, then build again on every change in content/ or templates/"))


def run(args: argparse.Namespace) -> int:
    return watch(build.project_of(args), options=build.options_of(args), summary=build.summary)


def watch(project: Project, *, options: Options, summary: Callable[[Report, Path], None]) -> int:
    """Build, then rebuild on each change in the project's content or templates until interrupted.

    The folders watched are the content and each template folder that exists when the watch
    starts: the project's own templates/, and the shipped ones it borrows files from.
    """
    import watchfiles

    from builder.workers.session import Session

    # `kill` ends the watch like Ctrl-C does: the worker processes are shut down, not orphaned.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(0))
    session = Session(project)
    folders = [folder for folder in project.sources if folder.is_dir()]
    try:
        _once(project, options, session, summary)
        ready = False
        # yield_on_timeout: an empty set now and then, the first one once the watcher is set up;
        # saying "watching" only then means no change made after it can be missed.
        for changes in watchfiles.watch(*folders, raise_interrupt=False, yield_on_timeout=True, rust_timeout=200):
            if not changes:
                if not ready:
                    watched = ", ".join(f"{project.shown(folder)}/" for folder in folders)
                    print(f"watching {watched} (Ctrl-C to stop)", file=sys.stderr, flush=True)
                    ready = True
                continue
            # Editors write through temporary files that are gone by now: name only real files.
            names = sorted({Path(path).name for _, path in changes if Path(path).exists()}) or ["(a deletion)"]
            print(f"changed: {', '.join(names)}", file=sys.stderr, flush=True)
            _once(project, options, session, summary)
    finally:
        session.close()
    return 0


def _once(project: Project, options: Options, session: Session, summary: Callable[[Report, Path], None]) -> None:
    """One build; an error is shown and the watch goes on (the previous outputs stay)."""
    from builder.build import build as build_once

    started = time.perf_counter()
    try:
        report = build_once(project, options=options, session=session)
    except BuildError as error:
        for line in error.lines():
            print(line, file=sys.stderr, flush=True)
        print("not rebuilt: the previous outputs are unchanged", file=sys.stderr, flush=True)
        return
    summary(report, project.root)
    print(f"laid out again: {', '.join(report.laid_out) or 'nothing (no document changed)'}",
          file=sys.stderr, flush=True)
    print(f"rebuilt in {time.perf_counter() - started:.2f} s", file=sys.stderr, flush=True)
