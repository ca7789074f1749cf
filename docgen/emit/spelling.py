"""Spelling: how the IR is written in Python, for one generated module.

String literals that keep any text as data, relative import paths in isort's order,
and the :class:`Annotator` that spells a TypeRef as an annotation and records what
the module must import for it.  Part of stage 6 (emit); nothing here renders a file.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from ..ir import (
    BinaryFile,
    Decl,
    DictOf,
    FileKind,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Module,
    Nullability,
    Optional_,
    Primitive,
    Ref,
    StreamKind,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)
from ..primitives import primitive
from ..walk import walk
from . import names, parsers

RUNTIME_MODULE = "requests_http"

#: The support module of ``UNSET`` and the ``Nullable``/``OptionalNullable`` aliases.
UNSET_MODULE = "_unset"

#: How each kind of stream is spelled: (support module or "", name, whether the
#: annotation ends in ``, None, None``).
_STREAMS = {
    StreamKind.GENERATOR: ("", "Generator", True),
    StreamKind.EVENT_STREAM: ("_sse", "EventStream", False),
    StreamKind.EVENT_STREAM_ASYNC: ("_sse", "EventStreamAsync", False),
}

# --- string literals -----------------------------------------------------------------

_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _escape_char(char: str) -> str:
    if char in "\n\t":
        return char
    if unicodedata.category(char) in _UNSAFE_CATEGORIES:
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return char


def _escape_unsafe(text: str) -> str:
    """*text* with each unsafe character escaped (most text has none: checked at C speed)."""
    if text.replace("\n", "").replace("\t", "").isprintable():  # no Other or Separator but " "
        return text
    return "".join(_escape_char(c) for c in text)


def docstring_literal(text: str) -> str:
    """A triple-quoted literal whose value is *text* (no text can end the string early)."""
    text = text.strip()
    if not text:
        return ""
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    body = _escape_unsafe(body)
    if body.endswith('"'):
        body += " "  # as black writes it: the closing quotes must not touch a quote
    if body.startswith('"'):
        body = "\\" + body
    return f'"""{body}"""'


def value_literal(value: object) -> str:
    """A Python literal for a str/int/bool value; repr escapes everything unsafe."""
    if isinstance(value, str):
        return _escape_unsafe(repr(value))
    return repr(value)


# --- module paths and imports -------------------------------------------------------


def relative_import(from_module: Sequence[str], to_module: Sequence[str]) -> str:
    """``from <this> import`` text that reaches *to_module* from *from_module*."""
    package = list(from_module[:-1])
    common = 0
    while common < min(len(package), len(to_module) - 1) and package[common] == to_module[common]:
        common += 1
    dots = "." * (len(package) - common + 1)
    return dots + ".".join(to_module[common:])


def _module_order(module: str) -> tuple[int, str]:
    """isort's order of relative modules: the furthest (most dots) first."""
    dots = len(module) - len(module.lstrip("."))
    return -dots, module[dots:]


def _split_module(where: str) -> tuple[str, str]:
    """``..shared.foo`` -> (``..shared``, ``foo``): the from-part and the module name."""
    dots = len(where) - len(where.lstrip("."))
    parts = where[dots:].split(".")
    return "." * dots + ".".join(parts[:-1]), parts[-1]


def runtime_import(from_module: Sequence[str]) -> str:
    return "." * len(from_module)


@dataclass
class Imports:
    stdlib: dict[str, set[str]] = field(default_factory=dict)
    builtins: bool = False
    runtime: bool = False
    parsing: bool = False
    http: bool = False  # from_response reads responses with _http
    sse: bool = False  # ... and event streams with _sse
    unset: bool = False  # annotations or parsers use _unset
    top: dict[str, set[str]] = field(default_factory=dict)  # relative module -> names
    bottom: dict[str, set[str]] = field(default_factory=dict)
    module_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias -> (package, module)
    top_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # ... imported at the top

    def need_stdlib(self, name: str) -> None:
        module = names.STDLIB_IMPORTS[name] if name in names.STDLIB_IMPORTS else primitive(name).module
        self.stdlib.setdefault(module, set()).add(name)

    def top_lines(self, this: Sequence[str]) -> list[str]:
        stdlib = ["import builtins"] if self.builtins else []
        stdlib += [
            f"from {module} import {', '.join(sorted(self.stdlib[module], key=names.isort_key))}"
            for module in sorted(self.stdlib)
        ]
        lines = ["from __future__ import annotations", "", *stdlib]
        if stdlib and (self.runtime or self.parsing or self.http or self.unset or self.sse or self.top):
            lines.append("")
        support = ([parsers.SUPPORT_MODULE] if self.parsing else []) + ([RUNTIME_MODULE] if self.runtime else [])
        support += (["_http"] if self.http else []) + (["_sse"] if self.sse else [])
        support += [UNSET_MODULE] if self.unset else []
        if support:
            lines.append(f"from {runtime_import(this)} import {', '.join(sorted(support))}")
        return lines + _relative_lines(self.top, self.top_aliases)

    def bottom_lines(self) -> list[str]:
        """Imports of models and named unions, at the module's end, in isort's order."""
        aliases = {a: where for a, where in self.module_aliases.items() if a not in self.top_aliases}
        return _relative_lines(self.bottom, aliases)


def _relative_lines(named: dict[str, set[str]], aliases: dict[str, tuple[str, str]]) -> list[str]:
    """``from <module> import names`` and ``from <package> import <module> as <alias>`` lines, in isort's order."""
    entries = [
        (module, "", f"from {module} import {', '.join(sorted(named[module], key=names.isort_key))}")
        for module in named
    ]
    entries += [
        (package, module, f"from {package} import {module} as {alias}") for alias, (package, module) in aliases.items()
    ]
    return [line for _, _, line in sorted(entries, key=lambda e: (_module_order(e[0]), e[1]))]


class Annotator:
    """Renders TypeRefs as annotation text for one module, recording what it imports."""

    def __init__(self, module: Module, decls: dict[str, Decl], module_of: dict[str, Module]) -> None:
        self.module = module
        self.decls = decls
        self.module_of = module_of
        self.imports = Imports()
        self.own = {d.name for d in module.decls}
        self.spelling = self._spellings()
        self.expand_unions = False  # True while a union alias's own definition is rendered
        self.used: set[str] = set()  # the names the annotations spelled so far refer to

    def _spellings(self) -> dict[str, str]:
        """How each referenced foreign type is spelled: its name, or ``alias.Name`` on a clash."""
        keys = sorted({k for d in self.module.decls for k in _referenced_keys(d, self.decls)})
        foreign = [k for k in keys if self.module_of[k] is not self.module]
        by_name: dict[str, list[str]] = {}
        for key in foreign:
            by_name.setdefault(self.decls[key].name, []).append(key)
        spelling: dict[str, str] = {}
        for name, group in by_name.items():
            clash = len(group) > 1 or name in self.own or name in names.RUNTIME_NAMES
            for key in group:
                spelling[key] = self._alias_for(key) + "." + name if clash else name
        return spelling

    def _alias_for(self, key: str) -> str:
        target = self.module_of[key].module
        alias = "_".join(target[-2:])
        return alias

    def names_in(self, ref: TypeRef, shadowed: frozenset[str] = frozenset()) -> frozenset[str]:
        """The names the annotation of *ref* refers to at the module's or the class's top
        level (``Literal``, ``list``, ``shared_pet``, ``Pet``), from the type itself: a
        string inside ``Literal[...]`` is a value, not a name.  Records the imports."""
        outer, self.used = self.used, set()
        try:
            self.type(ref, shadowed)
            return frozenset(self.used)
        finally:
            self.used = outer | self.used

    def _name(self, name: str) -> str:
        """*name*, recorded as one the annotation being spelled refers to."""
        self.used.add(name)
        return name

    def type(self, ref: TypeRef, shadowed: frozenset[str] = frozenset()) -> str:
        if isinstance(ref, Primitive):
            if ref.name in names.BUILTIN_TYPES:
                return self._builtin(ref.name, shadowed)
            if ref.name != "None":
                self.imports.need_stdlib(ref.name)
                self._name(ref.name)
            return ref.name
        if isinstance(ref, BinaryFile):
            self.imports.need_stdlib(ref.kind.value)
            if ref.kind is FileKind.IO:
                return f"{self._name('IO')}[{self._builtin('bytes', shadowed)}]"
            return self._name(ref.kind.value)
        if isinstance(ref, HttpResponse):
            self.imports.runtime = True
            return f"{self._name(RUNTIME_MODULE)}.Response"
        if isinstance(ref, Optional_):
            inner = self.type(ref.inner, shadowed)
            if ref.nulls is not Nullability.OPTIONAL:
                self.imports.unset = True
                return f"{self._name(UNSET_MODULE)}.{ref.nulls.value}[{inner}]"
            return inner if inner == "None" or inner.endswith(" | None") else f"{inner} | None"
        if isinstance(ref, ListOf):
            return f"{self._builtin('list', shadowed)}[{self.type(ref.item, shadowed)}]"
        if isinstance(ref, DictOf):
            key = self.type(Primitive("str"), shadowed)
            return f"{self._builtin('dict', shadowed)}[{key}, {self.type(ref.value, shadowed)}]"
        if isinstance(ref, UnionOf):
            return " | ".join(self.type(m, shadowed) for m in ref.members)
        if isinstance(ref, StreamOf):
            module, name, two_nones = _STREAMS[ref.kind]
            if module:
                self.imports.sse = True
            else:
                self.imports.need_stdlib(name)
            item = self.type(ref.item, shadowed)
            head = f"{self._name(module)}.{name}" if module else self._name(name)
            return f"{head}[{item}{', None, None' if two_nones else ''}]"
        if isinstance(ref, LiteralOf):
            values = [v for v in ref.values if v is not None]
            parts = []
            if values:
                self.imports.need_stdlib("Literal")
                parts.append(f"{self._name('Literal')}[{', '.join(value_literal(v) for v in values)}]")
            if len(values) < len(ref.values):
                parts.append("None")  # Literal[None] is spelled None
            return " | ".join(parts)
        return self._ref(ref, shadowed)

    def _builtin(self, name: str, shadowed: frozenset[str]) -> str:
        """A builtin type's name, qualified when a field of the class shadows it."""
        if name in shadowed:
            self.imports.builtins = True
            return f"{self._name('builtins')}.{name}"
        return self._name(name)

    def _ref(self, ref: Ref, shadowed: frozenset[str]) -> str:
        decl = self.decls[ref.key]
        target = self.module_of[ref.key]
        if isinstance(decl, Union_):
            return self._union_ref(decl, target, shadowed)
        target = self.module_of[ref.key]
        if target is self.module:
            return self._name(decl.name)
        spelled = self.spelling[ref.key]
        where = relative_import(self.module.module, target.module)
        if "." in spelled:
            alias = spelled.split(".")[0]
            self.imports.module_aliases[alias] = _split_module(where)
            self._name(alias)
            return spelled
        bucket = self.imports.bottom if isinstance(decl, Model) and not self._in_union_module() else self.imports.top
        bucket.setdefault(where, set()).add(decl.name)
        return self._name(spelled)

    def _union_ref(self, union: Union_, target: Module, shadowed: frozenset[str]) -> str:
        """A union the docs name (``[shared.Pet](pet.md)``) is spelled by its alias, through
        its module (``shared_pet.Pet``): a module object may be imported while it is still
        loading, so models and unions may refer to each other.  A union's own definition
        is evaluated at import time: there another union is named through a module imported
        at the top, unless that union leads back to this module (then its members are
        written out, since that module may still be loading when this one needs it)."""
        if target is self.module:
            return self._name(union.name)
        if self.expand_unions and self._leads_here(union.key):
            return self.type(UnionOf(union.members), shadowed)
        alias = self._alias_for(union.key)
        where = _split_module(relative_import(self.module.module, target.module))
        self.imports.module_aliases[alias] = where
        if self.expand_unions:
            self.imports.top_aliases[alias] = where
        return f"{self._name(alias)}.{union.name}"

    def _leads_here(self, key: str) -> bool:
        """Whether the type *key*, through the types it refers to, refers to one of this module's."""
        own = {d.key for d in self.module.decls}
        seen: set[str] = set()
        todo = [key]
        while todo:
            current = todo.pop()
            if current in own:
                return True
            if current in seen:
                continue
            seen.add(current)
            decl = self.decls[current]
            refs = [f.type for f in decl.fields] if isinstance(decl, Model) else []
            refs += list(decl.members) if isinstance(decl, Union_) else []
            todo.extend(k for ref in refs for k in _ref_keys(ref))
        return False

    def function(self, key: str, prefix: str) -> str:
        """The function ``prefix + Name`` that the module of type *key* defines, spelled
        here and imported from there like the type would be (same place, same alias)."""
        decl = self.decls[key]
        target = self.module_of[key]
        name = prefix + decl.name
        if target is self.module:
            return name
        where = relative_import(self.module.module, target.module)
        spelled = self.spelling.get(key, self._alias_for(key) + "." if decl.name in self.own else decl.name)
        if "." in spelled:
            alias = spelled.split(".")[0]
            self.imports.module_aliases[alias] = _split_module(where)
            return f"{alias}.{name}"
        bucket = self.imports.bottom if isinstance(decl, Model) and not self._in_union_module() else self.imports.top
        bucket.setdefault(where, set()).add(name)
        return name

    def _in_union_module(self) -> bool:
        return all(isinstance(d, Union_) for d in self.module.decls)


def _referenced_keys(decl: Decl, decls: dict[str, Decl], seen: Optional[set[str]] = None) -> Iterable[str]:
    """Every non-union type key an annotation of *decl* names (unions expanded)."""
    seen = set() if seen is None else seen
    if isinstance(decl, Model):
        refs: Iterable[TypeRef] = [f.type for f in decl.fields]
    elif isinstance(decl, Union_):
        refs = decl.members
    else:
        refs = []
    for ref in refs:
        yield from _keys_in(ref, decls, seen)


def _keys_in(ref: TypeRef, decls: dict[str, Decl], seen: set[str]) -> Iterable[str]:
    for node in walk(ref):
        if not isinstance(node, Ref):
            continue
        decl = decls[node.key]
        if not isinstance(decl, Union_):
            yield node.key
        elif node.key not in seen:
            seen.add(node.key)
            yield from _referenced_keys(decl, decls, seen)


def _ref_keys(ref: TypeRef) -> Iterable[str]:
    """The key of every Ref in *ref*, named unions not expanded."""
    return (node.key for node in walk(ref) if isinstance(node, Ref))


def python_field_names(model: Model, annotation_names: frozenset[str]) -> list[str]:
    """The attribute name of each field (see :func:`names.field_attributes`)."""
    return names.field_attributes([f.name for f in model.fields], annotation_names)
