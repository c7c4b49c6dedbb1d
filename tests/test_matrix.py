"""`make test-matrix`'s lowest environment installs each dependency at the floor pyproject.toml declares."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT


def _floors() -> dict[str, str]:
    """Each dependency (runtime and test) and the lowest version pyproject.toml allows."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors: dict[str, str] = {}
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[a-z0-9,]+\])?\s*>=\s*([^,\s]+)\s*,.*", requirement)
        assert found, f"{requirement!r}: every dependency has a floor (>=) and a ceiling"
        floors[found[1].lower()] = found[2]
    return floors


def test_the_lowest_constraints_are_the_declared_floors() -> None:
    text = (ROOT / "matrix" / "lowest.txt").read_text(encoding="utf-8")
    pins = {name.lower(): version for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.MULTILINE)}
    floors = _floors()
    assert {"weasyprint", "pypdf", "pillow", "pytest"} <= floors.keys()
    # A floor written "6" is the release "6.0.0": compare them padded.
    assert {name: _padded(version) for name, version in pins.items()} == \
           {name: _padded(version) for name, version in floors.items()}


def _padded(version: str) -> tuple[int, ...]:
    numbers = tuple(int(part) for part in version.split("."))
    return numbers + (0,) * (3 - len(numbers))
