"""Snapshots of what the CLI prints for broken trees and wrong settings (review every diff)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from workflow_helpers import run_main

CASES = Path(__file__).parent / "diagnostics"


@pytest.mark.parametrize(
    "cases", [("no_h1", "unbalanced", "wrong_cells"), ("link_outside", "duplicate_type", "extra_column")]
)
def test_broken_tree_output(cases: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, snapshot) -> None:  # type: ignore[no-untyped-def]
    for case in cases:
        shutil.copytree(CASES / case / "models" / "shared", tmp_path / "docs" / "models" / case)
    monkeypatch.chdir(tmp_path)
    for command in ("build", "check"):
        status, stdout, stderr = run_main(capsys, command, "docs", "-o", "out", "--strict")
        assert (status, stdout) == (1, "")
        assert stderr == snapshot(name=command)


def test_stale_tree_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, snapshot) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(CASES / "duplicate_field" / "models", tmp_path / "docs" / "models")
    page = tmp_path / "docs/models/shared/thing.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("| `name` | *int* |", "| `size` | *int* |"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert run_main(capsys, "build", "docs", "-o", "out", "-q")[0] == 0
    page.write_text(
        page.read_text(encoding="utf-8").replace("| `size` | *int* |", "| `size` | *float* |"), encoding="utf-8"
    )
    status, stdout, stderr = run_main(capsys, "check", "docs", "-o", "out", "-q")
    assert (status, stderr) == (1, "")
    assert stdout == snapshot
