"""Whole generated outputs, as syrupy snapshots: the specs/ tree and focused fixture trees.

A snapshot is a claim that the output is right: review every diff before running
``pytest --snapshot-update``.
"""

from __future__ import annotations

import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from docgen.build import generate
from docgen.emit.modules import RUNTIME_FILES
from tests.conftest import SPECS

FIXTURES = Path(__file__).parent / "fixtures"
TREES = {"specs": SPECS, **{p.name: p for p in sorted(FIXTURES.iterdir()) if p.is_dir()}}


@lru_cache(maxsize=None)
def generated_files(tree: str) -> dict[str, str]:
    result = generate(TREES[tree])
    assert not [d for d in result.diagnostics if d.severity == "error"], [d.render() for d in result.diagnostics]
    return result.files


SUPPORT_FILES = {f"{name}.py" for name in RUNTIME_FILES}
# The support modules are the same in every tree: their snapshot is taken once, with specs/.
CASES = [(t, p) for t in TREES for p in generated_files(t) if t == "specs" or p not in SUPPORT_FILES]


@pytest.mark.parametrize(("tree", "path"), CASES, ids=[f"{t}:{p}" for t, p in CASES])
def test_generated_file(tree: str, path: str, snapshot) -> None:
    assert generated_files(tree)[path] == snapshot


@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_generated_module_compiles(tree: str) -> None:
    for path, text in generated_files(tree).items():
        if path.endswith(".py"):
            compile(text, path, "exec")


@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_module_imports_first_and_its_hints_resolve(tree: str, tmp_path: Path) -> None:
    """Any module may be the first one a program imports, cycles or not."""
    package = tmp_path / "pkg"
    for path, text in generated_files(tree).items():
        (package / path).parent.mkdir(parents=True, exist_ok=True)
        (package / path).write_text(text, encoding="utf-8")
    modules = ["pkg." + p[: -len(".py")].replace("/", ".") for p in generated_files(tree) if p.endswith(".py")]
    script = (
        "import importlib, inspect, sys, typing\n"
        "module = importlib.import_module(sys.argv[1])\n"
        "for obj in vars(module).values():\n"
        "    if inspect.isclass(obj) and obj.__module__ == module.__name__:\n"
        "        typing.get_type_hints(obj)\n"
    )
    for name in modules:
        name = name.removesuffix(".__init__")
        result = subprocess.run(
            [sys.executable, "-c", script, name], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{name}: {result.stderr[-2000:]}"
