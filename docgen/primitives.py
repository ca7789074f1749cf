"""The primitive types: each described once, in :data:`TABLE`.

A primitive is a type the docs name by itself (``str``, ``Decimal``, ``datetime``…) and
that generated code spells, imports, checks, parses and dumps without a declaration of
its own.  Every stage reads what it needs about one from here: the type grammar which
names are primitives (:data:`CELL_NAMES`), spelling where the name is imported from,
the JSON parsers the guard, parse function and dump function.

Adding a primitive is one :class:`PrimitiveType` entry here, plus its ``parse_*`` and
``dump_*`` functions in ``templates/parsing.py.jinja`` when it is converted.

This module imports nothing of docgen's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrimitiveType:
    """How one primitive is written, imported, checked, parsed and dumped."""

    #: How Python spells it, in annotations and in the docs' Type cells.
    name: str
    #: The module a generated module imports it from (``from datetime import date``);
    #: "" for a builtin.
    module: str = ""
    #: The JSON type test a union member of this type needs before it is tried (Python
    #: text on ``value``), and what it wants, for messages; ("", "") when any JSON value
    #: may suit it.
    guard: tuple[str, str] = ("", "")
    #: The ``_parsing`` function that converts the JSON value (``parse_date(value,
    #: path)``); "" when the value is taken as it is or checked inline.
    parse: str = ""
    #: The ``_parsing`` function that writes its JSON form; "" when the value is its own
    #: JSON form (see :attr:`identity`).
    dump: str = ""
    #: The value is its own JSON form: dumping copies it, containers of it copy shallowly.
    identity: bool = False
    #: Checked inline with ``type(x) is T`` (no conversion, no subclasses).
    exact: bool = False
    #: A condition on ``value`` that makes a value the guard accepted an exact match in a
    #: union ("" when every accepted value is exact).
    exact_match: str = ""
    #: Whether a Type cell may name it (``None`` is a union member docgen makes itself).
    in_cells: bool = True
    #: It stands for any JSON value: taken and written as it is, never checked.
    any_value: bool = False
    #: The same dump written in line, Python text on ``{v}`` (``str({v})``); "" to call
    #: :attr:`dump`.
    dump_in_line: str = ""
    #: A model field's fast path (docgen/emit/fast.py): a conversion of ``{v}`` written in
    #: line that accepts part of what :attr:`parse` accepts, and the exceptions it raises
    #: on the rest; ("", "") for none.
    fast_parse: tuple[str, str] = ("", "")


_STRING = "type(value) is str"

#: Every primitive, in the order a union's dump tests them: subclasses before their
#: bases (a bool is an int, a datetime is a date).
TABLE: tuple[PrimitiveType, ...] = (
    PrimitiveType("None", identity=True, in_cells=False),
    PrimitiveType("bool", guard=("type(value) is bool", "a boolean"), identity=True, exact=True),
    PrimitiveType("int", guard=("type(value) is int", "an integer"), identity=True, exact=True),
    PrimitiveType(
        "float",
        guard=("type(value) is float or type(value) is int or type(value) is _parsing.Decimal", "a number"),
        parse="parse_float",
        identity=True,
        exact_match="type(value) is float",
    ),
    PrimitiveType(
        "datetime",
        "datetime",
        (_STRING, "a date-time string"),
        "parse_datetime",
        "dump_datetime",
        fast_parse=("_parsing.iso_datetime({v})", "TypeError, ValueError"),
    ),
    PrimitiveType(
        "date",
        "datetime",
        (_STRING, "a date string"),
        "parse_date",
        "dump_date",
        fast_parse=("_parsing.iso_date({v})", "TypeError, ValueError"),
    ),
    PrimitiveType(
        "Decimal",
        "decimal",
        parse="parse_decimal",
        dump="dump_decimal",
        # str() is the builtin: a page type of that name is spelled str_ (names.BUILTINS_USED)
        dump_in_line="str({v})",
        # Decimal() reads these texts and, besides them, only texts with whitespace or
        # underscores, NaN and the infinities; tested in line, no call frame
        fast_parse=(
            'number if type({v}) is str and "_" not in {v} and {v} == {v}.strip()'
            " and (number := _parsing.Decimal({v})).is_finite() else {{fallback}}",
            "ArithmeticError",
        ),
    ),
    PrimitiveType("bytes", guard=(_STRING, "a base64 string"), parse="parse_bytes", dump="dump_bytes"),
    PrimitiveType("str", guard=(_STRING, "a string"), identity=True, exact=True),
    PrimitiveType("Any", "typing", identity=True, any_value=True),
    #: python-legacy's annotation for any JSON value: mypy makes its users narrow it.
    PrimitiveType("object", identity=True, any_value=True),
)

#: name -> its description.
BY_NAME: dict[str, PrimitiveType] = {p.name: p for p in TABLE}


def is_cell_name(name: str) -> bool:
    """Whether a Type cell may write *name* for a primitive (as Python spells it)."""
    found = BY_NAME.get(name)
    return found is not None and found.in_cells


def is_any_value(name: str) -> bool:
    """Whether the primitive *name* stands for any JSON value (``Any``, ``object``)."""
    found = BY_NAME.get(name)
    return found is not None and found.any_value


def primitive(name: str) -> PrimitiveType:
    """The description of the primitive *name* (a KeyError for any other name)."""
    return BY_NAME[name]
