"""HTML documents from templates, with Jinja2: the only place that imports Jinja2.

Templates are found file by file (Layers): in the project's templates folder first, then in the
shipped ones. Errors in a template name the template file and line (`templates/part.html:4`),
found in Jinja2's own traceback when its message does not say.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from builder import paper, typography
from builder.errors import BuildError
from builder.files import utf8
from builder.imposition.layout import printing
from builder.model import Document, Zine
from builder.project import Project
from builder.render import lists
from builder.typography import words


class Layers(jinja2.BaseLoader):
    """Templates found file by file in `folders`, the first that has the file winning (the
    project's templates, then the shipped ones).

    A compiled template stays in use while its file is unchanged and no earlier folder has
    gained a file of the same name (a template the project starts to override is read again).
    """

    def __init__(self, folders: tuple[Path, ...]) -> None:
        self.folders = folders

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)  # refuses "..": nothing outside the folders
        for number, folder in enumerate(self.folders):
            path = folder.joinpath(*pieces)
            if path.is_file():
                return self._source(path, [folder.joinpath(*pieces) for folder in self.folders[:number]])
        raise jinja2.TemplateNotFound(template)

    @staticmethod
    def _source(path: Path, above: list[Path]) -> tuple[str, str, Callable[[], bool]]:
        # A byte-order mark and CR line ends as utf8.decode drops them; UnicodeDecodeError:
        # _not_utf8 names the file and line.
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


class Templates(jinja2.Environment):
    """The templates of a project: a strict Jinja2 environment (an undefined variable is an
    error, not an empty string) that knows its project, to name its files in messages."""

    def __init__(self, project: Project) -> None:
        super().__init__(loader=Layers(project.layers), autoescape=True,
                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.project = project
        self.filters["date"] = _date


def environment(project: Project) -> Templates:
    """The templates of `project`, its own over the shipped ones file by file (project.Project).

    Raises BuildError if a templates folder given alone (--templates) does not exist, if the
    project's `templates` is not a folder, or if the shipped templates are missing (a broken
    install).
    """
    if project.shipped is None and not project.templates.is_dir():
        raise BuildError(None, f"--templates {project.templates}: no such folder")
    if project.shipped is not None and not project.shipped.is_dir():
        raise BuildError(None, f"the tool's own templates are missing ({project.shipped}): reinstall it")
    if project.templates.exists() and not project.templates.is_dir():
        raise BuildError(project.shown(project.templates), "not a folder: a project's templates/ holds the "
                                                           "template files it changes")
    return Templates(project)


def document(env: Templates, template: str, name: str, zine: Zine, **context: Any) -> Document:
    """Render `template` for `zine`, then apply the typography of the zine's language.

    The templates see `zine`, `meta`, `parts`, `intro`, `back`, `words` (words.Words of the
    zine's language), `sheet_count` (the print page's line), `format` (paper.Format), its page
    sizes for CSS (`page_size`, `minizine_size`: "148mm 210mm") and the `context` given; the
    `date` filter writes a date in the zine's language.
    """
    language = zine.meta.words
    html = _render(env, template, zine=zine, meta=zine.meta, parts=zine.parts, intro=zine.intro, back=zine.back,
                   words=language, sheet_count=_sheet_count(language, zine), format=zine.format,
                   page_size=_css_size(zine.format.page), minizine_size=_css_size(zine.format.minizine_page),
                   **context)
    html = lists.hang(html)  # numbered lists: their markers' indent and numbering
    return Document(name=name, html=typography.refine(html, zine.meta.lang), base_url=env.project.templates,
                    fonts=zine.meta.fonts, direction=zine.meta.direction)


def keep(document: Document, folder: Path, published: Path, project: Project) -> Path:
    """Write `document` as `folder/NAME.html` so that, once moved to `published`, it renders alone.

    A <base> points at the templates, relative to where the file will be, and the project's
    file URLs (images) become relative to it: `weasyprint output/html/reading.html out.pdf`
    and a browser both find everything, wherever the project was cloned. The templates are the
    project's own folder when it has one, else the shipped ones: a file the project's folder
    does not have is then not found by such a render on its own (the build itself finds it).
    """
    root = project.root
    templates = next((layer.resolve() for layer in project.layers if layer.is_dir()), document.base_url.resolve())
    base = Path(os.path.relpath(templates, published.resolve())).as_posix()
    relative_root = Path(os.path.relpath(root.resolve(), templates)).as_posix()
    html = document.html.replace(root.resolve().as_uri() + "/", relative_root + "/")
    html = re.sub(r"<head>", f'<head>\n<base href="{base}/">', html, count=1)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{document.name}.html"
    target.write_text(html, encoding="utf-8")
    return target


@jinja2.pass_context
def _date(context: jinja2.runtime.Context, day: datetime.date) -> str:
    return words.date(day, context["meta"].lang)


def _sheet_count(language: words.Words, zine: Zine) -> Markup:
    """The print page's line (imposition.layout.printing), its counts left to the layout (CSS
    counters on the page count)."""
    return Markup(escape(printing(zine.format).line(language))
                  .replace("{pages}", Markup('<span class="booklet-pages"></span>'))
                  .replace("{sheets}", Markup('<span class="booklet-sheets"></span>')))


def _css_size(size: paper.Size) -> str:
    """A size as CSS writes it: 74.25mm 105mm."""
    return f"{size.width:g}mm {size.height:g}mm"


def _render(env: Templates, template: str, **context: Any) -> str:
    templates = env.project.layers
    try:
        return env.get_template(template).render(**context)
    except jinja2.TemplateSyntaxError as error:
        raise BuildError(_where(env, error.filename, template), f"template error: {error.message}",
                         error.lineno) from None
    except jinja2.TemplateNotFound as error:
        raise BuildError(_where(env, None, str(error.name)), "template not found") from None
    except jinja2.UndefinedError as error:
        filename, line = _template_frame(templates)
        raise BuildError(_where(env, filename, template), f"template error: {error.message}", line) from None
    except UnicodeDecodeError:
        raise _not_utf8(env) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as error:
        filename, line = _template_frame(templates)  # {{ 1 / 0 }}, {{ "a" + 1 }}…
        raise BuildError(_where(env, filename, template), f"template error: {error}", line) from None


def _not_utf8(env: Templates) -> BuildError:
    """Jinja2 does not say which file it failed to decode: find it, and the line."""
    for path in (path for layer in env.project.layers if layer.is_dir() for path in sorted(layer.rglob("*"))):
        if path.is_file() and path.suffix in (".html", ".css", ".svg", ".txt"):
            try:
                utf8.read(path, _where(env, str(path)))
            except BuildError as error:
                return error
    return BuildError(env.project.shown(env.project.templates), "a template is not valid UTF-8 (save it as UTF-8)")


def _template_frame(layers: tuple[Path, ...]) -> tuple[str | None, int | None]:
    """The innermost template file and line of the exception being handled (Jinja2 keeps them)."""
    traceback = sys.exc_info()[2]
    found: tuple[str | None, int | None] = (None, None)
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if any(Path(filename).is_relative_to(folder.resolve()) or Path(filename).is_relative_to(folder)
               for folder in layers):
            found = (filename, traceback.tb_lineno)
        traceback = traceback.tb_next
    return found


def _where(env: Templates, filename: str | None, template: str = "") -> str:
    """A template file as messages name it (errors.shown): templates/part.html, or a shipped
    one by its full path. `filename` is a path as Jinja2 gives it (under a template folder as
    given); else `template` is the template's name, relative to the project's templates."""
    return env.project.shown(Path(filename) if filename else env.project.templates / template)
