"""An operation page of some dialect -> IR operations: each ``## operation`` section's
response type, its errors table and its parameters.

The page is ``<operations folder>/<group>/README.md``; every level-2 section with
sub-sections the dialect names (``Response``, ``Errors``, ``Parameters``) is one
operation.  The titles, the columns and how a status is spelled come from the
:class:`~docgen.dialects.dialect.Dialect`.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator, Mapping, Optional

from ..diagnostics import Diagnostic, error, note
from ..emit import names
from ..emit.responses import status_range
from ..ir import (
    Decl,
    DictOf,
    ErrorRoute,
    Field,
    HttpRequest,
    HttpResponse,
    ListOf,
    Model,
    Operation,
    Optional_,
    Parameter,
    Primitive,
    Ref,
    ResponseWrapper,
    SourceSpan,
    TypeRef,
)
from ..read.markdown import Cell, Page, Section, Table
from ..read.types import Generic, Link, TypeExpr, TypeSyntaxError, parse_type
from ..resolve import Symbols
from ..walk import without_optional
from .dialect import Dialect
from .types import Broken, Problem, TypeLowering

_CODE = re.compile(r"^[1-5]\d\d$")
_CLASS = re.compile(r"^([1-5])xx$", re.IGNORECASE)
_RANGE = re.compile(r"^([1-5])xx?\s*-\s*([1-5])xx$", re.IGNORECASE)
_CODE_RANGE = re.compile(r"^([1-5]\d\d)\s*-\s*([1-6]\d\d)$")


def group_of(path: str, dialect: Dialect) -> str:
    """The group of an operation page: the folder right below the operations folder."""
    folders = path.split("/")[:-1]
    at = folders.index(dialect.operations_folder)
    return "/".join(folders[at + 1 :])


def statuses(text: str) -> Optional[tuple[str, ...]]:
    """``"4XX, 5XX"`` -> ("4XX", "5XX"); ``"4x-5xx"`` and ``"400-600"`` -> ("4XX", "5XX"); None
    when unreadable."""
    found: list[str] = []
    for part in text.replace(";", ",").split(","):
        word = part.strip()
        if _CODE.match(word):
            found.append(word)
        elif _CLASS.match(word):
            found.append(word[0] + "XX")
        elif word.lower() == "default":
            found.append("default")
        elif _RANGE.match(word):
            low, high = (int(g) for g in _RANGE.match(word).groups())  # type: ignore[union-attr]
            if low > high:
                return None
            found.extend(f"{n}XX" for n in range(low, high + 1))
        elif codes := _CODE_RANGE.match(word):
            low, high = (int(g) for g in codes.groups())
            if low > high:
                return None
            found.extend(_code_range(low, min(high, 599)))
        else:
            return None
    return tuple(found) or None


def _code_range(low: int, high: int) -> list[str]:
    """Every status from *low* to *high*: the classes it covers whole, the other codes one by
    one (``400-600`` -> 4XX, 5XX: no status is above 599)."""
    found: list[str] = []
    code = low
    while code <= high:
        if code % 100 == 0 and code + 99 <= high:
            found.append(f"{code // 100}XX")
            code += 100
        else:
            found.append(str(code))
            code += 1
    return found


def content_type(text: str) -> str:
    """A Content Type cell as a pattern: ``*/*`` (or nothing) is ``*``."""
    value = text.replace("\\", "").strip().lower()
    return "*" if value in ("", "*", "*/*") else value


class _Reader:
    def __init__(self, page: Page, symbols: Symbols, dialect: Dialect) -> None:
        self.page = page
        self.dialect = dialect
        self.types = TypeLowering(page.path, dialect, symbols)
        self.problems: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []
        self.group = group_of(page.path, dialect)

    def operations(self) -> list[Operation]:
        found: list[Operation] = []
        seen: dict[str, SourceSpan] = {}
        for head, subs in _operation_sections(self.page.sections, self.dialect):
            name = head.title.text.strip()
            if not names.is_identifier(name):
                self.problems.append(
                    error(head.title.span, f"operation name {name!r} is not a Python identifier", "rename it")
                )
                continue
            if name in seen:
                self.problems.append(
                    error(
                        head.title.span,
                        f"operation {name!r} is already documented in group {self.group!r} at {seen[name]}",
                        "give one of them another name",
                    )
                )
                continue
            seen[name] = head.title.span
            operation = self.operation(name, head, subs)
            if operation is not None:
                found.append(operation)
        return found

    def operation(self, name: str, head: Section, subs: dict[str, Section]) -> Optional[Operation]:
        before = len(self.problems)
        response = None
        if self.dialect.response_section in subs:
            response = self.response(subs[self.dialect.response_section])
        errors = self.errors(subs[self.dialect.errors_section]) if self.dialect.errors_section in subs else ()
        parameters = ()
        if self.dialect.parameters_section in subs:
            parameters = self.parameters(subs[self.dialect.parameters_section])
        if len(self.problems) > before:
            return None
        return Operation(self.group, name, response, errors, parameters, head.title.span)

    def response(self, section: Section) -> Optional[TypeRef]:
        cell = next((b.cell for b in section.blocks if b.kind == "paragraph" and b.cell is not None), None)
        if cell is None:
            self.problems.append(
                error(section.title.span, "'Response' section names no type", "write the type: **[models.Foo](...)**")
            )
            return None
        return self.lower(cell)

    def lower(self, cell: Cell) -> Optional[TypeRef]:
        try:
            return self.types.lower(self._unplaceholder(parse_type(cell)))
        except TypeSyntaxError as exc:
            self.problems.append(error(exc.span, exc.message, exc.hint))
        except Problem as exc:
            self.problems.append(exc.diagnostic)
        except Broken as exc:
            self.problems.append(
                error(cell.span, f"type {cell.text!r} is defined by {exc.page}, which has errors", "fix that page")
            )
        return None

    def _unplaceholder(self, expr: TypeExpr) -> TypeExpr:
        """A link whose target has no file name (``../../models/.md``) only decorates its text."""
        if isinstance(expr, Link) and any(expr.href.endswith(t) for t in self.dialect.placeholder_links):
            return self._unplaceholder(expr.inner)
        if isinstance(expr, Generic):
            return Generic(expr.head, tuple(self._unplaceholder(a) for a in expr.args), expr.span)  # type: ignore[arg-type]
        return expr

    def _columns(self, section: Section, roles: dict[str, tuple[str, ...]]) -> Optional[tuple[Table, dict[str, int]]]:
        table = next((b.table for b in section.blocks if b.table is not None), None)
        if table is None:
            self.problems.append(
                error(
                    section.title.span,
                    f"'{section.title.text}' section has no table",
                    "add the markdown table below it",
                )
            )
            return None
        headers = [c.text.strip().lower() for c in table.header]
        columns = {role: headers.index(t) for role, texts in roles.items() for t in texts if t in headers}
        missing = [texts[0] for role, texts in roles.items() if role not in columns]
        if missing:
            self.problems.append(
                error(
                    table.span,
                    f"'{section.title.text}' table has no {' or '.join(repr(m) for m in missing)} column",
                    "headers: " + ", ".join(repr(texts[0]) for texts in roles.values()),
                )
            )
            return None
        return table, columns

    def _rows(self, section: Section, roles: Mapping[str, tuple[str, ...]]) -> Iterator[dict[str, Cell]]:
        """Each row of the section's table with every role's column, by role."""
        found = self._columns(section, dict(roles))
        if found is not None:
            table, columns = found
            for row in table.rows:
                if len(row) > max(columns.values()):
                    yield {role: row[i] for role, i in columns.items()}

    def errors(self, section: Section) -> tuple[ErrorRoute, ...]:
        routes = []
        for row in self._rows(section, self.dialect.error_columns):
            ctype = "".join(p.text for p in row["content_type"].inlines if p.kind in ("text", "code", "mark"))
            route = self.error_row(row["type"], row["status"], ctype)
            if route is not None:
                routes.append(route)
        return tuple(routes)

    def error_row(self, type_cell: Cell, status_cell: Cell, ctype: str) -> Optional[ErrorRoute]:
        codes = statuses(status_cell.text)
        if codes is None:
            self.problems.append(
                error(
                    status_cell.span,
                    f"unreadable status {status_cell.text.strip()!r} in the errors table",
                    'write codes ("404"), classes ("4XX") or "default", separated by commas',
                )
            )
            return None
        written = type_cell.text.strip()
        short = written.rpartition(".")[2]
        if not names.is_identifier(short):
            self.problems.append(
                error(
                    type_cell.span, f"error type {written!r} is not a Python name", "write the exception's class name"
                )
            )
            return None
        escaped = names.error_class_name(short)
        if escaped is None:
            reason = names.generated_code_uses(short)
            self.problems.append(error(type_cell.span, f"error type {written!r} cannot be a class name: {reason}"))
            return None
        short = escaped
        ref: Optional[TypeRef] = None
        if any(p.kind == "link_open" for p in type_cell.inlines):
            ref = self.lower(type_cell)
            if ref is None:
                return None
        else:
            found = self.types.symbols.lookup(written, self.page.path)
            ref = Ref(found.key) if found is not None else None
        if isinstance(ref, Optional_):
            ref = ref.inner
        return ErrorRoute(short, ref, codes, content_type(ctype), type_cell.span)

    def parameters(self, section: Section) -> tuple[Parameter, ...]:
        params = []
        for row in self._rows(section, self.dialect.parameter_columns):
            before = len(self.problems)
            ref = self.lower(row["type"])
            if ref is None:
                # Parameters are kept for later use: one that cannot be read is a note (-v).
                later = self.problems[before:]
                del self.problems[before:]
                self.notes.extend(note(p.span, p.message, p.hint) for p in later)
                continue
            required = self.dialect.is_required(row["required"].text.strip()) if "required" in row else True
            description = row["description"].text.strip() if "description" in row else ""
            name = row["name"].text.strip().strip("`")
            params.append(Parameter(name, ref, bool(required), description, row["name"].span))
        return tuple(params)


def _operation_sections(sections: tuple[Section, ...], dialect: Dialect) -> list[tuple[Section, dict[str, Section]]]:
    """Each level-2 section with the dialect's operation sub-sections, and those by title."""
    titles = {dialect.response_section, dialect.errors_section, dialect.parameters_section}
    found: list[tuple[Section, dict[str, Section]]] = []
    current: Optional[tuple[Section, dict[str, Section]]] = None
    for section in sections:
        if section.level <= 2:
            if current is not None and current[1]:
                found.append(current)
            current = (section, {}) if section.level == 2 else None
        elif current is not None and section.level == 3:
            title = section.title.text.strip()
            if title in titles:
                current[1].setdefault(title, section)
    if current is not None and current[1]:
        found.append(current)
    return found


def lower_operations(page: Page, symbols: Symbols, dialect: Dialect) -> tuple[list[Operation], list[Diagnostic]]:
    """The operations an operation page documents, and the problems reading them."""
    reader = _Reader(page, symbols, dialect)
    operations = reader.operations()
    return operations, reader.problems + reader.notes


def response_wrapper(operation: Operation, decls: Mapping[str, Decl], dialect: Dialect) -> Optional[ResponseWrapper]:
    """The wrapper an operation's response model is: the dialect's headers field
    (``Dict[str, List[str]]``) with at most one more field, its paged-result field alone, or
    its HTTP metadata field with any body fields (the first that no description gives an
    error status takes the body; the others stay unset, errors being the Errors table's)."""
    ref = operation.response.inner if isinstance(operation.response, Optional_) else operation.response
    model = decls.get(ref.key) if isinstance(ref, Ref) else None
    if not isinstance(model, Model) or model.response_fields or not dialect.wrapper_headers_field:
        return None
    headers = next((f for f in model.fields if f.name == dialect.wrapper_headers_field), None)
    headers_type = headers.type.inner if headers is not None and isinstance(headers.type, Optional_) else None
    if headers is not None and (headers_type or headers.type) != DictOf(ListOf(Primitive("str"))):
        return None
    meta = next((f for f in model.fields if f.name == dialect.wrapper_meta_field and _is_meta(f, decls)), None)
    others = [f for f in model.fields if f is not headers and f is not meta]
    if meta is not None:
        body = next((f for f in others if _success(f)), None)
        return ResponseWrapper(body.name if body else "", headers.name if headers else "", meta.name)
    if (headers is not None and len(others) <= 1) or [f.name for f in others] == [dialect.wrapper_body_field]:
        return ResponseWrapper(others[0].name if others else "", headers.name if headers is not None else "")
    return None


def _is_meta(field: Field, decls: Mapping[str, Decl]) -> bool:
    """Whether *field* holds a model of the raw response and, maybe, the request sent."""
    ref = without_optional(field.type)
    model = decls.get(ref.key) if isinstance(ref, Ref) else None
    kinds = {type(without_optional(f.type)) for f in model.fields} if isinstance(model, Model) else set()
    return isinstance(model, Model) and HttpResponse in kinds and kinds <= {HttpResponse, HttpRequest}


def _success(field: Field) -> bool:
    """Whether a body field's description gives no status but a success one."""
    statuses = status_range(field.status or field.description)
    return statuses is None or 200 <= statuses[0] <= statuses[1] <= 299


def lower_operation_pages(
    pages: list[Page], dialect: Dialect, symbols: Symbols, problems: list[Diagnostic], decls: Mapping[str, Decl]
) -> tuple[Operation, ...]:
    """The operations of every operation page, sorted by key; their problems appended to
    *problems*.  *decls*: the lowered types, by key (which response models wrap a body)."""
    found: list[Operation] = []
    for page in pages:
        group = group_of(page.path, dialect)
        if not all(names.is_identifier(part) for part in group.split("/")) or "/" in group:
            problems.append(
                error(
                    SourceSpan(page.path, 1, 1),
                    f"operation group {group!r} is not a Python module name",
                    "rename the folder (a group is one folder below the operations folder)",
                )
            )
            continue
        operations, page_problems = dialect.lower_operations(page, symbols)
        found.extend(dataclasses.replace(o, wrapper=response_wrapper(o, decls, dialect)) for o in operations)
        problems.extend(page_problems)
    return tuple(sorted(found, key=lambda o: o.key))
