"""zine serve's refusals, asked with plain http.client of a running desk server (issue 23: "safe
by construction"): a Host or an Origin not the desk's, a write without the session's token, any
path outside the allow-lists, and the headers every answer carries. No build: the server is
given a snapshot made here, so that these tests run in well under a second."""

from __future__ import annotations

import hashlib
import http.client
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from builder.desk import events, server
from builder.desk.security import POLICY, TOKEN_HEADER
from builder.desk.snapshot import Snapshot
from builder.project import Project

MANIFEST = 'title = "T"\nlang = "fr"\ndate = 2026-01-01\nedition = "1"\nparts = ["un.md"]\n'
PNG = b"\x89PNG\r\n\x1a\n a page"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[server.Server, Path]]:
    root = tmp_path_factory.mktemp("desk")
    (root / "content").mkdir()
    (root / "content/zine.toml").write_text(MANIFEST, encoding="utf-8")
    (root / "content/un.md").write_text("---\ntitle: Un\n---\n\nTexte.\n", encoding="utf-8")
    (root / "content/secret.md").write_text("not listed in the manifest", encoding="utf-8")
    (root / "output").mkdir()
    (root / "output/t-reading.pdf").write_bytes(b"%PDF-1.7 the reading edition")
    board = events.Board()
    digest = hashlib.sha256(PNG).hexdigest()
    board.publish(Snapshot(1, {"build": 1, "ok": True, "pages": {"reading": [f"/img/{digest}.png"]}},
                           {digest: PNG}, {"t-reading.pdf": root / "output/t-reading.pdf"}))
    running = server.start(Project.at(root), board, 0)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running, root
    board.close()
    running.shutdown()
    running.server_close()


def ask(desk: tuple[server.Server, Path], method: str, path: str, headers: dict[str, str] | None = None,
        body: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    """One request with `headers` (Host: the desk's unless given); its status, headers and body."""
    port = desk[0].server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def port(desk: tuple[server.Server, Path]) -> int:
    return int(desk[0].server_address[1])


def token(desk: tuple[server.Server, Path]) -> str:
    return desk[0].desk.guard.token


def test_the_desk_answers_its_own_host_names(desk: tuple[server.Server, Path]) -> None:
    assert ask(desk, "GET", "/state.json")[0] == 200
    assert ask(desk, "GET", "/", {"Host": f"localhost:{port(desk)}"})[0] == 200
    assert desk[0].server_address[0] == "127.0.0.1", "bound to the loopback address only"


def test_the_page_is_titled_by_the_zine_and_the_icon_asked_for_is_no_error(desk: tuple[server.Server, Path]) -> None:
    """The manifest's title, not the folder's name, heads the page; a browser's /favicon.ico gets
    an empty answer, not a 404 in its console."""
    page = ask(desk, "GET", "/")[2].decode()
    assert "<title>T</title>" in page and desk[1].name not in page
    status, headers, body = ask(desk, "GET", "/favicon.ico")
    assert (status, body) == (204, b"") and "Content-Security-Policy" in headers


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1", "127.0.0.1:1",
                                  "localhost.evil.example:{port}", "0.0.0.0:{port}", "[::1]:{port}", ""])
def test_another_host_is_refused_421(desk: tuple[server.Server, Path], host: str) -> None:
    """DNS rebinding: a name that resolves to 127.0.0.1 is still not the desk's name."""
    for method, path in (("GET", "/"), ("GET", "/state.json"), ("POST", "/part")):
        status, headers, _ = ask(desk, method, path, {"Host": host.format(port=port(desk)), TOKEN_HEADER: token(desk)},
                                 b"{}")
        assert status == 421, (host, path)
        assert headers["Content-Security-Policy"] == POLICY


@pytest.mark.parametrize("origin", ["http://evil.example", "http://127.0.0.1:1", "https://127.0.0.1:{port}", "null",
                                    "http://localhost.evil.example:{port}"])
def test_another_origin_is_refused_403(desk: tuple[server.Server, Path], origin: str) -> None:
    for method, path in (("GET", "/state.json"), ("GET", "/part?name=un.md"), ("POST", "/part")):
        headers = {"Origin": origin.format(port=port(desk)), TOKEN_HEADER: token(desk)}
        assert ask(desk, method, path, headers, b"{}")[0] == 403, (origin, path)
    assert ask(desk, "GET", "/state.json", {"Origin": f"http://127.0.0.1:{port(desk)}"})[0] == 200


def test_a_write_needs_the_sessions_token(desk: tuple[server.Server, Path]) -> None:
    root = desk[1]
    before = (root / "content/un.md").read_bytes()
    sha = hashlib.sha256(before).hexdigest()
    body = json.dumps({"name": "un.md", "text": "written", "sha": sha}).encode()
    for headers in ({}, {TOKEN_HEADER: ""}, {TOKEN_HEADER: "wrong"}, {TOKEN_HEADER: token(desk)[:-1]},
                    {"Cookie": f"{TOKEN_HEADER}={token(desk)}"}):
        assert ask(desk, "POST", "/part", headers, body)[0] == 403, headers
        assert ask(desk, "POST", "/photo", {**headers, "X-File-Name": "a.png"}, PNG)[0] == 403, headers
    assert ask(desk, "PUT", "/part", {}, body)[0] in (403, 501)
    assert (root / "content/un.md").read_bytes() == before
    assert token(desk) not in ask(desk, "GET", "/state.json")[2].decode(), "the token is only in the page"
    status, _, answer = ask(desk, "POST", "/part", {TOKEN_HEADER: token(desk)}, body)
    assert status == 200, answer
    assert (root / "content/un.md").read_text(encoding="utf-8") == "written"
    (root / "content/un.md").write_bytes(before)


@pytest.mark.parametrize("path", [
    "/../content/zine.toml", "/out/../content/zine.toml", "/out/%2e%2e/content/zine.toml", "/%2e%2e/%2e%2e/etc/passwd",
    "/out/..%2fcontent%2fzine.toml", "/out//etc/passwd", "/out/%2fetc%2fpasswd", "//etc/passwd", "/etc/passwd",
    "/content/zine.toml", "/content/un.md", "/output/t-reading.pdf", "/out/zine.toml", "/out/un.md",
    "/static/../server.py", "/static/%2e%2e/server.py", "/static/index.html/../../snapshot.py",
    "/img/../../content/zine.toml", "/img/0000.png", "/part?name=../content/zine.toml", "/part?name=/etc/passwd",
    "/part?name=secret.md", "/part?name=..%2fcontent%2fun.md", "/part?name=un.md/..", "/part?name=%00un.md",
])
def test_nothing_outside_the_allow_lists_is_served(desk: tuple[server.Server, Path], path: str) -> None:
    status, headers, body = ask(desk, "GET", path)
    assert status in (403, 404), (path, body[:80])
    assert b"Texte." not in body and b"root:" not in body and b"listed" not in body


def test_what_the_allow_lists_name_is_served(desk: tuple[server.Server, Path]) -> None:
    """The other side of the test above, so that it can fail: the same server serves its own."""
    digest = hashlib.sha256(PNG).hexdigest()
    status, headers, body = ask(desk, "GET", f"/img/{digest}.png")
    assert (status, body) == (200, PNG)
    assert "immutable" in headers["Cache-Control"], "a picture's URL names its content"
    assert ask(desk, "GET", "/out/t-reading.pdf")[2] == b"%PDF-1.7 the reading edition"
    assert json.loads(ask(desk, "GET", "/part?name=un.md")[2])["text"].endswith("Texte.\n")
    assert b"desk.js" in ask(desk, "GET", "/")[2]


def test_the_secret_file_is_refused_for_writes_too(desk: tuple[server.Server, Path]) -> None:
    root = desk[1]
    sha = hashlib.sha256((root / "content/secret.md").read_bytes()).hexdigest()
    for name in ("secret.md", "../output/t-reading.pdf", "/tmp/x.md", "images/x.md", "new.md"):
        body = json.dumps({"name": name, "text": "x", "sha": sha}).encode()
        assert ask(desk, "POST", "/part", {TOKEN_HEADER: token(desk)}, body)[0] == 404, name
    assert (root / "content/secret.md").read_text(encoding="utf-8") == "not listed in the manifest"
    assert not (root / "content/new.md").exists()


def test_every_answer_carries_the_policy_and_no_outside_origin(desk: tuple[server.Server, Path]) -> None:
    for path in ("/", "/state.json", "/static/desk.js", "/static/desk.css", "/nothing", "/out/t-reading.pdf"):
        status, headers, _ = ask(desk, "GET", path)
        assert headers["Content-Security-Policy"] == POLICY, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert "Cache-Control" in headers
    sources = {source for directive in POLICY.split(";") for source in directive.split()[1:]}
    assert sources <= {"'self'", "'none'", "blob:"}, sources
    assert "frame-ancestors 'none'" in POLICY and "default-src 'none'" in POLICY


def test_the_page_holds_the_token_in_a_meta_tag_never_in_a_url(desk: tuple[server.Server, Path]) -> None:
    page = ask(desk, "GET", "/")[2].decode()
    assert f'<meta name="zine-token" content="{token(desk)}">' in page
    assert page.count(token(desk)) == 1
    assert "http" not in page.replace('http-equiv', ''), "no outside address in the page"
    script = ask(desk, "GET", "/static/desk.js")[2].decode()
    assert "http:" not in script and "https:" not in script and "//" not in script.replace("// ", "")
