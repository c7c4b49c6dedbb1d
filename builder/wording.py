"""How counts and page numbers read in messages: "1 page", "2 pages", "pages 1–3, 7".

Every count the terminal or a finding shows goes through `plural` (never "1 sheets").
"""

from __future__ import annotations

from collections.abc import Iterable


def plural(count: int, noun: str) -> str:
    """1 page, 2 pages (English nouns that take an s)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def pages(numbers: Iterable[int], noun: str = "page") -> str:
    """pages 1–3, 7: page numbers as runs; "page 4" alone."""
    ordered = sorted(set(numbers))
    runs: list[list[int]] = []
    for number in ordered:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    shown = ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)
    return f"{noun}{'s' if len(ordered) > 1 else ''} {shown}"
