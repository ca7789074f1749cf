"""The command line as users and scripts meet it: output, exit codes, what is written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.cli import main
from tests.conftest import REPO, SPECS


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "docgen", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def broken_specs(root: Path) -> Path:
    (root / "models").mkdir(parents=True)
    (root / "models" / "good.md").write_text(
        "# Good\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n| `a` | *int* | :heavy_check_mark: | N/A |\n"
    )
    (root / "models" / "bad.md").write_text(
        "# Bad\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"
        "| `a` | *Optional[int* | :heavy_check_mark: | N/A |\n| `b` | [x.Y](nowhere.md) | :heavy_check_mark: | N/A |\n"
    )
    (root / "models" / "empty.md").write_text("no heading here\n")
    return root


def test_help_documents_commands_options_and_exit_codes() -> None:
    top = run("--help")
    build = run("build", "--help")
    assert top.returncode == 0 and build.returncode == 0
    assert "build" in top.stdout and "exit status" in top.stdout
    for text in ("SPECS", "-o OUT", "--out", "default: generated/", "123", "--lock-timeout SECONDS", "--force"):
        assert text in build.stdout


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2 and "usage" in result.stderr


def test_build_prints_one_summary_line_and_writes_the_package(tmp_path: Path) -> None:
    result = run("build", str(SPECS), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(
        r"docgen: 24 pages read; 17 models, 4 enums, 4 unions emitted; \d+ files? changed in .*; \d+\.\d\ds\n",
        result.stdout,
    )
    assert (tmp_path / "out" / "__init__.py").is_file() and (tmp_path / "out" / "py.typed").is_file()


def test_rebuild_rewrites_nothing_and_builds_are_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SPECS), "-o", str(out), "-q"]) == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    first = tree_bytes(out)
    result = run("build", str(SPECS), "-o", str(out))
    assert " 0 files changed" in result.stdout
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == stamps
    other = tmp_path / "other"
    assert main(["build", str(SPECS), "-o", str(other), "-q"]) == 0
    assert tree_bytes(other) == first


def test_output_does_not_depend_on_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    result = run("build", os.path.relpath(SPECS, tmp_path / "elsewhere"), "-o", "gen", cwd=tmp_path / "elsewhere")
    assert result.returncode == 0, result.stderr
    assert main(["build", str(SPECS), "-o", str(tmp_path / "here"), "-q"]) == 0
    assert tree_bytes(tmp_path / "elsewhere" / "gen") == tree_bytes(tmp_path / "here")


def test_errors_are_all_reported_located_and_nothing_is_written(tmp_path: Path) -> None:
    broken_specs(tmp_path / "specs")
    out = tmp_path / "out"
    result = run("build", "specs", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [  # paths relative to the current folder, so that path:line:col can be followed
        "specs/models/bad.md:7:23: error: expected ']' in type, found end of cell [D201]",
        "specs/models/bad.md:8:9: error: link 'nowhere.md' points to a page that does not exist"
        " (models/nowhere.md) [D302]",
        "specs/models/empty.md:1:1: error: page has no '# Title' heading naming its type [D102]",
    ]
    assert result.stderr.count("  hint: ") == 3
    assert result.stderr.rstrip().endswith("docgen: 3 errors; nothing was written")
    assert not out.exists()


def test_errors_leave_an_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SPECS), "-o", str(out), "-q"]) == 0
    before = tree_bytes(out)
    specs = broken_specs(tmp_path / "specs")
    assert run("build", str(specs), "-o", str(out)).returncode == 1
    assert tree_bytes(out) == before


def test_missing_specs_folder_is_a_command_line_mistake(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nope"))
    assert result.returncode == 2 and "does not exist" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "empty").mkdir()
    result = run("build", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "no *.md pages found" in result.stderr


def test_an_internal_error_exits_123_with_the_traceback(monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docgen.build

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")

    monkeypatch.setattr(docgen.build, "generate", broken)
    assert main(["build", str(SPECS), "-o", str(tmp_path / "out"), "--no-cache"]) == 123
    err = capsys.readouterr().err
    assert "RuntimeError: a bug" in err and "internal error (this is a bug in docgen" in err


def test_summary_says_one_page_and_several_files(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "one.md").write_text(
        "# One\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"
        "| `a` | *int* | :heavy_check_mark: | N/A |\n"
    )
    result = run("build", str(tmp_path / "specs"), "-o", str(tmp_path / "out"), "--no-cache")
    assert re.match(r"docgen: 1 page read; 1 model, 0 enums, 0 unions emitted; \d+ files changed in ", result.stdout)


def test_version_names_docgen_black_and_python() -> None:
    import black

    result = run("--version")
    assert result.returncode == 0
    assert re.fullmatch(
        rf"docgen \S+ \(black {re.escape(black.__version__)}, Python \d+\.\d+\.\d+\S*\)\n", result.stdout
    )


@pytest.mark.parametrize("columns", [60, 100])
def test_help_is_wrapped_to_the_terminal_and_lists_every_setting(columns: int) -> None:
    from docgen.config import KEYS

    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": str(columns)}
    for command in ([], ["build"], ["check"], ["diff"]):
        shown = subprocess.run(
            [sys.executable, "-m", "docgen", *command, "--help"], env=env, capture_output=True, text=True, timeout=60
        ).stdout
        assert max(len(line) for line in shown.splitlines()) <= columns, shown
        listed = shown.split("[tool.docgen] keys", 1)[1]
        assert [key for key in KEYS if f"\n  {key} " not in listed] == []


def test_refuses_a_non_empty_folder_it_does_not_own(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    result = run("build", str(SPECS), "-o", str(out))
    assert result.returncode == 1 and "not empty" in result.stderr
    assert tree_bytes(out) == {"notes.txt": b"keep me"}


@pytest.mark.parametrize("args", [["build"], ["build", "specs", "--bogus"], ["frobnicate"]])
def test_bad_command_lines_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2 and "usage:" in result.stderr
