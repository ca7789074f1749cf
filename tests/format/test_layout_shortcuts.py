"""The formatting stage's shortcuts give what the plain loops they replace gave.

docgen/format/ reads a line's brackets and quotes with one regular expression
substitution, checks for parentheses black takes away only on lines holding " (", and
reads what the blank-line rules need of a line once per distinct line.  Each is compared
here, on many random lines over the characters that matter, with the loop it replaced
(kept below as it was written)."""

from __future__ import annotations

import random
import re
from typing import Optional

import pytest

from docgen.format import comprehensions, layout, literals, statements
from docgen.format.statements import _TOKEN, Unhandled, _comment

# --- the loops as they were ---------------------------------------------------------------------


def depth_by_tokens(line: str) -> int:
    change = 0
    for match in _TOKEN.finditer(line):
        token = match.group()
        if token == "#":
            break
        change += 1 if token in "([{" else -1 if token in ")]}" else 0
    return change


def statement_depth_by_tokens(line: str) -> int:
    """What read_statement added to its bracket depth for *line*; Unhandled as it raised."""
    if "'" not in line and '"' not in line and "#" not in line:
        if re.search(r"[\\\t\r\f]", line):
            raise Unhandled
        return line.count("(") + line.count("[") + line.count("{") - line.count(")") - line.count("]") - line.count("}")
    depth = 0
    for match in _TOKEN.finditer(line):
        token = match.group()
        if token in "([{":
            depth += 1
        elif token in ")]}":
            depth -= 1
        elif token == "#":
            break
        elif not match.group(1):
            raise Unhandled
    return depth


def quotes_by_tokens(line: str) -> Optional[str]:
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
        if match.group() != literal:  # a prefix: black keeps a lone lowercase f, b, r before double quotes
            before = line[match.start() - 1] if match.start() else " "
            lone = not (before.isalnum() or before == "_")
            if not (match.group()[0] in "fbr" and lone and literal[0] == '"' and "\\" not in literal):
                return None
        if "\\" in literal:
            if literal.startswith("'") or '\\"' in literal:
                return None
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


_DEFINITIONS = ("def ", "class ", "async def ", "@")


def blank_lines_by_text(lines: list[str]) -> str:
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    kept: list[str] = []
    blank = 0
    after_import = False
    definitions: list[int] = []
    for line in lines:
        if not line:
            blank += 1
            continue
        text = line.lstrip(" ")
        if not text.startswith((")", "]", "}")):
            depth = len(line) - len(text)
            if definitions and definitions[-1] >= depth:
                while definitions and definitions[-1] >= depth:
                    definitions.pop()
                if not text.startswith(_DEFINITIONS) and blank < (1 if depth else 2):
                    raise Unhandled
            if text.startswith(("def ", "class ", "async def ")):
                definitions.append(depth)
        top = not line.startswith(" ")
        if not top and kept and kept[-1].endswith(":") and line.lstrip(" ").startswith(_DEFINITIONS):
            if not kept[-1].lstrip(" ").startswith(_DEFINITIONS):
                raise Unhandled
        if (
            len(kept) == 1
            and statements.is_docstring(kept[0])
            and not line.startswith(("def ", "class ", "async def "))
        ):
            blank = 1
        if blank:
            most = 2 if top else 1
            if top and after_import and not line.startswith(("def ", "class ", "@", "async def ")):
                most = 1
            kept.extend([""] * min(blank, most))
        blank = 0
        if top and not line.startswith((")", "]", "}")):
            after_import = line.startswith(("from ", "import "))
        kept.append(line)
    return "\n".join(kept) + "\n"


# --- random inputs ------------------------------------------------------------------------------

#: The characters the scans tell apart, with letters for prefixes and spaces for comments.
_PIECES = ["'", '"', "#", "\\", "\t", "\r", "\f", "(", ")", "[", "]", "{", "}", " ", "  ", "a", "f", "_", "1", ",", "="]
_PIECES += ["'x'", '"y"', "'a\"b'", "f'", "# ", "#:", "\\'", '\\"', " (", "= (", "return (", "if (", "while ("]


def random_line(rnd: random.Random) -> str:
    return "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 14)))


def outcome(function, *args):  # type: ignore[no-untyped-def]
    try:
        return function(*args)
    except Unhandled:
        return Unhandled


@pytest.mark.parametrize("seed", range(4))
def test_the_scans_of_a_line_are_the_token_loops(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(5000):
        line = random_line(rnd)
        assert statements._quotes(line) == quotes_by_tokens(line), repr(line)
        assert statements._depth(line) == depth_by_tokens(line), repr(line)
        code = statements._code(line)
        expected = outcome(statement_depth_by_tokens, line)
        if expected is Unhandled:
            assert statements._odd(code) and literals._ODD.search(code), repr(line)
        else:
            assert not statements._odd(code) and not literals._ODD.search(code)
            assert statements._bracket_change(code) == expected, repr(line)
        assert statements._redundant(line) == bool(statements._REDUNDANT.search(line)), repr(line)


def read_by_tokens(lines: list[str]) -> object:
    """read_statement's result for *lines* from 0, with the old bracket loop."""
    depth = 0
    for index, line in enumerate(lines):
        if index == 0 and line.lstrip(" ").startswith('"""'):
            return None  # docstrings: not what changed
        try:
            depth += statement_depth_by_tokens(line)
        except Unhandled:
            return Unhandled
        if '"""' in line and line.count('"""') != 2:
            return Unhandled
        if depth <= 0:
            return Unhandled if depth < 0 else (lines[: index + 1], index + 1)
    return Unhandled


@pytest.mark.parametrize("seed", range(2))
def test_reading_a_statement_is_as_with_the_token_loop(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(3000):
        lines = [random_line(rnd) for _ in range(rnd.randint(1, 4))]
        expected = read_by_tokens(lines)
        if expected is not None:
            assert outcome(statements.read_statement, lines, 0) == expected, lines


#: Lines of the shapes the blank-line rules tell apart.
_LINES = ["", "", "", "x = 1", "from a import b", "import a", "def f():", "class C:", "async def g():", "@d"]
_LINES += [")", "]", "}", '"""Doc."""', "if x:", "return 1", "pass", "x = (", "):", "else:"]


@pytest.mark.parametrize("seed", range(3))
def test_blank_lines_are_as_when_each_line_was_read_again(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(20000):
        lines = [" " * 4 * rnd.choice((0, 0, 1, 1, 2)) + rnd.choice(_LINES) for _ in range(rnd.randint(0, 10))]
        lines = [line if line.strip() else "" for line in lines]
        assert outcome(layout._blank_lines, list(lines)) == outcome(blank_lines_by_text, list(lines)), lines


#: Lines of quotes, letters (prefixes) and little else: the lines split at their quotes.
_QUOTE_PIECES = ["'", "'", '"', "a", "f", "_", "1", " ", "(", ", ", "'x'", "'a b'", '"y"', "= ", "-", "\\", "#"]


@pytest.mark.parametrize("seed", range(4))
def test_quotes_split_at_the_quotes_are_as_literal_by_literal(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(20000):
        line = "".join(
            rnd.choice(_QUOTE_PIECES[: -2 if rnd.random() < 0.9 else None]) for _ in range(rnd.randint(0, 12))
        )
        expected = quotes_by_tokens(line)
        assert statements._quotes(line) == expected, repr(line)
        if not line.endswith(" "):
            assert literals._requoted(line) == expected, repr(line)


#: The pieces of a call's arguments: names, commas spaced or not, strings holding commas.
_ARGUMENT_PIECES = ["a", "b_1", ", ", ",", " ", '"', '"x, y"', '"z"', "'", "(", ")", "[", "=", ": int", "  "]


@pytest.mark.parametrize("seed", range(3))
def test_arguments_parted_at_their_commas_are_as_token_by_token(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(20000):
        pieces = _ARGUMENT_PIECES if rnd.random() < 0.2 else _ARGUMENT_PIECES[:-6]
        body = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert statements._items(body) == statements._items_by_tokens(body), repr(body)


def shape_by_text(line: str) -> tuple[int, bool, bool, bool, bool, bool]:
    text = line.lstrip(" ")
    opens_definition = text.startswith(("def ", "class ", "async def "))
    return (
        len(line) - len(text),
        text.startswith((")", "]", "}")),
        opens_definition,
        opens_definition or text.startswith("@"),
        line.endswith(":"),
        text.startswith(("from ", "import ")),
    )


_SHAPE_PIECES = [
    " ",
    "    ",
    "def ",
    "def",
    "class ",
    "async def ",
    "async ",
    "@",
    ")",
    "]",
    "}",
    "(",
    "from ",
    "import ",
]
_SHAPE_PIECES += ["f", "i", "d", "c", "a", ":", "x", '"""']


@pytest.mark.parametrize("seed", range(2))
def test_a_lines_shape_is_as_read_from_its_stripped_text(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(20000):
        line = "".join(rnd.choice(_SHAPE_PIECES) for _ in range(rnd.randint(1, 6)))
        assert layout._shape(line) == shape_by_text(line), repr(line)


#: Lines of one kind of quote (mostly), brackets and comments: the code split at its quotes.
_CODE_PIECES = ["'", "'", '"', "(", ")", "[", "]", "{", "}", "#", " ", "a", "f", "\t", "'x'", "'(#'", "\\"]


@pytest.mark.parametrize("seed", range(3))
def test_code_split_at_its_quotes_is_as_token_by_token(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(20000):
        pieces = _CODE_PIECES if rnd.random() < 0.1 else _CODE_PIECES[:-1]
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        code = statements._code(line)
        expected = outcome(statement_depth_by_tokens, line)
        assert statements._depth(line) == depth_by_tokens(line), repr(line)
        if expected is Unhandled:
            assert statements._odd(code) and literals._ODD.search(code), repr(line)
        else:
            assert not statements._odd(code) and not literals._ODD.search(code)
            assert statements._bracket_change(code) == expected, repr(line)


def flat_by_characters(text: str) -> Optional[str]:
    out = list(text)
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if match.group(1):
            out[match.start() + 1 : match.end() - 1] = "\0" * (match.end() - match.start() - 2)
        elif token in "([{":
            depth += 1
        elif token in ")]}":
            depth -= 1
            if depth < 0:
                return None
        else:
            return None
    if depth:
        return None
    level = 0
    for index, char in enumerate(text):
        if out[index] == "\0":
            continue
        if char in ")]}":
            level -= 1
        if level > 0:
            out[index] = "\0"
        if char in "([{":
            level += 1
    return "".join(out)


_FLAT_PIECES = ["(", ")", "[", "]", "{", "}", "'a(b'", '"x]"', "'", "a", " for ", ", ", "#", "\\", "f(x)", "\0"]


@pytest.mark.parametrize("seed", range(3))
def test_flat_text_is_as_blanked_character_by_character(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(20000):
        pieces = _FLAT_PIECES if rnd.random() < 0.1 else _FLAT_PIECES[:-3]
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert comprehensions._flat(text) == flat_by_characters(text), repr(text)
