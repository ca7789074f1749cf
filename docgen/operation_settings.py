"""``[tool.docgen.operation-statuses]``: what an operation page cannot say about its success.

The pages say what an operation returns, never at which status: docgen's parsers take it
at any ``2XX``.  Some SDKs take other statuses as success too (``300``, ``default``), or
split a union response by status (``200`` one member, ``201`` the other).  This table says
so, per operation::

    [tool.docgen.operation-statuses]
    "errors.status_get_error" = ["2XX", "300"]
    "responsebodies.flattened_union_response" = { "200" = "FirstBody", "201" = "SecondBody" }

A list gives the statuses of the whole response; a table gives, per status, the member of
a union response (by its class name) that status carries.  Read here; applied to the IR by
:mod:`docgen.passes.operation_statuses`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from .diagnostics import Diagnostic, error
from .spans import SourceSpan

KEY = "operation-statuses"
Span = Callable[[str, str], SourceSpan]  # (table, key) -> where the key is written
_STATUS = re.compile(r"^([1-5]\d\d|[1-5]XX|default)$", re.IGNORECASE)
_HINT = 'write a code ("300"), a class ("2XX") or "default"'


@dataclass(frozen=True)
class OperationStatuses:
    """One entry: the operation ``"group.operation"``, its success statuses and, per status,
    the union member it carries (``""``: the whole response)."""

    target: str
    statuses: tuple[str, ...]
    members: tuple[str, ...]
    span: SourceSpan


def read(table: dict[str, Any], span: Span, problems: list[Diagnostic]) -> tuple[OperationStatuses, ...]:
    """The entries of ``[tool.docgen.operation-statuses]``; the problems go to *problems*."""
    entries = table.get(KEY, {})
    if not isinstance(entries, dict):
        problems.append(
            error(span("tool.docgen", KEY), f'\'{KEY}\' must be a table of "group.operation" = ["2XX", ...]')
        )
        return ()
    found = []
    for target, value in entries.items():
        where = span(f"tool.docgen.{KEY}", target)
        if where.line == 1 and where.col == 1:
            where = span("tool.docgen", KEY)
        entry = _entry(target, value, where, problems)
        if entry is not None:
            found.append(entry)
    return tuple(found)


def _entry(target: str, value: Any, where: SourceSpan, problems: list[Diagnostic]) -> OperationStatuses | None:
    if len(target.split(".")) != 2 or not all(target.split(".")):
        problems.append(error(where, f'operation-statuses key {target!r} must name an operation: "group.operation"'))
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        pairs = [(v, "") for v in value]
    elif isinstance(value, dict) and value and all(isinstance(v, str) and v for v in value.values()):
        pairs = list(value.items())
    else:
        problems.append(
            error(
                where,
                f"operation-statuses entry {target!r} must be a list of statuses or a table of status = member type",
                'e.g. ["2XX", "300"] or { "200" = "Cat", "201" = "Dog" }',
            )
        )
        return None
    bad = [status for status, _ in pairs if not _STATUS.match(status.strip())]
    for status in bad:
        problems.append(error(where, f"unknown status {status!r} for operation {target!r}", _HINT))
    if bad:
        return None
    statuses = tuple(_normal(s) for s, _ in pairs)
    return OperationStatuses(target, statuses, tuple(m for _, m in pairs), where)


def _normal(status: str) -> str:
    word = status.strip()
    return "default" if word.lower() == "default" else word.upper()
