"""The renderer's sandbox: only data: URLs and files under content and templates, never the network."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builder.errors import BuildError
from builder.render.notices import NOTICES
from builder.render.sandbox import Refused, SandboxFetcher

from conftest import ROOT, SAMPLE, build_in


@pytest.fixture
def fetcher(tmp_path: Path) -> SandboxFetcher:
    for folder in ("content", "templates"):
        (tmp_path / folder).mkdir()
    (tmp_path / "content/a.png").write_bytes(b"\x89PNG")
    (tmp_path / "templates/a.css").write_text("p { color: #000 }", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the PDF", encoding="utf-8")  # in the project, not allowed
    (tmp_path / "templates/link.css").symlink_to(tmp_path / "secret.txt")
    return SandboxFetcher((tmp_path / "content", tmp_path / "templates"), tmp_path)


def test_serves_files_under_the_roots_and_data_urls(fetcher: SandboxFetcher, tmp_path: Path,
                                                    no_network: list[object]) -> None:
    assert fetcher.fetch((tmp_path / "content/a.png").as_uri()).read() == b"\x89PNG"
    css = fetcher.fetch((tmp_path / "templates/a.css").as_uri())
    assert css.content_type == "text/css" and css.read() == b"p { color: #000 }"
    assert fetcher.fetch("data:text/plain;base64,Ym9uam91cg==").read() == b"bonjour"
    assert fetcher.fetch("file://localhost" + str(tmp_path / "content/a.png")).read() == b"\x89PNG"


@pytest.mark.parametrize(("url", "message"), [
    ("http://exemple.org/a.png", "refused, the build never uses the network"),
    ("https://exemple.org/a.css", "refused, the build never uses the network"),
    ("ftp://exemple.org/a.ttf", "refused, the build never uses the network"),
    ("//exemple.org/a.png", "refused, the build never uses the network"),
    ("file://exemple.org/etc/hostname", "refused, a file on another machine"),
    ("file:///etc/hostname", "refused, outside the project"),
    ("{project}/secret.txt", "refused, outside the project"),
    ("{project}/templates/../secret.txt", "refused, outside the project"),
    ("{project}/templates/link.css", "refused, outside the project: only content, templates and fonts (it leads to"),
    ("{project}/content/absent.png", "content/absent.png: not found"),
    ("file:///usr/share/fonts/truetype/x.ttf", "refused, a font of this machine"),
])
def test_refuses_everything_else_before_any_request(fetcher: SandboxFetcher, tmp_path: Path, url: str, message: str,
                                                   no_network: list[object]) -> None:
    url = Path(url.format(project=tmp_path)).as_uri() if url.startswith("{") else url
    with pytest.raises(Refused) as refused:
        fetcher.fetch(url)
    assert message in str(refused.value)
    assert fetcher.refused == [refused.value]


@pytest.mark.parametrize("url", ["file:///etc/hostname", "file:/etc/hostname", "file:etc/hostname",
                                 "file://localhost/etc/hostname"])
def test_a_file_url_path_starts_at_the_root_on_every_python(fetcher: SandboxFetcher, tmp_path: Path, url: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # "file:etc/hostname" is what Python 3.13's urljoin makes of url(../../../../etc/hostname): never
    # a path from the working folder, whichever it is.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(Refused) as refused:
        fetcher.fetch(url)
    assert str(refused.value) == "/etc/hostname: refused, outside the project: only content, templates and fonts"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def _build(project: Path) -> list[str]:
    lines: list[str] = []
    build_in(project, log=lines.append)
    return lines


@pytest.mark.parametrize("where, text", [
    ("content/un.md", "\n\n![x](https://exemple.org/a.png)\n"),
    ("content/un.md", '\n\n<img src="http://exemple.org/a.png" alt="">\n'),
    # A <style>, a style attribute and an <object> in the Markdown are refused before (content.rawhtml):
    # in a template they reach the sandbox.
    ("templates/part.html", '\nUn <span style="background-image: url(https://exemple.org/b.png)">mot</span>.\n'),
    ("templates/part.html", '\n<style>@import "https://exemple.org/c.css";</style>\n'),
    ("templates/part.html", '\n<object data="https://exemple.org/d.svg"></object>\n'),
    ("templates/zine.css", "\nbody { background: url(https://exemple.org/x.png); }\n"),
    ("templates/zine.css", '\n@font-face { font-family: "W"; src: url(https://exemple.org/w.woff2); }\n'),
    ("templates/base.html", '\n<link rel="stylesheet" href="https://exemple.org/s.css">\n'),
])
def test_a_remote_url_anywhere_stops_the_build_without_a_request(project: Path, where: str, text: str,
                                                                 no_network: list[object]) -> None:
    with (project / where).open("a", encoding="utf-8") as file:
        file.write(text)
    with pytest.raises(BuildError) as error:
        _build(project)
    assert "exemple.org" in str(error.value)
    assert not (project / "output").exists() or not list((project / "output").glob("*.pdf"))


def test_a_style_in_the_markdown_is_refused_by_name_without_a_request(project: Path,
                                                                      no_network: list[object]) -> None:
    with (project / "content/un.md").open("a", encoding="utf-8") as file:
        file.write('\n\n<style>@import "https://exemple.org/c.css";</style>\n')
    with pytest.raises(BuildError) as error:
        _build(project)
    assert str(error.value).startswith("content/un.md:13: <style> is refused: a style in a part restyles the whole zine")
    assert not (project / "output").exists() or not list((project / "output").glob("*.pdf"))


def test_a_remote_image_inside_an_svg_is_refused(project: Path, no_network: list[object]) -> None:
    (project / "content/images").mkdir()
    (project / "content/images/x.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        '<image xlink:href="http://exemple.org/x.png" width="10" height="10"/></svg>', encoding="utf-8")
    with (project / "content/un.md").open("a", encoding="utf-8") as file:
        file.write("\n\n![x](images/x.svg)\n")
    with pytest.raises(BuildError) as error:
        _build(project)
    assert any(line.startswith("content/images/x.svg:1: http://exemple.org/x.png: refused, the build never uses "
                               "the network") for line in error.value.lines())
    # What follows from it names the Markdown that placed the picture, and no path of this machine.
    assert any(line.startswith("content/un.md:") and "content/images/x.svg" in line for line in error.value.lines())
    assert not any(str(project) in line or "file:" in line for line in error.value.lines()), error.value.lines()


def _with_hammer_and_sickle(project: Path) -> int:
    """Write ☭ (in no shipped font) twice in a paragraph of content/un.md; the line it is on."""
    with (project / "content/un.md").open("a", encoding="utf-8") as file:
        file.write("\n\nLa faucille et le marteau : ☭, encore ☭.\n")
    lines = (project / "content/un.md").read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, start=1) if "☭" in text)


REFUSED = ("no font has the character ☭ (U+262D HAMMER AND SICKLE; it would print as an empty box): put a "
           "font that has it in fonts/ (docs/en/templates.md, « Fonts »)")


def test_a_glyph_no_shipped_font_has_is_refused_by_name_on_every_machine(project: Path) -> None:
    """The build uses the shipped fonts only (render/fonts.py): whatever fonts this machine has,
    ☭ is refused, once however often it is typed, with the file and line and the fix."""
    line = _with_hammer_and_sickle(project)
    with pytest.raises(BuildError) as error:
        build_in(project)
    assert error.value.lines() == [f"content/un.md:{line}: {REFUSED}"]


def test_a_glyph_from_a_machine_font_never_passes_unnoticed(project: Path) -> None:
    """With fonts = "machine", fontconfig fills ☭ in from the machine's fonts (a warning naming
    it), or nothing has it (refused as above)."""
    manifest = project / "content/zine.toml"
    manifest.write_text('fonts = "machine"\n' + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    line = _with_hammer_and_sickle(project)
    try:
        report = build_in(project)
    except BuildError as error:  # no font on this machine has it: it would print as an empty box
        assert error.lines() == [f"content/un.md:{line}: {REFUSED}"]
        return
    # A machine without HarfBuzz-Subset adds WeasyPrint's fallback, said once (render/notices.py).
    found = [f for f in report.findings if f.message != NOTICES[0].says]
    assert {f.severity for f in found} == {"warning"}
    assert all("is not a shipped font" in f.message and "☭" in f.message for f in found)
    # Said of the reading edition; not again of its booklet, the same text imposed (preflight.check's `text`).
    assert {f.path.name for f in found} == {"zine-d-essai-reading.pdf"}


def test_the_network_guard_catches_a_request(no_network: list[object]) -> None:
    """The guard the tests above rely on: a request fails the test instead of leaving."""
    import urllib.request

    with pytest.raises(AssertionError, match="network access attempted"):
        urllib.request.urlopen("http://exemple.org/")
    import socket

    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("exemple.org", 80))
    no_network.clear()  # expected here; anywhere else the fixture fails the test


@pytest.fixture
def layered(tmp_path: Path) -> tuple[SandboxFetcher, Path, Path]:
    """A project whose templates/ holds only zine.css, over a shipped set (another folder)."""
    project, shipped = tmp_path / "project", tmp_path / "tool/templates"
    (project / "content").mkdir(parents=True)
    (project / "templates").mkdir()
    (shipped / "fonts").mkdir(parents=True)
    (project / "templates/zine.css").write_text("/* the project's */", encoding="utf-8")
    (shipped / "zine.css").write_text("/* the shipped one */", encoding="utf-8")
    (shipped / "shared.css").write_text("/* shipped shared */", encoding="utf-8")
    (shipped / "fonts/F.ttf").write_bytes(b"font")
    (tmp_path / "tool/secret.txt").write_text("beside the templates, not one of them", encoding="utf-8")
    fetcher = SandboxFetcher((project / "content", project / "templates"), project,
                             layers=(project / "templates", shipped))
    return fetcher, project, shipped


def test_a_project_template_overrides_the_shipped_one_file_by_file(layered: tuple[SandboxFetcher, Path, Path],
                                                                   no_network: list[object]) -> None:
    fetcher, project, shipped = layered
    assert fetcher.fetch((project / "templates/zine.css").as_uri()).read() == b"/* the project's */"
    # Missing in the project: the shipped file, served under the URL asked for, so that what it
    # links to (@import, fonts) is looked for in the project's templates first again.
    shared = fetcher.fetch((project / "templates/shared.css").as_uri())
    assert shared.read() == b"/* shipped shared */" and shared.url == (project / "templates/shared.css").as_uri()
    assert fetcher.fetch((project / "templates/fonts/F.ttf").as_uri()).read() == b"font"
    # Both count for the caches: the shipped file's stamp, and the project's file as missing.
    assert (project.resolve() / "templates/shared.css", -1, -1) in fetcher.served
    assert any(path == (shipped / "shared.css").resolve() and size == len(b"/* shipped shared */")
               for path, _, size in fetcher.served)
    assert fetcher.files() == [project / "templates/zine.css", shipped / "fonts/F.ttf", shipped / "shared.css"]
    # A shipped file is named where it lies (here beside the project), a project file by its place in the project.
    assert fetcher.show(shipped / "shared.css") == "../tool/templates/shared.css"
    assert fetcher.show(project / "templates/zine.css") == "templates/zine.css"


@pytest.mark.parametrize(("asked", "message"), [
    ("{project}/templates/absent.css", "templates/absent.css: not found"),
    ("{project}/templates/../../tool/secret.txt", "refused, outside the project"),
    ("{shipped}/../secret.txt", "refused, outside the project"),
    ("{project}/templates/fonts/../../../tool/secret.txt", "refused, outside the project"),
])
def test_the_shipped_templates_lend_nothing_else(layered: tuple[SandboxFetcher, Path, Path], asked: str,
                                                 message: str, no_network: list[object]) -> None:
    fetcher, project, shipped = layered
    with pytest.raises(Refused) as refused:
        fetcher.fetch(Path(asked.format(project=project, shipped=shipped)).as_uri())
    assert message in str(refused.value)


def test_a_refused_import_is_blamed_on_the_stylesheet_that_was_read(project: Path) -> None:
    """Issue 25, item 6: the file that asks for a refused URL was found by searching the project for
    it, first match wins: the mini-zine's stylesheet (not used by this zine, which has no mini-zine)
    was blamed for an `@import` of zine.css. The stylesheets the render read come first."""
    for name in ("minizine.css", "zine.css"):
        text = (project / "templates" / name).read_text(encoding="utf-8")
        (project / "templates" / name).write_text('@import "/etc/hostname";\n' + text, encoding="utf-8")
    with pytest.raises(BuildError) as error:
        _build(project)
    assert str(error.value) == ("templates/zine.css:1: /etc/hostname: refused, outside the project: only content, "
                                "templates and fonts")


def test_a_data_url_picture_is_named_by_the_part_that_holds_it(project: Path, no_network: list[object]) -> None:
    """Issue 25, item 6: a `data:` SVG that asks for a remote picture, and a `data:` SVG that is
    not SVG, were said as the "reading document" (or the pictures' cache file), the whole base64
    quoted: each is named by the part and line that hold it, the URL shortened."""
    import base64

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" '
           b'height="9"><image xlink:href="https://exemple.org/a.png" width="9" height="9"/></svg>')
    part = project / "content/un.md"
    lines = part.read_text(encoding="utf-8").count("\n")
    with part.open("a", encoding="utf-8") as file:
        file.write(f"\n![a](data:image/svg+xml;base64,{base64.b64encode(svg).decode()})\n\n"
                   "<img src=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Cbroken\" alt=\"b\">\n")
    with pytest.raises(BuildError) as error:
        _build(project)
    said = error.value.lines()
    assert said[0] == (f"content/un.md:{lines + 2}: https://exemple.org/a.png: refused, the build never uses the "
                       "network (save the file in the project and link to it)")
    assert said[1] == (f"content/un.md:{lines + 4}: Failed to load image at \"data:image/svg+xml,%3Csvg "
                       "xmlns='http://www.w3.org/2000/svg'%3E%3Cbroken\": it cannot be read as a picture")
    assert all(len(line) < 250 and ".pictures" not in line for line in said), said
