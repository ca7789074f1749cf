"""Operations -> response parsers: ``sdks/<group>.py``, ``api_errors.py``, ``_operations.py``.

Each operation's routes come from its IR: the success routes from its ``Response`` type
(a model or list is JSON, an event stream ``text/event-stream``, ``str`` a textual type,
``bytes`` and the raw response ``application/octet-stream``, none: a bodiless ``2XX``),
or, for a response model of the seed's kind, from its body fields as ``from_response``
reads them; then one error route per status of its Errors table.  The docs never say
which 2XX status succeeds: success routes answer ``2XX``.
"""

from __future__ import annotations

import dataclasses
from ast import literal_eval
from typing import Any, Iterable, Optional

import jinja2

from ..diagnostics import Diagnostic, error
from ..ir import (
    Decl,
    ErrorRoute,
    HttpResponse,
    Model,
    Module,
    Operation,
    Primitive,
    Ref,
    SourceSpan,
    Spec,
    StreamKind,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)
from ..walk import without_optional
from . import names, parsers, responses
from .errors import DISPATCH_MODULE, ERRORS_MODULE, error_models, errors_view, spellings
from .operation_views import GroupView, OperationView, RegistryEntry, RegistryView, RouteView, Wrapper
from .spelling import Annotator, docstring_literal, python_field_names
from .views import BodyReader, EventParser, HttpFields

OPERATIONS_FOLDER = "sdks"
REGISTRY_MODULE = names.REGISTRY_MODULE
#: The content types a ``str`` body takes (what ``_http.is_text`` accepts).
TEXT_TYPES = ("text/*", "message/*", "application/xml")
JSON_TYPE, STREAM_TYPE, OCTETS = "application/json", "text/event-stream", "application/octet-stream"
#: The content types and action of each kind of body field of a response model (responses.py).
_BODY_ROUTES = {
    responses.JSON: ((JSON_TYPE,), "model"),
    responses.TEXT: (TEXT_TYPES, "text"),
    responses.BYTES: ((OCTETS,), "bytes"),
    responses.RAW: ((OCTETS,), "raw"),
}


def module_clashes(modules: Iterable[Module]) -> list[Diagnostic]:
    """Pages that would be written where the operations' files go (``api_errors.py``,
    ``_dispatch.py``, ``_operations.py``, the ``sdks`` package)."""
    taken = {(ERRORS_MODULE,), (DISPATCH_MODULE,), (REGISTRY_MODULE,), (OPERATIONS_FOLDER,)}
    return [
        error(
            SourceSpan(m.page, 1, 1),
            "page would be written to the same module as docgen's operation parsers",
            "rename the page or its folder",
        )
        for m in modules
        if m.module in taken or m.module[:1] == (OPERATIONS_FOLDER,)
    ]


def _stream_item(ref: TypeRef) -> Optional[TypeRef]:
    """The event type of an event stream (or a union of its sync and async forms)."""
    ref = responses.stream_of_union(ref)
    return ref.item if isinstance(ref, StreamOf) and ref.kind is not StreamKind.EVENT_STREAM_ASYNC else None


class _GroupEmitter:
    """The views of one group module: routes, readers, event parsers, imports."""

    def __init__(
        self,
        group: str,
        decls: dict[str, Decl],
        module_of: dict[str, Module],
        errors: dict[str, Optional[TypeRef]],
        allow_nan: bool = False,
    ) -> None:
        self.module = Module(f"{OPERATIONS_FOLDER}/{group}/README.md", (OPERATIONS_FOLDER, group), ())
        self.decls, self.module_of, self.errors = decls, module_of, errors
        self.annotator = Annotator(self.module, decls, module_of)
        self.annotator.spelling = spellings(decls, module_of)
        self.ctx = parsers.ParserContext(decls, self.annotator.type, self.annotator.function, [], allow_nan)
        self.readers: list[BodyReader] = []
        self.events: list[EventParser] = []
        self.wrappers: list[Wrapper] = []
        self.error_reads: dict[str, str] = {}
        self.returns: list[tuple[str, str]] = []  # what the current operation's success routes return
        self.wrapping: Optional[tuple[str, str]] = None  # ... while they fill a response model
        self.member = ""  # the union member a configured status carries (operation-statuses)
        self.configuring = False  # while the routes at configured statuses are made
        self.annotator.imports.need_stdlib("Any")
        self.annotator.imports.need_stdlib("cast")

    def parse(self, ref: TypeRef, value: str, path: str) -> str:
        return parsers.parse_expression(ref, value, path, self.ctx)

    def reader(self, base: str, ref: TypeRef) -> str:
        name = self.ctx.unique(f"_read_{base}")
        self.readers.append(BodyReader(name, self.annotator.type(ref), self.parse(ref, "value", '"$"')))
        self.annotator.imports.http = True
        self.annotator.imports.parsing = True
        return name

    def event_parser(self, base: str, item: TypeRef) -> str:
        name = self.ctx.unique(f"_event_{base}")
        self.events.append(responses.event_parser(name, item, self.parse, self.annotator.type, self.decls))
        self.annotator.imports.sse = self.annotator.imports.http = self.annotator.imports.parsing = True
        return name

    def route(self, status: str, ctype: str, action: str, ref: Optional[TypeRef], **extra: str) -> RouteView:
        """A route; *ref* is spelled as the class (or typing form) the body becomes."""
        spelled = self.annotator.type(without_optional(ref)) if ref is not None else "None"
        keywords = ", ".join(f"{k}={v}" for k, v in extra.items() if v)
        self.returns.append(self.wrapping or self._result(action, spelled))
        return RouteView(repr(status), repr(ctype), repr(action), spelled, keywords)

    def _result(self, action: str, spelled: str) -> tuple[str, str]:
        """What parse_<op> and aparse_<op> return for a success route: (sync, async) annotations."""
        if action == "stream":
            self.annotator.imports.need_stdlib("Generator")
            self.annotator.imports.need_stdlib("AsyncIterator")
            return f"Generator[{spelled}, None, None]", f"AsyncIterator[{spelled}]"
        plain = {"model": spelled, "text": "str", "bytes": "bytes", "raw": "Any", "none": "None"}[action]
        return plain, plain

    def configured(self, op: Operation) -> list[RouteView]:
        """The success routes at the statuses configured for *op*: each status with the
        whole response or the union member given for it."""
        routes, plain, found = [], dataclasses.replace(op, success=()), {}
        for status, member in op.success:
            if member not in found:
                self.member, self.configuring = member, True
                try:
                    found[member] = self.success(plain)
                finally:
                    self.member, self.configuring = "", False
            routes += [dataclasses.replace(r, status=repr(status)) if r.status == "'2XX'" else r for r in found[member]]
        return routes

    def success(self, op: Operation) -> list[RouteView]:
        if op.success:
            return self.configured(op)
        response = op.response
        if response is None:
            return [self.route("2XX", "*", "none", None)]
        ref = without_optional(response)
        decl = self.decls.get(ref.key) if isinstance(ref, Ref) else None
        if isinstance(decl, Model) and responses.is_operation_response(decl):
            return self.wrapped(op, decl, ref)  # type: ignore[arg-type]
        if isinstance(decl, Model) and op.wrapper is not None:
            return self.headers_wrapped(op, decl, ref)  # type: ignore[arg-type]
        item = _stream_item(ref)
        if item is not None:
            sentinel = repr(op.sentinel) if op.sentinel else ""
            return [
                self.route("2XX", STREAM_TYPE, "stream", item, read=self.event_parser(op.name, item), sentinel=sentinel)
            ]
        members = self._members(ref)
        if self.member:
            chosen = next(m for m in members if isinstance(m, Ref) and self.decls[m.key].name == self.member)
            self.member = ""
            return self.success(dataclasses.replace(op, response=chosen, errors=()))
        if len(members) > 1 and len({_kind(m) for m in members}) > 1:
            routes = []
            for m in members:
                routes += self.success(dataclasses.replace(op, response=m, errors=()))
            return routes
        if ref == Primitive("str"):
            return [self.route("2XX", ctype, "text", None) for ctype in TEXT_TYPES]
        if ref == Primitive("bytes"):
            return [self.route("2XX", OCTETS, "bytes", None)]
        if ref == HttpResponse():
            return [self.route("2XX", OCTETS, "raw", None)]
        return [self.route("2XX", JSON_TYPE, "model", ref, read=self.reader(op.name, ref))]

    def _members(self, ref: TypeRef) -> list[TypeRef]:
        decl = self.decls.get(ref.key) if isinstance(ref, Ref) else None
        if isinstance(decl, Union_):
            return list(decl.members)
        return list(ref.members) if isinstance(ref, UnionOf) else [ref]

    def headers_wrapped(self, op: Operation, model: Model, ref: Ref) -> list[RouteView]:
        """Routes of a response model holding the body (and the headers) in the fields the
        dialect named (``Operation.wrapper``)."""
        assert op.wrapper is not None
        attribute = dict(zip((f.name for f in model.fields), _python_names(model, self.decls, self.module_of)))
        body = next((f for f in model.fields if f.name == op.wrapper.body), None)
        name = self.ctx.unique(f"_wrap_{op.name}")
        spelled = self.annotator.type(ref)
        field = attribute[body.name] if body is not None else ""
        meta = responses.meta_argument(model, op.wrapper.meta, attribute, self.annotator, self.decls, self.module_of)
        self.wrappers.append(Wrapper(name, spelled, None, field, attribute.get(op.wrapper.headers, ""), meta))
        self.annotator.imports.http = True
        inner = dataclasses.replace(op, response=body.type if body else None, errors=(), wrapper=None)
        self.wrapping = (spelled, spelled)
        try:
            return [_with_keyword(r, f"wrap_body={name}") for r in self.success(inner)]
        finally:
            self.wrapping = None

    def wrapped(self, op: Operation, model: Model, ref: Ref) -> list[RouteView]:
        """Routes of a response model of the seed's kind: its body fields, as from_response
        reads them; an event stream is wrapped here (sync or async), the rest by from_response."""
        spelled = self.annotator.type(ref)
        attribute = dict(zip((f.name for f in model.fields), _python_names(model, self.decls, self.module_of)))
        bodies = responses.body_fields(model)
        headers = next((attribute[b.field.name] for b in bodies if b.kind == responses.HEADERS), "")
        http = HttpFields(*(attribute[n] for n in model.response_fields))
        bodies = [b for b in bodies if b.kind != responses.HEADERS]
        first = [b for b in bodies if b.kind in (responses.JSON, responses.STREAM, responses.TEXT)]
        routes = []
        self.wrapping = (spelled, spelled)
        for body in first + [b for b in bodies if b.kind in (responses.BYTES, responses.RAW)]:
            status = responses.status_text(body.status_low, body.status_high)
            if body.kind == responses.STREAM:
                name = self.ctx.unique(f"_wrap_{op.name}")
                self.wrappers.append(Wrapper(name, spelled, http, attribute[body.field.name], headers))
                self.annotator.imports.http = True
                sentinel = op.sentinel or body.field.sentinel
                read = self.event_parser(op.name, body.item)
                extra = {"read": read, "sentinel": repr(sentinel) if sentinel else "", "wrap_body": name}
                routes.append(self.route(status, STREAM_TYPE, "stream", body.item, **extra))
                continue
            ctypes, action = _BODY_ROUTES[body.kind]
            item = body.item if action == "model" else None
            extra = self.filling(op, spelled, http, attribute[body.field.name], headers, item)
            routes += [self.route(status, ctype, action, item, **extra) for ctype in ctypes]
        if not bodies:
            routes.append(self.route("2XX", "*", "none", None, **self.filling(op, spelled, http, "", headers, None)))
        self.wrapping = None
        return routes

    def filling(self, op: Operation, model: str, http: HttpFields, field: str, headers: str, item: Any) -> dict:
        """How a route fills a 2024 response model: by its from_response, or, at statuses
        configured for the operation (which from_response does not take), by a wrapper."""
        if not self.configuring:
            return {"wrap": f"{model}.from_response"}
        name = self.ctx.unique(f"_wrap_{op.name}")
        self.wrappers.append(Wrapper(name, model, http, field, headers))
        return {"wrap_body": name, "read": self.reader(op.name, item) if item is not None else ""}

    def error_routes(self, op: Operation) -> list[RouteView]:
        routes = []
        for row in op.errors:
            read = self.error_reader(row)
            for status in row.statuses:
                routes.append(
                    RouteView(
                        repr(status),
                        repr(row.content_type),
                        repr("error"),
                        f"{ERRORS_MODULE}.{row.name}",
                        f"read={read}" if read else "",
                    )
                )
        return routes

    def error_reader(self, row: ErrorRoute) -> str:
        """The reader of an error's body model; plain JSON for a JSON error without one."""
        if row.name in self.error_reads:
            return self.error_reads[row.name]
        ref = self.errors.get(row.name)
        if ref is not None:
            read = self.reader(f"error_{row.name}", ref)
        elif "json" in row.content_type:
            read = f"{DISPATCH_MODULE}.read_json_value"
        else:
            read = ""
        self.error_reads[row.name] = read
        return read

    def view(self, page: str, operations: list[Operation]) -> GroupView:
        ops = []
        for op in operations:
            self.returns = []
            success = self.success(op)
            returns = [_union(r[0] for r in self.returns), _union(r[1] for r in self.returns)]
            routes = success + self.error_routes(op)
            ops.append(OperationView(op.name, *_docstrings(op, routes), tuple(routes), *returns))
        helpers = self.ctx.helpers()
        top = _with_support(list(self.annotator.imports.top_lines(self.module.module)))
        return GroupView(
            docstring_literal(f"Response parsers of the operations documented in {page}; generated by docgen."),
            tuple(top),
            tuple(self.annotator.imports.bottom_lines()),
            tuple(self.readers),
            tuple(self.events),
            tuple(self.wrappers),
            tuple(ops),
            helpers,
        )


def _union(annotations: Iterable[str]) -> str:
    """One annotation for several: ``A | B``, each once (None last)."""
    unique = list(dict.fromkeys(annotations))
    return " | ".join([a for a in unique if a != "None"] + (["None"] if "None" in unique else [])) or "None"


def _docstrings(op: Operation, routes: list[RouteView]) -> tuple[str, str]:
    """The docstrings of parse_<op> and aparse_<op>: what each route gives."""
    lines = [f"{literal_eval(r.status)} {literal_eval(r.content_type)}: {_gives(r)}" for r in routes]
    lines.append(f"anything else: raises {ERRORS_MODULE}.UnexpectedResponseError")
    table = "\n".join(f"- {line}" for line in lines)
    sync = f"Parse a response of {op.key} (requests or httpx, streamed or not).\n\n{table}"
    indented = docstring_literal(sync).replace("\n", "\n    ").replace("\n    \n", "\n\n")
    return indented, docstring_literal(f"parse_{op.name} for an httpx.AsyncClient response.")


def _gives(route: RouteView) -> str:
    action = literal_eval(route.action)
    if action == "error":
        return f"raises {route.type}"
    if action == "none":
        return "None (the body must be empty)"
    return {"model": route.type, "stream": f"events of {route.type}", "raw": "the response"}.get(action, action)


def _with_keyword(route: RouteView, keyword: str) -> RouteView:
    return dataclasses.replace(route, extra=f"{route.extra}, {keyword}" if route.extra else keyword)


def _with_support(lines: list[str]) -> list[str]:
    """The module's import lines with ``_dispatch`` and ``api_errors`` among the package's own."""
    ours = {DISPATCH_MODULE, ERRORS_MODULE}
    for i, line in enumerate(lines):
        if line.startswith("from .. import "):
            imported = set(line[len("from .. import ") :].split(", ")) | ours
            lines[i] = "from .. import " + ", ".join(sorted(imported))
            return lines
    line = f"from .. import {', '.join(sorted(ours))}"
    at = next((i for i, text in enumerate(lines) if text.startswith("from .")), None)
    return lines + ["", line] if at is None else lines[:at] + [line] + lines[at:]


def _kind(ref: TypeRef) -> str:
    """How a response of type *ref* travels: stream, text, bytes, raw or JSON."""
    ref = without_optional(ref)
    if _stream_item(ref) is not None:
        return "stream"
    return {Primitive("str"): "text", Primitive("bytes"): "bytes", HttpResponse(): "raw"}.get(ref, "json")


def _python_names(model: Model, decls: dict[str, Decl], module_of: dict[str, Module]) -> list[str]:
    """The attribute names of the model's fields, as its own module spells them."""
    return python_field_names(model, Annotator(module_of[model.key], decls, module_of))


def emit_operations(
    spec: Spec,
    env: jinja2.Environment,
    decls: dict[str, Decl],
    module_of: dict[str, Module],
    allow_nan: bool = False,
) -> dict[str, str]:
    """The files of the operations: one module per group, the errors, the registry, the runtime."""
    if not spec.operations:
        return {}
    models = error_models(spec, decls)
    files = {
        f"{ERRORS_MODULE}.py": env.get_template("api_errors.py.jinja").render(
            errors=errors_view(spec, models, decls, module_of)
        )
    }
    files[f"{DISPATCH_MODULE}.py"] = env.get_template("dispatch.py.jinja").render()
    groups: dict[str, list[Operation]] = {}
    for op in spec.operations:
        groups.setdefault(op.group, []).append(op)
    registry = []
    for group, ops in sorted(groups.items()):
        emitter = _GroupEmitter(group, decls, module_of, models, allow_nan)
        view = emitter.view(f"{OPERATIONS_FOLDER}/{group}/README.md", ops)
        files[f"{OPERATIONS_FOLDER}/{group}.py"] = env.get_template("operations.py.jinja").render(group=view)
        registry += [RegistryEntry(repr(op.key), f"{OPERATIONS_FOLDER}_{group}", op.name) for op in ops]
    imports = tuple(f"from .{OPERATIONS_FOLDER} import {g} as {OPERATIONS_FOLDER}_{g}" for g in sorted(groups))
    files[f"{REGISTRY_MODULE}.py"] = env.get_template("registry.py.jinja").render(
        registry=RegistryView(imports, tuple(registry))
    )
    files[f"{OPERATIONS_FOLDER}/__init__.py"] = '"""Response parsers, one module per group of operations."""\n'
    return files
