"""Page digests (preflight/digests.py) and what is kept by them (issue 26, item 2): an edit changes
the digest of its page only; preflight's findings and the previews of the other pages are reused,
not rendered, and come out as a fresh check and fresh previews would, at the pages' new numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from builder import preflight, preview
from builder.kinds import Kind
from builder.preflight import digests, ink, reader, text

PAGES = ["<h1>Un</h1><p>Un chat dort.</p>",
         '<h1>Deux</h1><p>Le chien court.</p><p style="font-size: 5pt">Tout petit.</p>',
         '<h1>Trois</h1><div style="width: 20mm; height: 20mm; background: #999"></div>',
         "<h1>Quatre</h1><p>Un gâteau.</p>"]
"""Four A5 pages: small text on the second, a grey tint on the third, « â » only on the fourth."""


FONT = (Path(__file__).resolve().parents[2] / "templates/fonts/CharisSIL-Regular.ttf").as_uri()
"""The shipped font, named: with an empty fontconfig (the machine without fonts the suite must pass
on) Pango has no font for text otherwise, and crashes."""


def _render(pages: list[str], target: Path) -> Path:
    """`pages` as an A5 PDF at `target`, its fonts stamped with a fixed date as the build stamps them
    (render/weasy.py: without libharfbuzz-subset0, fontTools subsets and stamps the current time)."""
    from weasyprint import HTML

    style = (f"<style>@font-face {{ font-family: Shipped; src: url({FONT}) }} html {{ font-family: Shipped }} "
             "@page { size: A5; margin: 20mm } body { margin: 0 } h1 { break-before: page; margin: 0 }</style>")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764547200")
        HTML(string=style + "".join(pages)).write_pdf(target)
    return target


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The four pages twice; a word of the first page changed (to « chât »: its « â » is met first
    now, which reorders the font's ToUnicode map); a page put in front of them. No glyph is new:
    a font's subset would change, and with it every page that uses the font."""
    folder = tmp_path_factory.mktemp("digests")
    made = {"first": _render(PAGES, folder / "first.pdf"), "again": _render(PAGES, folder / "again.pdf"),
            "edited": _render([PAGES[0].replace("chat", "chât"), *PAGES[1:]], folder / "edited.pdf"),
            "moved": _render(["<h1>Tout</h1><p>Un chat court.</p>", *PAGES], folder / "moved.pdf")}
    with pikepdf.open(made["first"]) as pdf:  # the same pages under other object numbers
        pdf.save(folder / "renumbered.pdf", linearize=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return {**made, "renumbered": folder / "renumbered.pdf"}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Empty page caches, and how many pages preflight parsed and rendered, and previews drew."""
    calls = {"read": 0, "look": 0, "drawn": 0}
    for name, owner in (("read", text), ("look", ink), ("_image", preview)):
        monkeypatch.setattr(owner, name, _counting(calls, name.strip("_").replace("image", "drawn"),
                                                   getattr(owner, name)))
    monkeypatch.setattr(reader, "_LOOKS", {})
    monkeypatch.setattr(preview, "_ENCODED", {})
    monkeypatch.setattr(preview, "_BY_PIXELS", {})
    yield calls


def _counting(calls: dict[str, int], key: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[key] += 1
        return function(*args, **kwargs)
    return counted


def _findings(path: Path) -> list[tuple[int | None, str, str]]:
    return [(finding.page, finding.severity, finding.message)
            for finding in preflight.check([path], pixels=True, kind=Kind.READING)]


def test_same_content_same_digests_and_an_edit_changes_its_page_only(pdfs: dict[str, Path]) -> None:
    first = digests.pages(pdfs["first"])
    assert len(set(first)) == 4
    assert digests.pages(pdfs["again"]) == first
    assert digests.pages(pdfs["renumbered"]) == first
    edited = digests.pages(pdfs["edited"])
    assert [page for page, (old, new) in enumerate(zip(first, edited), start=1) if old != new] == [1]
    assert digests.pages(pdfs["moved"])[1:] == first


def test_preflight_reuses_unchanged_pages_at_their_new_numbers(pdfs: dict[str, Path],
                                                               counted: dict[str, int]) -> None:
    fresh = {name: _findings(pdfs[name]) for name in ("edited", "moved")}
    assert (2, "warning", "10 characters below 7 pt (smallest 5.0 pt): they fill in on a photocopy") in fresh["edited"]
    assert any(page == 4 and message.startswith(preflight.GREY) for page, _, message in fresh["moved"])
    reader._LOOKS.clear()
    _findings(pdfs["first"])
    counted.update(read=0, look=0)
    assert _findings(pdfs["edited"]) == fresh["edited"]
    assert counted == {"read": 1, "look": 1, "drawn": 0}, "the edited page only"
    assert _findings(pdfs["moved"]) == fresh["moved"]
    assert counted == {"read": 2, "look": 2, "drawn": 0}, "the page put in front only"


def test_previews_reuse_unchanged_pages(pdfs: dict[str, Path], counted: dict[str, int], tmp_path: Path) -> None:
    def drawn(name: str) -> dict[str, bytes]:
        folder = tmp_path / name
        preview.thumbnails(pdfs[name], folder, lambda number: f"{number}.png")
        return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}

    fresh = drawn("edited")
    preview._ENCODED.clear()
    first = drawn("first")
    counted.update(drawn=0)
    assert drawn("edited") == fresh
    assert counted["drawn"] == 1, "the edited page only"
    assert {name for name in first if first[name] != fresh[name]} == {"1.png"}
