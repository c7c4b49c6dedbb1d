"""A thick zine made on the spot (issue 26): many parts of varied text, about 7 A5 pages each.

Usage: python bench/big_zine.py PARTS FOLDER   (writes FOLDER/content/, a project of PARTS parts)

Each part has paragraphs of the shipped article's prose (real words, real hyphenation), a list,
a table, footnotes and, every few parts, one of two pictures drawn with Pillow: what a reader
of texts or a year of a newsletter holds. Nothing here is committed but this script.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = """title = "A thick reader"
lang = "fr"
date = 2026-01-01
edition = "Banc d’essai"
parts = [
{parts}
]
"""
PARAGRAPHS_PER_PART = 28
EDITED = "Kesako"
"""A word of the first part that the warm rebuild edits (bench/big_section.py)."""


def write(folder: Path, count: int) -> Path:
    """The project folder `folder` with `count` parts under content/; returns `folder`."""
    content = folder / "content"
    (content / "images").mkdir(parents=True, exist_ok=True)
    _pictures(content / "images")
    paragraphs = _paragraphs()
    names = [f"part-{number:03d}.md" for number in range(1, count + 1)]
    for number, name in enumerate(names, start=1):
        (content / name).write_text(_part(number, paragraphs), encoding="utf-8")
    parts = "\n".join(f'  "{name}",' for name in names)
    (content / "zine.toml").write_text(MANIFEST.format(parts=parts), encoding="utf-8")
    return folder


def _paragraphs() -> list[str]:
    """The shipped article's long paragraphs, its HTML blocks left out."""
    text = (ROOT / "content" / "article.md").read_text(encoding="utf-8").split("---", 2)[2]
    return [p.strip() for p in text.split("\n\n") if len(p) > 200 and not re.match(r"\s*<", p)]


def _part(number: int, paragraphs: list[str]) -> str:
    chosen = [paragraphs[(number + i) % len(paragraphs)] for i in range(PARAGRAPHS_PER_PART)]
    first = f"{EDITED} ? Partie {number}. " + chosen[0] if number == 1 else chosen[0]
    half = PARAGRAPHS_PER_PART // 2
    picture = ""
    if number % 4 == 1:
        name = "bandes.png" if number % 8 == 1 else "plan.png"
        picture = f'![Une image de la partie {number}](images/{name} "Image de la partie {number}"){{width=70%}}\n\n'
    return (f"---\ntitle: Partie {number} du recueil\n---\n\n{first}[^a{number}]\n\n"
            + "\n\n".join(chosen[1:half]) + "\n\n"
            + "Ce qu’il faut retenir :\n\n- la collecte des données ;\n- la santé numérique ;\n"
              "- les guichets et les employés.\n\n"
            + picture
            + "| Année | Mesure | Coût |\n|---|---|---|\n| 2022 | Espace santé | 2 milliards |\n"
              f"| 2023 | Portefeuille | {number} millions |\n| 2024 | Carte d’identité | inconnu |\n\n"
            + "\n\n".join(chosen[half:]) + f"[^b{number}]\n\n"
            + f"[^a{number}]: Première note de la partie {number}.\n"
            + f"[^b{number}]: Seconde note de la partie {number}, un peu plus longue que la première.\n")


def _pictures(folder: Path) -> None:
    bands = Image.new("RGB", (1200, 500), "white")
    draw = ImageDraw.Draw(bands)
    for i in range(12):
        draw.rectangle([i * 100, 0, i * 100 + 99, 499], fill=(20 * i, 255 - 20 * i, 120))
    bands.save(folder / "bandes.png")
    plan = Image.new("L", (900, 600), 255)
    draw = ImageDraw.Draw(plan)
    for i in range(0, 900, 60):
        draw.line([i, 0, 900 - i, 599], fill=0, width=3)
    plan.save(folder / "plan.png")


if __name__ == "__main__":
    write(Path(sys.argv[2]), int(sys.argv[1]))
