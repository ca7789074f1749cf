"""Documented defaults checked against the field's type once every type is known.

A default the dataclass can hold stays: a JSON value of the field's type, or a member of
its enum (written by name, or by value; its JSON is the member's value).  The dataclass
gives the default to a constructor call without the field, the parser to a JSON object
without the key.  Any other default is dropped with a warning at
the field: docgen never writes a default the type contradicts.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Optional

from ..diagnostics import Diagnostic, warning
from ..ir import Decl, Default, DictOf, Enum, Field, ListOf, Model, Optional_, Primitive, Ref, Spec, TypeRef

_JSON_TYPES = {"str": (str,), "int": (int,), "float": (int, float), "Decimal": (int, float), "bool": (bool,)}


def checked_defaults(spec: Spec) -> tuple[Spec, list[Diagnostic]]:
    """*spec* with every field's default checked: kept, made an enum member, or dropped."""
    decls = spec.decls()
    problems: list[Diagnostic] = []
    modules = []
    for module in spec.modules:
        changed = []
        for decl in module.decls:
            if isinstance(decl, Model) and any(f.default is not None for f in decl.fields):
                decl = dataclasses.replace(decl, fields=tuple(_checked(f, decls, problems) for f in decl.fields))
            changed.append(decl)
        modules.append(dataclasses.replace(module, decls=tuple(changed)))
    return dataclasses.replace(spec, modules=tuple(modules)), problems


def _checked(field: Field, decls: dict[str, Decl], problems: list[Diagnostic]) -> Field:
    default = field.default
    if default is None:
        return field
    ref = field.type.inner if isinstance(field.type, Optional_) else field.type
    enum = decls.get(ref.key) if isinstance(ref, Ref) else None
    kept = _enum_default(default, enum) if isinstance(enum, Enum) else _json_default(default, ref)
    if kept is None:
        why = "a JSON value" if not (default.json or default.member) else "a value of the field's type"
        problems.append(
            warning(
                field.span,
                f"default {default.text!r} of field {field.name!r} is not {why}; the field gets no default",
                "docgen writes defaults that are JSON literals of the field's type or members of its enum",
            )
        )
    elif kept.json == "null":
        kept = None  # what an optional field has anyway
    return dataclasses.replace(field, default=kept)


def _enum_default(default: Default, enum: Enum) -> Optional[Default]:
    for member in enum.members:
        if default.member == member.name or (default.json and json.loads(default.json) == member.value):
            return Default(default.text, json=json.dumps(member.value), member=member.name)
    return default if default.json == "null" else None


def _json_default(default: Default, ref: TypeRef) -> Optional[Default]:
    if default.member or not default.json:
        return None
    value = json.loads(default.json)
    return default if value is None or _fits(value, ref) else None


def _fits(value: object, ref: TypeRef) -> bool:
    if isinstance(ref, Optional_):
        return value is None or _fits(value, ref.inner)
    if isinstance(ref, Primitive):
        if ref.name == "Any":
            return True
        kinds = _JSON_TYPES.get(ref.name)
        if kinds is None or (isinstance(value, bool) and ref.name != "bool"):
            return False
        return isinstance(value, kinds)
    if isinstance(ref, ListOf):
        return isinstance(value, list) and all(_fits(item, ref.item) for item in value)
    if isinstance(ref, DictOf):
        return isinstance(value, dict) and all(_fits(item, ref.value) for item in value.values())
    return False
