"""A Type cell's expression tree -> :class:`~docgen.ir.TypeRef`, by the dialect's rules.

Which generic heads exist, which names stand for the raw HTTP response or a binary
file, and which link texts the docs misspell all come from the dialect; names that
are none of those are looked up in the symbol table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional, Union

from ..diagnostics import Diagnostic, DocgenError, error, warning
from ..ir import (
    BinaryFile,
    DictOf,
    FileKind,
    HttpRequest,
    HttpResponse,
    ListOf,
    LiteralOf,
    Nullability,
    Optional_,
    Primitive,
    Ref,
    StreamKind,
    StreamOf,
    TypeRef,
    UnionOf,
)
from ..primitives import is_cell_name
from ..read.types import ArgList, Generic, Link, Name, TypeExpr, Value
from ..resolve import Symbols, leaves_root, outside_specs, resolve_link
from .dialect import Dialect

#: The types of a dialect's ``response_fields``, in their order: content type, status code, raw response.
RESPONSE_TYPES = (Primitive("str"), Primitive("int"), HttpResponse())


class Problem(DocgenError):
    """A type that cannot be lowered; carries its one diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__([diagnostic])
        self.diagnostic = diagnostic


class Broken(Exception):
    """A reference to a type of a page that failed: that page's error is the one message."""

    def __init__(self, page: str) -> None:
        super().__init__(page)
        self.page = page


@dataclass
class TypeLowering:
    """Lowers the type expressions of the page at *page*; raises :class:`Problem`."""

    page: str
    dialect: Dialect
    symbols: Symbols
    #: Warnings about types read despite a problem (the caller takes them after each cell).
    warnings: list[Diagnostic] = field(default_factory=list)

    def lower(self, expr: TypeExpr, linked_page: Optional[str] = None, anchor: str = "") -> TypeRef:
        if isinstance(expr, Link):
            return self._link(expr)
        if isinstance(expr, Name):
            return self._name(expr, linked_page, anchor)
        if isinstance(expr, Generic):
            return self._generic(expr, linked_page, anchor)
        raise Problem(error(expr.span, "a value is not a type here", "values belong inside Literal[...]"))

    def _link(self, expr: Link) -> TypeRef:
        prefix = self.dialect.unrooted_link_prefix
        if prefix and expr.href.startswith(prefix):
            target, anchor = self._unrooted(expr, expr.href[len(prefix) :])
        else:
            target, anchor = resolve_link(expr.href, self.page, self.symbols.root)
        if target is not None and target not in self.symbols.pages:
            fallback = self.dialect.missing_page_type
            if fallback is None or not self._missing(target):
                raise Problem(link_problem(expr, target, self.symbols))
            self.warnings.append(
                warning(
                    expr.span,
                    f"link {expr.href!r} points to a page that does not exist ({target}); "
                    f"the type is read as {self.dialect.missing_page_text}",
                    "add the page (the docs generator wrote none for that model), or fix the link",
                )
            )
            return fallback
        rewrites = self.dialect.external_link_names
        if target is None and isinstance(expr.inner, Name) and expr.inner.text in rewrites:
            return Primitive(rewrites[expr.inner.text])
        return self.lower(expr.inner, target, anchor)

    def _unrooted(self, expr: Link, rest: str) -> tuple[Optional[str], str]:
        """A link written from an unknown docs root: *rest* from the nearest folder above
        the page (the page's own first) that has it."""
        for up in range(self.page.count("/") + 2):
            target, anchor = resolve_link("../" * up + rest, self.page, self.symbols.root)
            if target is not None and target in self.symbols.pages:
                return target, anchor
        path = rest.partition("#")[0]
        raise Problem(
            error(
                expr.span,
                f"link {expr.href!r} was written without its docs root, and no folder above this page has {path!r}",
                "write the link relative to the page (../../models/...), or add the page",
            )
        )

    def _name(self, expr: Name, linked_page: Optional[str], anchor: str) -> TypeRef:
        text = expr.text
        if linked_page is not None and not anchor and linked_page in self.symbols.pages:
            declared = self.symbols.in_page(linked_page, text.rpartition(".")[2])
            if declared is not None:  # the linked page's own type, whatever its name
                return Ref(declared.key)
        if text in self.dialect.http_response_names:
            return HttpResponse()
        if text in self.dialect.http_request_names:
            return HttpRequest()
        if text in self.dialect.binary_file_names:
            return BinaryFile(self.dialect.file_kinds.get(text, FileKind.IO))
        if is_cell_name(text):
            return Primitive(text)
        if text in self.dialect.bare_generics():
            raise Problem(error(expr.span, f"{text} needs type arguments: {text}[...]", "e.g. List[*str*]"))
        found = None
        short = text.rpartition(".")[2]
        if linked_page is not None:
            found = self.symbols.by_anchor(linked_page, anchor) if anchor and linked_page == self.page else None
            found = found or self.symbols.in_page(linked_page, short)
        found = found or self.symbols.lookup(text, self.page)
        broken = self.symbols.broken_page(text, linked_page) if found is None else None
        if broken is not None:
            raise Broken(broken)
        if found is None:
            raise Problem(
                error(
                    expr.span,
                    f"unknown type name {text!r}",
                    "use a primitive (str, int, float, bool, bytes, Decimal, date, datetime, Any) "
                    "or link to the page that defines the type",
                )
            )
        return Ref(found.key)

    def _arity(self, expr: Generic, low: int, high: int) -> None:
        if not low <= len(expr.args) <= high:
            want = str(low) if low == high else f"{low} to {high}"
            message = f"{expr.head.text}[...] takes {want} type argument(s), got {len(expr.args)}"
            raise Problem(error(expr.span, message, f"check the commas and brackets of {expr.head.text}[...]"))

    def _generic(self, expr: Generic, linked_page: Optional[str], anchor: str) -> TypeRef:
        head, args, dialect = expr.head.text, expr.args, self.dialect

        def sub(arg: TypeExpr) -> TypeRef:
            if isinstance(arg, (Value, ArgList)):
                raise Problem(error(arg.span, f"expected a type inside {head}[...]", ""))
            return self.lower(arg, linked_page, anchor)

        if head in dialect.optional_heads:
            self._arity(expr, 1, 1)
            inner = sub(args[0])
            nulls = dialect.null_heads.get(head, Nullability.OPTIONAL)
            return Optional_(inner.inner if isinstance(inner, Optional_) else inner, nulls)
        if head in dialect.list_heads:
            self._arity(expr, 1, 1)
            return ListOf(sub(args[0]))
        if head in dialect.dict_heads:
            self._arity(expr, 2, 2)
            if sub(args[0]) != Primitive("str"):
                raise Problem(
                    error(expr.span, "Dict keys must be str: JSON object keys are strings", "write Dict[str, X]")
                )
            return DictOf(sub(args[1]))
        if head in dialect.file_heads:
            self._arity(expr, 1, 1)
            if sub(args[0]) != Primitive("bytes"):
                raise Problem(error(expr.span, "only binary files are supported: IO[bytes]", "write IO[bytes]"))
            return BinaryFile(FileKind.IO)
        if head in dialect.stream_heads:
            self._arity(expr, 1, 3)
            return StreamOf(sub(args[0]), dialect.stream_kinds.get(head, StreamKind.GENERATOR))
        if head in dialect.union_heads:
            self._arity(expr, 1, 64)
            return _union([sub(a) for a in args if not (isinstance(a, Name) and a.text == "None")], args)
        if head in dialect.literal_heads:
            self._arity(expr, 1, 64)
            return LiteralOf(tuple(_literal_value(arg) for arg in args))
        raise Problem(error(expr.head.span, f"unknown generic type {head!r}", dialect.generics_hint()))

    def _missing(self, target: str) -> bool:
        """Whether *target* is a page that is nowhere: inside SPECS, not skipped, not on disk."""
        on_disk = os.path.join(self.symbols.root, target) if self.symbols.root else ""
        return not outside_specs(target) and target not in self.symbols.skipped and not os.path.lexists(on_disk)


def link_problem(expr: Link, target: str, symbols: Symbols) -> Diagnostic:
    """Why a link's normalized target is no page of the build: outside SPECS (or a symbolic
    link leading out of it), not a model page, left out by include/exclude, or missing."""
    if outside_specs(target):
        return error(
            expr.span,
            f"link {expr.href!r} resolves to {target!r}, outside the specs folder",
            "link only to pages inside the folder being built (paths are relative to the page's folder)",
        )
    if target in symbols.skipped:
        return error(
            expr.span,
            f"link {expr.href!r} points to {target}, an {symbols.skipped[target]}, not a model page",
            "link to the page that defines the type",
        )
    on_disk = os.path.join(symbols.root, target) if symbols.root else ""
    if on_disk and os.path.lexists(on_disk) and leaves_root(symbols.root or "", target) is not None:
        return error(
            expr.span,
            f"link {expr.href!r} resolves to {target!r}, a symbolic link leading outside the specs folder",
            "copy the page into the folder being built instead of linking to it",
        )
    if on_disk and os.path.isfile(on_disk):
        return error(
            expr.span,
            f"link {expr.href!r} points to {target}, a page this build leaves out (include/exclude)",
            "include the page, or link to one that is built",
        )
    return error(
        expr.span, f"link {expr.href!r} points to a page that does not exist ({target})", "fix the link or add the page"
    )


def _literal_value(arg: TypeExpr) -> Union[str, int, bool, None]:
    if not isinstance(arg, Value) or not isinstance(arg.value, (str, int, bool, type(None))):
        raise Problem(error(arg.span, "Literal[...] takes strings, integers, booleans or None", 'e.g. Literal["car"]'))
    return arg.value


def _union(members: list[TypeRef], args: tuple[TypeExpr, ...]) -> TypeRef:
    unique: list[TypeRef] = []
    for member in members:
        if member not in unique:
            unique.append(member)
    nullable = len(unique) < len(args) and any(isinstance(a, Name) and a.text == "None" for a in args)
    core: TypeRef = UnionOf(tuple(unique))
    return Optional_(core) if nullable else core
