"""Assigned calls whose arguments hold tuples, lists and dicts, laid out as black lays them out.

Part of the formatting stage.  The key tables of the parsers docgen writes
(``_T_FIELDS = _parsing.WireKeys("T", ("a", "b",), {"a": "x"})``) end a tuple with a
comma, which makes black explode the call: one argument a line, the tuple one element
a line, and a display still too long one element a line too.  :func:`assigned_call`
lays those out itself when every piece is plain (no brackets inside an element), a
string too long for a line left as it is; anything else is None (black).  tests/emit/test_black_stable.py compares it with black.
"""

from __future__ import annotations

import re
from typing import Optional

from .statements import _fits, _items, _quotes

#: ``name = module.function(arguments)`` on one line.
_ASSIGNED = re.compile(r"( *)(\w+ = [\w.]+\()(.*)\)")
_CLOSE = {"(": ")", "[": "]", "{": "}"}
_BRACKET = re.compile(r"[()\[\]{}]")


def assigned_call(statement: list[str]) -> Optional[list[str]]:
    """*statement* as black writes it, or None."""
    if len(statement) != 1:
        return None
    line = _quotes(statement[0])
    found = None if line is None else _ASSIGNED.fullmatch(line)
    if found is None:
        return None
    pad, head, body = found.groups()
    arguments = _items(body)
    if not arguments:
        return None
    displays = [_display(argument) for argument in arguments]
    if any(display is False for display in displays):
        return None
    magic = any(display and display[1] for display in displays)  # type: ignore[index]
    inner = pad + "    "
    if not magic:
        if _fits(line):  # type: ignore[arg-type]
            return [line]  # type: ignore[list-item]
        if _fits(inner + body):
            return [pad + head, inner + body, pad + ")"] if _fits(pad + head) else None
    if not _fits(pad + head):
        return None
    lines = [pad + head]
    comma = "," if len(arguments) > 1 else ""  # black splits at commas only between arguments
    for argument, display in zip(arguments, displays):
        if display and (display[1] or not _fits(f"{inner}{argument}{comma}")):  # type: ignore[index]
            opening, elements = argument[0], display[0]  # type: ignore[index]
            lines.append(inner + opening)
            # black adds a comma when it splits between elements; one element alone, too
            # long for a line, it leaves as it is
            last = "," if display[1] or len(elements) > 1 else ""  # type: ignore[index]
            lines.extend(f"{inner}    {element}," for element in elements[:-1])
            lines.append(f"{inner}    {elements[-1]}{last}")
            lines.append(f"{inner}{_CLOSE[opening]}{comma}")
        else:
            lines.append(f"{inner}{argument}{comma}")
    lines.append(pad + ")")
    return lines if all(_fits(line) or _UNSPLITTABLE.fullmatch(line) for line in lines) else None


#: A line black cannot split, left too long: a string, or a dict entry of two, as an
#: argument or an element of an exploded display (``"key": "a.long.wire.path",``).
_UNSPLITTABLE = re.compile(r' *"[^"\\\n]*"(?:: "[^"\\\n]*")?,?')


def _display(argument: str) -> object:
    """For a tuple, list or dict display: (its elements, whether its trailing comma makes
    black explode it); None for an argument with no brackets; False for anything else."""
    if not _BRACKET.search(argument):
        return None
    opening = argument[0]
    if opening not in _CLOSE or not argument.endswith(_CLOSE[opening]):
        return False
    inside = argument[1:-1]
    if _BRACKET.search(inside) or not inside:
        return False
    comma = inside.endswith(",")
    elements = _items(inside[:-1] if comma else inside)
    if elements is None:
        return False
    return elements, comma and (opening != "(" or len(elements) > 1)
