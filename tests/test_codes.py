"""Every kind of diagnostic has a stable code, README.md lists them, and the CLI prints them."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.codes import CODES, UNCODED, code_of
from tests.conftest import REPO

#: The calls that make a diagnostic, and the position of their message argument.
#: (``__init__``: the message of an exception whose text becomes a diagnostic's.)
MAKERS = {
    "error": 1,
    "warning": 1,
    "note": 1,
    "remark": 1,
    "_refused": 0,
    "fail": 0,
    "TypeSyntaxError": 0,
    "__init__": 0,
}


def _text(node: ast.expr) -> str | None:
    """The message a call argument spells, with ``x`` for each value put into it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(part.value) if isinstance(part, ast.Constant) else "x" for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        return left + (right or "x") if left is not None else None
    return None  # a message passed along (exc.message): coded where it was made


def written_messages() -> list[tuple[str, str]]:
    """(where, message) for every diagnostic message spelled out in docgen's code."""
    found = []
    for path in sorted((REPO / "docgen").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == ["message"]:
                text = _text(node.value)  # message = f"..." and then error(span, message)
                if text is not None:
                    found.append((f"{path.relative_to(REPO)}:{node.lineno}", text))
                continue
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            position = MAKERS.get(name)
            if position is None or len(node.args) <= position:
                continue
            text = _text(node.args[position])
            if text is not None:
                found.append((f"{path.relative_to(REPO)}:{node.lineno}", text))
    return found


def test_every_message_docgen_writes_has_a_code() -> None:
    messages = written_messages()
    assert len(messages) > 50
    assert [(where, text) for where, text in messages if code_of(text) == UNCODED] == []


def test_codes_are_unique_and_each_example_is_its_own_kind() -> None:
    assert len({c.code for c in CODES}) == len(CODES)
    assert all(re.fullmatch(r"D[1-7]\d\d", c.code) for c in CODES)
    assert [(c.code, code_of(c.example)) for c in CODES if code_of(c.example) != c.code] == []


def test_every_code_is_used_by_some_message() -> None:
    used = {code_of(text) for _, text in written_messages()}
    assert sorted(c.code for c in CODES if c.code not in used) == []


def test_readme_lists_every_code() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `(D\d{3})` \| (.+?) \|$", readme, re.MULTILINE)
    assert [code for code, _ in listed] == [c.code for c in CODES]
    assert [example for _, example in listed] == [c.example.replace("|", "\\|") for c in CODES]


def _docgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "DOCGEN_CACHE_DIR": str(cwd / ".cache")}
    return subprocess.run(
        [sys.executable, "-m", "docgen", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    page = tmp_path / "project" / "docs" / "models" / "thing.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "# Thing\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `a` | *Strng* | :heavy_check_mark: |\n"
    )
    return tmp_path / "project"


def test_error_format_json_prints_one_object_per_diagnostic(broken: Path) -> None:
    result = _docgen("build", "docs", "-o", "out", "--error-format", "json", cwd=broken)
    assert result.returncode == 1
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {
            "path": "docs/models/thing.md",
            "line": 7,
            "column": 10,
            "severity": "error",
            "code": "D206",
            "message": "unknown type name 'Strng'",
            "hint": json.loads(result.stdout)["hint"],
        }
    ]
    assert json.loads(result.stdout)["hint"].startswith("use a primitive")
    assert result.stderr == "docgen: 1 error; nothing was written\n"


def test_paths_are_relative_to_the_current_folder_or_absolute(broken: Path, tmp_path: Path) -> None:
    inside = _docgen("build", ".", "-o", "../out", cwd=broken / "docs")
    assert inside.stderr.startswith("models/thing.md:7:10: error: unknown type name 'Strng' [D206]\n"), inside.stderr
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = _docgen("build", "../project/docs", "-o", "out", cwd=outside)
    assert result.stderr.startswith(f"{(broken / 'docs/models/thing.md').as_posix()}:7:10: error: "), result.stderr


def test_configuration_errors_in_json_too(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.docgen]\nspecs = "docs"\nwire-naming = "snake"\n')
    result = _docgen("build", "--error-format", "json", cwd=tmp_path)
    assert result.returncode == 2
    (problem,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (problem["path"], problem["line"], problem["code"]) == ("pyproject.toml", 3, "D408")
