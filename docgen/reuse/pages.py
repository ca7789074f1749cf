"""Pages an earlier build read: what each gave, so that an unchanged page is not read again.

A page's record is keyed by the hash of docgen's code, the page's path and its text.  It
holds the dialect marks the page shows (all that detecting the tree's dialect needs of
it), the types it declares under the tree's dialect, and the IR module it was lowered
to with the problems found, together with the digest of the symbol table it was lowered
against: lowering a page reads nothing but the page, the dialect and the symbol table,
so the module is taken again only when all three are the same.  Records are written
only by builds without errors (a failed page is read again every time, its errors
printed afresh).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Sequence

from .. import incremental
from ..diagnostics import Diagnostic
from ..ir import Module
from ..resolve import Declared, Symbols
from . import codec

if TYPE_CHECKING:
    from ..dialects import Dialect
    from ..read.markdown import Page
    from ..read.sources import Source

#: How many page records the cache keeps: a few versions of a few large trees.
LIMIT = 20_000
_PACK = "pages"


@dataclass(frozen=True)
class PageRecord:
    marks: tuple[str, ...]  # the dialects whose marks the page shows
    flavour: str = ""  # the dialect the rest was found with ("" for a page that describes no types)
    declared: tuple[Declared, ...] = ()
    declare_problems: tuple[Diagnostic, ...] = ()
    symbols: str = ""  # the digest of the symbol table the module was lowered against
    module: Optional[Module] = None
    problems: tuple[Diagnostic, ...] = ()


def page_key(source: Source) -> str:
    digest = hashlib.sha256(incremental.code_digest().encode())
    for part in (source.path, source.text):
        data = part.encode("utf-8")
        digest.update(f"\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


class PageRecords:
    """The page records of the cache folder, and those a build learns (saved by :meth:`save`)."""

    def __init__(self) -> None:
        self.known = incremental.load_pack(_PACK)
        self.learned: dict[str, str] = {}
        self.reused = 0  # pages whose module was taken from a record

    def get(self, key: str) -> Optional[PageRecord]:
        payload = self.known.get(key)
        if payload is None:
            return None
        try:
            fields = codec.loads(payload)
            record = PageRecord(*fields)
        except (codec.CodecError, TypeError):
            return None
        return record if _well_formed(record) else None

    def learn(self, key: str, record: PageRecord) -> None:
        self.learned[key] = codec.dumps(
            (
                record.marks,
                record.flavour,
                record.declared,
                record.declare_problems,
                record.symbols,
                record.module,
                record.problems,
            )
        )

    def save(self) -> None:
        incremental.save_pack(_PACK, self.learned, LIMIT)


def _well_formed(record: PageRecord) -> bool:
    return (
        isinstance(record.marks, tuple)
        and isinstance(record.declared, tuple)
        and isinstance(record.declare_problems, tuple)
        and isinstance(record.problems, tuple)
        and all(isinstance(mark, str) for mark in record.marks)
        and isinstance(record.flavour, str)
        and isinstance(record.symbols, str)
        and all(isinstance(d, Declared) for d in record.declared)
        and all(isinstance(d, Diagnostic) for d in record.declare_problems + record.problems)
        and (record.module is None or isinstance(record.module, Module))
    )


def symbols_digest(symbols: Symbols, flavour: Dialect) -> str:
    """The hash of everything a symbol table holds before lowering: what lowering a page may read."""
    parts = [
        flavour.name,
        symbols.root or "",
        [codec.encode(d) for d in symbols.by_key.values()],
        sorted(symbols.pages),
        sorted(symbols.skipped.items()),
        sorted(symbols.broken.items()),
        [codec.encode(d) for d in symbols.diagnostics],
    ]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


class Reading:
    """The pages of a build, each read (by *read*, in batches) only when no record has what
    the build asks of it."""

    def __init__(
        self,
        sources: Sequence[Source],
        read: Callable[[list[Source]], list[Page]],
        records: Optional[PageRecords],
    ) -> None:
        self.sources = {source.path: source for source in sources}
        self.read = read
        self.records = records
        self.keys = {path: page_key(source) for path, source in self.sources.items()} if records else {}
        self.found = {path: self._record(path) for path in self.keys}
        self.pages: dict[str, Page] = {}
        self.shown: dict[str, tuple[str, ...]] = {}  # the marks of the pages read, once found
        self.fetch([path for path in self.sources if self.found.get(path) is None])

    def _record(self, path: str) -> Optional[PageRecord]:
        assert self.records is not None
        return self.records.get(self.keys[path])

    def fetch(self, paths: Iterable[str]) -> None:
        """Read the pages of *paths* not read yet, in one batch."""
        wanted = [self.sources[path] for path in paths if path not in self.pages]
        if wanted:
            self.pages.update((page.path, page) for page in self.read(wanted))

    def page(self, path: str) -> Page:
        self.fetch([path])
        return self.pages[path]

    def marks(self) -> dict[str, tuple[str, ...]]:
        from ..dialects import marks

        shown = {}
        for path in self.sources:
            record = self.found.get(path)
            if record is not None:
                shown[path] = record.marks
            else:
                shown[path] = self.shown[path] = marks(self.pages[path])
        return shown

    def _marks(self, path: str) -> tuple[str, ...]:
        from ..dialects import marks

        found = self.shown.get(path)
        return found if found is not None else marks(self.pages[path])

    def _declaring(self, path: str, flavour: Dialect) -> Optional[PageRecord]:
        record = self.found.get(path)
        return record if record is not None and record.flavour == flavour.name else None

    def declarations(self, paths: list[str], flavour: Dialect) -> list[tuple[list[Declared], list[Diagnostic]]]:
        self.fetch(path for path in paths if self._declaring(path, flavour) is None)
        found = []
        for path in paths:
            record = self._declaring(path, flavour)
            if record is not None:
                found.append((list(record.declared), list(record.declare_problems)))
            else:
                found.append(flavour.declarations(self.pages[path]))
        return found

    def _lowered(self, path: str, flavour: Dialect, digest: Optional[str]) -> Optional[PageRecord]:
        record = self._declaring(path, flavour)
        return record if record is not None and digest is not None and record.symbols == digest else None

    def lowered(
        self, paths: list[str], flavour: Dialect, symbols: Symbols, digest: Optional[str]
    ) -> list[tuple[Optional[Module], list[Diagnostic]]]:
        """Each page's module and problems; *digest* None: no record's module may be taken."""
        self.fetch(path for path in paths if self._lowered(path, flavour, digest) is None)
        found = []
        for path in paths:
            record = self._lowered(path, flavour, digest)
            if record is not None:
                found.append((record.module, list(record.problems)))
                if self.records is not None:
                    self.records.reused += 1
            else:
                found.append(flavour.lower_page(self.pages[path], symbols))
        return found

    def remember(
        self,
        flavour: Dialect,
        digest: str,
        declared: dict[str, tuple[list[Declared], list[Diagnostic]]],
        lowered: dict[str, tuple[Optional[Module], list[Diagnostic]]],
    ) -> None:
        """Record what each page read afresh gave (a build without errors calls this): a page
        whose record lacked the dialect or the symbol table was read again, so it is one of them."""
        if self.records is None:
            return
        for path in self.pages:
            record = PageRecord(self._marks(path))
            if path in lowered:
                found, declare_problems = declared[path]
                module, problems = lowered[path]
                record = PageRecord(
                    record.marks, flavour.name, tuple(found), tuple(declare_problems), digest, module, tuple(problems)
                )
            self.records.learn(self.keys[path], record)
        self.records.save()
