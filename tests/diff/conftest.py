"""Helpers of the diff tests: trees written to folders, read and compared as the command does."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest

from docgen.config import Settings
from docgen.diff.compare import Change, compare
from docgen.diff.read import read_tree
from docgen.diff.sources import Tree
from tests.workflow.workflow_helpers import write_pages as write_tree


def diff_trees(
    tmp: Path, old: dict[str, str], new: dict[str, str], settings: Optional[Settings] = None
) -> list[Change]:
    """The changes from *old* to *new*, both read as ``docgen diff`` reads them; both must build."""
    reads = [
        read_tree(Tree(name, write_tree(tmp / name, pages)), settings or Settings())
        for name, pages in (("old", old), ("new", new))
    ]
    for read in reads:
        assert read.spec is not None, [d.render() for d in read.diagnostics]
    return compare(reads[0].spec, reads[1].spec)


@pytest.fixture
def trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """old/ the base tree, new/ with Thing.label removed and Extra added; the current folder is tmp_path."""
    from tests.diff.trees import PAIRS, base

    edits = {pair.name: pair.edit for pair in PAIRS}
    write_tree(tmp_path / "old", base())
    write_tree(tmp_path / "new", edits["type-added"](edits["field-removed"](base())))
    monkeypatch.chdir(tmp_path)
    return tmp_path
