"""Parsers: the Python text that turns a decoded JSON value into a typed value, and back.

Part of stage 6 (emit).  docgen knows every type when it generates, so the code it
writes checks and converts each value in straight lines, with no reflection at run
time: a model's parse function reads each field's wire key, checks its JSON type with
``type(x) is T`` and builds the dataclass with positional arguments.  Composite types
(lists, dicts, unions) get a small helper function in the module that needs them.

Generated code refers to the support module ``_parsing`` of the package root (its
template is ``templates/parsing.py.jinja``): JSON paths, error messages, ``MISSING``
and the conversions of the special types (``date``, ``datetime``, ``Decimal``,
``bytes``, ``float`` from ``int``).  Every module that parses imports it as
``_parsing``.

JSON paths are built lazily: a *path value* is ``"$"`` or a tuple ``(parent, key)``
with a ``str`` key (object member) or an ``int`` key (list index); ``_parsing``
formats it (``$.data.choices[0].index``) only when an error is raised.

The names generated code uses, for a type named ``T`` (models and enums in the module
that defines them; union and inline helpers in every module that uses them):

* ``_parse_T(value, path) -> T`` and ``_dump_T(value) -> JSON value``;
* inline types get helpers named after their shape: ``_parse_list_Usage``,
  ``_dump_dict_str``, ``_parse_TextPart_or_ImagePart_or_str``.

Everything here returns source text or view objects that templates lay out
(``templates/parsers.py.jinja``); nothing here renders whole functions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable, Sequence, Union

from ..ir import (
    BinaryFile,
    Decl,
    DictOf,
    Enum,
    Field,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Nullability,
    Optional_,
    Primitive,
    Ref,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)

#: The support module's name below the package root.
SUPPORT_MODULE = "_parsing"

#: Python types whose JSON form is the value itself.
_IDENTITY_PRIMITIVES = frozenset({"str", "int", "float", "bool", "Any", "object", "None"})
#: Primitives that stand for any JSON value: passed through unchecked.
_ANY_VALUE = frozenset({"Any", "object"})
#: Primitives checked inline with ``type(x) is T``.
_EXACT_PRIMITIVES = frozenset({"str", "int", "bool"})
#: Primitives converted by a ``_parsing`` function: name -> (parse function, dump function or "").
_CONVERTED = {
    "date": ("parse_date", "dump_date"),
    "datetime": ("parse_datetime", "dump_datetime"),
    "Decimal": ("parse_decimal", "dump_decimal"),
    "bytes": ("parse_bytes", "dump_bytes"),
}
#: The JSON type test a union member needs before it is tried, and what it is called in
#: messages; None: any JSON value may suit it.
_GUARDS: dict[str, tuple[str, str]] = {
    "str": ("type(value) is str", "a string"),
    "date": ("type(value) is str", "a date string"),
    "datetime": ("type(value) is str", "a date-time string"),
    "bytes": ("type(value) is str", "a base64 string"),
    "int": ("type(value) is int", "an integer"),
    "float": ("type(value) is float or type(value) is int or type(value) is _parsing.Decimal", "a number"),
    "bool": ("type(value) is bool", "a boolean"),
    "object": ("type(value) is dict", "an object"),
    "list": ("type(value) is list", "a list"),
}

_NOT_JSON = {HttpResponse: "an HTTP response", StreamOf: "a stream", BinaryFile: "a binary file"}


# --- the context of one generated module ---------------------------------------------


@dataclass(frozen=True)
class ListHelper:
    """``_parse_list_X`` / ``_dump_list_X``: *item* is an expression of ``item`` (and, when
    parsing, of the path value ``(path, index)``)."""

    kind: str  # "list" or "dict"
    direction: str  # "parse" or "dump"
    name: str
    annotation: str  # the Python type
    item: str


@dataclass(frozen=True)
class UnionMember:
    """One member of a union, as the union's parse helper tries it.

    ``guard``: the JSON type test (Python text on ``value``), "" when any value may suit;
    ``label``: a string literal naming the member in messages; ``rejection``: a string
    literal saying what the guard wants; ``expression``: parses ``value`` at ``path``;
    ``can_fail``: whether the expression can raise once the guard passed; ``exact``: a
    condition on ``value`` that makes an accepted value an exact match ("" when every
    accepted value is exact); ``score``: an int expression ranking inexact matches
    (higher wins, ties go to the member listed first).
    """

    label: str
    guard: str
    rejection: str
    expression: str
    can_fail: bool
    exact: str
    score: str


@dataclass(frozen=True)
class UnionDumpMember:
    check: str  # "" for the last, unconditional member
    expression: str


@dataclass(frozen=True)
class UnionHelper:
    direction: str  # "parse" or "dump"
    name: str
    annotation: str
    label: str  # a string literal: the union as messages print it
    members: tuple[Union[UnionMember, UnionDumpMember], ...]
    constants: tuple[tuple[str, str], ...]  # module-level (name, value text) the members use

    @property
    def kind(self) -> str:
        return "union"


Helper = Union[ListHelper, UnionHelper]


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
    if isinstance(ref, Primitive):
        return ref.name
    if isinstance(ref, Ref):
        return decls[ref.key].name
    if isinstance(ref, Optional_):
        return f"optional_{shape_name(ref.inner, decls)}"
    if isinstance(ref, ListOf):
        return f"list_{shape_name(ref.item, decls)}"
    if isinstance(ref, DictOf):
        return f"dict_{shape_name(ref.value, decls)}"
    if isinstance(ref, UnionOf):
        name = "_or_".join(shape_name(m, decls) for m in ref.members)
        return name if len(name) <= 60 else "union"
    if isinstance(ref, LiteralOf):
        return "literal"
    return "value"


# --- what is JSON and what is not ---------------------------------------------------


def is_json(ref: TypeRef) -> bool:
    """False for a raw HTTP response or a stream (at any depth): JSON cannot carry them."""
    if isinstance(ref, (HttpResponse, StreamOf, BinaryFile)):
        return False
    if isinstance(ref, Optional_):
        return is_json(ref.inner)
    if isinstance(ref, ListOf):
        return is_json(ref.item)
    if isinstance(ref, DictOf):
        return is_json(ref.value)
    if isinstance(ref, UnionOf):
        return all(is_json(m) for m in ref.members)
    return True


def json_fields(model: Model) -> list[Field]:
    return [f for f in model.fields if is_json(f.type)]


def needs_arguments(model: Model) -> bool:
    """A model with a required field JSON cannot carry is built by its caller, not from JSON alone."""
    return any(f.required and not is_json(f.type) and not isinstance(f.type, Optional_) for f in model.fields)


def _not_json_text(ref: TypeRef) -> str:
    while isinstance(ref, (Optional_, ListOf, DictOf)):
        ref = ref.inner if isinstance(ref, Optional_) else ref.item if isinstance(ref, ListOf) else ref.value
    return _NOT_JSON.get(type(ref), "a value JSON cannot carry")


# --- parse ----------------------------------------------------------------------------


def parse_expression(ref: TypeRef, value: str, path: str, ctx: ParserContext) -> str:
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
    """
    return _parse(ref, value, path, ctx, nullable=False)


def _parse(ref: TypeRef, value: str, path: str, ctx: ParserContext, nullable: bool) -> str:
    or_null = " or null" if nullable else ""
    if isinstance(ref, Primitive):
        if ref.name in _EXACT_PRIMITIVES:
            return (
                f"({value} if type({value}) is {ref.name} else _parsing.fail({path}, '{ref.name}{or_null}', {value}))"
            )
        if ref.name == "float":
            if ctx.allow_nan:
                return f"({value} if type({value}) is float else _parsing.parse_float({value}, {path}, False))"
            # x - x == 0.0 holds for every finite float: NaN and infinities go to parse_float, which rejects them
            finite = f"type({value}) is float and {value} - {value} == 0.0"
            return f"({value} if {finite} else _parsing.parse_float({value}, {path}))"
        if ref.name in _ANY_VALUE:
            return value
        return f"_parsing.{_CONVERTED[ref.name][0]}({value}, {path})"
    if isinstance(ref, Optional_):
        return f"(None if {value} is None else {_parse(ref.inner, value, path, ctx, nullable=True)})"
    if isinstance(ref, LiteralOf):
        return _parse_literal(ref, value, path, or_null)
    if isinstance(ref, Ref):
        decl = ctx.decls[ref.key]
        if isinstance(decl, Union_):
            return f"{_union_parser(ref, UnionOf(decl.members), ctx)}({value}, {path})"
        if isinstance(decl, Model) and needs_arguments(decl):
            return f"_parsing.not_json({path}, {decl.name!r})"
        return f"{ctx.function(ref.key, '_parse_')}({value}, {path})"
    if isinstance(ref, (ListOf, DictOf)):
        return f"{_container_parser(ref, ctx)}({value}, {path})"
    if isinstance(ref, UnionOf):
        return f"{_union_parser(ref, ref, ctx)}({value}, {path})"
    return f"_parsing.not_json({path}, {_not_json_text(ref)!r})"


def _parse_literal(ref: LiteralOf, value: str, path: str, or_null: str) -> str:
    """``("a" if value == "a" and type(value) is str else ... else fail)``: the constant
    itself is the result, so the expression has the Literal type."""
    text = f"_parsing.fail({path}, {(' or '.join(repr(v) for v in ref.values) + or_null)!r}, {value})"
    for literal in reversed(ref.values):
        text = f"({literal!r} if {_literal_test(literal, value)} else {text})"
    return text


def _literal_test(literal: object, value: str) -> str:
    """A condition on *value* that holds when it is the JSON form of *literal*."""
    if isinstance(literal, bool) or literal is None:
        return f"{value} is {literal!r}"
    return f"{value} == {literal!r} and type({value}) is {type(literal).__name__}"


def _container_parser(ref: Union[ListOf, DictOf], ctx: ParserContext) -> str:
    if isinstance(ref, ListOf):
        return ctx._helper(
            "parse",
            ref,
            lambda name: ListHelper(
                "list", "parse", name, ctx.annotate(ref), parse_expression(ref.item, "item", "(path, index)", ctx)
            ),
        )
    return ctx._helper(
        "parse",
        ref,
        lambda name: ListHelper(
            "dict", "parse", name, ctx.annotate(ref), parse_expression(ref.value, "item", "(path, key)", ctx)
        ),
    )


def _flatten(ref: TypeRef, decls: dict[str, Decl]) -> list[TypeRef]:
    """A union's members in order, nested unions (inline or named) spliced in, each once."""
    members: list[TypeRef] = []
    if isinstance(ref, UnionOf):
        for member in ref.members:
            members.extend(_flatten(member, decls))
    elif isinstance(ref, Ref) and isinstance(decls[ref.key], Union_):
        decl = decls[ref.key]
        assert isinstance(decl, Union_)
        members.extend(_flatten(UnionOf(decl.members), decls))
    elif isinstance(ref, Optional_):
        members.append(Primitive("None"))
        members.extend(_flatten(ref.inner, decls))
    else:
        members.append(ref)
    unique: list[TypeRef] = []
    for member in members:
        if member not in unique:
            unique.append(member)
    return unique


def _union_parser(named: TypeRef, union: UnionOf, ctx: ParserContext) -> str:
    """The helper that parses *union* (named after *named*: a union page, or the union itself)."""

    def build(name: str) -> UnionHelper:
        members = _flatten(union, ctx.decls)
        constants: list[tuple[str, str]] = []
        # A member JSON cannot carry (a stream) is never tried: no JSON value is one.
        views = tuple(_union_member(m, ctx, constants) for m in members if is_json(m))
        label = " | ".join(_label(m, ctx) for m in members)
        return UnionHelper("parse", name, ctx.annotate(union), repr(label), views, tuple(constants))

    return ctx._helper("parse", named, build)


def _label(ref: TypeRef, ctx: ParserContext) -> str:
    if isinstance(ref, Primitive) and ref.name == "None":
        return "null"
    if isinstance(ref, Ref):
        return ctx.decls[ref.key].name
    if isinstance(ref, LiteralOf):
        return " | ".join(repr(v) for v in ref.values)
    return ctx.annotate(ref)


def _union_member(ref: TypeRef, ctx: ParserContext, constants: list[tuple[str, str]]) -> UnionMember:
    label = repr(_label(ref, ctx))
    if isinstance(ref, Primitive) and ref.name == "None":
        return UnionMember(label, "value is None", "", "None", False, "", "0")
    expression = parse_expression(ref, "value", "path", ctx)
    guard, wants = "", ""
    can_fail, exact, score = True, "", "0"
    if isinstance(ref, Primitive) and ref.name in _GUARDS:
        guard, wants = _GUARDS[ref.name]
        if ref.name in _EXACT_PRIMITIVES:
            expression, can_fail = "value", False
        elif ref.name == "float":
            exact = "type(value) is float"
    elif isinstance(ref, Primitive) and ref.name in _ANY_VALUE:
        expression, can_fail = "value", False
    elif isinstance(ref, Ref) and isinstance(ctx.decls[ref.key], Model):
        decl = ctx.decls[ref.key]
        assert isinstance(decl, Model)
        keys = ctx.unique(f"_{decl.name}_KEYS")
        wire = sorted(f.wire_name for f in json_fields(decl) if not f.additional)
        constants.append(
            (keys, "frozenset({" + ", ".join(repr(w) for w in wire) + "})" if wire else "frozenset[str]()")
        )
        guard, wants = _GUARDS["object"]
        exact, score = f"value.keys() <= {keys}", f"len(value.keys() & {keys})"
    elif isinstance(ref, Ref) and isinstance(ctx.decls[ref.key], Enum):
        decl = ctx.decls[ref.key]
        assert isinstance(decl, Enum)
        guard, wants = _GUARDS[decl.value_type]
    elif isinstance(ref, DictOf):
        guard, wants = _GUARDS["object"]
    elif isinstance(ref, ListOf):
        guard, wants = _GUARDS["list"]
    return UnionMember(label, guard, repr(f"expected {wants}") if wants else "", expression, can_fail, exact, score)


# --- dump ------------------------------------------------------------------------------


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
        if ref.name in _IDENTITY_PRIMITIVES:
            return value
        return f"_parsing.{_CONVERTED[ref.name][1]}({value})"
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
        return ref.name in _IDENTITY_PRIMITIVES
    if isinstance(ref, LiteralOf):
        return True
    if isinstance(ref, Optional_):
        return is_identity(ref.inner, decls)
    if isinstance(ref, UnionOf) or (isinstance(ref, Ref) and isinstance(decls[ref.key], Union_)):
        return all(not isinstance(m, Ref) and is_identity(m, decls) for m in _flatten(ref, decls))
    return False


#: The order in which a union's dump tests members: subclasses before their bases
#: (an enum member is a str or an int, a bool is an int, a datetime is a date).
_DUMP_ORDER = (
    "enum",
    "model",
    "None",
    "bool",
    "int",
    "float",
    "datetime",
    "date",
    "Decimal",
    "bytes",
    "str",
    "literal",
)


def _dump_union(named: TypeRef, union: UnionOf, value: str, ctx: ParserContext) -> str:
    if is_identity(union, ctx.decls):
        return value

    def build(name: str) -> UnionHelper:
        members = _flatten(union, ctx.decls)
        tests: list[tuple[int, str, str]] = []
        lists = [m.item for m in members if isinstance(m, ListOf)]
        dicts = [m.value for m in members if isinstance(m, DictOf)]
        for member in members:
            rank, check = _dump_check(member, ctx)
            if rank >= 0:
                tests.append((rank, check, dump_expression(member, "value", ctx)))
        if lists:
            item = lists[0] if len(lists) == 1 else UnionOf(tuple(lists))
            tests.append((len(_DUMP_ORDER), "isinstance(value, list)", dump_expression(ListOf(item), "value", ctx)))
        if dicts:
            item = dicts[0] if len(dicts) == 1 else UnionOf(tuple(dicts))
            tests.append((len(_DUMP_ORDER) + 1, "isinstance(value, dict)", dump_expression(DictOf(item), "value", ctx)))
        ordered = [UnionDumpMember(check, expression) for _, check, expression in sorted(tests, key=lambda t: t[0])]
        if any(isinstance(m, Primitive) and m.name in _ANY_VALUE for m in members) or not ordered:
            ordered.append(UnionDumpMember("", "value"))
        message = repr(f"not a {ctx.annotate(union)}: ")
        return UnionHelper("dump", name, ctx.annotate(union), message, tuple(ordered), ())

    return f"{ctx._helper('dump', named, build)}({value})"


def _dump_check(ref: TypeRef, ctx: ParserContext) -> tuple[int, str]:
    """(position in :data:`_DUMP_ORDER`, isinstance test) for a union member; -1 for the
    members handled apart (lists, dicts, Any, what JSON cannot carry)."""
    if isinstance(ref, Primitive):
        if ref.name == "None":
            return _DUMP_ORDER.index("None"), "value is None"
        if ref.name in _ANY_VALUE:
            return -1, ""
        return _DUMP_ORDER.index(ref.name), f"isinstance(value, {ref.name})"
    if isinstance(ref, LiteralOf):
        types = sorted({type(v).__name__ for v in ref.values})
        return _DUMP_ORDER.index("literal"), f"isinstance(value, ({', '.join(types)},))"
    if isinstance(ref, Ref):
        decl = ctx.decls[ref.key]
        return (
            _DUMP_ORDER.index("enum" if isinstance(decl, Enum) else "model"),
            f"isinstance(value, {ctx.annotate(ref)})",
        )
    return -1, ""


# --- views of whole declarations -------------------------------------------------------


@dataclass(frozen=True)
class ModelParser:
    """What ``templates/parsers.py.jinja`` needs to write a model's two functions.

    ``locals``: (local name, lookup expression, test, statement), a field at a time in
    field order: the local is read from the object, then *statement* runs (when *test*
    holds, if there is a test): it raises, or replaces the local by its parsed value;
    both are "" for a value taken as it is.  Checks and optional values are statements
    rather than conditional expressions: as fast, and short enough for a line or two,
    which keeps the code (and black's work on it) small;
    ``arguments``: the constructor's positional arguments, in field order;
    ``params``: (name, annotation at module level, annotation in the class body,
    default text or "") of the keyword-only parameters that carry the fields JSON
    cannot (raw response, streams);
    ``dump_required``: (wire key literal, expression); ``dump_optional``: (wire key
    literal, condition for writing it, expression); ``dump_extra``: an expression of the
    additional properties' JSON dict ("" for a model without), whose keys are written
    after the fields' where no field has them.
    """

    parse_name: str
    dump_name: str
    class_name: str
    wants: str  # string literal for messages
    locals: tuple[tuple[str, str, str, str], ...]
    arguments: tuple[str, ...]
    params: tuple[tuple[str, str, str, str], ...]
    dump_required: tuple[tuple[str, str], ...]
    dump_optional: tuple[tuple[str, str, str], ...]
    dump_extra: str = ""
    unknown_keys: str = "ignored"  # what from_dict does with keys no field has, for its docstring


def model_parser(
    model: Model, ordered: Sequence[tuple[Field, str]], ctx: ParserContext, annotations: dict[str, tuple[str, str]]
) -> ModelParser:
    """*ordered*: each field with its Python name, in the dataclass's order; *annotations*:
    Python name -> (annotation at module level, in the class body), for the keyword
    parameters."""
    taken = {"value", "path", "data", "cls", "self"}
    locals_: list[tuple[str, str, str, str]] = []
    arguments: list[str] = []
    params: list[tuple[str, str, str, str]] = []
    dump_required: list[tuple[str, str]] = []
    dump_optional: list[tuple[str, str, str]] = []
    dump_extra = ""
    known = sorted(f.wire_name for f, _ in ordered if is_json(f.type) and not f.additional)
    for field, name in ordered:
        if not is_json(field.type):
            param = name
            while param in taken:
                param += "_"
            taken.add(param)
            default = "" if field.required and not isinstance(field.type, Optional_) else "None"
            params.append((param, *annotations[name], default))
            arguments.append(param)
            continue
        local = f"f_{name}"
        wire = repr(field.wire_name)
        field_path = f"(path, {wire})"
        attribute = f"value.{name}"
        unset = _unset_field(field)
        if field.additional:
            locals_.append(_additional_local(field.type, local, known, ctx))
            arguments.append(local)
            dump_extra = dump_expression(field.type, attribute, ctx)
            continue
        if field.constant:
            locals_.append(_constant_local(field.type, local, wire, field_path, unset))
            arguments.append(local if unset else repr(constant_value(field.type)))
            if unset:
                dump_optional.append((wire, f"{attribute} is not _unset.UNSET", attribute))
            else:
                dump_required.append((wire, attribute))
            continue
        lookup = f"value.get({wire}, _parsing.MISSING)" if field.required else f"value.get({wire})"
        if unset:
            lookup = f"value.get({wire}, _unset.UNSET)"
        if field.default is not None:  # an absent key reads as the documented default's JSON
            lookup = f"value.get({wire}, {json.loads(field.default.json)!r})"
        check = _check(field.type, local, field_path)
        if check is not None:
            test = f"{local} is not _unset.UNSET and {check[0]}" if unset else check[0]
            locals_.append((local, lookup, test, check[1]))
            arguments.append(_checked_argument(field.type, local, field_path, ctx))
        elif isinstance(field.type, Optional_) and not _accepts_missing(field.type, ctx.decls):
            inner = _parse(field.type.inner, local, field_path, ctx, nullable=True)
            test = f"{local} is not None" + (f" and {local} is not _unset.UNSET" if unset else "")
            locals_.append((local, lookup, test, f"{local} = {_bare(inner)}"))
            arguments.append(local)
        else:
            expression = parse_expression(field.type, local, field_path, ctx)
            if field.required and _accepts_missing(field.type, ctx.decls):
                expression = (
                    f"({local} if {local} is not _parsing.MISSING else _parsing.fail({field_path}, 'a value', {local}))"
                )
            locals_.append((local, lookup, "", "" if expression == local else f"{local} = {_bare(expression)}"))
            arguments.append(local)
        if field.required or field.default is not None:  # an absent key would read as the default
            dump_required.append((wire, dump_expression(field.type, attribute, ctx)))
        elif unset:
            dump_optional.append(
                (wire, f"{attribute} is not _unset.UNSET", dump_expression(field.type, attribute, ctx))
            )
        else:
            inner = field.type.inner if isinstance(field.type, Optional_) else field.type
            dump_optional.append((wire, f"{attribute} is not None", dump_expression(inner, attribute, ctx)))
    return ModelParser(
        f"_parse_{model.name}",
        f"_dump_{model.name}",
        model.name,
        repr(f"{model.name} (an object)"),
        tuple(locals_),
        tuple(arguments),
        tuple(params),
        tuple(dump_required),
        tuple(dump_optional),
        dump_extra,
        next((f"kept in {name}" for f, name in ordered if f.additional), "ignored"),
    )


def _unset_field(field: Field) -> bool:
    """Whether an absent key is UNSET (``OptionalNullable``) rather than None."""
    return isinstance(field.type, Optional_) and field.type.nulls is Nullability.OPTIONAL_NULLABLE


def constant_value(ref: TypeRef) -> Union[str, int, bool, None]:
    """The one value of a constant field's type: a one-value Literal, or null."""
    return ref.values[0] if isinstance(ref, LiteralOf) else None


def _constant_local(ref: TypeRef, local: str, wire: str, path: str, unset: bool) -> tuple[str, str, str, str]:
    """A constant is read with itself as the default (an absent key is the constant; UNSET
    for an ``OptionalNullable`` one) and checked: any other value is an error."""
    value = constant_value(ref)
    wants = "null" if value is None else f"{value!r} (a constant)"
    default = "_unset.UNSET" if unset else repr(value)
    test = f"not ({_literal_test(value, local)})"
    return (
        local,
        f"value.get({wire}, {default})",
        f"{local} is not _unset.UNSET and {test}" if unset else test,
        f"_parsing.fail({path}, {wants!r}, {local})",
    )


def _additional_local(ref: TypeRef, local: str, known: Sequence[str], ctx: ParserContext) -> tuple[str, str, str, str]:
    """The additional properties: every key of the object that no field has, each value
    parsed as the dict's value type (at its own path, as a field's would be)."""
    keys = "{" + ", ".join(repr(k) for k in known) + "}"
    lookup = f"{{key: item for key, item in value.items() if key not in {keys}}}" if known else "dict(value)"
    expression = parse_expression(ref, local, "path", ctx)
    return local, lookup, "", "" if expression == local else f"{local} = {_bare(expression)}"


def _checked_argument(ref: TypeRef, local: str, path: str, ctx: ParserContext) -> str:
    """The constructor's argument for a field :func:`_check` checked: the local itself,
    but for a Literal, whose type a check narrows to ``str`` or ``int`` for mypy: the
    constant when there is one, else the parse expression (which cannot fail any more)."""
    if not isinstance(ref.inner if isinstance(ref, Optional_) else ref, LiteralOf):
        return local
    if isinstance(ref, LiteralOf) and len(ref.values) == 1:
        return repr(ref.values[0])
    return parse_expression(ref, local, path, ctx)


def _check(ref: TypeRef, value: str, path: str) -> tuple[str, str] | None:
    """(test, failure) when *ref* is ``str``, ``int``, ``bool`` or a Literal, optional or
    not: the value needs a check only, no conversion.  (A Literal's value is checked, not
    replaced by the constant: assigned, a local would lose the Literal type for mypy.)"""
    inner = ref.inner if isinstance(ref, Optional_) else ref
    if isinstance(inner, Primitive) and inner.name in _EXACT_PRIMITIVES:
        test, wants = f"type({value}) is not {inner.name}", inner.name
    elif isinstance(inner, LiteralOf):
        accepted = [_literal_test(literal, value) for literal in inner.values]
        test = f"not ({' or '.join(accepted)})" if len(accepted) > 1 else f"not ({accepted[0]})"
        wants = " or ".join(repr(v) for v in inner.values)
    else:
        return None
    if inner is not ref:
        test, wants = f"{value} is not None and {test}", f"{wants} or null"
    return test, f"_parsing.fail({path}, {wants!r}, {value})"


def _bare(expression: str) -> str:
    """*expression* without the parentheses around the whole of it, if any (black drops
    them on the right of ``=``)."""
    if not (expression.startswith("(") and expression.endswith(")")):
        return expression
    depth = 0
    for index, char in enumerate(expression):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index < len(expression) - 1:
            return expression  # ``(a)(b)`` or ``(a) if (b) else (c)``
    return expression[1:-1]


def _accepts_missing(ref: TypeRef, decls: dict[str, Decl]) -> bool:
    """Whether the parse expression of *ref* would let ``MISSING`` through (``Any`` members)."""
    return any(isinstance(m, Primitive) and m.name in _ANY_VALUE for m in _flatten(ref, decls))


@dataclass(frozen=True)
class EnumParser:
    parse_name: str
    class_name: str
    table: str  # the module-level name of the value -> member dict
    value_type: str  # "str" or "int"
    wants: str  # a string literal for messages


def enum_parser(enum: Enum) -> EnumParser:
    shown = [repr(m.value) for m in enum.members[:8]]
    if len(enum.members) > 8:
        shown.append("…")
    wants = f"{enum.name} (one of {', '.join(shown)})" if shown else f"{enum.name} (no values)"
    return EnumParser(f"_parse_{enum.name}", enum.name, f"_{enum.name}_VALUES", enum.value_type, repr(wants))


@dataclass(frozen=True)
class UnionFunctions:
    """The public functions of a union page: ``parse_<snake>(data)`` and ``dump_<snake>(value)``."""

    parse_public: str
    dump_public: str
    parse_expression: str  # of ``data`` at ``"$"``
    dump_expression: str  # of ``value``


def union_functions(union: Union_, key_ref: Ref, ctx: ParserContext) -> UnionFunctions:
    snake = snake_case(union.name)
    return UnionFunctions(
        ctx.unique(f"parse_{snake}"),
        ctx.unique(f"dump_{snake}"),
        parse_expression(key_ref, "data", '"$"', ctx),
        dump_expression(key_ref, "value", ctx),
    )


_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake_case(name: str) -> str:
    """``ChatCompletionResult`` -> ``chat_completion_result``; ``HTTPMetadata`` -> ``http_metadata``."""
    return _CAMEL_BOUNDARY.sub("_", name).lower().strip("_") or "value"
