"""black's output for the code docgen's own templates write, with black run only where needed.

Part of stage 6 (emit).  black parses a whole module before it formats a line, so
formatting every generated module cost more than everything else a build does.
Most lines docgen writes are already as black would write them: short, spaced as
black spaces.  :func:`format_code` keeps those lines (with black's double quotes),
splits the too long statements whose layout is plain (imports, function headers, calls
standing alone, returned or assigned) as black splits them, and has black format only
the other statements: all of them of a module in one call, each wrapped in ``if _:``
blocks to the depth it stands at, since black lays out a statement from its text and
its depth alone (a docstring goes into a class of its own, to be one).

Anything this module does not recognise goes to black whole (comments, backslashes,
decorators or ``else:`` too long for a line ...).  The blank lines between statements
are taken as the templates write them, within black's limits.  So the module relies on
docgen's templates, and the tests (tests/emit/test_black_stable.py) compare its result
with black's over the specs/ tree, the fixture trees, the corpus and random statements
of the shapes it splits.  Code from a user's templates is formatted by black alone.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from .assignments import assignment
from .calls import assigned_call
from .comprehensions import comprehension
from .docstrings import kept_docstring
from .grammar import split_line
from .statements import (
    LINE_LENGTH,
    Unhandled,
    indent,
    is_comment,
    is_docstring,
    next_code_indent,
    opens_long_string,
    plain,
    read_statement,
)

__all__ = ["LINE_LENGTH", "format_code"]

#: Headers that take a block: black formats them with a ``pass`` body.
_HEADER = re.compile(r"(def|class|if|for|while|with|async def) ")

_MARK = "__docgen_layout__"
_DEFINITIONS = ("def ", "class ", "async def ", "@")


def format_code(source: str, black: Callable[[str], str]) -> str:
    """*source* as *black* (one pass of black) formats it, calling *black* on as little as possible."""
    try:
        return _format(source, black)
    except Unhandled:
        return black(source)


def _format(source: str, black: Callable[[str], str]) -> str:
    lines = source.split("\n")
    out: list[str] = []  # finished lines; _MARK where black's layout of a statement goes
    needy: list[tuple[int, int, list[str], bool]] = []  # (index in out, depth, statement lines, docstring)
    single, append, extend = _SINGLE.get, out.append, out.extend  # looked up once: run for every line
    index, count = 0, len(lines)
    while index < count:
        line = lines[index]
        if not line:
            append("")
            index += 1
            continue
        kept = single(line, _UNKNOWN)
        if kept is not _UNKNOWN:  # a statement on one line met before: laid out as then
            index += 1
            if kept is not None:
                extend(kept)
                continue
            statement, docstring = [line], False
        elif line.isspace():  # spaces alone: never remembered
            out.append("")
            index += 1
            continue
        else:
            statement, index = read_statement(lines, index)
            if is_comment(statement[0]) and indent(statement[0]) != next_code_indent(lines, index):
                raise Unhandled  # black moves a comment to the indentation of the code after it
            docstring = False
            if len(statement) > 1 and opens_long_string(statement[0]):
                # A string over several lines: black leaves it as it is unless it is a docstring.
                previous = next((line for line in reversed(out) if line), "")
                if previous and not previous.endswith(":"):
                    out.append("\n".join(statement))  # one piece: its blank lines are the string's
                    continue
                docstring = True  # black formats docstrings: the first statement of a module or block
            kept = kept_docstring(statement) if docstring else _kept(statement)
            if len(statement) == 1 and not is_comment(line):
                _remember(line, kept)
            if kept is not None:
                out.extend(kept)
                continue
        depth, rest = divmod(len(statement[0]) - len(statement[0].lstrip(" ")), 4)
        if rest:
            raise Unhandled
        needy.append((len(out), depth, statement, docstring))
        out.append(_MARK)
    if needy:
        formatted = _black_statements([item[1:] for item in needy], black)
        done: list[str] = []
        position = 0
        for (at, *_), text in zip(needy, formatted):
            done.extend(out[position:at])
            done.extend(text)
            position = at + 1
        done.extend(out[position:])
        out = done
    return _blank_lines(out)


def _kept(statement: list[str]) -> Optional[list[str]]:
    """*statement* as black writes it, when one of the plain layouts knows; None for black.
    A statement over several lines met before is laid out as then (the same exploded calls
    and comprehensions come back in module after module)."""
    if len(statement) == 1:
        return _lay_out(statement)
    key = tuple(statement)
    kept = _MULTI.get(key, _UNKNOWN)
    if kept is _UNKNOWN:
        kept = _remembered(_MULTI, key, _lay_out(statement), 20_000)
    return kept  # type: ignore[return-value]


def _lay_out(statement: list[str]) -> Optional[list[str]]:
    return (
        plain(statement)
        or comprehension(statement)
        or assigned_call(statement)
        or assignment(statement)
        or split_line(statement)
    )


#: Statements on one line met before in this process, with what :func:`plain` (or
#: :func:`comprehension`) made of them: a build writes the same lines in many modules.
_SINGLE: dict[str, Optional[list[str]]] = {}
#: The same for statements over several lines, keyed by their lines.
_MULTI: dict[tuple[str, ...], Optional[list[str]]] = {}
_UNKNOWN = object()


def _remember(line: str, kept: Optional[list[str]]) -> None:
    _remembered(_SINGLE, line, kept, 200_000)


def _remembered(cache: dict[Any, Any], key: Any, value: Any, limit: int) -> Any:
    """*value*, kept under *key* in *cache*, which is emptied past *limit* entries (a
    bounded memory, whatever a process builds)."""
    if len(cache) > limit:
        cache.clear()
    cache[key] = value
    return value


#: Statements black laid out before in this process: a build repeats many (the same
#: docstring and the same ``raise`` in every response model, say).
_LAID_OUT: dict[tuple[Callable[[str], str], int, tuple[str, ...], bool], list[str]] = {}


def _black_statements(statements: list[tuple[int, list[str], bool]], black: Callable[[str], str]) -> list[list[str]]:
    """Each statement as black formats it at its depth, from what black made of the
    same statement at the same depth before, or else from one call of *black* for all."""
    keys = [(black, depth, tuple(lines), docstring) for depth, lines, docstring in statements]
    new: dict[tuple[Callable[[str], str], int, tuple[str, ...], bool], tuple[int, list[str], bool]] = {}
    for key, statement in zip(keys, statements):
        if key not in _LAID_OUT:
            new.setdefault(key, statement)
    if new:
        if len(_LAID_OUT) > 50_000:
            _LAID_OUT.clear()
        _LAID_OUT.update(zip(new, _black_batch(list(new.values()), black)))
    return [list(_LAID_OUT[key]) for key in keys]


def _black_batch(statements: list[tuple[int, list[str], bool]], black: Callable[[str], str]) -> list[list[str]]:
    """Each statement as black formats it at its depth: one call of *black* for all.
    (depth, lines, docstring): a docstring goes first in a class of its own, to be one."""
    parts = []
    for number, (depth, lines, docstring) in enumerate(statements):
        first = lines[0].strip()
        header = lines[-1].rstrip().endswith(":")
        if header and not _HEADER.match(first):
            raise Unhandled  # else:, except ...: cannot stand alone
        if first.startswith("@") or (first.startswith(('"', "'")) and not docstring):
            raise Unhandled  # decorators and strings depend on what surrounds them
        if docstring and depth == 0 and number:
            raise Unhandled
        body = [" " * (4 * (depth + 1)) + "pass"] if header else []
        parts.append("\n".join([*_wrapper(depth, docstring), *lines, *body, _MARK]))
    try:
        formatted = black("\n".join(parts) + "\n").split("\n")
    except Exception as exc:  # a statement that cannot stand apart: black formats the whole module
        raise Unhandled from exc
    results: list[list[str]] = []
    current: list[str] = []
    for line in formatted:
        if line == _MARK:
            results.append(current)
            current = []
        else:
            current.append(line)
    if len(results) != len(statements) or any(line.strip() for line in current):
        raise Unhandled
    cleaned = []
    for (depth, lines, docstring), result in zip(statements, results):
        position = 0
        for expected in _wrapper(depth, docstring):  # black may put blank lines between them
            while position < len(result) and not result[position].strip():
                position += 1
            if position == len(result) or result[position] != expected:
                raise Unhandled
            position += 1
        result = _strip_blank(result[position:])
        if lines[-1].rstrip().endswith(":"):
            if not result or result[-1] != " " * (4 * (depth + 1)) + "pass":
                raise Unhandled
            result = result[:-1]
        cleaned.append(["\n".join(result)] if docstring else result)  # a docstring's blank lines are its own
    return cleaned


def _wrapper(depth: int, docstring: bool) -> list[str]:
    """The lines that put a statement at *depth*: ``if _:`` blocks, or for a docstring
    ``if _:`` blocks and a class."""
    if docstring and depth:
        return [" " * (4 * level) + "if _:" for level in range(depth - 1)] + [" " * (4 * (depth - 1)) + "class _:"]
    return [" " * (4 * level) + "if _:" for level in range(depth)]


def _strip_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _blank_lines(lines: list[str]) -> str:
    """Lines joined, with at most two blank lines in a row and none at either end.

    What the rules need of a line (its indentation, whether it opens a definition ...)
    is read once per distinct line (:func:`_shape`): a build repeats its lines in module
    after module, and reading them again was a good part of the formatting stage."""
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    kept: list[str] = []
    blank = 0
    after_import = False  # the last statement at the top level is an import
    definitions: list[int] = []  # the indentation of each def or class whose body may go on
    previous_colon = previous_definition = False  # the last line kept ends a header; opens a definition
    after_docstring = False  # the line before is the module's first, a docstring
    shapes, keep = _SHAPES.get, kept.append
    for line in lines:
        if not line:
            blank += 1
            continue
        shape = shapes(line) or _learn_shape(line)
        depth, closing, opens_definition, definition, colon, imports = shape
        if not closing and (opens_definition or (definitions and definitions[-1] >= depth)):
            _after_definitions(depth, definition, opens_definition, definitions, blank)
        if depth and previous_colon and definition and not previous_definition:
            raise Unhandled  # black's blank lines before a definition opening a block
        if after_docstring:
            after_docstring = False
            if not (opens_definition and not depth):
                blank = 1  # black: one blank line after the module's docstring
        if blank:
            most = 1 if depth or (after_import and not definition) else 2
            # black: one blank line inside a block, and between imports and the code after them
            kept.extend([""] * min(blank, most))
        blank = 0
        if not depth and not closing:
            after_import = imports
        if not kept:
            after_docstring = is_docstring(line)
        keep(line)
        previous_colon, previous_definition = colon, definition
    return "\n".join(kept) + "\n"


#: Per distinct line, what :func:`_blank_lines` needs of it (see :func:`_shape`).
_SHAPES: dict[str, tuple[int, bool, bool, bool, bool, bool]] = {}


def _learn_shape(line: str) -> tuple[int, bool, bool, bool, bool, bool]:
    return _remembered(_SHAPES, line, _shape(line), 200_000)  # type: ignore[no-any-return]


def _shape(line: str) -> tuple[int, bool, bool, bool, bool, bool]:
    """(indentation, closes a bracket first, opens a def or class, opens a definition or
    decorates one, ends with ``:``, is an import) of a line that is not blank.

    Read from the first character after the indentation, the line itself compared from
    there (no stripped copy of it): a build has tens of thousands of distinct lines."""
    depth = len(line) - len(line.lstrip(" ")) if line.startswith(" ") else 0
    if depth == len(line):  # spaces alone
        return depth, False, False, False, line.endswith(":"), False
    first = line[depth]
    opens_definition = first in "dca" and line.startswith(("def ", "class ", "async def "), depth)
    return (
        depth,
        first in ")]}",
        opens_definition,
        opens_definition or first == "@",
        line.endswith(":"),
        first in "fi" and line.startswith(("from ", "import "), depth),
    )


def _after_definitions(
    depth: int, definition: bool, opens_definition: bool, definitions: list[int], blank: int
) -> None:
    """Keep *definitions* (the indentation of the defs and classes open before a line at
    *depth*, not the end of a statement over several lines) up to date; Unhandled where
    black puts more blank lines after a body than *blank*: black sets two before the next
    statement at the top level, one inside a block."""
    if definitions and definitions[-1] >= depth:
        while definitions and definitions[-1] >= depth:
            definitions.pop()
        if not definition and blank < (1 if depth else 2):
            raise Unhandled
    if opens_definition:
        definitions.append(depth)
