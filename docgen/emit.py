"""Stage 6, emit: IR -> Python source text, through Jinja templates and black.

Everything a template prints is computed here: names, annotations, imports, string
literals and order.  The templates only lay the pieces out (see ``templates/``).

Imports and cycles: every module starts with ``from __future__ import annotations``,
so annotations are never evaluated at import time.  Enum modules import nothing of
the package, and union modules import only their members, so both are imported at the
top of a module.  Models may refer to each other in cycles; a module imports the
models it refers to at its *end*, after its own classes exist, so that two modules
importing each other both finish loading.  ``typing.get_type_hints`` then finds every
name in the module's globals.
"""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

import black
import jinja2

from . import layout, names, parsers, responses
from .ir import (
    BinaryFile,
    Decl,
    DictOf,
    Enum,
    Field,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Module,
    Optional_,
    Primitive,
    Ref,
    Spec,
    StreamOf,
    TypeRef,
    Union_,
    UnionOf,
)

BLACK_MODE = black.Mode(
    target_versions={black.TargetVersion.PY310},
    line_length=88,
    string_normalization=True,
    magic_trailing_comma=True,
)

#: Where each standard-library name used in annotations comes from.
_STDLIB = {
    "date": "datetime",
    "datetime": "datetime",
    "Decimal": "decimal",
    "Any": "typing",
    "Generator": "collections.abc",
    "Literal": "typing",
    "IO": "typing",
    "dataclass": "dataclasses",
    "field": "dataclasses",
    "Enum": "enum",
}

RUNTIME_MODULE = "requests_http"

#: Support modules written at the root of every generated package: module name ->
#: template.  They are plain standard-library Python, the same for every build.
RUNTIME_FILES = {
    RUNTIME_MODULE: "requests_http.py.jinja",
    "_errors": "errors.py.jinja",
    "_sse": "sse.py.jinja",
    "_http": "http.py.jinja",
    parsers.SUPPORT_MODULE: "parsing.py.jinja",
}

#: Method names generated classes define; a field of that name gets an underscore.
METHOD_NAMES = frozenset({"from_dict", "to_dict"})

#: Names the root ``__init__.py`` re-exports from the support modules: (module, name).
RUNTIME_EXPORTS = (("_errors", "ParseError"), ("_errors", "UnexpectedResponseError"))


# --- view objects handed to templates --------------------------------------------


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    default: str  # the right-hand side: field(...) call text
    docstring: str  # a string literal, or ""


@dataclass(frozen=True)
class DeclView:
    """One declaration.  ``parser`` is its view from docgen/parsers.py (ModelParser,
    EnumParser or UnionFunctions); ``methods`` the annotations its class methods spell
    (``object``, ``json``: the JSON object type), builtins qualified where fields shadow them."""

    kind: str  # model, enum, union
    name: str
    docstring: str
    fields: tuple[FieldView, ...] = ()
    base: str = ""  # enum value type
    members: tuple[tuple[str, str], ...] = ()  # enum (name, value literal)
    annotation: str = ""  # union
    parser: object = None
    methods: dict[str, str] = field(default_factory=dict)
    response: object = None  # a responses.ResponseView for an operation response


@dataclass(frozen=True)
class ModuleView:
    docstring: str
    top_imports: tuple[str, ...]
    bottom_imports: tuple[str, ...]
    decls: tuple[DeclView, ...]
    helpers: tuple[parsers.Helper, ...] = ()  # parse/dump helpers of inline types


@dataclass(frozen=True)
class PackageView:
    docstring: str
    imports: tuple[str, ...]
    exported: tuple[str, ...]


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
class _Imports:
    stdlib: dict[str, set[str]] = field(default_factory=dict)
    builtins: bool = False
    runtime: bool = False
    parsing: bool = False
    http: bool = False  # from_response reads responses with _http
    sse: bool = False  # ... and event streams with _sse
    top: dict[str, set[str]] = field(default_factory=dict)  # relative module -> names
    bottom: dict[str, set[str]] = field(default_factory=dict)
    module_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias -> (package, module)

    def need_stdlib(self, name: str) -> None:
        self.stdlib.setdefault(_STDLIB[name], set()).add(name)

    def top_lines(self, this: Sequence[str]) -> list[str]:
        stdlib = ["import builtins"] if self.builtins else []
        stdlib += [
            f"from {module} import {', '.join(sorted(self.stdlib[module], key=names.isort_key))}"
            for module in sorted(self.stdlib)
        ]
        lines = ["from __future__ import annotations", "", *stdlib]
        if stdlib and (self.runtime or self.parsing or self.http or self.top):
            lines.append("")
        support = ([parsers.SUPPORT_MODULE] if self.parsing else []) + ([RUNTIME_MODULE] if self.runtime else [])
        support += (["_http"] if self.http else []) + (["_sse"] if self.sse else [])
        if support:
            lines.append(f"from {runtime_import(this)} import {', '.join(sorted(support))}")
        for module in sorted(self.top, key=_module_order):
            lines.append(f"from {module} import {', '.join(sorted(self.top[module], key=names.isort_key))}")
        return lines

    def bottom_lines(self) -> list[str]:
        """Imports of models and named unions, at the module's end, in isort's order."""
        entries = [
            (module, "", f"from {module} import {', '.join(sorted(self.bottom[module], key=names.isort_key))}")
            for module in self.bottom
        ]
        entries += [
            (package, module, f"from {package} import {module} as {alias}")
            for alias, (package, module) in self.module_aliases.items()
        ]
        return [line for _, _, line in sorted(entries, key=lambda e: (_module_order(e[0]), e[1]))]


class _Annotator:
    """Renders TypeRefs as annotation text for one module, recording what it imports."""

    def __init__(self, module: Module, decls: dict[str, Decl], module_of: dict[str, Module]) -> None:
        self.module = module
        self.decls = decls
        self.module_of = module_of
        self.imports = _Imports()
        self.own = {d.name for d in module.decls}
        self.spelling = self._spellings()
        self.expand_unions = False  # True while a union alias's own definition is rendered

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

    def type(self, ref: TypeRef, shadowed: frozenset[str] = frozenset()) -> str:
        if isinstance(ref, Primitive):
            if ref.name in names.BUILTIN_TYPES:
                return self._builtin(ref.name, shadowed)
            self.imports.need_stdlib(ref.name)
            return ref.name
        if isinstance(ref, BinaryFile):
            self.imports.need_stdlib("IO")
            return f"IO[{self._builtin('bytes', shadowed)}]"
        if isinstance(ref, HttpResponse):
            self.imports.runtime = True
            return f"{RUNTIME_MODULE}.Response"
        if isinstance(ref, Optional_):
            inner = self.type(ref.inner, shadowed)
            return inner if inner == "None" or inner.endswith(" | None") else f"{inner} | None"
        if isinstance(ref, ListOf):
            return f"{self._builtin('list', shadowed)}[{self.type(ref.item, shadowed)}]"
        if isinstance(ref, DictOf):
            key = self.type(Primitive("str"), shadowed)
            return f"{self._builtin('dict', shadowed)}[{key}, {self.type(ref.value, shadowed)}]"
        if isinstance(ref, UnionOf):
            return " | ".join(self.type(m, shadowed) for m in ref.members)
        if isinstance(ref, StreamOf):
            self.imports.need_stdlib("Generator")
            return f"Generator[{self.type(ref.item, shadowed)}, None, None]"
        if isinstance(ref, LiteralOf):
            values = [v for v in ref.values if v is not None]
            parts = []
            if values:
                self.imports.need_stdlib("Literal")
                parts.append(f"Literal[{', '.join(value_literal(v) for v in values)}]")
            if len(values) < len(ref.values):
                parts.append("None")  # Literal[None] is spelled None
            return " | ".join(parts)
        return self._ref(ref, shadowed)

    def _builtin(self, name: str, shadowed: frozenset[str]) -> str:
        """A builtin type's name, qualified when a field of the class shadows it."""
        if name in shadowed:
            self.imports.builtins = True
            return f"builtins.{name}"
        return name

    def _ref(self, ref: Ref, shadowed: frozenset[str]) -> str:
        decl = self.decls[ref.key]
        target = self.module_of[ref.key]
        if isinstance(decl, Union_):
            return self._union_ref(decl, target, shadowed)
        target = self.module_of[ref.key]
        if target is self.module:
            return decl.name
        spelled = self.spelling[ref.key]
        where = relative_import(self.module.module, target.module)
        if "." in spelled:
            alias = spelled.split(".")[0]
            self.imports.module_aliases[alias] = _split_module(where)
            return spelled
        bucket = self.imports.bottom if isinstance(decl, Model) and not self._in_union_module() else self.imports.top
        bucket.setdefault(where, set()).add(decl.name)
        return spelled

    def _union_ref(self, union: Union_, target: Module, shadowed: frozenset[str]) -> str:
        """A union the docs name (``[shared.Pet](pet.md)``) is spelled by its alias, through
        its module (``shared_pet.Pet``): a module object may be imported while it is still
        loading, so models and unions may refer to each other.  A union's own definition
        is evaluated at import time, so there the members are written out."""
        if self.expand_unions:
            return self.type(UnionOf(union.members), shadowed)
        if target is self.module:
            return union.name
        alias = self._alias_for(union.key)
        self.imports.module_aliases[alias] = _split_module(relative_import(self.module.module, target.module))
        return f"{alias}.{union.name}"

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
    if isinstance(ref, Ref):
        decl = decls[ref.key]
        if isinstance(decl, Union_):
            if ref.key not in seen:
                seen.add(ref.key)
                yield from _referenced_keys(decl, decls, seen)
        else:
            yield ref.key
    elif isinstance(ref, (Optional_,)):
        yield from _keys_in(ref.inner, decls, seen)
    elif isinstance(ref, (ListOf, StreamOf)):
        yield from _keys_in(ref.item, decls, seen)
    elif isinstance(ref, DictOf):
        yield from _keys_in(ref.value, decls, seen)
    elif isinstance(ref, UnionOf):
        for member in ref.members:
            yield from _keys_in(member, decls, seen)


def python_field_names(model: Model, annotation_names: frozenset[str]) -> list[str]:
    """The attribute name of each field: as the docs write it, unless it would shadow a
    name the class's annotations use or a method (then with a trailing underscore)."""
    taken: set[str] = set()
    result = []
    for f in model.fields:
        name = names.safe_identifier(f.name, (annotation_names - names.BUILTIN_TYPES) | METHOD_NAMES) or f.name
        while name in taken:
            name += "_"
        taken.add(name)
        result.append(name)
    return result


# --- views ------------------------------------------------------------------------


def module_view(module: Module, spec: Spec, decls: dict[str, Decl], module_of: dict[str, Module]) -> ModuleView:
    annotator = _Annotator(module, decls, module_of)
    taken = [d.name for d in module.decls]
    functions = [d for d in module.decls if not isinstance(d, Union_)] + [decls[k] for k in annotator.spelling]
    taken += [f"_{p}_{d.name}" for d in functions for p in ("parse", "dump")]
    ctx = parsers.ParserContext(decls, annotator.type, annotator.function, taken)
    views = tuple(_decl_view(d, annotator, ctx) for d in module.decls)
    annotator.imports.parsing = True
    docstring = docstring_literal(f"Generated by docgen from {module.page}; edit the page, not this file.")
    helpers = ctx.helpers()  # last: every expression above has asked for its helpers
    return ModuleView(
        docstring,
        tuple(annotator.imports.top_lines(module.module)),
        tuple(annotator.imports.bottom_lines()),
        views,
        helpers,
    )


def _decl_view(decl: Decl, annotator: _Annotator, ctx: parsers.ParserContext) -> DeclView:
    docstring = docstring_literal(decl.description)
    if isinstance(decl, Enum):
        annotator.imports.need_stdlib("Enum")
        members = tuple((m.name, value_literal(m.value)) for m in decl.members)
        parser = parsers.enum_parser(decl)
        return DeclView("enum", decl.name, docstring, base=decl.value_type, members=members, parser=parser)
    if isinstance(decl, Union_):
        annotator.imports.need_stdlib("Any")
        functions = parsers.union_functions(decl, Ref(decl.key), ctx)
        annotator.expand_unions = True
        annotation = annotator.type(UnionOf(decl.members))
        annotator.expand_unions = False
        return DeclView("union", decl.name, docstring, annotation=annotation, parser=functions)
    annotator.imports.need_stdlib("dataclass")
    if decl.fields:
        annotator.imports.need_stdlib("field")
    annotator.imports.need_stdlib("Any")
    fields, ordered = _field_views(decl, annotator)
    shadowed = frozenset(name for _, name in ordered) & (names.BUILTIN_TYPES | {"object"})
    methods = {
        "object": _builtin_spelling("object", shadowed, annotator),
        "json": annotator.type(DictOf(Primitive("Any")), shadowed),
    }
    annotations = {
        name: (annotator.type(f.type), annotator.type(f.type, shadowed))
        for f, name in ordered
        if not parsers.is_json(f.type)
    }
    parser = parsers.model_parser(decl, ordered, ctx, annotations)
    response = None
    if responses.is_operation_response(decl):
        annotator.imports.http = True
        response = responses.response_view(
            decl,
            {f.name: name for f, name in ordered},
            lambda ref, value, path: parsers.parse_expression(ref, value, path, ctx),
            annotator.type,
            ctx.unique,
            annotator.decls,
        )
        annotator.imports.sse = bool(response.event_parsers)
    return DeclView("model", decl.name, docstring, fields=fields, parser=parser, methods=methods, response=response)


def _builtin_spelling(name: str, shadowed: frozenset[str], annotator: _Annotator) -> str:
    if name in shadowed:
        annotator.imports.builtins = True
        return f"builtins.{name}"
    return name


def _field_views(model: Model, annotator: _Annotator) -> tuple[tuple[FieldView, ...], list[tuple[Field, str]]]:
    """The fields as the class lists them (required first), and each with its Python name in that order."""
    # First pass: which names do the annotations use?  Rendering records the imports.
    plain = [annotator.type(f.type) for f in model.fields]
    used = frozenset(_identifiers(" ".join(plain)))
    py_names = python_field_names(model, used)
    shadowed = frozenset(py_names) & names.BUILTIN_TYPES
    views: list[tuple[Field, str, FieldView]] = []
    for f, name in zip(model.fields, py_names):
        annotation = annotator.type(f.type, shadowed)
        metadata = "{" + f'"wire_name": {value_literal(f.wire_name)}' + "}"
        if f.required:
            default = f"field(metadata={metadata})"
        else:
            default = f"field(default=None, metadata={metadata})"
        doc = f.description
        if f.deprecated and not doc.startswith("Deprecated"):
            doc = ("Deprecated. " + doc).strip()
        views.append((f, name, FieldView(name, annotation, default, docstring_literal(doc))))
    ordered = [v for v in views if v[0].required] + [v for v in views if not v[0].required]
    return tuple(v for _, _, v in ordered), [(f, name) for f, name, _ in ordered]


def _identifiers(text: str) -> Iterable[str]:
    word = []
    for char in text + " ":
        if char.isalnum() or char == "_" or char == ".":
            word.append(char)
        else:
            if word:
                yield "".join(word).split(".")[0]
            word = []


# --- rendering --------------------------------------------------------------------


TEMPLATE_DIRS = (Path(__file__).parent / "templates", Path(__file__).parent.parent / "templates")


def template_dir() -> Path:
    """The shipped templates: inside the installed package, or the checkout's ``templates/``."""
    for candidate in TEMPLATE_DIRS:
        if (candidate / "module.py.jinja").is_file():
            return candidate
    raise FileNotFoundError("docgen's templates are missing from this installation")


@lru_cache(maxsize=8)
def environment(user_templates: Optional[str] = None) -> jinja2.Environment:
    search = [user_templates] if user_templates else []
    search.append(str(template_dir()))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


#: black's single pass.  ``black.format_str`` formats twice whenever the first pass
#: changed anything, to be sure the result is stable; docgen's own templates give code
#: that one pass makes stable (tests/emit/test_black_stable.py checks it), so the
#: second pass, as long as the first, is skipped.  black is pinned exactly, so this
#: private function cannot change under docgen; without it, the public one serves.
_FORMAT_ONCE: Callable[..., str] = getattr(black, "_format_str_once", black.format_str)


def black_once(source: str) -> str:
    return _FORMAT_ONCE(source, mode=BLACK_MODE)


def format_source(source: str) -> str:
    """*source*, the code of docgen's own templates, as black formats it: black runs only
    on the statements docgen/layout.py cannot keep as they are."""
    return layout.format_code(source, black_once)


def format_source_twice(source: str) -> str:
    """*source* formatted by black until stable: for code of the user's templates."""
    return black.format_str(source, mode=BLACK_MODE)


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Every ``.py`` file through black, one after another; other files as they are."""
    return {path: format_source(text) if path.endswith(".py") else text for path, text in files.items()}


def format_files_twice(files: dict[str, str]) -> dict[str, str]:
    """:func:`format_files` for code of the user's templates: black alone, until stable."""
    return {path: format_source_twice(text) if path.endswith(".py") else text for path, text in files.items()}


#: Formats a whole build at once: relative path -> unformatted text, to formatted text.
Formatter = Callable[[dict[str, str]], dict[str, str]]


def _as_is(source: str) -> str:
    return source


def render_module(view: ModuleView, env: jinja2.Environment, fmt: Callable[[str], str] = format_source) -> str:
    return fmt(env.get_template("module.py.jinja").render(module=view))


def render_package(view: PackageView, env: jinja2.Environment, fmt: Callable[[str], str] = format_source) -> str:
    return fmt(env.get_template("package.py.jinja").render(package=view))


def render_runtime(template: str, env: jinja2.Environment, fmt: Callable[[str], str] = format_source) -> str:
    return fmt(env.get_template(template).render())


def emit(spec: Spec, user_templates: Optional[str] = None, formatter: Formatter = format_files) -> dict[str, str]:
    """Every file of the generated package: relative POSIX path -> text.

    Templates are rendered first and the whole build is then formatted by *formatter*
    in one call, so that a caller can format in parallel or reuse earlier results.
    """
    env = environment(user_templates)
    if user_templates is not None and formatter is format_files:
        formatter = format_files_twice
    decls = spec.decls()
    module_of = spec.module_of()
    files: dict[str, str] = {}
    for module in spec.modules:
        view = module_view(module, spec, decls, module_of)
        files["/".join(module.module) + ".py"] = render_module(view, env, _as_is)
    for name, template in RUNTIME_FILES.items():
        files[name + ".py"] = render_runtime(template, env, _as_is)
    files.update(_packages(spec, env))
    files["py.typed"] = ""
    return dict(sorted(formatter(files).items()))


def _packages(spec: Spec, env: jinja2.Environment) -> dict[str, str]:
    """An ``__init__.py`` for every folder; the root one exports every unambiguous name."""
    folders: set[tuple[str, ...]] = {()}
    for module in spec.modules:
        for depth in range(len(module.module)):
            folders.add(module.module[:depth])
    exports: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for module in spec.modules:
        for decl in module.decls:
            exports.setdefault(decl.name, []).append((module.module, decl.name))
    files = {}
    for folder in sorted(folders):
        if folder:
            here = [(m.module, d.name) for m in spec.modules if m.module[:-1] == folder for d in m.decls]
            title = f"The {'/'.join(folder)} types generated by docgen."
        else:
            here = [group[0] for name, group in sorted(exports.items()) if len(group) == 1]
            here += [((module,), name) for module, name in RUNTIME_EXPORTS if name not in exports]
            title = "Types generated by docgen from the specs; every unambiguous name is exported here."
        by_module: dict[str, list[str]] = {}
        for module, name in here:
            by_module.setdefault(relative_import(folder + ("__init__",), module), []).append(name)
        imports = tuple(
            f"from {where} import {', '.join(sorted(n, key=names.isort_key))}" for where, n in sorted(by_module.items())
        )
        view = PackageView(
            docstring_literal(title), imports, tuple(sorted((name for _, name in here), key=names.isort_key))
        )
        path = posixpath.join(*folder, "__init__.py") if folder else "__init__.py"
        files[path] = render_package(view, env, _as_is)
    return files
