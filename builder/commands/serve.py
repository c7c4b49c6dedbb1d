"""`zine serve [DIR] [--port N] [--open]`: the zine as it is written, on a local web page (issue 23).

The page (builder/desk) shows the pages as they will print and the print facts, and follows
edits: the loop of `zine watch` (watch.follow) runs in one builder thread that owns the session;
the HTTP threads read the last build's snapshot. See builder/desk/__init__.py for the design.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import traceback
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from builder.commands import Subparsers, build, command, watch, zine_here
from builder.errors import BuildError
from builder.project import Project

if TYPE_CHECKING:
    from builder.desk.events import Board
    from builder.model import Report
    from builder.workers.session import Session

PORT = 8023
"""The default port (23: the issue's number); --port 0 takes any free one."""


def add(commands: Subparsers) -> None:
    parser = command(commands, "serve", run, "show the zine on a local web page that follows every change")
    parser.add_argument("dir", nargs="?", type=Path, default=None, metavar="DIR",
                        help="the zine's folder (default: the current folder)")
    parser.add_argument("--port", type=int, default=PORT, help=f"the port on 127.0.0.1 (default: {PORT}; 0: any free)")
    parser.add_argument("--open", action="store_true", help="open the page in the web browser")


def run(args: argparse.Namespace) -> int:
    root = (args.dir or Path.cwd()).resolve()
    zine_here(root, "serve")
    return serve(Project.at(root), port=args.port, browser=args.open)


def serve(project: Project, *, port: int, browser: bool = False) -> int:
    """Serve the desk of `project` on 127.0.0.1:`port` until interrupted; 0 when stopped.

    The session is made first, in this thread: its worker processes are forked before any thread
    starts (workers/background.py). BuildError when the port cannot be listened on.
    """
    from builder.desk import events, server
    from builder.workers.session import Session

    session, board, stop = Session(project), events.Board(), threading.Event()
    try:
        httpd = server.start(project, board, port)
    except OSError as error:
        session.close()
        raise BuildError(None, f"cannot listen on 127.0.0.1:{port}: {error.strerror or error}") from None
    # `kill` ends it as Ctrl-C does; the handler it replaces is back when it returns (a caller's own).
    previous = signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(0))
    builder = threading.Thread(target=_builder, args=(project, session, board, stop), name="builder", daemon=True)
    builder.start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    print(f"serving {url} (Ctrl-C to stop)", flush=True)
    if browser:
        webbrowser.open(url)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:  # Ctrl-C: how a desk is stopped, not an interruption
        print("stopped", file=sys.stderr)
    finally:
        stop.set()
        board.close()
        httpd.server_close()
        builder.join(timeout=2)
        if builder.is_alive():  # in a build: its renders are not waited for
            session.background.stop()
        session.close()
        signal.signal(signal.SIGTERM, previous)
    return 0


def _builder(project: Project, session: Session, board: Board, stop: threading.Event) -> None:
    """The builder thread: watch.follow, each outcome published on `board` and said on the terminal."""
    from builder.build import Options

    def built(outcome: Report | BuildError, seconds: float) -> None:
        watch.said(project, outcome, seconds, build.summary)
        _publish(project, board, outcome, seconds)

    follow_options = Options(previews=True)  # the page shows the previews
    watch.follow(project, follow_options, session, built, stop, lambda: board.publish(board.snapshot.building()))


def _publish(project: Project, board: Board, outcome: Report | BuildError, seconds: float) -> None:
    """The snapshot after a build on `board`; a fault of the desk itself is shown as an error."""
    from builder.desk import editing, snapshot

    parts = editing.editable(project.content)
    try:
        board.publish(snapshot.after(board.snapshot, outcome, seconds, project, parts))
    except Exception as fault:  # noqa: BLE001 — the desk goes on; the terminal has the traceback
        traceback.print_exc()
        failed = BuildError(None, f"zine serve could not show this build: {fault}")
        board.publish(snapshot.after(board.snapshot, failed, seconds, project, parts))
