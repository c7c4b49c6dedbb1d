"""zine serve in a real browser (issue 23's acceptance): Debian's Chromium driven by Playwright.

One served copy of the sample zine for the module (`zine serve --port 0` in another process, as a
user runs it), one page a test. Skipped, with the reason, only where Chromium is absent and CI is
not set; in CI (CI set) a missing Chromium or Playwright fails instead. Waits are generous (a
rebuild on a busy two-core machine); the delays are printed (run with -s), never asserted.
"""

from __future__ import annotations

import base64
import io
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT, SAMPLE, children, copy_project, page_texts

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
WAIT = 120_000
"""Milliseconds a test waits for a rebuild to show: generous, never a measure of speed."""

pytestmark = pytest.mark.slow


def _needed() -> None:
    """Skip without Chromium or Playwright, saying so; fail instead in CI (CI set), which installs both."""
    missing = [] if CHROMIUM.exists() else [f"Chromium ({CHROMIUM}: apt-get install chromium)"]
    if not missing and (failed := _broken(CHROMIUM)):  # Debian's needs libharfbuzz-subset0, for one
        missing.append(f"Chromium that starts ({failed})")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright (pip install -e '.[test]')")
    if missing and os.environ.get("CI"):
        pytest.fail(f"the browser tests need {' and '.join(missing)}")
    if missing:
        pytest.skip(f"no {' and no '.join(missing)}: the browser tests need it (CI runs them)")


def _broken(chromium: Path) -> str:
    """Why `chromium --version` fails (its last line of errors: a library it cannot load), or ""."""
    try:
        ran = subprocess.run([str(chromium), "--version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    return "" if ran.returncode == 0 else (ran.stderr.strip().splitlines() or [f"exit {ran.returncode}"])[-1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    """`zine serve --port 0` in a copy of the sample zine: its URL, its folder and its process."""
    _needed()
    project = _with_letter_and_minizine(copy_project(SAMPLE, tmp_path_factory.mktemp("served")))
    server = subprocess.Popen([sys.executable, "-m", "builder", "serve", "--port", "0"], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout or ()], daemon=True).start()
    try:
        url = _url(lines)
        yield url, project, server
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(timeout=30)


def _with_letter_and_minizine(project: Path) -> Path:
    """The sample zine with a letter and a mini-zine: every view of the page has pages to show."""
    (project / "content/lettre.md").write_text("---\ntitle: Lettre d’essai\nkind: letter\n---\n\n[[nom]]\n\n"
                                               "Objet : essai\n\n> [[signature]]\n", encoding="utf-8")
    (project / "content/poche.md").write_text("---\ntitle: Poche\n---\n\n## Une\n\nUne page.\n", encoding="utf-8")
    manifest = project / "content/zine.toml"
    text = manifest.read_text(encoding="utf-8").replace('"cinq.md"]', '"cinq.md", "lettre.md"]')
    manifest.write_text('minizine = "poche.md"\n' + text, encoding="utf-8")
    return project


def _url(lines: queue.Queue[str]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.match(r"serving (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)", lines.get(timeout=60))
        if found:
            return found[1]
    raise AssertionError("zine serve never said where it serves")


@pytest.fixture(scope="module")
def browser(served: tuple[str, Path, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Chromium with a fontconfig of its own that knows the tool's shipped fonts only: it starts on a
    machine whose fontconfig is empty (where it otherwise closes at once), and draws the same
    everywhere."""
    from playwright.sync_api import sync_playwright

    fonts = tmp_path_factory.mktemp("browser-fonts")
    (fonts / "fonts.conf").write_text(f"<fontconfig><dir>{ROOT / 'templates' / 'fonts'}</dir>"
                                      f"<cachedir>{fonts / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS,
                                              env={**os.environ, "FONTCONFIG_FILE": str(fonts / "fonts.conf")})
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, served: tuple[str, Path, Any]) -> Iterator[Any]:
    """A new page on the desk, every request it makes recorded: each must be to the desk itself."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    requested: list[str] = []
    refused: list[str] = []  # what the Content-Security-Policy blocked: the page must need nothing it refuses
    opened.on("request", lambda request: requested.append(request.url))
    opened.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
              else None)
    opened.goto(served[0])
    opened.wait_for_function("() => document.querySelectorAll('#view figure img').length > 0", timeout=WAIT)
    yield opened
    context.close()
    outside = [url for url in requested if not url.startswith(served[0])]
    assert requested and not outside, f"the page loaded from outside 127.0.0.1: {outside}"
    assert not refused, refused


def _texts(page: Any) -> list[str]:
    return page.eval_on_selector_all("#view .page-text", "nodes => nodes.map(node => node.textContent)")


def _sources(page: Any) -> list[str]:
    return page.eval_on_selector_all("#view figure img", "nodes => nodes.map(node => node.getAttribute('src'))")


def _reading(project: Path) -> Path:
    return project / "output/zine-d-essai-reading.pdf"


def test_the_first_load_shows_every_reading_page(page: Any, served: tuple[str, Path, Any]) -> None:
    pdf = page_texts(_reading(served[1]))
    assert len(_sources(page)) == len(pdf) >= 10
    page.wait_for_function("() => [...document.querySelectorAll('#view img')].every(img => img.complete && img.naturalWidth)")
    assert [" ".join(text.split()) for text in _texts(page)] == [" ".join(text.split()) for text in pdf]
    assert "Partie un" in " ".join(_texts(page))
    assert page.inner_text("#print dd:nth-of-type(2)") == "retourner sur le bord court", "the zine's words (fr)"
    assert page.locator("html").get_attribute("lang") == "fr"


def test_a_word_saved_in_an_editor_appears_on_the_page(page: Any, served: tuple[str, Path, Any]) -> None:
    part = served[1] / "content/trois.md"
    before = _sources(page)
    saved = time.monotonic()
    part.write_text(part.read_text(encoding="utf-8") + "\nZorglubesque\n", encoding="utf-8")
    page.wait_for_function("() => [...document.querySelectorAll('#view .page-text')]"
                           ".some(node => node.textContent.includes('Zorglubesque'))", timeout=WAIT)
    print(f"\nedit on disk → word on the page: {time.monotonic() - saved:.1f} s")
    after = _sources(page)
    assert len(after) == len(before)
    assert after[0] == before[0], "an unchanged page keeps its URL: it is not fetched again"
    assert after != before


def test_a_broken_manifest_shows_its_line_and_keeps_the_pages(page: Any, served: tuple[str, Path, Any]) -> None:
    manifest = served[1] / "content/zine.toml"
    good = manifest.read_text(encoding="utf-8")
    lines = good.splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if text.startswith("edition"))
    shown = _sources(page)
    manifest.write_text(good.replace('edition = "Édition de test"', 'edition = "Édition de test'), encoding="utf-8")
    try:
        page.wait_for_selector("#errors:not([hidden])", timeout=WAIT)
        assert f"content/zine.toml:{line}" in page.inner_text("#errors .place")
        assert _sources(page) == shown, "the last good pages stay"
        page.wait_for_function("() => [...document.querySelectorAll('#view img')].every(img => img.naturalWidth)")
    finally:
        manifest.write_text(good, encoding="utf-8")
    page.wait_for_selector("#errors[hidden]", state="attached", timeout=WAIT)


def test_a_save_that_breaks_the_build_says_so_where_it_was_saved(page: Any, served: tuple[str, Path, Any]) -> None:
    """The edit panel does not go on saying "being rebuilt" once the build of what was saved failed."""
    manifest = served[1] / "content/zine.toml"
    good = manifest.read_text(encoding="utf-8")
    _open(page, "zine.toml")
    try:
        page.fill("#text", good.replace('edition = "Édition de test"', 'edition = "Édition de test'))
        page.click("#save")
        page.wait_for_function("() => document.getElementById('edit-status').textContent.includes('a échoué')",
                               timeout=WAIT)
        assert page.get_attribute("#edit-status", "class") == "refused"
    finally:
        manifest.write_text(good, encoding="utf-8")
    page.wait_for_selector("#errors[hidden]", state="attached", timeout=WAIT)


def _open(page: Any, name: str) -> None:
    page.select_option("#part", name)
    page.click("#open")
    page.wait_for_function("() => !document.getElementById('text').disabled")


def test_a_save_from_the_browser_writes_the_file_and_a_conflict_is_refused(page: Any, served: tuple[str, Path, Any]) -> None:
    part = served[1] / "content/cinq.md"
    _open(page, "cinq.md")
    assert page.input_value("#text") == part.read_text(encoding="utf-8")
    page.fill("#text", page.input_value("#text") + "\nSauvegardé depuis la page.\n")
    saved = time.monotonic()
    page.click("#save")
    page.wait_for_function("() => document.getElementById('edit-status').textContent.startsWith('Enregistré')")
    assert part.read_text(encoding="utf-8").endswith("\nSauvegardé depuis la page.\n")
    page.wait_for_function("() => [...document.querySelectorAll('#view .page-text')]"
                           ".some(node => node.textContent.includes('depuis la page'))", timeout=WAIT)
    print(f"\nsave in the browser → text on the page: {time.monotonic() - saved:.1f} s")
    elsewhere = part.read_text(encoding="utf-8") + "\nÉcrit dans un autre éditeur.\n"
    part.write_text(elsewhere, encoding="utf-8")
    page.fill("#text", "Le texte de la page, qui écraserait l'autre.")
    page.click("#save")
    page.wait_for_selector("#edit-status.refused")
    assert "changé sur le disque" in page.inner_text("#edit-status")
    assert part.read_text(encoding="utf-8") == elsewhere, "the other editor's text is kept"


def test_a_dropped_photo_lands_in_content_images_with_its_markdown(page: Any, served: tuple[str, Path, Any]) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (600, 400), "darkgreen").save(picture, format="PNG")
    _open(page, "deux.md")
    page.evaluate("""([data, name]) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: "image/png" }));
        const text = document.getElementById("text");
        text.setSelectionRange(text.value.length, text.value.length);
        text.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }""", [base64.b64encode(picture.getvalue()).decode(), "Photo de l'Été.png"])
    page.wait_for_function("() => document.getElementById('text').value.includes('](images/')")
    copied = served[1] / "content/images/photo-de-l-ete.png"
    assert copied.read_bytes() == picture.getvalue()
    assert "![photo de l ete](images/photo-de-l-ete.png)" in page.input_value("#text")
    page.click("#save")
    page.wait_for_function("() => document.getElementById('edit-status').textContent.startsWith('Enregistré')")
    assert "![photo de l ete](images/photo-de-l-ete.png)" in (served[1] / "content/deux.md").read_text(encoding="utf-8")


def _pages(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def test_every_view_shows_its_pages_and_the_print_panel_its_facts(page: Any, served: tuple[str, Path, Any]) -> None:
    output = served[1] / "output"
    reading, sides = _pages(_reading(served[1])), _pages(output / "zine-d-essai-booklet.pdf")
    blanks = 4 * (sides // 2) - reading
    shown = {}
    for view in ("spreads", "booklet", "folded", "minizine", "letters"):
        page.click(f"[data-view={view}]")
        shown[view] = (page.locator("#view .spread").count(), len(_sources(page)), page.locator("#view .blank").count())
    assert shown == {"spreads": (1 + reading // 2, reading, 0), "booklet": (0, sides, 0),
                     "folded": (1 + (reading + blanks) // 2, reading, blanks),
                     "minizine": (0, 1, 0), "letters": (0, _pages(output / "zine-d-essai-letters.pdf"), 0)}
    facts = page.eval_on_selector_all("#print dd", "nodes => nodes.map(node => node.textContent)")
    assert facts[:3] == ["zine-d-essai-booklet.pdf", "retourner sur le bord court", str(sides // 2)]
    # How many blanks, and where: not their places alone, which read as a count.
    assert facts[3] == "aucune" if not blanks else re.fullmatch(rf"{blanks} \(pages? [\d, ]+ du livret\)", facts[3])
    links = page.eval_on_selector_all("#downloads a", "nodes => nodes.map(node => node.getAttribute('href'))")
    assert {link.rsplit("/", 1)[1] for link in links} >= {path.name for path in output.glob("*.pdf")}
    sheet = page.request.get(served[0] + page.get_attribute("#test-sheet a", "href").lstrip("/"))
    assert sheet.ok and len(PdfReader(io.BytesIO(sheet.body())).pages) == 2, "the duplex test sheet, front and back"


def test_a_state_fetched_earlier_never_replaces_one_fetched_later(page: Any) -> None:
    """Two builds announced close together: the first fetch of /state.json answers last (stale), the
    second at once; the page shows the later state, not the one that arrived last."""
    shown = page.evaluate("""async () => {
        const real = window.fetch;
        let calls = 0;
        window.fetch = async (url, options) => {
            const call = ++calls;
            const answer = await real(url, options);
            const body = await answer.json();
            if (call === 1) {
                await new Promise((resolve) => setTimeout(resolve, 400));
                body.stale = true;
            }
            return new Response(JSON.stringify(body));
        };
        try { await Promise.all([refresh(), refresh()]); } finally { window.fetch = real; }
        return state.stale === true;
    }""")
    assert shown is False, "an older state was shown over a newer one"


def test_stopping_the_desk_ends_its_workers(served: tuple[str, Path, Any]) -> None:
    """`kill` (SIGTERM) ends zine serve as Ctrl-C does: at once, its worker processes with it. Last
    in this file: the desk is gone after it."""
    workers = children(served[2].pid)
    served[2].terminate()
    assert served[2].wait(timeout=30) == 0
    assert len(workers) == 2 and not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "orphaned workers"

