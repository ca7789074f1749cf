"""Shared fixtures: the repository's folders, the optional ../shared corpora, tiny builds."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from docgen.build import Source, compile_sources
from docgen.read.markdown import Cell, read_page

# Property tests check results, never speed: no deadline for an example, and no failure
# when a loaded machine draws inputs slowly (a test's own settings may say more).
settings.register_profile("docgen", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("docgen")

REPO = Path(__file__).resolve().parent.parent
SPECS = REPO / "specs"
GENERATED = REPO / "generated"
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test where that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is only present for developers and CI)")
    return path


def cell(markdown: str, path: str = "models/shared/page.md") -> Cell:
    """The one body cell of a one-column table holding *markdown*."""
    page = read_page(path, f"# T\n\n## Fields\n\n| Type |\n| --- |\n| {markdown} |\n")
    table = next(b.table for s in page.sections for b in s.blocks if b.table is not None)
    return table.rows[0][0]


def compile_pages(pages: dict[str, str]):
    return compile_sources([Source(path, text) for path, text in sorted(pages.items())])


def git_env(cwd: Path) -> dict[str, str]:
    """The environment of git and pre-commit in a temporary repository at *cwd*: a fixed
    identity, no user or system git configuration, pre-commit's store beside *cwd*, and
    this environment's commands (docgen, pre-commit) first on PATH."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update(
        GIT_AUTHOR_NAME="Dev",
        GIT_AUTHOR_EMAIL="dev@example.invalid",
        GIT_COMMITTER_NAME="Dev",
        GIT_COMMITTER_EMAIL="dev@example.invalid",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(cwd.parent / "pre-commit-home"),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    return env
