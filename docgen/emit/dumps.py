"""Dumps: the Python text that turns a typed value back into its JSON form.

Part of stage 6 (emit), the other half of :mod:`docgen.emit.parsers` (whose
:class:`~docgen.emit.parsers.ParserContext` collects the helpers both need).
"""

from __future__ import annotations

import dataclasses
from typing import Optional

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
from ..walk import TypeVisitor
from ..walk import without_optional as without_optional_ref
from .parsers import ParserContext, union_members
from .spelling import with_article
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
    return _Dump(value, ctx).visit(ref)


class _Dump(TypeVisitor[str]):
    """The dump expression of each node class, for *value* (see :func:`dump_expression`)."""

    def __init__(self, value: str, ctx: ParserContext) -> None:
        self.value, self.ctx = value, ctx

    def visit_Primitive(self, ref: Primitive) -> str:
        if primitive(ref.name).identity:
            return self.value
        if primitive(ref.name).dump_in_line:  # the same conversion: a call costs as much
            return primitive(ref.name).dump_in_line.format(v=self.value)
        return f"_parsing.{primitive(ref.name).dump}({self.value})"

    def visit_LiteralOf(self, ref: LiteralOf) -> str:
        return self.value

    def visit_Optional_(self, ref: Optional_) -> str:
        inner = self.visit(ref.inner)
        return self.value if inner == self.value else f"(None if {self.value} is None else {inner})"

    def visit_Ref(self, ref: Ref) -> str:
        decl = self.ctx.decls[ref.key]
        if isinstance(decl, Union_):
            return _dump_union(ref, UnionOf(decl.members), self.value, self.ctx)
        if isinstance(decl, Enum):
            # _value_ is the attribute Enum's .value property reads (enum docs, "Supported
            # _sunder_ names"); reading it directly skips a descriptor call written in Python.
            return f"_parsing.open_value({self.value})" if decl.open else f"{self.value}._value_"
        return f"{self.ctx.function(ref.key, '_dump_')}({self.value})"

    def visit_ListOf(self, ref: ListOf) -> str:
        return self._container(ref, ref.item, "list")

    def visit_DictOf(self, ref: DictOf) -> str:
        return self._container(ref, ref.value, "dict")

    def _container(self, ref: ListOf | DictOf, item: TypeRef, kind: str) -> str:
        ctx = self.ctx
        if is_identity(item, ctx.decls):
            return f"{kind}({self.value})"
        if not _recursive(ref):  # a comprehension in line: no helper call per container
            each = dump_expression(item, "item", ctx)
            if kind == "list":
                return f"[{each} for item in {self.value}]"
            return f"{{key: {each} for key, item in {self.value}.items()}}"
        name = ctx._helper(
            "dump",
            ref,
            lambda name: ListHelper(kind, "dump", name, ctx.annotate(ref), dump_expression(item, "item", ctx)),
        )
        return f"{name}({self.value})"

    def visit_UnionOf(self, ref: UnionOf) -> str:
        return _dump_union(ref, ref, self.value, self.ctx)

    def generic_visit(self, ref: TypeRef) -> str:
        """HTTP responses, files and streams: JSON cannot carry them, they dump as None."""
        return "None"


def _recursive(ref: TypeRef) -> bool:
    """Whether a container's items are containers again (their comprehensions would nest
    their names): those keep a helper function."""
    item = ref.item if isinstance(ref, ListOf) else ref.value if isinstance(ref, DictOf) else ref
    return isinstance(without_optional_ref(item), (ListOf, DictOf, UnionOf))


def is_identity(ref: TypeRef, decls: dict[str, Decl]) -> bool:
    """Whether a value of *ref* is its own JSON form (so containers of it copy shallowly)."""
    return _IsIdentity(decls).visit(ref)


class _IsIdentity(TypeVisitor[bool]):
    def __init__(self, decls: dict[str, Decl]) -> None:
        self.decls = decls

    def visit_Primitive(self, ref: Primitive) -> bool:
        return primitive(ref.name).identity

    def visit_LiteralOf(self, ref: LiteralOf) -> bool:
        return True

    def visit_Optional_(self, ref: Optional_) -> bool:
        return self.visit(ref.inner)

    def visit_UnionOf(self, ref: TypeRef) -> bool:
        return all(not isinstance(m, Ref) and self.visit(m) for m in union_members(ref, self.decls))

    def visit_Ref(self, ref: Ref) -> bool:
        return isinstance(self.decls[ref.key], Union_) and self.visit_UnionOf(ref)

    def generic_visit(self, ref: TypeRef) -> bool:
        """Models, enums, containers and what JSON cannot carry are not their JSON form."""
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
        message = repr(f"not {with_article(ctx.annotate(union))}: ")
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


def hand_union_dump(ctx: ParserContext, ref: TypeRef, call: str, public: str) -> Optional[UnionHelper]:
    """The union dump helper of *ref* when *call* is nothing but a call of it, for the
    public function *public* to hold its body (a frame fewer per value); the helper stays
    behind as an alias of *public*, for its other callers (recursive ones too).  None,
    and nothing changed, when *call* is anything else, or when a member is a list or a dict:
    there the public function's annotation would narrow ``value`` to ``list[A] | list[B]``,
    which the list helper (``list[A | B]``) does not take under mypy."""
    key = ("dump", ref)
    found = ctx._helpers.get(key)
    if not isinstance(found, UnionHelper) or call != f"{found.name}(value)":
        return None
    if any(isinstance(member, (ListOf, DictOf)) for member in union_members(ref, ctx.decls)):
        return None
    ctx._helpers[key] = dataclasses.replace(found, public=public)
    return found
