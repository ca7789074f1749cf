"""Type references of two versions of the docs, compared: does one accept every value of the other?

``covers(a, b)`` is True when every value the type *b* (of one version) admits is admitted
by *a* (of the other).  Named types are the same type when their keys are equal (their own
changes are reported on them); a named union covers what one of its members covers.
"""

from __future__ import annotations

from typing import Mapping

from ..ir import (
    BinaryFile,
    Decl,
    DictOf,
    HttpRequest,
    HttpResponse,
    ListOf,
    LiteralOf,
    Optional_,
    Primitive,
    Ref,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)
from ..walk import TypeVisitor

#: Primitive pairs (wider, narrower) where the wider accepts every value of the narrower.
_WIDER = {("float", "int"), ("Decimal", "int"), ("Decimal", "float")}
_LITERAL_OF = {str: "str", int: "int", bool: "bool"}


class Types:
    """The declarations of both versions, for following named unions."""

    def __init__(self, wide: Mapping[str, Decl], narrow: Mapping[str, Decl]) -> None:
        self.wide = wide
        self.narrow = narrow

    def covers(self, a: TypeRef, b: TypeRef, depth: int = 0) -> bool:
        """Every value of *b* (declared in ``narrow``) is a value of *a* (declared in ``wide``)."""
        if a == b or a == Primitive("Any"):
            return True
        if depth > 20:
            return False
        if isinstance(b, Optional_):
            return isinstance(a, Optional_) and self.covers(a.inner, b.inner, depth + 1)
        if isinstance(a, Optional_):
            return self.covers(a.inner, b, depth + 1)
        if isinstance(b, UnionOf):
            return all(self.covers(a, m, depth + 1) for m in b.members)
        named = self.narrow.get(b.key) if isinstance(b, Ref) else None
        if isinstance(named, Union_) and not isinstance(a, Ref):
            return all(self.covers(a, m, depth + 1) for m in named.members)
        if isinstance(a, UnionOf):
            return any(self.covers(m, b, depth + 1) for m in a.members)
        if isinstance(a, Ref) and isinstance(b, Ref):
            return a.key == b.key or self._union_covers(a, b, depth)
        if isinstance(a, Ref):
            return self._union_covers(a, b, depth)
        return self._same_shape(a, b, depth)

    def _union_covers(self, a: Ref, b: TypeRef, depth: int) -> bool:
        union = self.wide.get(a.key)
        return isinstance(union, Union_) and any(self.covers(m, b, depth + 1) for m in union.members)

    def _same_shape(self, a: TypeRef, b: TypeRef, depth: int) -> bool:
        if isinstance(a, Primitive) and isinstance(b, Primitive):
            return (a.name, b.name) in _WIDER
        if isinstance(a, Primitive) and isinstance(b, LiteralOf):
            return all(v is not None and _LITERAL_OF.get(type(v)) == a.name for v in b.values)
        if isinstance(a, LiteralOf) and isinstance(b, LiteralOf):
            return set(b.values) <= set(a.values)
        if isinstance(a, ListOf) and isinstance(b, ListOf):
            return self.covers(a.item, b.item, depth + 1)
        if isinstance(a, DictOf) and isinstance(b, DictOf):
            return self.covers(a.value, b.value, depth + 1)
        if isinstance(a, StreamOf) and isinstance(b, StreamOf):
            return a.kind == b.kind and self.covers(a.item, b.item, depth + 1)
        if isinstance(a, BinaryFile) and isinstance(b, BinaryFile):
            return True  # every kind of file is read the same way
        return type(a) is type(b) and isinstance(a, (HttpResponse, HttpRequest))


class _Shown(TypeVisitor[str]):
    """A type as the docs spell it, named types by name: ``Optional[List[Account]]``."""

    def __init__(self, decls: Mapping[str, Decl]) -> None:
        self.decls = decls

    def visit_Primitive(self, ref: Primitive) -> str:
        return ref.name

    def visit_Ref(self, ref: Ref) -> str:
        decl = self.decls.get(ref.key)
        return decl.name if decl is not None else ref.key.rpartition(".")[2]

    def visit_Optional_(self, ref: Optional_) -> str:
        return f"{ref.nulls.value}[{self.visit(ref.inner)}]"

    def visit_ListOf(self, ref: ListOf) -> str:
        return f"List[{self.visit(ref.item)}]"

    def visit_DictOf(self, ref: DictOf) -> str:
        return f"Dict[str, {self.visit(ref.value)}]"

    def visit_UnionOf(self, ref: UnionOf) -> str:
        return "Union[" + ", ".join(self.visit(m) for m in ref.members) + "]"

    def visit_StreamOf(self, ref: StreamOf) -> str:
        return f"{ref.kind.value}[{self.visit(ref.item)}]"

    def visit_LiteralOf(self, ref: LiteralOf) -> str:
        return "Literal[" + ", ".join(repr(v) for v in ref.values) + "]"

    def visit_BinaryFile(self, ref: BinaryFile) -> str:
        return ref.kind.value

    def visit_HttpResponse(self, ref: HttpResponse) -> str:
        return "Response"

    def visit_HttpRequest(self, ref: HttpRequest) -> str:
        return "Request"


def shown(ref: TypeRef, decls: Mapping[str, Decl]) -> str:
    """A type as the docs spell it, named types by name: ``Optional[List[Account]]``."""
    return _Shown(decls).visit(ref)
