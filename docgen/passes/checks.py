"""Checks on the fields of each model once their wire names are final (after the settings)."""

from __future__ import annotations

from typing import Callable, Iterator

from ..diagnostics import Diagnostic, error
from ..emit import names
from ..ir import Field, Model, Ref, Spec
from ..walk import walk


def _models(spec: Spec) -> Iterator[Model]:
    for module in spec.modules:
        for decl in module.decls:
            if isinstance(decl, Model):
                yield decl


def _clashes(model: Model, key: Callable[[Field], str]) -> Iterator[tuple[Field, Field, str]]:
    """(first, second, what they share) for each field whose *key* an earlier field has."""
    first: dict[str, Field] = {}
    for field in model.fields:
        other = first.setdefault(key(field), field)
        if other is not field:
            yield other, field, key(field)


def shared_json_keys(spec: Spec) -> list[Diagnostic]:
    """Two fields of one model that would read and write the same JSON key: an error at
    the second, naming both (``str`` and ``str_``; ``date_time`` and ``dateTime`` under
    camelCase; a wire-names setting that points at another field's key)."""
    return [
        error(
            second.span,
            f"fields {first.name!r} (at {first.span}) and {second.name!r} of {model.name} share the JSON key {key!r}",
            "rename one of them, or give one another JSON name in [tool.docgen.wire-names]",
        )
        for model in _models(spec)
        for first, second, key in _clashes(model, lambda f: f.wire_name)
    ]


def shared_attributes(spec: Spec) -> list[Diagnostic]:
    """Two fields of one model whose Python attribute names would be one: a field that
    docgen escapes (``from_dict`` -> ``from_dict_``, or ``Pet`` beside a field of type
    ``Pet`` -> ``Pet_``) next to a field the docs already name that way.  An error at the
    second, naming both, rather than a third spelling (``from_dict__``) no page shows."""
    decls = spec.decls()
    problems = []
    for model in _models(spec):
        used = frozenset(decls[node.key].name for f in model.fields for node in walk(f.type) if isinstance(node, Ref))
        escaped = {f.name: names.field_attribute(f.name, used) for f in model.fields}
        for first, second, attribute in _clashes(model, lambda f, escaped=escaped: escaped[f.name]):  # type: ignore[misc]
            problems.append(
                error(
                    second.span,
                    f"fields {first.name!r} (at {first.span}) and {second.name!r} of {model.name} "
                    f"would both be the Python attribute {attribute!r}",
                    f"rename one of them: docgen writes {attribute!r} for a field documented as "
                    f"{(first if escaped[first.name] != first.name else second).name!r}",
                )
            )
    return problems
