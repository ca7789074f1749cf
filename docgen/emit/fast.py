"""Fast paths: a model field's conversion written in line, with the general parse as the
fallback that runs only when the fast path raises.

Part of stage 6 (emit).  A field of type ``date``, ``datetime``, ``Decimal`` or a closed
enum (optional or not) is read as::

    f_placed = value.get("placed")
    try:
        f_placed = _parsing.iso_date(f_placed)
    except (TypeError, ValueError):
        f_placed = _parsing.parse_date(value.get("placed", _parsing.MISSING), (path, "placed"))

The fast path accepts a subset of what the fallback accepts and converts it the same
way, so the fallback decides everything else: it converts what the fast path left
(``Z`` offsets on Python 3.10, an ``int`` for a Decimal) or raises the ParseError with
the field's JSON path, the same error as without the fast path.  No path tuple is built
and no call frame entered while values are well formed.
"""

from __future__ import annotations

from typing import Optional

from ..ir import Enum, Primitive, Ref, TypeRef
from ..primitives import primitive
from .parsers import ParserContext


def fast_conversion(ref: TypeRef, value: str, ctx: ParserContext) -> Optional[tuple[str, str]]:
    """(expression converting *value*, the exceptions it raises instead of converting) for
    a non-optional *ref* that has a fast path, else None."""
    if isinstance(ref, Primitive) and primitive(ref.name).fast_parse[0]:
        expression, raises = primitive(ref.name).fast_parse
        return expression.format(v=value), raises
    if isinstance(ref, Ref):
        decl = ctx.decls[ref.key]
        if isinstance(decl, Enum) and not decl.open and decl.members:
            table = ctx.function(ref.key, "_values_")
            if decl.value_type == "str":  # only a str is equal to a str key; unhashables raise TypeError
                return f"{table}[{value}]", "KeyError, TypeError"
            # True == 1 and 1.0 == 1: only an int is looked up, anything else is the fallback's
            return f"{table}[{value}] if type({value}) is int else {{fallback}}", "KeyError"
    return None


def fast_statement(conversion: tuple[str, str], local: str, fallback: str) -> str:
    """The ``try`` statement that converts *local* in place, *fallback* when it raises."""
    expression, raises = conversion
    expression = expression.replace("{fallback}", fallback)
    caught = f"({raises})" if "," in raises else raises
    return f"try:\n    {local} = {expression}\nexcept {caught}:\n    {local} = {fallback}"
