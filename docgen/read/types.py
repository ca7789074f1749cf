"""Stage 2, types: a Type cell -> a small type-expression tree.

The grammar (a tokenizer and a recursive-descent parser)::

    type     := LINK_OPEN type LINK_CLOSE           # [pets.Dog](../pets/dog.md)
              | NAME [ "[" args "]" ]               # Dict[str, List[int]]
    args     := arg ("," arg)* [","]
    arg      := type | STRING | NUMBER | "[" [args] "]"

Types nest at most :data:`MAX_DEPTH` levels deep and integers have at most
:data:`MAX_INT_DIGITS` digits: beyond, the cell is an error (generated code could not
hold it: Python refuses longer integer literals, and deeper types help no one).

NAME is a dotted identifier (``pets.Dog``, ``io.BytesIO``).  Emphasis
(``*str*``) and code spans (`` `int` ``) are presentation and are ignored; a link's
target is kept on the :class:`Link` node that wraps the linked expression.  The parser
knows no type names: which names exist is decided later, by the dialect and resolver.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Sequence, Union

from ..ir import SourceSpan
from .markdown import Cell, Inline


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class Generic:
    head: Name
    args: tuple[TypeExpr, ...]
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class Link:
    inner: TypeExpr
    href: str
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class Value:
    """A literal argument: ``Literal["car"]``, ``Literal[1]``."""

    value: Union[str, int, float, bool, None]
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class ArgList:
    """A bracketed argument list used as an argument: ``Callable[[], X]``."""

    items: tuple[TypeExpr, ...]
    span: SourceSpan


TypeExpr = Union[Name, Generic, Link, Value, ArgList]

#: How deep brackets and links may nest in one Type cell.
MAX_DEPTH = 32
#: The most digits an integer may have: what Python accepts in source (and converts to text) by default.
MAX_INT_DIGITS = 4300


class TypeSyntaxError(Exception):
    def __init__(self, message: str, span: SourceSpan, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.hint = hint


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # name, string, number, [, ], ",", link_open, link_close, end
    text: str
    offset: int  # character offset in the cell's source text


_PUNCTUATION = "[],"
_IGNORED = "*`"  # and every whitespace character


def tokenize(inlines: Sequence[Inline]) -> list[_Token]:
    """Split a cell's inline pieces into type tokens.

    Offsets count the cell's source text: emphasis markers, backticks and link syntax
    included (entities and escapes are counted as the characters they stand for).
    """
    tokens: list[_Token] = []
    offset = 0
    for piece in inlines:
        if piece.kind == "link_open":
            tokens.append(_Token("link_open", piece.href, offset))
            offset += 1
        elif piece.kind == "link_close":
            tokens.append(_Token("link_close", "", offset))
            offset += len(piece.href) + 3
        elif piece.kind in ("text", "code"):
            ticks = len(piece.href) if piece.kind == "code" else 0
            tokens.extend(_lex_text(piece.text, offset + ticks))
            offset += len(piece.text) + 2 * ticks
        elif piece.kind == "mark":
            offset += len(piece.text)
        elif piece.kind == "break":
            offset += 5  # <br/>
    tokens.append(_Token("end", "", offset))
    return tokens


def _lex_text(text: str, base: int) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in _IGNORED or char.isspace():
            i += 1
        elif char in _PUNCTUATION:
            tokens.append(_Token(char, char, base + i))
            i += 1
        elif char.isalpha() or char == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] in "_."):
                j += 1
            tokens.append(_Token("name", text[i:j].rstrip("."), base + i))
            i = j
        elif char.isdigit() or (char == "-" and text[i + 1 : i + 2].isdigit()):
            j = i + 1
            while j < len(text) and (text[j].isdigit() or text[j] in "._"):
                j += 1
            tokens.append(_Token("number", text[i:j], base + i))
            i = j
        elif char in "\"'":
            j = _string_end(text, i)
            if j < 0:
                tokens.append(_Token("error", f"unterminated string {text[i:]!r}", base + i))
                return tokens
            tokens.append(_Token("string", text[i : j + 1], base + i))
            i = j + 1
        else:
            tokens.append(_Token("error", f"unexpected character {char!r}", base + i))
            i += 1
    return tokens


def _string_end(text: str, start: int) -> int:
    """Index of the quote that closes the string opened at *start*, or -1.

    Markdown turns ``\\"`` into ``"``, so a quote inside a Literal's string may have
    lost its escape.  In a type, a string always ends right before ``,`` or ``]`` (or
    the end of the text), so the closing quote is the first one followed by those.
    """
    quote = text[start]
    j = text.find(quote, start + 1)
    while j >= 0:
        rest = text[j + 1 :].lstrip(" *`")
        if text[j - 1] != "\\" and (not rest or rest[0] in ",]"):
            return j
        j = text.find(quote, j + 1)
    return -1


def _literal_text(token_text: str) -> str:
    """A string token's source, with quotes that markdown unescaped escaped again."""
    quote, body = token_text[0], token_text[1:-1]
    escaped = []
    for index, char in enumerate(body):
        if char == quote and (index == 0 or body[index - 1] != "\\"):
            escaped.append("\\")
        escaped.append(char)
    return quote + "".join(escaped) + quote


class _Parser:
    def __init__(self, tokens: list[_Token], span: SourceSpan) -> None:
        self.tokens = tokens
        self.pos = 0
        self.span = span
        self.depth = 0

    def deeper(self) -> None:
        """Enter one more level of brackets or links; too many is an error, not a crash."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(
                f"type nested more than {MAX_DEPTH} levels deep", "docgen reads types up to that depth; simplify it"
            )

    def at(self, offset: int) -> SourceSpan:
        return SourceSpan(self.span.path, self.span.line, self.span.col + offset)

    @property
    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def fail(self, message: str, hint: str = "") -> TypeSyntaxError:
        tok = self.peek
        if tok.kind == "error":
            message = tok.text
        return TypeSyntaxError(message, self.at(tok.offset), hint)

    def expect(self, kind: str, what: str) -> _Token:
        tok = self.peek
        if tok.kind != kind:
            found = "end of cell" if tok.kind == "end" else repr(tok.text or tok.kind)
            raise self.fail(
                f"expected {what} in type, found {found}",
                "a Type cell looks like `Optional[List[shared.Foo]]`; check the brackets",
            )
        self.pos += 1
        return tok

    def parse(self) -> TypeExpr:
        if self.peek.kind == "end":
            raise self.fail("empty Type cell", "write the field's type, e.g. *str*")
        expr = self.type()
        if self.peek.kind != "end":
            raise self.fail(
                f"unexpected {self.peek.text or self.peek.kind!r} after the type",
                "check for an unbalanced ']' or a missing '['",
            )
        return expr

    def type(self) -> TypeExpr:
        tok = self.peek
        if tok.kind == "link_open":
            self.deeper()
            self.pos += 1
            inner = self.type()
            self.expect("link_close", "the end of the link")
            self.depth -= 1
            return Link(inner, tok.text, self.at(tok.offset))
        name_tok = self.expect("name", "a type name")
        name = Name(name_tok.text, self.at(name_tok.offset))
        if self.peek.kind != "[":
            return name
        self.deeper()
        self.pos += 1
        args = self.args("]")
        self.expect("]", "']'")
        self.depth -= 1
        return Generic(name, tuple(args), name.span)

    def args(self, closer: str) -> list[TypeExpr]:
        items: list[TypeExpr] = []
        while self.peek.kind != closer:
            items.append(self.arg())
            if self.peek.kind != ",":
                break
            self.pos += 1
        return items

    def arg(self) -> TypeExpr:
        tok = self.peek
        if tok.kind == "string":
            self.pos += 1
            return Value(_literal(_literal_text(tok.text)), self.at(tok.offset))
        if tok.kind == "number":
            value = _number(tok.text)
            if value is None:
                digits = sum(c.isdigit() for c in tok.text)
                hint = f"integers may have up to {MAX_INT_DIGITS} digits" if digits > MAX_INT_DIGITS else ""
                raise self.fail(f"{_short(tok.text)} is not a number docgen can write in Python", hint)
            self.pos += 1
            return Value(value, self.at(tok.offset))
        if tok.kind == "[":
            self.deeper()
            self.pos += 1
            items = self.args("]")
            self.expect("]", "']'")
            self.depth -= 1
            return ArgList(tuple(items), self.at(tok.offset))
        if tok.kind == "name" and tok.text in ("True", "False", "None"):
            self.pos += 1
            return Value(_literal(tok.text), self.at(tok.offset))
        return self.type()


def _short(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:20] + "…") + f" ({len(text)} characters)"


def _number(text: str) -> Union[int, float, None]:
    """The int or float a number token stands for; None when it is none, or an integer too long."""
    if sum(c.isdigit() for c in text) > MAX_INT_DIGITS:
        return None
    value = _literal(text)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _literal(text: str) -> Union[str, int, float, bool, None]:
    try:
        value = ast.literal_eval(text.replace("_", "") if text[:1].isdigit() else text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, (str, int, float, bool, type(None))) else text


def parse_type(cell: Cell) -> TypeExpr:
    """Parse a Type cell; raises :class:`TypeSyntaxError` with the cell's location."""
    return _Parser(tokenize(cell.inlines), cell.span).parse()


def parse_type_text(text: str, span: SourceSpan) -> TypeExpr:
    """Parse a type written as plain text (a union page's code block)."""
    return _Parser(tokenize((Inline("text", text),)), span).parse()
