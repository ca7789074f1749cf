"""What the generated parsers share: JSON paths, error messages, special types.

Generated modules check and convert each value in line; they call this module only
to convert ``float``, ``date``, ``datetime``, ``Decimal`` and ``bytes``, and to raise
:class:`ParseError` with the JSON path of the offending value.  A path is built
lazily as ``"$"`` or a tuple ``(parent, key)`` and formatted only for a message.
"""

from __future__ import annotations

import base64
import math
import re
import reprlib
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import NoReturn

from ._errors import ParseError

__all__ = [
    "MISSING",
    "Decimal",
    "ParseError",
    "Path",
    "bad_key",
    "describe",
    "dump_bytes",
    "dump_date",
    "dump_datetime",
    "dump_decimal",
    "fail",
    "format_path",
    "no_member",
    "not_json",
    "parse_bytes",
    "parse_date",
    "parse_datetime",
    "parse_decimal",
    "parse_float",
    "too_deep",
]

Path = str | tuple["Path", str | int]
"""A JSON path: ``"$"``, or ``(parent, key)`` with a member name or a list index."""


class _Missing:
    """The value of a required field that the object does not have."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_FRACTION = re.compile(r"(\.\d+)")


class _ShortRepr(reprlib.Repr):
    """reprlib's short repr, but an integer too long to print in full is described by its
    size: Python refuses to convert one of more than 4,300 digits to text by default."""

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 256:
            return f"<int of about {int((x.bit_length() - 1) * 0.30103) + 1} digits>"
        return super().repr_int(x, level)


_SHORT = _ShortRepr()
_SHORT.maxstring = 40
_SHORT.maxother = 40
_SHORT.maxlong = 40
_SHORT.maxdict = 4
_SHORT.maxlist = 4
_SHORT.maxlevel = 2


def format_path(path: Path) -> str:
    """``(("$", "data"), 0)`` -> ``$.data[0]``; names that are not identifiers are quoted."""
    parts = []
    while isinstance(path, tuple):
        path, key = path
        if isinstance(key, int):
            parts.append(f"[{key}]")
        elif _IDENTIFIER.fullmatch(key):
            parts.append(f".{key}")
        else:
            parts.append(f"[{_SHORT.repr(key)}]")
    return path + "".join(reversed(parts))


def describe(value: object) -> str:
    """A short account of a decoded JSON value: ``str '3'``, ``null``, ``dict {...}``."""
    if value is None:
        return "null"
    return f"{type(value).__name__} {_SHORT.repr(value)}"


def fail(path: Path, expected: str, value: object) -> NoReturn:
    """Raise the ParseError for *value* found at *path* where *expected* was wanted."""
    if value is MISSING:
        raise ParseError(
            format_path(path), f"missing required field, expected {expected}"
        )
    raise ParseError(format_path(path), f"expected {expected}, got {describe(value)}")


def bad_key(path: Path, key: object) -> NoReturn:
    raise ParseError(
        format_path(path),
        f"expected an object with string keys, got key {describe(key)}",
    )


def no_member(
    path: Path, expected: str, value: object, rejected: list[tuple[str, str]]
) -> NoReturn:
    """No member of a union accepted *value*: say what each one rejected."""
    if value is MISSING:
        fail(path, expected, value)
    reasons = "; ".join(f"{member}: {reason}" for member, reason in rejected)
    raise ParseError(
        format_path(path), f"expected {expected}, got {describe(value)} ({reasons})"
    )


def not_json(path: Path, what: str) -> NoReturn:
    raise ParseError(format_path(path), f"{what} cannot be read from JSON")


def too_deep() -> ParseError:
    """The error for a value nested deeper than Python's recursion limit lets a parser go."""
    return ParseError(
        "$",
        f"value nested too deeply (Python's recursion limit is {sys.getrecursionlimit()})",
    )


def parse_float(value: object, path: Path, finite: bool = True) -> float:
    """A float from what generated code does not take in line: an int or a ``Decimal``
    (``json.loads(text, parse_float=Decimal)``), converted; bool and str are rejected,
    and so are NaN and the infinities (not JSON) unless *finite* is False."""
    number = value
    if type(value) is int or isinstance(value, Decimal):
        try:
            number = float(value)
        except OverflowError:  # an int
            fail(path, "a float (this number is too large for one)", value)
        except ValueError:  # a signaling NaN
            number = math.nan
        if (
            not isinstance(value, int)
            and value.is_finite()
            and not math.isfinite(number)
        ):
            fail(path, "a float (this number is too large for one)", value)
    if type(number) is float and (
        not finite or number - number == 0.0
    ):  # NaN - NaN, inf - inf: NaN
        return number
    wants = (
        "float"
        if type(number) is not float
        else "a finite float (NaN and infinities are not JSON)"
    )
    fail(path, wants, value)


def parse_date(value: object, path: Path) -> date:
    """An ISO 8601 calendar date, ``2024-05-01``."""
    if type(value) is str:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    fail(path, "an ISO 8601 date", value)


def parse_datetime(value: object, path: Path) -> datetime:
    """An ISO 8601 date and time; the offset is kept, ``Z`` means UTC."""
    if type(value) is str:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
        # Python 3.10 reads only what isoformat() writes: no Z, 3 or 6 fraction digits.
        text = value[:-1] + "+00:00" if value[-1:] in ("Z", "z") else value
        text = _FRACTION.sub(lambda m: (m.group(1) + "000000")[:7], text, count=1)
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    fail(path, "an ISO 8601 date-time", value)


def parse_decimal(value: object, path: Path) -> Decimal:
    """A finite decimal from a string (``"0.10"``) or a number; a float is read through
    its shortest repr, so ``0.1`` gives ``Decimal("0.1")`` (decode with
    ``json.loads(text, parse_float=Decimal)`` to keep every digit of the text)."""
    if type(value) is str:
        if _DECIMAL.fullmatch(value):
            try:
                return Decimal(value)
            except ArithmeticError:  # an exponent beyond what Decimal can hold
                pass
    elif type(value) is int:
        return Decimal(value)
    elif type(value) is float:
        if math.isfinite(value):
            return Decimal(repr(value))
    elif isinstance(value, Decimal) and value.is_finite():
        return value
    fail(path, "a decimal number or string", value)


def parse_bytes(value: object, path: Path) -> bytes:
    """Bytes from a base64 string (RFC 4648, standard alphabet, with padding)."""
    if type(value) is str:
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:
            pass
    fail(path, "a base64 string", value)


def dump_date(value: date) -> str:
    return value.isoformat()


def dump_datetime(value: datetime) -> str:
    return value.isoformat()


def dump_decimal(value: Decimal) -> str:
    return str(value)


def dump_bytes(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")
