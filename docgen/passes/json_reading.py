"""How generated parsers read JSON, as configured: key matching, extra nulls, open enums.

One pass over the IR applies three ``[tool.docgen]`` settings:

* ``wire-matching = "exact"`` marks every model ``exact_keys`` (its parser reads the
  wire names only); by default a missing key is looked for up to case and separators;
* ``[tool.docgen.nullable]`` makes the named fields (``"Type.*"``: every field of the
  type) accept ``null`` as a value of its own: a required field becomes ``Nullable[X]``,
  an optional one ``OptionalNullable[X]`` (an absent key is ``UNSET``, ``null`` is None
  and is written back as ``null``, so a round trip keeps what the server sent);
* ``open-enums`` opens every enum (``true``) or the listed ones: they keep values they
  do not list.

Each entry naming a type or field the specs do not have is a located error.
"""

from __future__ import annotations

import dataclasses

from ..config import EXACT, FieldOverride, Settings
from ..diagnostics import Diagnostic, error
from ..ir import Decl, Enum, Field, Model, Nullability, Optional_, Spec
from .settings import _find_field, find_model


def apply_json_reading(spec: Spec, settings: Settings) -> tuple[Spec, list[Diagnostic]]:
    """The spec with the three settings applied, and the problems of their entries."""
    problems: list[Diagnostic] = []
    nullable = _nullable_fields(spec, settings.nullable, problems)
    opened = _opened_enums(spec, settings.open_enums, problems)
    exact = settings.wire_matching == EXACT
    if not (nullable or opened or exact):
        return spec, problems
    modules = []
    for module in spec.modules:
        decls = tuple(_changed(d, nullable, opened, exact) for d in module.decls)
        modules.append(dataclasses.replace(module, decls=decls))
    return Spec(tuple(modules)), problems


def _changed(decl: Decl, nullable: set[tuple[str, str]], opened: set[str], exact: bool) -> Decl:
    if isinstance(decl, Enum):
        return dataclasses.replace(decl, open=True) if decl.key in opened else decl
    if not isinstance(decl, Model):
        return decl
    fields = tuple(_made_nullable(f) if (decl.key, f.name) in nullable else f for f in decl.fields)
    return dataclasses.replace(decl, fields=fields, exact_keys=exact or decl.exact_keys)


def _made_nullable(field: Field) -> Field:
    """*field* accepting ``null`` as a value: ``Nullable[X]`` when required,
    ``OptionalNullable[X]`` when it may be absent; a constant, the additional properties
    and a field whose type already says how it takes ``null`` stay as they are."""
    if field.additional or field.constant:
        return field
    if field.required:
        if isinstance(field.type, Optional_):
            return field
        return dataclasses.replace(field, type=Optional_(field.type, Nullability.NULLABLE))
    if isinstance(field.type, Optional_):
        if field.type.nulls is not Nullability.OPTIONAL:
            return field
        return dataclasses.replace(field, type=Optional_(field.type.inner, Nullability.OPTIONAL_NULLABLE))
    return dataclasses.replace(field, type=Optional_(field.type, Nullability.OPTIONAL_NULLABLE))


def _nullable_fields(
    spec: Spec, entries: tuple[FieldOverride, ...], problems: list[Diagnostic]
) -> set[tuple[str, str]]:
    """(model key, field name) of every field a ``nullable`` entry names."""
    found: set[tuple[str, str]] = set()
    for entry in entries:
        if entry.target.endswith(".*"):
            model, problem = find_model(spec, entry.target[:-2], entry.span, "nullable")
            if model is not None:
                found.update((model.key, f.name) for f in model.fields)
            match = None
        else:
            match, problem = _find_field(spec, entry, "nullable")
        if problem is not None:
            problems.append(problem)
        elif match is not None:
            found.add(match)
    return found


def _opened_enums(spec: Spec, entries: tuple[FieldOverride, ...], problems: list[Diagnostic]) -> set[str]:
    """Keys of the enums ``open-enums`` opens (every enum for ``true``)."""
    enums = [d for d in spec.decls().values() if isinstance(d, Enum)]
    opened: set[str] = set()
    for entry in entries:
        if entry.target == "*":
            return {e.key for e in enums}
        *namespace, name = entry.target.split(".")
        qualifier = ".".join(namespace)
        matches = [
            e
            for e in enums
            if e.name == name and (not qualifier or e.key == entry.target or e.key.endswith(f".{entry.target}"))
        ]
        if not matches:
            problems.append(
                error(entry.span, f"open-enums: no enum {entry.target!r} in the specs", "name an enum page's title")
            )
        elif len(matches) > 1:
            keys = ", ".join(sorted(e.key for e in matches))
            problems.append(
                error(
                    entry.span,
                    f"open-enums: {entry.target!r} names several enums ({keys})",
                    "qualify it with its namespace",
                )
            )
        else:
            opened.add(matches[0].key)
    return opened
