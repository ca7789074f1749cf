"""Operations in the IR, for directions and operation rules (none until the IR carries them)."""

from __future__ import annotations

from ..ir import TypeRef


def received_types(operation: object) -> list[TypeRef]:
    return []


def sent_types(operation: object) -> list[TypeRef]:
    return []
