"""Parsers: the Python text that turns a decoded JSON value into a typed value, and back.

Part of stage 6 (emit).  docgen knows every type when it generates, so the code it
writes checks and converts each value in straight lines, with no reflection at run
time: a model's parse function reads each field's wire key, checks its JSON type with
``type(x) is T``, then makes the object (``_parsing.new``) and sets its fields, or
calls the class for a model with keyword parameters.  Composite types
(lists, dicts, unions) get a small helper function in the module that needs them.

Generated code refers to the support module ``_parsing`` of the package root (its
template is ``templates/parsing.py.jinja``): JSON paths, error messages, ``MISSING``
and the conversions of the special types (``date``, ``datetime``, ``Decimal``,
``bytes``, ``float`` from ``int``).  Every module that parses imports it as
``_parsing``.

JSON paths are built lazily: a *path value* is ``"$"`` or a tuple ``(parent, key)``
with a ``str`` key (object member) or an ``int`` key (list index); ``_parsing``
formats it (``$.data.choices[0].index``) only when an error is raised.  A public
function first reads with the path ``None``, passed down as it is (``path and (path,
key)``, a path being never empty): no tuple per nested value; on a ParseError it reads
again from ``"$"``, and that error, with its path, is the one raised.

The names generated code uses, for a type named ``T`` (models and enums in the module
that defines them; union and inline helpers in every module that uses them):

* ``_parse_T(value, path) -> T`` and ``_dump_T(value) -> JSON value``;
* inline types get helpers named after their shape: ``_parse_list_Usage``,
  ``_dump_dict_str``, ``_parse_TextPart_or_ImagePart_or_str``.

Everything here returns source text or view objects that templates lay out
(``templates/parsers.py.jinja``); nothing here renders whole functions.  This module
parses; :mod:`docgen.emit.dumps` writes the JSON form back, and
:mod:`docgen.emit.functions` makes the views of whole declarations.
"""

from __future__ import annotations

from typing import Callable, Sequence, Union

from ..ir import (
    BinaryFile,
    Decl,
    DictOf,
    Enum,
    Field,
    HttpRequest,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Optional_,
    Primitive,
    Ref,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)
from ..primitives import is_any_value, primitive
from ..walk import TypeVisitor, alternatives, children
from .views import (
    Constant,
    Helper,
    ListHelper,
    UnionHelper,
    UnionMember,
)

#: The support module's name below the package root.
SUPPORT_MODULE = "_parsing"

#: The JSON type test of a union member that is an object or a list, and what it wants.
_SHAPE_GUARDS: dict[str, tuple[str, str]] = {
    "object": ("type(value) is dict", "an object"),
    "list": ("type(value) is list", "a list"),
}

_NOT_JSON = {
    HttpResponse: "an HTTP response",
    HttpRequest: "an HTTP request",
    StreamOf: "a stream",
    BinaryFile: "a binary file",
}


# --- the context of one generated module ---------------------------------------------


class ParserContext:
    """What parse and dump code for one generated module needs, and collects.

    ``decls`` is the symbol table of the build.  ``annotate(ref)`` spells a TypeRef as
    an annotation in this module (recording its imports); ``function(key, prefix)``
    spells the function ``prefix + Name`` of the type *key* defines in its own module
    (``_parse_Usage``, or ``shared_usage._parse_Usage`` when names clash), recording the
    import.  Helpers requested while rendering expressions accumulate in
    :meth:`helpers`, in request order, each once.
    """

    def __init__(
        self,
        decls: dict[str, Decl],
        annotate: Callable[[TypeRef], str],
        function: Callable[[str, str], str],
        taken: Sequence[str] = (),
        allow_nan: bool = False,
    ) -> None:
        self.decls = decls
        self.allow_nan = allow_nan  # float accepts NaN and infinities ([tool.docgen] allow-nan)
        self.annotate = annotate
        self.function = function
        self._helpers: dict[tuple[str, object], Helper] = {}
        self._names: set[str] = set(taken)

    def helpers(self) -> tuple[Helper, ...]:
        return tuple(self._helpers.values())

    def unique(self, name: str) -> str:
        """A module-level name not handed out before: *name*, or *name* with a number."""
        candidate, number = name, 2
        while candidate in self._names:
            candidate = f"{name}_{number}"
            number += 1
        self._names.add(candidate)
        return candidate

    def _helper(self, direction: str, ref: TypeRef, build: Callable[[str], Helper]) -> str:
        key = (direction, ref)
        found = self._helpers.get(key)
        if found is not None:
            return found.name
        name = self.unique(f"_{direction}_{shape_name(ref, self.decls)}")
        placeholder = ListHelper("list", direction, name, "", "")
        self._helpers[key] = placeholder  # a recursive request finds the name
        self._helpers[key] = build(name)
        return name


def shape_name(ref: TypeRef, decls: dict[str, Decl]) -> str:
    """A readable identifier part for a type: ``list_Usage``, ``TextPart_or_str``."""
    return _ShapeName(decls).visit(ref)


class _ShapeName(TypeVisitor[str]):
    def __init__(self, decls: dict[str, Decl]) -> None:
        self.decls = decls

    def visit_Primitive(self, ref: Primitive) -> str:
        return ref.name

    def visit_Ref(self, ref: Ref) -> str:
        return self.decls[ref.key].name

    def visit_Optional_(self, ref: Optional_) -> str:
        return f"optional_{self.visit(ref.inner)}"

    def visit_ListOf(self, ref: ListOf) -> str:
        return f"list_{self.visit(ref.item)}"

    def visit_DictOf(self, ref: DictOf) -> str:
        return f"dict_{self.visit(ref.value)}"

    def visit_UnionOf(self, ref: UnionOf) -> str:
        name = "_or_".join(self.visit(m) for m in ref.members)
        return name if len(name) <= 60 else "union"

    def visit_LiteralOf(self, ref: LiteralOf) -> str:
        return "literal"

    def generic_visit(self, ref: TypeRef) -> str:
        return "value"


# --- what is JSON and what is not ---------------------------------------------------


_NOT_JSON_NODES = (HttpResponse, HttpRequest, StreamOf, BinaryFile)


def is_json(ref: TypeRef) -> bool:
    """False for a raw HTTP response or a stream (at any depth): JSON cannot carry them."""
    if isinstance(ref, (Primitive, Ref)):  # the leaves most types are: a test of their own
        return True
    if isinstance(ref, _NOT_JSON_NODES):
        return False
    return all(is_json(child) for child in children(ref))


def json_fields(model: Model) -> list[Field]:
    return [f for f in model.fields if is_json(f.type)]


def needs_arguments(model: Model) -> bool:
    """A model with a required field JSON cannot carry is built by its caller, not from JSON alone."""
    return any(f.required and not is_json(f.type) and not isinstance(f.type, Optional_) for f in model.fields)


def _not_json_text(ref: TypeRef) -> str:
    while isinstance(ref, (Optional_, ListOf, DictOf)):
        ref = children(ref)[0]
    return _NOT_JSON.get(type(ref), "a value JSON cannot carry")


# --- parse ----------------------------------------------------------------------------


def parse_expression(ref: TypeRef, value: str, path: str, ctx: ParserContext, kept: bool = False) -> str:
    """Python source of an expression that parses *value* as type *ref*.

    *value* is the source of a side-effect-free expression, normally a local name,
    holding the decoded JSON value (what ``json.loads`` returns: dict, list, str, int,
    float, bool or None); the expression may evaluate it more than once.  *path* is the
    source of an expression whose value is the JSON path of *value* (``'"$"'`` at the
    root, or a path value such as ``(path, "data")``); it is evaluated only when the
    expression calls a helper or fails.

    The expression's value is the typed Python value (a dataclass, enum member, list,
    ``datetime``…); when *value* does not match it raises ``ParseError`` (from the
    package's ``_errors``) whose message starts with the formatted path.  It refers to
    ``_parsing`` (the module must import the support module under that name) and to
    helper functions that *ctx* records: the caller renders ``ctx.helpers()`` into the
    same module (``templates/parsers.py.jinja``, macro ``helper``).  Types JSON cannot
    carry (HTTP responses, streams) give an expression that always raises ParseError.
    *kept*: the caller's ``path`` is known not to be ``None`` (see the module's docstring).
    """
    return _Parse(value, path, ctx, nullable=False, kept=kept).visit(ref)


class _Parse(TypeVisitor[str]):
    """The parse expression of each node class, for *value* at *path* (see
    :func:`parse_expression`); *nullable*: inside ``Optional[...]`` (messages add ``or null``)."""

    def __init__(self, value: str, path: str, ctx: ParserContext, nullable: bool, kept: bool = False) -> None:
        self.value, self.path, self.ctx, self.kept = value, path, ctx, kept
        self.or_null = " or null" if nullable else ""

    def visit_Primitive(self, ref: Primitive) -> str:
        value, path = self.value, self.path
        if primitive(ref.name).exact:
            return f"({value} if type({value}) is {ref.name} else _parsing.fail({path}, '{ref.name}{self.or_null}', {value}))"
        if ref.name == "float":
            if self.ctx.allow_nan:
                return f"({value} if type({value}) is float else _parsing.parse_float({value}, {path}, False))"
            # x - x == 0.0 holds for every finite float: NaN and infinities go to parse_float, which rejects them
            finite = f"type({value}) is float and {value} - {value} == 0.0"
            return f"({value} if {finite} else _parsing.parse_float({value}, {path}))"
        if is_any_value(ref.name):
            return value
        return f"_parsing.{primitive(ref.name).parse}({value}, {path})"

    def visit_Optional_(self, ref: Optional_) -> str:
        inner = _Parse(self.value, self.path, self.ctx, nullable=True, kept=self.kept).visit(ref.inner)
        return f"(None if {self.value} is None else {inner})"

    def visit_LiteralOf(self, ref: LiteralOf) -> str:
        return _parse_literal(ref, self.value, self.path, self.or_null)

    def _call(self, function: str, nested: bool = True) -> str:
        """*function* called on the value and its path.  For a *nested* value (a model, a
        container, a union: what reads further values) a path made from the caller's
        (``(path, key)``) is made only when the caller keeps paths (see the module's docstring)."""
        path = self.path
        if nested and not self.kept and path.startswith("(path, ") and path.endswith(")"):
            path = f"path and {path}"  # None while the path is not kept; a path is never empty
        return f"{function}({self.value}, {path})"

    def visit_Ref(self, ref: Ref) -> str:
        decl = self.ctx.decls[ref.key]
        if isinstance(decl, Union_):
            return self._call(_union_parser(ref, UnionOf(decl.members), self.ctx))
        if isinstance(decl, Model) and needs_arguments(decl):
            return f"_parsing.not_json({self.path}, {decl.name!r})"
        return self._call(self.ctx.function(ref.key, "_parse_"), nested=not isinstance(decl, Enum))

    def visit_ListOf(self, ref: ListOf) -> str:
        return self._call(_container_parser(ref, self.ctx))

    def visit_DictOf(self, ref: DictOf) -> str:
        return self._call(_container_parser(ref, self.ctx))

    def visit_UnionOf(self, ref: UnionOf) -> str:
        return self._call(_union_parser(ref, ref, self.ctx))

    def generic_visit(self, ref: TypeRef) -> str:
        """HTTP responses, files and streams: JSON cannot carry them."""
        return f"_parsing.not_json({self.path}, {_not_json_text(ref)!r})"


def _parse_literal(ref: LiteralOf, value: str, path: str, or_null: str) -> str:
    """``("a" if value == "a" and type(value) is str else ... else fail)``: the constant
    itself is the result, so the expression has the Literal type."""
    text = f"_parsing.fail({path}, {(' or '.join(repr(v) for v in ref.values) + or_null)!r}, {value})"
    for literal in reversed(ref.values):
        text = f"({literal!r} if {literal_test(literal, value)} else {text})"
    return text


def literal_test(literal: object, value: str) -> str:
    """A condition on *value* that holds when it is the JSON form of *literal*."""
    if isinstance(literal, bool) or literal is None:
        return f"{value} is {literal!r}"
    return f"{value} == {literal!r} and type({value}) is {type(literal).__name__}"


def _container_parser(ref: Union[ListOf, DictOf], ctx: ParserContext) -> str:
    """The helper of a list (its items read with their index, or with no path: see the
    module's docstring) or of a dict; its items' parsers made once the helper is named."""
    kind, item = ("list", ref.item) if isinstance(ref, ListOf) else ("dict", ref.value)
    path = "(path, index)" if kind == "list" else "(path, key)"

    def helper(name: str) -> ListHelper:
        kept = parse_expression(item, "item", path, ctx, kept=kind == "list")
        unkept = parse_expression(item, "item", "None", ctx) if kind == "list" else ""
        return ListHelper(kind, "parse", name, ctx.annotate(ref), kept, unkept)

    return ctx._helper("parse", ref, helper)


def union_members(ref: TypeRef, decls: dict[str, Decl]) -> list[TypeRef]:
    """A union's members in order, nested unions (inline or named) spliced in, each once."""
    unique: list[TypeRef] = []
    for member in alternatives(ref, decls):
        if member not in unique:
            unique.append(member)
    return unique


def _union_parser(named: TypeRef, union: UnionOf, ctx: ParserContext) -> str:
    """The helper that parses *union* (named after *named*: a union page, or the union itself)."""

    def build(name: str) -> UnionHelper:
        members = union_members(union, ctx.decls)
        constants: list[Constant] = []
        # A member JSON cannot carry (a stream) is never tried: no JSON value is one.
        views = tuple(_union_member(m, ctx, constants) for m in members if is_json(m))
        label = " | ".join(_label(m, ctx) for m in members)
        from .discriminate import tagged_members  # it builds on this module

        tag, tagged = tagged_members([m for m in members if is_json(m)], ctx)
        return UnionHelper("parse", name, ctx.annotate(union), repr(label), views, tuple(constants), tag, tagged)

    return ctx._helper("parse", named, build)


def _label(ref: TypeRef, ctx: ParserContext) -> str:
    if isinstance(ref, Primitive) and ref.name == "None":
        return "null"
    if isinstance(ref, Ref):
        return ctx.decls[ref.key].name
    if isinstance(ref, LiteralOf):
        return " | ".join(repr(v) for v in ref.values)
    return ctx.annotate(ref)


def _union_member(ref: TypeRef, ctx: ParserContext, constants: list[Constant]) -> UnionMember:
    label = repr(_label(ref, ctx))
    if isinstance(ref, Primitive) and ref.name == "None":
        return UnionMember(label, "value is None", "", "None", False, "", "0")
    expression = parse_expression(ref, "value", "path", ctx)
    guard, wants = "", ""
    can_fail, exact, score = True, "", "0"
    if isinstance(ref, Primitive) and primitive(ref.name).guard[0]:
        guard, wants = primitive(ref.name).guard
        if primitive(ref.name).exact:
            expression, can_fail = "value", False
        exact = primitive(ref.name).exact_match
    elif isinstance(ref, Primitive) and is_any_value(ref.name):
        expression, can_fail = "value", False
    elif isinstance(ref, Ref) and isinstance(ctx.decls[ref.key], Model):
        decl = ctx.decls[ref.key]
        assert isinstance(decl, Model)
        keys = ctx.unique(f"_{decl.name}_KEYS")
        wire = sorted(f.wire_name for f in json_fields(decl) if not f.additional)
        constants.append(
            Constant(keys, "frozenset({" + ", ".join(repr(w) for w in wire) + "})" if wire else "frozenset[str]()")
        )
        guard, wants = _SHAPE_GUARDS["object"]
        exact, score = f"value.keys() <= {keys}", f"len(value.keys() & {keys})"
        if not decl.exact_keys:
            # every key names a field in some spelling: as exact as tolerant matching reads;
            # otherwise the rank counts the keys that name fields in any spelling
            score = f"_parsing.matched_keys(value, {keys})"
            exact = f"{exact} or {score} == len(value)"
    elif isinstance(ref, Ref) and isinstance(ctx.decls[ref.key], Enum):
        decl = ctx.decls[ref.key]
        assert isinstance(decl, Enum)
        guard, wants = primitive(decl.value_type).guard
    elif isinstance(ref, DictOf):
        guard, wants = _SHAPE_GUARDS["object"]
    elif isinstance(ref, ListOf):
        guard, wants = _SHAPE_GUARDS["list"]
    return UnionMember(label, guard, repr(f"expected {wants}") if wants else "", expression, can_fail, exact, score)


def parse_or_null(ref: TypeRef, value: str, path: str, ctx: ParserContext) -> str:
    """:func:`parse_expression` of the inner type of an optional value already known not
    to be None: its failures say "or null"."""
    return _Parse(value, path, ctx, nullable=True).visit(ref)
