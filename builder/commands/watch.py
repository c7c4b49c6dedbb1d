"""`zine watch`: one long-lived process that builds again on every change, warm.

Each rebuild reuses the session (the parsed templates, and the worker processes with WeasyPrint,
its fonts and the documents they rendered: caches.py) and lays out only the documents whose
HTML or files changed since the last build; it says which. `follow` is the loop itself, shared
with `zine serve` (issue 23), which shows each build on a web page instead of the terminal.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
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

Built = Callable[["Report | BuildError", float], None]
"""What `follow` calls after each build: with its Report, or the BuildError that stopped it (the
previous outputs then stay), and the seconds it took."""


def add(commands: Subparsers) -> None:
    build.options(command(commands, "watch", run, "build, then build again on every change in content/ or templates/"))


def run(args: argparse.Namespace) -> int:
    return watch(build.project_of(args), options=build.options_of(args), summary=build.summary)


def watch(project: Project, *, options: Options, summary: Callable[[Report, Path], None]) -> int:
    """Build, then rebuild on each change in the project's content or templates until interrupted,
    saying each build's outcome on the terminal."""
    from builder.workers.session import Session

    # `kill` ends the watch like Ctrl-C does: the worker processes are shut down, not orphaned.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(0))
    session = Session(project)
    try:
        follow(project, options, session, lambda outcome, seconds: said(project, outcome, seconds, summary))
    finally:
        session.close()
    return 0


def follow(project: Project, options: Options, session: Session, built: Built,
           stop: threading.Event | None = None, starting: Callable[[], None] = lambda: None) -> None:
    """Build, then build again on each change until interrupted or until `stop` is set; `built`
    is told each outcome, `starting` each rebuild's start. A build error does not end the loop.

    The folders watched are the content and each template folder that exists when the loop
    starts: the project's own templates/, and the shipped ones it borrows files from. The session
    stays open (the caller closes it).
    """
    import watchfiles

    folders = [folder for folder in project.sources if folder.is_dir()]
    _once(project, options, session, built)
    ready = False
    # yield_on_timeout: an empty set now and then, the first one once the watcher is set up;
    # saying "watching" only then means no change made after it can be missed.
    for changes in watchfiles.watch(*folders, raise_interrupt=False, yield_on_timeout=True, rust_timeout=200,
                                    stop_event=stop):
        if not changes:
            if not ready:
                watched = ", ".join(f"{project.shown(folder)}/" for folder in folders)
                print(f"watching {watched} (Ctrl-C to stop)", file=sys.stderr, flush=True)
                ready = True
            continue
        # Editors write through temporary files that are gone by now: name only real files.
        names = sorted({Path(path).name for _, path in changes if Path(path).exists()}) or ["(a deletion)"]
        print(f"changed: {', '.join(names)}", file=sys.stderr, flush=True)
        starting()
        _once(project, options, session, built)


def _once(project: Project, options: Options, session: Session, built: Built) -> None:
    """One build, its outcome handed to `built` (an error included: the loop goes on)."""
    from builder.build import build as build_once

    started = time.perf_counter()
    try:
        outcome: Report | BuildError = build_once(project, options=options, session=session)
    except BuildError as error:
        outcome = error
    built(outcome, time.perf_counter() - started)


def said(project: Project, outcome: Report | BuildError, seconds: float,
          summary: Callable[[Report, Path], None]) -> None:
    """A build's outcome on the terminal: its summary, or its errors (the previous outputs stay)."""
    if isinstance(outcome, BuildError):
        for line in outcome.lines():
            print(line, file=sys.stderr, flush=True)
        print("not rebuilt: the previous outputs are unchanged", file=sys.stderr, flush=True)
        return
    summary(outcome, project.root)
    print(f"laid out again: {', '.join(outcome.laid_out) or 'nothing (no document changed)'}",
          file=sys.stderr, flush=True)
    print(f"rebuilt in {seconds:.2f} s", file=sys.stderr, flush=True)
