"""The documentation (issue 23, item 3): a README that fits, the manifest reference written from the
code that checks the manifest (docs/hooks.py, builder/content/keys.py), French pages in French
typography, and a site that `mkdocs build --strict` builds and that loads nothing from outside."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from builder.content import keys, manifest

from conftest import ROOT

README_LIMIT = 8000


def hooks() -> ModuleType:
    """docs/hooks.py, as mkdocs loads it (a file, not a package's module)."""
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "hooks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_fits_and_names_the_two_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme) <= README_LIMIT, f"README.md is {len(readme):,} characters, at most {README_LIMIT:,}"
    assert "make zine" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == "make test"  # "run the README's test command"


@pytest.mark.parametrize("lang", sorted(keys.DESCRIPTIONS))
def test_every_key_the_manifest_accepts_has_a_description(lang: str) -> None:
    accepted = {*manifest.REQUIRED, *manifest.OPTIONAL}
    described = keys.DESCRIPTIONS[lang]
    assert accepted - described.keys() == set(), "keys the manifest accepts, with no description"
    assert described.keys() - accepted == set(), "descriptions of keys the manifest does not accept"
    assert all(text.strip() for text in described.values())


@pytest.mark.parametrize("lang", sorted(keys.DESCRIPTIONS))
def test_the_reference_gives_every_key_its_words_and_limits(lang: str) -> None:
    page = hooks().reference(lang)
    rows = {row.split("|")[1].strip(" `"): row for row in page.splitlines() if row.startswith("| `")}
    assert list(rows) == [*manifest.REQUIRED, *manifest.OPTIONAL]
    for key, words in manifest.CHOICES.items():
        assert all(f'`"{word}"`' in rows[key] for word in words), key
        assert all(f'`"{wrong}"`' in rows[key] for wrong in manifest.HINTS.get(key, {})), key
    for key, limit in manifest.LENGTHS.items():
        assert hooks().number(limit, lang) in rows[key], key


def french_spacing_errors(text: str) -> list[str]:
    """The places of a French Markdown text, outside code, with an ordinary space (or none) where
    FACTS.md §4 wants a no-break one: before : ; ! ? and inside « »."""
    text = re.sub(r"^[ \t]*(```+).*?^[ \t]*\1", "", text, flags=re.MULTILINE | re.DOTALL)  # fenced code
    prose = re.sub(r"`[^`\n]*`", "", text)
    prose = re.sub(r"\]\([^)]*\)|https?://\S+", "]", prose)  # link targets
    return re.findall(r".{0,20}(?: [:;!?](?=\s|$)|\w[;!?](?=\s)|«[^\u00a0\u202f]|[^\u00a0\u202f]»).{0,5}", prose,
                      re.MULTILINE)


def test_the_spacing_check_finds_an_ordinary_space() -> None:
    assert french_spacing_errors("Voici : une « brochure » !")
    assert not french_spacing_errors("Voici\u00a0: une «\u00a0brochure\u00a0»\u202f! `a : b`")


@pytest.mark.parametrize("page", sorted((ROOT / "docs" / "fr").glob("*.md")), ids=lambda path: path.name)
def test_french_pages_are_set_in_french_typography(page: Path) -> None:
    assert french_spacing_errors(page.read_text(encoding="utf-8")) == []


def test_french_descriptions_are_set_in_french_typography() -> None:
    assert [key for key, text in keys.FRENCH.items() if french_spacing_errors(text)] == []


OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
"""An address on another host: http://, https://, or protocol-relative //."""
FETCHED = re.compile(r"<(script|link|img|iframe|source|audio|video|embed|object|track|input)\b[^>]*>", re.IGNORECASE)
ADDRESS = re.compile(r"""\b(?:src|href|data|poster|srcset)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
CSS = re.compile(r"""url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)""", re.IGNORECASE)


def fetched_from_outside(site: Path) -> list[str]:
    """What the pages and stylesheets of a built site would fetch from another host: the sources
    of scripts, stylesheets, fonts, pictures and frames, CSS url() and @import (in .css files and
    in pages' <style> and style=). Links in a page's text (<a href>) are not fetched."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        addresses = [match[0] or match[1] for match in CSS.findall(text)]
        if path.suffix == ".html":
            addresses += [address for tag in FETCHED.finditer(text) for address in ADDRESS.findall(tag[0])]
        found += [f"{path.relative_to(site)}: {address}" for address in addresses if OUTSIDE.match(address)]
    return found


def test_the_outside_check_finds_a_cdn(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<a href="https://example.org">a link</a><script src="//cdn.example/x.js">'
                                     '</script><link rel="stylesheet" href="https://cdn.example/x.css">')
    (tmp_path / "a.css").write_text('@import "https://fonts.example/f.css"; b { background: url(data:x) }')
    assert fetched_from_outside(tmp_path) == ["a.css: https://fonts.example/f.css", "a.html: //cdn.example/x.js",
                                              "a.html: https://cdn.example/x.css"]


@pytest.mark.slow
def test_the_site_builds_strict_and_loads_nothing_from_outside(tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert fetched_from_outside(site) == []
    reference = (site / "en" / "manifest.html").read_text(encoding="utf-8")
    assert all(f"<code>{key}</code>" in reference for key in [*manifest.REQUIRED, *manifest.OPTIONAL])
    assert '<html lang="fr"' in (site / "fr" / "manifest.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")
    pictures = {path.name for path in (ROOT / "docs" / "images").glob("*.png")}
    assert pictures and pictures <= {path.name for path in (site / "images").glob("*.png")}
