"""One mistake, one message: the pages that fail, the pages that depend on them, the counts.

A page with an error is *failed*: the types it would define are known to be broken, so a
page that refers to them gets no error of its own (see ``Symbols.broken``) but depends on
the failed page.  The first error of a failed page says how many pages refer to it.  With
``--keep-going`` every module that depends on no failed page, directly or through others,
is still written; the rest is *left out*, each with the reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

from .diagnostics import ERROR, Diagnostic
from .ir import Enum, Model, Module, Operation, Ref, Spec, TypeRef
from .walk import walk


@dataclass(frozen=True)
class LeftOut:
    """A page whose module is not written, and why: its own errors, or the failed page it needs."""

    page: str
    failed: bool  # the page has errors of its own
    needs: str = ""  # else: the page it refers to that is left out (a failed one when there is one)
    needs_failed: bool = False  # whether that page has errors of its own

    def reason(self) -> str:
        if self.failed:
            return "has errors"
        return f"refers to {self.needs}, which {'has errors' if self.needs_failed else 'is left out'}"


def refs_of(ref: TypeRef) -> list[str]:
    """The keys of every type a type expression refers to, at any depth."""
    return [node.key for node in walk(ref) if isinstance(node, Ref)]


def module_refs(module: Module) -> set[str]:
    """The keys of every type the declarations of *module* use."""
    types: list[TypeRef] = []
    for decl in module.decls:
        if isinstance(decl, Model):
            types.extend(f.type for f in decl.fields)
        elif not isinstance(decl, Enum):
            types.extend(decl.members)
    return {key for t in types for key in refs_of(t)}


def dependencies(
    modules: Iterable[Module], page_of_key: Mapping[str, str], knock_on: Mapping[str, set[str]]
) -> dict[str, set[str]]:
    """page -> the other pages it refers to (by resolved reference, or to a broken page's types)."""
    found: dict[str, set[str]] = {}
    for module in modules:
        pages = {page_of_key[key] for key in module_refs(module) if key in page_of_key}
        pages |= knock_on.get(module.page, set())
        pages.discard(module.page)
        found[module.page] = pages
    for page, targets in knock_on.items():
        found.setdefault(page, set()).update(targets - {page})
    return found


def left_out(failed: set[str], depends: Mapping[str, set[str]]) -> dict[str, LeftOut]:
    """Every failed page and every page that depends on one, directly or through others."""
    result = {page: LeftOut(page, True) for page in failed}
    changed = True
    while changed:
        changed = False
        for page in sorted(depends):
            if page in result:
                continue
            needs = sorted((p not in failed, p) for p in depends[page] if p in result)
            if needs:
                result[page] = LeftOut(page, False, needs[0][1], not needs[0][0])
                changed = True
    return result


def failed_pages(diagnostics: Iterable[Diagnostic]) -> set[str]:
    return {d.span.path for d in diagnostics if d.severity == ERROR}


def with_referrer_counts(diagnostics: list[Diagnostic], depends: Mapping[str, set[str]]) -> list[Diagnostic]:
    """The diagnostics, the first error of each failed page saying how many pages refer to it."""
    referrers: Counter[str] = Counter(target for targets in depends.values() for target in targets)
    first: dict[str, Diagnostic] = {}
    for d in diagnostics:
        if d.severity == ERROR and referrers[d.span.path]:
            best = first.get(d.span.path)
            if best is None or (d.span.line, d.span.col) < (best.span.line, best.span.col):
                first[d.span.path] = d
    roots = {id(d): d for d in first.values()}
    out = []
    for d in diagnostics:
        if id(d) in roots:
            n = referrers[d.span.path]
            said = "1 other page refers" if n == 1 else f"{n} other pages refer"
            d = dataclasses.replace(d, message=f"{d.message} ({said} to it)")
        out.append(d)
    return out


def kept(spec: Spec, dropped: Mapping[str, LeftOut]) -> Spec:
    """The spec without the modules that are left out."""
    modules = tuple(m for m in spec.modules if m.page not in dropped)
    kept_keys = {d.key for m in modules for d in m.decls}
    operations = tuple(o for o in spec.operations if set(operation_refs(o)) <= kept_keys)
    return Spec(modules, operations)


def operation_refs(operation: Operation) -> list[str]:
    """The keys of every type an operation's parsers use (its response and error bodies)."""
    refs = refs_of(operation.response) if operation.response is not None else []
    return refs + [key for row in operation.errors if row.ref is not None for key in refs_of(row.ref)]


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\([^)]*\)|\b\d+\b")
_REFERRERS = re.compile(r" \(\d+ other pages? refers? to it\)$")


def kind_of(diagnostic: Diagnostic) -> str:
    """A diagnostic's message with the page's own words masked: the kind of mistake it reports.

    >>> from docgen.ir import SourceSpan
    >>> kind_of(Diagnostic(SourceSpan("a.md", 1, 1), ERROR, "unknown type name 'Foo'"))
    'unknown type name …'
    """
    return _QUOTED.sub(_mask, _REFERRERS.sub("", diagnostic.message))


def _mask(match: re.Match[str]) -> str:
    """A quoted section heading (``'## Fields'``) is part of the message; other quotes are the page's."""
    return match.group(0) if match.group(0).startswith("'#") else "…"


def counts_by_kind(diagnostics: Iterable[Diagnostic]) -> list[tuple[str, int]]:
    """How many errors of each kind, the most frequent first."""
    counted = Counter(kind_of(d) for d in diagnostics if d.severity == ERROR)
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))
