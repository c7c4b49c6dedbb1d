"""The desk: `zine serve`'s local web page for one zine project (issue 23, item 1).

It shows the pages as they will print and follows edits, on the warm session of `zine watch`
(commands/watch.py: `follow`, shared by both commands). The parts, and why they were chosen:

- The standard library's `http.server.ThreadingHTTPServer`: no new runtime dependency, a small
  attack surface, enough for one local user. Updates travel as server-sent events
  (`text/event-stream`, events.py): one-way, plain HTTP, reconnected by the browser itself.
- ONE builder thread owns the Session (its worker processes): builds never overlap. The HTTP
  threads only read the immutable `Snapshot` of the last build (snapshot.py), swapped whole.
- Safe by construction (security.py): bound to 127.0.0.1 only; Host and Origin checked against
  that address (DNS rebinding); every write needs the session's random token, which reaches the
  page inside its HTML, never in a URL; files are served from an allow-list built from the last
  Report (never a URL path joined onto a folder); a Content-Security-Policy with no outside origin.
- Plain JavaScript, CSS and HTML in static/, shipped as package data: no build step, no npm,
  nothing loaded from the network.
"""
