"""The generated code itself: mypy --strict and ruff pass on a build of specs/, and the
package works in a fresh virtual environment with no third-party package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from docgen.ir import Spec

SCRIPT = textwrap.dedent("""
    import importlib.util, json, sys
    assert importlib.util.find_spec("jinja2") is None, "the venv must have no third-party packages"
    from parsers_specs import ChatCompletionEvent, ParseError, Role
    from parsers_specs.models.shared.chatcompletionresult import parse_chat_completion_result
    events = json.loads(sys.argv[1])
    parsed = [parse_chat_completion_result(e) for e in events]
    assert parsed[0].data.role is Role.ASSISTANT
    try:
        ChatCompletionEvent.from_dict({"data": {"index": "3"}})
    except ParseError as exc:
        print(exc)
    print(json.dumps([p.to_dict() if hasattr(p, "to_dict") else p for p in parsed], sort_keys=True))
    """)
EVENTS = (
    '[{"data": {"content": "hi", "role": "assistant", "index": 0, "created": "2024-05-01T12:00:00Z"}},'
    ' {"data": "[DONE]"}]'
)


def interpreters() -> list[str]:
    """This Python, and one of every other Python 3.10+ found on PATH or under pyenv."""
    candidates = [sys.executable]
    candidates += [p for p in (shutil.which(f"python3.{minor}") for minor in range(10, 20)) if p]
    candidates += sorted(str(p) for p in Path.home().glob(".pyenv/versions/3.*/bin/python3"))
    found: dict[str, str] = {}
    for path in candidates:
        version = subprocess.run(
            [path, "-c", "import sys; print(sys.version_info >= (3, 10), sys.version_info[:2])"],
            capture_output=True,
            text=True,
        )
        if version.returncode == 0 and version.stdout.startswith("True"):
            found.setdefault(version.stdout.split(" ", 1)[1].strip(), path)
    return list(found.values())


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def test_mypy_strict_passes_on_the_generated_code(specs_build: tuple[ModuleType, Spec, Path]) -> None:
    out = specs_build[2]
    result = run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", out.name], out.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_ruff_passes_on_the_generated_code(specs_build: tuple[ModuleType, Spec, Path]) -> None:
    out = specs_build[2]
    result = run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--target-version", "py310", out.name], out.parent
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("python", interpreters())
def test_generated_package_works_in_a_fresh_venv(
    python: str, specs_build: tuple[ModuleType, Spec, Path], tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    created = run([python, "-m", "venv", "--without-pip", str(venv)], tmp_path)
    assert created.returncode == 0, created.stderr
    bin_python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    shutil.copytree(specs_build[2], tmp_path / "app" / "parsers_specs")
    (tmp_path / "app" / "main.py").write_text(SCRIPT)
    result = run([str(bin_python), "-E", "-s", "main.py", EVENTS], tmp_path / "app")
    assert result.returncode == 0, result.stderr
    lines: list[Any] = result.stdout.splitlines()
    assert lines[0] == "$.data.content: missing required field, expected str"
    assert lines[1] == (
        '[{"data": {"content": "hi", "created": "2024-05-01T12:00:00+00:00", "index": 0, "role": "assistant"}},'
        ' {"data": "[DONE]"}]'
    )
