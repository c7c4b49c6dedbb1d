"""The package type-checks under mypy --strict (DESIGN: types everywhere, checked)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_mypy_strict_on_builder() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
