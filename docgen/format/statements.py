"""Reading generated code a statement at a time, and splitting the plain ones as black would.

Part of the formatting stage: :mod:`docgen.format.layout` keeps the lines black would
keep, splits with :func:`plain` the too long statements whose layout is plain (imports,
function headers, calls standing alone, returned or assigned) and leaves the others to
black.  :class:`Unhandled` means "leave the whole module to black".
"""

from __future__ import annotations

import re
from typing import Optional

from .literals import _bracket_change, _code, _comment, _odd, _quotes  # noqa: F401 (_quotes: for the layouts)

#: black's line length for generated code (emit.BLACK_MODE).
LINE_LENGTH = 88

#: A string literal on one line, a bracket, or something this module leaves to black.
_TOKEN = re.compile(r"""[A-Za-z_0-9]?("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|[()\[\]{}]|#|\\|\t|\r|\f""")
#: Parentheses black would take away: around the whole right-hand side of ``=`` or ``return``.
_REDUNDANT = re.compile(r"^ *(return|if|elif|while) \(|[^=!<>]= \((?!\w+(?:, \w+)+\)$)")
#: A trailing comma before a closing bracket: black splits the line there.
_MAGIC_COMMA = re.compile(r",\s*[)\]}]")


def _redundant(line: str) -> bool:
    """Whether *line* has parentheses black would take away (:data:`_REDUNDANT`).  Every
    match holds " (": a line without it, most lines, is not searched (a search tries the
    pattern at every position of the line)."""
    return " (" in line and _REDUNDANT.search(line) is not None


class Unhandled(Exception):
    """The module has something :func:`format_code` leaves to black whole."""


def is_comment(line: str) -> bool:
    """Whether *line* is a comment alone (no stripped copy made of the many lines without ``#``)."""
    return "#" in line and line.lstrip(" ").startswith("#")


def opens_long_string(line: str) -> bool:
    """Whether *line* starts with a triple-quoted string (checked as :func:`is_comment`)."""
    return '"""' in line and line.lstrip(" ").startswith('"""')


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def next_code_indent(lines: list[str], index: int) -> int:
    """The indentation of the first line from *index* on that is neither blank nor a comment."""
    for line in lines[index:]:
        text = line.lstrip(" ")
        if text and not text.startswith("#"):
            return len(line) - len(text)
    return 0


def read_statement(lines: list[str], index: int) -> tuple[list[str], int]:
    """The physical lines of the statement (or block header) starting at *index*, and the
    index after it: lines are joined while a bracket is open."""
    if index >= len(lines):
        raise Unhandled
    if opens_long_string(lines[index]):
        if is_docstring(lines[index]):
            return lines[index : index + 1], index + 1
        return _long_string(lines, index)
    depth = 0
    start, count = index, len(lines)
    while index < count:
        line = lines[index]
        code = _code(line)
        if _odd(code):
            raise Unhandled  # a backslash, a tab: black decides
        depth += _bracket_change(code)
        if '"""' in line and line.count('"""') != 2:
            raise Unhandled  # a string over several lines
        index += 1
        if depth <= 0:
            if depth < 0:
                raise Unhandled
            return lines[start:index], index
    raise Unhandled


def _long_string(lines: list[str], start: int) -> tuple[list[str], int]:
    """The lines of a statement that is only a triple-quoted string over several lines."""
    if lines[start].count('"""') != 1:
        raise Unhandled
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if '"""' in line:
            if line.count('"""') != 1 or not line.endswith('"""'):
                raise Unhandled
            return lines[start : index + 1], index + 1
    raise Unhandled


def plain(statement: list[str]) -> Optional[list[str]]:
    """*statement* as black writes it, when that needs no more than its quotes changed;
    None when black must lay it out."""
    if len(statement) == 1:
        if is_docstring(statement[0]):
            return statement  # black does not split strings, nor change these
        if is_comment(statement[0]):
            if statement[0].endswith(" ") or not _comment(statement[0], statement[0].index("#")):
                raise Unhandled  # a comment alone cannot be formatted apart
            return statement
        line = _quotes(statement[0])
        if line is None or _redundant(line) or _MAGIC_COMMA.search(line):
            return None
        return [line] if _fits(line) else None if "#" in line else _split(line)
    # A call or display exploded one element a line, with a trailing comma: black keeps it.
    head, *body, tail = statement
    indent = len(head) - len(head.lstrip(" "))
    if not body and head.endswith("(") and tail == " " * indent + ")":
        return plain([head + ")"])  # an empty call over two lines: black joins it
    if not head.endswith(("(", "[", "{")) or tail.strip() not in (")", "]", "}"):
        return None
    if len(tail) - len(tail.lstrip(" ")) != indent or not body:
        return None
    if _redundant(head + ")") and not (head.endswith(" (") and len(body) > 1):
        return None  # parentheses opening a tuple of two or more (with its magic comma) stay
    if not head.lstrip(" ").startswith(("return ", "result", "f_")) and "=" not in head:
        return None
    inner = " " * (indent + 4)
    result = []
    for line in statement:
        fixed = _quotes(line)
        if (
            fixed is None
            or _MAGIC_COMMA.search(fixed)
            or _depth(fixed) != (1 if line is head else -1 if line is tail else 0)
        ):
            return None
        if line is not head and line is not tail:
            if not fixed.startswith(inner) or fixed[len(inner)] == " " or not fixed.endswith(","):
                return None
            if not _fits(fixed):
                split = _keyword_call(fixed, inner) or _split_element(fixed)
                if split is None:
                    return None
                result.extend(split)
                continue
        elif not _fits(fixed):
            return None
        result.append(fixed)
    return result


def _split_element(line: str) -> Optional[list[str]]:
    from .grammar import split_element  # grammar.py builds on this module

    return split_element(line)


#: An argument ``name=function(arguments),`` with no brackets or strings among the arguments.
_KEYWORD_CALL = re.compile(r"( +)(\w+=\w+(?:\.\w+)?\()([^()\[\]{}\"'#]+)(\),)")


def _keyword_call(line: str, inner: str) -> Optional[list[str]]:
    """An argument line too long, split at its call's parentheses as black splits it (the
    head left too long when it is)."""
    found = _KEYWORD_CALL.fullmatch(line)
    if found is None or found.group(1) != inner:
        return None
    _, head, body, tail = found.groups()
    items = _items(body)
    return None if not items else _call_parts(inner, head, body, items, tail, long_head=True)


#: ``from module import a, b``: black puts the names in parentheses, one a line.
_IMPORT = re.compile(r"from ([\w.]+) import (\w+(?: as \w+)?(?:, \w+(?: as \w+)?)*)")
#: ``def name(parameters) -> annotation:`` with no parentheses or strings among the parameters.
_DEF = re.compile(r"((?:async )?def \w+\()([^()\"'#]*)(\)(?: -> [^()\"'#]+)?:)")
#: ``name.name(arguments)`` as a statement, with no brackets among the arguments.
_CALL = re.compile(r"([\w.]+\()(.*)(\))")
#: ``return name(arguments)`` and ``name = name(arguments)``.
_RESULT = re.compile(r"(return |\w+ = |\w+: [\w.\[\], |]+ = |\w+\[\"[^\"\\\\]*\"\] = )([\w.]+\()(.*)(\))")


def _split(line: str) -> Optional[list[str]]:
    """A line too long, as black splits it: for imports, function headers and calls
    standing alone, whose parts then fit; None for anything else."""
    text = line.lstrip(" ")
    pad = line[: len(line) - len(text)]
    inner = pad + "    "
    found = _IMPORT.fullmatch(text)
    if found:
        return [
            f"{pad}from {found.group(1)} import (",
            *(f"{inner}{n}," for n in found.group(2).split(", ")),
            f"{pad})",
        ]
    found = _DEF.fullmatch(text)
    if found:
        head, body, tail = found.groups()
        items = _items(body)
        if items is None:
            return None
        long_head = not _fits(pad + head)  # a name too long for a line: black splits after it all the same
        if len(items) == 1:
            # black adds a comma after a def's only parameter; black 24 did not when the
            # parameter's annotation held a comma (dict[str, X]): written here as black 25+ writes it
            return _parts(pad, head, [body + ","], tail, long_head)
        return _parts(pad, head, [body], tail, long_head) or _parts(
            pad, head, [item + "," for item in items], tail, long_head
        )
    found = _RESULT.fullmatch(text) or _CALL.fullmatch(text)
    if found is None or text.startswith(("del ", "assert ", "raise ", "yield ", "await ")):
        return None
    lead, head, body, tail = found.groups() if found.re is _RESULT else ("", *found.groups())
    items = _items(body)
    if not items:
        return None
    if lead and not _fits(pad + lead + head):
        if ":" in lead:
            return None  # black may put the annotation in parentheses
        # black keeps the call whole in parentheses of its own when it then fits, or
        # splits it there when its head fits there; else it leaves the head too long
        whole = [pad + lead + "(", inner + head + body + tail, pad + ")"]
        if _fits(whole[1]):
            return whole
        if _fits(inner + head):
            split = _call_parts(inner, head, body, items, tail)
            return None if split is None else [whole[0], *split, whole[2]]
        if "[" in lead:
            return None  # black keeps the parentheses after a subscript, the head too long in them
        return _call_parts(pad, lead + head, body, items, tail, long_head=True)
    if lead:
        return _call_parts(pad, lead + head, body, items, tail)
    # a call standing alone: black splits it at its parentheses even when its head or a
    # string among its arguments stays too long (neither can be split)
    return _call_parts(pad, head, body, items, tail, long_head=not _fits(pad + head), long_strings=True)


def _call_parts(
    pad: str, head: str, body: str, items: list[str], tail: str, long_head: bool = False, long_strings: bool = False
) -> Optional[list[str]]:
    """A call split at its parentheses: the arguments on one line, else one a line."""
    return _parts(pad, head, [body], tail, long_head, long_strings) or _parts(
        pad, head, [item + "," for item in items], tail, long_head, long_strings
    )


#: What separates the arguments of a call: strings, brackets and commas.
_ARGUMENT_PARTS = re.compile(r"""("[^"\n]*"|'[^'\n]*')|([(\[{])|([)\]}])|(,)""")


def _items(body: str) -> Optional[list[str]]:
    """The arguments in *body* (the text between a call's parentheses), each as written
    after ``, ``; None when *body* is empty, unbalanced or not spaced as black spaces it."""
    if not _NESTING.search(body) and ('"' not in body or not any("," in part for part in body.split('"')[1::2])):
        return _plain_items(body)  # no brackets, nor a comma in a string: the commas part the items
    return _items_by_tokens(body)


def _items_by_tokens(body: str) -> Optional[list[str]]:
    """:func:`_items` for any *body*: its strings, brackets and commas read one by one."""
    items = []
    depth = start = 0
    for match in _ARGUMENT_PARTS.finditer(body):
        if match.group(2):
            depth += 1
        elif match.group(3):
            depth -= 1
            if depth < 0:
                return None
        elif match.group(4) and depth == 0:
            items.append(body[start : match.start()])
            start = match.end() + 1
            if body[match.end() : start] != " ":
                return None
    items.append(body[start:])
    if depth or not all(item and item.strip() == item for item in items):
        return None
    return items


#: What makes an argument's commas not all separators: brackets, single-quoted strings.
_NESTING = re.compile(r"[()\[\]{}']")


def _plain_items(body: str) -> Optional[list[str]]:
    """:func:`_items` of a *body* whose every comma separates two arguments (checked there);
    tests/format/test_layout_shortcuts.py compares the two ways.  Split at ``, ``: the items are
    the same when every comma has its space (as many commas as separators)."""
    items = body.split(", ")
    if body.count(",") != len(items) - 1:
        return None  # a comma without its space after it
    if "" in items or [item.strip() for item in items] != items:
        return None
    return items


def _parts(
    pad: str, head: str, body: list[str], tail: str, long_head: bool = False, long_strings: bool = False
) -> Optional[list[str]]:
    """``head`` / each of ``body`` one level in / ``tail``, if every line fits (but the
    head, when *long_head*, and with *long_strings* a string alone, which black cannot
    split either)."""
    inner = pad + "    "
    lines = [pad + head, *[inner + b.strip() for b in body], pad + tail]
    for line in lines[long_head:]:
        if not _fits(line) and not (long_strings and _LONE_STRING.fullmatch(line, len(inner))):
            return None
    return lines


#: An element that is one plain string, with the comma after it or not: black leaves it too long.
_LONE_STRING = re.compile(r'"[^"\\\n]*",?')


def is_docstring(line: str) -> bool:
    """A line that is one triple-quoted string and nothing else (as docgen writes docstrings)."""
    if '"""' not in line:
        return False
    text = line.strip()
    return (
        len(text) >= 6
        and text.startswith('"""')
        and text.endswith('"""')
        and text.count('"""') == 2
        and line.rstrip() == line
    )


def _depth(line: str) -> int:
    """How many more brackets *line* opens than it closes (in its code, not its strings or comment)."""
    return _bracket_change(_code(line))


def _fits(line: str) -> bool:
    if line.isascii():
        return len(line) <= LINE_LENGTH
    from black.strings import str_width

    return str_width(line) <= LINE_LENGTH
