"""The intermediate model: plain, immutable data that every later stage reads.

Nothing here knows about markdown, Jinja or black, and this module imports nothing
of docgen's but :class:`SourceSpan` (docgen/spans.py, where the modules that need only
spans import it from: a no-op build imports no more).  Types refer to each other by *key* (``"models.pets.Dog"``: the
namespace path of the defining page plus the type name) through the symbol table
of a :class:`Spec`, so reference cycles need no mutation.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Union

from .spans import SourceSpan  # noqa: F401 - part of the IR: every declaration has one

# --- type references -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Primitive:
    """A built-in or standard-library type, by its Python name: one of the entries of
    :data:`docgen.primitives.TABLE`, which says how it is spelled, parsed and dumped."""

    name: str


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """The raw HTTP response object of an operation (the dialect says how the docs name it)."""


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """The raw HTTP request an operation sent, kept for debugging (``httpx.Request``)."""


class FileKind(enum.Enum):
    """Which file type the docs name: ``IO[bytes]``, ``io.BufferedReader`` or ``io.IOBase``."""

    IO = "IO"
    BUFFERED_READER = "BufferedReader"
    IO_BASE = "IOBase"


@dataclass(frozen=True, slots=True)
class BinaryFile:
    """A readable binary file to upload (``IO[bytes]``, ``io.BufferedReader`` in the docs)."""

    kind: FileKind = FileKind.IO


@dataclass(frozen=True, slots=True)
class Ref:
    """A model, enum or union defined by some page, by symbol key."""

    key: str


class Nullability(enum.Enum):
    """What ``None`` and an absent JSON key mean for a value that may be None."""

    #: ``Optional[X]``: an absent key and ``null`` are both None; a None field is left out.
    OPTIONAL = "Optional"
    #: ``Nullable[X]``: ``null`` is a value of its own, None is written as ``null``.
    NULLABLE = "Nullable"
    #: ``OptionalNullable[X]``: an absent key is UNSET, ``null`` is None (written as ``null``).
    OPTIONAL_NULLABLE = "OptionalNullable"


@dataclass(frozen=True, slots=True)
class Optional_:
    inner: TypeRef
    nulls: Nullability = Nullability.OPTIONAL


@dataclass(frozen=True, slots=True)
class ListOf:
    item: TypeRef


@dataclass(frozen=True, slots=True)
class DictOf:
    value: TypeRef


@dataclass(frozen=True, slots=True)
class UnionOf:
    """An inline union, members in the order the docs give them."""

    members: tuple[TypeRef, ...]


class StreamKind(enum.Enum):
    """How the docs name a stream: ``Generator[X]``, ``EventStream[X]``, ``EventStreamAsync[X]``."""

    GENERATOR = "Generator"
    EVENT_STREAM = "EventStream"
    EVENT_STREAM_ASYNC = "EventStreamAsync"


@dataclass(frozen=True, slots=True)
class StreamOf:
    """A lazily produced sequence of items (``Generator[X]`` in the docs)."""

    item: TypeRef
    kind: StreamKind = StreamKind.GENERATOR


@dataclass(frozen=True, slots=True)
class LiteralOf:
    values: tuple[Union[str, int, bool, None], ...]


TypeRef = Union[
    Primitive, HttpResponse, HttpRequest, BinaryFile, Ref, Optional_, ListOf, DictOf, UnionOf, StreamOf, LiteralOf
]


# --- declarations ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Default:
    """A field's documented default value: the text the docs write (``'opaque'``, ``25``,
    ``[]``, ``KeyStatus.ACTIVE``) and what it stands for, a JSON value (as JSON text) or
    the name of a member of the field's enum; neither when the text is unreadable."""

    text: str
    json: str = ""
    member: str = ""


@dataclass(frozen=True, slots=True)
class Field:
    """One row of a ``Fields`` table."""

    name: str  # the Python attribute name, a safe identifier
    wire_name: str  # the JSON key
    type: TypeRef
    required: bool
    description: str
    deprecated: bool
    extra: tuple[tuple[str, str], ...]  # columns docgen does not interpret, (header, text)
    span: SourceSpan
    status: str = ""  # configured response status of an operation response's body field
    sentinel: str = ""  # configured event data that ends a stream field ("" for none)
    #: A constant: the type is a one-value Literal, the value is the field's default, and
    #: parsing accepts that value only (an absent key gives it too).
    constant: bool = False
    #: The model's additional properties: a ``DictOf`` holding every key of the JSON
    #: object that no other field has (``__pydantic_extra__`` in the docs).
    additional: bool = False
    #: The value the dataclass gives the field when the constructor is not told one.
    default: "Default | None" = None


@dataclass(frozen=True, slots=True)
class Model:
    key: str
    name: str
    description: str
    deprecated: bool
    fields: tuple[Field, ...]
    span: SourceSpan
    #: Names of the fields that make the model an operation's response (content type,
    #: status code, raw response), as the dialect recognised them; () for other models.
    response_fields: tuple[str, ...] = ()
    #: Parsing reads each field's wire name only ([tool.docgen] wire-matching = "exact");
    #: by default a key missing from an object is looked for up to case and separators.
    exact_keys: bool = False


@dataclass(frozen=True, slots=True)
class EnumMember:
    name: str
    value: Union[str, int]
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class Enum:
    key: str
    name: str
    description: str
    deprecated: bool
    value_type: str  # "str" or "int"
    members: tuple[EnumMember, ...]
    span: SourceSpan
    open: bool = False  # values that are no member's are accepted and kept as plain values


@dataclass(frozen=True, slots=True)
class Union_:
    key: str
    name: str
    description: str
    deprecated: bool
    members: tuple[TypeRef, ...]
    span: SourceSpan


Decl = Union[Model, Enum, Union_]


@dataclass(frozen=True, slots=True)
class Module:
    """What one page defines; it becomes one Python module."""

    page: str  # spec-relative path of the page, ``models/pets/dog.md``
    module: tuple[str, ...]  # dotted module path below OUT, ``("models", "pets", "dog")``
    decls: tuple[Decl, ...]


# --- operations --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parameter:
    """One row of an operation's ``Parameters`` table (kept for request builders)."""

    name: str
    type: TypeRef
    required: bool
    description: str
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class ErrorRoute:
    """One row of an operation's ``Errors`` table: the error raised for some statuses.

    ``ref`` is the model (or union) its body is parsed into, None for an error the docs
    give no page (the SDK's generic API error, or one whose body stays plain JSON).
    """

    name: str  # the exception class name, ``NotFoundError``
    ref: TypeRef | None
    statuses: tuple[str, ...]  # ``"404"``, ``"4XX"``, ``"default"``
    content_type: str  # a media type or pattern, ``"*"`` for any
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class ResponseWrapper:
    """A response model that holds the body in one field and, maybe, the headers or the HTTP
    metadata in others (the dialect says which): what the operation returns, filled from
    the response."""

    body: str  # the field holding the body, "" for an operation without one
    headers: str  # the field holding the response headers, "" for none
    meta: str = ""  # the field holding the HTTP metadata (the response and request), "" for none


@dataclass(frozen=True, slots=True)
class Operation:
    """One ``## operation`` section of an operation page: what its responses are."""

    group: str  # the folder below the operations folder, ``account``
    name: str  # the ``##`` heading, ``get_account``
    response: TypeRef | None  # the ``Response`` type, None when the docs give none
    errors: tuple[ErrorRoute, ...]
    parameters: tuple[Parameter, ...]
    span: SourceSpan
    sentinel: str = ""  # configured event data that ends the operation's event stream
    wrapper: ResponseWrapper | None = None  # the response type is such a model
    # configured success statuses, each with the union member it carries ("": the whole
    # response); empty: any 2XX (what the pages imply)
    success: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        return f"{self.group}.{self.name}"


@dataclass(frozen=True, slots=True)
class Spec:
    """Every module of a build, in a deterministic order (sorted by page path), and the
    operations of the operation pages (sorted by key)."""

    modules: tuple[Module, ...]
    operations: tuple[Operation, ...] = ()

    def decls(self) -> dict[str, Decl]:
        """The symbol table: key -> declaration."""
        return {d.key: d for m in self.modules for d in m.decls}

    def module_of(self) -> dict[str, Module]:
        """key -> the module that defines it."""
        return {d.key: m for m in self.modules for d in m.decls}
