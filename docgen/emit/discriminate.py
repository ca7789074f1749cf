"""Tagged unions: the member a JSON object can only be, decided at generation time.

Part of stage 6 (emit).  A union's parse helper tries its members in turn and ranks the
ones that accept an object.  When every member that can accept an object at all is a
model, and one wire key is a field of each of them whose accepted JSON values are
disjoint (a Literal ``"type": "text"`` against ``"type": "image"``, an object against a
string), the value at that key tells which single member can accept the object.  The
helper then first parses that member alone and returns its result: no other member
could have accepted the object, so the general routine would have returned the same.
When that member rejects the object, or the key is absent or null, the general routine
runs, so every error message is the one it gives.
"""

from __future__ import annotations

from typing import Optional, Union

from ..ir import DictOf, Enum, ListOf, LiteralOf, Model, Optional_, Primitive, Ref, TypeRef
from ..primitives import is_any_value
from .parsers import ParserContext, literal_test, needs_arguments
from .views import TaggedMember

#: An atom of what a field accepts: a JSON type name, or ("literal", value).
Atom = Union[str, tuple[str, object]]

#: JSON type names of the primitives whose JSON form is one type only.
_PRIMITIVE_KINDS = {"str": "str", "int": "int", "bool": "bool", "date": "str", "datetime": "str", "bytes": "str"}

#: The test on ``f_tag`` of each JSON type name.
_KIND_TESTS = {"dict": "type(f_tag) is dict", "list": "type(f_tag) is list"}


def _atoms(ref: TypeRef, ctx: ParserContext) -> Optional[frozenset[Atom]]:
    """The non-null JSON values a field of type *ref* accepts, as atoms; None when they
    are not simply described (floats and decimals take ints too, Any takes all)."""
    if isinstance(ref, Optional_):
        return _atoms(ref.inner, ctx)
    if isinstance(ref, LiteralOf):
        if any(v is None or isinstance(v, bool) for v in ref.values):
            return None
        return frozenset(("literal", v) for v in ref.values)
    if isinstance(ref, (ListOf, DictOf)):
        return frozenset({"list" if isinstance(ref, ListOf) else "dict"})
    if isinstance(ref, Primitive) and not is_any_value(ref.name) and ref.name in _PRIMITIVE_KINDS:
        return frozenset({_PRIMITIVE_KINDS[ref.name]})
    if isinstance(ref, Ref):
        decl = ctx.decls[ref.key]
        if isinstance(decl, Model):
            return frozenset({"dict"})
        if isinstance(decl, Enum) and not decl.open:
            return frozenset({decl.value_type})
    return None


def _kind(atom: Atom) -> str:
    return type(atom[1]).__name__ if isinstance(atom, tuple) else atom


def _overlap(a: frozenset[Atom], b: frozenset[Atom]) -> bool:
    """Whether some JSON value is accepted by both (a literal is within its type)."""
    kinds_a = {x for x in a if not isinstance(x, tuple)}
    kinds_b = {x for x in b if not isinstance(x, tuple)}
    if kinds_a & kinds_b or a & b:
        return True
    return any(_kind(x) in kinds_b for x in a) or any(_kind(x) in kinds_a for x in b)


def _test(atoms: frozenset[Atom]) -> str:
    """A condition on ``f_tag`` that holds for exactly the values *atoms* describe."""
    parts = []
    for atom in sorted(atoms, key=repr):
        if isinstance(atom, tuple):
            parts.append(literal_test(atom[1], "f_tag"))
        else:
            parts.append(_KIND_TESTS.get(atom, f"type(f_tag) is {atom}"))
    return " or ".join(f"({p})" if len(parts) > 1 else p for p in parts)


def tagged_members(members: list[TypeRef], ctx: ParserContext) -> tuple[str, tuple[TaggedMember, ...]]:
    """(the tag key's literal, a test and parse expression per member) of a union whose
    object members a key tells apart, else ("", ())."""
    models = [m for m in members if isinstance(m, Ref) and isinstance(ctx.decls[m.key], Model)]
    takes_objects = [m for m in members if not _never_an_object(m, ctx)]
    if len(models) < 2 or len(takes_objects) != len(models):
        return "", ()
    decls = [d for d in (ctx.decls[m.key] for m in models) if isinstance(d, Model) and not needs_arguments(d)]
    if len(decls) != len(models):
        return "", ()
    shared = [f.wire_name for f in decls[0].fields if not f.additional]
    for key in shared:
        atoms = [_field_atoms(d, key, ctx) for d in decls]
        if any(a is None for a in atoms):
            continue
        known = [a for a in atoms if a is not None]
        if any(_overlap(a, b) for i, a in enumerate(known) for b in known[i + 1 :]):
            continue
        rows = tuple(
            TaggedMember(_test(a), f"{ctx.function(m.key, '_parse_')}(value, path)") for m, a in zip(models, known)
        )
        return repr(key), rows
    return "", ()


def _field_atoms(model: Model, key: str, ctx: ParserContext) -> Optional[frozenset[Atom]]:
    if any(f.additional for f in model.fields):
        return None
    field = next((f for f in model.fields if f.wire_name == key), None)
    return None if field is None else _atoms(field.type, ctx)


def _never_an_object(ref: TypeRef, ctx: ParserContext) -> bool:
    """Whether no member of this kind accepts a JSON object (so it never competes)."""
    if isinstance(ref, Primitive):
        return not is_any_value(ref.name)
    if isinstance(ref, (ListOf, LiteralOf)):
        return True
    if isinstance(ref, Ref):
        return isinstance(ctx.decls[ref.key], Enum)
    return False
