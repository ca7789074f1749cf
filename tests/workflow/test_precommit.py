"""The published pre-commit hooks, end to end, with the real pre-commit in a temporary repository.

pre-commit clones docgen from a local git repository (a snapshot of this checkout) and
installs it into its own environment with pip: no network is needed beyond the package
index that pip uses for docgen's dependencies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from workflow_helpers import REPO, model_page, write_pages

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
pre_commit = pytest.importorskip("pre_commit")

SHIPPED = ("docgen", "templates", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=_env(cwd))


def _env(cwd: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="Dev",
        GIT_AUTHOR_EMAIL="dev@example.invalid",
        GIT_COMMITTER_NAME="Dev",
        GIT_COMMITTER_EMAIL="dev@example.invalid",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(cwd.parent / "pre-commit-home"),
    )
    env.pop("PYTHONPATH", None)
    return env


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
    return root, git(root, "rev-parse", "HEAD").stdout.strip()


def test_edit_refused_then_fix_added_then_commit_passes(docgen_repo: tuple[Path, str]) -> None:
    source, rev = docgen_repo
    user = source.parent / "user"
    write_pages(
        user,
        {
            "docs/models/shared/thing.md": model_page("Thing", "First words."),
            "pyproject.toml": '[tool.docgen]\nspecs = "docs"\nout = "src/demo/models"\npackage = "demo.models"\n',
            ".pre-commit-config.yaml": (
                "repos:\n"
                f"  - repo: {source.as_uri()}\n"
                f"    rev: {rev}\n"
                "    hooks:\n"
                "      - id: docgen\n"
                "      - id: docgen-check\n"
                "        stages: [manual]\n"
            ),
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
    generated = user / "src/demo/models/models/shared/thing.py"
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
        " M src/demo/models/.docgen-manifest.json",
        " M src/demo/models/models/shared/thing.py",
    ]
    git(user, "add", "src")
    passed = committed(user, "edit docs")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(user, "status", "--porcelain").stdout == ""

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
    assert "changed: src/demo/models/models/shared/thing.py" in check.stdout
    assert "-# hand edit" in check.stdout
    assert generated.read_text(encoding="utf-8").endswith("# hand edit\n")
