"""Generated modules an earlier build wrote: which IR each one's text was made from.

A module's text is made from its own IR module and from what rendering looks up in the
build's symbol tables (the declarations and modules of the types it refers to, their
members' and fields' types, …).  The build hands the renderer tables that note every
key looked up (and the keys asked for that are missing); a record keeps, for the hash
of the module's own IR, the hash of the IR module behind each key noted and the hash of
the formatted text.  A later build whose IR gives the same hashes for all of them, and
whose OUT holds a file with that text hash, takes the file as it is, neither rendered
nor formatted.  A renderer that walks a whole table (or the Spec) makes its module one
that is always rendered: there is no telling what it read.

The support modules are the same for every build of one docgen: their records are keyed
by docgen's code and the template alone.  User templates, ``check`` and ``--no-cache``
use none of this (:func:`emit_reusing` is then :func:`docgen.emit.modules.emit`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Iterator, Optional, TypeVar

from .. import incremental
from ..emit.modules import (
    RUNTIME_FILES,
    _packages,
    environment,
    module_view,
    render_all,
    render_module,
    render_runtime,
    template_dir,
)
from ..emit.operations import emit_operations
from ..format.formatter import Formatter
from ..ir import Module, Spec
from ..manifest import sha256
from .templates import RememberedTemplates

#: How many module records the cache keeps.
LIMIT = 20_000
_PACK = "modules"

V = TypeVar("V")


class Noted(Mapping[str, V]):
    """A read-only table that notes which keys were looked up, and whether it was walked."""

    def __init__(self, table: dict[str, V]) -> None:
        self.table = table
        self.looked_up: set[str] = set()
        self.walked = False

    def __getitem__(self, key: str) -> V:
        self.looked_up.add(key)
        return self.table[key]

    def get(self, key: str, default: Any = None) -> Any:
        self.looked_up.add(key)
        return self.table.get(key, default)

    def __contains__(self, key: object) -> bool:
        self.looked_up.add(key)  # type: ignore[arg-type]
        return key in self.table

    def __iter__(self) -> Iterator[str]:
        self.walked = True
        return iter(self.table)

    def __len__(self) -> int:
        self.walked = True
        return len(self.table)


class _Watched:
    """The Spec as the renderer of one module sees it: any use of it marks the module unrecordable."""

    def __init__(self, spec: Spec) -> None:
        self._spec = spec
        self.used = False

    def __getattr__(self, name: str) -> Any:
        self.used = True
        return getattr(self._spec, name)


def module_digest(module: Module) -> str:
    """The hash of an IR module: its repr is a pure function of its plain, immutable data."""
    return hashlib.sha256(repr(module).encode("utf-8")).hexdigest()


class ModuleRecords:
    """The module records of the cache folder, and those a build learns (saved by :meth:`save`)."""

    def __init__(self, out: Optional[Path], allow_nan: bool) -> None:
        self.out = out
        templates = [(name, sha256(data)) for name, data in incremental.template_files([template_dir()])]
        self.base = hashlib.sha256(
            json.dumps([incremental.code_digest(), incremental.black_version(), allow_nan, templates]).encode()
        ).hexdigest()
        self.known = incremental.load_pack(_PACK) if out is not None else {}
        self.learned: dict[str, str] = {}
        self.taken: set[str] = set()  # the paths of the files taken from OUT

    def key(self, name: str) -> str:
        return hashlib.sha256(f"{self.base}\0{name}".encode("utf-8")).hexdigest()

    def reusable(self, key: str, path: str, digests: dict[str, str]) -> Optional[str]:
        """OUT's text of *path* when the record *key* holds and OUT has its text; None otherwise."""
        payload = self.known.get(key)
        if payload is None or self.out is None:
            return None
        try:
            record = json.loads(payload)
            text_hash, needed = record["text"], record["needs"]
            if not all(digests.get(k, "") == needed[k] for k in needed):
                return None
            data = (self.out / path).read_bytes()
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if sha256(data) != text_hash:
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        self.taken.add(path)
        return text

    def learn(self, key: str, needs: dict[str, str], text: str) -> None:
        self.learned[key] = json.dumps({"text": sha256(text.encode("utf-8")), "needs": needs}, sort_keys=True)

    def save(self) -> None:
        incremental.save_pack(_PACK, self.learned, LIMIT)


#: The templates' Python, shared by the builds of a process (each compiles a template once).
REMEMBERED_TEMPLATES = RememberedTemplates()


def emit_reusing(
    spec: Spec, formatter: Formatter, records: ModuleRecords, allow_nan: bool = False, jobs: int = 1
) -> dict[str, str]:
    """What :func:`docgen.emit.modules.emit` gives for *spec* with docgen's templates, each
    module whose record holds taken from OUT; records learned for the modules rendered.
    *jobs* processes render the others."""
    env = environment(None, REMEMBERED_TEMPLATES)
    decls, module_of = spec.decls(), spec.module_of()
    own = {m.module: module_digest(m) for m in spec.modules}
    digests = {key: own[m.module] for key, m in module_of.items()}
    taken: dict[str, str] = {}
    todo: list[tuple[Module, str, str]] = []  # (module, path, record key): those to render
    for module in spec.modules:
        path = "/".join(module.module) + ".py"
        key = records.key("module\0" + own[module.module])
        text = records.reusable(key, path, digests)
        if text is not None:
            taken[path] = text
        else:
            todo.append((module, path, key))

    def render(index: int) -> tuple[str, Optional[dict[str, str]]]:
        """The text of module *index* of *todo*, and what it looked up (None: not recordable)."""
        noted_decls, noted_modules, watched = Noted(decls), Noted(module_of), _Watched(spec)
        view = module_view(todo[index][0], watched, noted_decls, noted_modules, allow_nan)  # type: ignore[arg-type]
        text = render_module(view, env, _as_is)
        if watched.used or noted_decls.walked or noted_modules.walked:
            return text, None
        looked_up = noted_decls.looked_up | noted_modules.looked_up
        return text, {k: digests.get(k, "") for k in sorted(looked_up)}

    rendered: dict[str, str] = {}
    pending: dict[str, tuple[str, dict[str, str]]] = {}  # path -> (record key, what its text needs)
    for (_, path, key), (text, needs) in zip(todo, render_all(render, len(todo), env, jobs)):
        rendered[path] = text
        if needs is not None:
            pending[path] = (key, needs)
    for name, template in RUNTIME_FILES.items():
        path = name + ".py"
        key = records.key("support\0" + template)
        text = records.reusable(key, path, {})
        if text is not None:
            taken[path] = text
            continue
        rendered[path] = render_runtime(template, env, _as_is)
        pending[path] = (key, {})
    rendered.update(_packages(spec, env))
    rendered.update(emit_operations(spec, env, decls, module_of, allow_nan))
    rendered["py.typed"] = ""
    REMEMBERED_TEMPLATES.save()
    formatted = formatter(rendered)
    for path, (key, needs) in pending.items():
        records.learn(key, needs, formatted[path])
    return dict(sorted({**taken, **formatted}.items()))


def _as_is(source: str) -> str:
    return source
