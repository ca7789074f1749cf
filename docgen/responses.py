"""Operation responses: which models are one, and which body field a response fills.

A model is an *operation response* when it has the three HTTP fields the docs give
every operation's response: ``content_type: str``, ``status_code: int`` and
``raw_response: requests.Response``.  Its other fields are bodies (and, when present,
``headers``), chosen per response by status code and content type:

* a ``Generator[...]`` field takes ``text/event-stream``;
* a ``bytes`` field takes any content type that no other field of the status claims;
* a ``str`` field takes ``text/*``;
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
from typing import Mapping, Optional

from .ir import DictOf, Field, HttpResponse, ListOf, Model, Optional_, Primitive, StreamOf, TypeRef

HTTP_FIELDS = {"content_type": Primitive("str"), "status_code": Primitive("int"), "raw_response": HttpResponse()}

_PHRASES = {status.phrase.lower(): status.value for status in HTTPStatus}
_CLASS = re.compile(r"^([1-5])xx$", re.IGNORECASE)
_CODE = re.compile(r"^[1-5]\d\d$")

JSON, STREAM, BYTES, TEXT, HEADERS = "json", "stream", "bytes", "text", "headers"


@dataclass(frozen=True, slots=True)
class BodyField:
    """A body field of an operation response and what it takes."""

    field: Field
    kind: str  # JSON, STREAM, BYTES, TEXT or HEADERS
    status_low: int
    status_high: int
    item: TypeRef  # the JSON type (JSON), the event type (STREAM), else the field's type


def _strip_optional(ref: TypeRef) -> TypeRef:
    return ref.inner if isinstance(ref, Optional_) else ref


def is_operation_response(model: Model) -> bool:
    types = {f.name: _strip_optional(f.type) for f in model.fields}
    return all(types.get(name) == ref for name, ref in HTTP_FIELDS.items())


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


def body_fields(model: Model, status_overrides: Mapping[str, str] = {}) -> list[BodyField]:
    """The body fields of an operation response, in the page's order.

    *status_overrides* maps a field name to a status text (as :func:`status_range` reads
    it) where the page alone cannot say.
    """
    bodies = []
    for f in model.fields:
        if f.name in HTTP_FIELDS:
            continue
        ref = _strip_optional(f.type)
        status_text = status_overrides.get(f.name, f.description)
        low, high = status_range(status_text) or (200, 299)
        if isinstance(ref, StreamOf):
            bodies.append(BodyField(f, STREAM, low, high, ref.item))
        elif ref == Primitive("bytes"):
            bodies.append(BodyField(f, BYTES, low, high, ref))
        elif ref == Primitive("str"):
            bodies.append(BodyField(f, TEXT, low, high, ref))
        elif f.name == "headers" and ref == DictOf(ListOf(Primitive("str"))):
            bodies.append(BodyField(f, HEADERS, 100, 599, ref))
        else:
            bodies.append(BodyField(f, JSON, low, high, ref))
    return bodies
