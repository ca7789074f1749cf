"""Stage 1, read: a markdown page -> :class:`Page`, from markdown-it-py's token stream.

A page is a list of sections (one per heading, plus a preamble before the first
heading); each section holds its blocks in order: paragraphs, tables and code blocks.
Inline content (headings, table cells) is kept as a tuple of :class:`Inline` pieces so
that later stages see links and code spans without knowing markdown-it's tokens.
Every piece of a page carries its line and column.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from ..ir import SourceSpan

_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Inline:
    """One piece of inline content.

    ``mark`` pieces are emphasis markers (their markup in ``text``), kept only so that
    columns can be counted; ``code`` pieces carry their backticks in ``href``.
    """

    kind: str  # text, code, link_open, link_close, strike_open, strike_close, break, mark
    text: str = ""
    href: str = ""


@dataclass(frozen=True, slots=True)
class Cell:
    """Inline content with its place: a table cell or a heading's text."""

    inlines: tuple[Inline, ...]
    span: SourceSpan

    @property
    def text(self) -> str:
        """The plain text: markup dropped, code spans and link texts kept, breaks as newlines."""
        parts = []
        for piece in self.inlines:
            if piece.kind in ("text", "code"):
                parts.append(piece.text)
            elif piece.kind == "break":
                parts.append("\n")
        return "".join(parts).strip()

    @property
    def struck(self) -> bool:
        """Whether the content is wrapped in ``~~strikethrough~~`` (deprecated)."""
        return any(p.kind == "strike_open" for p in self.inlines)


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    source_cell_counts: tuple[int, ...]  # cells each body row has in the source text
    span: SourceSpan
    #: The source line of the header and of each body row, for dialects that read a row
    #: the table syntax splits wrongly (an unescaped ``|`` in a cell).
    source_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # paragraph, quote, table, code
    span: SourceSpan
    text: str = ""  # paragraph or quote text, code content
    info: str = ""  # code fence info string; a paragraph's bullet ("-", "*", "+") in a bullet list item
    table: Optional[Table] = None
    cell: Optional[Cell] = None  # a paragraph's inline content (links kept), for type paragraphs


@dataclass(frozen=True, slots=True)
class Section:
    level: int  # 0 for the preamble before any heading, else 1-6
    title: Cell
    blocks: tuple[Block, ...]

    @property
    def span(self) -> SourceSpan:
        return self.title.span


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    sections: tuple[Section, ...]


def markdown_parser() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough; no HTML rendering is ever done."""
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    parser.core.ruler.at("inline", _inline)
    parser.core.ruler.push("docgen_remember_inline", _remember_inline)
    return parser


#: The characters that start an inline rule of the parser above (newline, escape, code
#: span, strikethrough, emphasis, link, image, autolink, HTML, entity).
_INLINE_MARKUP = re.compile(r"[\n\\`~*_\[\]!<&]")


#: Inline content already parsed -> its finished tokens (after every core rule), for
#: content with markup: a tree repeats the same cells on page after page
#: (``:heavy_check_mark:``, ``*Optional[int]*``, the link to a shared model), and the
#: same text always parses to the same tokens, unless the page defines link references.
#: The tokens are shared by every page that holds that content; nothing changes them
#: once parsed (markdown-it's last core rule, ``text_join``, leaves finished tokens as they are).
_PARSED_INLINE: dict[str, list[Token]] = {}
_PARSED_INLINE_LIMIT = 100_000


def _inline(state: StateCore) -> None:
    """markdown-it's inline rule, without its work where the content has no markup
    (most table cells and headings are plain text, which it would make one text token
    of) or where the same content was parsed before."""
    shared = not state.env.get("references")
    parsed = _PARSED_INLINE if shared else {}
    for token in state.tokens:
        if token.type == "inline":
            if shared:
                token.meta["docgen_shared"] = True
            if token.children is None:
                token.children = []
            if _INLINE_MARKUP.search(token.content) is None:
                if token.content:
                    token.children.append(Token("text", "", 0, content=token.content))
            elif token.content in parsed:
                token.children = list(parsed[token.content])
                token.meta["docgen_reused"] = True
            else:
                state.md.inline.parse(token.content, state.md, state.env, token.children)


def _remember_inline(state: StateCore) -> None:
    """Keep the finished tokens of the content :func:`_inline` parsed, for the next page
    that holds the same content (pages with link references excepted: their links
    depend on the page)."""
    if state.env.get("references"):
        return
    if len(_PARSED_INLINE) > _PARSED_INLINE_LIMIT:
        _PARSED_INLINE.clear()
    for token in state.tokens:
        if token.type == "inline" and token.children and not token.meta.get("docgen_reused"):
            if _INLINE_MARKUP.search(token.content) is not None:
                _PARSED_INLINE[token.content] = token.children


#: A cell separator: a ``|`` not right after a backslash.
_SEPARATOR = re.compile(r"(?<!\\)\|")


def split_row(row: str) -> list[str]:
    """markdown-it's ``escapedSplit`` (a table row's cells), without its loop over every
    character: cells end at each ``|`` not right after a backslash, and ``\\|`` in a cell
    stands for ``|`` (tests/read/test_inline_shortcut.py compares the two)."""
    if "\\" not in row:
        return row.split("|")
    return [cell.replace("\\|", "|") for cell in _SEPARATOR.split(row)]


#: markdown-it's own row splitting, replaced by :func:`split_row` (the same cells, found
#: by ``str.split`` and one regex, a tenth of the reading of a page full of tables).
_table = importlib.import_module("markdown_it.rules_block.table")  # the package hides the module
markdown_it_split = _table.escapedSplit
_table.escapedSplit = split_row
_PARSER = markdown_parser()


#: What markdown-it (and CommonMark) count as a line end: not U+2028, U+0085, ``\v``… as ``str.splitlines`` does.
_LINE_END = re.compile(r"\r\n?|\n")


def source_lines(text: str) -> list[str]:
    """The page's lines as markdown-it numbers them (its token maps count these)."""
    return _LINE_END.split(text)


def read_page(path: str, text: str) -> Page:
    """Parse the text of the page at spec-relative *path*."""
    lines = source_lines(text)
    tokens = _PARSER.parse(text)
    return Page(path, tuple(_sections(path, lines, tokens)))


@dataclass
class _SectionBuilder:
    level: int
    title: Cell
    blocks: list[Block] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.level, self.title, tuple(self.blocks))


def _sections(path: str, lines: Sequence[str], tokens: Sequence[Token]) -> Iterator[Section]:
    current = _SectionBuilder(0, Cell((), SourceSpan(path, 1, 1)))
    quote_depth = 0
    bullets: list[str] = []  # the markers of the bullet lists the tokens are inside
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            yield current.freeze()
            line = _line(tok)
            current = _SectionBuilder(
                int(tok.tag[1]),
                Cell(_inlines(tokens[i + 1]), SourceSpan(path, line, _heading_col(lines, line))),
            )
            i += 3
            continue
        if tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type == "bullet_list_open":
            bullets.append(tok.markup)
        elif tok.type == "bullet_list_close" and bullets:
            bullets.pop()
        elif tok.type == "table_open":
            end = _closing(tokens, i, "table_close")
            current.blocks.append(_table_block(path, lines, tokens[i : end + 1]))
            i = end + 1
            continue
        elif tok.type in ("fence", "code_block"):
            span = SourceSpan(path, _line(tok), _indent_col(lines, _line(tok)))
            current.blocks.append(Block("code", span, text=tok.content, info=tok.info.strip()))
        elif tok.type == "inline":
            span = SourceSpan(path, _line(tok), _indent_col(lines, _line(tok)))
            kind = "quote" if quote_depth else "paragraph"
            bullet = bullets[-1] if bullets and kind == "paragraph" else ""
            cell = Cell(_inlines(tok), span)
            current.blocks.append(Block(kind, span, text=cell.text, info=bullet, cell=cell))
        i += 1
    yield current.freeze()


def _closing(tokens: Sequence[Token], start: int, close_type: str) -> int:
    for j in range(start, len(tokens)):
        if tokens[j].type == close_type:
            return j
    return len(tokens) - 1


def _table_block(path: str, lines: Sequence[str], tokens: Sequence[Token]) -> Block:
    table_line = _line(tokens[0])
    rows: list[tuple[Cell, ...]] = []
    counts: list[int] = []
    header: tuple[Cell, ...] = ()
    row: list[Token] = []
    row_line = table_line
    in_head = False
    raw: list[str] = []
    for tok in tokens:
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row, row_line = [], _line(tok)
        elif tok.type == "inline":
            row.append(tok)
        elif tok.type == "tr_close":
            source_line = lines[row_line - 1] if row_line - 1 < len(lines) else ""
            raw.append(source_line)
            columns = cell_columns(source_line)
            cells = tuple(Cell(_inlines(t), SourceSpan(path, row_line, _nth(columns, n, 1))) for n, t in enumerate(row))
            if in_head:
                header = cells
            else:
                rows.append(cells)
                counts.append(len(columns))
    table = Table(header, tuple(rows), tuple(counts), SourceSpan(path, table_line, 1), tuple(raw))
    return Block("table", table.span, table=table)


def _nth(values: Sequence[int], n: int, default: int) -> int:
    return values[n] if n < len(values) else default


def cell_columns(line: str) -> list[int]:
    """1-based columns where each cell's content starts in a GFM table row's source line.

    Used only to place diagnostics; the cells' content always comes from the token stream.
    """
    starts: list[int] = []
    body = line.rstrip()
    pos = len(body) - len(body.lstrip())
    if body[pos : pos + 1] == "|":
        pos += 1
    cell_start = pos
    for match in _PIPE_OR_ESCAPE.finditer(body, pos):
        if match.group() == "|":
            index = match.start()
            content = body[cell_start:index]
            starts.append(cell_start + len(content) - len(content.lstrip()) + 1)
            cell_start = index + 1
        elif match.end() == len(body) and len(match.group()) == 1:
            return starts  # a backslash at the end escapes the row's end
    content = body[cell_start:]
    if content.strip():
        starts.append(cell_start + len(content) - len(content.lstrip()) + 1)
    return starts


#: A cell separator, or a backslash with the character it escapes (none at the end).
_PIPE_OR_ESCAPE = re.compile(r"\\.?|\|", re.DOTALL)


def _line(tok: Token) -> int:
    return tok.map[0] + 1 if tok.map else 1


def _heading_col(lines: Sequence[str], line: int) -> int:
    """Column of the heading's text, after the ``#`` marks."""
    text = lines[line - 1] if line - 1 < len(lines) else ""
    match = re.match(r"\s*#{1,6}\s*", text)
    return (match.end() if match else 0) + 1


def _indent_col(lines: Sequence[str], line: int) -> int:
    text = lines[line - 1] if line - 1 < len(lines) else ""
    return len(text) - len(text.lstrip()) + 1


#: Inline content -> its pieces, for content whose tokens depend on nothing else (see
#: :data:`_PARSED_INLINE`): the pieces are immutable, so every cell holding that content shares them.
_PIECES: dict[str, tuple[Inline, ...]] = {}


def _inlines(tok: Token) -> tuple[Inline, ...]:
    """An inline token's children as docgen's pieces."""
    if not tok.meta.get("docgen_shared"):
        return _pieces(tok)
    pieces = _PIECES.get(tok.content)
    if pieces is None:
        if len(_PIECES) > _PARSED_INLINE_LIMIT:
            _PIECES.clear()
        pieces = _PIECES[tok.content] = _pieces(tok)
    return pieces


def _pieces(tok: Token) -> tuple[Inline, ...]:
    pieces: list[Inline] = []
    hrefs: list[str] = []
    for child in tok.children or ():
        kind = child.type
        if kind == "text":
            pieces.append(Inline("text", child.content))
        elif kind == "code_inline":
            pieces.append(Inline("code", child.content, child.markup))
        elif kind == "link_open":
            hrefs.append(str(child.attrs.get("href", "")))
            pieces.append(Inline("link_open", href=hrefs[-1]))
        elif kind == "link_close":
            pieces.append(Inline("link_close", href=hrefs.pop() if hrefs else ""))
        elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
            pieces.append(Inline("mark", child.markup))
        elif kind in ("s_open", "s_close"):
            pieces.append(Inline(kind.replace("s_", "strike_")))
        elif kind in ("softbreak",):
            pieces.append(Inline("text", " "))
        elif kind == "hardbreak":
            pieces.append(Inline("break"))
        elif kind == "html_inline":
            if _BREAK_TAG.match(child.content.strip()):
                pieces.append(Inline("break"))
            else:
                pieces.append(Inline("text", child.content))
        elif kind == "image":
            pieces.append(Inline("text", child.content))
    return tuple(pieces)
