"""The plan of a build, made without a worker process: its documents, outputs, checks and sizes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from builder import content
from builder.errors import BuildError
from builder.kinds import Kind
from builder.paper import A4, A5, ZINE_FORMATS
from builder.plan import Plan
from builder.project import Project, reading_preview, side_preview
from builder.render import templating
from builder.render.documents import documents

from conftest import ROOT, SAMPLE


def _plan(project: Project, *, fillable: bool = False, previews: bool = True, keep_html: bool = False,
          format: str | None = None) -> Plan:
    zine = content.load(project)
    if format is not None:
        zine = dataclasses.replace(zine, format=ZINE_FORMATS[format])
    env = templating.environment(project)
    return Plan.of(project, zine, documents(env, zine, fillable=fillable), previews=previews, keep_html=keep_html)


@pytest.fixture(scope="module")
def sample() -> Plan:
    return _plan(Project.at(SAMPLE, templates=ROOT / "templates"))


def test_the_sample_is_a_reading_edition_and_its_booklet(sample: Plan) -> None:
    """No letters, no mini-zine: one document, two outputs, in the order of the summary."""
    assert list(sample.documents) == [Kind.READING]
    assert list(sample.outputs) == [Kind.READING, Kind.BOOKLET]
    assert sample.slug == "zine-d-essai" and str(sample.date) == "2026-01-15"
    assert sample.path(Kind.BOOKLET) == SAMPLE / "output/zine-d-essai-booklet.pdf"
    assert sample.path(Kind.READING, Path("/stage")) == Path("/stage/zine-d-essai-reading.pdf")


def test_the_booklet_is_imposed_from_the_reading_edition_and_checked_without_pixels(sample: Plan) -> None:
    """Its pages were checked already as the reading edition: only fonts, text and sizes again."""
    reading, booklet = sample.outputs[Kind.READING], sample.outputs[Kind.BOOKLET]
    assert (reading.source, reading.imposed, reading.pixels) == (Kind.READING, False, True)
    assert (booklet.source, booklet.imposed, booklet.pixels) == (Kind.READING, True, False)
    assert booklet.where == "output/zine-d-essai-reading.pdf", "an unreadable source is named as messages show it"


def test_the_expected_sizes_come_from_the_format(sample: Plan) -> None:
    assert sample.outputs[Kind.READING].expect.size == A5
    assert sample.outputs[Kind.BOOKLET].expect.size == A4.landscape and sample.outputs[Kind.BOOKLET].expect.even
    a6 = _plan(Project.at(SAMPLE, templates=ROOT / "templates"), format="A6")
    assert a6.outputs[Kind.READING].expect.size == ZINE_FORMATS["A6"].page
    assert a6.outputs[Kind.BOOKLET].expect.label == "A4 portrait booklet sheets"


def test_a_page_of_another_size_stops_the_build_naming_the_templates(sample: Plan) -> None:
    sample.require_size(Kind.READING, A5)
    with pytest.raises(BuildError) as raised:
        sample.require_size(Kind.READING, A4)
    assert raised.value.where == "templates"
    assert "the reading document's pages are 210 × 297 mm, not 148 × 210 mm (A5 reading pages)" in raised.value.message


def test_the_previews_and_extras_follow_the_options(sample: Plan) -> None:
    assert [(p.source, p.naming, p.contact) for p in sample.previews] == [
        (Kind.READING, reading_preview, False), (Kind.BOOKLET, side_preview, True)]
    assert sample.extras == (SAMPLE / "output/preview", SAMPLE / "output/zine-d-essai-contact.png")
    bare = _plan(Project.at(SAMPLE, templates=ROOT / "templates"), previews=False, keep_html=True)
    assert bare.previews == () and bare.extras == (SAMPLE / "output/html",)


def test_every_kind_of_the_shipped_zine() -> None:
    """Letters, their fillable copy and the mini-zine: the fillable letters are held to the letters'
    expectation; the mini-zine's pages are imposed, and their pixels checked on the sheet."""
    plan = _plan(Project.at(ROOT), fillable=True)
    assert list(plan.documents) == [Kind.READING, Kind.LETTERS, Kind.LETTERS_FILLABLE, Kind.MINIZINE]
    assert list(plan.outputs) == [Kind.READING, Kind.BOOKLET, Kind.LETTERS, Kind.LETTERS_FILLABLE, Kind.MINIZINE]
    assert plan.outputs[Kind.LETTERS_FILLABLE].expect == plan.outputs[Kind.LETTERS].expect
    assert plan.documents[Kind.LETTERS_FILLABLE].forms and not plan.documents[Kind.LETTERS].forms
    minizine = plan.outputs[Kind.MINIZINE]
    assert (minizine.source, minizine.imposed, minizine.pixels) == (Kind.MINIZINE, True, True)
    assert minizine.where == "content/minizine.md"
    assert minizine.expect.label == "A4 landscape one-page-zine sheet"


def test_a_right_to_left_zines_contact_sheet_says_it_is_bound_on_the_right() -> None:
    """The contact sheet's labels (issue 22), in the zine's words; its documents ask for /R2L."""
    project = Project.at(SAMPLE, templates=ROOT / "templates")
    zine = content.load(project)
    rtl = dataclasses.replace(zine, meta=dataclasses.replace(zine.meta, direction="rtl"))
    env = templating.environment(project)
    plan = Plan.of(project, rtl, documents(env, rtl, fillable=False))
    assert plan.language.contact == "feuille {sheet}, {side} (reliure à droite)"
    assert {document.direction for document in plan.documents.values()} == {"rtl"}
    assert 'dir="rtl"' in plan.documents[Kind.READING].html.split(">", 2)[1]
    assert _plan(project).language.contact == "feuille {sheet}, {side}"
