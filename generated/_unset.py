"""Absent is not null: the ``UNSET`` sentinel and the ``Nullable``/``OptionalNullable`` types.

A field the docs type ``OptionalNullable[X]`` may be left out of a JSON object, be
``null`` or hold a value.  Its dataclass default is ``UNSET``: ``from_dict`` gives
``UNSET`` for an absent key and ``None`` for ``null``, and ``to_dict`` leaves ``UNSET``
out and writes ``None`` as ``null``.  A ``Nullable[X]`` field must be present and may be
``null``.  ``UNSET`` is falsy, and a singleton that survives ``copy`` and ``pickle``;
test for it with ``value is UNSET``.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, TypeAlias, TypeVar

__all__ = ["UNSET", "Nullable", "OptionalNullable", "Unset"]

T = TypeVar("T")


class Unset(Enum):
    """The type of :data:`UNSET`, its only value."""

    UNSET = "UNSET"

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __str__(self) -> str:
        return "UNSET"


UNSET = Unset.UNSET
"""The value of an ``OptionalNullable`` field whose key a JSON object does not have."""

Nullable: TypeAlias = T | None
"""A value or ``None``, where ``None`` is written as ``null``."""

OptionalNullable: TypeAlias = T | None | Unset
"""A value, ``None`` (``null``) or :data:`UNSET` (absent)."""
