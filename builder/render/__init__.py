"""The render stage: templates to HTML documents (Jinja2), documents to PDF (WeasyPrint).

`templating` and `documents` make the HTML in the build process; `weasy` (with `sandbox` and
`diagnose`) lays it out, in the worker processes. This package imports neither library itself:
WeasyPrint takes about a second to import, and only the processes that render pay for it.
"""
