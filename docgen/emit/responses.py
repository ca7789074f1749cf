"""Operation responses: which models are one, and which body field a response fills.

A model is an *operation response* when the dialect found in it the three HTTP fields
of an operation's response (``Model.response_fields``: its content type, status code
and raw response).  Its other fields are bodies (and, when present, ``headers``),
chosen per response by status code and content type:

* a ``Generator[...]`` field takes ``text/event-stream``;
* a ``bytes`` field takes any content type that no other field of the status claims,
  and so does a field of the raw response type (the docs' way to say "the raw response"),
  which is given the response object itself;
* a ``str`` field takes a textual type: ``text/*``, ``message/*``, XML;
* ``headers: Dict[str, List[str]]`` is filled from the response headers;
* any other field takes JSON (``application/json`` or any ``+json`` type).

The docs state the status as the field's description: an HTTP reason phrase ("OK",
"Not Found", "Created"), a class such as ``4XX``, or ``default``.  Any other text means
success (``2XX``).  Configuration can override the status of a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Callable, Mapping, Optional

from ..ir import (
    Decl,
    DictOf,
    Field,
    HttpRequest,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Module,
    Primitive,
    Ref,
    StreamKind,
    StreamOf,
    TypeRef,
    UnionOf,
)
from ..walk import alternatives, without_optional
from .spelling import Annotator, python_field_names
from .views import BodyReader, EventMember, EventParser, HttpFields, ResponseCase, ResponseView

_PHRASES = {status.phrase.lower(): status.value for status in HTTPStatus}
_CLASS = re.compile(r"^([1-5])xx$", re.IGNORECASE)
_CODE = re.compile(r"^[1-5]\d\d$")

JSON, STREAM, BYTES, TEXT, HEADERS, RAW = "json", "stream", "bytes", "text", "headers", "raw"


@dataclass(frozen=True, slots=True)
class BodyField:
    """A body field of an operation response and what it takes."""

    field: Field
    kind: str  # JSON, STREAM, BYTES, TEXT or HEADERS
    status_low: int
    status_high: int
    item: TypeRef  # the JSON type (JSON), the event type (STREAM), else the field's type


def is_operation_response(model: Model) -> bool:
    return bool(model.response_fields)


def status_range(text: str) -> Optional[tuple[int, int]]:
    """``"OK"`` -> (200, 200); ``"4XX"`` -> (400, 499); ``"default"`` -> (100, 599); else None."""
    words = text.strip().rstrip(".").lower()
    if words in _PHRASES:
        code = _PHRASES[words]
        return code, code
    if _CODE.match(words):
        return int(words), int(words)
    match = _CLASS.match(words)
    if match:
        low = int(match.group(1)) * 100
        return low, low + 99
    if words == "default":
        return 100, 599
    return None


def status_text(low: int, high: int) -> str:
    """A status range as a route's status: ``"404"``, ``"4XX"`` or ``"default"``."""
    if low == high:
        return str(low)
    if (low, high) == (100, 599):
        return "default"
    return f"{low // 100}XX"


def meta_argument(
    model: Model,
    meta: str,
    attribute: Mapping[str, str],
    annotator: Annotator,
    decls: Mapping[str, Decl],
    module_of: Mapping[str, Module],
) -> str:
    """The keyword argument that fills a response model's HTTP metadata field *meta* from the
    response (``http_meta=HTTPMetadata(response=response, request=response.request)``);
    "" for a model without one."""
    field = next((f for f in model.fields if f.name == meta), None) if meta else None
    if field is None:
        return ""
    ref = without_optional(field.type)
    holder = decls[ref.key]  # type: ignore[union-attr]
    assert isinstance(holder, Model)
    spelled = python_field_names(holder, Annotator(module_of[holder.key], dict(decls), dict(module_of)))
    values = {HttpResponse(): "response", HttpRequest(): "response.request"}
    arguments = ", ".join(f"{n}={values[without_optional(f.type)]}" for f, n in zip(holder.fields, spelled))
    return f"{attribute[field.name]}={annotator.type(ref)}({arguments})"


def stream_of_union(ref: TypeRef) -> TypeRef:
    """A union of streams of one item type (``EventStream[X] | EventStreamAsync[X]``) takes an
    event stream like each of its members: the stream the response is read into is both."""
    if isinstance(ref, UnionOf) and ref.members and all(isinstance(m, StreamOf) for m in ref.members):
        streams = [m for m in ref.members if isinstance(m, StreamOf)]
        synchronous = [m for m in streams if m.kind is not StreamKind.EVENT_STREAM_ASYNC]
        if len({m.item for m in streams}) == 1 and synchronous:
            return synchronous[0]
    return ref


def _readable_stream(ref: TypeRef) -> bool:
    """A stream from_response can fill: one read as the response arrives (not an async one)."""
    return isinstance(ref, StreamOf) and ref.kind is not StreamKind.EVENT_STREAM_ASYNC


def body_fields(model: Model) -> list[BodyField]:
    """The body fields of an operation response, in the page's order.

    A field's status is its configured ``status`` (``[tool.docgen.statuses]``, as
    :func:`status_range` reads it), else its description.
    """
    bodies = []
    for f in model.fields:
        if f.name in model.response_fields:
            continue
        ref = stream_of_union(without_optional(f.type))
        status_text = f.status or f.description
        low, high = status_range(status_text) or (200, 299)
        if _readable_stream(ref):
            assert isinstance(ref, StreamOf)
            bodies.append(BodyField(f, STREAM, low, high, ref.item))
        elif ref == Primitive("bytes"):
            bodies.append(BodyField(f, BYTES, low, high, ref))
        elif ref == HttpResponse():
            bodies.append(BodyField(f, RAW, low, high, ref))
        elif ref == Primitive("str"):
            bodies.append(BodyField(f, TEXT, low, high, ref))
        elif f.name == "headers" and ref == DictOf(ListOf(Primitive("str"))):
            bodies.append(BodyField(f, HEADERS, 100, 599, ref))
        else:
            bodies.append(BodyField(f, JSON, low, high, ref))
    return bodies


# --- views for templates/response.py.jinja ----------------------------------------


def _condition(body: BodyField) -> str:
    if body.status_low == body.status_high:
        status = f"status == {body.status_low}"
    else:
        status = f"{body.status_low} <= status <= {body.status_high}"
    media = {JSON: "_http.is_json(media)", STREAM: "_http.is_event_stream(media)", TEXT: "_http.is_text(media)"}
    return f"{status} and {media[body.kind]}" if body.kind in media else status


def _decodes_data(model: Model) -> bool:
    """Whether an event model's ``data`` is JSON (anything but a plain or literal string)."""
    data = next((f for f in model.fields if f.wire_name == "data"), None)
    if data is None:
        return True
    ref = without_optional(data.type)
    if ref == Primitive("str"):
        return False
    return not (isinstance(ref, LiteralOf) and all(isinstance(v, str) for v in ref.values))


def _event_members(item: TypeRef, decls: Mapping[str, object]) -> list[TypeRef]:
    """The alternatives an event may be: a union's members (unions flattened), or the item."""
    return alternatives(item, decls, null=False)


def response_view(
    model: Model,
    python_names: Mapping[str, str],
    parse: Callable[[TypeRef, str, str], str],
    annotate: Callable[[TypeRef], str],
    unique: Callable[[str], str],
    decls: Mapping[str, object],
) -> ResponseView:
    """The ``from_response`` of an operation response.

    *python_names* maps each field's IR name to its attribute name; *parse(ref, value,
    path)* renders a parse expression (docgen/emit/parsers.py); *annotate* spells a type;
    *unique* hands out module-level names.
    """
    bodies = body_fields(model)
    headers = next((python_names[b.field.name] for b in bodies if b.kind == HEADERS), "")
    ordered = [b for b in bodies if b.kind in (JSON, STREAM, TEXT)] + [b for b in bodies if b.kind in (BYTES, RAW)]
    cases: list[ResponseCase] = []
    readers: list[BodyReader] = []
    events: list[EventParser] = []
    for body in ordered:
        attribute = python_names[body.field.name]
        if body.kind == JSON:
            name = unique(f"_body_{model.name}_{attribute}")
            readers.append(BodyReader(name, annotate(body.item), parse(body.item, "value", '"$"')))
            value = f"{name}(response)"
        elif body.kind == STREAM:
            name = unique(f"_event_{model.name}_{attribute}")
            events.append(event_parser(name, body.item, parse, annotate, decls))
            sentinel = f", sentinel={body.field.sentinel!r}" if body.field.sentinel else ""
            value = f"_http.event_stream(response, {name}{sentinel})"
        elif body.kind == TEXT:
            value = "_http.read_text(response)"
        elif body.kind == RAW:
            value = "response"
        else:
            value = "_http.read_body(response)"
        cases.append(ResponseCase(_condition(body), attribute, value))
    if not any(b.kind != HEADERS for b in bodies):
        cases.append(ResponseCase("200 <= status <= 299", "", ""))
    trio = tuple(python_names[name] for name in model.response_fields)
    return ResponseView(
        annotate(HttpResponse()),
        HttpFields(trio[0], trio[1], trio[2]),
        headers,
        any("media" in case.condition for case in cases),
        tuple(cases),
        tuple(readers),
        tuple(events),
    )


def event_parser(
    name: str,
    item: TypeRef,
    parse: Callable[[TypeRef, str, str], str],
    annotate: Callable[[TypeRef], str],
    decls: Mapping[str, object],
) -> EventParser:
    labels, members = [], []
    for member in _event_members(item, decls):
        target = decls.get(member.key) if isinstance(member, Ref) else None
        if isinstance(target, Model):
            reader, decode, label = "event_object", _decodes_data(target), target.name
        else:
            reader, decode, label = "event_data", member != Primitive("str"), annotate(member)
        labels.append(label)
        members.append(EventMember(repr(label), reader, str(decode), parse(member, "value", "path")))
    return EventParser(name, annotate(item), repr(" or ".join(labels)), tuple(members))
