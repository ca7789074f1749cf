"""The ``[tool.docgen]`` keys of how generated parsers read JSON: ``wire-matching``,
``[tool.docgen.nullable]`` and ``open-enums`` (read here, applied to the IR by
:mod:`docgen.passes.json_reading`)."""

from __future__ import annotations

from typing import Any, Callable

from .diagnostics import Diagnostic, error
from .spans import SourceSpan

Span = Callable[[str, str], SourceSpan]  # (table, key) -> where the key is written


def read(table: dict[str, Any], span: Span, problems: list[Diagnostic], values: dict[str, Any]) -> None:
    """Put ``wire_matching``, ``nullable`` and ``open_enums`` of *table* into *values*."""
    from .config import WIRE_MATCHINGS

    matching = table.get("wire-matching")
    if matching is not None:
        if matching not in WIRE_MATCHINGS:
            problems.append(
                error(
                    span("tool.docgen", "wire-matching"),
                    f"unknown wire-matching {matching!r}",
                    "use " + " or ".join(repr(m) for m in WIRE_MATCHINGS),
                )
            )
        values["wire_matching"] = matching
    values["nullable"] = _nullable_table(table, span, problems)
    values["open_enums"] = _open_enums(table, span, problems)


def _nullable_table(table: dict[str, Any], span: Span, problems: list[Diagnostic]) -> tuple[Any, ...]:
    """``[tool.docgen.nullable]``: ``"[namespace.]Type.field" = true`` (``"Type.*"``: every field)."""
    from .config import FieldOverride

    entries = table.get("nullable", {})
    if not isinstance(entries, dict):
        problems.append(error(span("tool.docgen", "nullable"), "'nullable' must be a table of \"Type.field\" = true"))
        return ()
    found = []
    for target, value in entries.items():
        where = span("tool.docgen.nullable", target)
        if value is not True and value is not False:
            problems.append(error(where, f"nullable entry {target!r} must be true or false"))
        elif len(target.split(".")) < 2:
            problems.append(error(where, f'nullable key {target!r} must name a field: "[namespace.]Type.field"'))
        elif value:
            found.append(FieldOverride(target, "true", where))
    return tuple(found)


def _open_enums(table: dict[str, Any], span: Span, problems: list[Diagnostic]) -> tuple[Any, ...]:
    """``open-enums = true`` (every enum: target ``*``) or a list of ``"[namespace.]Enum"`` names."""
    from .config import FieldOverride

    value = table.get("open-enums", False)
    where = span("tool.docgen", "open-enums")
    if value is True:
        return (FieldOverride("*", "true", where),)
    if value is False:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(
            error(where, "'open-enums' must be true, false or a list of enum names", 'e.g. ["shared.Status"]')
        )
        return ()
    return tuple(FieldOverride(name, "true", where) for name in value)
