"""The pre-commit blocks of README.md, end to end, with the real pre-commit in a temporary repository.

The remote block is run as written except for its ``repo``: pre-commit clones docgen
from a local git repository (a snapshot of this checkout, tagged with the README's
``rev``) through ``file://`` and installs it into its own environment with pip: no
network is needed beyond the package index that pip uses for docgen's dependencies.
The local block runs the docgen of this environment.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from workflow_helpers import REPO, model_page, write_pages

from docgen import __version__
from tests.conftest import git_env
from tests.readme_blocks import blocks

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
pre_commit = pytest.importorskip("pre_commit")

SHIPPED = ("docgen", "templates", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=_env(cwd))


_env = git_env


SECTION = "Checking, configuration and pre-commit"
REMOTE_URL = "https://git.example.com/docgen.git"


def readme_block(kind: str) -> str:
    """The README's ``repo: local`` or remote ``.pre-commit-config.yaml`` block."""
    local, remote = [b.text for b in blocks(SECTION) if b.language == "yaml"]
    assert "repo: local" in local and f"repo: {REMOTE_URL}" in remote
    return local if kind == "local" else remote


def committed(repo: Path, message: str) -> subprocess.CompletedProcess[str]:
    """``git commit``, with the hooks' output (pre-commit writes it to stderr) in stdout."""
    result = git(repo, "commit", "-m", message)
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout + result.stderr, "")


@pytest.fixture(scope="module")
def docgen_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout's shipped files as a one-commit git repository: (path, commit)."""
    root = tmp_path_factory.mktemp("precommit") / "docgen-src"
    root.mkdir()
    for name in SHIPPED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    assert git(root, "init", "-q").returncode == 0
    git(root, "add", "-A")
    assert committed(root, "docgen").returncode == 0
    tag = f"v{__version__}"
    assert git(root, "tag", tag).returncode == 0  # the release tag the README's remote block names
    return root, tag


def test_the_remote_block_names_the_release_tag() -> None:
    assert f"rev: v{__version__}\n" in readme_block("remote")


@pytest.mark.parametrize("kind", ["remote", "local"])
def test_edit_refused_then_fix_added_then_commit_passes(kind: str, docgen_repo: tuple[Path, str]) -> None:
    source, _ = docgen_repo
    user = source.parent / f"user-{kind}"
    config = readme_block(kind).replace(REMOTE_URL, source.as_uri())
    check_hook = "      - id: docgen-check\n        stages: [manual]\n" if kind == "remote" else ""
    write_pages(
        user,
        {
            "docs/models/shared/thing.md": model_page("Thing", "First words."),
            "pyproject.toml": '[tool.docgen]\nspecs = "docs"\nout = "src/acme/models"\npackage = "acme.models"\n',
            ".pre-commit-config.yaml": config + check_hook,
        },
    )
    assert git(user, "init", "-q").returncode == 0
    run = [sys.executable, "-m", "pre_commit"]
    installed = subprocess.run([*run, "install"], cwd=user, capture_output=True, text=True, env=_env(user))
    assert installed.returncode == 0, installed.stdout + installed.stderr

    # First commit: the hook generates the package, which fails the commit like a formatter would.
    git(user, "add", "-A")
    first = committed(user, "docs")
    assert first.returncode != 0 and "was out of date and has been rebuilt" in first.stdout, first.stdout + first.stderr
    generated = user / "src/acme/models/models/shared/thing.py"
    assert '"""First words."""' in generated.read_text(encoding="utf-8")
    git(user, "add", "-A")
    assert committed(user, "docs and models").returncode == 0

    # A spec is edited: the commit is refused and the regenerated module is left to add.
    (user / "docs/models/shared/thing.md").write_text(model_page("Thing", "Second words."), encoding="utf-8")
    git(user, "add", "docs")
    refused = committed(user, "edit docs")
    assert refused.returncode != 0 and "files were modified by this hook" in refused.stdout
    assert '"""Second words."""' in generated.read_text(encoding="utf-8")
    assert git(user, "status", "--porcelain").stdout.splitlines() == [
        "M  docs/models/shared/thing.md",
        " M src/acme/models/.docgen-manifest.json",
        " M src/acme/models/models/shared/thing.py",
    ]
    git(user, "add", "src")
    passed = committed(user, "edit docs")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(user, "status", "--porcelain").stdout == ""

    # A commit that touches neither the docs, the models nor the settings does not run docgen.
    (user / "NOTES.txt").write_text("notes\n", encoding="utf-8")
    git(user, "add", "NOTES.txt")
    unrelated = committed(user, "notes")
    assert unrelated.returncode == 0 and "Skipped" in unrelated.stdout, unrelated.stdout
    if kind == "local":
        return

    # The check-only hook reports a stale tree with a diff and changes nothing.
    generated.write_text(generated.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")
    check = subprocess.run(
        [*run, "run", "docgen-check", "--hook-stage", "manual", "--all-files"],
        cwd=user,
        capture_output=True,
        text=True,
        env=_env(user),
    )
    assert check.returncode == 1
    assert "changed: src/acme/models/models/shared/thing.py" in check.stdout
    assert "-# hand edit" in check.stdout
    assert generated.read_text(encoding="utf-8").endswith("# hand edit\n")
