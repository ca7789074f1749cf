"""Statements of the plain expression grammar split as black splits them.

Part of the formatting stage: a statement (a condition, a returned, raised or assigned
value) or one element of an exploded call or display, read into black's leaves by
:mod:`docgen.format.expressions` and split by :mod:`docgen.format.splits`.
:func:`split_line` and :func:`split_element` are what the layout calls; anything
outside the grammar is None (black).
"""

from __future__ import annotations

import re
from typing import Optional

from .expressions import Parser, read_tokens
from .splits import COLON, COMMA, EQUAL, NAME, OPERATOR, CannotSplit, Leaf, Line, Unsupported, transform_line
from .statements import _fits, _quotes

#: The statements split here: what opens them, and what closes them.
_STATEMENT = re.compile(r"(?P<head>if |elif |while |return |raise |[A-Za-z_]\w* = )(?P<rest>.*)")


def split_line(statement: list[str]) -> Optional[list[str]]:
    """*statement* (one line) as black writes it, when :func:`split_statement` knows; else None."""
    if len(statement) != 1:
        return None
    line = _quotes(statement[0])
    return None if line is None else split_statement(line)


def split_statement(line: str) -> Optional[list[str]]:
    """*line* (one statement, black's quotes already) split as black splits it, or None."""
    pad = line[: len(line) - len(line.lstrip(" "))]
    text = line[len(pad) :]
    if len(pad) % 4 or (_fits(line) and " (" not in line):
        return None
    found = _STATEMENT.fullmatch(text)
    if found is None:
        return None
    head, rest = found.group("head"), found.group("rest")
    block = head in ("if ", "elif ", "while ")
    if block:
        if not rest.endswith(":"):
            return None
        rest = rest[:-1]
    if rest.startswith("(") and head != "raise ":
        inner = _without_redundant_parentheses(rest)
        if inner is None:
            return None
        rest = inner
        line = pad + head + rest + (":" if block else "")
        if _fits(line):
            return [line]
    elif _fits(line):
        return None
    if rest.startswith(("(", "[", "{", "not (")) or rest.startswith("-"):
        return None
    try:
        leaves = _statement_leaves(head, rest)
        if leaves is None:
            return None
        line_ = Line(len(pad) // 4)
        for leaf in leaves:
            line_.append(leaf, track=True)
        lines = transform_line(line_)
    except (Unsupported, CannotSplit, KeyError, IndexError, ValueError):
        return None
    return [str(part) for part in lines]


def _without_redundant_parentheses(value: str) -> Optional[str]:
    """*value* (a condition, a returned or assigned value) without the parentheses around
    the whole of it, and those right inside them, which black makes invisible
    (normalize_invisible_parens: the outer ones become the statement's optional ones);
    None when the outer ones stay: around a tuple, a named expression or nothing."""
    try:
        tokens = read_tokens(value)
    except Unsupported:
        return None
    if not _redundant(tokens):
        return None
    while _redundant(tokens):
        tokens = tokens[1:-1]
    return "".join(space + text for _, text, space in tokens)[len(tokens[0][2]) :]


def _redundant(tokens: list[tuple[str, str, str]]) -> bool:
    """Whether *tokens* are parentheses around the whole of an expression that black
    makes invisible: not around a tuple, a named expression, an ``await`` or nothing."""
    if len(tokens) < 3 or tokens[0][1] != "(" or tokens[2][1] == ":=" or tokens[1][1] == "await":
        return False
    depth = 0
    for index, (kind, text, _) in enumerate(tokens):
        if kind != "op":
            continue
        if text in "([{":
            depth += 1
        elif text in ")]}":
            depth -= 1
            if depth == 0 and index != len(tokens) - 1:
                return False  # the parentheses close before the end
        elif text == "," and depth == 1:
            return False  # a tuple's
    return True


def _statement_leaves(head: str, rest: str) -> Optional[list[Leaf]]:
    tokens = read_tokens(rest)
    if not tokens or tokens[0][2]:
        return None
    tokens[0] = (tokens[0][0], tokens[0][1], " ")  # after the keyword's space
    parser = Parser(tokens)
    parser.leaves.append(Leaf(NAME, "x", ""))  # a stand-in for the keyword
    parser.test(alone=True)
    if parser.position != len(parser.tokens):
        return None
    expression = parser.leaves[1:]
    expression[0].prefix = expression[0].spaced = ""
    keyword = head.strip()
    opening = Leaf(OPERATOR, "(", " ")
    opening.set_visible(False)
    closing = Leaf(OPERATOR, ")", "")
    closing.set_visible(False)
    if keyword.endswith("="):
        target = keyword[:-1].strip()
        start = [Leaf(NAME, target, ""), Leaf(EQUAL, "=", " ")]
    else:
        start = [Leaf(NAME, keyword, "")]
    if keyword == "raise":  # black gives ``raise`` no optional parentheses
        expression[0].prefix = expression[0].spaced = " "
        return [*start, *expression]
    end = [Leaf(COLON, ":", "")] if keyword in ("if", "elif", "while") else []
    return [*start, opening, *expression, closing, *end]


def split_element(line: str) -> Optional[list[str]]:
    """*line*, one element of a call or display black explodes one element a line (its
    own comma after it, black's quotes already), as black lays it out; None when
    :func:`split_statement`'s grammar does not cover it."""
    pad = line[: len(line) - len(line.lstrip(" "))]
    text = line[len(pad) :]
    if len(pad) % 4 or not text.endswith(",") or _fits(line):
        return None
    try:
        tokens = read_tokens(text[:-1])
        if not tokens or tokens[0][2]:
            return None
        parser = Parser(tokens)
        if tokens[0][0] == "name" and parser.at("=", 1):
            parser.take()  # a keyword argument's name
            parser.take("")
        elif tokens[0][0] == "string" and parser.at(":", 1):
            parser.take()  # a dict entry's key
            parser.take("")
        parser.test()
        if parser.position != len(tokens):
            return None
        element = Line(len(pad) // 4, inside_brackets=True)
        for leaf in [*parser.leaves, Leaf(COMMA, ",", "")]:
            element.append(leaf)
        lines = transform_line(element)
    except (Unsupported, CannotSplit, KeyError, IndexError, ValueError):
        return None
    return [str(part) for part in lines]
