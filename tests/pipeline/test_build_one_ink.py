"""Black on one ink in a build (issue 22, item 4): the print files (booklet, letters, mini-zine) set
their black text and rules as DeviceGray, a red rule and red words keep their colour, preflight
finds nothing left; the reading edition, drawn so too (render/grayblack.py), holds no RGB black.
One small zine, built once for the module."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from builder.build import Options
from builder.imposition.engine import black
from builder.model import Report
from builder.preflight.ink import RGB_BLACK
from PIL import Image, ImageChops

from conftest import ROOT, build_in

MANIFEST = '''title = "Encre"
author = "Collectif"
lang = "fr"
date = 2026-11-28
edition = "Essai"
parts = ["texte.md", "letters/lettre.md"]
minizine = "poche.md"
'''
RED = '<p class="rouge">Des mots en rouge.</p>\n\n<hr class="rouge">\n'
PARTS = {
    "texte.md": f"---\ntitle: Texte\n---\n\nDu texte en noir.\n\n---\n\n{RED}",
    "letters/lettre.md": "---\ntitle: Lettre\nkind: letter\n---\n\n[[nom]]\n\n> Caisse\n\n> À [[lieu]], le [[date]]\n\n"
                         "Madame, Monsieur,\n\n- [ ] une case\n\n> [[signature]]\n",
    "poche.md": f"---\ntitle: Poche\n---\n\n## Un\n\nNoir.\n\n{RED}\n## Deux\n\nNoir.\n",
}
STYLE = "\n.rouge { color: #c00; }\nhr.rouge { border: 0; border-top: 2pt solid #c00; }\n"
RED_RGB = (0.8, 0.0, 0.0)
"""#c00 as WeasyPrint writes it."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("ink")
    (folder / "content/letters").mkdir(parents=True)
    (folder / "content/zine.toml").write_text(MANIFEST, encoding="utf-8")
    for name, text in PARTS.items():
        (folder / "content" / name).write_text(text, encoding="utf-8")
    (folder / "templates").mkdir()  # the project's shared.css over the shipped one
    shutil.copy(ROOT / "templates/shared.css", folder / "templates/shared.css")
    with (folder / "templates/shared.css").open("a", encoding="utf-8") as css:
        css.write(STYLE)
    return build_in(folder, options=Options(previews=False, fillable=True))


def _output(report: Report, kind: str) -> Path:
    return next(output.path for output in report.outputs if output.path.name.endswith(f"-{kind}.pdf"))


def _colours(path: Path) -> list[tuple[str, tuple[float, ...]]]:
    """Every colour operator of every stream the pages draw (forms within forms included)."""
    with pikepdf.open(path) as document:
        return [(operator, operands) for page in document.pages for operator, operands in _walk(page.obj, set())]


def _walk(owner: pikepdf.Object, seen: set[tuple[int, int]]) -> Iterator[tuple[str, tuple[float, ...]]]:
    if isinstance(owner, pikepdf.Stream):
        if owner.objgen in seen:
            return
        seen.add(owner.objgen)
    for instruction in pikepdf.parse_content_stream(owner):
        if str(instruction.operator) in ("g", "G", "rg", "RG", "k", "K", "sc", "SC", "scn", "SCN", "cs", "CS"):
            yield str(instruction.operator), tuple(map(_number, instruction.operands))
    xobjects = owner.get("/Resources", {}).get("/XObject", {})
    for form in xobjects.values():
        if form.get("/Subtype") == "/Form":
            yield from _walk(form, seen)


def _number(operand: object) -> float:
    """A number operand as a float; NaN (equal to nothing) for a name."""
    try:
        return float(operand)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")


@pytest.mark.parametrize("kind", ["booklet", "letters", "letters-fillable", "minizine"])
def test_print_files_set_black_in_gray(built: Report, kind: str) -> None:
    colours = _colours(_output(built, kind))
    assert ("g", (0.0,)) in colours
    assert not [found for found in colours if found[0] in ("rg", "RG") and found[1] == (0, 0, 0)]
    with pikepdf.open(_output(built, kind)) as document:
        assert black.black_pages(document) == ()


@pytest.mark.parametrize("kind", ["booklet", "minizine", "reading"])
def test_a_red_rule_and_red_words_keep_their_colour(built: Report, kind: str) -> None:
    assert ("rg", RED_RGB) in _colours(_output(built, kind))
    assert sum(_red(page.render(scale=1).to_pil()) for page in pdfium.PdfDocument(_output(built, kind))) > 50


def _red(image: Image.Image) -> int:
    """How many pixels are plainly red."""
    red, green, blue = image.convert("RGB").split()
    masks = [red.point(lambda v: 255 * (v > 150)), green.point(lambda v: 255 * (v < 60)),
             blue.point(lambda v: 255 * (v < 60))]
    return ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2]).histogram()[255]


def test_preflight_finds_no_rgb_black_in_the_outputs(built: Report) -> None:
    assert not [finding for finding in built.findings if finding.message.startswith(RGB_BLACK)]


def test_the_reading_edition_sets_its_black_in_gray_too(built: Report) -> None:
    """Drawn so (render/grayblack.py: test_grayblack shows a page's pixels are those of RGB black)."""
    colours = _colours(_output(built, "reading"))
    assert ("g", (0.0,)) in colours and ("rg", (0.0, 0.0, 0.0)) not in colours
