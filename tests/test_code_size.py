"""The package stays easy to read: no module of docgen over 400 lines, no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

import docgen

ROOT = Path(docgen.__file__).parent
MODULE_LINES, FUNCTION_LINES = 400, 60


def modules() -> list[Path]:
    found = sorted(ROOT.rglob("*.py"))
    assert len(found) > 30 and any(p.parent != ROOT for p in found), "docgen's stage folders are found"
    return found


def long_functions(source: str) -> dict[str, int]:
    """Function name (and line) -> length in lines, decorators included, for each over the limit."""
    long = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            length = (node.end_lineno or node.lineno) - start + 1
            if length > FUNCTION_LINES:
                long[f"{node.lineno} {node.name}"] = length
    return long


def test_no_module_is_over_400_lines() -> None:
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text("utf-8").splitlines()) for p in modules()}
    assert {path: n for path, n in sizes.items() if n > MODULE_LINES} == {}


def test_no_function_is_over_60_lines() -> None:
    found = {
        f"{p.relative_to(ROOT).as_posix()}:{k}": n
        for p in modules()
        for k, n in long_functions(p.read_text("utf-8")).items()
    }
    assert found == {}


def test_a_long_function_or_method_is_found() -> None:
    body = "\n".join(f"        x{n} = {n}" for n in range(FUNCTION_LINES))
    source = f"class C:\n    @staticmethod\n    def short():\n        pass\n\n    def f(self):\n{body}\n"
    assert long_functions(source) == {"6 f": FUNCTION_LINES + 1}
