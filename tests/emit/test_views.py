"""The objects templates read are frozen dataclasses with named, documented fields."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from docgen.emit import views


def view_classes() -> list[type]:
    return [
        c
        for _, c in inspect.getmembers(views, inspect.isclass)
        if dataclasses.is_dataclass(c) and c.__module__ == views.__name__
    ]


def test_every_view_is_a_documented_frozen_dataclass_without_positional_tuples() -> None:
    classes = view_classes()
    assert len(classes) >= 20
    for cls in classes:
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        assert cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("), f"{cls.__name__} has no docstring"
        for f in dataclasses.fields(cls):
            # a tuple of views is fine; a tuple of bare strings standing for named parts is not
            assert "tuple[tuple" not in str(f.type) and "tuple[str, str" not in str(f.type), (cls.__name__, f.name)


def test_a_row_reads_by_name_and_still_unpacks_like_the_tuple_templates_used_to_get() -> None:
    row = views.Param("response", "requests_http.Response", "builtins.object", "None")
    name, annotation, class_annotation, default = row
    assert (name, class_annotation, default) == (row.name, row.class_annotation, row.default)
    assert views.HttpFields("a", "b", "c")[2] == "c"
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.name = "other"  # type: ignore[misc]


def test_every_row_unpacks_as_all_its_fields_in_their_order() -> None:
    rows = [c for c in view_classes() if issubclass(c, views._Row)]
    assert len(rows) >= 9
    for cls in rows:
        names = [f.name for f in dataclasses.fields(cls)]
        row = cls(*(f"value of {n}" for n in names))
        assert list(row) == [f"value of {n}" for n in names], cls.__name__
        assert row[len(names) - 1] == f"value of {names[-1]}"
