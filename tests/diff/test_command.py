"""``docgen diff`` on the command line: trees from folders and git, formats, exit status, ignore file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import git_env
from tests.diff.pages import Row, model, page
from tests.diff.trees import PAIRS, base
from tests.workflow.workflow_helpers import run_main, write_pages

EDITS = {pair.name: pair.edit for pair in PAIRS}


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_text_lines_as_a_compiler_prints_them_removals_at_the_old_page(trees: Path, capsys) -> None:
    status, out, err = run_main(capsys, "diff", "old", "new", "--no-config")
    assert status == 1 and err == ""
    lines = out.splitlines()
    label = _line_of(base()[page("Thing")], "`label`")
    assert lines[0] == f"old/models/shared/thing.md:{label}:3: error[field-removed]: Thing.label was removed"
    assert lines[1] == "new/models/shared/extra.md:1:3: info[type-added]: Extra was added (a model)"
    assert lines[2].startswith("docgen diff: 1 error, 0 warnings, 1 info (old -> new); ")


@pytest.mark.parametrize(("fail_on", "status"), [("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on_counts_the_level_and_above(trees: Path, capsys, fail_on: str, status: int) -> None:
    assert run_main(capsys, "diff", "old", "new", "--no-config", "--fail-on", fail_on)[0] == status


def test_info_changes_pass_unless_fail_on_info(trees: Path, capsys) -> None:
    write_pages(trees / "added", EDITS["type-added"](base()))
    assert run_main(capsys, "diff", "old", "added", "--no-config")[0] == 0
    assert run_main(capsys, "diff", "old", "added", "--no-config", "--fail-on", "warning")[0] == 0
    assert run_main(capsys, "diff", "old", "added", "--no-config", "--fail-on", "info")[0] == 1
    status, out, _ = run_main(capsys, "diff", "old", "old", "--no-config", "--fail-on", "info")
    assert status == 0 and out.startswith("docgen diff: no changes (old -> old)")


def test_json_lists_objects_with_both_locations(trees: Path, capsys) -> None:
    status, out, err = run_main(capsys, "diff", "old", "new", "--no-config", "--format", "json")
    assert status == 1 and err.startswith("docgen diff: 1 error, 0 warnings, 1 info")
    removed, added = json.loads(out)
    assert removed == {
        "id": "field-removed",
        "level": "error",
        "type": "models.shared.Thing",
        "field": "label",
        "message": "Thing.label was removed",
        "old": {"path": "old/models/shared/thing.md", "line": _line_of(base()[page("Thing")], "`label`"), "column": 3},
        "new": None,
    }
    assert (added["id"], added["old"], added["new"]["path"]) == ("type-added", None, "new/models/shared/extra.md")


def test_markdown_is_a_table_for_a_pull_request(trees: Path, capsys) -> None:
    status, out, _ = run_main(capsys, "diff", "old", "new", "--no-config", "--format", "markdown")
    lines = out.splitlines()
    assert status == 1
    assert lines[:6] == [
        "### docgen diff old new",
        "",
        "**1 error, 0 warnings, 1 info**",
        "",
        "| Level | Rule | Change | Where |",
        "| --- | --- | --- | --- |",
    ]
    assert lines[6].startswith("| error | `field-removed` | Thing.label was removed | `old/models/shared/thing.md:")
    assert len(lines) == 8


def test_an_ignore_file_silences_by_rule_and_field(trees: Path, capsys) -> None:
    (trees / "accepted").write_text("# reviewed\nfield-removed Thing.label\ntype-added  # new types are fine\n")
    status, out, _ = run_main(capsys, "diff", "old", "new", "--no-config", "--ignore", "accepted")
    assert status == 0 and out.startswith("docgen diff: no changes")
    (trees / "accepted").write_text("shared.Thing.label\n")
    status, out, _ = run_main(capsys, "diff", "old", "new", "--no-config", "--ignore", "accepted", "--fail-on", "info")
    assert status == 1 and [line.split(": ")[1] for line in out.splitlines()[:-1]] == ["info[type-added]"]


def test_diff_ignore_in_pyproject_and_its_mistakes_located(trees: Path, capsys) -> None:
    (trees / "pyproject.toml").write_text('[tool.docgen]\nspecs = "new"\ndiff-ignore = "accepted"\n')
    (trees / "accepted").write_text("field-removed Thing.label\nfield-gone Thing.label\nThing label extra\n")
    status, out, err = run_main(capsys, "diff", "old")
    assert (status, out) == (2, "")
    assert err.splitlines()[0] == "accepted:2:1: error: unknown rule 'field-gone' in an ignore file [D422]"
    assert err.splitlines()[2].startswith("accepted:3:1: error: ignore entry 'Thing label extra' is not 'RULE'")
    (trees / "accepted").write_text("field-removed Thing.label\n")
    status, out, _ = run_main(capsys, "diff", "old")  # NEW is specs of [tool.docgen]
    assert status == 0 and "info[type-added]" in out
    (trees / "accepted").unlink()
    status, _, err = run_main(capsys, "diff", "old")
    assert status == 2 and err.startswith("accepted:1:1: error: cannot read the ignore file: ") and "[D421]" in err


def test_pages_with_errors_are_diagnosed_and_nothing_is_compared(trees: Path, capsys) -> None:
    write_pages(trees / "new", {page("Broken"): model("Broken", [Row("x", "Strng")])})
    status, out, err = run_main(capsys, "diff", "old", "new", "--no-config")
    assert (status, out) == (2, "")
    assert err.splitlines()[0].startswith("new/models/shared/broken.md:")
    assert "unknown type name 'Strng' [D206]" in err.splitlines()[0]
    assert err.splitlines()[-1] == "docgen diff: 1 error in the pages of NEW (new); nothing was compared"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["nowhere", "new"], "'nowhere' is neither a folder nor a revision"),
        (["old"], "no NEW folder"),
        ([], "give OLD"),
        (["--staged", "old", "new"], "give OLD only"),
    ],
)
def test_usage_mistakes_exit_2(trees: Path, capsys, monkeypatch: pytest.MonkeyPatch, args, says: str) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(trees.parent))
    for key, value in git_env(trees).items():
        monkeypatch.setenv(key, value)
    assert _git(trees, "init", "-q") == ""
    status, _, err = run_main(capsys, "diff", *args, "--no-config")
    assert status == 2 and says in err, err


def test_a_missing_folder_outside_git_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.chdir(tmp_path)
    status, _, err = run_main(capsys, "diff", "gone", "also-gone", "--no-config")
    assert status == 2
    assert err.splitlines()[-1] == (
        "docgen diff: error: 'gone' is not a folder (nor a revision: the current folder is not in a git repository)"
    )


def test_a_renamed_python_name_with_the_same_wire_name_is_no_removal(tmp_path: Path, monkeypatch, capsys) -> None:
    old = {page("Item"): model("Item", [Row("user_id", "str"), Row("kind", "str")])}
    new = {page("Item"): model("Item", [Row("userId", "str"), Row("kind", "str")])}
    write_pages(tmp_path / "old", old)
    write_pages(tmp_path / "new", new)
    monkeypatch.chdir(tmp_path)
    status, out, _ = run_main(
        capsys, "diff", "old", "new", "--no-config", "--wire-naming", "camelCase", "--fail-on", "info"
    )
    assert (status, out.splitlines()[0]) == (0, f"docgen diff: no changes (old -> new); {out.split('; ')[1].strip()}")
    status, out, _ = run_main(capsys, "diff", "old", "new", "--no-config")  # as documented, the JSON keys differ
    assert status == 1 and "error[field-removed]: Item.user_id was removed" in out


# --- trees from git --------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> str:
    import subprocess

    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=git_env(cwd))
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository: docs/ committed twice (base, then Thing.label removed), specs = docs."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    root = tmp_path / "project"
    write_pages(root / "docs", base())
    (root / "pyproject.toml").write_text('[tool.docgen]\nspecs = "docs"\n')
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    write_pages(root / "docs", EDITS["field-removed"](base()))
    _git(root, "commit", "-qam", "label removed")
    for key, value in git_env(root).items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(root)
    return root


def test_revisions_are_read_through_git_and_the_working_tree_is_untouched(repo: Path, capsys) -> None:
    write_pages(repo / "docs", EDITS["type-added"](base()))  # an uncommitted edit: label back, Extra added
    before = {p: p.read_bytes() for p in sorted(repo.rglob("*")) if p.is_file() and ".git" not in p.parts}
    status, out, _ = run_main(capsys, "diff", "HEAD~1", "HEAD")
    assert status == 1
    assert out.splitlines()[0].startswith("HEAD~1:docs/models/shared/thing.md:")
    assert out.splitlines()[0].endswith(": error[field-removed]: Thing.label was removed")
    status, out, _ = run_main(capsys, "diff", "HEAD:docs", "--fail-on", "info")  # NEW: the working tree's docs
    assert status == 1
    assert [line.split(": ", 1)[1] for line in out.splitlines()[:-1]] == [
        "info[type-added]: Extra was added (a model)",
        "info[field-added]: Thing.label was added (optional)",
    ]
    after = {p: p.read_bytes() for p in sorted(repo.rglob("*")) if p.is_file() and ".git" not in p.parts}
    assert after == before
    assert _git(repo, "status", "--porcelain") == " M docs/models/shared/thing.md\n?? docs/models/shared/extra.md\n"


def test_staged_docs_against_head(repo: Path, capsys) -> None:
    staged = EDITS["type-added"](EDITS["enum-value-removed"](EDITS["field-removed"](base())))
    write_pages(repo / "docs", staged)
    _git(repo, "add", "docs")
    write_pages(repo / "docs", {page("Extra"): model("Extra", [Row("y", "str")])})  # not staged: not compared
    status, out, _ = run_main(capsys, "diff", "--staged", "--fail-on", "info")
    lines = out.splitlines()
    assert status == 1 and len(lines) == 3
    assert lines[0].startswith("HEAD:docs/models/shared/colour.md:")  # a removal: where it was
    assert lines[0].endswith(": error[enum-value-removed]: Colour lost the value 'green'")
    assert lines[1] == ":docs/models/shared/extra.md:1:3: info[type-added]: Extra was added (a model)"


def test_a_revision_without_the_folder_has_no_types(repo: Path, capsys) -> None:
    write_pages(repo / "new-docs", base())
    status, out, err = run_main(capsys, "diff", "HEAD:new-docs", "new-docs", "--fail-on", "info")
    assert status == 1 and err == "docgen diff: OLD (HEAD:new-docs) has no such folder: every type counts as new\n"
    assert {line.split(": ")[1] for line in out.splitlines()[:-1]} == {"info[type-added]"}
    assert len(out.splitlines()) == len(base()) + 1


def test_the_first_commit_compares_with_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    write_pages(tmp_path / "docs", base())
    for key, value in git_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "docs")
    status, out, _ = run_main(capsys, "diff", "--staged", "HEAD:docs", "--no-config")
    assert status == 0 and out.splitlines()[-1].startswith(f"docgen diff: 0 errors, 0 warnings, {len(base())} info")
