"""docgen's own code is formatted with black and passes ruff, as its output does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ["docgen", "tests", "benchmarks"]


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "-q", *FOLDERS],
        [sys.executable, "-m", "black", "--check", "-q", *FOLDERS],
    ],
    ids=["ruff", "black"],
)
def test_the_project_is_clean(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
