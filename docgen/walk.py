"""The one walk over :data:`~docgen.ir.TypeRef` trees.

Every pass that looks inside a type goes through here: :func:`children` names the
direct children of a node, :func:`walk` yields a type and every type inside it (depth
first, a node before its children, children in the order the docs wrote them),
:func:`alternatives` splices unions together, and :class:`TypeVisitor` dispatches on
the node class for passes that compute one result per node kind.  A new node class
gets its children here, once, and every pass sees them.

A :class:`~docgen.ir.Ref` is a leaf: what it refers to is a declaration of the symbol
table, which the callers that need it look up themselves.
"""

from __future__ import annotations

from typing import Callable, Generic, Iterator, Mapping, TypeVar

from . import ir

T = TypeVar("T")


def children(ref: ir.TypeRef) -> tuple[ir.TypeRef, ...]:
    """The types directly inside *ref*, in order; () for a leaf."""
    if isinstance(ref, ir.Optional_):
        return (ref.inner,)
    if isinstance(ref, (ir.ListOf, ir.StreamOf)):
        return (ref.item,)
    if isinstance(ref, ir.DictOf):
        return (ref.value,)
    if isinstance(ref, ir.UnionOf):
        return ref.members
    return ()


def without_optional(ref: ir.TypeRef) -> ir.TypeRef:
    """The type inside ``Optional[...]`` (any nullability); *ref* itself otherwise."""
    return ref.inner if isinstance(ref, ir.Optional_) else ref


def walk(ref: ir.TypeRef, into: Callable[[ir.TypeRef], bool] = lambda ref: True) -> Iterator[ir.TypeRef]:
    """*ref* and every type inside it, a node before its children; the children of a
    node for which *into* is false are not visited (the node itself is)."""
    yield ref
    if into(ref):
        for child in children(ref):
            yield from walk(child, into)


def alternatives(ref: ir.TypeRef, decls: Mapping[str, object], null: bool = True) -> list[ir.TypeRef]:
    """The types a value of *ref* may be, in order: the members of unions (inline or
    named by a Ref) spliced in at any depth; ``Optional[X]`` gives ``None`` then the
    alternatives of X (*null*) or those of X only (not *null*)."""
    if isinstance(ref, ir.UnionOf):
        return [m for member in ref.members for m in alternatives(member, decls, null)]
    if isinstance(ref, ir.Ref):
        decl = decls.get(ref.key)
        if isinstance(decl, ir.Union_):
            return [m for member in decl.members for m in alternatives(member, decls, null)]
    if isinstance(ref, ir.Optional_):
        return ([ir.Primitive("None")] if null else []) + alternatives(ref.inner, decls, null)
    return [ref]


class TypeVisitor(Generic[T]):
    """A pass with one method per node class: ``visit(ref)`` calls ``visit_<Class>(ref)``
    (``visit_Primitive``, ``visit_Optional_``, ``visit_UnionOf``…); a class without its
    own method goes to :meth:`generic_visit`, which raises unless a subclass overrides it."""

    def visit(self, ref: ir.TypeRef) -> T:
        method: Callable[[ir.TypeRef], T] = getattr(self, "visit_" + type(ref).__name__, self.generic_visit)
        return method(ref)

    def generic_visit(self, ref: ir.TypeRef) -> T:
        raise TypeError(f"{type(self).__name__} has no visit_{type(ref).__name__}")


#: Every TypeRef node class (the tests check the list is complete).
NODE_CLASSES = (
    ir.Primitive,
    ir.HttpResponse,
    ir.HttpRequest,
    ir.BinaryFile,
    ir.Ref,
    ir.Optional_,
    ir.ListOf,
    ir.DictOf,
    ir.UnionOf,
    ir.StreamOf,
    ir.LiteralOf,
)
