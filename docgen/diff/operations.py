"""Operations of the IR (``Spec.operations``, from the operation pages) for ``docgen diff``:
which types they receive and send, and what changed in them.

An operation *receives* its response type and the bodies of its documented errors, and
*sends* the types of its parameters.  Operations are matched by key (``group.name``); a
change of the response type or of the errors table is ``operation-response-changed``.  A
parameter removed, a required one added, one that became required or whose type changed
breaks callers (``operation-parameters-changed``); a new optional parameter, or one no
longer required, does not (``operation-parameter-added``, ``operation-parameter-became-optional``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Optional

from ..ir import Decl, Operation, Parameter, SourceSpan, Spec, TypeRef
from ..walk import without_optional
from .types import shown

if TYPE_CHECKING:
    from .compare import _Comparison


def operations_of(spec: Spec) -> dict[str, Operation]:
    return {op.key: op for op in spec.operations}


def received_types(operation: Operation) -> list[TypeRef]:
    found = [operation.response] if operation.response is not None else []
    found.extend(route.ref for route in operation.errors if route.ref is not None)
    return found


def sent_types(operation: Operation) -> list[TypeRef]:
    return [parameter.type for parameter in operation.parameters]


def _routes(operation: Operation, decls: Mapping[str, Decl]) -> dict[str, str]:
    """Each documented error as ``"404, 410 application/json"`` -> its error type's name."""
    return {
        f"{', '.join(route.statuses)} {route.content_type}": (
            shown(route.ref, decls) if route.ref is not None else route.name
        )
        for route in operation.errors
    }


def _response(operation: Operation, decls: Mapping[str, Decl]) -> str:
    return shown(operation.response, decls) if operation.response is not None else "nothing"


def compare_operations(old: Spec, new: Spec, comparison: "_Comparison") -> None:
    before, after = operations_of(old), operations_of(new)
    add: Callable[..., None] = comparison.add
    for key in sorted(before.keys() - after.keys()):
        add("operation-removed", key, None, f"operation {key} was removed", before[key].span, None)
    for key in sorted(after.keys() - before.keys()):
        add("operation-added", key, None, f"operation {key} was added", None, after[key].span)
    for key in sorted(before.keys() & after.keys()):
        was, now = before[key], after[key]
        spans = (was.span, now.span)
        if was.response != now.response:
            was_shown, now_shown = _response(was, comparison.old), _response(now, comparison.new)
            add("operation-response-changed", key, None, f"{key} returned {was_shown}, now {now_shown}", *spans)
        for text in _error_changes(_routes(was, comparison.old), _routes(now, comparison.new)):
            add("operation-response-changed", key, None, f"{key}: {text}", *spans)
        for rule, name, text in _parameter_changes(was, now, comparison):
            old_row, new_row = _row(was, name), _row(now, name)
            add(rule, key, name, f"{key}: {text}", old_row or was.span, new_row)


def _row(operation: Operation, name: str) -> Optional[SourceSpan]:
    """Where the operation's page documents the parameter *name* (None: it does not)."""
    return next((p.span for p in operation.parameters if p.name == name), None)


def _parameter_changes(was: Operation, now: Operation, comparison: "_Comparison") -> Iterable[tuple[str, str, str]]:
    """(rule, parameter name, text) for each parameter of the operation that changed."""
    before = {p.name: p for p in was.parameters}
    after = {p.name: p for p in now.parameters}
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if new is None:
            yield "operation-parameters-changed", name, f"the parameter {name} was removed"
        elif old is None:
            kind = "required" if new.required else "optional"
            rule = "operation-parameters-changed" if new.required else "operation-parameter-added"
            yield rule, name, f"the parameter {name} was added ({kind})"
        else:
            yield from _changed_parameter(old, new, comparison)


def _changed_parameter(old: Parameter, new: Parameter, comparison: "_Comparison") -> Iterable[tuple[str, str, str]]:
    if new.required and not old.required:
        yield "operation-parameters-changed", new.name, f"the parameter {new.name} is now required"
    elif old.required and not new.required:
        yield "operation-parameter-became-optional", new.name, f"the parameter {new.name} is no longer required"
    was_type, now_type = without_optional(old.type), without_optional(new.type)  # optional: the required column
    if was_type != now_type:
        was_shown, now_shown = shown(was_type, comparison.old), shown(now_type, comparison.new)
        if was_shown != now_shown:
            text = f"the parameter {new.name} changed from {was_shown} to {now_shown}"
            yield "operation-parameters-changed", new.name, text


def _error_changes(before: Mapping[str, str], after: Mapping[str, str]) -> Iterable[str]:
    for route in sorted(before.keys() | after.keys()):
        if route not in after:
            yield f"the error {before[route]} for {route} is no longer documented"
        elif route not in before:
            yield f"the error {after[route]} for {route} is new"
        elif before[route] != after[route]:
            yield f"the error for {route} changed from {before[route]} to {after[route]}"
