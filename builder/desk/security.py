"""What the desk refuses, decided before any route runs (issue 23: "safe by construction").

A page elsewhere on the web can make the user's browser send requests to 127.0.0.1: a Host other
than the desk's own address is a DNS rebinding attempt (421), an Origin other than the desk's is
another site's script (403), and a write without the session's token did not come from the page
the desk served (403). The token is made with `secrets.token_urlsafe` once per `zine serve`.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Protocol

TOKEN_HEADER = "X-Zine-Token"
"""The header a write carries the token in (never a URL: URLs land in logs and histories)."""
HOSTS = ("127.0.0.1", "localhost")
"""The names the desk answers to, with its port: the address it is bound to, and its usual name."""
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; "
          "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
"""The Content-Security-Policy: the page's own scripts, styles, pictures and requests, nothing else."""
HEADERS = {"Content-Security-Policy": POLICY, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cross-Origin-Resource-Policy": "same-origin"}
"""Sent with every answer, refusals included."""
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class Headers(Protocol):
    """A request's headers as http.server gives them (any case), or a dict."""

    def get(self, name: str, /) -> str | None: ...


@dataclass(frozen=True)
class Refusal:
    """An answer that ends a request: its HTTP status and why, in words (for the log, no data)."""

    status: int
    reason: str


@dataclass(frozen=True)
class Guard:
    """The checks of one running desk: its `port` and its session `token`."""

    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @property
    def origins(self) -> tuple[str, ...]:
        """The Origin values of the desk's own page."""
        return tuple(f"http://{host}:{self.port}" for host in HOSTS)

    def refusal(self, method: str, headers: Headers) -> Refusal | None:
        """Why a request with `method` and `headers` is refused, or None: Host not the desk's (421),
        Origin present and not the desk's (403), a write without the right token (403)."""
        host = headers.get("Host") or ""
        if host not in {f"{name}:{self.port}" for name in HOSTS}:
            return Refusal(421, "not this desk's host name")
        origin = headers.get("Origin")
        if origin is not None and origin not in self.origins:
            return Refusal(403, "another origin")
        sent = (headers.get(TOKEN_HEADER) or "").encode()
        if method in WRITES and not hmac.compare_digest(sent, self.token.encode()):
            return Refusal(403, "a write without the session's token")
        return None
