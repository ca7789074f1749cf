"""A page of some dialect -> IR: which types it declares, and their fields, values or members.

Everything flavour-specific comes from the :class:`~docgen.dialects.dialect.Dialect`
passed in; this module knows only the shape every dialect shares: a ``# Title``
heading, a declaring section below it (or below a ``## Name`` heading for a further
type of the page), and a table or code blocks in that section.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional

from ..diagnostics import Diagnostic, error, warning
from ..emit import names
from ..ir import Enum, EnumMember, Field, Model, Module, Optional_, SourceSpan, TypeRef, Union_
from ..read.markdown import Cell, Page, Section, Table
from ..read.types import MAX_INT_DIGITS, TypeExpr, TypeSyntaxError, parse_type, parse_type_text
from ..resolve import Declared, Symbols, type_key
from ..walk import without_optional
from .dialect import DESCRIPTION, ENUM, EXAMPLE, MODEL, NAME, REQUIRED, TYPE, VALUE, Dialect
from .sections import TypeSection, type_sections
from .types import RESPONSE_TYPES, Broken, Problem, TypeLowering

_INT_VALUE = re.compile(r"^-?\d+$")


def declarations(page: Page, dialect: Dialect) -> tuple[list[Declared], list[Diagnostic]]:
    """The types a page declares (name, kind, place), for the symbol table."""
    found, problems = type_sections(page, dialect)
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
        reason = names.type_name_problem(name)
        if reason is not None:
            problems.append(
                error(section.title.span, f"type name {name!r} cannot be used: {reason}", "rename the type")
            )
            continue
        declared.append(Declared(section.kind, name, page.path, section.title.span))
    return declared, problems


def lower_page(page: Page, symbols: Symbols, dialect: Dialect) -> tuple[Optional[Module], list[Diagnostic]]:
    """A page's types as an IR module, or None with the errors that prevent it."""
    found, problems = type_sections(page, dialect)
    decls = []
    for section in found:
        name = section.title.text.strip()
        if symbols.in_page(page.path, name) is None:
            continue  # reported when declared
        lower = _Lowering(TypeLowering(page.path, dialect, symbols), problems)
        decl = lower.declaration(section, type_key(page.path, name), names.type_name(name) or name)
        if isinstance(decl, Enum) and not decl.open and section.intro.level == 1 and dialect.usage_says_open(page):
            decl = dataclasses.replace(decl, open=True)
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
    types: TypeLowering
    problems: list[Diagnostic]

    @property
    def dialect(self) -> Dialect:
        return self.types.dialect

    def declaration(self, section: TypeSection, key: str, name: str) -> Optional[Model | Enum | Union_]:
        description = "\n\n".join(b.text for b in section.intro.blocks if b.kind == "paragraph" and b.text).strip()
        deprecated = section.title.struck or any(
            b.kind == "quote" and self.dialect.deprecated_quote in b.text for b in section.intro.blocks
        )
        span = section.title.span
        if section.kind == MODEL:
            table = self._table(section.body)
            fields = self.fields(table) if table is not None else ()
            return Model(key, name, description, deprecated, fields, span, self._response_fields(fields))
        if section.kind == ENUM:
            listed = self.dialect.value_list(section.body)
            if listed is not None:
                value_type, members = self.open_enum(listed)
                return Enum(
                    key, name, description, deprecated, value_type, members, span, self.dialect.listed_enums_open
                )
            table = self._table(section.body)
            if table is None:
                return None
            value_type, members = self.enum_members(table)
            return Enum(key, name, description, deprecated, value_type, members, span)
        return Union_(key, name, description, deprecated, self.union_members(section), span)

    def _response_fields(self, fields: tuple[Field, ...]) -> tuple[str, ...]:
        """The dialect's response fields when the model has all of them with their types."""
        wanted = self.dialect.response_fields
        types = {f.name: without_optional(f.type) for f in fields}
        if wanted and all(types.get(name) == ref for name, ref in zip(wanted, RESPONSE_TYPES)):
            return wanted
        return ()

    # -- tables

    def _table(self, section: Section) -> Optional[Table]:
        table = next((b.table for b in section.blocks if b.table is not None), None)
        if table is None:
            self.problems.append(
                error(section.span, f"'{section.title.text}' section has no table", "add the markdown table below it")
            )
        return table

    def _columns(self, table: Table, roles: dict[str, tuple[str, ...]]) -> dict[str, int]:
        """Each role's column index (the first header of its texts present)."""
        wanted = [text for texts in roles.values() for text in texts]
        headers = [c.text.strip().lower() for c in table.header]
        for cell, header in zip(table.header, headers):
            if header not in wanted and header not in self.dialect.kept_columns:
                self.problems.append(
                    warning(
                        cell.span,
                        f"column {cell.text.strip()!r} is not one docgen reads; its cells are not used",
                        "docgen reads the columns " + ", ".join(w.title() for w in wanted) + "; remove or rename it",
                    )
                )
        found = {}
        for role, texts in roles.items():
            index = next((headers.index(t) for t in texts if t in headers), None)
            if index is not None:
                found[role] = index
        return found

    def _check_row_widths(self, table: Table) -> None:
        if not self.dialect.strict_row_widths:
            return
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
        table, repaired = self.dialect.fields_table(table)
        self.problems.extend(repaired)
        self._check_row_widths(table)
        roles = dict(self.dialect.field_columns)
        columns = self._columns(table, roles)
        if NAME not in columns or TYPE not in columns:
            name, *aliases = (t.title() for t in roles.get(NAME, (NAME,)))
            either = f"'{name}'" + "".join(f" (or '{a}')" for a in aliases)
            type_title = roles.get(TYPE, (TYPE,))[0].title()
            self.problems.append(
                error(
                    table.span,
                    f"a {self.dialect.section_title(MODEL)} table needs {either} and '{type_title}' columns",
                    "add the missing column header",
                )
            )
            return ()
        fields: list[Field] = []
        seen: dict[str, SourceSpan] = {}
        for row in table.rows:
            if len(row) <= max(columns[NAME], columns[TYPE]):
                continue
            made = self._field(row, columns, table)
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

    def _required(self, row: tuple[Cell, ...], columns: dict[str, int]) -> Optional[bool]:
        if REQUIRED not in columns or columns[REQUIRED] >= len(row):
            return self.dialect.required_by_default
        mark_cell = row[columns[REQUIRED]]
        mark = mark_cell.text.strip()
        required = self.dialect.is_required(mark)
        if required is None:
            title = self.dialect.field_columns[REQUIRED][0].title()
            self.problems.append(
                error(mark_cell.span, f"unknown {title} marker {mark!r}", self.dialect.required_hint())
            )
        return required

    def _field(self, row: tuple[Cell, ...], columns: dict[str, int], table: Table) -> Optional[Field]:
        name_cell = row[columns[NAME]]
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
        reason = names.field_name_problem(name)
        if reason is not None:
            self.problems.append(
                error(name_cell.span, f"field name {raw_name!r} cannot be used: {reason}", "rename it")
            )
            return None
        required = self._required(row, columns)
        if required is None:
            return None
        field_type = self._lowered(parse_type, self.dialect.type_cell(row[columns[TYPE]]))
        if field_type is None:
            return None
        text = {role: row[i].text for role, i in columns.items() if i < len(row)}
        nullable = not required or text.get(EXAMPLE, "").strip() in self.dialect.null_examples
        if nullable and not isinstance(field_type, Optional_):
            field_type = Optional_(field_type)
        known = set(columns.values())
        extra = tuple(
            (table.header[i].text, cell.text) for i, cell in enumerate(row) if i not in known and i < len(table.header)
        )
        refined = self.dialect.refine_field(
            Field(
                name=name,
                wire_name=self.dialect.wire_name(raw_name, name),
                type=field_type,
                required=required,
                description=self.dialect.description(text[DESCRIPTION]) if DESCRIPTION in text else "",
                deprecated=name_cell.struck,
                extra=extra,
                span=name_cell.span,
            )
        )
        if isinstance(refined, Diagnostic):
            self.problems.append(refined)
            return None
        return refined

    def _lowered(self, parse: Callable[..., TypeExpr], *source: Any) -> Optional[TypeRef]:
        """The type ``parse(*source)`` writes, lowered; None with its problem recorded."""
        try:
            return self.types.lower(parse(*source))
        except TypeSyntaxError as exc:
            self.problems.append(error(exc.span, exc.message, exc.hint))
        except Problem as exc:
            self.problems.append(exc.diagnostic)
        except Broken as exc:  # the broken page's own error is the one message
            self.types.symbols.refer(self.types.page, exc.page)
        finally:
            self.problems.extend(self.types.warnings)
            self.types.warnings.clear()
        return None

    def enum_members(self, table: Table) -> tuple[str, tuple[EnumMember, ...]]:
        self._check_row_widths(table)
        roles = dict(self.dialect.enum_columns)
        columns = self._columns(table, roles)
        if VALUE not in columns:
            headers = " | ".join(texts[0].title() for texts in roles.values())
            value_title = roles[VALUE][0].title()
            self.problems.append(
                error(
                    table.span,
                    f"a {self.dialect.section_title(ENUM)} table needs a '{value_title}' column",
                    f"add '{headers}' headers",
                )
            )
            return "str", ()
        rows = [r for r in table.rows if len(r) > columns[VALUE]]
        raw_values = [r[columns[VALUE]].text for r in rows]
        is_int = bool(raw_values) and all(_INT_VALUE.match(v) for v in raw_values)
        for row, raw in zip(rows, raw_values):
            if is_int and len(raw.lstrip("-")) > MAX_INT_DIGITS:
                self.problems.append(
                    error(
                        row[columns[VALUE]].span,
                        "enum value is an integer of more digits than Python reads in source",
                        f"write at most {MAX_INT_DIGITS} digits",
                    )
                )
                return "int", ()
        members: list[tuple[str, str | int, SourceSpan]] = []
        for row, raw in zip(rows, raw_values):
            cell = row[columns[NAME]] if NAME in columns else row[columns[VALUE]]
            member_name = cell.text if NAME in columns else names.enum_member_name(raw)
            safe = names.safe_identifier(member_name, names.ENUM_NAMES)
            if safe is None or safe.startswith("_"):
                self.problems.append(
                    error(
                        cell.span,
                        f"enum member name {member_name!r} is not a valid Python identifier",
                        "use letters, digits and underscores",
                    )
                )
                continue
            members.append((safe, int(raw) if is_int else raw, cell.span))
        return ("int" if is_int else "str"), self._unique_members(members)

    def _unique_members(self, members: list[tuple[str, str | int, SourceSpan]]) -> tuple[EnumMember, ...]:
        """Members in order; a name or a value met before is an error."""
        kept: list[EnumMember] = []
        seen: dict[tuple[str, object], SourceSpan] = {}
        for name, value, span in members:
            twice = next(
                ((what, key) for what, key in (("member", name), ("value", value)) if (what, key) in seen), None
            )
            if twice is not None:
                first = seen[twice]
                self.problems.append(
                    error(
                        span, f"enum {twice[0]} {twice[1]!r} is listed twice (first at {first})", "remove one of them"
                    )
                )
                continue
            seen[("member", name)] = seen[("value", value)] = span
            kept.append(EnumMember(name, value, span))
        return tuple(kept)

    def open_enum(
        self, listed: tuple[list[tuple[str, str | int, SourceSpan]], list[Diagnostic]]
    ) -> tuple[str, tuple[EnumMember, ...]]:
        """The value type and members of an enum that lists its values (an open enum)."""
        values, problems = listed
        self.problems.extend(problems)
        return ("int" if values and all(isinstance(v, int) for _, v, _ in values) else "str"), self._unique_members(
            values
        )

    def union_members(self, section: TypeSection) -> tuple[TypeRef, ...]:
        members: list[TypeRef] = []
        pattern = self.dialect.union_member_code
        for block in section.content:
            if block.kind != "code" or pattern is None:
                continue
            match = pattern.match(block.text)
            if match is None:
                self.problems.append(
                    error(
                        block.span,
                        "union member code block is not 'name: Type = ...'",
                        f"write e.g. `{self.dialect.union_member_example}`",
                    )
                )
                continue
            span = SourceSpan(block.span.path, block.span.line + 1, 1)
            member = self._lowered(parse_type_text, match.group("type"), span)
            if member is not None and member not in members:
                members.append(member)
        if not members and self.types.page not in self.types.symbols.knock_on:
            self.problems.append(
                error(
                    section.body.span, "union has no member types", "add '### Member' headings with python code blocks"
                )
            )
        return tuple(members)
