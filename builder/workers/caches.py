"""Every cache of the builder, listed here, and the one way a bounded cache is kept.

- Jinja2's compiled templates, in the build process (render/templating.py); a template is read
  again when its file changes, or when the project's templates/ gains a file of its name.
- In the build process: each text node's refined HTML, by the node and the state of the text
  around it (typography/__init__.py, 65,536 nodes).
- In each worker: each imposed page's black rewrite, by the page's digest (imposition/engine/black.py,
  4096 pages).
- In each worker, for the reading edition: each part's laid-out pages, reused while its HTML,
  the page it starts on and the files it read are unchanged (render/byparts.py).
- In each worker process (background.py), for the documents it renders (jobs.render): WeasyPrint
  set up with its fonts, per project, read again when a font file changes; and the last PDF of
  each document, reused while its HTML, the date and every file it read (stylesheets, images,
  fonts; a shipped template, and the absence of the project's own copy of it) are unchanged:
  after a one-word edit of the article only the reading edition is laid out again.
- In each worker: the findings of the last files it checked, by their bytes (jobs.check, 32).
- In each worker: what preflight saw of each page, by its page digest (preflight/digests.py:
  what the page draws, read without rendering) and whether its pixels were looked at: its size,
  its fonts and small text, its pixels' warnings (preflight/reader.py, 2048 pages); an unchanged
  page is neither rendered nor parsed again, and its findings carry its number of now.
- In each worker: the findings of each page's pixels, by the pixels (preflight/ink.py, 4096
  pages): a page whose digest changed but not what it draws is rendered, not analysed again.
- In each worker: each preview's PNG, by page digest and width, and by its pixels (preview.py,
  1024 images each, the same bytes): an unchanged page or booklet side is not rendered again, a
  page drawn anew but the same is not encoded again.
Tasks about one document always go to the worker that had it before, so each cache hits in
`zine watch`; a fresh session (one `zine build`) starts with all of them empty, and fills none of
the preflight and preview caches: nothing of it is checked again, so its pages are neither
digested nor hashed, and its long documents are checked in chunks by whichever worker is free
(executor.CHUNK, issue 26).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def remembered(cache: dict[K, V], key: K, limit: int, make: Callable[[], V]) -> V:
    """`cache[key]`, made by `make()` the first time; past `limit` entries the oldest is forgotten."""
    if key not in cache:
        if len(cache) >= limit:
            cache.pop(next(iter(cache)))
        cache[key] = make()
    return cache[key]
