"""A project: where the build reads (content, templates), where it writes (output) and keeps its
caches, and the names of what it writes.

Every output file name is made here, from the zine's slug and its kind (kinds.Kind); the summary,
`zine check` and the staging of outputs all read them, never a name of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.errors import shown
from builder.kinds import Kind

PREVIEW, HTML = "preview", "html"
FOLDERS = (PREVIEW, HTML)
"""Sub-folders of the output a build replaces whole: the PNG previews, the kept HTML."""


def reading_preview(number: int) -> str:
    """reading-01.png: in preview/, the PNG of page `number` of the reading edition."""
    return f"reading-{number:02d}.png"


def side_preview(number: int) -> str:
    """booklet-sheet-01-recto.png: in preview/, the PNG of side `number` (1-based, recto first) of the booklet."""
    return f"booklet-sheet-{(number + 1) // 2:02d}-{'recto' if number % 2 else 'verso'}.png"


WORK = "work"
"""A scratch sub-folder of the staging folder: each document as first laid out, before it becomes
an output (or is imposed into one, like the mini-zine's pages)."""
PICTURES = ".pictures"
"""In the output folder: the resampled pictures (builder/pictures), reused while their source is unchanged."""
FONT_CACHE = ".fonts"
"""In the output folder: the project's web fonts (WOFF, WOFF2) decompressed (render/fontfiles.py)."""


def work_path(stage: Path, document: Kind) -> Path:
    """Where document `document` is laid out in the staging folder `stage`: work/reading.pdf."""
    return stage / WORK / f"{document}.pdf"


@dataclass(frozen=True)
class Project:
    """The folders of one zine project; `root` is what paths in messages are relative to.

    The templates are layered, file by file: a file of `templates` (the project's own folder,
    which may be missing or hold only the files it changes) is used when it exists, else the
    file of the same name in `shipped`. With `shipped` None, `templates` is a whole set on its
    own (`zine build --templates DIR`).
    """

    root: Path
    content: Path
    templates: Path
    output: Path
    shipped: Path | None = None
    """The templates under the project's own, read for every file `templates` does not have."""

    @classmethod
    def at(cls, root: Path, *, content: Path | None = None, templates: Path | None = None,
           output: Path | None = None) -> Project:
        """The project in `root`, with its usual folders unless others are given (relative to the cwd).

        Without `templates`, the project's `templates/` (if any) overrides the shipped templates
        file by file; a `templates` folder given is the whole set, nothing is borrowed.
        """
        return cls(root, content or root / "content", templates or root / "templates", output or root / "output",
                   None if templates is not None else shipped_templates())

    @property
    def layers(self) -> tuple[Path, ...]:
        """The template folders, the first that has a file wins: the project's, then the shipped
        ones (one folder when they are the same: the zine of the tool's own clone)."""
        if self.shipped is None or self.shipped.resolve() == self.templates.resolve():
            return (self.templates,)
        return self.templates, self.shipped

    @property
    def fonts(self) -> Path:
        """The project's own fonts (issue 21), at its root beside templates/: like the templates they
        are the zine's look, not its text; the renderer uses every font file in it (render.fonts)."""
        return self.root / "fonts"

    @property
    def font_cache(self) -> Path:
        """The project's web fonts as the layout reads them, decompressed: the build writes it."""
        return self.output / FONT_CACHE

    @property
    def sources(self) -> tuple[Path, ...]:
        """The folders the build reads and never writes: content, the template layers, the fonts."""
        return self.content, *self.layers, self.fonts

    def shown(self, path: Path) -> str:
        """`path` as messages show it (errors.shown): content/article.md, templates/zine.css; a
        shipped template outside the project as "shipped templates/zine.css" (where the tool is
        installed on this machine is never shown: issue 23's messages carry no machine path)."""
        found = shown(path, self.root, self.content, self.templates)
        if found == str(path) and self.shipped is not None and path.resolve().is_relative_to(self.shipped.resolve()):
            return ("shipped templates" / path.resolve().relative_to(self.shipped.resolve())).as_posix()
        return found

    @property
    def pictures(self) -> Path:
        """The cache of resampled pictures, in the output folder: the build writes it, the
        renderer's sandbox serves it (render/weasy.py)."""
        return self.output / PICTURES

    def output_path(self, kind: Kind, slug: str, folder: Path | None = None) -> Path:
        """Where output `kind` of zine `slug` goes: in `folder`, else the output folder."""
        return (folder or self.output) / kind.file_name(slug)


def shipped_templates() -> Path:
    """The templates the tool ships: `builder/templates/` in an installed wheel (package data),
    the checkout's `templates/` in a clone or an editable install."""
    package = Path(__file__).resolve().parent
    installed = package / "templates"
    return installed if installed.is_dir() else package.parent / "templates"
