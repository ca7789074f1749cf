"""Stage 3, dialect: what a page of one documentation flavour means, as IR.

Speakeasy's Python docs come in two dialects: v1 (dataclasses era) and v2 (pydantic
era).  They share the page layout; v2 adds ``Nullable[...]``/``OptionalNullable[...]``
and ``eventstreaming.EventStream[...]``.  The rules that recover the code from a page:

* ``date`` and ``datetime`` are swapped in Type cells (the docs generator's long-standing
  slip), so ``[date](...)`` means ``datetime`` and the reverse;
  (only where the name is the link text to the Python docs: ``[date](https://docs.python.org/…)``;
  inside a union's link text or code block the names are right);
* an Example cell of ``<nil>`` (the docs generator's spelling of null) means the field
  admits null: ``Optional[X]``, required or not;
* a ``:heavy_minus_sign:`` Required cell makes the field ``Optional[X] = None`` even where
  the Type cell shows no ``Optional``;
* an enum whose values are all integer literals is an ``int`` enum, otherwise ``str``;
* ``~~Name~~`` marks a deprecated field or type.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..diagnostics import Diagnostic, error, note, remark, warning
from ..emit import names
from ..ir import (
    BinaryFile,
    DictOf,
    Enum,
    EnumMember,
    Field,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Module,
    Optional_,
    Primitive,
    Ref,
    SourceSpan,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)
from ..read.markdown import Block, Cell, Page, Section, Table
from ..read.types import ArgList, Generic, Link, Name, TypeExpr, TypeSyntaxError, Value, parse_type, parse_type_text
from ..resolve import Declared, Symbols, leaves_root, outside_specs, resolve_link, type_key

FIELDS, VALUES, SUPPORTED = "fields", "values", "supported types"
REQUIRED_MARKS = {":heavy_check_mark:": True, ":heavy_minus_sign:": False}
NO_DESCRIPTION = {"N/A", ""}
_SWAPPED = {"date": "datetime", "datetime": "date"}
_HTTP_RESPONSES = {"requests.Response", "requests_http.Response", "httpx.Response"}
_BINARY_FILES = {"io.BufferedReader", "BufferedReader", "BinaryIO", "typing.BinaryIO"}
_SCALARS = {"str", "int", "float", "bool", "bytes", "Decimal", "Any", "date", "datetime"}
_NULL_EXAMPLES = {"<nil>"}
_UNION_CODE = re.compile(r"^\s*[A-Za-z_][\w]*\s*:\s*(?P<type>.+?)\s*=\s*/\*", re.DOTALL)
_INT_VALUE = re.compile(r"^-?\d+$")


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    optional_heads: frozenset[str]  # heads that mean Optional[X]
    stream_heads: frozenset[str]  # heads that mean a stream of X


SPEAKEASY_V1 = Dialect("speakeasy-v1", frozenset({"Optional"}), frozenset({"Generator"}))
SPEAKEASY_V2 = Dialect(
    "speakeasy-v2",
    frozenset({"Optional", "Nullable", "OptionalNullable"}),
    frozenset({"Generator", "eventstreaming.EventStream", "eventstreaming.EventStreamAsync"}),
)
_V2_MARKERS = ("Nullable[", "eventstreaming.", "### `")


def detect(text: str) -> Dialect:
    """The dialect of one page: v2 when it uses anything only v2 writes."""
    return SPEAKEASY_V2 if any(marker in text for marker in _V2_MARKERS) else SPEAKEASY_V1


# --- which pages describe no types -----------------------------------------------

#: Page names that are the SDK's own documentation, never a model page.
README_PAGES = frozenset({"README.md", "USAGE.md"})
#: The folder of operation pages (``docs/sdks/<group>/README.md``), read as operations, not models.
OPERATIONS_FOLDER = "sdks"
#: The folder of SDK helpers (``docs/models/utils/retryconfig.md``): no model in the SDK's models.
HELPERS_FOLDER = "utils"


def not_a_model_page(path: str) -> Optional[str]:
    """What a page is when it is not a model page (an operation page, a readme, an SDK helper), else None."""
    folders = path.split("/")[:-1]
    if OPERATIONS_FOLDER in folders:
        return "operation page"
    if path.rpartition("/")[2] in README_PAGES:
        return "SDK readme"
    if folders[-1:] == [HELPERS_FOLDER] and folders[-2:-1] in ([], ["models"]):
        return "SDK helper"
    return None


# --- which types a page declares -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _TypeSection:
    """A heading that names a type, with the section that holds its table or union."""

    kind: str
    title: Cell
    body: Section  # the Fields/Values/Supported Types section
    intro: Section  # where the description paragraphs are
    content: tuple[Block, ...]  # the body's blocks and those of its sub-sections


def _section_kind(section: Section) -> Optional[str]:
    title = section.title.text.strip().lower()
    return {FIELDS: "model", VALUES: "enum", SUPPORTED: "union"}.get(title)


#: Sections of a model page that describe no type (a usage example, an overview): part of the
#: layout, not read, listed under -v.  Any other section docgen does not use is a remark.
LAYOUT_SECTIONS = frozenset({"example usage", "overview", "usage", "example", "examples", "description"})


def _type_sections(page: Page) -> tuple[list[_TypeSection], list[Diagnostic]]:
    """The sections of a page that describe types, wherever they stand, and the unused ones noted.

    The page's ``# Title`` type is described by the first Fields/Values/Supported Types section
    (at ``##`` or deeper) that is not below another type's heading: prose sections such as
    ``## Example Usage`` or ``## Overview`` may come first.  A ``## Name`` heading with its own
    ``### Fields`` (or Values, Supported Types) below it describes a second type of the page.
    """
    sections = page.sections
    h1 = next((s for s in sections if s.level == 1), None)
    if h1 is None:
        problem = error(
            SourceSpan(page.path, 1, 1),
            "page has no '# Title' heading naming its type",
            "start the page with '# TypeName'",
        )
        return [], [problem]
    found, problems, used = _find_type_sections(sections, h1)
    if not any(t.intro is h1 for t in found):
        problems.append(
            error(
                h1.span,
                f"page {h1.title.text!r} has no '## Fields', '## Values' or '## Supported Types' section",
                "add the section that describes the type, or move the page out of the specs folder",
            )
        )
    problems.extend(_unused_sections(sections, used))
    return found, problems


def _find_type_sections(
    sections: Sequence[Section], h1: Section
) -> tuple[list[_TypeSection], list[Diagnostic], set[int]]:
    found: list[_TypeSection] = []
    problems: list[Diagnostic] = []
    used = {id(h1)} | {id(s) for s in sections if s.level == 0}
    owner: Optional[Section] = h1
    for index, section in enumerate(sections):
        kind = _section_kind(section)
        h1_open = not any(t.intro is h1 for t in found)
        if section.level == 1 and section is not h1:
            problems.append(
                warning(section.span, "a second '# Title' heading is ignored", "use '## Name' for another type")
            )
            owner = None
        elif section.level == 1 or id(section) in used:
            continue
        elif kind is not None and owner is not None and (owner is h1 or section.level > owner.level):
            subtree = _subtree(sections, index)
            found.append(_TypeSection(kind, owner.title, section, owner, subtree))
            used |= {id(section), id(owner)} | {id(s) for s in _subsections(sections, index)}
            owner = None
        elif kind is None and section.level == 2:
            if _names_a_type(sections, index):
                owner = section  # '## BackoffStrategy' with its '### Fields' is another type of the page
            else:
                owner = h1 if h1_open else None  # prose: the title's section may still follow
    return found, problems, used


def _names_a_type(sections: Sequence[Section], index: int) -> bool:
    """A ``## Name`` heading, not a layout section, with a type section below it."""
    if sections[index].title.text.strip().lower() in LAYOUT_SECTIONS:
        return False
    return any(_section_kind(s) is not None for s in _subsections(sections, index))


def _subsections(sections: Sequence[Section], index: int) -> list[Section]:
    """The sections below ``sections[index]``, up to the next one at its level or above."""
    below = []
    for section in sections[index + 1 :]:
        if section.level <= sections[index].level:
            break
        below.append(section)
    return below


def _unused_sections(sections: Sequence[Section], used: set[int]) -> list[Diagnostic]:
    """A note for each layout section (listed under -v), a remark for any other unused one."""
    problems = []
    for section in sections:
        if id(section) in used or section.level <= 1:
            continue
        title = section.title.text.strip()
        if title.lower() in LAYOUT_SECTIONS:
            problems.append(note(section.span, f"section {title!r} describes no type; not read"))
        else:
            problems.append(
                remark(
                    section.span,
                    f"section {title!r} is not one docgen reads; ignored",
                    "docgen reads '## Fields', '## Values' and '## Supported Types' (and '### ' ones below a "
                    "'## Name' heading)",
                )
            )
    return problems


def _subtree(sections: Sequence[Section], index: int) -> tuple[Block, ...]:
    """The blocks of ``sections[index]`` and of the deeper sections that follow it."""
    blocks = list(sections[index].blocks)
    for section in sections[index + 1 :]:
        if section.level <= sections[index].level:
            break
        blocks.extend(section.blocks)
    return tuple(blocks)


def declarations(page: Page) -> tuple[list[Declared], list[Diagnostic]]:
    """The types a page declares (name, kind, place), for the symbol table."""
    found, problems = _type_sections(page)
    declared: list[Declared] = []
    for section in found:
        name = section.title.text.strip()
        if not names.is_identifier(name):
            problems.append(
                error(
                    section.title.span,
                    f"type name {name!r} is not a valid Python identifier",
                    "use letters, digits and underscores, not starting with a digit",
                )
            )
            continue
        declared.append(Declared(section.kind, name, page.path, section.title.span))
    return declared, problems


# --- lowering a page to the IR -----------------------------------------------------


class _Problem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _Broken(Exception):
    """A reference to a type of a page that failed: that page's error is the one message."""

    def __init__(self, page: str) -> None:
        super().__init__(page)
        self.page = page


def lower_page(page: Page, text: str, symbols: Symbols) -> tuple[Optional[Module], list[Diagnostic]]:
    """A page's types as an IR module, or None with the errors that prevent it."""
    dialect = detect(text)
    found, problems = _type_sections(page)
    decls = []
    for section in found:
        name = section.title.text.strip()
        if symbols.in_page(page.path, name) is None:
            continue  # reported when declared
        lower = _Lowering(page, dialect, symbols, problems)
        decl = lower.declaration(section, type_key(page.path, name), name)
        if decl is not None:
            decls.append(decl)
    module_path = _module_path(page.path)
    if module_path is None:
        problems.append(
            error(
                SourceSpan(page.path, 1, 1),
                f"page path {page.path!r} cannot be a Python module path",
                "name folders and files with letters, digits, '_' or '-'",
            )
        )
        return None, problems
    return Module(page.path, module_path, tuple(decls)), problems


def _module_path(page: str) -> Optional[tuple[str, ...]]:
    parts = page[: -len(".md")].split("/") if page.endswith(".md") else page.split("/")
    converted = [names.module_name(p) for p in parts]
    if any(c is None for c in converted):
        return None
    return tuple(c for c in converted if c is not None)


@dataclass
class _Lowering:
    page: Page
    dialect: Dialect
    symbols: Symbols
    problems: list[Diagnostic]

    def declaration(self, section: _TypeSection, key: str, name: str) -> Optional[Model | Enum | Union_]:
        description = _description(section.intro.blocks)
        deprecated = section.title.struck or any(
            b.kind == "quote" and "DEPRECATED" in b.text for b in section.intro.blocks
        )
        span = section.title.span
        if section.kind == "model":
            table = self._table(section.body)
            fields = self.fields(table) if table is not None else ()
            return Model(key, name, description, deprecated, fields, span)
        if section.kind == "enum":
            table = self._table(section.body)
            if table is None:
                return None
            value_type, members = self.enum_members(table)
            return Enum(key, name, description, deprecated, value_type, members, span)
        return Union_(key, name, description, deprecated, self.union_members(section), span)

    # -- tables

    def _table(self, section: Section) -> Optional[Table]:
        table = next((b.table for b in section.blocks if b.table is not None), None)
        if table is None:
            self.problems.append(
                error(section.span, f"'{section.title.text}' section has no table", "add the markdown table below it")
            )
        return table

    def _columns(self, table: Table, wanted: Sequence[str]) -> dict[str, int]:
        headers = [c.text.strip().lower() for c in table.header]
        for cell, header in zip(table.header, headers):
            if header not in wanted:
                self.problems.append(
                    warning(
                        cell.span,
                        f"column {cell.text.strip()!r} is not one docgen reads; its cells are not used",
                        "docgen reads the columns " + ", ".join(w.title() for w in wanted) + "; remove or rename it",
                    )
                )
        return {w: headers.index(w) for w in wanted if w in headers}

    def _check_row_widths(self, table: Table) -> None:
        for row, count in zip(table.rows, table.source_cell_counts):
            if count != len(table.header) and row:
                self.problems.append(
                    error(
                        row[0].span,
                        f"table row has {count} cells but the header has {len(table.header)}",
                        "every row needs one cell per column; escape a literal '|' as '\\|'",
                    )
                )

    def fields(self, table: Table) -> tuple[Field, ...]:
        self._check_row_widths(table)
        columns = self._columns(table, ("field", "name", "type", "required", "description", "example"))
        name_col = columns.get("field", columns.get("name"))
        if name_col is None or "type" not in columns:
            self.problems.append(
                error(
                    table.span,
                    "a Fields table needs 'Field' (or 'Name') and 'Type' columns",
                    "add the missing column header",
                )
            )
            return ()
        known = {columns.get(c, -1) for c in ("type", "required", "description", "example")} | {name_col}
        fields: list[Field] = []
        seen: dict[str, SourceSpan] = {}
        for row in table.rows:
            if len(row) <= max(name_col, columns["type"]):
                continue
            made = self._field(row, columns, name_col, known, table)
            if made is None:
                continue
            if made.name in seen:
                self.problems.append(
                    error(
                        made.span,
                        f"field {made.name!r} is listed twice (first at {seen[made.name]})",
                        "remove or rename one row",
                    )
                )
                continue
            seen[made.name] = made.span
            fields.append(made)
        return tuple(fields)

    def _field(
        self, row: tuple[Cell, ...], columns: dict[str, int], name_col: int, known: set[int], table: Table
    ) -> Optional[Field]:
        name_cell = row[name_col]
        raw_name = name_cell.text
        name = names.safe_identifier(raw_name)
        if name is None:
            self.problems.append(
                error(
                    name_cell.span,
                    f"field name {raw_name!r} is not a valid Python identifier",
                    "use letters, digits and underscores, not starting with a digit",
                )
            )
            return None
        required = True
        if "required" in columns and columns["required"] < len(row):
            mark_cell = row[columns["required"]]
            mark = mark_cell.text.strip()
            if mark not in REQUIRED_MARKS:
                self.problems.append(
                    error(
                        mark_cell.span,
                        f"unknown Required marker {mark!r}",
                        "write :heavy_check_mark: (required) or :heavy_minus_sign: (optional)",
                    )
                )
                return None
            required = REQUIRED_MARKS[mark]
        try:
            field_type = self.lower(parse_type(row[columns["type"]]))
        except TypeSyntaxError as exc:
            self.problems.append(error(exc.span, exc.message, exc.hint))
            return None
        except _Problem as exc:
            self.problems.append(exc.diagnostic)
            return None
        except _Broken as exc:
            self.symbols.refer(self.page.path, exc.page)
            return None
        example = row[columns["example"]].text.strip() if "example" in columns and columns["example"] < len(row) else ""
        nullable = not required or example in _NULL_EXAMPLES
        if nullable and not isinstance(field_type, Optional_):
            field_type = Optional_(field_type)
        description = ""
        if "description" in columns and columns["description"] < len(row):
            description = _clean_description(row[columns["description"]].text)
        extra = tuple(
            (table.header[i].text, cell.text) for i, cell in enumerate(row) if i not in known and i < len(table.header)
        )
        return Field(
            name=name,
            wire_name=names.unescaped(name),
            type=field_type,
            required=required,
            description=description,
            deprecated=name_cell.struck,
            extra=extra,
            span=name_cell.span,
        )

    def enum_members(self, table: Table) -> tuple[str, tuple[EnumMember, ...]]:
        self._check_row_widths(table)
        columns = self._columns(table, ("name", "value"))
        if "value" not in columns:
            self.problems.append(
                error(table.span, "a Values table needs a 'Value' column", "add 'Name | Value' headers")
            )
            return "str", ()
        rows = [r for r in table.rows if len(r) > columns["value"]]
        raw_values = [r[columns["value"]].text for r in rows]
        is_int = bool(raw_values) and all(_INT_VALUE.match(v) for v in raw_values)
        members: list[EnumMember] = []
        seen_names: dict[str, SourceSpan] = {}
        seen_values: dict[object, SourceSpan] = {}
        for row, raw in zip(rows, raw_values):
            cell = row[columns["name"]] if "name" in columns else row[columns["value"]]
            member_name = cell.text if "name" in columns else names.enum_member_name(raw)
            safe = names.safe_identifier(member_name, frozenset({"name", "value", "mro"}))
            if safe is None or safe.startswith("_"):
                self.problems.append(
                    error(
                        cell.span,
                        f"enum member name {member_name!r} is not a valid Python identifier",
                        "use letters, digits and underscores",
                    )
                )
                continue
            value: str | int = int(raw) if is_int else raw
            for seen, key, what in ((seen_names, safe, "member"), (seen_values, value, "value")):
                if key in seen:
                    self.problems.append(
                        error(
                            cell.span, f"enum {what} {key!r} is listed twice (first at {seen[key]})", "remove one row"
                        )
                    )
                    break
            else:
                seen_names[safe] = cell.span
                seen_values[value] = cell.span
                members.append(EnumMember(safe, value, cell.span))
        return ("int" if is_int else "str"), tuple(members)

    def union_members(self, section: _TypeSection) -> tuple[TypeRef, ...]:
        members: list[TypeRef] = []
        for block in section.content:
            if block.kind != "code":
                continue
            match = _UNION_CODE.match(block.text)
            if match is None:
                self.problems.append(
                    error(
                        block.span,
                        "union member code block is not 'name: Type = ...'",
                        "write e.g. `value: shared.Foo = /* values here */`",
                    )
                )
                continue
            span = SourceSpan(block.span.path, block.span.line + 1, 1)
            try:
                member = self.lower(parse_type_text(match.group("type"), span))
            except TypeSyntaxError as exc:
                self.problems.append(error(exc.span, exc.message, exc.hint))
                continue
            except _Problem as exc:
                self.problems.append(exc.diagnostic)
                continue
            except _Broken as exc:
                self.symbols.refer(self.page.path, exc.page)
                continue
            if member not in members:
                members.append(member)
        if not members and self.page.path not in self.symbols.knock_on:
            self.problems.append(
                error(
                    section.body.span, "union has no member types", "add '### Member' headings with python code blocks"
                )
            )
        return tuple(members)

    # -- type expressions

    def lower(self, expr: TypeExpr, linked_page: Optional[str] = None, anchor: str = "") -> TypeRef:
        if isinstance(expr, Link):
            return self._link(expr)
        if isinstance(expr, Name):
            return self._name(expr, linked_page, anchor)
        if isinstance(expr, Generic):
            return self._generic(expr, linked_page, anchor)
        raise _Problem(error(expr.span, "a value is not a type here", "values belong inside Literal[...]"))

    def _link(self, expr: Link) -> TypeRef:
        target, anchor = resolve_link(expr.href, self.page.path, self.symbols.root)
        if target is not None:
            self._check_link_target(expr, target)
        if target is None and isinstance(expr.inner, Name) and expr.inner.text in _SWAPPED:
            return Primitive(_SWAPPED[expr.inner.text])
        return self.lower(expr.inner, target, anchor)

    def _check_link_target(self, expr: Link, target: str) -> None:
        """A link's normalized target must be a page of the specs folder (and no symlink leaving it)."""
        if outside_specs(target):
            raise _Problem(
                error(
                    expr.span,
                    f"link {expr.href!r} resolves to {target!r}, outside the specs folder",
                    "link only to pages inside the folder being built (paths are relative to the page's folder)",
                )
            )
        if target in self.symbols.pages:
            return
        if target in self.symbols.skipped:
            raise _Problem(
                error(
                    expr.span,
                    f"link {expr.href!r} points to {target}, an {self.symbols.skipped[target]}, not a model page",
                    "link to the page that defines the type",
                )
            )
        on_disk = os.path.join(self.symbols.root, target) if self.symbols.root else None
        if on_disk is not None and os.path.lexists(on_disk):
            if leaves_root(self.symbols.root or "", target) is not None:
                raise _Problem(
                    error(
                        expr.span,
                        f"link {expr.href!r} resolves to {target!r}, a symbolic link leading outside the specs folder",
                        "copy the page into the folder being built instead of linking to it",
                    )
                )
            raise _Problem(
                error(
                    expr.span,
                    f"link {expr.href!r} points to {target}, a page this build leaves out (include/exclude)",
                    "include the page, or link to one that is built",
                )
            )
        raise _Problem(
            error(
                expr.span,
                f"link {expr.href!r} points to a page that does not exist ({target})",
                "fix the link or add the page",
            )
        )

    def _name(self, expr: Name, linked_page: Optional[str], anchor: str) -> TypeRef:
        text = expr.text
        if text in _HTTP_RESPONSES:
            return HttpResponse()
        if text in _BINARY_FILES:
            return BinaryFile()
        if text in _SCALARS:
            return Primitive(text)
        if text in ("Dict", "List", "Optional", "Union", "Literal", "Generator"):
            raise _Problem(error(expr.span, f"{text} needs type arguments: {text}[...]", "e.g. List[*str*]"))
        found = None
        short = text.rpartition(".")[2]
        if linked_page is not None:
            found = self.symbols.by_anchor(linked_page, anchor) if anchor and linked_page == self.page.path else None
            found = found or self.symbols.in_page(linked_page, short)
        found = found or self.symbols.lookup(text, self.page.path)
        broken = self.symbols.broken_page(text, linked_page) if found is None else None
        if broken is not None:
            raise _Broken(broken)
        if found is None:
            raise _Problem(
                error(
                    expr.span,
                    f"unknown type name {text!r}",
                    "use a primitive (str, int, float, bool, bytes, Decimal, date, datetime, Any) "
                    "or link to the page that defines the type",
                )
            )
        return Ref(found.key)

    def _generic(self, expr: Generic, linked_page: Optional[str], anchor: str) -> TypeRef:
        head = expr.head.text
        args = expr.args

        def arity(low: int, high: int) -> None:
            if not low <= len(args) <= high:
                want = str(low) if low == high else f"{low} to {high}"
                raise _Problem(error(expr.span, f"{head}[...] takes {want} type argument(s), got {len(args)}", ""))

        def sub(arg: TypeExpr) -> TypeRef:
            if isinstance(arg, (Value, ArgList)):
                raise _Problem(error(arg.span, f"expected a type inside {head}[...]", ""))
            return self.lower(arg, linked_page, anchor)

        if head in self.dialect.optional_heads:
            arity(1, 1)
            inner = sub(args[0])
            return inner if isinstance(inner, Optional_) else Optional_(inner)
        if head in ("List", "list"):
            arity(1, 1)
            return ListOf(sub(args[0]))
        if head in ("Dict", "dict"):
            arity(2, 2)
            key = sub(args[0])
            if key != Primitive("str"):
                raise _Problem(
                    error(expr.span, "Dict keys must be str: JSON object keys are strings", "write Dict[str, X]")
                )
            return DictOf(sub(args[1]))
        if head in ("IO", "typing.IO"):
            arity(1, 1)
            if sub(args[0]) != Primitive("bytes"):
                raise _Problem(error(expr.span, "only binary files are supported: IO[bytes]", "write IO[bytes]"))
            return BinaryFile()
        if head in self.dialect.stream_heads:
            arity(1, 3)
            return StreamOf(sub(args[0]))
        if head == "Union":
            arity(1, 64)
            return _union([sub(a) for a in args if not (isinstance(a, Name) and a.text == "None")], args)
        if head == "Literal":
            arity(1, 64)
            values = []
            for arg in args:
                if not isinstance(arg, Value) or not isinstance(arg.value, (str, int, bool, type(None))):
                    raise _Problem(
                        error(arg.span, "Literal[...] takes strings, integers, booleans or None", 'e.g. Literal["car"]')
                    )
                values.append(arg.value)
            return LiteralOf(tuple(values))
        raise _Problem(
            error(
                expr.head.span,
                f"unknown generic type {head!r}",
                "use Optional, List, Dict, Union, Literal or Generator",
            )
        )


def _union(members: list[TypeRef], args: tuple[TypeExpr, ...]) -> TypeRef:
    unique: list[TypeRef] = []
    for member in members:
        if member not in unique:
            unique.append(member)
    nullable = len(unique) < len(args) and any(isinstance(a, Name) and a.text == "None" for a in args)
    core: TypeRef = UnionOf(tuple(unique))
    return Optional_(core) if nullable else core


def _description(blocks: Sequence[Block]) -> str:
    return "\n\n".join(b.text for b in blocks if b.kind == "paragraph" and b.text).strip()


_DEPRECATION_NOTE = re.compile(r"^:\s*warning\s*:\s*\*\*\s*DEPRECATED\s*\*\*\s*:\s*", re.IGNORECASE)


def _clean_description(text: str) -> str:
    """``N/A`` is no description; the docs' deprecation banner becomes plain words."""
    text = text.strip()
    if text in NO_DESCRIPTION:
        return ""
    return _DEPRECATION_NOTE.sub("Deprecated: ", text)
