"""Operation pages in the diff: the operation rules, and the levels of every rule when the
operations say which way the changed type travels (a response: received; a parameter: sent)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from docgen.diff.compare import Change
from tests.diff.conftest import diff_trees
from tests.diff.pages import Op, Row, model, operations
from tests.diff.trees import PAIRS, Tree, base

PAGE = "sdks/things/README.md"
MISSING = ("errors.Missing", "404", "application/json")
GET = Op("get_thing", (Row("thing_id", "str"),), "shared.Thing", (MISSING, ("errors.APIError", "4XX, 5XX", "\\*/\\*")))
DELETE = Op("delete_thing", (Row("thing_id", "str"),))


def with_operations(tree: Tree, ops: list[Op]) -> Tree:
    return {
        **tree,
        "models/errors/missing.md": model("Missing", [Row("reason", "str")]),
        PAGE: operations("things", ops),
    }


def received(tree: Tree) -> Tree:
    """Thing and Spare are responses of operations, and nothing is sent."""
    ops = [GET, Op("get_spare", (), "shared.Spare")] if "models/shared/spare.md" in tree else [GET]
    return with_operations(tree, ops)


def sent(tree: Tree) -> Tree:
    """Thing and Spare are request bodies of operations, and nothing is received."""
    ops = [Op("create_thing", (Row("request", "shared.Thing"),))]
    if "models/shared/spare.md" in tree:
        ops.append(Op("create_spare", (Row("request", "shared.Spare"),)))
    return with_operations(tree, ops)


def _outside(changes: list[Change]) -> list[str]:
    return [c.rule for c in changes if c.type.startswith("things.")]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
@pytest.mark.parametrize("use", ["received", "sent"])
def test_the_operations_say_which_way_a_type_travels(pair, use: str, tmp_path: Path) -> None:
    wrap = received if use == "received" else sent
    changes = diff_trees(tmp_path, wrap(base()), wrap(pair.edit(base())))
    assert [(c.rule, str(c.level)) for c in changes if not c.type.startswith("things.")] == [
        (pair.rule, getattr(pair, use))
    ]
    # removing a type takes the operation that names it along
    assert _outside(changes) == (["operation-removed"] if pair.rule == "type-removed" else [])


#: The old operations of a pair, where they are not GET and DELETE.
OLD_OPS = {
    "operation-parameter-became-required": [
        GET,
        replace(DELETE, parameters=(Row("thing_id", "str"), Row("reason", "Optional[str]", False))),
    ],
}


def _changes(tmp_path: Path, ops: list[Op], name: str = "") -> list[tuple[str, str, str]]:
    old = with_operations(base(), OLD_OPS.get(name, [GET, DELETE]))
    return [(c.rule, str(c.level), c.text) for c in diff_trees(tmp_path, old, with_operations(base(), ops))]


OPERATION_PAIRS = {
    "operation-removed": [GET],
    "operation-response-changed": [replace(GET, response="List[shared.Thing]"), DELETE],
    "operation-errors-changed": [replace(GET, errors=GET.errors[1:]), DELETE],
    "operation-added": [GET, DELETE, Op("list_things", (), "List[shared.Thing]")],
    "operation-parameter-removed": [replace(GET, parameters=()), DELETE],
    "operation-required-parameter-added": [GET, replace(DELETE, parameters=(*DELETE.parameters, Row("force", "bool")))],
    "operation-parameter-became-required": [
        GET,
        replace(DELETE, parameters=(Row("thing_id", "str"), Row("reason", "str"))),
    ],
    "operation-parameter-type-changed": [replace(GET, parameters=(Row("thing_id", "int"),)), DELETE],
    "operation-parameter-added": [
        GET,
        replace(DELETE, parameters=(*DELETE.parameters, Row("force", "Optional[bool]", False))),
    ],
    "operation-parameter-became-optional": [
        GET,
        replace(DELETE, parameters=(Row("thing_id", "Optional[str]", False),)),
    ],
}
RULE_OF = {name: "operation-parameters-changed" for name in OPERATION_PAIRS if "parameter" in name}
RULE_OF.update(
    {
        "operation-errors-changed": "operation-response-changed",
        "operation-parameter-added": "operation-parameter-added",
        "operation-parameter-became-optional": "operation-parameter-became-optional",
    }
)
INFO = {"operation-added", "operation-parameter-added", "operation-parameter-became-optional"}


@pytest.mark.parametrize("name", sorted(OPERATION_PAIRS))
def test_operation_rules(name: str, tmp_path: Path) -> None:
    (change,) = _changes(tmp_path, OPERATION_PAIRS[name], name)
    rule = RULE_OF.get(name, name)
    assert change[:2] == (rule, "info" if rule in INFO else "error")


def test_the_readme_rows_of_the_operation_rules_are_their_output(tmp_path: Path) -> None:
    from tests.diff.test_readme import _table

    rows = [row for row in _table() if row[0].startswith("operation-")]
    computed = [_changes(tmp_path / name, OPERATION_PAIRS[name], name)[0] for name in OPERATION_PAIRS]
    assert [(rule, text) for rule, _, _, text in rows] == [(rule, text) for rule, _, text in computed]


def both(tree: Tree) -> Tree:
    """Thing is sent by one operation and received from another."""
    return with_operations(tree, [GET, Op("create_thing", (Row("request", "shared.Thing"),))])


@pytest.mark.parametrize(
    "pair",
    [p for p in PAIRS if p.edit(base())[("models/shared/thing.md")] != base()["models/shared/thing.md"]],
    ids=lambda p: p.name,
)
def test_a_type_used_both_ways_gets_the_stricter_level(pair, tmp_path: Path) -> None:
    changes = diff_trees(tmp_path, both(base()), both(pair.edit(base())))
    assert [(c.rule, str(c.level)) for c in changes] == [(pair.rule, pair.unknown)]
