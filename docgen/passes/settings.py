"""The IR passes that apply ``[tool.docgen]`` settings: wire names, statuses, sentinels.

These are the one place that changes a field's ``wire_name``, ``status`` or ``sentinel``
(and an operation's ``sentinel``)
after the pages are read; :mod:`docgen.config` only reads the settings.  Part of the IR
passes stage, between resolution and the checks of :mod:`docgen.passes.checks`.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import Optional

from ..config import AS_DOCUMENTED, CAMEL_CASE, FieldOverride, Settings
from ..diagnostics import Diagnostic, error
from ..emit import names
from ..ir import Model, Module, SourceSpan, Spec


def apply_wire_names(spec: Spec, settings: Settings) -> tuple[Spec, list[Diagnostic]]:
    """The spec with every field's wire name as configured: naming rule first, then overrides."""
    problems: list[Diagnostic] = []
    overrides: dict[tuple[str, str], str] = {}
    for wire in settings.wire_names:
        match, problem = _find_field(spec, wire)
        if problem is not None:
            problems.append(problem)
        elif match is not None:
            overrides[match] = wire.value
    if settings.wire_naming == AS_DOCUMENTED and not overrides:
        return spec, problems
    modules = tuple(_rename_module(m, settings.wire_naming, overrides) for m in spec.modules)
    return Spec(modules, spec.operations), problems


def apply_statuses(spec: Spec, settings: Settings) -> tuple[Spec, list[Diagnostic]]:
    """The spec with the configured response status and stream sentinel of body fields, and
    the sentinels keyed by operation (``"group.operation"``, an operation's event stream)."""
    problems: list[Diagnostic] = []
    changes: dict[tuple[str, str], dict[str, str]] = {}
    spec, by_operation = _operation_sentinels(spec, settings)
    for key, attribute, entries in (
        ("statuses", "status", settings.statuses),
        ("sentinels", "sentinel", tuple(w for w in settings.sentinels if w.target not in by_operation)),
    ):
        for entry in entries:
            match, problem = _find_field(spec, entry, key)
            if key == "sentinels" and match is None and not _names_a_model(spec, entry.target):
                problem = _no_sentinel_target(spec, entry)
            if problem is not None:
                problems.append(problem)
            elif match is not None:
                changes.setdefault(match, {})[attribute] = entry.value
    if not changes:
        return spec, problems
    modules = []
    for module in spec.modules:
        decls = [
            (
                dataclasses.replace(
                    d, fields=tuple(dataclasses.replace(f, **changes.get((d.key, f.name), {})) for f in d.fields)
                )
                if isinstance(d, Model)
                else d
            )
            for d in module.decls
        ]
        modules.append(dataclasses.replace(module, decls=tuple(decls)))
    return Spec(tuple(modules), spec.operations), problems


def _operation_sentinels(spec: Spec, settings: Settings) -> tuple[Spec, dict[str, str]]:
    """The spec with the sentinels of the entries that name an operation, and those entries."""
    keys = {o.key for o in spec.operations}
    by_operation = {w.target: w.value for w in settings.sentinels if w.target in keys}
    if not by_operation:
        return spec, by_operation
    operations = tuple(dataclasses.replace(o, sentinel=by_operation.get(o.key, o.sentinel)) for o in spec.operations)
    return dataclasses.replace(spec, operations=operations), by_operation


def _names_a_model(spec: Spec, target: str) -> bool:
    """Does ``target`` (``"[namespace.]Type.field"``) name a model, whatever its field?"""
    model, _ = find_model(spec, target.rpartition(".")[0], SourceSpan("", 1, 1), "sentinels")
    return model is not None


def _no_sentinel_target(spec: Spec, entry: FieldOverride) -> Diagnostic:
    """A sentinels key that names neither an operation nor a model's field."""
    close = difflib.get_close_matches(entry.target, [o.key for o in spec.operations], n=1)
    hint = f"did you mean the operation {close[0]!r}?" if close else ""
    where = "no operation of that key in the operation pages and no model of that type in the specs"
    return error(
        entry.span,
        f"sentinels key {entry.target!r} names no operation and no model field: {where}",
        hint or 'write "group.operation" (the docs/sdks folder and the ## heading) or "[namespace.]Type.field"',
    )


def _rename_module(module: Module, naming: str, overrides: dict[tuple[str, str], str]) -> Module:
    decls = []
    for decl in module.decls:
        if isinstance(decl, Model):
            fields = tuple(
                dataclasses.replace(f, wire_name=overrides.get((decl.key, f.name), _named(f.wire_name, naming)))
                for f in decl.fields
            )
            decl = dataclasses.replace(decl, fields=fields)
        decls.append(decl)
    return dataclasses.replace(module, decls=tuple(decls))


def _named(documented: str, naming: str) -> str:
    return names.camel_case(documented) if naming == CAMEL_CASE else documented


def _find_field(
    spec: Spec, wire: FieldOverride, key: str = "wire-names"
) -> tuple[Optional[tuple[str, str]], Optional[Diagnostic]]:
    """The (type key, field name) an override names, or the problem with it."""
    *namespace, type_name, field_name = wire.target.split(".")
    model, problem = find_model(spec, ".".join([*namespace, type_name]), wire.span, key)
    if model is None:
        return None, problem
    for f in model.fields:
        if field_name in (f.name, names.unescaped(f.name)):
            return (model.key, f.name), None
    return None, error(wire.span, f"{key}: model {model.key!r} has no field {field_name!r}")


def find_model(spec: Spec, target: str, span: SourceSpan, key: str) -> tuple[Optional[Model], Optional[Diagnostic]]:
    """The model ``[namespace.]Type`` names, or the problem with the name (*key*: the setting)."""
    *namespace, type_name = target.split(".")
    qualifier = ".".join(namespace)
    models = [
        d
        for d in spec.decls().values()
        if isinstance(d, Model)
        and d.name == type_name
        and (not qualifier or d.key == f"{qualifier}.{type_name}" or d.key.endswith(f".{qualifier}.{type_name}"))
    ]
    if not models:
        return None, error(span, f"{key}: no model {target!r} in the specs")
    if len(models) > 1:
        keys = ", ".join(sorted(m.key for m in models))
        return None, error(span, f"{key}: {type_name!r} names several models ({keys})", "qualify it with its namespace")
    return models[0], None
