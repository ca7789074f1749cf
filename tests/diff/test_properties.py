"""Property: for a random tree T and a random edit from a known list, ``diff(T, edit(T))`` reports
exactly the edit's rule, once; ``diff(T, T)`` reports nothing."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from typing import Callable, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.diff.conftest import diff_trees
from tests.diff.pages import Row, enum, model, page, union

PRIMITIVES = ["str", "int", "bool", "float"]


@dataclass(frozen=True)
class Desc:
    """A tree as data: models (rows), closed enums (values), unions (members), and deprecated types."""

    models: dict[str, tuple[Row, ...]]
    enums: dict[str, tuple[str, ...]]
    unions: dict[str, tuple[str, ...]]
    deprecated: frozenset[str] = frozenset()

    def pages(self) -> dict[str, str]:
        # Anchor's Nullable field marks the tree as pydantic-era whatever the edit does
        found = {page("Anchor"): model("Anchor", [Row("anchor", "Nullable[str]")])}
        for name, rows in self.models.items():
            found[page(name)] = model(name, rows, deprecated=name in self.deprecated)
        for name, values in self.enums.items():
            found[page(name)] = enum(name, values)
        for name, members in self.unions.items():
            found[page(name)] = union(name, members)
        return found

    def referenced(self) -> set[str]:
        words = {w.removeprefix("shared.") for rows in self.models.values() for r in rows for w in _words(r.type)}
        return words | {m for members in self.unions.values() for m in members}


def _words(text: str) -> list[str]:
    for mark in "[],":
        text = text.replace(mark, " ")
    return text.split()


@st.composite
def descs(draw: st.DrawFn) -> Desc:
    enums = {
        f"Enum{i}": tuple(draw(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=4, unique=True)))
        for i in range(draw(st.integers(0, 2)))
    }
    model_names = [f"Model{i}" for i in range(draw(st.integers(1, 4)))]
    unions = {
        f"Union{i}": tuple(
            draw(st.lists(st.sampled_from(PRIMITIVES + model_names), min_size=1, max_size=3, unique=True))
        )
        for i in range(draw(st.integers(0, 2)))
    }
    named = [f"shared.{n}" for n in list(enums) + model_names + list(unions)]
    models = {}
    for name in model_names:
        rows = []
        for j in range(draw(st.integers(1, 4))):
            inner = draw(st.sampled_from(PRIMITIVES + named))
            shape = draw(st.sampled_from(["{}", "List[{}]", "Dict[str, {}]", "Nullable[{}]"]))
            required = draw(st.booleans())
            written = shape.format(inner)
            if not required:
                written = f"Optional[{written}]" if not written.startswith("Nullable") else f"OptionalNullable[{inner}]"
            rows.append(Row(f"f{j}", written, required, draw(st.sampled_from(["N/A", "A value", "Another value"]))))
        models[name] = tuple(rows)
    return Desc(models, enums, unions)


Edit = Callable[[Desc, st.DrawFn], Optional[Desc]]  # None when the edit does not apply to the tree


def _pick(draw: st.DrawFn, options: list):  # type: ignore[no-untyped-def]
    return draw(st.sampled_from(options)) if options else None


def _field_edit(test: Callable[[Row], bool], change: Callable[[Row], Row]) -> Edit:
    def edit(desc: Desc, draw: st.DrawFn) -> Optional[Desc]:
        where = _pick(draw, [(m, i) for m, rows in desc.models.items() for i, r in enumerate(rows) if test(r)])
        if where is None:
            return None
        name, index = where
        rows = list(desc.models[name])
        rows[index] = change(rows[index])
        return replace(desc, models={**desc.models, name: tuple(rows)})

    return edit


def _plain(row: Row) -> bool:
    """A required field of a primitive type, nothing around it."""
    return row.required and row.type in PRIMITIVES


def _rows(change: Callable[[tuple[Row, ...]], Optional[tuple[Row, ...]]]) -> Edit:
    def edit(desc: Desc, draw: st.DrawFn) -> Optional[Desc]:
        name = _pick(draw, sorted(desc.models))
        rows = change(desc.models[name]) if name else None
        return replace(desc, models={**desc.models, name: rows}) if rows is not None else None

    return edit


def _values(table: str, change: Callable[[tuple[str, ...], st.DrawFn], Optional[tuple[str, ...]]]) -> Edit:
    def edit(desc: Desc, draw: st.DrawFn) -> Optional[Desc]:
        found = getattr(desc, table)
        name = _pick(draw, sorted(found))
        values = change(found[name], draw) if name else None
        return dataclasses.replace(desc, **{table: {**found, name: values}}) if values is not None else None

    return edit


def _added(pool: list[str]) -> Callable[[tuple[str, ...], st.DrawFn], Optional[tuple[str, ...]]]:
    return lambda values, draw: (
        values + (draw(st.sampled_from(unused)),) if (unused := [p for p in pool if p not in values]) else None
    )


def _dropped(values: tuple[str, ...], draw: st.DrawFn) -> Optional[tuple[str, ...]]:
    if len(values) < 2:
        return None
    gone = draw(st.sampled_from(values))
    return tuple(v for v in values if v != gone)


def _type_removed(desc: Desc, draw: st.DrawFn) -> Optional[Desc]:
    name = _pick(
        draw,
        sorted(n for n in list(desc.models)[1:] + list(desc.enums) + list(desc.unions) if n not in desc.referenced()),
    )
    if name is None:
        return None
    return Desc(*({k: v for k, v in table.items() if k != name} for table in (desc.models, desc.enums, desc.unions)))


def _type_deprecated(desc: Desc, draw: st.DrawFn) -> Optional[Desc]:
    name = _pick(draw, sorted(desc.models))
    return replace(desc, deprecated=desc.deprecated | {name}) if name else None


EDITS: dict[str, Edit] = {
    "field-removed": _rows(lambda rows: rows[1:] if len(rows) > 1 else None),
    "field-added": _rows(lambda rows: rows + (Row("extra", "Optional[str]", required=False),)),
    "required-field-added": _rows(lambda rows: rows + (Row("extra", "int"),)),
    "field-became-optional": _field_edit(_plain, lambda r: replace(r, type=f"Optional[{r.type}]", required=False)),
    "field-became-required": _field_edit(
        lambda r: not r.required and r.type.startswith("Optional[") and r.type[9:-1] in PRIMITIVES,
        lambda r: replace(r, type=r.type[9:-1], required=True),
    ),
    "field-became-nullable": _field_edit(_plain, lambda r: replace(r, type=f"Nullable[{r.type}]")),
    "field-became-not-nullable": _field_edit(
        lambda r: r.required and r.type.startswith("Nullable[") and r.type[9:-1] in PRIMITIVES,
        lambda r: replace(r, type=r.type[9:-1]),
    ),
    "field-type-changed": _field_edit(_plain, lambda r: replace(r, type="bytes")),
    "field-deprecated": _field_edit(lambda r: not r.deprecated, lambda r: replace(r, deprecated=True)),
    "description-changed": _field_edit(lambda r: True, lambda r: replace(r, description=r.description + " (more)")),
    "type-deprecated": _type_deprecated,
    "type-added": lambda desc, draw: replace(desc, models={**desc.models, "Fresh": (Row("x", "int"),)}),
    "type-removed": _type_removed,
    "enum-value-added": _values("enums", _added(list("uvwxyz"))),
    "enum-value-removed": _values("enums", _dropped),
    "union-member-added": _values("unions", _added(PRIMITIVES + ["bytes"])),
    "union-member-removed": _values("unions", _dropped),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(desc=descs(), data=st.data())
def test_a_random_edit_gives_exactly_its_rule(desc: Desc, data: st.DataObject, tmp_path_factory) -> None:
    applicable = [(rule, edited) for rule, edit in EDITS.items() if (edited := edit(desc, data.draw)) is not None]
    rule, edited = data.draw(st.sampled_from(applicable))
    tmp = tmp_path_factory.mktemp("edit")
    assert diff_trees(tmp / "same", desc.pages(), desc.pages()) == []
    assert [c.rule for c in diff_trees(tmp / "edited", desc.pages(), edited.pages())] == [rule]


#: A tree every edit applies to, so that each edit is proved whatever the random trees hold.
RICH = Desc(
    {
        "Model0": (Row("a", "int"), Row("b", "Optional[str]", required=False), Row("c", "Nullable[int]")),
        "Model1": (Row("u", "shared.Union0"), Row("v", "str")),
    },
    {"Enum0": ("a", "b"), "Enum1": ("c", "d")},
    {"Union0": ("str", "int")},
)


@pytest.mark.parametrize("rule", sorted(EDITS))
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_each_edit_applies_to_a_rich_tree_and_gives_its_rule(rule: str, data: st.DataObject, tmp_path_factory) -> None:
    edited = EDITS[rule](RICH, data.draw)
    assert edited is not None
    tmp = tmp_path_factory.mktemp("rich")
    assert [c.rule for c in diff_trees(tmp, RICH.pages(), edited.pages())] == [rule]
