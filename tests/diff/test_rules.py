"""Every rule on a fixture pair of trees, for each use of the changed type."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.diff.rules import RULES
from tests.diff.conftest import diff_trees
from tests.diff.trees import PAIRS, RESPONSE, base, received


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
@pytest.mark.parametrize("use", ["unknown", "received"])
def test_each_edit_gives_its_rule_at_the_level_of_the_use(pair, use: str, tmp_path: Path) -> None:
    old = base() if use == "unknown" else received(base())
    new = pair.edit(base()) if use == "unknown" else received(pair.edit(base()))
    changes = diff_trees(tmp_path, old, new)
    assert [(c.rule, str(c.level)) for c in changes if c.type != RESPONSE] == [(pair.rule, getattr(pair, use))]
    assert [c.rule for c in changes if c.type == RESPONSE] == (
        ["field-removed"] if pair.rule == "type-removed" and use == "received" else []
    )


def test_the_base_tree_against_itself_has_no_change(tmp_path: Path) -> None:
    assert diff_trees(tmp_path, received(base()), received(base())) == []


def test_every_rule_has_a_pair() -> None:
    # operation rules are proved with operation pages (test_operations.py)
    assert {r for r in RULES if not r.startswith("operation-")} == {p.rule for p in PAIRS}
