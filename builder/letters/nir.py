"""The French social security number (NIR): 13 characters and a two-digit key, checked before printing.

Key = 97 − (the 13 first digits mod 97); for Corsica, 2A and 2B count as 19 and 18 (shared
FACTS.md §2). Messages never repeat the number: they may reach a terminal or a log.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s.\-\u00a0\u202f]+")
_SHAPE = re.compile(r"[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}")
CORSICA = {"2A": "19", "2B": "18"}


def key(body: str) -> int:
    """The key of the 13 first characters of a NIR (digits, or 2A/2B in place of the département)."""
    digits = body[:5] + CORSICA.get(body[5:7].upper(), body[5:7]) + body[7:13]
    if len(body) != 13 or not digits.isdigit():
        raise ValueError("a NIR body is 13 digits (2A or 2B allowed as the département)")
    return 97 - int(digits) % 97


def parse(text: str) -> str:
    """The NIR as its 15 characters, spaces removed; ValueError (saying what is wrong, not the number)."""
    compact = _SEPARATORS.sub("", text).upper()
    if len(compact) != 15:
        raise ValueError(f"a NIR has 15 characters (13 and a 2-digit key), this one has {len(compact)}")
    if not _SHAPE.fullmatch(compact):
        raise ValueError("a NIR is made of digits (only the département may be 2A or 2B)")
    if int(compact[13:]) != key(compact[:13]):
        raise ValueError("the key (the last two digits) does not match the 13 digits before it: "
                         "check the number on your carte Vitale")
    return compact
