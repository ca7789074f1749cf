"""Helpers for the workflow tests: the CLI in-process and in a subprocess, small trees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.cli import main

REPO = Path(__file__).resolve().parents[2]

PAGE = """\
# {name}

{description}

## Fields

| Field       | Type  | Required           | Description |
| ----------- | ----- | ------------------ | ----------- |
| `id`        | *str* | :heavy_check_mark: | N/A         |
| `date_time` | *int* | :heavy_minus_sign: | N/A         |
"""


def write_pages(root: Path, pages: dict[str, str]) -> Path:
    for rel, text in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def model_page(name: str, description: str = "A thing.") -> str:
    return PAGE.format(name=name, description=description)


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """docgen's CLI in this process: (exit status, stdout, stderr)."""
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def docgen_process(*args: str, cwd: Path = REPO, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    """docgen's CLI in a new process, importing docgen from this checkout."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "docgen", *args], cwd=cwd, env=env, capture_output=True, text=True, **kwargs
    )


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }
