"""Spelling: how the IR is written in Python, for one generated module.

String literals that keep any text as data, and the :class:`Annotator` that spells a
TypeRef as an annotation and records what the module must import for it (in an
:class:`~docgen.emit.imports.Imports`).  Part of stage 6 (emit); nothing here renders a file.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Optional

from ..ir import (
    BinaryFile,
    Decl,
    DictOf,
    FileKind,
    HttpRequest,
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
from ..walk import TypeVisitor, walk
from . import names
from .imports import RUNTIME_MODULE, UNSET_MODULE, Imports, relative_import, split_module

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


class Annotator(TypeVisitor[str]):
    """Renders TypeRefs as annotation text for one module, recording what it imports.

    :meth:`type` spells one annotation; the ``visit_*`` methods spell each node class
    (through :class:`~docgen.walk.TypeVisitor`), with builtin types qualified
    (``builtins.str``) when a field of the class shadows them."""

    def __init__(self, module: Module, decls: dict[str, Decl], module_of: dict[str, Module]) -> None:
        self.module = module
        self.decls = decls
        self.module_of = module_of
        self.imports = Imports()
        self.own = {d.name for d in module.decls}
        #: a module of unions alone imports the models it names at its top, not at its end
        self.union_module = all(isinstance(d, Union_) for d in module.decls)
        self._paths: dict[tuple[str, ...], str] = {}  # module -> relative_import from this one
        self.spelling = self._spellings()
        self.expand_unions = False  # True while a union alias's own definition is rendered
        self.used: set[str] = set()  # the names the annotations spelled so far refer to
        self._shadowed: frozenset[str] = frozenset()  # the builtins the class's fields shadow
        #: (type, shadowed, expand_unions) -> (its annotation, the names it refers to)
        self._spelled: dict[tuple[TypeRef, frozenset[str], bool], tuple[str, frozenset[str]]] = {}

    def _spellings(self) -> dict[str, str]:
        """How each referenced foreign type is spelled: its name, or ``alias.Name`` on a clash."""
        keys = sorted({k for d in self.module.decls for k in _referenced_keys(d, self.decls)})
        foreign = [k for k in keys if self.module_of[k] is not self.module]
        by_name: dict[str, list[str]] = {}
        for key in foreign:
            by_name.setdefault(self.decls[key].name, []).append(key)
        spelling: dict[str, str] = {}
        for name, group in by_name.items():
            clash = len(group) > 1 or name in self.own or names.qualified_when_imported(name)
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
        """The annotation of *ref*, builtins in *shadowed* qualified.

        A module spells most types more than once (a field's type for its name, its class
        body and its parser): the text and the names it refers to are kept from the first
        time, whose imports are recorded already."""
        key = (ref, shadowed, self.expand_unions)
        known = self._spelled.get(key)
        if known is not None:
            self.used.update(known[1])
            return known[0]
        outer_shadowed, self._shadowed = self._shadowed, shadowed
        outer_used, self.used = self.used, set()
        try:
            text = self.visit(ref)
        finally:
            self._shadowed = outer_shadowed
            spelled_names, self.used = self.used, outer_used
            outer_used.update(spelled_names)
        self._spelled[key] = (text, frozenset(spelled_names))
        return text

    def visit_Primitive(self, ref: Primitive) -> str:
        if ref.name in names.BUILTIN_TYPES:
            return self._builtin(ref.name)
        if ref.name != "None":
            self.imports.need_stdlib(ref.name)
            self._name(ref.name)
        return ref.name

    def visit_BinaryFile(self, ref: BinaryFile) -> str:
        self.imports.need_stdlib(ref.kind.value)
        if ref.kind is FileKind.IO:
            return f"{self._name('IO')}[{self._builtin('bytes')}]"
        return self._name(ref.kind.value)

    def visit_HttpResponse(self, ref: HttpResponse) -> str:
        self.imports.runtime = True
        return f"{self._name(RUNTIME_MODULE)}.Response"

    def visit_HttpRequest(self, ref: HttpRequest) -> str:
        self.imports.runtime = True
        return f"{self._name(RUNTIME_MODULE)}.Request"

    def visit_Optional_(self, ref: Optional_) -> str:
        inner = self.visit(ref.inner)
        if ref.nulls is not Nullability.OPTIONAL:
            self.imports.unset = True
            return f"{self._name(UNSET_MODULE)}.{ref.nulls.value}[{inner}]"
        return inner if inner == "None" or inner.endswith(" | None") else f"{inner} | None"

    def visit_ListOf(self, ref: ListOf) -> str:
        return f"{self._builtin('list')}[{self.visit(ref.item)}]"

    def visit_DictOf(self, ref: DictOf) -> str:
        key = self.visit(Primitive("str"))
        return f"{self._builtin('dict')}[{key}, {self.visit(ref.value)}]"

    def visit_UnionOf(self, ref: UnionOf) -> str:
        return " | ".join(self.visit(m) for m in ref.members)

    def visit_StreamOf(self, ref: StreamOf) -> str:
        module, name, two_nones = _STREAMS[ref.kind]
        if module:
            self.imports.sse = True
        else:
            self.imports.need_stdlib(name)
        item = self.visit(ref.item)
        head = f"{self._name(module)}.{name}" if module else self._name(name)
        return f"{head}[{item}{', None, None' if two_nones else ''}]"

    def visit_LiteralOf(self, ref: LiteralOf) -> str:
        values = [v for v in ref.values if v is not None]
        parts = []
        if values:
            self.imports.need_stdlib("Literal")
            parts.append(f"{self._name('Literal')}[{', '.join(value_literal(v) for v in values)}]")
        if len(values) < len(ref.values):
            parts.append("None")  # Literal[None] is spelled None
        return " | ".join(parts)

    def _builtin(self, name: str) -> str:
        """A builtin type's name, qualified when a field of the class shadows it."""
        if name in self._shadowed:
            self.imports.builtins = True
            return f"{self._name('builtins')}.{name}"
        return self._name(name)

    def visit_Ref(self, ref: Ref) -> str:
        decl = self.decls[ref.key]
        spelled = self._named_ref(ref, decl)
        # an open enum's value is a member, or the value no member has, kept as it came
        return f"{spelled} | {self._builtin(decl.value_type)}" if getattr(decl, "open", False) else spelled

    def _named_ref(self, ref: Ref, decl: Decl) -> str:
        target = self.module_of[ref.key]
        if isinstance(decl, Union_):
            return self._union_ref(decl, target)
        if target is self.module:
            return self._name(decl.name)
        spelled = self.spelling[ref.key]
        where = self._path_to(target)
        if "." in spelled:
            alias = spelled.split(".")[0]
            self.imports.module_aliases[alias] = split_module(where)
            self._name(alias)
            return spelled
        bucket = self.imports.bottom if isinstance(decl, Model) and not self._in_union_module() else self.imports.top
        bucket.setdefault(where, set()).add(decl.name)
        return self._name(spelled)

    def _union_ref(self, union: Union_, target: Module) -> str:
        """A union the docs name (``[shared.Pet](pet.md)``) is spelled by its alias, through
        its module (``shared_pet.Pet``): a module object may be imported while it is still
        loading, so models and unions may refer to each other.  A union's own definition
        is evaluated at import time: there another union is named through a module imported
        at the top, unless that union leads back to this module (then its members are
        written out, since that module may still be loading when this one needs it)."""
        if target is self.module:
            return self._name(union.name)
        if self.expand_unions and self._leads_here(union.key):
            return self.visit(UnionOf(union.members))
        alias = self._alias_for(union.key)
        where = split_module(self._path_to(target))
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
        where = self._path_to(target)
        spelled = self.spelling.get(key, self._alias_for(key) + "." if decl.name in self.own else decl.name)
        if "." in spelled:
            alias = spelled.split(".")[0]
            self.imports.module_aliases[alias] = split_module(where)
            return f"{alias}.{name}"
        bucket = self.imports.bottom if isinstance(decl, Model) and not self._in_union_module() else self.imports.top
        bucket.setdefault(where, set()).add(name)
        return name

    def _in_union_module(self) -> bool:
        return self.union_module

    def _path_to(self, target: Module) -> str:
        """``from <this> import`` text that reaches *target* from this module (asked again
        and again for the same few modules)."""
        where = self._paths.get(target.module)
        if where is None:
            where = self._paths[target.module] = relative_import(self.module.module, target.module)
        return where


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


def python_field_names(model: Model, annotator: Annotator) -> list[str]:
    """The attribute name of each field (see :func:`names.field_attributes`), given the
    names the class's annotations refer to as *annotator* (the model's module's) spells them."""
    used = frozenset(n for f in model.fields for n in annotator.names_in(f.type))
    return names.field_attributes([f.name for f in model.fields], used)


def with_article(text: str) -> str:
    """*text* after the indefinite article its sound takes: ``an int | None``, ``a str``,
    ``an ImagePart``, ``a OneOfPet``, ``a UUID``."""
    lower = text.lower()
    vowel = lower[:1] in ("a", "e", "i", "o", "u") and not lower.startswith(("one", "uni", "use", "uu", "eu"))
    return f"{'an' if vowel else 'a'} {text}"
