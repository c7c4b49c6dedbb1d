"""HTML documents from templates, with Jinja2: with template_sandbox, the only modules that import Jinja2.

Templates are found file by file (template_sandbox.Layers): in the project's templates folder
first, then in the shipped ones, and run in a sandbox (template_sandbox.Sandbox: they read the
zine, not the machine; issue 25). Errors in a template, and the sandbox's refusals, name the
template file and line (`templates/part.html:4`), found in Jinja2's own traceback when its
message does not say.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from markupsafe import Markup, escape

from builder import paper, typography
from builder.errors import BuildError
from builder.files import utf8
from builder.imposition.layout import printing
from builder.letters import envelopes
from builder.model import Document, Zine
from builder.project import Project
from builder.render import lists
from builder.render.template_sandbox import Layers, Outside, Sandbox
from builder.typography import words


class Templates(Sandbox):
    """The templates of a project: a strict Jinja2 sandbox (template_sandbox.Sandbox; an undefined
    variable is an error, not an empty string) that knows its project, to name its files in
    messages. Its filters: `length`, `safe` and `date`; its global: `range`; its tests: Jinja2's
    and `template`."""

    def __init__(self, project: Project) -> None:
        super().__init__(loader=Layers(project.layers), autoescape=True,
                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.project = project
        self.filters["date"] = _date
        self.tests["template"] = self.found

    def found(self, name: str) -> bool:
        """Whether a template of that name is found (`{% if "letters-a4.css" is template %}`)."""
        try:
            self.loader.get_source(self, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            return False
        return True


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
    sizes for CSS (`page_size`, `minizine_size`, `letters_size`: "148mm 210mm"), the letter pack's
    `envelope` (letters.envelopes.Envelope) and the `context` given; the `date` filter writes a
    date in the zine's language, the `template` test says whether a template file is found.
    """
    language, format = zine.meta.words, zine.format
    html = _render(env, template, zine=zine, meta=zine.meta, parts=zine.parts, intro=zine.intro, back=zine.back,
                   words=language, sheet_count=_sheet_count(language, zine), format=format,
                   page_size=_css_size(format.page), minizine_size=_css_size(format.minizine_page),
                   letters_size=_css_size(format.paper), envelope=envelopes.of(format), **context)
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
        filename, line = _template_frame(templates)  # an include's: the file and line that asked
        if filename is None:
            raise BuildError(_where(env, None, str(error.name)), "template not found") from None
        raise BuildError(_where(env, filename), f"template not found: {error.name}", line) from None
    except SecurityError as error:  # template_sandbox: the sandbox's refusal, or Layers'
        raise _refused(env, template, error) from None
    except jinja2.UndefinedError as error:
        filename, line = _template_frame(templates)
        raise BuildError(_where(env, filename, template), f"template error: {error.message}", line) from None
    except UnicodeDecodeError:
        raise _not_utf8(env) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as error:
        filename, line = _template_frame(templates)  # {{ 1 / 0 }}, {{ "a" + 1 }}…
        raise BuildError(_where(env, filename, template), f"template error: {error}", line) from None


def _refused(env: Templates, template: str, error: SecurityError) -> BuildError:
    """The sandbox's refusal, by the template file and line that asked; a top template that is a
    symbolic link out (Outside, no template frame) by its own file."""
    filename, line = _template_frame(env.project.layers)
    if filename is None and isinstance(error, Outside):
        template = error.template
    return BuildError(_where(env, filename, template), f"refused, templates run in a sandbox (they read the zine, "
                                                       f"never the machine): {error}", line)


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
