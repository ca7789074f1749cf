"""Stage 5, resolve: the symbol table of every type the pages declare, and link lookup.

A type's key is its page's folder as a dotted path plus its name: the page
``models/pets/dog.md`` declaring ``# Dog`` gives ``models.pets.Dog``.  Which namespace
the docs write in Type cells (``pets.Dog``) and which anchor names a type is the
dialect's to say.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

from .diagnostics import Diagnostic, error
from .ir import SourceSpan

if TYPE_CHECKING:
    from .dialects.dialect import Dialect


@dataclass(frozen=True, slots=True)
class Declared:
    """A type some page declares, before its content is lowered to the IR."""

    kind: str  # model, enum, union
    name: str
    page: str
    span: SourceSpan

    @property
    def key(self) -> str:
        return type_key(self.page, self.name)


def folder_of(page: str) -> str:
    return posixpath.dirname(page)


def type_key(page: str, name: str) -> str:
    folder = folder_of(page)
    return f"{folder.replace('/', '.')}.{name}" if folder else name


class Symbols:
    """Every declared type, found by key, by page, or by ``namespace.Name``; *dialect*
    says what a namespace and an anchor are."""

    def __init__(self, declared: Iterable[Declared], dialect: Dialect) -> None:
        self.dialect = dialect
        self.by_key: dict[str, Declared] = {}
        self.by_page: dict[str, list[Declared]] = {}
        self.by_name: dict[str, list[Declared]] = {}
        self.pages: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        for decl in declared:
            self._add(decl)

    def _add(self, decl: Declared) -> None:
        self.pages.add(decl.page)
        previous = self.by_key.get(decl.key)
        if previous is not None:
            namespace = self.dialect.namespace_of(decl.page)
            self.diagnostics.append(
                error(
                    decl.span,
                    f"type {decl.name!r} is already defined in namespace "
                    f"{namespace or '(root)'!r} at {previous.span}",
                    "give one of them another name, or move it to another folder",
                )
            )
            return
        self.by_key[decl.key] = decl
        self.by_page.setdefault(decl.page, []).append(decl)
        self.by_name.setdefault(decl.name, []).append(decl)

    def add_page(self, page: str) -> None:
        """Record a page that exists even if it declares nothing usable."""
        self.pages.add(page)

    def in_page(self, page: str, name: str) -> Optional[Declared]:
        for decl in self.by_page.get(page, ()):
            if decl.name == name:
                return decl
        return None

    def by_anchor(self, page: str, anchor: str) -> Optional[Declared]:
        """``#retrypolicy`` -> the type of that page whose heading makes that anchor."""
        for decl in self.by_page.get(page, ()):
            if self.dialect.names_anchor(anchor, decl.name):
                return decl
        return None

    def lookup(self, text: str, from_page: str) -> Optional[Declared]:
        """Find ``pets.Dog`` or ``Dog`` as written in a page at *from_page*.

        A bare name is looked up in the page's own folder first.  A qualified name
        must match the namespace; when several folders share that namespace name, the
        one nearest to the referring page wins.
        """
        namespace, _, name = text.rpartition(".")
        candidates = self.by_name.get(name, [])
        if namespace:
            candidates = [d for d in candidates if self.dialect.namespace_of(d.page) == namespace.rpartition(".")[2]]
        if not candidates:
            return None
        here = folder_of(from_page)
        return min(candidates, key=lambda d: (_distance(here, folder_of(d.page)), d.page))


def _distance(a: str, b: str) -> int:
    pa = a.split("/") if a else []
    pb = b.split("/") if b else []
    common = 0
    for x, y in zip(pa, pb):
        if x != y:
            break
        common += 1
    return (len(pa) - common) + (len(pb) - common)


def resolve_link(href: str, from_page: str) -> tuple[Optional[str], str]:
    """A link target as ``(page, anchor)``; page None for an external link.

    The page is spec-relative and normalized; it may lie outside the specs folder
    (it then starts with ``..``) or not exist: the caller decides what that means.
    """
    if "://" in href or href.startswith("mailto:"):
        return None, ""
    path, _, anchor = href.partition("#")
    if not path:
        return from_page, anchor
    joined = posixpath.normpath(posixpath.join(folder_of(from_page), path))
    return joined, anchor


def outside_specs(page: str) -> bool:
    return page == ".." or page.startswith("../") or page.startswith("/")
