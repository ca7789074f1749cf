"""Checks on how named unions contain one another: no union may contain itself, and
unions nest through other unions at most :data:`MAX_UNION_DEPTH` deep.

Both walks are iterative and visit each union once, so a chain of thousands of unions is
a located error, never a ``RecursionError``.
"""

from __future__ import annotations

from typing import Iterator, Optional

from ..diagnostics import Diagnostic, error
from ..ir import Ref, Spec, Union_
from ..read.types import MAX_DEPTH
from ..walk import walk

#: How deep named unions may nest through other unions, as deep as a Type cell may.
MAX_UNION_DEPTH = MAX_DEPTH


def _inner_unions(spec: Spec) -> dict[str, list[str]]:
    """union key -> the keys of the unions its members refer to, in order, each once."""
    decls = spec.decls()
    unions = {key: decl for key, decl in decls.items() if isinstance(decl, Union_)}
    inner = {}
    for key, union in unions.items():
        found = (node.key for member in union.members for node in walk(member) if isinstance(node, Ref))
        inner[key] = list(dict.fromkeys(k for k in found if k in unions))
    return inner


def _first_cycle(start: str, inner: dict[str, list[str]], safe: set[str]) -> Optional[tuple[str, ...]]:
    """The first cycle a depth-first walk from *start* meets (*start* ... back to a union on
    the way), or None; every union it leaves without one is added to *safe*."""
    trail, on_trail = [start], {start}
    pending: list[Iterator[str]] = [iter(inner[start])]
    while pending:
        key = next(pending[-1], None)
        if key is None:
            pending.pop()
            done = trail.pop()
            on_trail.discard(done)
            safe.add(done)
        elif key in on_trail:
            return tuple(trail) + (key,)
        elif key not in safe:
            trail.append(key)
            on_trail.add(key)
            pending.append(iter(inner[key]))
    return None


def recursive_unions(spec: Spec) -> list[Diagnostic]:
    """A union that contains itself (directly, not through a model) has no finite annotation."""
    decls = spec.decls()
    inner = _inner_unions(spec)
    safe: set[str] = set()
    problems = []
    for key in inner:
        cycle = None if key in safe else _first_cycle(key, inner, safe)
        if cycle:
            problems.append(
                error(
                    decls[key].span,
                    "union contains itself: " + " -> ".join(k.rpartition(".")[2] for k in cycle),
                    "break the cycle with a model that holds the union as a field",
                )
            )
    return problems


def _depths(inner: dict[str, list[str]]) -> dict[str, tuple[int, Optional[str]]]:
    """union key -> (how many unions deep it nests, counting itself; the next union on
    its deepest chain), for unions that contain no cycle."""
    depth: dict[str, tuple[int, Optional[str]]] = {}
    for start in inner:
        if start in depth:
            continue
        pending, waiting = [start], {start}
        while pending:
            key = pending[-1]
            todo = [k for k in inner[key] if k not in depth and k not in waiting]
            if todo:
                pending.extend(todo)
                waiting.update(todo)
                continue
            waiting.discard(pending.pop())
            known = [(depth[k][0], k) for k in inner[key] if k in depth]
            deepest = max(known, key=lambda d: d[0], default=(0, None))
            depth[key] = (deepest[0] + 1, deepest[1])
    return depth


def deep_unions(spec: Spec) -> list[Diagnostic]:
    """A union whose members are unions whose members are unions... more than
    :data:`MAX_UNION_DEPTH` deep: an error at the outermost such union, with the chain."""
    inner = _inner_unions(spec)
    depth = _depths(inner)
    too_deep = {key for key, (d, _) in depth.items() if d > MAX_UNION_DEPTH}
    nested = {k for key in too_deep for k in inner[key]}
    decls = spec.decls()
    problems = []
    for key in sorted(too_deep - nested):
        chain = [key]
        while depth[chain[-1]][1] is not None:
            chain.append(depth[chain[-1]][1])  # type: ignore[arg-type]
        shown = [k.rpartition(".")[2] for k in chain]
        if len(shown) > 4:
            shown = shown[:3] + ["...", shown[-1]]
        problems.append(
            error(
                decls[key].span,
                f"union nests other unions {len(chain)} deep: " + " -> ".join(shown),
                f"docgen writes unions nested at most {MAX_UNION_DEPTH} deep; list an inner union's members "
                "in the outer one, or hold it in a model's field",
            )
        )
    return problems
