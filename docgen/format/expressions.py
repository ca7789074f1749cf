"""The plain expression grammar: a statement's tokens read into black's leaves.

Part of the formatting stage: the tokens of a statement (or of one element of an
exploded call or display), checked to be spaced as black spaces them, as the leaves
:mod:`docgen.format.splits` splits, each with the delimiter priority its place in the
grammar gives it (:class:`Parser`).  What is outside the grammar raises
:class:`~docgen.format.splits.Unsupported`; :mod:`docgen.format.grammar` then leaves the
statement to black.
"""

from __future__ import annotations

import re

from .splits import (
    COLON,
    COMMA,
    COMPARATOR_PRIORITY,
    DOT,
    EQUAL,
    LOGIC_PRIORITY,
    MATH_PRIORITIES,
    OPERATOR,
    TERNARY_PRIORITY,
    Leaf,
    Unsupported,
)

_TOKEN = re.compile(
    r"""(?P<space> *)(?:(?P<string>"[^"\\\n]*")|(?P<number>\d+(?:\.\d+)?)(?![\w.])|(?P<name>[A-Za-z_]\w*)"""
    r"""|(?P<op>//|==|!=|<=|>=|:=|[-+*/%<>=()\[\]{}.,:]))"""
)
_KEYWORDS = {"and", "or", "not", "in", "is", "if", "else", "elif", "while", "return", "raise", "await"}
_KEYWORDS |= {"None", "True", "False", "from", "lambda", "for", "yield", "async", "del", "pass", "import", "def"}
_ATOM_KEYWORDS = {"None", "True", "False"}
_COMPARATORS = {"==", "!=", "<", ">", "<=", ">="}
#: The texts a comparison's operator starts with, and a trailer's (parsing stops at any other).
_COMPARISON_WORDS = _COMPARATORS | {"in", "is", "not"}
_TRAILER_WORDS = {"(", ".", "["}


def read_tokens(text: str) -> list[tuple[str, str, str]]:
    """(kind, value, the spaces before it) for each token of *text*; Unsupported for anything else."""
    tokens = []
    position = 0
    while position < len(text):
        found = _TOKEN.match(text, position)
        if found is None:
            raise Unsupported(text[position:])
        position = found.end()
        kind = found.lastgroup  # the one alternative matched, after the spaces
        if kind == "string" and tokens and tokens[-1][0] == "name" and not found.group("space"):
            raise Unsupported("a prefixed string")  # f"...", b"...": not in this grammar
        tokens.append((kind, found.group(kind), found.group("space")))  # type: ignore[arg-type]
    return tokens


_END = ("end", "", "")
_OPERATOR_KINDS = {",": COMMA, ".": DOT, "=": EQUAL, ":": COLON}


class Parser:
    """Recursive descent over the grammar, making black's leaves with the priorities
    their places in the grammar give them; Unsupported where the text is not spaced as
    black spaces it."""

    def __init__(self, tokens: list[tuple[str, str, str]]) -> None:
        self.tokens = tokens
        # the tokens and two ends: peek looks at most one token past the position, which
        # never passes the end (take stops there), so it needs no bounds check
        self.padded = [*tokens, _END, _END]
        self.position = 0
        self.leaves: list[Leaf] = []

    def peek(self, offset: int = 0) -> tuple[str, str, str]:
        return self.padded[self.position + offset]

    def take(self, space: str = " ", priority: int = 0) -> Leaf:
        """The next token as a leaf, *space* before it (none after an opening bracket, a
        dot or a keyword argument's ``=``)."""
        kind, value, written = self.peek()
        if kind == "end":
            raise Unsupported("unexpected end")
        previous = self.leaves[-1] if self.leaves else None
        if previous is None or previous.opening or previous.kind in (DOT, EQUAL):
            space = ""
        if written != space:
            raise Unsupported("spacing black would change")
        self.position += 1
        if kind == "op":
            kind = _OPERATOR_KINDS.get(value, OPERATOR)
        leaf = Leaf(kind, value, space, priority)
        self.leaves.append(leaf)
        return leaf

    def at(self, value: str, offset: int = 0) -> bool:
        kind, text, _ = self.padded[self.position + offset]
        return text == value and kind in ("op", "name")

    def test(self, alone: bool = False) -> None:
        """An expression; a conditional one only *alone* (a statement's value or all a
        parenthesis holds: anywhere else black adds parentheses of its own around it)."""
        self.or_test()
        if self.at("if"):
            if not alone:
                raise Unsupported("a conditional expression black parenthesises")
            self.take(" ", TERNARY_PRIORITY)
            self.or_test()
            if not self.at("else"):
                raise Unsupported("if without else")
            self.take(" ", TERNARY_PRIORITY)
            self.test()

    def or_test(self) -> None:
        self.and_test()
        while self.at("or"):
            self.take(" ", LOGIC_PRIORITY)
            self.and_test()

    def and_test(self) -> None:
        self.not_test()
        while self.at("and"):
            self.take(" ", LOGIC_PRIORITY)
            self.not_test()

    def not_test(self) -> None:
        if self.at("not"):
            self.take()
            self.not_test()
        else:
            self.comparison()

    def comparison(self) -> None:
        self.arith()
        while True:
            kind, value, _ = self.peek()
            if value not in _COMPARISON_WORDS:
                return  # what follows most operands: nothing below could match
            if kind == "op" and value in _COMPARATORS:
                self.take(" ", COMPARATOR_PRIORITY)
            elif self.at("in"):
                self.take(" ", COMPARATOR_PRIORITY)
            elif self.at("is"):
                self.take(" ", COMPARATOR_PRIORITY)
                if self.at("not"):
                    self.take()
            elif self.at("not") and self.at("in", 1):
                self.take(" ", COMPARATOR_PRIORITY)
                self.take()
            else:
                return
            self.arith()

    def arith(self) -> None:
        self.term()
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-"):
            self.take(" ", MATH_PRIORITIES[self.peek()[1]])
            self.term()

    def term(self) -> None:
        self.power()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/", "//", "%"):
            self.take(" ", MATH_PRIORITIES[self.peek()[1]])
            self.power()

    def power(self) -> None:
        if self.at("await") and self.peek(1)[0] == "name" and len(self.leaves) == 1:
            self.take()  # awaiting the statement's value: a plain prefix to black
        self.atom()
        while True:
            if self.peek()[1] not in _TRAILER_WORDS:
                return  # what follows most atoms: nothing below could match
            if self.at("("):
                self.take("")
                self.arguments()
                self.close(")")
            elif self.at("."):
                self.take("")
                kind, value, _ = self.peek()
                if kind != "name" or value in _KEYWORDS:
                    raise Unsupported("attribute")
                self.take("")
            elif self.at("["):
                self.take("")
                if self.peek()[0] not in ("name", "string", "number") or self.peek()[1] in _KEYWORDS:
                    raise Unsupported("a subscript black may space otherwise")
                self.power()  # an atom and its trailers (value["key"]): no operator to space
                self.close("]")
            else:
                return

    def tuple_rest(self, start: int) -> None:
        """What follows the first element (its leaves from *start*) of a tuple in
        parentheses: the comma of a tuple of one, or the other elements, without a comma
        after the last (black would explode it)."""
        if any(leaf.priority == TERNARY_PRIORITY for leaf in self.leaves[start:]):
            raise Unsupported("a conditional expression black parenthesises")
        self.take("")
        if self.at(")"):
            return  # a tuple of one: its comma is not a magic one
        self.test()
        while self.at(","):
            self.comma(")")
            self.test()

    def named_expression(self) -> None:
        """``name := test``, all a parenthesis holds (a delimiter of no priority to black)."""
        kind, value, _ = self.peek()
        if value in _KEYWORDS:
            raise Unsupported(f"keyword {value}")
        self.take()
        self.take()
        self.test(alone=True)

    def comma(self, closing: str) -> None:
        """A comma between two elements; Unsupported for one before *closing* (a magic
        trailing comma: black would explode the brackets)."""
        self.take("")
        if self.at(closing):
            raise Unsupported("a magic trailing comma")

    def close(self, value: str) -> None:
        if not self.at(value):
            raise Unsupported("unbalanced")
        self.take("")

    def arguments(self) -> None:
        if self.at(")"):
            return
        while True:
            if self.peek()[0] == "name" and self.at("=", 1):
                self.take()
                self.take("")
            self.test()
            if not self.at(","):
                return
            self.comma(")")

    def atom(self) -> None:
        kind, value, _ = self.peek()
        if kind == "name":
            if value in _KEYWORDS - _ATOM_KEYWORDS:
                raise Unsupported(f"keyword {value}")
            self.take()
        elif kind == "number":
            self.take()
        elif kind == "string":
            self.take()
            if self.peek()[0] == "string":
                raise Unsupported("implicit concatenation")
        elif self.at("("):
            opening = self.take()
            if self.at("("):
                raise Unsupported("redundant parentheses")
            if self.peek()[0] == "name" and self.at(":=", 1):
                self.named_expression()  # black keeps its parentheses: they are needed
            else:
                start = len(self.leaves)
                self.test(alone=True)
                if self.at(","):
                    self.tuple_rest(start)
                    opening.display = True
                elif not any(leaf.priority for leaf in self.leaves[start:]):
                    raise Unsupported("parentheses black may make invisible")
            self.close(")")
        elif self.at("{"):
            self.dict_display()
        else:
            raise Unsupported(f"atom {value}")

    def dict_display(self) -> None:
        """``{key: value, ...}`` without a comma after the last entry (black would explode it)."""
        opening = self.take()
        opening.display = True
        while not self.at("}"):
            self.test()
            if not self.at(":"):
                raise Unsupported("a set, or a dict comprehension")
            self.take("")
            self.test()
            if not self.at(","):
                break
            self.comma("}")
        self.close("}")
