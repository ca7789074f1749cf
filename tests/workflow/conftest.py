"""Workflow tests: every test gets its own, empty docgen cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_helpers import model_page, write_pages


@pytest.fixture(autouse=True)
def build_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own, empty docgen cache folder."""
    folder = tmp_path_factory.mktemp("docgen-cache")
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A small tree of two model pages."""
    return write_pages(
        tmp_path / "specs",
        {"models/shared/thing.md": model_page("Thing"), "models/shared/other.md": model_page("Other")},
    )
