"""Errors of the operations -> ``api_errors.py``: one exception class per error.

Every type of an ``errors`` folder and every error an Errors table names becomes a class
deriving from ``ResponseError``; ``data`` is its parsed body model where the docs give
one.  The tree's generic API error (the one without a model the tables name for any
content type, ``APIError`` or ``SDKError``) is the base of ``UnexpectedResponseError``.
"""

from __future__ import annotations

from typing import Optional

from ..ir import Decl, Module, Ref, Spec, TypeRef
from . import names
from .operation_views import ErrorClass, ErrorsView
from .spelling import docstring_literal

ERRORS_MODULE = names.ERRORS_MODULE
DISPATCH_MODULE = names.DISPATCH_MODULE


def spellings(decls: dict[str, Decl], module_of: dict[str, Module]) -> dict[str, str]:
    """Every type spelled by its name, or ``alias.Name`` when two share a name."""
    by_name: dict[str, list[str]] = {}
    for key, decl in decls.items():
        by_name.setdefault(decl.name, []).append(key)
    spelling = {}
    for name, keys in by_name.items():
        for key in keys:
            clash = len(keys) > 1 or names.operation_module_uses(name) is not None
            spelling[key] = "_".join(module_of[key].module[-2:]) + "." + name if clash else name
    return spelling


def error_models(spec: Spec, decls: dict[str, Decl]) -> dict[str, Optional[TypeRef]]:
    """Exception name -> the body model it carries: every type of an ``errors`` folder, and
    every error an Errors table names (None where the docs give it no model)."""
    found: dict[str, Optional[TypeRef]] = {}
    for module in spec.modules:
        if "errors" in module.module[:-1]:
            for decl in module.decls:
                found.setdefault(names.error_class_name(decl.name) or decl.name, Ref(decl.key))
    for op in spec.operations:
        for row in op.errors:
            if row.ref is not None:
                found[row.name] = row.ref
            else:
                found.setdefault(row.name, None)
    return found


def _generic(spec: Spec, models: dict[str, Optional[TypeRef]]) -> str:
    """The tree's generic API error: the error without a model that most rows name for ``*``."""
    counts: dict[str, int] = {}
    for op in spec.operations:
        for row in op.errors:
            if models.get(row.name) is None and row.content_type == "*":
                counts[row.name] = counts.get(row.name, 0) + 1
    return max(sorted(counts), key=lambda n: counts[n]) if counts else ""


def errors_view(
    spec: Spec, models: dict[str, Optional[TypeRef]], decls: dict[str, Decl], module_of: dict[str, Module]
) -> ErrorsView:
    """The classes of ``api_errors.py``; a body model is imported as ``_model_<key>``."""
    generic = _generic(spec, models)
    classes, imports = [], set()
    for name in sorted(models):
        ref = models[name]
        data = ""
        if isinstance(ref, Ref):
            data = "_model_" + ref.key.replace(".", "_")
            where = ".".join(module_of[ref.key].module)
            imports.add(f"from .{where} import {decls[ref.key].name} as {data}")
        elif ref is not None:
            data = "Any"
        kind = "The SDK's generic API error" if name == generic else f"The {name} error response"
        shown = f"``{decls[ref.key].name}``" if isinstance(ref, Ref) else "JSON"
        doc = kind + (f"; ``data`` is its body as {shown}." if data else ".")
        classes.append(ErrorClass(name, "ResponseError", docstring_literal(doc), data))
    exported = sorted([c.name for c in classes] + ["ResponseError", "UnexpectedResponseError"], key=names.isort_key)
    return ErrorsView(tuple(sorted(imports)), tuple(classes), generic or "ResponseError", tuple(exported))
