"""Realistic inputs for the benchmarks: text-dense A5 PDFs rendered the way the build renders."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from builder.paper import A5

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "bench"


def a5_pdf(pages: int) -> Path:
    """An A5 PDF of exactly `pages` pages of justified French prose in the shipped fonts.

    Cached in build/bench/ under a digest of its HTML: rendered again only when the text changes.
    """
    text = _html(pages)
    target = CACHE / f"a5-{pages}-{hashlib.sha256(text.encode()).hexdigest()[:10]}.pdf"
    if target.exists():
        return target
    from builder.model import Document
    from builder.project import Project
    from builder.render.weasy import Renderer  # WeasyPrint: only when the cache is cold

    CACHE.mkdir(parents=True, exist_ok=True)
    document = Document(f"bench {pages} pages", text, ROOT / "templates")
    written = Renderer(Project(ROOT, ROOT, ROOT / "templates", CACHE)).render(document, target, source_date=None).pages
    if written != pages:
        target.unlink()
        raise RuntimeError(f"rendered {written} pages, expected {pages}")
    return target


def _html(pages: int) -> str:
    # One page per <section>, filled with the shipped article's paragraphs: real words, real
    # hyphenation, italics and bold, so fonts are shared between pages as in a real zine.
    text = (ROOT / "content" / "article.md").read_text(encoding="utf-8").split("---", 2)[2]
    paragraphs = [html.escape(re.sub(r"<[^>]+>", "", p).strip()) for p in text.split("\n\n")]
    paragraphs = [p for p in paragraphs if len(p) > 200]
    sections = []
    for number in range(pages):
        body, i = "", number
        while len(body) < 1900:  # about a full page, never more
            body += f"<p>{paragraphs[i % len(paragraphs)][:2000 - len(body)]}</p>"
            i += 1
        sections.append(f'<section class="page"><h2>Page {number + 1}</h2><p><em>Marqueur '
                        f'P{number + 1:03d}</em> <strong>en gras</strong></p>{body}</section>')
    # zine.css leaves the page size to the template (the zine's format): say A5 here, as zine.html does.
    size = f"{A5.width:g}mm {A5.height:g}mm"
    return ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Banc d’essai</title>'
            f'<link rel="stylesheet" href="zine.css">'
            f'<style>@page {{ size: {size} }} .page {{ break-after: page }}</style>'
            '</head>'
            '<body>' + "".join(sections) + "</body></html>")
