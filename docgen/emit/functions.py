"""The views of whole declarations for the parsers template: a model's ``from_dict`` and
``to_dict`` (:func:`model_parser`), an enum's parse function, a union page's public functions.

Part of stage 6 (emit); the expressions come from :mod:`docgen.emit.parsers` and
:mod:`docgen.emit.dumps`.
"""

from __future__ import annotations

import json
import re
from typing import Sequence, Union

from ..ir import (
    Decl,
    DictOf,
    Enum,
    Field,
    ListOf,
    LiteralOf,
    Model,
    Nullability,
    Optional_,
    Primitive,
    Ref,
    TypeRef,
    Union_,
)
from ..primitives import is_any_value, primitive
from ..walk import without_optional
from .dumps import dump_expression, hand_union_dump
from .fast import fast_conversion, fast_statement
from .keys import keys_view
from .parsers import (
    ParserContext,
    is_json,
    literal_test,
    parse_expression,
    parse_or_null,
    union_members,
)
from .spelling import with_article
from .views import (
    Assignment,
    DumpOptional,
    DumpRequired,
    EnumParser,
    FieldLocal,
    ModelParser,
    Param,
    UnionFunctions,
)


def model_parser(
    model: Model, ordered: Sequence[tuple[Field, str]], ctx: ParserContext, annotations: dict[str, tuple[str, str]]
) -> ModelParser:
    """*ordered*: each field with its Python name, in the dataclass's order; *annotations*:
    Python name -> (annotation at module level, in the class body), for the keyword
    parameters."""
    parts = _ModelParts(ctx, sorted(f.wire_name for f, _ in ordered if is_json(f.type) and not f.additional))
    for field, name in ordered:
        if not is_json(field.type):
            parts.keyword(field, name, annotations[name])
        elif field.additional:
            parts.additional(field, name)
        elif field.constant:
            parts.constant(field, name)
        else:
            parts.read(field, name)
            parts.dump(field, name)
    keys = keys_view(model, [f for f, _ in ordered], lambda f: is_json(f.type), ctx.unique)
    assert len(parts.arguments) == len(ordered), "one argument a field: the parser sets every field"
    first_key, all_read = parts.known_count() if keys is not None and keys.exact else ("", ())
    return ModelParser(
        f"_parse_{model.name}",
        f"_dump_{model.name}",
        model.name,
        repr(f"{model.name} (an object)"),
        tuple(parts.subscripted if all_read else parts.locals),
        tuple(parts.arguments),
        tuple(parts.params),
        tuple(parts.dump_required),
        tuple(parts.dump_optional),
        parts.dump_extra,
        next((f"kept in {name}" for f, name in ordered if f.additional), "ignored"),
        keys,
        first_key,
        all_read,
        tuple(Assignment(name, a) for (_, name), a in zip(ordered, parts.arguments)) if not parts.params else (),
        bool(all_read) and parts.subscripted != parts.locals,
    )


class _ModelParts:
    """What :func:`model_parser` collects, a field at a time in field order."""

    def __init__(self, ctx: ParserContext, known: list[str]) -> None:
        self.ctx = ctx
        self.known = known  # the wire keys of the fields JSON carries
        self.taken = {"value", "path", "data", "cls", "self"}
        self.locals: list[FieldLocal] = []
        self.subscripted: list[FieldLocal] = []  # the locals as the counted read reads them (see _local)
        self.arguments: list[str] = []
        self.params: list[Param] = []
        self.dump_required: list[DumpRequired] = []
        self.dump_optional: list[DumpOptional] = []
        self.dump_extra = ""
        # how the parser counts the keys it read (see known_count)
        self.present: list[str] = []  # wire names of required fields: the parse fails without them
        self.counted: list[str] = []  # locals of the others: not None only when their key is there
        self.countable = True

    def known_count(self) -> tuple[str, tuple[str, ...]]:
        """(the wire name literal of a required field, the tests any of which shows that
        every key of the object was read): when the parse succeeds, the object has a key
        for each field in ``present`` and for each local in ``counted`` that is not None,
        so an object of that many keys has no other key and tolerant matching has nothing
        to rename.  An object of the required fields' keys alone (the optional ones left
        out, as servers often do) passes a first test without the count, and an object
        with every field (each local not None) a second one: the count subtracts bools,
        which CPython does not specialise as it does ints.  One ``if`` a test, not an
        ``or`` of them: each is laid out without black (docgen/format/splits.py).
        ("", ()) when a field's local says nothing of its key (a default, UNSET, a constant,
        additional properties), and for a model with keyword parameters, whose names
        (the fields') may be those of the locals the counted read binds."""
        if not self.countable or self.params:
            return "", ()
        total, several = len(self.present) + len(self.counted), len(self.counted) > 1
        every = " and ".join(f"{local} is not None" for local in self.counted)
        absent = "".join(f" - ({local} is None)" for local in self.counted)  # parenthesised: split at each " - "
        tests = [f"len(value) == {len(self.present)}"] if self.present and several else []  # required keys alone
        tests += [f"len(value) == {total} and {every}"] if several else []
        tests.append(f"len(value) == ({total}{absent})" if absent else f"len(value) == {total}")
        return (self.present[0] if self.present else ""), tuple(tests)

    def _count(self, field: Field, local: str, wire: str) -> None:
        if field.default is not None or _unset_field(field):
            self.countable = False  # the local is not None without the key
        elif field.required and not isinstance(field.type, Optional_) and _fails_absent(field.type, self.ctx.decls):
            self.present.append(wire)
        else:
            self.counted.append(local)

    def keyword(self, field: Field, name: str, annotations: tuple[str, str]) -> None:
        """A field JSON cannot carry: a keyword-only parameter of the parse function."""
        param = name
        while param in self.taken:
            param += "_"
        self.taken.add(param)
        default = "" if field.required and not isinstance(field.type, Optional_) else "None"
        self.params.append(Param(param, *annotations, default))
        self.arguments.append(param)

    def additional(self, field: Field, name: str) -> None:
        local = f"f_{name}"
        self.countable = False
        self.locals.append(_additional_local(field.type, local, self.known, self.ctx))
        self.subscripted.append(self.locals[-1])
        self.arguments.append(local)
        self.dump_extra = dump_expression(field.type, f"self.{name}", self.ctx)

    def constant(self, field: Field, name: str) -> None:
        local, wire, attribute, unset = f"f_{name}", repr(field.wire_name), f"self.{name}", _unset_field(field)
        self.countable = False
        self.locals.append(_constant_local(field.type, local, wire, f"(path, {wire})", unset))
        self.subscripted.append(self.locals[-1])
        self.arguments.append(local if unset else repr(constant_value(field.type)))
        if unset:
            self.dump_optional.append(DumpOptional(wire, f"{attribute} is not _unset.UNSET", attribute))
        else:
            self.dump_required.append(DumpRequired(wire, attribute))

    def read(self, field: Field, name: str) -> None:
        """The local of an ordinary field: looked up, then checked or parsed.  A required
        field is looked up with ``.get(key)``; where the check or a fast path fails, the
        failure looks it up again with ``MISSING`` to tell an absent key from a null."""
        local, wire, unset, ctx = f"f_{name}", repr(field.wire_name), _unset_field(field), self.ctx
        self._count(field, local, wire)
        field_path = f"(path, {wire})"
        missing = f"value.get({wire}, _parsing.MISSING)"
        lookup, shown = f"value.get({wire})", local
        if field.required:  # a required null's absence must not read as null
            lookup, shown = (missing, local) if isinstance(field.type, Optional_) else (lookup, missing)
        if unset:
            lookup, shown = f"value.get({wire}, _unset.UNSET)", local
        if field.default is not None:  # an absent key reads as the documented default's JSON
            lookup, shown = f"value.get({wire}, {json.loads(field.default.json)!r})", local
        check = _check(field.type, local, field_path, shown, ctx.allow_nan)
        if check is not None:
            grouped = f"({check[0]})" if " or " in check[0] else check[0]
            test = f"{local} is not _unset.UNSET and {grouped}" if unset else check[0]
            self._local(FieldLocal(local, lookup, test, check[1]), wire)
            if shown == missing:  # subscripted, the key is there when the check fails
                subscripted = _check(field.type, local, field_path, local, ctx.allow_nan)
                assert subscripted is not None
                self.subscripted[-1] = FieldLocal(local, f"value[{wire}]", test, subscripted[1])
            self.arguments.append(_checked_argument(field.type, local, field_path, ctx))
            return
        self.arguments.append(local)
        optional = isinstance(field.type, Optional_) and not _accepts_missing(field.type, ctx.decls)
        plain = field.required and lookup == f"value.get({wire})" and not isinstance(field.type, Optional_)
        # a required key is subscripted inside the fast path's try (KeyError when absent)
        read = f"value[{wire}]" if plain else local
        fast = fast_conversion(field.type.inner if isinstance(field.type, Optional_) else field.type, read, ctx)
        if fast is not None and plain and "{fallback}" in fast[0]:  # it needs the value twice
            fast = fast_conversion(field.type, local, ctx)
            plain = False
        if optional:
            assert isinstance(field.type, Optional_)
            inner = parse_or_null(field.type.inner, local, field_path, ctx)
            test = f"{local} is not None" + (f" and {local} is not _unset.UNSET" if unset else "")
            statement = f"{local} = {_bare(inner)}" if fast is None else fast_statement(fast, local, _bare(inner))
            self._local(FieldLocal(local, lookup, test, statement), wire)
            return
        if fast is not None and not isinstance(field.type, Optional_):
            fallback = _bare(parse_expression(field.type, shown, field_path, ctx))
            if plain:
                fast = (fast[0], "KeyError, " + fast[1].replace("KeyError, ", ""))
            self._local(FieldLocal(local, "" if plain else lookup, "", fast_statement(fast, local, fallback)), wire)
            return
        if field.required and lookup == f"value.get({wire})":
            lookup = missing
        expression = parse_expression(field.type, local, field_path, ctx)
        if field.required and _accepts_missing(field.type, ctx.decls):
            expression = (
                f"({local} if {local} is not _parsing.MISSING else _parsing.fail({field_path}, 'a value', {local}))"
            )
        self._local(
            FieldLocal(local, lookup, "", "" if expression == local else f"{local} = {_bare(expression)}"), wire
        )

    def _local(self, read: FieldLocal, wire: str) -> None:
        """Keep *read*, and its subscripted form for the counted read: a required key
        looked up with ``MISSING`` is read as ``value[key]``, whose KeyError the parse
        function answers by reading the object again with ``MISSING`` under that key
        (``WireKeys.absent``), so the field reports itself missing as before."""
        self.locals.append(read)
        if read.lookup == f"value.get({wire}, _parsing.MISSING)":
            read = FieldLocal(read.local, f"value[{wire}]", read.test, read.statement)
        self.subscripted.append(read)

    def dump(self, field: Field, name: str) -> None:
        """What ``to_dict`` writes for an ordinary field."""
        wire, attribute, ctx = repr(field.wire_name), f"self.{name}", self.ctx
        if field.required or field.default is not None:  # an absent key would read as the default
            self.dump_required.append(DumpRequired(wire, dump_expression(field.type, attribute, ctx)))
        elif _unset_field(field):
            self.dump_optional.append(
                DumpOptional(wire, f"{attribute} is not _unset.UNSET", dump_expression(field.type, attribute, ctx))
            )
        else:
            inner = without_optional(field.type)
            self.dump_optional.append(
                DumpOptional(wire, f"{attribute} is not None", dump_expression(inner, attribute, ctx))
            )


def _unset_field(field: Field) -> bool:
    """Whether an absent key is UNSET (``OptionalNullable``) rather than None."""
    return isinstance(field.type, Optional_) and field.type.nulls is Nullability.OPTIONAL_NULLABLE


def constant_value(ref: TypeRef) -> Union[str, int, bool, None]:
    """The one value of a constant field's type: a one-value Literal, or null."""
    return ref.values[0] if isinstance(ref, LiteralOf) else None


def _constant_local(ref: TypeRef, local: str, wire: str, path: str, unset: bool) -> FieldLocal:
    """A constant is read with itself as the default (an absent key is the constant; UNSET
    for an ``OptionalNullable`` one) and checked: any other value is an error."""
    value = constant_value(ref)
    wants = "null" if value is None else f"{value!r} (a constant)"
    default = "_unset.UNSET" if unset else repr(value)
    test = f"not ({literal_test(value, local)})"
    return FieldLocal(
        local,
        f"value.get({wire}, {default})",
        f"{local} is not _unset.UNSET and {test}" if unset else test,
        f"_parsing.fail({path}, {wants!r}, {local})",
    )


def _additional_local(ref: TypeRef, local: str, known: Sequence[str], ctx: ParserContext) -> FieldLocal:
    """The additional properties: every key of the object that no field has, each value
    parsed as the dict's value type (at its own path, as a field's would be)."""
    keys = "{" + ", ".join(repr(k) for k in known) + "}"
    lookup = f"{{key: item for key, item in value.items() if key not in {keys}}}" if known else "dict(value)"
    expression = parse_expression(ref, local, "path", ctx)
    return FieldLocal(local, lookup, "", "" if expression == local else f"{local} = {_bare(expression)}")


def _checked_argument(ref: TypeRef, local: str, path: str, ctx: ParserContext) -> str:
    """The constructor's argument for a field :func:`_check` checked: the local itself,
    but for a Literal, whose type a check narrows to ``str`` or ``int`` for mypy: the
    constant when there is one, else the parse expression (which cannot fail any more)."""
    if not isinstance(without_optional(ref), LiteralOf):
        return local
    if isinstance(ref, LiteralOf) and len(ref.values) == 1:
        return repr(ref.values[0])
    return parse_expression(ref, local, path, ctx)


def _check(ref: TypeRef, value: str, path: str, shown: str, allow_nan: bool = False) -> tuple[str, str] | None:
    """(test, statement) when *ref* is ``str``, ``int``, ``bool``, ``float`` or a Literal,
    optional or not: the value needs a check only (a float: converted only when it is not
    a finite float already).  The statement raises, reporting *shown* (the value, or its
    lookup with ``MISSING``), or converts the local in place.  (A Literal's value is
    checked, not replaced by the constant: assigned, a local would lose the Literal type
    for mypy.)"""
    inner = without_optional(ref)
    if isinstance(inner, Primitive) and inner.name == "float":
        # x - x == 0.0 holds for every finite float: NaN and infinities go to parse_float
        test = f"type({value}) is not float" if allow_nan else f"type({value}) is not float or {value} - {value} != 0.0"
        shown = value if inner is not ref else shown
        statement = f"{value} = _parsing.parse_float({shown}, {path}{', False' if allow_nan else ''})"
        return (f"{value} is not None and ({test})" if inner is not ref else test), statement
    if isinstance(inner, Primitive) and primitive(inner.name).exact:
        test, wants = f"type({value}) is not {inner.name}", inner.name
    elif isinstance(inner, LiteralOf):
        accepted = [literal_test(literal, value) for literal in inner.values]
        test = f"not ({' or '.join(accepted)})" if len(accepted) > 1 else f"not ({accepted[0]})"
        wants = " or ".join(repr(v) for v in inner.values)
    else:
        return None
    if inner is not ref:
        test, wants = f"{value} is not None and {test}", f"{wants} or null"
    return test, f"_parsing.fail({path}, {wants!r}, {shown})"


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


def _fails_absent(ref: TypeRef, decls: dict[str, Decl]) -> bool:
    """Whether the parse of a required field of type *ref* fails when its key is absent
    (None or MISSING in its place): not for a union or Literal that may accept null."""
    if _accepts_missing(ref, decls) or isinstance(ref, (ListOf, DictOf)):
        return True  # Any is tested against MISSING
    if isinstance(ref, Primitive):
        return ref.name != "None"
    return isinstance(ref, Ref) and isinstance(decls[ref.key], (Model, Enum))


def _accepts_missing(ref: TypeRef, decls: dict[str, Decl]) -> bool:
    """Whether the parse expression of *ref* would let ``MISSING`` through (``Any`` members)."""
    return any(isinstance(m, Primitive) and is_any_value(m.name) for m in union_members(ref, decls))


def enum_parser(enum: Enum) -> EnumParser:
    shown = [repr(m.value) for m in enum.members[:8]]
    if len(enum.members) > 8:
        shown.append("…")
    wants = f"{enum.name} (one of {', '.join(shown)})" if shown else f"{enum.name} (no values)"
    phrase = with_article(enum.value_type)
    if enum.open:
        wants = f"{enum.name} ({phrase})"
    annotation = f"{enum.name} | {enum.value_type}" if enum.open else enum.name
    table = f"_values_{enum.name}"
    return EnumParser(
        f"_parse_{enum.name}",
        enum.name,
        table,
        enum.value_type,
        repr(wants),
        enum.open,
        annotation,
        phrase,
    )


def union_functions(union: Union_, key_ref: Ref, ctx: ParserContext) -> UnionFunctions:
    snake = snake_case(union.name)
    dump_public, dump = ctx.unique(f"dump_{snake}"), dump_expression(key_ref, "value", ctx)
    return UnionFunctions(
        ctx.unique(f"parse_{snake}"),
        dump_public,
        parse_expression(key_ref, "data", '"$"', ctx),
        dump,
        parse_expression(key_ref, "data", "None", ctx),
        hand_union_dump(ctx, key_ref, dump, dump_public),
    )


_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake_case(name: str) -> str:
    """``ChatCompletionResult`` -> ``chat_completion_result``; ``HTTPMetadata`` -> ``http_metadata``."""
    return _CAMEL_BOUNDARY.sub("_", name).lower().strip("_") or "value"
