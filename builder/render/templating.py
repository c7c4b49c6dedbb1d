"""HTML documents from templates, with Jinja2: the only place that imports Jinja2.

Errors in a template name the template file and line (`templates/part.html:4`), found in
Jinja2's own traceback when its message does not say.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from builder import paper, typography, utf8, words
from builder.errors import BuildError
from builder.model import Document, Zine
from builder.project import Project


class Templates(jinja2.Environment):
    """The templates of a project: a strict Jinja2 environment (an undefined variable is an
    error, not an empty string) that knows its project, to name its files in messages."""

    def __init__(self, project: Project) -> None:
        super().__init__(loader=jinja2.FileSystemLoader(project.templates), autoescape=True,
                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.project = project
        self.filters["date"] = _date


def environment(project: Project) -> Templates:
    """The templates of `project`; BuildError if its templates folder does not exist."""
    if not project.templates.is_dir():
        raise BuildError(None, f"--templates {project.templates}: no such folder")
    return Templates(project)


def document(env: Templates, template: str, name: str, zine: Zine, **context: Any) -> Document:
    """Render `template` for `zine`, then apply the typography of the zine's language.

    The templates see `zine`, `meta`, `parts`, `intro`, `back`, `words` (words.Words of the
    zine's language), `sheet_count` (the print page's line), `format` (paper.Format), its page
    sizes for CSS (`page_size`, `minizine_size`: "148mm 210mm") and the `context` given; the
    `date` filter writes a date in the zine's language.
    """
    language = words.words(zine.meta.lang)
    html = _render(env, template, zine=zine, meta=zine.meta, parts=zine.parts, intro=zine.intro, back=zine.back,
                   words=language, sheet_count=_sheet_count(language, zine), format=zine.format,
                   page_size=_css_size(zine.format.page), minizine_size=_css_size(zine.format.minizine_page),
                   **context)
    return Document(name=name, html=typography.refine(html, zine.meta.lang), base_url=env.project.templates)


def keep(document: Document, folder: Path, published: Path, root: Path) -> Path:
    """Write `document` as `folder/NAME.html` so that, once moved to `published`, it renders alone.

    A <base> points at the templates, relative to where the file will be, and the project's
    file URLs (images) become relative to it: `weasyprint output/html/reading.html out.pdf`
    and a browser both find everything, wherever the project was cloned.
    """
    templates = document.base_url.resolve()
    base = Path(os.path.relpath(templates, published.resolve())).as_posix()
    project = Path(os.path.relpath(root.resolve(), templates)).as_posix()
    html = document.html.replace(root.resolve().as_uri() + "/", project + "/")
    html = re.sub(r"<head>", f'<head>\n<base href="{base}/">', html, count=1)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{document.name}.html"
    target.write_text(html, encoding="utf-8")
    return target


@jinja2.pass_context
def _date(context: jinja2.runtime.Context, day: datetime.date) -> str:
    return words.date(day, context["meta"].lang)


def _sheet_count(language: words.Words, zine: Zine) -> Markup:
    """The print page's line, its counts left to the layout (CSS counters on the page count), its
    paper and duplex setting the format's."""
    format = zine.format
    line = language.sheet_count_two if format.copies == 2 else language.sheet_count
    flip = language.flip_long if format.flip == "long" else language.flip_short
    return Markup(escape(line).replace("{pages}", Markup('<span class="booklet-pages"></span>'))
                  .replace("{sheets}", Markup('<span class="booklet-sheets"></span>'))
                  .replace("{paper}", escape(language.us_letter if format.sheet == paper.LETTER else paper.name(format.sheet))).replace("{flip}", escape(flip)))


def _css_size(size: paper.Size) -> str:
    """A size as CSS writes it: 74.25mm 105mm."""
    return f"{size.width:g}mm {size.height:g}mm"


def _render(env: Templates, template: str, **context: Any) -> str:
    templates = env.project.templates
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
    for path in sorted(env.project.templates.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".css", ".svg", ".txt"):
            try:
                utf8.read(path, _where(env, str(path)))
            except BuildError as error:
                return error
    return BuildError(env.project.shown(env.project.templates), "a template is not valid UTF-8 (save it as UTF-8)")


def _template_frame(templates: Path) -> tuple[str | None, int | None]:
    """The innermost template file and line of the exception being handled (Jinja2 keeps them)."""
    traceback = sys.exc_info()[2]
    found: tuple[str | None, int | None] = (None, None)
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if Path(filename).is_relative_to(templates.resolve()) or Path(filename).is_relative_to(templates):
            found = (filename, traceback.tb_lineno)
        traceback = traceback.tb_next
    return found


def _where(env: Templates, filename: str | None, template: str = "") -> str:
    """A template file as messages name it (errors.shown): templates/part.html. `filename` is a
    path as Jinja2 gives it (under the templates folder as given); else `template` is the
    template's name, relative to that folder."""
    return env.project.shown(Path(filename) if filename else env.project.templates / template)
