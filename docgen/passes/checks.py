"""Checks on the fields of each model once their wire names are final (after the settings)."""

from __future__ import annotations

from ..diagnostics import Diagnostic, error
from ..ir import Model, Spec


def shared_json_keys(spec: Spec) -> list[Diagnostic]:
    """Two fields of one model that would read and write the same JSON key: an error at
    the second, naming both (``str`` and ``str_``; ``date_time`` and ``dateTime`` under
    camelCase; a wire-names setting that points at another field's key)."""
    problems = []
    for module in spec.modules:
        for decl in module.decls:
            if not isinstance(decl, Model):
                continue
            first: dict[str, str] = {}
            for field in decl.fields:
                other = first.setdefault(field.wire_name, field.name)
                if other != field.name:
                    where = next(f.span for f in decl.fields if f.name == other)
                    problems.append(
                        error(
                            field.span,
                            f"fields {other!r} (at {where}) and {field.name!r} of {decl.name} "
                            f"share the JSON key {field.wire_name!r}",
                            "rename one of them, or give one another JSON name in [tool.docgen.wire-names]",
                        )
                    )
    return problems
