"""What the generated parsers share: JSON paths, error messages, special types.

Generated modules check and convert each value in line; they call this module only
to convert ``float``, ``date``, ``datetime``, ``Decimal`` and ``bytes``, and to raise
:class:`ParseError` with the JSON path of the offending value.  A path is built
lazily as ``"$"`` or a tuple ``(parent, key)`` and formatted only for a message.
A first reading keeps no path at all (``None``: no tuple made per field and per item);
where it raises ParseError, the public function reads the value again with paths, so
that the error says where.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import reprlib
import sys
from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Any, NoReturn

from ._errors import ParseError

__all__ = [
    "MISSING",
    "Decimal",
    "ParseError",
    "Path",
    "WireKeys",
    "bad_key",
    "describe",
    "dump_bytes",
    "dump_date",
    "dump_datetime",
    "dump_decimal",
    "fail",
    "format_path",
    "iso_date",
    "iso_datetime",
    "matched_keys",
    "no_member",
    "normal_key",
    "not_json",
    "open_value",
    "parse_bytes",
    "parse_date",
    "parse_datetime",
    "parse_decimal",
    "parse_float",
    "too_deep",
]

Path = str | tuple["Path", str | int] | None
"""A JSON path: ``"$"``, or ``(parent, key)`` with a member name or a list index; or
``None`` in a first reading that keeps no path (formatted as ``$``)."""


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
    return ("$" if path is None else path) + "".join(reversed(parts))


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


#: The fast paths generated parsers call in line, inside ``try``: a value that is not a
#: ``str`` raises TypeError, a text that is not ISO raises ValueError, and the parser then
#: calls :func:`parse_date` / :func:`parse_datetime`, which accept what these do not
#: (``Z`` on Python 3.10) or raise the ParseError.  (A Decimal field's fast path is all in
#: line: a plain finite decimal text goes to ``Decimal()``, anything else to
#: :func:`parse_decimal`.)
iso_date = date.fromisoformat
iso_datetime = datetime.fromisoformat

#: A model's parser checks every field, then makes the object with ``new(Model)`` and sets
#: its fields: calling the class would run the dataclass's ``__init__``, which assigns the
#: same fields again after a call from C into Python that costs more than the assignments.
new = object.__new__


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


#: ``"00"`` to ``"99"``: the two-digit fields of a date-time, looked up rather than formatted.
_TWO_DIGITS = tuple(f"{number:02d}" for number in range(100))
#: The years of nearly every date an API sends, whole; others are written from their pairs.
_YEARS = tuple(str(year) for year in range(1900, 2200))
#: ``"000"`` to ``"999"``: the microseconds in two halves.
_THREE_DIGITS = tuple(f"{number:03d}" for number in range(1000))
_UTC = timezone.utc
#: fixed offset -> its ISO suffix (``+05:30``), for the offsets an API has sent so far.
_OFFSETS: dict[timezone, str] = {}


def dump_date(value: date) -> str:
    """``value.isoformat()``, written from the fields in Python (see :func:`dump_datetime`);
    a datetime set where a date belongs keeps its own isoformat."""
    if type(value) is not date:
        return value.isoformat()
    year = value.year
    digits = _TWO_DIGITS
    if 1900 <= year < 2200:
        return f"{_YEARS[year - 1900]}-{digits[value.month]}-{digits[value.day]}"
    return f"{digits[year // 100]}{digits[year % 100]}-{digits[value.month]}-{digits[value.day]}"


def dump_datetime(value: datetime) -> str:
    """``value.isoformat()``, written from the fields in Python where the offset is fixed (or
    there is none): ``isoformat`` formats each part through C's ``printf`` and asks the time
    zone for its offset, twice what this costs."""
    zone = value.tzinfo
    if zone is _UTC:
        suffix = "+00:00"
    elif zone is None:
        suffix = ""
    elif type(zone) is timezone:
        suffix = _OFFSETS.get(zone) or _offset_suffix(zone)
    else:  # a zone whose offset changes (zoneinfo): it says which at this moment
        return value.isoformat()
    # the year whole or in pairs (zero-padded, as isoformat pads it), the microseconds in
    # halves: formatting an int costs more than looking its digits up
    year = value.year
    digits = _TWO_DIGITS
    if 1900 <= year < 2200:
        text = _YEARS[year - 1900]
    else:
        text = digits[year // 100] + digits[year % 100]
    microsecond = value.microsecond
    if microsecond:
        return (
            f"{text}-{digits[value.month]}-{digits[value.day]}"
            f"T{digits[value.hour]}:{digits[value.minute]}:{digits[value.second]}"
            f".{_THREE_DIGITS[microsecond // 1000]}{_THREE_DIGITS[microsecond % 1000]}{suffix}"
        )
    return (
        f"{text}-{digits[value.month]}-{digits[value.day]}"
        f"T{digits[value.hour]}:{digits[value.minute]}:{digits[value.second]}{suffix}"
    )


def _offset_suffix(zone: timezone) -> str:
    suffix = _OFFSETS.get(zone)
    if suffix is None:
        suffix = datetime(2000, 1, 1, tzinfo=zone).isoformat()[19:]
        if len(_OFFSETS) < 64:  # bounded: offsets are few, but a payload picks them
            _OFFSETS[zone] = suffix
    return suffix


def dump_decimal(value: Decimal) -> str:
    return str(value)


def dump_bytes(value: bytes) -> str:
    return binascii.b2a_base64(value, newline=False).decode("ascii")  # base64.b64encode


def open_value(value: Enum | str | int) -> str | int:
    """The JSON value of an open enum's value: a member's value, or the unknown value kept."""
    if isinstance(value, Enum):
        member: str | int = value._value_
        return member
    return value


#: What tolerant key matching drops from a key before comparing it, lowercased.
_SEPARATORS = str.maketrans("", "", "_-.: ")


@lru_cache(maxsize=4096)
def normal_key(key: str) -> str:
    """A JSON key up to case and separators: ``sourceType``, ``source-type`` -> ``sourcetype``
    (remembered: an API sends the same keys over and over)."""
    return key.translate(_SEPARATORS).lower()


_NORMALS: dict[frozenset[str], frozenset[str]] = {}


def matched_keys(value: dict[Any, Any], keys: frozenset[str]) -> int:
    """How many keys of *value* name one of *keys*, up to case and separators (how a union
    ranks the models that accept an object inexactly)."""
    normals = _NORMALS.get(keys)
    if normals is None:
        normals = _NORMALS[keys] = frozenset(normal_key(key) for key in keys)
    return sum(
        1
        for key in value
        if type(key) is str and (key in keys or normal_key(key) in normals)
    )


class WireKeys:
    """The JSON keys of one model's fields, and how a key spelled otherwise finds its field.

    A generated parser reads each field's wire name.  Only when an object has a key that
    is no field's wire name (``exact(value)`` is false) does it call :meth:`rematch`,
    which gives the object with every key that is a missing field's name up to case and
    separators (``_ - . :`` and spaces) renamed to that wire name.  A wire name that is
    present wins over other spellings; two other keys matching one missing field are a
    ParseError naming both.  The renamings are remembered per key sequence, so a stream
    of objects of one shape pays for the matching once.  ``null_hint`` names the
    ``[tool.docgen.nullable]`` entry that would accept a ``null`` where one failed.
    """

    __slots__ = ("_by_normal", "_nulls", "_plans", "exact", "known", "model")

    def __init__(
        self, model: str, keys: tuple[str, ...], nulls: dict[str, str] | None = None
    ) -> None:
        """*nulls*: wire name -> the ``[tool.docgen.nullable]`` key of each required field
        that does not accept ``null``."""
        self.model = model
        self.known = frozenset(keys)
        self.exact = self.known.issuperset
        self._nulls = nulls or {}
        normals: dict[str, list[str]] = {}
        for key in keys:
            normals.setdefault(normal_key(key), []).append(key)
        # two fields of one normal form are matched by their exact wire names only
        self._by_normal = {
            normal: found[0] for normal, found in normals.items() if len(found) == 1
        }
        self._plans: dict[tuple[Any, ...], dict[str, str]] = {}

    def rematch(self, value: dict[Any, Any], path: Path) -> dict[Any, Any]:
        """*value* with the keys that spell a missing field otherwise renamed to its wire name."""
        keys = tuple(value)
        plan = self._plans.get(keys)
        if plan is None:
            plan = self._plan(keys, path)
            # bounded both ways, so payloads of many shapes or huge objects cannot fill memory
            if len(self._plans) < 256 and len(keys) <= 256:
                self._plans[keys] = plan
        if not plan:
            return value
        return {plan.get(key, key): item for key, item in value.items()}

    def unchanged(self, value: dict[Any, Any], path: Path) -> bool:
        """Whether no key of *value* spells a missing field otherwise (:meth:`rematch`
        gives *value* itself)."""
        return self.exact(value) or self.rematch(value, path) is value

    def absent(self, value: dict[Any, Any], missing: KeyError) -> dict[Any, Any]:
        """*value* with ``MISSING`` under the key whose subscript raised *missing*: read
        again, the field reports itself missing, as its check or parse says it.  *missing*
        is raised again when it names no field's key that *value* lacks."""
        key = missing.args[0] if len(missing.args) == 1 else None
        if type(key) is not str or key not in self.known or key in value:
            raise missing
        return {**value, key: MISSING}

    def _plan(self, keys: tuple[Any, ...], path: Path) -> dict[str, str]:
        present = set(keys)
        plan: dict[str, str] = {}
        chosen: dict[str, str] = {}
        for key in keys:
            if type(key) is not str or key in self.known:
                continue
            wire = self._by_normal.get(normal_key(key))
            if wire is None or wire in present:
                continue
            other = chosen.setdefault(wire, key)
            if other != key:
                raise ParseError(
                    format_path(path),
                    f"keys {other!r} and {key!r} both match the field {wire!r} of {self.model}; "
                    "an object may spell each field one way only",
                )
            plan[key] = wire
        return plan

    def null_hint(self, exc: ParseError, value: dict[Any, Any], path: Path) -> None:
        """Raise *exc* again with the nullable setting that would accept its ``null``, when
        *exc* is about a field of this object whose value is ``null``."""
        if not exc.reason.endswith("got null"):
            return
        for key, target in self._nulls.items():
            if (
                key in value
                and value[key] is None
                and exc.path == format_path((path, key))
            ):
                setting = f'[tool.docgen.nullable] "{target}" = true'
                raise ParseError(
                    exc.path, f"{exc.reason} (null is accepted with {setting})"
                ) from None
