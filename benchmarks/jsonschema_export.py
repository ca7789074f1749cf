"""docgen's IR as one JSON Schema document (``$defs`` per type), for peers that read JSON Schema."""

from __future__ import annotations

import json
from typing import Any

from docgen.ir import (
    DictOf,
    Enum,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Optional_,
    Primitive,
    Ref,
    Spec,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)

_PRIMITIVES = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "bytes": {"type": "string", "format": "binary"},
    "Decimal": {"type": "string", "format": "decimal"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
    "Any": {},
}


def def_name(key: str) -> str:
    """A $defs name for a type key: ``models.shared.Foo`` -> ``shared_Foo``."""
    parts = key.split(".")
    return "_".join(parts[-2:]) if len(parts) > 1 else parts[0]


def type_schema(ref: TypeRef) -> dict[str, Any]:
    if isinstance(ref, Primitive):
        return dict(_PRIMITIVES[ref.name])
    if isinstance(ref, HttpResponse):
        return {}
    if isinstance(ref, Ref):
        return {"$ref": f"#/$defs/{def_name(ref.key)}"}
    if isinstance(ref, Optional_):
        return {"anyOf": [type_schema(ref.inner), {"type": "null"}]}
    if isinstance(ref, (ListOf, StreamOf)):
        return {"type": "array", "items": type_schema(ref.item)}
    if isinstance(ref, DictOf):
        return {"type": "object", "additionalProperties": type_schema(ref.value)}
    if isinstance(ref, UnionOf):
        return {"anyOf": [type_schema(m) for m in ref.members]}
    if isinstance(ref, LiteralOf):
        return {"enum": list(ref.values)}
    raise TypeError(ref)


def decl_schema(decl: Model | Enum | Union_) -> dict[str, Any]:
    schema: dict[str, Any] = {"title": decl.name}
    if decl.description:
        schema["description"] = decl.description
    if isinstance(decl, Model):
        schema["type"] = "object"
        schema["properties"] = {f.wire_name: type_schema(f.type) for f in decl.fields}
        required = [f.wire_name for f in decl.fields if f.required]
        if required:
            schema["required"] = required
    elif isinstance(decl, Enum):
        schema["type"] = "integer" if decl.value_type == "int" else "string"
        schema["enum"] = [m.value for m in decl.members]
    else:
        schema["anyOf"] = [type_schema(m) for m in decl.members]
    return schema


def spec_schema(spec: Spec) -> dict[str, Any]:
    defs = {def_name(key): decl_schema(decl) for key, decl in sorted(spec.decls().items())}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Models",
        "$defs": defs,
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in defs],
    }


def write_schema(spec: Spec, path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(spec_schema(spec), handle, indent=1)
