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
from typing import Callable, Optional

#: black's line length for generated code (emit.BLACK_MODE).
LINE_LENGTH = 88

#: A string literal on one line, a bracket, or something this module leaves to black.
_TOKEN = re.compile(r"""[A-Za-z_0-9]?("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|[()\[\]{}]|#|\\|\t|\r|\f""")
#: What this module leaves to black: comments, backslashes, tabs and other odd spaces.
_ODD = re.compile(r"[\\\t\r\f]")
#: Headers that take a block: black formats them with a ``pass`` body.
_HEADER = re.compile(r"(def|class|if|for|while|with|async def) ")
#: Parentheses black would take away: around the whole right-hand side of ``=`` or ``return``.
_REDUNDANT = re.compile(r"^ *(return|if|elif|while) \(|[^=!<>]= \((?!\w+(?:, \w+)+\)$)")
#: A trailing comma before a closing bracket: black splits the line there.
_MAGIC_COMMA = re.compile(r",\s*[)\]}]")

_MARK = "__docgen_layout__"
_DEFINITIONS = ("def ", "class ", "async def ", "@")


class _Unhandled(Exception):
    """The module has something :func:`format_code` leaves to black whole."""


def format_code(source: str, black: Callable[[str], str]) -> str:
    """*source* as *black* (one pass of black) formats it, calling *black* on as little as possible."""
    try:
        return _format(source, black)
    except _Unhandled:
        return black(source)


def _format(source: str, black: Callable[[str], str]) -> str:
    lines = source.split("\n")
    out: list[str] = []  # finished lines; _MARK where black's layout of a statement goes
    needy: list[tuple[int, int, list[str], bool]] = []  # (index in out, depth, statement lines, docstring)
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            out.append("")
            index += 1
            continue
        statement, index = _statement(lines, index)
        if statement[0].lstrip(" ").startswith("#") and _indent(statement[0]) != _next_code_indent(lines, index):
            raise _Unhandled  # black moves a comment to the indentation of the code after it
        if len(statement) > 1 and statement[0].lstrip(" ").startswith('"""'):
            # A string over several lines: black leaves it as it is unless it is a docstring.
            previous = next((line for line in reversed(out) if line), "")
            if previous and not previous.endswith(":"):
                out.append("\n".join(statement))  # one piece: its blank lines are the string's
                continue
            docstring = True  # black formats docstrings: the first statement of a module or block
        else:
            docstring = False
        kept = None if docstring else _plain(statement)
        if kept is not None:
            out.extend(kept)
        else:
            depth, rest = divmod(len(statement[0]) - len(statement[0].lstrip(" ")), 4)
            if rest:
                raise _Unhandled
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


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _next_code_indent(lines: list[str], index: int) -> int:
    """The indentation of the first line from *index* on that is neither blank nor a comment."""
    for line in lines[index:]:
        text = line.lstrip(" ")
        if text and not text.startswith("#"):
            return len(line) - len(text)
    return 0


def _statement(lines: list[str], index: int) -> tuple[list[str], int]:
    """The physical lines of the statement (or block header) starting at *index*, and the
    index after it: lines are joined while a bracket is open."""
    depth = 0
    start = index
    while index < len(lines):
        if index == start and lines[index].lstrip(" ").startswith('"""'):
            if _docstring(lines[index]):
                return lines[start : index + 1], index + 1
            return _long_string(lines, index)
        line = lines[index]
        if "'" not in line and '"' not in line and "#" not in line:  # no strings: count the brackets
            if _ODD.search(line):
                raise _Unhandled
            depth += line.count("(") + line.count("[") + line.count("{")
            depth -= line.count(")") + line.count("]") + line.count("}")
        else:
            for match in _TOKEN.finditer(line):
                token = match.group()
                if token in "([{":
                    depth += 1
                elif token in ")]}":
                    depth -= 1
                elif token == "#":
                    break  # a comment to the end of the line
                elif not match.group(1):
                    raise _Unhandled  # a backslash, a tab: black decides
        if '"""' in lines[index] and lines[index].count('"""') != 2:
            raise _Unhandled  # a string over several lines
        index += 1
        if depth <= 0:
            if depth < 0:
                raise _Unhandled
            return lines[start:index], index
    raise _Unhandled


def _long_string(lines: list[str], start: int) -> tuple[list[str], int]:
    """The lines of a statement that is only a triple-quoted string over several lines."""
    if lines[start].count('"""') != 1:
        raise _Unhandled
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if '"""' in line:
            if line.count('"""') != 1 or not line.endswith('"""'):
                raise _Unhandled
            return lines[start : index + 1], index + 1
    raise _Unhandled


def _plain(statement: list[str]) -> Optional[list[str]]:
    """*statement* as black writes it, when that needs no more than its quotes changed;
    None when black must lay it out."""
    if len(statement) == 1:
        if _docstring(statement[0]):
            return statement  # black does not split strings, nor change these
        if statement[0].lstrip(" ").startswith("#"):
            if statement[0].endswith(" ") or not _comment(statement[0], statement[0].index("#")):
                raise _Unhandled  # a comment alone cannot be formatted apart
            return statement
        line = _quotes(statement[0])
        if line is None or _REDUNDANT.search(line) or _MAGIC_COMMA.search(line):
            return None
        return [line] if _fits(line) else None if "#" in line else _split(line)
    # A call or display exploded one element a line, with a trailing comma: black keeps it.
    head, *body, tail = statement
    indent = len(head) - len(head.lstrip(" "))
    if not head.endswith(("(", "[", "{")) or tail.strip() not in (")", "]", "}"):
        return None
    if len(tail) - len(tail.lstrip(" ")) != indent or not body or _REDUNDANT.search(head + ")"):
        return None
    if not head.lstrip(" ").startswith(("return ", "result", "f_")) and "=" not in head:
        return None
    inner = " " * (indent + 4)
    result = []
    for line in statement:
        fixed = _quotes(line)
        if (
            fixed is None
            or not _fits(fixed)
            or _MAGIC_COMMA.search(fixed)
            or _depth(fixed) != (1 if line is head else -1 if line is tail else 0)
        ):
            return None
        result.append(fixed)
    for line in result[1:-1]:
        if not line.startswith(inner) or line[len(inner)] == " " or not line.endswith(","):
            return None
    return result


#: ``from module import a, b``: black puts the names in parentheses, one a line.
_IMPORT = re.compile(r"from ([\w.]+) import (\w+(?: as \w+)?(?:, \w+(?: as \w+)?)*)")
#: ``def name(parameters) -> annotation:`` with no parentheses or strings among the parameters.
_DEF = re.compile(r"((?:async )?def \w+\()([^()\"'#]*)(\)(?: -> [^()\"'#]+)?:)")
#: ``name.name(arguments)`` as a statement, with no brackets among the arguments.
_CALL = re.compile(r"([\w.]+\()(.*)(\))")
#: ``return name(arguments)`` and ``name = name(arguments)``.
_RESULT = re.compile(r"(return |\w+ = |\w+: [\w.]+(?: \| None)? = |\w+\[\"[^\"\\\\]*\"\] = )([\w.]+\()(.*)(\))")


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
        if len(items) == 1:
            # black adds a comma after a def's only parameter; black 24 did not when the
            # parameter's annotation held a comma (dict[str, X]): written here as black 25+ writes it
            return _parts(pad, head, [body + ","], tail)
        return _parts(pad, head, [body], tail) or _parts(pad, head, [item + "," for item in items], tail)
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
        # black keeps the call whole in parentheses of its own when it then fits
        whole = [pad + lead + "(", inner + head + body + tail, pad + ")"]
        return whole if _fits(whole[1]) else None
    return _parts(pad, lead + head, [body], tail) or _parts(pad, lead + head, [item + "," for item in items], tail)


#: What separates the arguments of a call: strings, brackets and commas.
_ARGUMENT_PARTS = re.compile(r"""("[^"\n]*"|'[^'\n]*')|([(\[{])|([)\]}])|(,)""")


def _items(body: str) -> Optional[list[str]]:
    """The arguments in *body* (the text between a call's parentheses), each as written
    after ``, ``; None when *body* is empty, unbalanced or not spaced as black spaces it."""
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


def _parts(pad: str, head: str, body: list[str], tail: str) -> Optional[list[str]]:
    """``head`` / each of ``body`` one level in / ``tail``, if every line fits."""
    lines = [pad + head, *(pad + "    " + b.strip() for b in body), pad + tail]
    return lines if all(_fits(line) for line in lines) else None


def _docstring(line: str) -> bool:
    """A line that is one triple-quoted string and nothing else (as docgen writes docstrings)."""
    text = line.strip()
    return (
        len(text) >= 6
        and text.startswith('"""')
        and text.endswith('"""')
        and text.count('"""') == 2
        and line.rstrip() == line
    )


def _depth(line: str) -> int:
    change = 0
    for match in _TOKEN.finditer(line):
        token = match.group()
        if token == "#":
            break
        change += 1 if token in "([{" else -1 if token in ")]}" else 0
    return change


def _quotes(line: str) -> Optional[str]:
    """*line* with black's quotes: ``'text'`` becomes ``"text"`` when *text* has no ``"``;
    None for a string black might change otherwise (prefixed, escaped, triple-quoted)."""
    if line.endswith(" "):
        return None
    if "'" not in line and '"' not in line and "#" not in line:
        return line
    pieces = []
    position = 0
    for match in _TOKEN.finditer(line):
        literal = match.group(1)
        if match.group() == "#":
            if not _comment(line, match.start()):
                return None
            break
        if not literal:
            continue
        if match.group() != literal:
            return None  # a prefix (f"", b""): black may change its case
        if "\\" in literal:
            if literal.startswith("'") or '\\"' in literal:
                return None  # black may choose other quotes to need fewer escapes
            continue
        if literal.startswith("'"):
            if '"' in literal:
                continue
            pieces.append(line[position : match.start()])
            pieces.append('"' + literal[1:-1] + '"')
            position = match.end()
    if not pieces:
        return line
    pieces.append(line[position:])
    return "".join(pieces)


def _comment(line: str, start: int) -> bool:
    """Whether the comment at *start* of *line* is as black writes comments: ``# text``
    (or ``#:``), alone on its line or two spaces after the code."""
    comment, code = line[start:], line[:start]
    if not (comment == "#" or comment.startswith(("# ", "#:"))):
        return False
    return not code.strip() or (code.endswith("  ") and not code.endswith("   "))


def _fits(line: str) -> bool:
    if line.isascii():
        return len(line) <= LINE_LENGTH
    from black.strings import str_width

    return str_width(line) <= LINE_LENGTH


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
            raise _Unhandled  # else:, except ...: cannot stand alone
        if first.startswith("@") or (first.startswith(('"', "'")) and not docstring):
            raise _Unhandled  # decorators and strings depend on what surrounds them
        if docstring and depth == 0 and number:
            raise _Unhandled
        body = [" " * (4 * (depth + 1)) + "pass"] if header else []
        parts.append("\n".join([*_wrapper(depth, docstring), *lines, *body, _MARK]))
    try:
        formatted = black("\n".join(parts) + "\n").split("\n")
    except Exception as exc:  # a statement that cannot stand apart: black formats the whole module
        raise _Unhandled from exc
    results: list[list[str]] = []
    current: list[str] = []
    for line in formatted:
        if line == _MARK:
            results.append(current)
            current = []
        else:
            current.append(line)
    if len(results) != len(statements) or any(line.strip() for line in current):
        raise _Unhandled
    cleaned = []
    for (depth, lines, docstring), result in zip(statements, results):
        position = 0
        for expected in _wrapper(depth, docstring):  # black may put blank lines between them
            while position < len(result) and not result[position].strip():
                position += 1
            if position == len(result) or result[position] != expected:
                raise _Unhandled
            position += 1
        result = _strip_blank(result[position:])
        if lines[-1].rstrip().endswith(":"):
            if not result or result[-1] != " " * (4 * (depth + 1)) + "pass":
                raise _Unhandled
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
    """Lines joined, with at most two blank lines in a row and none at either end."""
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    kept: list[str] = []
    blank = 0
    after_import = False  # the last statement at the top level is an import
    for line in lines:
        if not line:
            blank += 1
            continue
        top = not line.startswith(" ")
        if not top and kept and kept[-1].endswith(":") and line.lstrip(" ").startswith(_DEFINITIONS):
            if not kept[-1].lstrip(" ").startswith(_DEFINITIONS):
                raise _Unhandled  # black's blank lines before a definition opening a block
        if len(kept) == 1 and _docstring(kept[0]) and not line.startswith(("def ", "class ", "async def ")):
            blank = 1  # black: one blank line after the module's docstring
        if blank:
            most = 2 if top else 1
            if top and after_import and not line.startswith(("def ", "class ", "@", "async def ")):
                most = 1  # black: one blank line between imports and the code after them
            kept.extend([""] * min(blank, most))
        blank = 0
        if top and not line.startswith((")", "]", "}")):
            after_import = line.startswith(("from ", "import "))
        kept.append(line)
    return "\n".join(kept) + "\n"
