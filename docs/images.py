"""`make docs-images`: the pictures of the documentation (docs/images/), made with the tool itself.

Builds the shipped zine and a new A6 zine (`zine new --format A6`) in a temporary folder, makes a
test sheet (`zine impose --test-sheet`), and copies into docs/images/ the contact sheets and
previews the builds write (output/<slug>-contact.png, output/preview/*.png), with a page of the
letters, of the mini-zine and both sides of the test sheet rendered to PNG with pypdfium2.
Run it again when the templates or the imposition change, and commit what changed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
ZINE = [sys.executable, "-m", "builder"]
WIDTH = 900
"""The widest a rendered page is, in pixels: enough to read, small enough to commit."""


def zine(*arguments: str, cwd: Path) -> None:
    subprocess.run([*ZINE, *arguments], cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def render(pdf: Path, index: int, target: Path) -> None:
    """Page `index` of `pdf` as a PNG at most WIDTH pixels wide."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        page.render(scale=WIDTH / page.get_width()).to_pil().save(target, optimize=True)
    finally:
        document.close()


def copy(source: Path, name: str) -> None:
    shutil.copyfile(source, IMAGES / name)
    print(f"docs/images/{name}")


def shipped(work: Path) -> None:
    """The shipped zine (A5): its contact sheet, its cover, a booklet sheet, a letter, the mini-zine."""
    output = work / "shipped"
    zine("build", "--output", str(output), cwd=ROOT)
    copy(output / "mon-espace-sante-contact.png", "a5-contact.png")
    for name in ("reading-01.png", "booklet-sheet-01-recto.png", "booklet-sheet-01-verso.png"):
        copy(output / "preview" / name, f"a5-{name}")
    render(output / "mon-espace-sante-letters.pdf", 0, IMAGES / "a5-letter.png")
    render(output / "mon-espace-sante-minizine.pdf", 0, IMAGES / "a5-minizine.png")
    print("docs/images/a5-letter.png\ndocs/images/a5-minizine.png")


def a6(work: Path) -> None:
    """A new A6 zine, as `zine new` makes it: two copies on each side of an A4 sheet."""
    project = work / "a6"
    zine("new", str(project), "--lang", "en", "--format", "A6", "--title", "An A6 zine", cwd=work)
    zine("build", cwd=project)
    copy(next((project / "output").glob("*-contact.png")), "a6-contact.png")


def test_sheet(work: Path) -> None:
    """The sheet that says, on its back, whether the copier flips on the right edge."""
    sheet = work / "test-sheet.pdf"
    zine("impose", "--test-sheet", "-o", str(sheet), "--lang", "en", cwd=work)
    for index, side in enumerate(("front", "back")):
        render(sheet, index, IMAGES / f"test-sheet-{side}.png")
        print(f"docs/images/test-sheet-{side}.png")


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shipped(work)
        a6(work)
        test_sheet(work)


if __name__ == "__main__":
    main()
