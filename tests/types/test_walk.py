"""The one walk over TypeRef trees: children in the docs' order, every node once, unions spliced."""

from __future__ import annotations

import typing

from docgen import ir
from docgen.emit.parsers import is_json, shape_name
from docgen.walk import NODE_CLASSES, TypeVisitor, alternatives, children, walk, without_optional

NESTED = ir.UnionOf((ir.ListOf(ir.Ref("a")), ir.Optional_(ir.DictOf(ir.StreamOf(ir.Ref("b")))), ir.LiteralOf(("x",))))


def test_walk_yields_each_node_before_its_children_in_the_docs_order() -> None:
    keys = [node.key for node in walk(NESTED) if isinstance(node, ir.Ref)]
    assert keys == ["a", "b"]
    assert [type(node).__name__ for node in walk(NESTED)] == [
        "UnionOf", "ListOf", "Ref", "Optional_", "DictOf", "StreamOf", "Ref", "LiteralOf"
    ]  # fmt: skip


def test_walk_does_not_enter_nodes_the_caller_stops_at() -> None:
    nodes = list(walk(NESTED, into=lambda node: not isinstance(node, ir.StreamOf)))
    assert ir.Ref("b") not in nodes and ir.StreamOf(ir.Ref("b")) in nodes


def test_every_node_class_of_the_ir_is_known_to_the_walker() -> None:
    assert set(NODE_CLASSES) == set(typing.get_args(ir.TypeRef))
    leaves = [ir.Primitive("str"), ir.HttpResponse(), ir.BinaryFile(), ir.Ref("k"), ir.LiteralOf((1,))]
    assert all(children(leaf) == () for leaf in leaves)


def test_alternatives_splice_inline_and_named_unions_and_optional_gives_none_first() -> None:
    decls = {"u": ir.Union_("u", "U", "", False, (ir.Primitive("int"), ir.Ref("m")), ir.SourceSpan("p.md", 1, 1))}
    ref = ir.Optional_(ir.UnionOf((ir.Ref("u"), ir.Primitive("str"))), ir.Nullability.NULLABLE)
    assert alternatives(ref, decls) == [ir.Primitive("None"), ir.Primitive("int"), ir.Ref("m"), ir.Primitive("str")]
    assert alternatives(ref, decls, null=False) == [ir.Primitive("int"), ir.Ref("m"), ir.Primitive("str")]


def test_a_visitor_dispatches_on_the_node_class_and_refuses_a_class_it_lacks() -> None:
    class Depth(TypeVisitor[int]):
        def visit_Primitive(self, ref: ir.Primitive) -> int:
            return 0

        def visit_ListOf(self, ref: ir.ListOf) -> int:
            return 1 + self.visit(ref.item)

    assert Depth().visit(ir.ListOf(ir.ListOf(ir.Primitive("int")))) == 2
    try:
        Depth().visit(ir.DictOf(ir.Primitive("int")))
    except TypeError as exc:
        assert "visit_DictOf" in str(exc)
    else:
        raise AssertionError("a node class without a method must not pass silently")


def test_passes_built_on_the_walker() -> None:
    assert not is_json(ir.UnionOf((ir.Primitive("str"), ir.ListOf(ir.HttpResponse()))))
    assert is_json(NESTED.members[0])
    assert shape_name(ir.ListOf(ir.DictOf(ir.Primitive("int"))), {}) == "list_dict_int"


def test_without_optional_takes_off_one_optional_of_any_nullability() -> None:
    inner = ir.ListOf(ir.Primitive("int"))
    assert without_optional(ir.Optional_(inner, ir.Nullability.OPTIONAL_NULLABLE)) == inner
    assert without_optional(inner) is inner
