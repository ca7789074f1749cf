"""Operations of the IR (``Spec.operations``, from the operation pages) for ``docgen diff``:
which types they receive and send, and what changed in them.

An operation *receives* its response type and the bodies of its documented errors, and
*sends* the types of its parameters.  Operations are matched by key (``group.name``); a
change of the response type or of the errors table is ``operation-response-changed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from ..ir import Decl, Operation, Spec, TypeRef
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


def _error_changes(before: Mapping[str, str], after: Mapping[str, str]) -> Iterable[str]:
    for route in sorted(before.keys() | after.keys()):
        if route not in after:
            yield f"the error {before[route]} for {route} is no longer documented"
        elif route not in before:
            yield f"the error {after[route]} for {route} is new"
        elif before[route] != after[route]:
            yield f"the error for {route} changed from {before[route]} to {after[route]}"
