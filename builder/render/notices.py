"""The WeasyPrint messages that are warnings rather than errors, each with its reason.

Every other message WeasyPrint logs while laying a document out stops the build (render.weasy):
a stylesheet it could not read, a character no font has, a URL it was refused all change what
is printed. The messages listed here do not: the PDF is what the collective wrote. Each becomes
one warning in the build's summary, said in our words, once per build however often it came,
or none when the build has said it already with the file and line at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """A WeasyPrint message that is a warning: what it matches, why it is one, what we say."""

    pattern: re.Pattern[str]
    reason: str
    """Why the PDF is still right (for those who read this list)."""
    says: str
    """The warning, once per build; empty when the build has said it already, better (with a file and line)."""


NOTICES = (
    Notice(re.compile(r"Using fontTools instead of HarfBuzz-Subset"),
           "The fonts are subset by fontTools, slower but with the same glyphs: the PDF prints the "
           "same. WeasyPrint calls this fallback unsupported in future versions, hence pyproject's "
           "<71 ceiling (issue 15).",
           "fonts subset with fontTools: HarfBuzz-Subset is not installed (on Debian or Ubuntu, "
           "apt-get install libharfbuzz-subset0 makes builds faster)"),
    Notice(re.compile(r'Image ".*" has no required alt description'),
           "PDF/UA (the reading edition, issue 12) wants a description for every picture, and WeasyPrint "
           "calls a picture without one an error, even one marked decorative (alt=\"\", which WeasyPrint "
           "70 cannot tag as an artifact). The picture prints all the same. The Markdown reader has "
           "warned for each picture it placed without a description, with its file and line "
           "(content.markdown); a decorative one ({.decorative}) needs none: nothing more to say here.",
           ""),
)


def notice(message: str) -> str | None:
    """What to say for a WeasyPrint message that is a warning ("" for nothing); None for one that is an error."""
    return next((known.says for known in NOTICES if known.pattern.search(message)), None)
