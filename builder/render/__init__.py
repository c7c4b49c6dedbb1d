"""The render stage: templates to HTML documents (Jinja2), documents to PDF (WeasyPrint).

`templating` and `documents` make the HTML in the build process; `weasy` (with `sandbox` and
`diagnose`) lays it out, in the worker processes. This package imports neither library itself:
WeasyPrint takes about a second to import, and only the processes that render pay for it.
"""

import warnings

# WeasyPrint warns at import when the machine's fontconfig has no fonts ("Expect ugly output"): the
# build never uses them unless the manifest says `fonts = "machine"` (render/fonts.py), and then a
# character no font has is named by the build itself (render/diagnose.py).
warnings.filterwarnings("ignore", message="(No fonts configured in FontConfig|FontConfig cannot load default config)",
                        category=UserWarning)
