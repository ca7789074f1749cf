"""Dumps: the Python text that turns a typed value back into its JSON form.

Part of stage 6 (emit), the other half of :mod:`docgen.emit.parsers` (whose
:class:`~docgen.emit.parsers.ParserContext` collects the helpers both need).
"""

from __future__ import annotations

from ..ir import (
    Decl,
    DictOf,
    Enum,
    ListOf,
    LiteralOf,
    Optional_,
    Primitive,
    Ref,
    TypeRef,
    Union_,
    UnionOf,
)
from ..primitives import BY_NAME, is_any_value, primitive
from .parsers import ParserContext, union_members
from .views import (
    ListHelper,
    UnionDumpMember,
    UnionHelper,
)


def dump_expression(ref: TypeRef, value: str, ctx: ParserContext) -> str:
    """Python source of an expression whose value is the JSON-ready form of *value*.

    *value* is the source of a side-effect-free expression of type *ref* (a local name
    or an attribute such as ``value.usage``); it may be evaluated more than once.  The
    result is made of dict, list, str, int, float, bool and None only (``json.dumps``
    writes it as is), new containers throughout, so that parsing it gives back an
    equal value.  Values are trusted to have their annotated types: dumping does not
    validate.  Types JSON cannot carry dump as None.
    """
    if isinstance(ref, Primitive):
        if primitive(ref.name).identity:
            return value
        return f"_parsing.{primitive(ref.name).dump}({value})"
    if isinstance(ref, LiteralOf):
        return value
    if isinstance(ref, Optional_):
        inner = dump_expression(ref.inner, value, ctx)
        return value if inner == value else f"(None if {value} is None else {inner})"
    if isinstance(ref, Ref):
        decl = ctx.decls[ref.key]
        if isinstance(decl, Union_):
            return _dump_union(ref, UnionOf(decl.members), value, ctx)
        if isinstance(decl, Enum):
            return f"{value}.value"
        return f"{ctx.function(ref.key, '_dump_')}({value})"
    if isinstance(ref, (ListOf, DictOf)):
        item = ref.item if isinstance(ref, ListOf) else ref.value
        if is_identity(item, ctx.decls):
            return f"list({value})" if isinstance(ref, ListOf) else f"dict({value})"
        name = ctx._helper(
            "dump",
            ref,
            lambda name: ListHelper(
                "list" if isinstance(ref, ListOf) else "dict",
                "dump",
                name,
                ctx.annotate(ref),
                dump_expression(item, "item", ctx),
            ),
        )
        return f"{name}({value})"
    if isinstance(ref, UnionOf):
        return _dump_union(ref, ref, value, ctx)
    return "None"


def is_identity(ref: TypeRef, decls: dict[str, Decl]) -> bool:
    """Whether a value of *ref* is its own JSON form (so containers of it copy shallowly)."""
    if isinstance(ref, Primitive):
        return primitive(ref.name).identity
    if isinstance(ref, LiteralOf):
        return True
    if isinstance(ref, Optional_):
        return is_identity(ref.inner, decls)
    if isinstance(ref, UnionOf) or (isinstance(ref, Ref) and isinstance(decls[ref.key], Union_)):
        return all(not isinstance(m, Ref) and is_identity(m, decls) for m in union_members(ref, decls))
    return False


#: The order in which a union's dump tests members: subclasses before their bases
#: (an enum member is a str or an int, a bool is an int, a datetime is a date); the
#: primitives in the order of :data:`docgen.primitives.TABLE`.
def _dump_order() -> tuple[str, ...]:
    return ("enum", "model", *(name for name in BY_NAME if not is_any_value(name)), "literal")


def _dump_union(named: TypeRef, union: UnionOf, value: str, ctx: ParserContext) -> str:
    if is_identity(union, ctx.decls):
        return value

    def build(name: str) -> UnionHelper:
        members = union_members(union, ctx.decls)
        tests: list[tuple[int, str, str]] = []
        lists = [m.item for m in members if isinstance(m, ListOf)]
        dicts = [m.value for m in members if isinstance(m, DictOf)]
        for member in members:
            rank, check = _dump_check(member, ctx)
            if rank >= 0:
                tests.append((rank, check, dump_expression(member, "value", ctx)))
        if lists:
            item = lists[0] if len(lists) == 1 else UnionOf(tuple(lists))
            tests.append((len(_dump_order()), "isinstance(value, list)", dump_expression(ListOf(item), "value", ctx)))
        if dicts:
            item = dicts[0] if len(dicts) == 1 else UnionOf(tuple(dicts))
            tests.append(
                (len(_dump_order()) + 1, "isinstance(value, dict)", dump_expression(DictOf(item), "value", ctx))
            )
        ordered = [UnionDumpMember(check, expression) for _, check, expression in sorted(tests, key=lambda t: t[0])]
        if any(isinstance(m, Primitive) and is_any_value(m.name) for m in members) or not ordered:
            ordered.append(UnionDumpMember("", "value"))
        message = repr(f"not a {ctx.annotate(union)}: ")
        return UnionHelper("dump", name, ctx.annotate(union), message, tuple(ordered), ())

    return f"{ctx._helper('dump', named, build)}({value})"


def _dump_check(ref: TypeRef, ctx: ParserContext) -> tuple[int, str]:
    """(position in :func:`_dump_order`, isinstance test) for a union member; -1 for the
    members handled apart (lists, dicts, Any, what JSON cannot carry)."""
    if isinstance(ref, Primitive):
        if ref.name == "None":
            return _dump_order().index("None"), "value is None"
        if is_any_value(ref.name):
            return -1, ""
        return _dump_order().index(ref.name), f"isinstance(value, {ref.name})"
    if isinstance(ref, LiteralOf):
        types = sorted({type(v).__name__ for v in ref.values})
        return _dump_order().index("literal"), f"isinstance(value, ({', '.join(types)},))"
    if isinstance(ref, Ref):
        decl = ctx.decls[ref.key]
        return (
            _dump_order().index("enum" if isinstance(decl, Enum) else "model"),
            f"isinstance(value, {ctx.annotate(ref)})",
        )
    return -1, ""
