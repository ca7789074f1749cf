"""Whole generated outputs, as syrupy snapshots: the specs/ tree and focused fixture trees.

A snapshot is a claim that the output is right: review every diff before running
``pytest --snapshot-update``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from docgen.build import generate
from tests.conftest import SPECS

FIXTURES = Path(__file__).parent / "fixtures"
TREES = {"specs": SPECS, **{p.name: p for p in sorted(FIXTURES.iterdir()) if p.is_dir()}}


@lru_cache(maxsize=None)
def generated_files(tree: str) -> dict[str, str]:
    result = generate(TREES[tree])
    assert not [d for d in result.diagnostics if d.severity == "error"], [d.render() for d in result.diagnostics]
    return result.files


CASES = [(tree, path) for tree in TREES for path in generated_files(tree)]


@pytest.mark.parametrize(("tree", "path"), CASES, ids=[f"{t}:{p}" for t, p in CASES])
def test_generated_file(tree: str, path: str, snapshot) -> None:
    assert generated_files(tree)[path] == snapshot


@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_generated_module_compiles(tree: str) -> None:
    for path, text in generated_files(tree).items():
        if path.endswith(".py"):
            compile(text, path, "exec")
