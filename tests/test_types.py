"""The package type-checks under mypy --strict and passes ruff (DESIGN: types everywhere, checked)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_mypy_strict_on_builder() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    """The lint rules of pyproject.toml ([tool.ruff]) hold over the builder, tests, benches, matrix."""
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
