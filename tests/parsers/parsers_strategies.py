"""Hypothesis strategies for the values of a docgen build, read from its IR.

``values(ref)`` draws valid Python values of a TypeRef (instances of the generated
dataclasses, enum members, lists, dicts…); ``json_values`` draws any decoded JSON.
"""

from __future__ import annotations

import importlib
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from hypothesis import strategies as st

from docgen.build import compile_sources, generate, load_sources
from docgen.emit.functions import snake_case
from docgen.emit.parsers import is_json, needs_arguments
from docgen.ir import (
    DictOf,
    Enum,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Nullability,
    Optional_,
    Primitive,
    Ref,
    Spec,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
CORPUS = ROOT.parent / "shared" / "corpus" / "speakeasy-v1" / "docs"
#: A pydantic-era corpus: Nullable, OptionalNullable, constants, additional properties.
CORPUS_V2 = ROOT.parent / "shared" / "corpus" / "speakeasy-v2" / "docs"
PYDANTIC_ERA = ROOT / "tests" / "emit" / "fixtures" / "pydantic_era"
OAG_TREES = {
    "oag": ROOT / "tests" / "dialects" / "oag" / "docs",
    "oag_legacy": ROOT / "tests" / "dialects" / "oag" / "legacy",
}


def compile_spec(specs: Path) -> Spec:
    spec = compile_sources(load_sources(specs)[0]).spec
    assert spec is not None
    return spec


def build_package(specs: Path, out: Path, name: str) -> tuple[ModuleType, Spec]:
    """Build *specs* into ``out/name``, import it, and return it with its IR."""
    generated = generate(specs)
    assert generated.files, [str(d) for d in generated.diagnostics]
    for path, text in generated.files.items():
        target = out / name / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    return importlib.import_module(name), compile_spec(specs)


RAW_RESPONSE = object()  # stands for an HTTP response, which JSON cannot carry

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)

_offsets = st.builds(lambda m: timezone(timedelta(minutes=m)), st.integers(-23 * 60 - 59, 23 * 60 + 59))
_PRIMITIVES: dict[str, st.SearchStrategy[Any]] = {
    "str": st.text(max_size=10),
    "int": st.integers() | st.integers(min_value=2**63, max_value=2**80),
    "float": st.floats(allow_nan=False, allow_infinity=False),
    "bool": st.booleans(),
    "bytes": st.binary(max_size=10),
    "Decimal": st.decimals(allow_nan=False, allow_infinity=False),
    "date": st.dates(),
    "datetime": st.datetimes(
        min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.none() | _offsets
    ),
    "Any": json_values,
    "object": json_values,
}


class Values:
    """Strategies for the types of one built package, with its IR."""

    def __init__(self, package: ModuleType, spec: Spec) -> None:
        self.package = package
        self.decls = spec.decls()
        self.modules = {key: module for key, module in spec.module_of().items()}
        self._cache: dict[str, st.SearchStrategy[Any]] = {}

    def module(self, key: str) -> ModuleType:
        return importlib.import_module(self.package.__name__ + "." + ".".join(self.modules[key].module))

    def cls(self, key: str) -> Any:
        return getattr(self.module(key), self.decls[key].name)

    def of(self, ref: TypeRef) -> st.SearchStrategy[Any]:
        if isinstance(ref, Primitive):
            return _PRIMITIVES[ref.name]
        if isinstance(ref, Optional_):
            unset = st.just(self.package.UNSET) if ref.nulls is Nullability.OPTIONAL_NULLABLE else st.nothing()
            return st.none() | unset | self.of(ref.inner)
        if isinstance(ref, ListOf):
            return st.lists(self.of(ref.item), max_size=3)
        if isinstance(ref, DictOf):
            return st.dictionaries(st.text(max_size=6), self.of(ref.value), max_size=3)
        if isinstance(ref, UnionOf):
            return st.one_of([self.of(m) for m in ref.members])
        if isinstance(ref, LiteralOf):
            return st.sampled_from(ref.values)
        if isinstance(ref, HttpResponse):
            return st.just(RAW_RESPONSE)
        if isinstance(ref, StreamOf):
            return st.none()
        assert isinstance(ref, Ref)
        if ref.key not in self._cache:
            self._cache[ref.key] = st.deferred(lambda: self._decl(ref.key))
        return self._cache[ref.key]

    def _decl(self, key: str) -> st.SearchStrategy[Any]:
        decl = self.decls[key]
        if isinstance(decl, Enum):
            members = st.sampled_from(list(self.cls(key)))
            if not decl.open:
                return members
            # an open enum also holds values no member has, kept as the plain str or int
            known = {m.value for m in decl.members}
            plain = st.text(max_size=8) if decl.value_type == "str" else st.integers()
            return members | plain.filter(lambda v, known=known: v not in known)
        if isinstance(decl, Union_):
            return st.one_of([self.of(m) for m in decl.members])
        assert isinstance(decl, Model)
        cls = self.cls(key)
        names = [f.name for f in cls.__dataclass_fields__.values()]
        by_name = dict(zip(self._python_names(decl, cls), decl.fields))
        kwargs = {}
        for name in names:
            field = by_name[name]
            ref = field.type
            if not is_json(ref):
                kwargs[name] = st.just(RAW_RESPONSE) if field.required and not isinstance(ref, Optional_) else st.none()
            elif field.additional and isinstance(ref, DictOf):
                known = {f.wire_name for f in decl.fields if not f.additional}
                keys = st.text(max_size=6).filter(lambda key, known=known: key not in known)
                kwargs[name] = st.dictionaries(keys, self.of(ref.value), max_size=3)
            else:
                kwargs[name] = self.of(ref)
        return st.builds(cls, **kwargs)

    @staticmethod
    def _python_names(decl: Model, cls: Any) -> list[str]:
        """The dataclass's attribute names in the docs' field order (matched by wire name)."""
        wire = {f.metadata.get("wire_name", f.name): f.name for f in cls.__dataclass_fields__.values()}
        return [wire[f.wire_name] for f in decl.fields]

    def of_key(self, key: str) -> st.SearchStrategy[Any]:
        return self.of(Ref(key))

    def reaches_union(self, key: str) -> bool:
        """Whether a value of *key* may hold a union anywhere (through models, lists, dicts)."""
        seen: set[str] = set()
        todo: list[TypeRef] = [Ref(key)]
        while todo:
            ref = todo.pop()
            if isinstance(ref, UnionOf):
                return True
            if isinstance(ref, Optional_):
                todo.append(ref.inner)
            elif isinstance(ref, ListOf):
                todo.append(ref.item)
            elif isinstance(ref, DictOf):
                todo.append(ref.value)
            elif isinstance(ref, Ref) and ref.key not in seen:
                seen.add(ref.key)
                decl = self.decls[ref.key]
                if isinstance(decl, Union_):
                    return True
                if isinstance(decl, Model):
                    todo.extend(f.type for f in decl.fields)
        return False

    def parse_dump(self, key: str) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
        """The public parse and dump of a declaration."""
        decl = self.decls[key]
        cls = self.cls(key) if not isinstance(decl, Union_) else None
        if isinstance(decl, Model):
            by_wire = dict(zip((f.wire_name for f in decl.fields), self._python_names(decl, cls)))
            kwargs = {
                by_wire[f.wire_name]: RAW_RESPONSE
                for f in decl.fields
                if needs_arguments(decl) and f.required and not is_json(f.type) and not isinstance(f.type, Optional_)
            }
            return (lambda data: cls.from_dict(data, **kwargs)), (lambda value: value.to_dict())
        if isinstance(decl, Enum):
            return cls.from_json, (lambda value: value.to_json() if isinstance(value, cls) else value)
        module = self.module(key)
        snake = snake_case(decl.name)
        return getattr(module, f"parse_{snake}"), getattr(module, f"dump_{snake}")


def mutations(dumped: Any) -> st.SearchStrategy[Any]:
    """A JSON value like *dumped* with one node replaced by random JSON, or one key removed."""
    paths: list[tuple[Any, ...]] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, item in node.items():
                walk(item, path + (key,))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, path + (index,))

    walk(dumped, ())

    def apply(path: tuple[Any, ...], replacement: Any, delete: bool) -> Any:
        if not path:
            return replacement
        copy = _deep_copy(dumped)
        parent = copy
        for step in path[:-1]:
            parent = parent[step]
        if delete and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = replacement
        return copy

    return st.builds(apply, st.sampled_from(paths), json_values, st.booleans())


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value
