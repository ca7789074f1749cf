"""The objects the operation templates are given: small frozen dataclasses with named fields.

Like :mod:`docgen.emit.views` (the reference for the model templates), for the files of
the operations: ``templates/operations.py.jinja`` gets a :class:`GroupView` named
``group``, ``templates/api_errors.py.jinja`` an :class:`ErrorsView` named ``errors`` and
``templates/registry.py.jinja`` a :class:`RegistryView` named ``registry``.  Every text
field holds Python source unless its comment says otherwise.  Part of stage 6 (emit);
nothing here computes anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .views import BodyReader, EventParser, HttpFields, ListHelper, UnionHelper


@dataclass(frozen=True)
class Wrapper:
    """``name(response, value)``: the response model an operation returns, holding *value*
    (the parsed body) in ``field`` and the response's HTTP fields, headers or HTTP metadata
    in theirs."""

    name: str  # a function name
    model: str  # the response model's class, as spelled in the module
    http: Optional[HttpFields]  # the three HTTP fields of a 2024 response model, or None
    field: str  # the body field's name, "" for none
    headers: str = ""  # the headers field's name, "" for none
    meta: str = ""  # the keyword argument filling the HTTP metadata field, "" for none


@dataclass(frozen=True)
class RouteView:
    """One ``_dispatch.Route(...)`` of an operation: its arguments in order, then by name."""

    status: str  # a string literal: "200", "4XX", "default"
    content_type: str  # a string literal: a media type or pattern
    action: str  # a string literal: "model", "error", "stream", ...
    type: str  # the class (or typing form) the body becomes, or None
    extra: str = ""  # further keyword arguments (read=..., wrap=...), "" for none


@dataclass(frozen=True)
class OperationView:
    """``parse_<name>`` and ``aparse_<name>`` of one operation, and ``ROUTES_<name>``."""

    name: str  # the operation's name, an identifier
    docstring: str  # a string literal
    adocstring: str  # a string literal
    routes: tuple[RouteView, ...]
    returns: str  # the annotation of what parse_<name> returns
    areturns: str  # ... and aparse_<name>


@dataclass(frozen=True)
class GroupView:
    """One ``sdks/<group>.py``: its imports, body readers, event parsers, wrappers and operations."""

    docstring: str  # a string literal
    top_imports: tuple[str, ...]  # import statements
    bottom_imports: tuple[str, ...]  # import statements, at the module's end
    readers: tuple[BodyReader, ...]
    event_parsers: tuple[EventParser, ...]
    wrappers: tuple[Wrapper, ...]
    operations: tuple[OperationView, ...]
    helpers: tuple[ListHelper | UnionHelper, ...]


@dataclass(frozen=True)
class ErrorClass:
    """One exception class of ``api_errors.py``."""

    name: str  # the class name
    base: str  # the base class
    docstring: str  # a string literal
    data: str  # the annotation of ``.data``, "" for an error without a body model


@dataclass(frozen=True)
class ErrorsView:
    """``api_errors.py``: the body models it imports, its classes and the generic error."""

    imports: tuple[str, ...]  # import statements
    classes: tuple[ErrorClass, ...]
    generic: str  # the base of UnexpectedResponseError: the tree's generic error, or ResponseError
    exported: tuple[str, ...]  # the names of ``__all__``, plain text, in isort's order


@dataclass(frozen=True)
class RegistryEntry:
    """One entry of ``OPERATIONS``."""

    key: str  # a string literal: "group.operation"
    module: str  # the group module's alias in ``_operations.py``
    name: str  # the operation's name


@dataclass(frozen=True)
class RegistryView:
    """``_operations.py``: the group modules it imports and every operation."""

    imports: tuple[str, ...]  # import statements
    operations: tuple[RegistryEntry, ...]
