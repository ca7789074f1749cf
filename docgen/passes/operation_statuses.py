"""The IR pass of ``[tool.docgen.operation-statuses]``: an operation's success statuses,
and the union member each status carries (read by :mod:`docgen.operation_settings`)."""

from __future__ import annotations

import dataclasses
from typing import Optional

from ..config import Settings
from ..diagnostics import Diagnostic, error
from ..ir import Decl, Model, Operation, Ref, Spec, TypeRef, Union_, UnionOf
from ..operation_settings import OperationStatuses
from ..walk import without_optional


def apply_operation_statuses(spec: Spec, settings: Settings) -> tuple[Spec, list[Diagnostic]]:
    """The spec with each configured operation's success statuses, and an error for each
    entry naming no operation or member of the docs (as ``wire-names`` and ``nullable``
    report a type or field the docs do not have: the build fails, exit status 1)."""
    if not settings.operation_statuses:
        return spec, []
    by_key = {o.key: o for o in spec.operations}
    decls = spec.decls()
    problems: list[Diagnostic] = []
    changed: dict[str, Operation] = {}
    for entry in settings.operation_statuses:
        operation = by_key.get(entry.target)
        if operation is None:
            problems.append(
                error(
                    entry.span,
                    f"operation-statuses: no operation {entry.target!r} in the operation pages",
                    'name it "group.operation": the docs/sdks folder and the ## heading',
                )
            )
            continue
        problem = _member_problem(operation, entry, decls)
        if problem is not None:
            problems.append(problem)
            continue
        changed[operation.key] = dataclasses.replace(operation, success=tuple(zip(entry.statuses, entry.members)))
    if problems:
        return spec, problems
    operations = tuple(changed.get(o.key, o) for o in spec.operations)
    return dataclasses.replace(spec, operations=operations), []


def member_names(operation: Operation, decls: dict[str, Decl]) -> dict[str, TypeRef]:
    """The members of a union response by class name (empty for any other response); the
    union may be the body of the response model that holds it (``Operation.wrapper``)."""
    if operation.response is None:
        return {}
    ref = without_optional(operation.response)
    decl = decls.get(ref.key) if isinstance(ref, Ref) else None
    if isinstance(decl, Model) and operation.wrapper is not None:
        body = next((f for f in decl.fields if f.name == operation.wrapper.body), None)
        if body is None:
            return {}
        ref = without_optional(body.type)
        decl = decls.get(ref.key) if isinstance(ref, Ref) else None
    members = decl.members if isinstance(decl, Union_) else ref.members if isinstance(ref, UnionOf) else ()
    return {decls[m.key].name: m for m in members if isinstance(m, Ref) and m.key in decls}


def _member_problem(operation: Operation, entry: OperationStatuses, decls: dict[str, Decl]) -> Optional[Diagnostic]:
    wanted = [m for m in entry.members if m]
    if not wanted:
        return None
    members = member_names(operation, decls)
    for name in wanted:
        if name not in members:
            known = ", ".join(sorted(members)) or "none: its response is not a union"
            return error(
                entry.span,
                f"operation-statuses: the response of {entry.target!r} has no member {name!r}",
                f"its members: {known}",
            )
    return None
