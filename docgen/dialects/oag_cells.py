"""The cells of OpenAPI Generator's Python docs: Notes flags, defaults, type spellings,
enum items, and rows that an unescaped ``|`` split.

* Notes: ``[optional]``, ``[readonly]`` and ``[default to X]`` (7.x and python-legacy);
  the 6.x ``python`` generator writes ``[optional]``, ``[readonly]``, ``defaults to X``,
  ``must be one of [...]`` and ``if omitted the server will use the default value of X``.
* A default is a Python literal as the generator writes it (``'opaque'``, ``25``, ``[]``)
  or an enum member (``KeyStatus.ACTIVE``).
* The 6.x ``python`` generator spells types ``[str]`` (a list), ``{str: (X,)}`` (a dict),
  ``str, none_type`` (nullable) and ``bool, date, ..., none_type`` (any value);
  ``bytearray`` is bytes in every era.
* An enum page lists ``* `NAME` (value: `'x'`)`` items.
"""

from __future__ import annotations

import ast
import dataclasses
import html
import json
import re
from typing import TYPE_CHECKING, Optional, Union

from ..diagnostics import Diagnostic, error, warning
from ..ir import Default, SourceSpan

if TYPE_CHECKING:  # the markdown library loads only when pages are read
    from ..read.markdown import Block, Cell, Table

#: One Notes flag, at the start of what is left of the cell.
_FLAG = re.compile(
    r"\[optional\]|\[readonly\]|\[default to (?P<default>.*)\]\s*$|defaults to (?P<defaults>.*?)\s*$"
    r"|must be one of \[[^\]]*\]|if omitted the server will use the default value of .*?\s*$",
    re.IGNORECASE,
)
#: What messages show as the Notes flags docgen reads.
KNOWN_FLAGS = "[optional], [readonly], [default to X] (or the 6.x 'defaults to X', 'must be one of [...]')"


@dataclasses.dataclass(frozen=True)
class Notes:
    """What a Notes cell says about its field."""

    optional: bool = False
    readonly: bool = False
    default: Optional[str] = None  # the default as written
    unknown: str = ""  # the first text that is no flag docgen knows


def read_notes(text: str) -> Notes:
    """The flags of a Notes cell's text (HTML entities already decoded)."""
    rest = text.strip()
    found = Notes()
    while rest:
        match = _FLAG.match(rest)
        if match is None:
            return dataclasses.replace(found, unknown=rest)
        flag = match.group().lower()
        if flag == "[optional]":
            found = dataclasses.replace(found, optional=True)
        elif flag == "[readonly]":
            found = dataclasses.replace(found, readonly=True)
        elif match.group("default") is not None or match.group("defaults") is not None:
            found = dataclasses.replace(
                found, default=(match.group("default") or match.group("defaults") or "").strip()
            )
        rest = rest[match.end() :].strip()
    return found


_MEMBER = re.compile(r"^[A-Za-z_]\w*\.(?P<member>[A-Za-z_]\w*)$")


def read_default(text: str) -> Default:
    """A documented default: a Python or JSON literal (kept as JSON text) or an enum member."""
    member = _MEMBER.match(text)
    if member is not None:
        return Default(text, member=member.group("member"))
    for parse in (ast.literal_eval, json.loads):
        try:
            value = parse(text)
        except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError):
            continue
        try:
            return Default(text, json=json.dumps(value, allow_nan=False))
        except (TypeError, ValueError):
            break  # a tuple, a set, bytes, NaN...: no JSON value
    return Default(text)


# --- type cells ---------------------------------------------------------------------

#: The 6.x generator's list of every JSON type: a value of any type.
_ANY_TYPE = {"bool", "date", "datetime", "dict", "float", "int", "list", "str"}
#: Names of the docs that Python spells otherwise.
#: ``UUID`` (7.x, ``uuid.UUID`` in the client) is the text it travels as: docgen has no UUID type.
_RENAMES = {
    "bytearray": "bytes",
    "file_type": "bytes",
    "none_type": "None",
    "decimal": "Decimal",
    "decimal.Decimal": "Decimal",
    "UUID": "str",
}
_WORD = re.compile(r"[A-Za-z_][\w.]*")


def type_text(text: str, top: bool, objects: tuple[str, str]) -> str:
    """A Type cell's text in docgen's type grammar: the 6.x spellings translated, the
    docs' names renamed; ``object`` is ``objects[0]`` at the top of the cell, ``objects[1]``
    inside another type."""
    text = text.strip()
    parts = _split_top(text)
    if len(parts) > 1:
        members = [type_text(p, False, objects) for p in parts]
        nullable = "None" in members
        others = [m for m in members if m != "None"]
        core = "Any" if set(parts) >= _ANY_TYPE else others[0] if len(others) == 1 else f"Union[{', '.join(others)}]"
        return f"Optional[{core}]" if nullable else core
    if text.startswith("[") and text.endswith("]"):
        return f"List[{type_text(text[1:-1], False, objects)}]"
    if text.startswith("{") and text.endswith("}") and ":" in text:
        key, _, value = text[1:-1].partition(":")
        value = value.strip()
        if value.startswith("(") and value.endswith(")"):
            value = value[1:-1].strip().rstrip(",")
        return f"Dict[{key.strip()}, {type_text(value, False, objects)}]"
    if text == "object":
        return objects[0] if top else objects[1]
    return _WORD.sub(lambda m: _name(m.group(), text, objects[1]), text)


def _name(word: str, text: str, inner_object: str) -> str:
    if word in _RENAMES:
        return _RENAMES[word]
    if word == "object":
        return inner_object
    if word in ("dict", "list") and text == word:
        return "Dict[str, Any]" if word == "dict" else "List[Any]"
    return word


def _split_top(text: str) -> list[str]:
    """*text* split at the commas outside brackets, braces and parentheses."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "[{(":
            depth += 1
        elif char in "]})":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def type_cell(cell: "Cell", objects: tuple[str, str]) -> "Cell":
    """*cell* with each run of text pieces translated by :func:`type_text`."""
    from ..read.markdown import Cell, Inline

    pieces: list[Inline] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            joined = "".join(run)
            pieces.append(Inline("text", type_text(joined, top, objects) if joined.strip() else joined))
            run.clear()

    top = not any(p.kind == "link_open" for p in cell.inlines) or _link_is_whole(cell)
    for piece in cell.inlines:
        if piece.kind in ("text", "code"):
            run.append(piece.text)
        elif piece.kind != "mark":
            flush()
            pieces.append(piece)
    flush()
    return Cell(tuple(pieces), cell.span)


def _link_is_whole(cell: "Cell") -> bool:
    kinds = [p.kind for p in cell.inlines if p.kind != "mark"]
    return kinds[:1] == ["link_open"] and kinds[-1:] == ["link_close"]


# --- enum items ---------------------------------------------------------------------

_ITEM = re.compile(r"^(?P<name>\S+)\s+\(value:\s*(?P<value>.+)\)\s*$", re.DOTALL)
ITEM_EXAMPLE = "* `NAME` (value: `'x'`)"


def enum_items(
    blocks: "tuple[Block, ...]", section_span: SourceSpan
) -> tuple[list[tuple[str, Union[str, int], SourceSpan]], list[Diagnostic]]:
    """(member name, value, place) of each ``* `NAME` (value: `'x'`)`` item, and the problems."""
    values: list[tuple[str, Union[str, int], SourceSpan]] = []
    problems: list[Diagnostic] = []
    for block in blocks:
        if block.kind != "paragraph" or not block.info:
            continue
        match = _ITEM.match(block.text.strip())
        value = _item_value(match.group("value")) if match else None
        if match is None or value is None:
            problems.append(
                error(
                    block.span,
                    f"enum item {block.text.strip()!r} is not a member name and a quoted or integer value",
                    f"write each item as {ITEM_EXAMPLE}",
                )
            )
            continue
        values.append((match.group("name"), value, block.span))
    if not values and not problems:
        problems.append(error(section_span, "'Enum' section lists no values", f"list them as {ITEM_EXAMPLE}"))
    return values, problems


def _item_value(text: str) -> Optional[Union[str, int]]:
    try:
        value = ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, RecursionError, MemoryError):
        return None
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else None


# --- rows split by an unescaped '|' ----------------------------------------------------

#: The header every Properties table has.
HEADER = ("name", "type", "description", "notes")


def source_cells(line: str, closed: bool = False) -> list[str]:
    """The cells of a table row's source line, split at unescaped ``|`` (a leading one
    dropped): a trailing ``|`` leaves an empty last cell, unless the table is *closed* (its
    header ends with a ``|``: every row then does, after its last cell)."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if closed and body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, current, index = [], [], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            current.append(body[index : index + 2])
            index += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current))
    return [c.strip() for c in cells]


def check_header(table: "Table", section_title: str) -> Optional[Diagnostic]:
    """An error when the table's header is not OpenAPI Generator's."""
    header = tuple(c.text.strip().lower() for c in table.header)
    if header == HEADER:
        return None
    shown = " | ".join(c.text.strip() for c in table.header)
    return error(
        table.span,
        f"a {section_title} table has the header {shown!r}",
        "OpenAPI Generator writes 'Name | Type | Description | Notes'; fix the header or choose another dialect",
    )


def mend_rows(table: "Table") -> tuple["Table", list[Diagnostic]]:
    """The rows whose description held an unescaped ``|`` put back together: the first two
    source cells are the name and type, the last the Notes, the rest the description."""
    from ..read.markdown import Cell, Inline

    lines = table.source_lines[1:] if len(table.source_lines) == len(table.rows) + 1 else ()
    if not lines:
        return table, []
    width = len(table.header)
    closed = table.source_lines[0].rstrip().endswith("|")
    problems: list[Diagnostic] = []
    rows = list(table.rows)
    for index, (row, line) in enumerate(zip(table.rows, lines)):
        cells = source_cells(line, closed)
        if len(cells) <= width or len(row) < 2:
            continue
        description = html.unescape(" | ".join(cells[2:-1])).replace("\\|", "|")
        notes = html.unescape(cells[-1])
        span = row[2].span if len(row) > 2 else row[0].span
        rows[index] = (
            row[0],
            row[1],
            Cell((Inline("text", description),), span),
            Cell((Inline("text", notes),), row[-1].span),
        )
        problems.append(
            warning(
                span,
                f"description cell holds an unescaped '|' ({len(cells)} cells where the header has {width}); "
                "read as part of the description",
                "escape it as '\\|' in the page (the generator copies descriptions unescaped)",
            )
        )
    return dataclasses.replace(table, rows=tuple(rows)), problems
