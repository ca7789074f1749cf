"""The docgen-diff hook, end to end with the real pre-commit: README's block as written (its
``repo`` pointed at a snapshot of this checkout), on commit and as the CI check against a base."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_precommit import REMOTE_URL, committed, docgen_repo, git  # noqa: F401 - docgen_repo is a fixture
from workflow_helpers import write_pages

from tests.conftest import git_env
from tests.diff.trees import PAIRS, base
from tests.readme_blocks import blocks

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
pytest.importorskip("pre_commit")

SECTION = "What changed between two versions of the docs: `docgen diff`"
EDITS = {pair.name: pair.edit for pair in PAIRS}


def _hook_block() -> str:
    (block,) = [b.text for b in blocks(SECTION) if b.language == "yaml" and "repos:" in b.text]
    return block


def test_the_published_hook_runs_diff_on_the_staged_docs() -> None:
    import yaml

    from tests.conftest import REPO

    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["docgen-diff"]["entry"] == "docgen diff --staged"
    assert hooks["docgen-diff"]["pass_filenames"] is False


def test_breaking_commit_refused_then_accepted_and_the_ci_check(docgen_repo: tuple[Path, str]) -> None:  # noqa: F811
    source, _ = docgen_repo
    user = source.parent / "user-diff"
    write_pages(
        user,
        {
            "docs/models/shared/.keep": "",
            "pyproject.toml": '[tool.docgen]\nspecs = "docs"\n',
            ".pre-commit-config.yaml": _hook_block().replace(REMOTE_URL, source.as_uri()),
        },
    )
    write_pages(user / "docs", base())
    run = [sys.executable, "-m", "pre_commit"]
    assert git(user, "init", "-q", "-b", "main").returncode == 0
    installed = subprocess.run([*run, "install"], cwd=user, capture_output=True, text=True, env=git_env(user))
    assert installed.returncode == 0, installed.stdout + installed.stderr

    git(user, "add", "-A")
    first = committed(user, "docs")  # the first commit: every type is new, nothing breaks
    assert first.returncode == 0, first.stdout

    write_pages(user / "docs", EDITS["field-removed"](base()))
    git(user, "add", "docs")
    refused = committed(user, "drop label")
    assert refused.returncode != 0
    assert "error[field-removed]: Thing.label was removed" in refused.stdout, refused.stdout

    (user / "docs-changes.ignore").write_text("field-removed Thing.label\n", encoding="utf-8")
    (user / "pyproject.toml").write_text('[tool.docgen]\nspecs = "docs"\ndiff-ignore = "docs-changes.ignore"\n')
    git(user, "add", "-A")
    accepted = committed(user, "drop label, accepted")
    assert accepted.returncode == 0, accepted.stdout

    # CI: a commit made without the hook is checked against the base branch (the accepted state)
    bare = source.parent / "origin.git"
    assert git(source.parent, "init", "-q", "--bare", str(bare)).returncode == 0
    git(user, "remote", "add", "origin", bare.as_uri())
    git(user, "push", "-q", "origin", "HEAD:refs/heads/main")
    git(user, "fetch", "-q", "origin")
    write_pages(user / "docs", EDITS["enum-value-removed"](EDITS["field-removed"](base())))
    git(user, "commit", "-qam", "drop green", "--no-verify")
    check = subprocess.run(
        [*run, "run", "docgen-diff-base", "--all-files", "--hook-stage", "manual"],
        cwd=user,
        capture_output=True,
        text=True,
        env=git_env(user),
    )
    assert check.returncode == 1, check.stdout + check.stderr
    assert "error[enum-value-removed]: Colour lost the value 'green'" in check.stdout
    assert "field-removed" not in check.stdout  # accepted in the ignore file
