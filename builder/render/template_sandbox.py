"""Where a template may reach (issue 25, item 1): zines are shared as folders, templates included,
and a template must not read the machine or run anything.

- `Sandbox` is Jinja2's ImmutableSandboxedEnvironment: no attribute that starts with `_`
  (`lipsum.__globals__`, `''.__class__.__mro__`, `self.__init__.__globals__`), no
  `str.format` tricks, and no change to the lists and dicts it is given: the same zine is rendered
  into several documents, which a template must not alter for the next one. On top of
  Jinja2's rules, no path of the machine: a `pathlib` path and the attributes that lead to one
  (`zine.root`, `part.source`) are refused, else `.read_text()` would read any file.
- Its filters and globals are those the shipped templates use, and nothing else (`FILTERS`,
  `GLOBALS`); its tests are Jinja2's (`is defined`…: they only compare) and `template`.
- `Layers` finds a template by a relative name (`part.html`, `sub/part.html`) in the project's
  templates folder, then in the shipped ones; a name that could lead elsewhere (`..`, an absolute
  path, a backslash, a drive or a colon) and a file that is a symbolic link out of its folder are
  refused with `Outside` (a SecurityError: templating names the template and line that asked).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from builder.files import utf8

FILTERS = ("length", "safe")
"""Jinja2's filters the shipped templates use (templating adds `date`); the others are removed."""
GLOBALS = ("range",)
"""Jinja2's globals the shipped templates use (the sandbox's `range`, at most 100,000 items);
`lipsum`, `cycler`, `joiner`, `namespace` and `dict` are removed."""
_UNSAFE_NAME = re.compile(r"^/|\\|:|\x00|(?:^|/)\.\.(?:/|$)")
"""A template name that could leave the templates folders: absolute, `..`, a backslash, a drive
(`C:…`) or any colon, a NUL."""


class Outside(SecurityError):
    """A template name or file that leads out of the templates folders: `template` is its name."""

    def __init__(self, template: str, message: str) -> None:
        super().__init__(message)
        self.template = template


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with only FILTERS and GLOBALS, and no path of the machine."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: self.filters[name] for name in FILTERS}
        self.globals = {name: self.globals[name] for name in GLOBALS}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja2's rule (no `_…`, no internals), and no path: neither a path's attributes nor
        an attribute whose value is a path (`zine.root`)."""
        if isinstance(obj, PurePath) or isinstance(value, PurePath):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))


class Layers(jinja2.BaseLoader):
    """Templates found file by file in `folders`, the first that has the file winning (the
    project's templates, then the shipped ones).

    A compiled template stays in use while its file is unchanged and no earlier folder has
    gained a file of the same name (a template the project starts to override is read again).
    Raises Outside for a name that could lead out of the folders and for a file that is a
    symbolic link out of its folder; jinja2.TemplateNotFound when no folder has the file.
    """

    def __init__(self, folders: tuple[Path, ...]) -> None:
        self.folders = folders

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        if _UNSAFE_NAME.search(template):
            raise Outside(template, f"the template name \"{template}\" is refused: a template includes, extends "
                                    "or imports only the files of the project's templates/ and the shipped ones, "
                                    "by a name relative to that folder (part.html, parts/note.html)")
        pieces = jinja2.loaders.split_template_path(template)
        for number, folder in enumerate(self.folders):
            path = folder.joinpath(*pieces)
            if path.is_file():
                if not path.resolve().is_relative_to(folder.resolve()):
                    raise Outside(template, f"the template {template} is a symbolic link out of its templates "
                                            "folder: refused (copy the file into the folder instead)")
                return self._source(path, [folder.joinpath(*pieces) for folder in self.folders[:number]])
        raise jinja2.TemplateNotFound(template)

    @staticmethod
    def _source(path: Path, above: list[Path]) -> tuple[str, str, Callable[[], bool]]:
        # A byte-order mark and CR line ends as utf8.decode drops them; UnicodeDecodeError:
        # templating names the file and line.
        source = utf8.newlines(path.read_bytes().removeprefix(utf8.BOM).decode("utf-8"))
        stamp = path.stat().st_mtime_ns

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime_ns == stamp and not any(other.exists() for other in above)
            except OSError:
                return False

        return source, str(path), uptodate

    def list_templates(self) -> list[str]:
        return sorted({path.relative_to(folder).as_posix() for folder in self.folders if folder.is_dir()
                       for path in folder.rglob("*") if path.is_file()})
