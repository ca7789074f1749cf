"""Which way each type travels: received (read from a response), sent (written in a request).

The roots are what the IR knows of operations: the operation pages' responses and request
parameters where the docs have them (``Spec.operations``), and the operation response
models of the older layout (``Model.response_fields``), whose body fields are received.
Every type reachable from a root through fields and union members travels the root's way;
a type no root reaches is of unknown use (both ways: the stricter level applies).
"""

from __future__ import annotations

from typing import Iterable, Mapping

from ..ir import Decl, Model, Ref, Spec, TypeRef, Union_
from ..walk import walk
from .operations import received_types, sent_types
from .rules import UNKNOWN, Direction


def refs_of(ref: TypeRef) -> list[str]:
    return [node.key for node in walk(ref) if isinstance(node, Ref)]


def _reached(roots: Iterable[TypeRef], decls: Mapping[str, Decl]) -> set[str]:
    seen: set[str] = set()
    todo = [key for root in roots for key in refs_of(root)]
    while todo:
        key = todo.pop()
        if key in seen or key not in decls:
            continue
        seen.add(key)
        decl = decls[key]
        if isinstance(decl, Model):
            todo.extend(k for f in decl.fields for k in refs_of(f.type))
        elif isinstance(decl, Union_):
            todo.extend(k for m in decl.members for k in refs_of(m))
    return seen


def _roots(spec: Spec) -> tuple[list[TypeRef], list[TypeRef]]:
    """(types received, types sent) at the roots of *spec*."""
    received: list[TypeRef] = []
    sent: list[TypeRef] = []
    for decl in spec.decls().values():
        if isinstance(decl, Model) and decl.response_fields:
            received.append(Ref(decl.key))
    for operation in spec.operations:
        received.extend(received_types(operation))
        sent.extend(sent_types(operation))
    return received, sent


def uses(*specs: Spec) -> dict[str, frozenset[Direction]]:
    """Every type key of *specs* -> the directions it travels in any of them (UNKNOWN when none)."""
    found: dict[str, set[Direction]] = {}
    for spec in specs:
        decls = spec.decls()
        received, sent = _roots(spec)
        for key in _reached(received, decls):
            found.setdefault(key, set()).add(Direction.RECEIVED)
        for key in _reached(sent, decls):
            found.setdefault(key, set()).add(Direction.SENT)
        for key in decls:
            found.setdefault(key, set())
    return {key: frozenset(ways) if ways else UNKNOWN for key, ways in found.items()}
