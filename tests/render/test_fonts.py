"""Fonts are part of the zine, not of the machine (issue 21): the shipped fonts and the project's
fonts/ print every script the zine has, the same with the machine's fontconfig and with an empty
one; a character no font has is refused once, by name, with its file and line."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from builder.content import manifest
from builder.errors import BuildError
from builder.preflight import text
from builder.render.notices import NOTICES

from conftest import ROOT, build_in

SCRIPTS = """---
title: Scripts
kind: text
---

- one
    - two, nested
        - three, nested twice
- four

1. first
2. second
    1. nested number

Καλημέρα κόσμε, ἀρχὴ ἥμισυ παντός. *Λόγος* and **Ψυχή**.

Съешь же ещё этих мягких французских булок. *Курсив* **жирный**.

مرحبا بالعالم، هذه جملة عربية. **عريض**

שלום עולם, זה משפט בעברית. **מודגש**

☐ to do, ☒ done, ✓ ✗ ← → ↑ ↓ € № • ◦ ▪, and a fist from the project's own font: ✊.
"""
SHIPPED = ("Charis-SIL", "Gentium-Book-Plus", "Noto-Naskh-Arabic", "Noto-Serif-Hebrew", "Noto-Sans-Symbols2")
"""The shipped fonts' families, as the PDFs name their faces (Charis-SIL-Bold)."""
FAMILIES = (*SHIPPED, "Project-Fist")
MANIFEST = 'title = "Scripts"\nlang = "en"\ndate = 2026-12-07\nedition = "1"\nparts = ["scripts.md"]\n'


def _fist_font(path: Path, *, char: int = 0x270A, family: str = "Project Fist", flavor: str | None = None) -> None:
    """A font of the project's own, family "Project Fist", with one glyph: ✊ (U+270A), a square
    (or `char`, in `family`); a web font with `flavor` "woff" or "woff2"."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    for x, y in ((100, 0), (100, 600), (600, 600), (600, 0)):
        (pen.lineTo if x != 100 or y != 0 else pen.moveTo)((x, y))
    pen.closePath()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "fist"])
    builder.setupCharacterMap({char: "fist"})
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "fist": pen.glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "fist": (700, 100)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": family, "styleName": "Regular", "psName": family.replace(" ", "") + "-Regular"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.font.flavor = flavor
    path.parent.mkdir(parents=True, exist_ok=True)
    builder.save(str(path))


def _project(root: Path, part: str, *, font: bool) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "content/zine.toml").write_text(MANIFEST, encoding="utf-8")
    (root / "content/scripts.md").write_text(part, encoding="utf-8")
    if font:
        _fist_font(root / "fonts/ProjectFist.ttf")
    return root


@pytest.fixture(scope="module")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The reading PDF of the same project built with this machine's fontconfig (in this process)
    and with an empty one (another process)."""
    machine = _project(tmp_path_factory.mktemp("machine"), SCRIPTS, font=True)
    report = build_in(machine)
    # The project's font is one of the zine's: no "not a shipped font" (preflight.text).
    assert not [finding for finding in report.findings if "font" in finding.message and finding.message != NOTICES[0].says]
    empty = _project(tmp_path_factory.mktemp("empty"), SCRIPTS, font=True)
    config = empty / "empty-fc.conf"
    config.write_text(f"<fontconfig><cachedir>{empty / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "builder", "build"], cwd=empty, capture_output=True, text=True,
                          env={**os.environ, "FONTCONFIG_FILE": str(config)}, check=False)
    assert done.returncode == 0, done.stderr
    assert "ugly" not in done.stderr and "FontConfig" not in done.stderr  # WeasyPrint's own warning is ours to say
    return machine / "output/scripts-reading.pdf", empty / "output/scripts-reading.pdf"


def _printed(path: Path) -> tuple[list[str], dict[str, set[str]]]:
    """Each page's text, and each character printed with the font families it is printed in."""
    pages, fonts = [], {}
    for page in pdfium.PdfDocument(path):
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        for index in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
            name = ctypes.create_string_buffer(256)
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), None)
            base = name.value.decode("latin-1").split("+", 1)[-1]
            if base:  # not a character the text page made up (a line end)
                fonts.setdefault(char, set()).add(next((family for family in (*FAMILIES, "Project-Han")
                                                      if base.startswith(family)), base))
    return pages, fonts


def test_every_script_prints_the_same_with_an_empty_fontconfig(scripts: tuple[Path, Path]) -> None:
    (machine, _), (empty, _) = _printed(scripts[0]), _printed(scripts[1])
    assert machine == empty
    for first, second in zip(pdfium.PdfDocument(scripts[0]), pdfium.PdfDocument(scripts[1]), strict=True):
        assert first.render(scale=0.5).to_pil().tobytes() == second.render(scale=0.5).to_pil().tobytes()
    for words in ("Καλημέρα", "французских", "مرحبا", "שלום", "☐", "☒", "◦", "▪", "✊"):
        assert words in "".join(machine)


@pytest.mark.parametrize("which", [0, 1], ids=["machine", "empty"])
def test_each_script_prints_in_its_shipped_font(scripts: tuple[Path, Path], which: int) -> None:
    fonts = _printed(scripts[which])[1]
    assert set().union(*fonts.values()) == set(FAMILIES)
    # Greek comes whole from Gentium Book Plus: Charis has a few Greek letters, never used.
    for chars, font in (("Καλημέρακόσμεἀρχὴ", "Gentium-Book-Plus"), ("Съешьжеещё", "Charis-SIL"),
                        ("مرحبا", "Noto-Naskh-Arabic"), ("שלום", "Noto-Serif-Hebrew"),
                        ("☐☒✗◦▪", "Noto-Sans-Symbols2"), ("✓←→€№•", "Charis-SIL"), ("✊", "Project-Fist")):
        for char in chars:
            assert fonts.get(char) == {font}, (char, fonts.get(char))
    document = pdfium.PdfDocument(scripts[which])
    for number, page in enumerate(document, start=1):
        used: dict[str, text.Font] = {}
        text.measure(scripts[which], number, page, used)
        assert all(font.embedded for font in used.values())


def test_a_character_no_font_has_is_refused_once_with_its_line(tmp_path: Path) -> None:
    """Hangul and an emoji, no shipped font has them: each character once, where it is typed, with the fix."""
    root = _project(tmp_path, "---\ntitle: T\nkind: text\n---\n\nUn poing ✊ et ✊.\n\n한국 ✊\n", font=False)
    with pytest.raises(BuildError) as error:
        build_in(root)
    fix = "it would print as an empty box): put a font that has it in fonts/ (docs/en/templates.md, « Fonts »)"
    assert sorted(error.value.lines()) == sorted([
        f"content/scripts.md:6: no font has the character ✊ (U+270A RAISED FIST; {fix}",
        f"content/scripts.md:8: no font has the character 한 (U+D55C HANGUL SYLLABLE HAN; {fix}",
        f"content/scripts.md:8: no font has the character 국 (U+AD6D HANGUL SYLLABLE GUG; {fix}"])
    assert not (root / "output").exists() or not list((root / "output").glob("*.pdf"))


def test_the_manifest_says_which_fonts(tmp_path: Path) -> None:
    path = tmp_path / "zine.toml"
    path.write_text(MANIFEST + 'fonts = "machine"\n', encoding="utf-8")
    assert manifest.meta(manifest.read(path, "content/zine.toml").data, "content/zine.toml").fonts == "machine"
    path.write_text(MANIFEST, encoding="utf-8")
    assert manifest.meta(manifest.read(path, "content/zine.toml").data, "content/zine.toml").fonts == "shipped"
    path.write_text(MANIFEST + 'fonts = "system"\n', encoding="utf-8")
    with pytest.raises(BuildError, match="'fonts' must be \"shipped\" or \"machine\", not \"system\""):
        manifest.read(path, "content/zine.toml")


def test_the_shipped_fonts_keep_their_licences_beside_them() -> None:
    fonts = ROOT / "templates/fonts"
    licences = {"CharisSIL": "OFL.txt", "GentiumBookPlus": "OFL-GentiumBookPlus.txt", "NotoNaskhArabic": "OFL-Noto.txt",
                "NotoSerifHebrew": "OFL-Noto.txt", "NotoSansSymbols2": "OFL-Noto.txt"}
    for path in fonts.glob("*.ttf"):
        licence = (fonts / licences[path.name.split("-")[0]]).read_text(encoding="utf-8")
        assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Reserved Font Name" in licence


# --- the project's fonts/ folder: every file a font the layout uses, the same everywhere, or named ---

LICENCES = {"OFL.txt": "SIL OPEN FONT LICENSE", "README.md": "# Fonts", "LICENSE": "OFL", ".DS_Store": "\x00\x01",
            "__MACOSX/._ProjectFist.woff2": "\x00\x05\x16\x07"}
"""What lies beside fonts, silently: licences, read-me files, a Mac's hidden files."""


def _licences(folder: Path) -> None:
    for name, words in LICENCES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(words, encoding="utf-8")


@pytest.fixture(scope="module")
def web_fonts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reading PDF of a project whose fonts are web fonts (WOFF2 for ✊, WOFF for 한), with
    their licences beside them: fontsource's downloads are WOFF and WOFF2."""
    root = _project(tmp_path_factory.mktemp("web"), "---\ntitle: T\nkind: text\n---\n\nUn poing ✊, 한.\n", font=False)
    _fist_font(root / "fonts/ProjectFist.woff2", flavor="woff2")
    _fist_font(root / "fonts/sub/ProjectHan.woff", char=0xD55C, family="Project Han", flavor="woff")
    _licences(root / "fonts")
    report = build_in(root)
    assert not [finding for finding in report.findings if "font" in finding.message and finding.message != NOTICES[0].says]
    return root


def test_web_fonts_print_as_fonts_of_the_project(web_fonts: Path) -> None:
    """Given to fontconfig as they are, WOFF and WOFF2 were listed but printed nothing (HarfBuzz
    reads neither): "no font has the character ✊" with the font in fonts/."""
    fonts = _printed(web_fonts / "output/scripts-reading.pdf")[1]
    assert fonts["✊"] == {"Project-Fist"} and fonts["한"] == {"Project-Han"}
    # Decompressed once into the output's cache, which keeps only the copies in use.
    assert sorted(path.name.split("-")[0] for path in (web_fonts / "output/.fonts").iterdir()) == ["ProjectFist",
                                                                                                   "ProjectHan"]


BAD = {"broken.ttf": b"\x00\x01\x00\x00" + b"\xff" * 40, "Noto.zip": b"PK\x03\x04rest", "saved.ttf": b"<!DOCTYPE html>",
       "notes.json": b"{}", "font.pfb": b"\x80\x01", "damaged.woff2": b"wOF2" + b"\x00" * 60}


def _bad_folder(root: Path) -> list[str]:
    """A fonts/ folder with a good font, licences and one file of each kind that is no font; what
    the build says of each of those, once each."""
    _fist_font(root / "fonts/ProjectFist.ttf")
    fist = (root / "fonts/ProjectFist.ttf").read_bytes()
    (root / "fonts/half.otf").write_bytes(fist[:len(fist) // 2])  # cut short: read by neither
    for name, data in BAD.items():
        (root / "fonts" / name).write_bytes(data)
    _licences(root / "fonts")
    damaged, other = "a damaged font file, it cannot be read: download it again, or take it out of fonts/", (
        "not a font file: fonts/ holds fonts (.ttf, .otf, .ttc, .woff, .woff2) and their licences (.txt): take "
        "it out of fonts/")
    return sorted([
        "fonts/Noto.zip: a zip archive, not a font: unzip it and put its .ttf or .otf files in fonts/",
        f"fonts/broken.ttf: {damaged}", f"fonts/half.otf: {damaged}", f"fonts/font.pfb: {other}",
        f"fonts/notes.json: {other}",
        "fonts/damaged.woff2: a damaged WOFF2 web font, it cannot be read: download it again (as .ttf or .otf if "
        "you can), or take it out of fonts/",
        "fonts/saved.ttf: a web page, not a font (saved from a link to the font's page?): download the font file "
        "itself (.ttf or .otf)"])


def test_every_file_in_fonts_is_a_font_or_named(tmp_path: Path) -> None:
    """Each file that is no font the layout can use: one error naming it, all at once (they were
    skipped in silence, and the build blamed the characters they were put there for)."""
    from builder.project import Project
    from builder.render.fonts import Fonts

    said = _bad_folder(tmp_path)
    with pytest.raises(BuildError) as error:
        Fonts("shipped", Project.at(tmp_path))
    assert sorted(error.value.lines()) == said
    assert str(tmp_path) not in str(error.value)


def test_a_build_names_each_bad_font_file_once(tmp_path: Path) -> None:
    """Every document of the build meets the same folder: each file named once, and no character blamed."""
    root = _project(tmp_path, "---\ntitle: T\nkind: text\n---\n\nUn poing ✊.\n", font=False)
    said = _bad_folder(root)
    with pytest.raises(BuildError) as error:
        build_in(root)
    assert sorted(error.value.lines()) == said


def test_the_shipped_fonts_set_up_reads_nothing_of_the_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint's own set-up loads the machine's fontconfig (its configuration files, every font
    installed) to throw it away: the shipped set-up never calls it; "machine" does."""
    import weasyprint.text.fonts
    from builder.project import Project
    from builder.render.fonts import Fonts

    class Machine:
        def __getattr__(self, name: str) -> object:
            if name == "FcInitLoadConfigAndFonts":
                raise AssertionError("the machine's fontconfig was read")
            return getattr(weasyprint.text.ffi.fontconfig, name)

    monkeypatch.setattr(weasyprint.text.fonts, "fontconfig", Machine())
    _fist_font(tmp_path / "fonts/ProjectFist.ttf")
    assert Fonts("shipped", Project.at(tmp_path)).project == {"Project Fist", "ProjectFist-Regular"}
    with pytest.raises(AssertionError, match="the machine's fontconfig was read"):
        Fonts("machine", Project.at(tmp_path))


def test_a_machine_font_is_refused_without_its_path(tmp_path: Path) -> None:
    """A local() font resolves to a file of this machine: named by its file name, never where it lies."""
    from builder.render import diagnose
    from builder.render.sandbox import Refused, SandboxFetcher

    (tmp_path / "templates").mkdir()
    css = tmp_path / "templates/zine.css"
    css.write_text('@font-face {\n  font-family: X;\n  src: local("DejaVu Sans");\n}\n', encoding="utf-8")
    fetcher = SandboxFetcher((tmp_path / "templates",), tmp_path)
    fetcher.stylesheets.append(css)
    with pytest.raises(Refused) as refused:
        fetcher.fetch("file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    assert str(diagnose.refusal(refused.value, fetcher, "reading document")) == (
        "templates/zine.css:3: DejaVuSans.ttf: refused, a font of this machine: put the font file in fonts/ (no "
        "local() in @font-face)")


def test_web_fonts_are_decompressed_once_and_the_cache_keeps_what_is_used(tmp_path: Path) -> None:
    """What a file is comes from its bytes (a WOFF named .ttf is a WOFF); a copy is made once for
    the same bytes, and removed when its font leaves fonts/."""
    from builder.render import fontfiles

    _fist_font(tmp_path / "fonts/Fist.woff2", flavor="woff2")
    _fist_font(tmp_path / "fonts/Renamed.ttf", char=0xD55C, family="Project Han", flavor="woff")
    cache = tmp_path / "output/.fonts"
    first = fontfiles.usable(tmp_path / "fonts", cache, lambda path: path.name)
    assert [(font.source.name, font.path.parent) for font in first] == [("Fist.woff2", cache), ("Renamed.ttf", cache)]
    assert [fontfiles.names(font.path) & {"Project Fist", "Project Han"} for font in first] == [{"Project Fist"},
                                                                                               {"Project Han"}]
    made = {path: path.stat().st_mtime_ns for path in cache.iterdir()}
    (tmp_path / "fonts/Renamed.ttf").unlink()
    assert fontfiles.usable(tmp_path / "fonts", cache, lambda path: path.name) == first[:1]
    assert {path: path.stat().st_mtime_ns for path in cache.iterdir()} == {first[0].path: made[first[0].path]}
