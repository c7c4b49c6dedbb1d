"""The renderer's sandbox: WeasyPrint fetches every URL through here, and only gets local files.

It serves `data:` URLs and files under the allowed folders (content, the project's templates
and fonts, and the tool's shipped templates), and stops the build on anything else, before any request is
made (DESIGN: sandbox; the build never touches the network and never reads outside the project
and the tool's own templates and fonts).

The templates are layered: the documents' base URL is the project's templates folder, and a file
asked for there that the project does not have is served from the shipped templates, under the
URL asked for, so that what it links to in turn (`@import`, fonts) is looked for in the
project's folder first again.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from builder.errors import BuildError, shown
from builder.files import stamp, utf8

FONTS = (".ttf", ".otf", ".ttc", ".woff", ".woff2")
TEXTS = (".css",)
"""Stylesheets: served as utf8.decode reads them (no byte-order mark, "\\n" line ends, so that
WeasyPrint's line numbers are the editor's), refused with their line when not UTF-8. Pictures
(SVG is XML, which says its own encoding) are served as they are."""


class Refused(FatalURLFetchingError):  # type: ignore[misc]
    """A URL the sandbox will not fetch (WeasyPrint lets only fatal errors through)."""

    def __init__(self, reference: str, message: str, *, line: int | None = None, needle: str | None = None) -> None:
        super().__init__(f"{reference}: {message}")
        self.reference = reference
        self.message = message
        self.line = line
        """Set when `reference` is the file at fault (named by the fetcher), not a URL to look for."""
        self.needle = needle or (reference if "://" in reference else Path(reference).name).rstrip("…")
        """What to look for in the project's files to find who asked for the URL."""

    def __reduce__(self) -> tuple[object, ...]:
        # Raised in a worker process and read back in the build: pickled whole.
        return _refused, (self.reference, self.message, self.line, self.needle)


def _refused(reference: str, message: str, line: int | None, needle: str) -> Refused:
    return Refused(reference, message, line=line, needle=needle)


class SandboxFetcher(URLFetcher):  # type: ignore[misc]
    """Serve `data:` URLs and files under the allowed folders; refuse everything else, without a request."""

    def __init__(self, roots: tuple[Path, ...], root: Path, *, layers: tuple[Path, ...] = (),
                 derived: tuple[Path, ...] = ()) -> None:
        """Serve files under `roots` and `layers`; name them in messages as seen from the project's
        `root` (a file of one of `roots` by that folder's name, see errors.shown).

        `layers` are template folders in order (the project's, then the shipped ones): a file
        missing under the first is served from the first of the others that has it. `derived`
        are roots the build writes (the pictures' cache): served, never named as the file at
        fault (`sources`).
        """
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.named = tuple(roots)
        self.layers = tuple(path.resolve() for path in layers)
        self.roots = tuple(dict.fromkeys([*(path.resolve() for path in roots), *self.layers]))
        """Every folder files are served from."""
        self.root = root
        self.derived = tuple(path.resolve() for path in derived)
        self.stylesheets: list[Path] = []
        self.refused: list[Refused] = []
        self.served: list[tuple[Path, int, int]] = []
        """Every file served since the last `clear()`, stamped (modification time, size) before it
        was read: what a render read besides its HTML, as it was then."""

    def clear(self) -> None:
        """Forget what the previous render fetched."""
        self.stylesheets.clear()
        self.refused.clear()
        self.served.clear()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        try:
            return self._fetch(url, headers)
        except Refused as refusal:
            # Kept: WeasyPrint swallows even fatal errors while drawing SVG images.
            self.refused.append(refusal)
            raise

    def _fetch(self, url: str, headers: dict[str, str] | None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme.lower() == "data":
            return super().fetch(url, headers)
        if parts.scheme.lower() != "file":
            raise Refused(_short(url), "refused, the build never uses the network "
                                       "(save the file in the project and link to it)")
        if parts.netloc not in ("", "localhost"):  # //host/x.woff2 as written, the base's file: before it
            raise Refused(_short(url), "refused, a file on another machine", needle=url.split(":", 1)[1].rstrip("/"))
        # A file URL's path starts at the root, always: Python 3.13's urljoin drops that root when
        # `..` climb above it (url(../../../etc/hostname) in templates/zine.css becomes
        # "file:etc/hostname"), which read as a path would be relative to the working folder.
        asked = Path("/", unquote(parts.path))
        path = asked.resolve()  # symbolic links too: a link to /etc is outside
        if not any(path.is_relative_to(root) for root in self.roots):
            if path.suffix.lower() in FONTS:  # named by its file name: where this machine keeps it is no one's business
                raise Refused(path.name, "refused, a font of this machine: put the font file in fonts/ "
                                         "(no local() in @font-face)", needle="local(")
            leads = f" (it leads to {self.show(path)})" if path != asked else ""
            raise Refused(self.show(asked), f"refused, outside the project: only content, templates and fonts{leads}")
        if not path.is_file():
            beneath = self._beneath(path)
            if beneath is None:
                raise Refused(self.show(path), "not found")
            # Stamped as missing: a file the project adds there later is a change (jobs.render).
            self.served.append((path, -1, -1))
            path = beneath
        self.served.append(stamp(path))
        data = path.read_bytes()
        if path.suffix.lower() in TEXTS:
            if path.suffix.lower() == ".css":
                self.stylesheets.append(path)
            try:  # WeasyPrint would read another encoding as mojibake, silently
                data = utf8.decode(data, self.show(path)).encode("utf-8")  # no byte-order mark, "\n"
            except BuildError as error:
                raise Refused(self.show(path), error.message, line=error.line) from None
        # Served here, not by urllib: its file handler looks host names up (a DNS request).
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, {"Content-Type": kind})

    def _beneath(self, path: Path) -> Path | None:
        """The file that stands for the missing `path` of the first template layer: the same
        name in the next layer that has it; None when `path` is elsewhere or nowhere."""
        if len(self.layers) < 2 or not path.is_relative_to(self.layers[0]):
            return None
        name = path.relative_to(self.layers[0])
        for layer in self.layers[1:]:
            found = (layer / name).resolve()
            if found.is_relative_to(layer) and found.is_file():
                return found
        return None

    def files(self) -> list[Path]:
        """Every file that may be served, a shipped template only when the project's templates
        have no file of that name (the one in effect), in the order of the folders."""
        found: list[Path] = []
        taken: set[Path] = set()
        for folder in self.roots:
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                name = path.relative_to(folder) if folder in self.layers else None
                if path.is_file() and name not in taken:
                    found.append(path)
                    if name is not None:
                        taken.add(name)
        return found

    def sources(self) -> list[Path]:
        """The files of `files` the user wrote (or the tool ships): none of the `derived` roots."""
        return [path for path in self.files() if not any(path.is_relative_to(root) for root in self.derived)]

    def show(self, path: Path) -> str:
        """templates/zine.css: a path as the user knows it (errors.shown); a shipped template
        outside the project by its full path."""
        return shown(path, self.root, *self.named)


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "…"
