"""`zine impose`: any PDF in, imposed sheets out, through the engine that imposes the booklet."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from builder import files
from builder.errors import BuildError, pages, plural
from builder.imposition import Imposition, family
from builder.imposition.engine import objects, pdf
from builder.imposition.layout import Layout, Options
from builder.imposition.layouts import LAYOUTS, default, saddle, testsheet
from builder.model import Pdf
from builder.paper import METADATA_KEY, Size
from builder.typography.languages import LANGUAGES, test_sheets
from builder.typography.words import words

IMPOSING = Options(scaling="down")
"""`zine impose`'s options unless the user says otherwise: pages larger than their place scaled down."""
SMALL = 10.0
"""Millimetres: pages smaller than this each way are a speck at 100 % (icons, stray test files)."""


@dataclass(frozen=True)
class Imposed:
    """What `zine impose` wrote, for the summary."""

    layout: str
    plan: Imposition
    outputs: tuple[Pdf, ...]
    source: Pdf | None
    """The PDF imposed; None for the test sheet."""
    notes: tuple[str, ...] = ()
    """What the reading of the source says (damage repaired, pages turned, annotations left out)."""
    feed: str | None = None
    """With --fronts-backs, which sheet of the stack the tray takes first (imposition.FEEDS)."""
    warnings: tuple[str, ...] = ()
    """What may print otherwise than the user expects: pages fitted into the others' place, a static XFA form."""
    paper: str = ""
    """The summary's line on the sheet chosen from the pages' paper (family.sheet), when not given."""
    back_cover: bool = False
    """Whether blanks made the last page of a document with no back cover (not a zine of ours) the back cover."""
    reads_rtl: bool = False
    """Whether it is bound on the right because the PDF says it reads right to left (engine.objects.right_to_left)."""


def impose(path: Path, target: Path, *, layout: str | None, sheet: Size | None, fronts_backs: str | None = None,
           options: Options = IMPOSING, given: Collection[str] = (), same_size: bool = False) -> Imposed:
    """Impose the PDF at `path` into `target` (or its -fronts and -backs files, the backs in the
    order a tray feeding `fronts_backs` needs) on `sheet` (None: its pages' paper family's,
    family.sheet) with `options`, of which the user `given` some (by their names in
    layout.Options: `blanks`, `flip`, `creep`, `marks`, `scaling`…). Without a `layout`,
    landscape pages are bound on their top edge; pages unlike most in size are fitted into their
    place unless `same_size` (engine.mixed). BuildError for an option given that the layout does
    not take, or a file it cannot impose."""
    if target.resolve() == path.resolve():
        raise BuildError(str(target), "is the input file: choose another output name")
    chosen = _applies(LAYOUTS[layout], given) if layout is not None else None  # before reading the file
    source = pdf.open_source(path, scaling=None if same_size else options.scaling)
    chosen = chosen or _applies(default(source.size), given)
    sheet, paper = (sheet, "") if sheet is not None else family.sheet(source.size)
    reads_rtl = "direction" not in given and "direction" in chosen.options and objects.right_to_left(source.reader)
    plan = chosen.impose(source.pages, source.size, sheet, replace(options, direction="rtl") if reads_rtl else options)
    record = {family.SHEET_KEY: family.sheet_record(plan.sheet)}  # what a standalone `zine check` expects of it
    if fronts_backs is None:
        written = {target: pdf.write(source, plan, record=record)}
    elif not plan.duplex:
        raise BuildError(None, f"--fronts-backs: a {chosen.name} sheet is printed on one side only")
    else:
        fronts, backs = plan.fronts_backs(fronts_backs)
        written = {_beside(target, "fronts"): pdf.write(source, plan, fronts, record=record),
                   _beside(target, "backs"): pdf.write(source, plan, backs, record=record)}
    counts = (len(plan.sides),) if fronts_backs is None else (len(plan.sheets),) * 2
    _save(written)
    outputs = tuple(Pdf(p, "side", n, plan.sheet) for p, n in zip(written, counts, strict=True))
    back_cover = "blanks" not in given and METADATA_KEY not in (source.reader.metadata or {})
    return Imposed(chosen.name, plan, outputs, Pdf(path, "page", source.pages, source.size), source.notes,
                   fronts_backs, source.warnings, paper, back_cover, reads_rtl)


def test_sheet(target: Path, *, sheet: Size, layout: str | None = None, lang: str = "en") -> Imposed:
    """Write the one-sheet duplex test of `layout` (the saddle booklet's by default) to `target`,
    in `lang` (one with test-sheet words: typography.languages.test_sheets); BuildError for a
    layout printed on one side only."""
    plan = testsheet.layout(sheet, LAYOUTS[layout] if layout else saddle.LAYOUT, words(lang))
    _save({target: test_sheet_pdf(plan, lang)})
    return Imposed("test sheet", plan, (Pdf(target, "side", len(plan.sides), plan.sheet),), None)


def test_sheet_pdf(plan: Imposition, lang: str) -> bytes:
    """The test sheet of `plan` (testsheet.layout) as a PDF, in `lang`: what `test_sheet` writes,
    and what `zine serve`'s print panel offers (issue 23)."""
    return pdf.write(None, plan, title=test_sheets()[lang].title, lang=lang)


def _applies(layout: Layout, given: Collection[str]) -> Layout:
    """`layout`, if it takes every option given; BuildError naming the first it does not."""
    refused = sorted(set(given) - layout.options)
    if refused:
        raise BuildError(None, f"--{refused[0].replace('_', '-')} does not apply to --layout {layout.name}")
    return layout


def describe(imposed: Imposed, lang: str = "en") -> list[str]:
    """The summary, in English: what was written, where blanks went, and how to print; the copier's
    own words for the duplex setting in `lang` too, unless it is English (issue 22)."""
    plan = imposed.plan
    lines = [f"wrote {out.path}: {plural(out.pages, out.unit)} of {out.size}" for out in imposed.outputs]
    if imposed.source is None:
        turn = "like a calendar page, about its top edge" if plan.binding == "top" else "like a book page"
        return lines + [imposed.paper] * bool(imposed.paper) + [
            f"copy it once recto-verso, flip on the {_edge(plan, lang)}, turn it over {turn}, and read the back"]
    source = imposed.source
    lines.append(f"imposed {source.path}: {plural(source.pages, source.unit)} of {source.size}, {imposed.layout} layout"
                 + (", bound on the top edge (the pages are landscape)" * (plan.binding == "top"))
                 + (", bound on the right" * (plan.direction == "rtl"))
                 + (" (the PDF reads right to left: --direction ltr binds it on the left)" * imposed.reads_rtl))
    lines += [imposed.paper] if imposed.paper else []
    lines += [f"note: {note}" for note in imposed.notes] + [f"warning: {line}" for line in imposed.warnings]
    lines += _scale(plan, source.size)
    sections = f" in {plan.sections} sections" if plan.sections > 1 else ""
    lines.append(f"{plural(len(plan.sheets), 'sheet')} of paper per copy{sections}")
    return lines + _blanks(imposed) + [_printing(imposed, lang)]


def _blanks(imposed: Imposed) -> list[str]:
    """Where the blanks went; and, when they made an ordinary document's last page its back cover,
    the option that keeps it inside."""
    plan, pages_in = imposed.plan, imposed.source.pages if imposed.source else 0
    if not plan.blanks:
        return ["no blank pages added"]
    where = "at the end" if plan.blanks[-1] == plan.positions else "before the back cover"
    lines = [f"{plural(len(plan.blanks), 'blank page')} added {where} ({pages(plan.blanks)})"]
    if where != "at the end" and imposed.back_cover:
        lines.append(f"note: page {pages_in}, the document's last, is now the back cover, after the blanks: "
                     "--blanks end keeps it inside, before them")
    return lines


def _printing(imposed: Imposed, lang: str) -> str:
    """How to print: one-sided, recto-verso with the flip edge (and the copier's words in `lang`), or by hand."""
    plan, edge = imposed.plan, _edge(imposed.plan, lang)
    if not plan.duplex:
        return "print one-sided at 100 %"
    if imposed.feed is not None:
        fronts, backs = (out.path.name for out in imposed.outputs)
        first, other = ("last", "bottom") if imposed.feed == "top" else ("first", "top")
        return (f"print {fronts} at 100 %; put the printed stack back in the tray as it came out, turned "
                f"over on its {edge}, and print {backs}: it starts with the {first} sheet's back, "
                f"for a tray that feeds the {imposed.feed} sheet of the stack first "
                f"(one that feeds the {other} sheet first: --fronts-backs {other})")
    return f"print recto-verso at 100 %, flip on the {edge}"


def _edge(plan: Imposition, lang: str) -> str:
    """The duplex edge, "short edge", with the copier's own words for it in `lang` unless it is
    English: "short edge (« retourner sur le bord court »)" (issue 22)."""
    setting = words(lang).flip_long if plan.flip == "long" else words(lang).flip_short
    marks = LANGUAGES[lang].MARKS
    return f"{plan.flip} edge" + (f" ({marks.open_double} {setting} {marks.close_double})" * (lang != "en"))


def _scale(plan: Imposition, size: Size) -> list[str]:
    """What scaling did to the pages, from their size to the size they print at (not their place's),
    in the words of type: 10 pt text prints at 7.1 pt."""
    if plan.scale != 1:
        return [f"pages scaled {'down' if plan.scale < 1 else 'up'} to {plan.scale * 100:.3g} %, from {size} to "
                f"{plan.page.width:.4g} × {plan.page.height:.4g} mm, to fit their place: 10 pt text prints at "
                f"{10 * plan.scale:.1f} pt"]
    if max(size.width, size.height) < SMALL:
        return [f"warning: pages of {size} are very small: at 100 % each is a speck on the sheet "
                "(--scale-up enlarges them to fill their place)"]
    return []


def _beside(target: Path, part: str) -> Path:
    return target.with_name(f"{target.stem}-{part}{target.suffix or '.pdf'}")


def _save(written: Mapping[Path, bytes]) -> None:
    """Replace each target at once, so that a failure leaves the old files as they were."""
    for folder in {path.parent for path in written}:
        with files.staging(folder) as stage:
            for path, data in written.items():
                if path.parent == folder:
                    (stage / path.name).write_bytes(data)
