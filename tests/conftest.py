"""Shared fixtures: the repository's folders, the optional ../shared corpora, tiny builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.build import Source, compile_sources
from docgen.read.markdown import Cell, read_page

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
