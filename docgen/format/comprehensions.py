"""Returned and assigned comprehensions, laid out as black lays them out.

Part of the formatting stage.  The parsers docgen writes end in ``return [... for ...]``
or ``return {key: value for ...}``, and dumpers assign them (``result["tags"] = [...]``):
too long for a line in almost every module, they used to go to black.
:func:`comprehension` lays out the plain ones itself, as black does: the whole
statement on one line if it fits; else the comprehension one level in; else its
element and its ``for`` clause on lines of their own, the element split at its last
call's (or parenthesised value's) parentheses when it is still too long, or at its
key's parentheses when the first line would still be too long.  Anything else: None
(black).
tests/emit/test_black_stable.py compares the result with black's.
"""

from __future__ import annotations

import re
from typing import Optional

from .statements import _MAGIC_COMMA, _TOKEN, _fits, _items, _parts, _quotes

#: ``return [`` or ``return {`` opening the statement, or ``name = [`` and ``result["key"] = {``.
_HEAD = re.compile(r"( *)(return |\w+ = |\w+\[\"[^\"\\\\]*\"\] = )([\[{])")
#: An element with no delimiter of its own at its top level: a call, an atom, a display
#: (a comprehension inside, say), a dict entry (of a call, a display or a parenthesised
#: value, or of names and attributes, as an enum's value table).
_ELEMENT = re.compile(
    r"(?:\(\)|\{\}|\[\]|\w+(?:\.\w+)?\(\))"
    r"|(?:\(\)|\w+): (?:\(\)|\{\}|\[\]|\w+(?:\.\w+)?\(\))"
    r"|(?:\(\)|\w+(?:\.\w+)?): \w+(?:\.\w+)?"
)
#: The one ``for`` clause (no ``if``): ``for a, b in c.d()``.
_CLAUSE = re.compile(r"for \w+(?:, \w+)* in [\w.]+(?:\(\))?")
_CLOSE = {"[": "]", "{": "}"}


def comprehension(statement: list[str]) -> Optional[list[str]]:
    """*statement* (``return`` and a comprehension, on one line or exploded on four) as
    black writes it; None when it is not that plain."""
    lines = [_quotes(line) for line in statement]
    if any(line is None or _MAGIC_COMMA.search(line) for line in lines):
        return None
    found = _HEAD.match(lines[0])  # type: ignore[arg-type]
    if found is None:
        return None
    pad, lead, opening = found.groups()
    closing = _CLOSE[opening]
    if len(lines) == 1:
        inside = lines[0][found.end() :]  # type: ignore[index]
        if not inside.endswith(closing):
            return None
        parts = _split_clause(inside[:-1])
        if parts is None:
            return None
        element, clause = parts
    elif len(lines) == 4 and lines[0] == found.group() and lines[3] == pad + closing:
        element, clause = (line.strip() for line in lines[1:3])  # type: ignore[union-attr]
    else:
        return None
    if not _plain(element, _ELEMENT) or not _plain(clause, _CLAUSE):
        return None
    return _layout(pad, lead, opening, element, clause, closing)


def _layout(pad: str, lead: str, opening: str, element: str, clause: str, closing: str) -> Optional[list[str]]:
    inner = pad + "    "
    whole = f"{pad}{lead}{opening}{element} {clause}{closing}"
    if _fits(whole):
        return [whole]
    head, tail = f"{pad}{lead}{opening}", pad + closing
    if not _fits(head):
        return None
    if _fits(f"{inner}{element} {clause}"):
        return [head, f"{inner}{element} {clause}", tail]
    if not _fits(inner + clause):
        return None
    if _fits(inner + element):
        return [head, inner + element, inner + clause, tail]
    call = _split_call(inner, element) or _split_key(inner, element)
    return None if call is None else [head, *call, inner + clause, tail]


def _split_call(pad: str, element: str) -> Optional[list[str]]:
    """*element* (ending in a call or a parenthesised value) split at those parentheses,
    as black splits it: a call's arguments on one line, else one a line; what the
    parentheses of a value hold on one line (else black splits it at its own delimiters)."""
    flat = _flat(element) if element.endswith(")") else None
    if flat is None:
        return None
    at = flat.rindex("(")
    if at == 0 or not _fits(pad + element[: at + 1]):
        return None
    head, body = element[: at + 1], element[at + 1 : -1]
    if head.endswith(" ("):  # a parenthesised value, not a call
        return _parts(pad, head, [body], ")")
    items = _items(body)
    if not items:
        return None
    return _parts(pad, head, [body], ")") or _parts(pad, head, [item + "," for item in items], ")")


#: A dict entry whose key is in parentheses and whose value is a call, flattened.
_KEYED_CALL = re.compile(r"\(\): \w+(?:\.\w+)?\(\)")


def _split_key(pad: str, element: str) -> Optional[list[str]]:
    """*element*, ``(key): call(...)``, split at the key's parentheses: what black does
    when splitting at the call's leaves a first line too long (it then leaves the call's
    parentheses out of the split, and the key's are the last ones before them)."""
    flat = _flat(element)
    if flat is None or not _KEYED_CALL.fullmatch(flat.replace("\0", "")):
        return None
    if _fits(pad + element[: flat.rindex("(") + 1]):
        return None  # black splits at the call
    end = flat.index(")")
    lines = [pad + "(", pad + "    " + element[1:end], pad + element[end:]]
    return lines if all(_fits(line) for line in lines) else None


def _split_clause(inside: str) -> Optional[tuple[str, str]]:
    """The element and the ``for`` clause of a comprehension's inside."""
    flat = _flat(inside)
    if flat is None or flat.count(" for ") != 1:
        return None
    at = flat.index(" for ")
    return inside[:at], inside[at + 1 :]


def _plain(text: str, shape: re.Pattern[str]) -> bool:
    """Whether *text*, without what its brackets hold, has *shape*."""
    flat = _flat(text)
    return flat is not None and shape.fullmatch(flat.replace("\0", "")) is not None


def _flat(text: str) -> Optional[str]:
    """*text* with what its brackets and strings hold replaced by NULs (same length);
    None when it has a comment, a backslash or unbalanced brackets.

    The outermost brackets are found among the tokens, not by a second pass over every
    character: tests/format/test_layout_shortcuts.py compares the two."""
    out = list(text)
    depth = 0
    opened = 0
    insides: list[tuple[int, int]] = []  # what each outermost pair of brackets holds
    for match in _TOKEN.finditer(text):
        token = match.group()
        if match.group(1):  # a string: its text blanked, its quotes kept
            out[match.start() + 1 : match.end() - 1] = "\0" * (match.end() - match.start() - 2)
        elif token in "([{":
            if not depth:
                opened = match.end()
            depth += 1
        elif token in ")]}":
            depth -= 1
            if depth < 0:
                return None
            if not depth:
                insides.append((opened, match.start()))
        else:
            return None  # a comment, a backslash, odd spaces
    if depth:
        return None
    for start, end in insides:  # blank what lies inside brackets, keeping the outermost brackets
        out[start:end] = "\0" * (end - start)
    return "".join(out)
