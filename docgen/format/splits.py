"""Long conditions, returns and assignments split as black splits them.

Part of the formatting stage.  A statement on one line whose condition or value is a
plain expression (names, numbers, plain strings, attribute access, calls, subscripts of
an atom, parenthesised sub-expressions, tuples, dicts and named expressions, unary
``not`` and ``-``, arithmetic, comparisons, ``and``/``or`` and conditional expressions)
is split here by the same procedure black follows: black's right-hand split (with its
optional parentheses and its search over trailers to leave on the line), its split at
the delimiters of the highest priority inside brackets, and its second opinion with
the optional parentheses forced.  Each function below mirrors the black function of
the same name (black's ``linegen.py``, ``lines.py`` and ``brackets.py``, the parts
that stayed the same from black 24.1 to 26) for that grammar only.

:func:`docgen.format.grammar.split_statement` returns None for anything outside the
grammar (comments, backslashes, magic trailing commas, lists and sets, comprehensions,
lambdas, stars, keywords it does not know, spacing black would change), which then
goes to black.
tests/format/test_splits.py compares the result with black's.
"""

from __future__ import annotations

from typing import Iterator, Optional

from .statements import LINE_LENGTH, _fits

# Leaf kinds (black's token types, as far as the grammar needs them).
NAME, NUMBER, STRING, OPERATOR, COMMA, DOT, EQUAL, COLON = "name number string op , . = :".split()
OPENING = {"(": ")", "[": "]", "{": "}"}
CLOSING = {")", "]", "}"}

# black's delimiter priorities (brackets.py).
COMMA_PRIORITY = 18
TERNARY_PRIORITY = 16
LOGIC_PRIORITY = 14
COMPARATOR_PRIORITY = 10
MATH_PRIORITIES = {"+": 5, "-": 5, "*": 4, "/": 4, "//": 4, "%": 4}
DOT_PRIORITY = 1


class CannotSplit(Exception):
    """black's CannotSplit / CannotTransform: this split does not apply."""


class Unsupported(Exception):
    """The statement is outside the grammar: black lays it out."""


class Leaf:
    """One token: its text, the space before it, and what black's bracket tracker marks."""

    __slots__ = (
        "kind",
        "value",
        "prefix",
        "spaced",
        "priority",
        "opening",
        "closing",
        "opening_bracket",
        "bracket_depth",
        "visible",
        "text",
        "display",
    )

    def __init__(self, kind: str, value: str, prefix: str, priority: int = 0) -> None:
        self.kind = kind
        self.value = value
        self.prefix = prefix
        self.spaced = prefix  # the prefix black's whitespace() gives it (prefix may be cleared)
        self.priority = priority  # is_split_before_delimiter, as its place in the grammar decides
        self.opening = kind == OPERATOR and value in OPENING
        self.closing = kind == OPERATOR and value in CLOSING
        self.opening_bracket: Optional[Leaf] = None
        self.bracket_depth = 0
        self.visible = True  # False: black's invisible parentheses (value "" until made visible)
        self.text = value  # what the line shows of it
        self.display = False  # opens a tuple or a dict: black's atom, whose body a split explodes

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self.text = self.value if visible else ""


class Line:
    """black's Line: leaves at a depth, with the delimiters its bracket tracker found."""

    def __init__(self, depth: int, inside_brackets: bool = False) -> None:
        self.depth = depth
        self.inside_brackets = inside_brackets
        self.leaves: list[Leaf] = []
        self.delimiters: dict[int, int] = {}  # id(leaf) -> priority of a split after it
        self.invisible: list[Leaf] = []
        self.should_split_rhs = False  # split at its commas even when it fits (should_split_line)
        self._stack: list[Leaf] = []  # the brackets open
        self._previous: Optional[Leaf] = None

    def append(self, leaf: Leaf, track: bool = False) -> None:
        """Line.append(preformatted=True): the leaf keeps its prefix; brackets are tracked
        inside brackets or when asked."""
        if self.inside_brackets or track:
            self._mark(leaf)
        self.leaves.append(leaf)

    def _mark(self, leaf: Leaf) -> None:
        """BracketTracker.mark, for the balanced brackets this grammar's lines hold."""
        stack = self._stack
        if leaf.closing:
            if not stack:
                raise Unsupported("a closing bracket without its opening one")  # black skips it
            leaf.opening_bracket = stack.pop()
            if not leaf.visible:
                self.invisible.append(leaf)
        depth = leaf.bracket_depth = len(stack)
        if depth == 0:
            previous = self._previous
            if leaf.kind == DOT:
                delimiter = DOT_PRIORITY if previous is None or previous.closing else 0
            else:
                delimiter = leaf.priority
            if delimiter and previous is not None:
                self.delimiters[id(previous)] = delimiter
            elif leaf.kind == COMMA:
                self.delimiters[id(leaf)] = COMMA_PRIORITY
        if leaf.opening:
            stack.append(leaf)
            if not leaf.visible:
                self.invisible.append(leaf)
        self._previous = leaf

    def __str__(self) -> str:
        if not self.leaves:
            return ""
        first, *rest = self.leaves
        return "    " * self.depth + first.text + "".join(leaf.prefix + leaf.text for leaf in rest)

    def max_priority(self, exclude: tuple[int, ...] = ()) -> int:
        return max(v for k, v in self.delimiters.items() if k not in exclude)

    def count_with_priority(self, priority: int) -> int:
        return sum(1 for value in self.delimiters.values() if value == priority)

    def lengths(self) -> Iterator[tuple[int, Leaf, int]]:
        """Line.enumerate_with_length."""
        for index, leaf in enumerate(self.leaves):
            yield index, leaf, len(leaf.prefix) + len(leaf.text)


def _short(line: Line) -> bool:
    """is_line_short_enough: the width of the line's text (its length, for ASCII: the
    indentation, the first leaf without its prefix, the others with theirs)."""
    return _fits(str(line))


# --- black's transforms, for this grammar --------------------------------------------------


def transform_line(line: Line, force_parens: bool = False) -> list[Line]:
    """transform_line: the line if it fits, else the first transform that applies.
    (Whether it fits is read from its text: what :func:`_short` counts, the text's length.)"""
    line_str = str(line)
    if not line.should_split_rhs and _fits(line_str):
        return [line]
    transforms = [delimiter_split, rhs] if line.inside_brackets else [rhs]
    for transform in transforms:
        try:
            return run_transformer(line, transform, line_str, force_parens)
        except CannotSplit:
            continue
    return [line]


def run_transformer(line: Line, transform, line_str: str, force_parens: bool) -> list[Line]:  # type: ignore[no-untyped-def]
    result: list[Line] = []
    for transformed in transform(line, force_parens):
        if str(transformed) == line_str:
            raise CannotSplit("unchanged")
        result.extend(transform_line(transformed, force_parens))
    optional = [bracket for bracket in line.invisible if bracket.bracket_depth == 0]
    if any(bracket.visible for bracket in line.invisible) != any(bracket.visible for bracket in optional):
        raise Unsupported("black 24 and 26 differ on nested optional parentheses")
    if force_parens or transform is not rhs or not line.invisible or optional_visible(line) or _short(result[0]):
        return result
    copy = Line(line.depth, line.inside_brackets)
    for leaf in line.leaves:  # append_leaves: new leaves, spaced afresh
        fresh = Leaf(leaf.kind, leaf.value, leaf.spaced if copy.leaves else "", leaf.priority)
        fresh.set_visible(leaf.visible)
        fresh.display = leaf.display
        copy.append(fresh, track=True)
    second = run_transformer(copy, transform, line_str, True)
    return second if all(_short(part) for part in second) else result


def optional_visible(line: Line) -> bool:
    return any(bracket.visible for bracket in line.invisible)


def rhs(line: Line, force_parens: bool) -> Iterator[Line]:
    """right_hand_split_with_omits (black 24's ``_rhs``)."""
    for omit in generate_trailers_to_omit(line):
        lines = list(right_hand_split(line, force_parens, omit))
        if _short(lines[0]):
            yield from lines
            return
    yield from right_hand_split(line, force_parens, ())


def generate_trailers_to_omit(line: Line) -> Iterator[set[int]]:
    omit: set[int] = set()
    yield omit
    length = 4 * line.depth
    opening: Optional[Leaf] = None
    closing: Optional[Leaf] = None
    inner: set[int] = set()
    for index in range(len(line.leaves) - 1, -1, -1):
        leaf = line.leaves[index]
        length += len(leaf.prefix) + len(leaf.text)
        if length > LINE_LENGTH:
            break
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.closing:
                inner.add(id(leaf))
        elif leaf.closing:
            previous = line.leaves[index - 1] if index > 0 else None
            if previous is not None and previous.opening:
                inner.add(id(leaf))
                continue
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield omit
            if leaf.text:
                opening = leaf.opening_bracket
                closing = leaf


class RHS:
    __slots__ = ("head", "body", "tail", "opening", "closing")

    def __init__(self, head: Line, body: Line, tail: Line, opening: Leaf, closing: Leaf) -> None:
        self.head, self.body, self.tail, self.opening, self.closing = head, body, tail, opening, closing


def right_hand_split(line: Line, force_parens: bool, omit) -> Iterator[Line]:  # type: ignore[no-untyped-def]
    split = first_right_hand_split(line, omit)
    yield from maybe_split_omitting_optional_parens(split, line, force_parens, omit)


def first_right_hand_split(line: Line, omit) -> RHS:  # type: ignore[no-untyped-def]
    tail: list[Leaf] = []
    body: list[Leaf] = []
    head: list[Leaf] = []
    current = tail
    opening: Optional[Leaf] = None
    closing: Optional[Leaf] = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.closing and id(leaf) not in omit:
            opening = leaf.opening_bracket
            closing = leaf
            current = body
    if opening is None or closing is None or not head:
        raise CannotSplit("no brackets")
    tail.reverse()
    body.reverse()
    head.reverse()
    head_line = _build(head, line, "head")
    body_line = _build(body, line, "body", opening)
    tail_line = _build(tail, line, "tail")
    if not body_line.leaves and len(str(tail_line).strip()) < 3:
        raise CannotSplit("empty body")
    return RHS(head_line, body_line, tail_line, opening, closing)


def _build(leaves: list[Leaf], original: Line, component: str, opening: Optional[Leaf] = None) -> Line:
    """bracket_split_build_line (no trailing comma: this grammar has no imports nor defs).

    black tracks the brackets of a head that match within it too; in this grammar the
    only optional parentheses are the statement's, never whole in a head, so a head is
    only ever split at real brackets, where what tracking finds is not consulted."""
    if component != "body":
        result = Line(original.depth)
        result.leaves = leaves
        return result
    result = Line(original.depth + 1, inside_brackets=True)
    for leaf in leaves:
        result.append(leaf)
    if opening is not None and opening.display and leaves:  # should_split_line: a tuple's or dict's elements
        exclude = (id(leaves[-1]),)
        result.should_split_rhs = any(key not in exclude for key in result.delimiters) and (
            result.max_priority(exclude) == COMMA_PRIORITY
        )
    return result


def maybe_split_omitting_optional_parens(split: RHS, line: Line, force_parens: bool, omit) -> Iterator[Line]:  # type: ignore[no-untyped-def]
    if (
        not force_parens
        and split.opening.value == "("
        and not split.opening.visible
        and not split.closing.visible
        and can_omit_invisible_parens(split)
    ):
        omit = {id(split.closing), *omit}
        try:
            oop = first_right_hand_split(line, omit)
            if _prefer_oop(split):
                yield from maybe_split_omitting_optional_parens(oop, line, force_parens, omit)
                return
        except CannotSplit as error:
            if not can_be_split(split.body) and not _short(split.body):
                raise CannotSplit("body too long") from error
    split.opening.set_visible(True)
    split.closing.set_visible(True)
    for part in (split.head, split.body, split.tail):
        if part.leaves:
            yield part


def _prefer_oop(split: RHS) -> bool:
    """_prefer_split_rhs_oop_over_rhs for heads without brackets before the optional
    parenthesis (this grammar's targets are names): always."""
    if any(leaf.opening or leaf.closing for leaf in split.head.leaves[:-1]):
        raise Unsupported("a bracket before the optional parentheses")
    return True


def can_omit_invisible_parens(split: RHS) -> bool:
    line = split.body
    if not line.delimiters:
        return True
    priority = line.max_priority()
    if line.count_with_priority(priority) > 1:
        return False
    if priority == DOT_PRIORITY:
        return True
    first, second = line.leaves[0], line.leaves[1]
    if first.opening and not second.closing:
        raise Unsupported("an expression opening with a bracket")
    penultimate, last = line.leaves[-2], line.leaves[-1]
    if last.value in (")", "}"):  # not "]": in this grammar a subscript's
        if penultimate.opening:
            return False
        if _can_omit_closing_paren(line, last):
            return True
    return False


def _can_omit_closing_paren(line: Line, last: Leaf) -> bool:
    length = 4 * line.depth
    seen_other_brackets = False
    for _, leaf, leaf_length in line.lengths():
        length += leaf_length
        if leaf is last.opening_bracket:
            if seen_other_brackets or length <= LINE_LENGTH:
                return True
        elif leaf.opening:
            seen_other_brackets = True
    return False


def can_be_split(line: Line) -> bool:
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].kind == STRING and leaves[1].kind == DOT:
        raise Unsupported("a method of a string")
    return True


def delimiter_split(line: Line, force_parens: bool) -> Iterator[Line]:
    last = line.leaves[-1]
    try:
        priority = line.max_priority(exclude=(id(last),))
    except ValueError:
        raise CannotSplit("no delimiters") from None
    if priority == DOT_PRIORITY and line.count_with_priority(priority) == 1:
        raise CannotSplit("a single attribute")
    current = Line(line.depth, line.inside_brackets)
    for leaf in line.leaves:
        current.append(leaf)
        if line.delimiters.get(id(leaf)) == priority:
            yield _first_prefix_cleared(current)
            current = Line(line.depth, line.inside_brackets)
    if current.leaves:
        if priority == COMMA_PRIORITY and current.leaves[-1].kind != COMMA:
            current.append(Leaf(COMMA, ",", ""))
        yield _first_prefix_cleared(current)


def _first_prefix_cleared(line: Line) -> Line:
    """dont_increase_indentation: black clears the prefix of each line's first leaf (for good)."""
    line.leaves[0].prefix = ""
    return line
