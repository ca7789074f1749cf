"""Assignments too long for a line whose right-hand side black wraps in parentheses.

Part of the formatting stage.  The parsers docgen writes assign names that grow with the
type's name (``_T_EXACT = _T_FIELDS.exact``) and conditional expressions
(``f_x = _values_E[f_x] if type(f_x) is int else _parse_E(...)``).  Too long for a
line, black puts the right-hand side in parentheses of its own, one level in; a
conditional expression still too long there goes one part a line (the value, ``if``,
``else``), and a last part still too long is split at its call's parentheses.
:func:`assignment` lays those out; anything else is None (black).
tests/emit/test_black_stable.py compares it with black.
"""

from __future__ import annotations

import re
from typing import Optional

from .comprehensions import _flat
from .statements import _MAGIC_COMMA, _fits, _items, _parts, _quotes

#: ``name = right-hand side``.
_ASSIGNED = re.compile(r"( *)(\w+) = (.+)")
#: A right-hand side with nothing black could split: dotted names.
_ATOM = re.compile(r"[\w.]+")
#: ``else name(arguments)`` (no dot: black would not split at it anyway).
_ELSE_CALL = re.compile(r"(else \w+\()(.*)\)")


def assignment(statement: list[str]) -> Optional[list[str]]:
    """*statement* (one line) as black writes it, or None."""
    if len(statement) != 1:
        return None
    line = _quotes(statement[0])
    found = None if line is None or _MAGIC_COMMA.search(line) else _ASSIGNED.fullmatch(line)
    if found is None or _fits(line):  # type: ignore[arg-type]
        return None
    pad, target, value = found.groups()
    inner = pad + "    "
    head, tail = f"{pad}{target} = (", pad + ")"
    if not _fits(head):
        return None
    if _ATOM.fullmatch(value):
        return [head, inner + value, tail] if _fits(inner + value) else None
    parts = _conditional(value)
    if parts is None:
        return None
    if _fits(inner + value):
        return [head, inner + value, tail]
    lines = [head]
    for part in parts:
        if _fits(inner + part):
            lines.append(inner + part)
            continue
        call = _ELSE_CALL.fullmatch(part) if part is parts[-1] else None
        items = None if call is None else _items(call.group(2))
        if call is None or not items:
            return None
        split = _parts(inner, call.group(1), [call.group(2)], ")") or _parts(
            inner, call.group(1), [item + "," for item in items], ")"
        )
        if split is None:
            return None
        lines.extend(split)
    lines.append(tail)
    return lines


def _conditional(value: str) -> Optional[list[str]]:
    """The three parts of ``a if b else c`` with nothing else at its top level; else None."""
    flat = _flat(value)
    if flat is None or "," in flat or " for " in flat or "lambda" in flat:
        return None
    if flat.count(" if ") != 1 or flat.count(" else ") != 1:
        return None
    at_if, at_else = flat.index(" if "), flat.index(" else ")
    if not 0 < at_if < at_else:
        return None
    return [value[:at_if], value[at_if + 1 : at_else], value[at_else + 1 :]]
