"""How a model's generated parser finds its keys: the ``_parsing.WireKeys`` table.

Part of stage 6 (emit).  Every model with JSON fields gets a module-level table of its
wire names (``_Usage_FIELDS = _parsing.WireKeys("Usage", (...), {...})``).  Unless the
model reads exact keys only (``wire-matching = "exact"``), its parser checks once per
object that every key is a wire name (``_Usage_EXACT(value)``, a bound
``frozenset.issuperset``: one call in C) and only otherwise asks the table to rename the
keys that spell a missing field another way.  An object whose keys are the wire names
pays that one call and nothing else.

The table also knows, for each required field that does not accept ``null``, the
``[tool.docgen.nullable]`` entry that would: a ``null`` there fails with a message that
names it.
"""

from __future__ import annotations

from typing import Callable, Sequence

from ..ir import Field, Model, Optional_
from . import names
from .views import KeysView

#: How far a key's normal form is from its spelling: what :func:`normal_key` drops.
SEPARATORS = "_-.: "
_DROP_SEPARATORS = str.maketrans("", "", SEPARATORS)


def normal_key(key: str) -> str:
    """The key up to case and separators, as ``_parsing.normal_key`` computes it at run time."""
    return key.translate(_DROP_SEPARATORS).lower()


def setting_target(model: Model, field: Field) -> str:
    """The ``[namespace.]Type.field`` key that names *field* in the settings tables."""
    return ".".join([*model.key.split(".")[-2:], names.unescaped(field.name)])


def keys_view(
    model: Model, fields: Sequence[Field], is_json: Callable[[Field], bool], unique: Callable[[str], str]
) -> KeysView | None:
    """The table of *model* (None for a model without JSON fields).  *fields*: the model's
    fields in order; *is_json*: whether a field is read from JSON."""
    read = [f for f in fields if is_json(f) and not f.additional]
    if not read:
        return None
    wire = repr(tuple(f.wire_name for f in read))  # no comma after the last of two or more: black would explode it
    nulls = {
        f.wire_name: setting_target(model, f)
        for f in read
        if f.required and not f.constant and not isinstance(f.type, Optional_)
    }
    table = unique(f"_{model.name}_FIELDS")
    exact = "" if model.exact_keys else unique(f"_{model.name}_EXACT")
    literal = f"_parsing.WireKeys({model.name!r}, {wire}" + (f", {nulls!r})" if nulls else ")")
    return KeysView(table, literal, exact, bool(nulls))
