"""``docgen diff`` on the real SDK docs of ../shared: a tree against itself reports nothing, and
the two regenerations of one API compare with every change located on a line of its page.

Skipped where ../shared is absent; a corpus docgen cannot read yet (its pages have errors)
is skipped with the count.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.config import Settings
from docgen.diff.compare import compare
from docgen.diff.read import Read, read_tree
from docgen.diff.sources import Tree
from tests.conftest import SHARED, shared_path

CORPORA = sorted(p.parent.name for p in (SHARED / "corpus").glob("*/docs")) if (SHARED / "corpus").is_dir() else []


@pytest.fixture(scope="session")
def corpus_reads() -> dict[str, Read]:
    """Each corpus's docs read once for the session (tests read them again where they need two reads)."""
    return {}


def _read(name: str, cache: dict[str, Read]) -> Read:
    if name not in cache:
        folder = shared_path("corpus", name, "docs")
        cache[name] = read_tree(Tree(name, folder), Settings())
    read = cache[name]
    if read.spec is None:
        errors = sum(d.severity == "error" for d in read.diagnostics)
        pytest.skip(f"docgen does not read {name} yet: {errors} errors")
    return read


@pytest.mark.parametrize("name", CORPORA or ["speakeasy-v1"])
def test_a_corpus_against_itself_has_no_change(name: str, corpus_reads: dict[str, Read]) -> None:
    first = _read(name, corpus_reads)
    again = read_tree(Tree(name, first.tree.folder), Settings())  # read afresh: two reads of one tree agree
    assert again.spec is not None
    assert compare(first.spec, again.spec) == []  # type: ignore[arg-type]


def test_two_regenerations_of_one_api_every_change_on_a_line_that_names_it(corpus_reads: dict[str, Read]) -> None:
    old, new = _read("speakeasy-v1", corpus_reads), _read("speakeasy-v2", corpus_reads)
    changes = compare(old.spec, new.spec)  # type: ignore[arg-type]
    assert changes
    lines: dict[Path, list[str]] = {}
    for change in changes:
        read = new if change.new is not None else old
        span = change.span
        path = read.tree.folder / span.path
        text = lines.setdefault(path, path.read_text(encoding="utf-8").splitlines())
        line = text[span.line - 1]
        if change.field is not None:
            documented = change.field.rstrip("_")
            assert documented.lower() in line.lower(), (change, line)
        elif span.line == 1:
            assert line.startswith("# "), (change, line)
