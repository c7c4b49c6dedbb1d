"""`zine impose`: any PDF in, imposed sheets out, through the engine that imposes the booklet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder import files, pdf
from builder.errors import BuildError
from builder.imposition import Imposition, registry, testsheet
from builder.model import Pdf
from builder.paper import Size
from builder.wording import pages, plural


@dataclass(frozen=True)
class Imposed:
    """What `zine impose` wrote, for the summary."""

    layout: str
    plan: Imposition
    outputs: tuple[Pdf, ...]
    source: Pdf | None
    """The PDF imposed; None for the test sheet."""
    repairs: tuple[str, ...] = ()
    """Damage in the source that was repaired while reading it."""


def impose(path: Path, target: Path, *, layout: str, sheet: Size, fronts_backs: bool = False,
           options: Mapping[str, Any]) -> Imposed:
    """Impose the PDF at `path` into `target` (or its -fronts and -backs files); `options` are the
    layout's keyword options the user gave (`blanks`, `flip`, `creep`, `marks`…)."""
    refused = sorted(set(options) - registry.options(layout))
    if refused:
        raise BuildError(None, f"--{refused[0].replace('_', '-')} does not apply to --layout {layout}")
    if target.resolve() == path.resolve():
        raise BuildError(str(target), "is the input file: choose another output name")
    source = pdf.open_source(path)
    plan = registry.LAYOUTS[layout](source.pages, source.size, sheet, **options)
    if not fronts_backs:
        written = {target: pdf.write(source, plan)}
    elif not plan.duplex:
        raise BuildError(None, f"--fronts-backs: a {layout} sheet is printed on one side only")
    else:
        fronts, backs = plan.fronts_backs()
        written = {_beside(target, "fronts"): pdf.write(source, plan, fronts),
                   _beside(target, "backs"): pdf.write(source, plan, backs)}
    counts = (len(plan.sides),) if not fronts_backs else (len(plan.sheets),) * 2
    _save(written)
    return Imposed(layout, plan, tuple(Pdf(p, "side", n, plan.sheet) for p, n in zip(written, counts)),
                   Pdf(path, "page", source.pages, source.size), source.repairs)


def test_sheet(target: Path, *, sheet: Size) -> Imposed:
    """Write the one-sheet duplex test to `target`."""
    plan = testsheet.layout(sheet)
    _save({target: pdf.write(None, plan)})
    return Imposed("test sheet", plan, (Pdf(target, "side", len(plan.sides), plan.sheet),), None)


def describe(imposed: Imposed) -> list[str]:
    """The summary: what was written, where blanks went, and how to print."""
    plan = imposed.plan
    lines = [f"wrote {out.path}: {plural(out.pages, out.unit)} of {out.size}" for out in imposed.outputs]
    if imposed.source is None:
        return lines + ["copy it once recto-verso, turn it over like a book page, and read the back"]
    source = imposed.source
    lines.append(f"imposed {source.path}: {plural(source.pages, source.unit)} of {source.size}, {imposed.layout} layout")
    lines += [f"note: the PDF was damaged and read anyway ({repair})" for repair in imposed.repairs[:1]]
    sections = f" in {plan.sections} sections" if plan.sections > 1 else ""
    lines.append(f"{plural(len(plan.sheets), 'sheet')} of paper per copy{sections}")
    if plan.blanks:
        where = "at the end" if plan.blanks[-1] == plan.positions else "before the back cover"
        lines.append(f"{plural(len(plan.blanks), 'blank page')} added {where} ({pages(plan.blanks)})")
    else:
        lines.append("no blank pages added")
    edge = f"{plan.flip} edge (« bord {'long' if plan.flip == 'long' else 'court'} »)"
    if not plan.duplex:
        lines.append("print one-sided at 100 %")
    elif len(imposed.outputs) == 2:
        fronts, backs = (out.path.name for out in imposed.outputs)
        lines.append(f"print {fronts} at 100 %; put the stack back in the tray as it came out, turned over on "
                     f"its {plan.flip} edge, and print {backs} (it starts with the last sheet's back)")
    else:
        lines.append(f"print recto-verso at 100 %, flip on the {edge}")
    return lines


def _beside(target: Path, part: str) -> Path:
    return target.with_name(f"{target.stem}-{part}{target.suffix or '.pdf'}")


def _save(written: Mapping[Path, bytes]) -> None:
    """Replace each target at once, so that a failure leaves the old files as they were."""
    for folder in {path.parent for path in written}:
        with files.staging(folder) as stage:
            for path, data in written.items():
                if path.parent == folder:
                    (stage / path.name).write_bytes(data)
