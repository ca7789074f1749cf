"""A base tree and one edit per rule: the fixture pairs of ``docgen diff`` (old = BASE, new = edited).

Each :class:`Pair` names the rule its edit must give and the level it must have when the
changed type is received, sent, and of unknown use (the issue's table of rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from tests.diff.pages import Row, enum, model, open_enum, page, response, union

Tree = dict[str, str]

THING = [
    Row("id", "str"),
    Row("label", "Optional[str]", required=False, description="Shown to people"),
    Row("count", "int"),
    Row("note", "Nullable[str]"),
    Row("colour", "shared.Colour"),
    Row("mood", "Optional[shared.Mood]", required=False),
    Row("shape", "Optional[shared.Shape]", required=False),
    Row("tags", "Optional[List[str]]", required=False),
    Row("scores", "Dict[str, int]"),
]
CIRCLE = [Row("radius", "float")]


def base() -> Tree:
    return {
        page("Thing"): model("Thing", THING, "Something the API stores."),
        page("Colour"): enum("Colour", ["red", "green"]),
        page("Mood"): open_enum("Mood", ["happy", "sad"]),
        page("Shape"): union("Shape", ["Circle", "Square"]),
        page("Circle"): model("Circle", CIRCLE),
        page("Square"): model("Square", [Row("side", "float")]),
        page("Spare"): model("Spare", [Row("value", "str")]),
    }


def received(tree: Tree) -> Tree:
    """*tree* with an operation response (2024 layout) whose bodies are Thing and Spare (where
    the tree has Spare: removing a received type changes the response that names it too)."""
    bodies = [Row("thing", "Optional[shared.Thing]")]
    if page("Spare") in tree:
        bodies.append(Row("spare", "Optional[shared.Spare]"))
    return {**tree, "models/operations/getthingresponse.md": response("GetThingResponse", bodies)}


RESPONSE = "models.operations.GetThingResponse"


def _thing(*rows: Row, drop: str = "") -> Callable[[Tree], Tree]:
    """An edit of Thing: rows replace those of their name (or are added); *drop* is removed."""

    def edit(tree: Tree) -> Tree:
        by_name = {r.name: r for r in rows}
        kept = [by_name.pop(r.name, r) for r in THING if r.name != drop]
        return {**tree, page("Thing"): model("Thing", kept + list(by_name.values()), "Something the API stores.")}

    return edit


def _page(name: str, text: Optional[str]) -> Callable[[Tree], Tree]:
    def edit(tree: Tree) -> Tree:
        changed = dict(tree)
        if text is None:
            del changed[page(name)]
        else:
            changed[page(name)] = text
        return changed

    return edit


@dataclass(frozen=True)
class Pair:
    name: str
    rule: str
    received: str  # the level when the changed type is received
    sent: str
    edit: Callable[[Tree], Tree]

    @property
    def unknown(self) -> str:
        order = ["info", "warning", "error"]
        return max(self.received, self.sent, key=order.index)


PAIRS = [
    Pair("type-removed", "type-removed", "error", "error", _page("Spare", None)),
    Pair("type-added", "type-added", "info", "info", _page("Extra", model("Extra", [Row("x", "int")]))),
    Pair("field-removed", "field-removed", "error", "error", _thing(drop="label")),
    Pair(
        "field-became-required",
        "field-became-required",
        "info",
        "error",
        _thing(Row("label", "str", True, "Shown to people")),
    ),
    Pair("required-field-added", "required-field-added", "info", "error", _thing(Row("size", "int"))),
    Pair("field-added", "field-added", "info", "info", _thing(Row("size", "Optional[int]", required=False))),
    Pair(
        "field-type-narrowed",
        "field-type-changed",
        "info",
        "error",
        _page("Circle", model("Circle", [Row("radius", "int")])),
    ),
    Pair("field-type-widened", "field-type-changed", "error", "info", _thing(Row("count", "float"))),
    Pair("field-type-changed", "field-type-changed", "error", "error", _thing(Row("id", "int"))),
    Pair(
        "field-type-in-list",
        "field-type-changed",
        "error",
        "error",
        _thing(Row("tags", "Optional[List[int]]", required=False)),
    ),
    Pair("field-type-in-dict", "field-type-changed", "error", "error", _thing(Row("scores", "Dict[str, str]"))),
    Pair(
        "field-type-optional-item",
        "field-type-changed",
        "error",
        "info",
        _thing(Row("tags", "Optional[List[Optional[str]]]", required=False)),
    ),
    Pair("field-type-to-union", "field-type-changed", "error", "info", _thing(Row("id", "Union[str, int]"))),
    Pair("field-became-not-nullable", "field-became-not-nullable", "info", "error", _thing(Row("note", "str"))),
    Pair("field-became-nullable", "field-became-nullable", "error", "info", _thing(Row("id", "Nullable[str]"))),
    Pair("enum-value-removed", "enum-value-removed", "error", "error", _page("Colour", enum("Colour", ["red"]))),
    Pair(
        "enum-value-added",
        "enum-value-added",
        "warning",
        "info",
        _page("Colour", enum("Colour", ["red", "green", "blue"])),
    ),
    Pair(
        "open-enum-value-added",
        "enum-value-added",
        "info",
        "info",
        _page("Mood", open_enum("Mood", ["happy", "sad", "cross"])),
    ),
    Pair("union-member-removed", "union-member-removed", "error", "error", _page("Shape", union("Shape", ["Circle"]))),
    Pair(
        "union-member-added",
        "union-member-added",
        "warning",
        "info",
        _page("Shape", union("Shape", ["Circle", "Square", "str"])),
    ),
    Pair(
        "field-became-optional",
        "field-became-optional",
        "warning",
        "info",
        _thing(Row("count", "Optional[int]", required=False)),
    ),
    Pair(
        "field-deprecated",
        "field-deprecated",
        "info",
        "info",
        _thing(Row("label", "Optional[str]", False, "Shown to people", True)),
    ),
    Pair(
        "type-deprecated",
        "type-deprecated",
        "info",
        "info",
        _page("Spare", model("Spare", [Row("value", "str")], deprecated=True)),
    ),
    Pair(
        "description-changed",
        "description-changed",
        "info",
        "info",
        _thing(Row("label", "Optional[str]", False, "Shown on screens")),
    ),
]
