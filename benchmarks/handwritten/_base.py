"""What the hand-written parsers share: the error, its JSON path, and the conversions."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NoReturn

DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?").fullmatch
MISSING = object()


class Invalid(ValueError):
    """A rejected value; ``path`` is its JSON path, formatted as docgen formats it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def format_path(path: Any) -> str:
    parts = []
    while isinstance(path, tuple):
        path, key = path
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    return path + "".join(reversed(parts))


def fail(path: Any, expected: str) -> NoReturn:
    raise Invalid(format_path(path), f"expected {expected}")


def as_decimal(v: Any, path: Any) -> Decimal:
    if type(v) is str and DECIMAL(v):
        return Decimal(v)
    if type(v) is int:
        return Decimal(v)
    if type(v) is float and v - v == 0.0:
        return Decimal(repr(v))
    fail(path, "a decimal")


def as_float(v: Any, path: Any) -> float:
    if type(v) is int:
        return float(v)
    fail(path, "a finite float")
