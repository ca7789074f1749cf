"""docgen's plain data (the IR, declarations, diagnostics) as JSON values, and back.

A dataclass instance is ``{"ClassName": [field values...]}``, an enum member
``{"ClassName": value}``, a tuple a list; strings, numbers, booleans and None stay as
they are.  Only the classes listed here are made back: a record naming any other class
does not decode (:class:`CodecError`), so a cache record cannot make docgen build
anything but plain data.

>>> from docgen.ir import ListOf, Primitive
>>> encoded = encode(ListOf(Primitive("str")))
>>> encoded
{'ListOf': [{'Primitive': ['str']}]}
>>> decode(json.loads(json.dumps(encoded))) == ListOf(Primitive("str"))
True
"""

from __future__ import annotations

import dataclasses
import enum
import json
import operator
from typing import Any, Callable

from .. import ir
from ..diagnostics import Diagnostic, Severity
from ..resolve import Declared


class CodecError(ValueError):
    """A value that is not the encoding of docgen's plain data."""


def _plain_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for value in vars(ir).values():
        if isinstance(value, type) and value.__module__ == ir.__name__:
            if dataclasses.is_dataclass(value) or issubclass(value, enum.Enum):
                found[value.__name__] = value
    for extra in (ir.SourceSpan, Declared, Diagnostic, Severity):
        found[extra.__name__] = extra
    return found


#: Class name -> the class, for every class a record may hold.
CLASSES = _plain_classes()
_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in CLASSES.values() if dataclasses.is_dataclass(cls)
}


def encode(value: Any) -> Any:
    """*value* as a JSON value; raises :class:`CodecError` for what is not plain data."""
    encoder = _ENCODERS.get(type(value))
    if encoder is None:
        raise CodecError(f"not plain data: {type(value).__name__}")
    return encoder(value)


def _as_is(value: Any) -> Any:
    return value


def _tuple_encoder(value: tuple[Any, ...]) -> list[Any]:
    return [item if type(item) in _ATOMS else encode(item) for item in value]


def _enum_encoder(cls: type[enum.Enum]) -> Any:
    name = cls.__name__

    def encoded(value: enum.Enum) -> Any:
        return {name: value.value}

    return encoded


def _dataclass_encoder(cls: type) -> Any:
    """The encoder of one class: its fields read by one attrgetter, atoms kept as they are."""
    name, fields = cls.__name__, _FIELDS[cls]
    read: Callable[[Any], tuple[Any, ...]]
    if len(fields) > 1:
        read = operator.attrgetter(*fields)
    else:  # attrgetter of one name gives the value itself, of none is not made
        read = lambda value: tuple(getattr(value, field) for field in fields)  # noqa: E731
    atoms = _ATOMS

    def encoded(value: Any) -> Any:
        return {name: [item if type(item) in atoms else encode(item) for item in read(value)]}

    return encoded


#: The types JSON holds as they are (exact types: a subclass, an enum above all, is not one).
_ATOMS: frozenset[type] = frozenset({str, int, float, bool, type(None)})
#: Exact type -> its encoder, for every type plain data is made of.
_ENCODERS: dict[type, Any] = {atom: _as_is for atom in _ATOMS}
_ENCODERS[tuple] = _tuple_encoder
for _cls in CLASSES.values():
    _ENCODERS[_cls] = _enum_encoder(_cls) if issubclass(_cls, enum.Enum) else _dataclass_encoder(_cls)


def decode(value: Any) -> Any:
    """What :func:`encode` made *value* from; raises :class:`CodecError` for anything else."""
    if isinstance(value, list):
        return tuple(decode(item) for item in value)
    if not isinstance(value, dict):
        return value
    return _made(value, decode)


def loads(text: str) -> Any:
    """:func:`decode` of the JSON *text* (the JSON parser builds the objects as it reads)."""
    try:
        return _tupled(json.loads(text, object_hook=_hook))
    except (ValueError, TypeError, RecursionError) as exc:
        raise CodecError(str(exc)) from exc


def dumps(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


#: Class name -> (the class, how many fields it has; -1 for an enum): what the JSON parser's hook needs.
_MAKERS = {name: (cls, -1 if issubclass(cls, enum.Enum) else len(_FIELDS[cls])) for name, cls in CLASSES.items()}


def _hook(entry: dict[str, Any]) -> Any:
    """:func:`_made` for the JSON parser, which calls it for every object, innermost first."""
    if len(entry) != 1:
        raise CodecError("an encoded object has exactly one key, its class")
    for name, arguments in entry.items():
        made = _MAKERS.get(name)
        if made is None:
            raise CodecError(f"not a class of docgen's plain data: {name!r}")
        cls, count = made
        if count < 0:
            return cls(arguments)
        if type(arguments) is not list or len(arguments) != count:
            raise CodecError(f"{name} takes {count} values")
        return cls(*[_tupled(argument) if type(argument) is list else argument for argument in arguments])


def _made(entry: dict[str, Any], inner: Any) -> Any:
    if len(entry) != 1:
        raise CodecError("an encoded object has exactly one key, its class")
    ((name, arguments),) = entry.items()
    cls = CLASSES.get(name)
    if cls is None:
        raise CodecError(f"not a class of docgen's plain data: {name!r}")
    try:
        if issubclass(cls, enum.Enum):
            return cls(arguments)
        if not isinstance(arguments, list) or len(arguments) != len(_FIELDS[cls]):
            raise CodecError(f"{name} takes {len(_FIELDS[cls])} values")
        return cls(*(inner(argument) for argument in arguments))
    except (TypeError, ValueError) as exc:
        raise CodecError(str(exc)) from exc


def _tupled(value: Any) -> Any:
    """Lists (and lists in lists) as tuples: what JSON's arrays stood for."""
    if isinstance(value, list):
        return tuple(_tupled(item) if isinstance(item, list) else item for item in value)
    return value
