"""WeasyPrint messages that are warnings, not errors (render.notices): the build goes on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builder.render import notices

from conftest import ROOT, SAMPLE, copy_project

WITHOUT_HARFBUZZ_SUBSET = """
import sys
import weasyprint.pdf.fonts as fonts
fonts.harfbuzz_subset = None  # as on a machine without libharfbuzz-subset0 (Debian's Pango alone)
from builder.cli import main
codes = [main(["build", "--no-previews", "--output", output]) for output in sys.argv[1:]]
sys.exit(max(codes))
"""


def test_only_the_listed_messages_are_warnings() -> None:
    assert notices.notice('Using fontTools instead of HarfBuzz-Subset for font "Charis SIL". This will be '
                          "unsupported in future versions of WeasyPrint.") is not None
    assert notices.notice("Ignored `colour: red` at 3:1, unknown property.") is None
    assert notices.notice("Failed to load font at url(x.woff2)") is None


def test_a_machine_without_harfbuzz_subset_builds_with_one_warning(tmp_path: Path) -> None:
    """WeasyPrint falls back on fontTools; the build says so once and its bytes stay reproducible."""
    project = copy_project(SAMPLE, tmp_path / "project")
    done = subprocess.run([sys.executable, "-c", WITHOUT_HARFBUZZ_SUBSET, "one", "two"], cwd=project,
                          capture_output=True, text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "fontTools" in line]
    assert len(warnings) == 2, done.stderr  # once per build, though every font of every document met it
    assert "warning: fonts subset with fontTools" in warnings[0] and "libharfbuzz-subset0" in warnings[0]
    one, two = (sorted((project / name).glob("*.pdf")) for name in ("one", "two"))
    assert [path.name for path in one] == [path.name for path in two] and one
    assert [path.read_bytes() for path in one] == [path.read_bytes() for path in two]


def test_a_message_of_weasyprint_that_names_no_file_is_never_shown_raw(tmp_path: Path) -> None:
    """Issue 20, item 6: what WeasyPrint says without a file of ours is framed, its URLs shown as project paths."""
    from builder.render import diagnose
    from builder.render.sandbox import SandboxFetcher

    (tmp_path / "content").mkdir()
    fetcher = SandboxFetcher((tmp_path / "content",), tmp_path)
    raw = f"Something odd happened with {(tmp_path / 'content/x.svg').as_uri()}."
    error = diagnose.warning(raw, fetcher, "reading document")
    assert error.where == "reading document"
    assert error.message.startswith("the page layout (WeasyPrint) reports: Something odd happened with ")
    assert str(tmp_path) not in error.message and "file:" not in error.message
    tofu = diagnose.warning('.notdef glyph rendered for Unicode string unsupported by fonts: "\u2043"', fetcher,
                            "reading document")  # a character typed in no file (a template's, say)
    assert tofu.message.startswith("no font has the character \u2043 (U+2043 HYPHEN BULLET;")
