"""The `slow` marker that `make test-fast` leaves out (tests/conftest.py, issue 19 item 7): set on
the tests that build a zine however they do it, and on no other."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

FILES = ["tests/commands/test_cli.py", "tests/pipeline/test_build.py", "tests/pipeline/test_loop.py", "tests/render/test_notices.py",
         "tests/render/test_pictures.py", "tests/test_paper.py"]


def collected(marker: str) -> set[str]:
    """The ids of the tests of FILES that `-m marker` selects."""
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                           "-m", marker, *FILES], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return {line for line in done.stdout.splitlines() if "::" in line}


def test_every_way_of_building_a_zine_marks_the_test_slow() -> None:
    slow = collected("slow")
    assert {
        "tests/pipeline/test_build.py::test_booklet_sides_are_a4_landscape",  # sample_build
        "tests/commands/test_cli.py::test_build_prints_a_summary",  # `zine build` in this process
        "tests/pipeline/test_loop.py::test_a_warm_rebuild_lays_out_only_what_changed",  # a helper, a Session
        "tests/pipeline/test_loop.py::test_watch_rebuilds_on_a_change",  # `zine watch` in another process
        "tests/render/test_notices.py::test_a_machine_without_harfbuzz_subset_builds_with_one_warning",  # a script
        "tests/render/test_pictures.py::test_every_picture_lies_inside_its_pages_text_area[a6]",  # getfixturevalue
        "tests/render/test_pictures.py::test_a_rebuild_reuses_the_resampled_pictures",  # a module's build fixture
    } <= slow


def test_the_unit_tables_stay_in_the_fast_loop() -> None:
    fast = collected("not slow")
    assert {
        "tests/render/test_notices.py::test_only_the_listed_messages_are_warnings",
        "tests/render/test_pictures.py::test_the_text_areas_pictures_are_sized_for_are_the_stylesheets[A5]",
        "tests/test_paper.py::test_iso_sizes_halve_from_a3_to_a7",
    } <= fast
    assert not any(name.startswith("tests/pipeline/test_loop.py") for name in fast)
