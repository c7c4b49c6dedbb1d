"""Layout by part in a warm session (issue 26, item 1): one Renderer lays the reading edition out
after each edit, as `zine watch` does, reusing the parts that did not change; after every edit
the PDF must be the whole layout's of the edited zine, byte for byte, laid out by a fresh
Renderer. And one `zine build` says in its log that it laid the reading edition out by part.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from builder.build import Options
from builder.project import Project
from builder.render.weasy import Renderer
from builder.workers.session import Session
from PIL import Image

from conftest import build_in, page_texts, part, reading_edition, snapshot, write_zine

pytestmark = pytest.mark.slow  # real layouts

CSS = ".part-title { letter-spacing: 0.01em; }"


@dataclasses.dataclass(frozen=True)
class Step:
    """One layout of the warm session, after an edit."""

    layout: str
    same: bool
    """Whether the PDF is the whole layout's, byte for byte."""
    contents: str
    """The contents page's text."""


def _picture(path: Path, stripe: int) -> None:
    image = Image.new("L", (300, 200), 255)
    image.paste(0, (stripe, 0, stripe + 20, 200))
    image.save(path)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "first": lambda root: None,
    "one word in part 3": lambda root: _edit(root / "content/03.md", "Citoyennes", "Citoyens"),
    "a page more in part 1": lambda root: (root / "content/01.md").write_text(
        part("Un", 6), encoding="utf-8"),
    "stylesheet": lambda root: (root / "templates/zine.css").write_text(
        (root / "templates/zine.css").read_text(encoding="utf-8") + ".part-title { letter-spacing: 0.02em; }\n",
        encoding="utf-8"),
    "picture": lambda root: _picture(root / "content/images/bandes.png", 150),
    "nothing": lambda root: None,
}


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Step]:
    """The zine laid out after each of EDITS in turn by one Renderer, each compared with a fresh whole layout."""
    root = tmp_path_factory.mktemp("warm")
    (root / "content/images").mkdir(parents=True)
    _picture(root / "content/images/bandes.png", 20)
    picture = '![Des bandes](images/bandes.png "Des bandes")\n'
    write_zine(root, [part("Un", 2), part("Deux", 3, start=2), part("Trois", 1), part("Quatre", 1, start=4, body=picture)],
               css=CSS)
    project, _, _ = reading_edition(root)
    warm, found = Renderer(project), {}
    for number, (name, edit) in enumerate(EDITS.items()):
        before = snapshot(root)
        edit(root)
        for changed in (file for file, data in snapshot(root).items() if before.get(file) != data):
            path = root / changed  # a change within the file system's clock tick is still one
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1000 * number))
        project, document, date = reading_edition(root)
        rendered = warm.render(document, root / "warm.pdf", source_date=date)
        Renderer(project).render(dataclasses.replace(document, parts=()), root / "whole.pdf", source_date=date)
        found[name] = Step(rendered.layout, (root / "warm.pdf").read_bytes() == (root / "whole.pdf").read_bytes(),
                           page_texts(root / "warm.pdf")[1])
    return found


@pytest.mark.parametrize(("name", "anew"), [("first", 5), ("one word in part 3", 2), ("a page more in part 1", 5),
                                            ("stylesheet", 5), ("picture", 2), ("nothing", 1)])
def test_each_edit_lays_out_again_what_it_changed_and_equals_the_whole(steps: dict[str, Step], name: str,
                                                                      anew: int) -> None:
    """The front (cover, contents) is laid out every time; a part when it, its start or a file it
    reads changed."""
    assert steps[name].layout == f"laid out by part, {anew} of 5 pieces anew"
    assert steps[name].same


def test_a_page_more_in_the_first_part_moves_the_contents_numbers(steps: dict[str, Step]) -> None:
    before, after = steps["one word in part 3"].contents, steps["a page more in part 1"].contents
    assert before != after and before.replace(" ", "").count(".") > 10


def test_the_build_says_it_laid_the_reading_edition_out_by_part(tmp_path: Path) -> None:
    """In a session kept for rebuilds (`zine watch`, `zine serve`; one `zine build` lays it out whole)."""
    log: list[str] = []
    root = write_zine(tmp_path, [part("Un", 2), part("Deux", 1, start=3), part("Trois", 1, start=5)])
    with Session(Project.at(root)) as session:
        report = build_in(root, options=Options(previews=False), log=log.append, session=session)
    [line] = [line for line in log if line.startswith("laid out the reading edition")]
    assert line.endswith(" (laid out by part, 4 of 4 pieces anew)"), line
    [reading] = [output.path for output in report.outputs if output.path.name.endswith("-reading.pdf")]
    assert len(page_texts(reading)) == int(line.split(": ")[1].split()[0])
