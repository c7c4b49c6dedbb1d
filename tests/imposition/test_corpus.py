"""`zine impose` and `zine check` on the real-world PDFs of ../shared/corpus/ (its README says what
users expect of each): every file is imposed or refused in one line, never a traceback or a hang;
what is imposed keeps every word and every mark of its source. One pass over the corpus, shared
by the tests of this module; skipped, with its reason, where the corpus is not beside the clone.
"""

from __future__ import annotations

import signal
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from builder import preflight
from builder.errors import ENCRYPTED, BuildError
from builder.imposition.anypdf import Imposed, describe, impose
from builder.paper import A4, MM
from PIL import Image, ImageFilter

from conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
"""Read-only, beside the clone (on CI too); never copied into the project."""
REFUSED = {
    # a user password: no viewer opens it without one (qpdf would, with the empty owner password)
    "pypdf__resources_encryption_r6-user-password.pdf": ENCRYPTED,
    "sample-files__005-libreoffice-writer-password_libreoffice-writer-password.pdf": ENCRYPTED,
    # its page tree has no /Kids: neither pdfium nor qpdf finds a page in it
    "sample-files__017-unreadable-meta-data_unreadablemetadata.pdf": "not a readable PDF (",
}
"""The files still refused with the default options, and the words of the refusal."""
HANG = 60
"""Seconds one file may take before it counts as a hang (the longest takes well under 2 s)."""
PX = 0.5
"""Pixels per point of the sheets rendered to compare marks: about 4 px a millimetre… halved."""


@dataclass(frozen=True)
class Outcome:
    """What `zine impose` made of one corpus file with default options."""

    path: Path
    imposed: Imposed | None
    refusal: str | None
    summary: tuple[str, ...] = ()


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}: the real-world PDFs live in shared/corpus/ beside the clone")
    folder = tmp_path_factory.mktemp("corpus")
    found: dict[str, Outcome] = {}
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for path in sorted(CORPUS.glob("*.pdf")):
            signal.alarm(HANG)
            try:
                imposed = impose(path, folder / path.name, layout=None, sheet=A4)
                found[path.name] = Outcome(path, imposed, None, tuple(describe(imposed)))
            except BuildError as error:  # what the command prints, and exits 1 on
                found[path.name] = Outcome(path, None, "\n".join(error.lines()))
            except Hang:
                pytest.fail(f"{path.name}: still imposing after {HANG} s")
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return found


def _opens(path: Path) -> bool:
    try:
        pdfium.PdfDocument(path).close()
    except pdfium.PdfiumError:
        return False
    return True


def test_every_file_is_imposed_or_refused_in_one_line(outcomes: dict[str, Outcome]) -> None:
    assert len(outcomes) == len(list(CORPUS.glob("*.pdf"))) >= 59
    for name, outcome in outcomes.items():
        if outcome.refusal is not None:
            assert outcome.refusal.count("\n") == 0 and outcome.refusal.startswith(str(outcome.path)), name
        else:
            assert outcome.imposed is not None and outcome.imposed.outputs[0].path.is_file(), name


def test_what_a_viewer_opens_is_imposed(outcomes: dict[str, Outcome]) -> None:
    refused = {name: outcome.refusal for name, outcome in outcomes.items() if outcome.refusal is not None}
    assert sorted(refused) == sorted(REFUSED), refused
    for name, words in REFUSED.items():
        assert f"{CORPUS / name}: {words}" in str(refused[name])
    opened = [name for name in outcomes if _opens(CORPUS / name)]
    imposed = [name for name in opened if outcomes[name].imposed is not None]
    print(f"\ncorpus: pdfium opens {len(opened)} of {len(outcomes)} files; {len(imposed)} of them imposed")
    assert len(imposed) >= 0.9 * len(opened)


def test_the_summary_says_what_was_done_to_the_pages(outcomes: dict[str, Outcome]) -> None:
    def summary(name: str) -> str:
        return "\n".join(outcomes[name].summary)

    assert "topbound layout" in summary("pypdf__resources_AutoCad_Diagram.pdf")
    assert "pages scaled down to 70.6 %" in summary("sample-files__011-google-doc-document_google-doc-document.pdf")
    assert "note: pages 1, 3 turned a quarter turn" in summary("sample-files__015-arabic_habibi-rotated.pdf")
    assert "note: the PDF was damaged" not in summary("sample-files__004-pdflatex-4-pages_pdflatex-4-pages.pdf")
    tiny = [name for name, outcome in outcomes.items() if outcome.imposed and outcome.imposed.source
            and max(outcome.imposed.source.size.width, outcome.imposed.source.size.height) < 10]
    assert len(tiny) == 4 and all("mm are very small: at 100 % each is a speck" in summary(name) for name in tiny)


def test_check_and_impose_agree_on_what_they_cannot_read(outcomes: dict[str, Outcome]) -> None:
    for name, outcome in outcomes.items():
        if outcome.refusal is None:
            assert _opens(outcome.path), f"{name}: imposed, but zine check cannot open it"
        else:
            errors = [f.message for f in preflight.check([outcome.path], pixels=False) if f.severity == "error"]
            assert errors and errors[0].split(" (")[0] in outcome.refusal, (name, errors, outcome.refusal)


def _letters(path: Path) -> Counter[str]:
    """Every character of the text, spaces aside: where a reader puts spaces depends on the scale."""
    document = pdfium.PdfDocument(path)
    try:
        return Counter(char for page in document for char in page.get_textpage().get_text_bounded()
                       if not char.isspace())
    finally:
        document.close()


def test_imposed_outputs_keep_every_word(outcomes: dict[str, Outcome]) -> None:
    for name, outcome in outcomes.items():
        if outcome.imposed is not None:
            source = _letters(outcome.path)
            lost = source - _letters(outcome.imposed.outputs[0].path)
            assert not lost, f"{name}: lost {sum(lost.values())} of {sum(source.values())} characters: {lost}"


def _pages(path: Path, scale: float) -> Iterator[Image.Image]:
    document = pdfium.PdfDocument(path)
    try:
        for page in document:
            # the page content as a viewer shows it, without the annotations it draws its own way
            yield page.render(scale=scale, draw_annots=False).to_pil().convert("L")
    finally:
        document.close()


def test_imposed_outputs_keep_every_mark(outcomes: dict[str, Outcome]) -> None:
    """Each page's dark pixels are dark on the sheet too, where the plan puts it (images, drawings)."""
    kept: dict[str, float] = {}
    for name, outcome in outcomes.items():
        if outcome.imposed is None or outcome.imposed.source is None:
            continue
        plan = outcome.imposed.plan
        sources = list(_pages(outcome.path, PX * plan.scale))
        sides = list(_pages(outcome.imposed.outputs[0].path, PX))
        ratios = []
        for side, image in zip(plan.sides, sides):
            # dark spreads by 2 px: a pixel's worth of rounding between the two renderings is no loss
            darker = image.filter(ImageFilter.MinFilter(5))
            for slot in side.slots:
                if slot.page is None:
                    continue
                source = sources[slot.page]
                if source.width > source.height + 2 and plan.page.width < plan.page.height:
                    source = source.rotate(90, expand=True)  # a landscape page turned to fit
                source = source.rotate(slot.rotation, expand=True)
                left = round(slot.x * MM * PX)
                top = round((plan.sheet.height - slot.y) * MM * PX) - source.height
                place = darker.crop((left, top, left + source.width, top + source.height))
                ink = [(s, p) for s, p in zip(source.tobytes(), place.tobytes()) if s < 128]
                if len(ink) >= 20:
                    ratios.append(sum(p < 160 for s, p in ink) / len(ink))
        kept[name] = min(ratios, default=1.0)
    assert len(kept) == len(outcomes) - len(REFUSED)
    worst = sorted(kept.items(), key=lambda item: item[1])[:3]
    print(f"\ncorpus: dark pixels kept, worst pages: {worst}; median {statistics.median(kept.values()):.3f}")
    assert all(ratio >= 0.97 for ratio in kept.values()), worst
