"""The builder keeps the shape issue 19 (item 7) asks for: at most 12 modules directly in builder/
(the rest live in the folders that name the stages), no module over 250 lines, no function over
40 (counted from its `def` line to its last line, docstring included, decorators not: end_lineno -
lineno + 1, as ast gives them)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

BUILDER = ROOT / "builder"
TOP_MODULES, MODULE_LINES, FUNCTION_LINES = 12, 250, 40


def lines(path: Path) -> int:
    """A module's lines, as `wc -l` counts them."""
    return path.read_text(encoding="utf-8").count("\n")


def long_functions(path: Path) -> list[str]:
    """The functions and methods of a module longer than FUNCTION_LINES: "name (lines)"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{node.name} ({node.end_lineno - node.lineno + 1})" for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None
            and node.end_lineno - node.lineno + 1 > FUNCTION_LINES]


def test_the_counts_read_a_module_as_wc_and_ast_do(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    body = "\n".join(f"    x{n} = {n}" for n in range(FUNCTION_LINES - 1))
    module.write_text(f"def short():\n{body}\n\n\ndef long():\n{body}\n    x = 0\n", encoding="utf-8")
    assert lines(module) == 2 * FUNCTION_LINES + 3
    assert long_functions(module) == [f"long ({FUNCTION_LINES + 1})"]


def test_at_most_twelve_modules_lie_directly_in_builder() -> None:
    top = sorted(path.name for path in BUILDER.glob("*.py"))
    assert len(top) <= TOP_MODULES, top


def test_no_module_is_over_250_lines() -> None:
    over = {str(path.relative_to(ROOT)): lines(path) for path in sorted(BUILDER.rglob("*.py"))
            if lines(path) > MODULE_LINES}
    assert not over, over


def test_no_function_is_over_40_lines() -> None:
    over = {str(path.relative_to(ROOT)): found for path in sorted(BUILDER.rglob("*.py"))
            if (found := long_functions(path))}
    assert not over, over
