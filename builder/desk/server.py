"""The desk's HTTP server: its routes, each answer's headers, and nothing served but what the
allow-lists name (issue 23).

Every request passes security.Guard first (Host, Origin, token). Then a path is looked up, never
joined onto a folder: the page and its two static files by name, pictures by their SHA-256 in
the current (or the previous) Snapshot, outputs by file name in the Snapshot's `files`, parts by
their name in the manifest (editing.py). Anything else is 404. Nothing logged names a file's
content or a request's body: a refusal is logged with its reason, the rest not at all.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import sys
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from builder.project import Project

from . import editing, events, photos
from .security import HEADERS, Guard

STATIC = {"/static/desk.js": ("desk.js", "text/javascript; charset=utf-8"),
          "/static/desk.css": ("desk.css", "text/css; charset=utf-8")}
"""The page's files by URL: their name in static/ and their type."""
IMAGE = re.compile(r"/img/([0-9a-f]{64})\.png")
FOREVER = "private, max-age=31536000, immutable"
"""A picture's URL names its content (its SHA-256): it never changes."""
MAX_BODY = photos.MAX_PHOTO + 1024


@dataclass
class Desk:
    """What the handlers share: the project, the board of snapshots and the guard."""

    project: Project
    board: events.Board
    guard: Guard


class Server(ThreadingHTTPServer):
    """One thread a request; those threads do not hold the process open (daemon_threads)."""

    daemon_threads = True

    def __init__(self, desk: Desk, port: int) -> None:
        self.desk = desk
        super().__init__(("127.0.0.1", port), Handler)


def start(project: Project, board: events.Board, port: int) -> Server:
    """A server bound to 127.0.0.1:`port` (0: a free port, read back from `server_address`)."""
    server = Server(Desk(project, board, Guard(0)), port)
    server.desk.guard = Guard(server.server_address[1])  # the port known once bound; no request served yet
    return server


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"
    server_version = "zine-serve"
    sys_version = ""  # the Server header names no Python version

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: a request's path may name a part; refusals are logged by `_refused`."""

    def do_GET(self) -> None:  # noqa: N802 — http.server's name
        if self._refused():
            return
        desk, url = self.server.desk, urlsplit(self.path)
        snapshot = desk.board.snapshot
        if url.path == "/":
            self._page()
        elif url.path in STATIC:
            name, kind = STATIC[url.path]
            self._send(200, resources.files(__package__).joinpath("static", name).read_bytes(), kind, "no-cache")
        elif url.path == "/state.json":
            self._json(200, snapshot.state)
        elif url.path == "/events":
            self._events()
        elif (found := IMAGE.fullmatch(url.path)) and (png := _image(desk.board, found[1])) is not None:
            self._send(200, png, "image/png", FOREVER)
        elif url.path.startswith("/out/") and url.path[len("/out/"):] in snapshot.files:
            self._download(url.path[len("/out/"):], snapshot.files[url.path[len("/out/"):]])
        elif url.path == "/part":
            self._part(parse_qs(url.query).get("name", [""])[0])
        elif url.path == "/favicon.ico":  # asked for by every browser: nothing to show, and no error in its console
            self._send(204, b"", "image/x-icon", FOREVER)
        else:
            self._send(404, b"not found", "text/plain; charset=utf-8")

    def do_POST(self) -> None:  # noqa: N802 — http.server's name
        if self._refused():
            return
        url, content = urlsplit(self.path), self.server.desk.project.content
        body = self._body()
        if body is None:
            return
        try:
            if url.path == "/part":
                sent = json.loads(body)
                sha = editing.save(content, str(sent["name"]), str(sent["text"]), str(sent["sha"]))
                self._json(200, {"sha": sha})
            elif url.path == "/photo":
                self._json(200, {"markdown": photos.add(content, unquote(self.headers.get("X-File-Name", "")), body)})
            else:
                self._send(404, b"not found", "text/plain; charset=utf-8")
        except editing.Refused as refused:
            self._json(refused.status, {"error": str(refused)})
        except (ValueError, KeyError, TypeError):
            self._json(400, {"error": "not a request the desk understands"})

    def _refused(self) -> bool:
        refusal = self.server.desk.guard.refusal(self.command, self.headers)
        if refusal is None:
            return False
        print(f"zine serve: refused a {self.command} request: {refusal.reason}", file=sys.stderr, flush=True)
        self._send(refusal.status, refusal.reason.encode(), "text/plain; charset=utf-8")
        return True

    def _body(self) -> bytes | None:
        """The request's body, or None when refused (no length given 411, too long 413)."""
        length = self.headers.get("Content-Length", "")
        if not length.isdigit():
            self._send(411, b"length required", "text/plain; charset=utf-8")
            return None
        if int(length) > MAX_BODY:
            self.close_connection = True
            self._send(413, b"too large", "text/plain; charset=utf-8")
            return None
        return self.rfile.read(int(length))

    def _page(self) -> None:
        """The page, with the session's token in a meta tag and the zine's language."""
        desk, state = self.server.desk, self.server.desk.board.snapshot.state
        text = resources.files(__package__).joinpath("static", "index.html").read_text(encoding="utf-8")
        filled = {"token": desk.guard.token, "lang": str(state.get("lang", "en")),
                  "dir": str(state.get("direction", "ltr")), "title": _title(desk.project)}
        for key, value in filled.items():
            text = text.replace(f"{{{{{key}}}}}", html.escape(value))
        self._send(200, text.encode(), "text/html; charset=utf-8", "no-store")

    def _part(self, name: str) -> None:
        try:
            text, sha = editing.read(self.server.desk.project.content, name)
        except editing.Refused as refused:
            self._json(refused.status, {"error": str(refused)})
            return
        self._json(200, {"name": name, "text": text, "sha": sha})

    def _events(self) -> None:
        self.close_connection = True
        self.send_response(200)
        self._headers("text/event-stream; charset=utf-8", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()

        def write(data: bytes) -> None:
            self.wfile.write(data)
            self.wfile.flush()

        with contextlib.suppress(OSError):  # the page went
            events.stream(self.server.desk.board, write)

    def _download(self, name: str, found: Path | bytes) -> None:
        """A download by its name in the snapshot: an output read now, or the test sheet's bytes."""
        try:
            data = found if isinstance(found, bytes) else found.read_bytes()
        except OSError:  # removed since (zine build in another terminal, make clean)
            self._send(404, b"not found", "text/plain; charset=utf-8")
            return
        kind = "application/pdf" if name.endswith(".pdf") else "image/png"
        self.send_response(200)
        self._headers(kind, "no-cache")
        self.send_header("Content-Disposition", f'inline; filename="{name}"')
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: int, value: object) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode(), "application/json", "no-store")

    def _send(self, status: int, data: bytes, kind: str, cache: str = "no-store") -> None:
        self.send_response(status)
        self._headers(kind, cache)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _headers(self, kind: str, cache: str) -> None:
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", cache)
        for name, value in HEADERS.items():
            self.send_header(name, value)


def _image(board: events.Board, digest: str) -> bytes | None:
    return board.snapshot.images.get(digest) or board.previous.images.get(digest)


def _title(project: Project) -> str:
    """The zine's title as its manifest gives it (the page's heading and tab), else its folder's name."""
    title = editing.manifest(project.content).get("title")
    return " ".join(title.split()) if isinstance(title, str) and title.strip() else str(project.root.name)
