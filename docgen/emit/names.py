"""Names: the one place where text from a page becomes a Python identifier or module name."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from typing import Optional, Sequence

from ..primitives import TABLE

#: Where each standard-library name that generated modules import comes from (the
#: primitives' modules are in :data:`docgen.primitives.TABLE`).
STDLIB_IMPORTS = {
    "Generator": "collections.abc",
    "AsyncIterator": "collections.abc",
    "cast": "typing",
    "Literal": "typing",
    "IO": "typing",
    "BufferedReader": "io",
    "IOBase": "io",
    "dataclass": "dataclasses",
    "field": "dataclasses",
    "Enum": "enum",
}

#: The support modules at the root of every generated package.
SUPPORT_MODULES = frozenset({"_errors", "_http", "_parsing", "_sse", "_unset", "requests_http"})

#: The modules docgen writes at the root of the package for operation pages (beside the
#: package of group modules): a page may not be written there when the docs have
#: operations, and operation modules spell a type of such a name through its module.
ERRORS_MODULE = "api_errors"
DISPATCH_MODULE = "_dispatch"
REGISTRY_MODULE = "_operations"
OPERATION_MODULES = frozenset({ERRORS_MODULE, DISPATCH_MODULE, REGISTRY_MODULE})

#: Names a generated module binds for its own use; a field of that name would shadow
#: them inside the class body (``typing.get_type_hints`` reads class attributes first).
#: The primitives a module imports (``date``, ``Decimal``…) come from their table, the
#: other standard-library names from :data:`STDLIB_IMPORTS`.
RUNTIME_NAMES = (
    frozenset({p.name for p in TABLE if p.module})
    | frozenset(STDLIB_IMPORTS)
    | SUPPORT_MODULES
    | frozenset({"Dict", "List", "Optional", "Union", "dataclasses", "typing", "builtins"})
)

#: Names a generated class body uses itself, below its fields or members (its methods'
#: decorator): a field or member of that name would hide it.
CLASS_BODY_NAMES = frozenset({"classmethod"})

#: Methods every generated model class defines, and the names its body uses: a field of
#: that name gets a trailing underscore.
METHOD_NAMES = frozenset({"from_dict", "to_dict", "from_response"}) | CLASS_BODY_NAMES

#: Names an enum class defines itself, and the names its body uses: a member of that name
#: gets a trailing underscore.
ENUM_NAMES = frozenset({"name", "value", "mro", "from_json", "to_json"}) | CLASS_BODY_NAMES

#: Builtin names that generated annotations use; a field that shadows one makes the
#: class's annotations spell it ``builtins.int``.
BUILTIN_TYPES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "object"})

#: Builtins that generated modules call or annotate with: a type of that name would hide them.
BUILTINS_USED = frozenset(
    {
        "ArithmeticError",
        "KeyError",
        "RecursionError",
        "TypeError",
        "ValueError",
        "bool",
        "bytes",
        "classmethod",
        "dict",
        "enumerate",
        "float",
        "frozenset",
        "int",
        "isinstance",
        "len",
        "list",
        "object",
        "repr",
        "str",
        "super",
        "tuple",
        "type",
    }
)

#: Parameters and locals of generated functions: inside them a type of that name is hidden.
LOCAL_NAMES = frozenset(
    {
        "best",
        "cls",
        "content_type",
        "data",
        "error",
        "event",
        "exc",
        "index",
        "item",
        "key",
        "media",
        "member",
        "number",
        "path",
        "rejected",
        "response",
        "result",
        "score",
        "self",
        "status",
        "value",
    }
)

#: Names Python, dataclasses or enum give a meaning to in a class body or a module.
_SPECIAL_DUNDERS = frozenset(
    dir(type)
    + dir(object)
    + [
        "__all__",
        "__annotations__",
        "__builtins__",
        "__cached__",
        "__dataclass_fields__",
        "__dataclass_params__",
        "__dict__",
        "__file__",
        "__future__",
        "__loader__",
        "__main__",
        "__match_args__",
        "__members__",
        "__path__",
        "__post_init__",
        "__slots__",
        "__spec__",
        "__weakref__",
    ]
)

_RESERVED = frozenset(keyword.kwlist)
_BUILTIN_NAMES = frozenset(dir(builtins))
#: Names SDK docs write with a trailing underscore (``str_``, ``filter_``, ``class_``):
#: keywords, builtins and the names generated modules bind.
ESCAPED_BY_DOCS = _RESERVED | frozenset(dir(builtins)) | RUNTIME_NAMES
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def is_identifier(text: str) -> bool:
    """ASCII identifiers only: generated code must be readable and greppable everywhere."""
    return bool(_IDENTIFIER.match(text)) and not keyword.iskeyword(text)


def safe_identifier(text: str, extra_reserved: frozenset[str] = frozenset()) -> Optional[str]:
    """A valid, non-reserved Python identifier for *text*, or None when there is none.

    Keywords, the names generated modules bind (``date``, ``Optional``…) and
    *extra_reserved* names get a trailing underscore, the way the docs themselves
    spell them (``class_``, ``date_``).  Builtins stay as written (``id``, ``type``):
    annotations qualify a shadowed builtin instead.  Text that is not
    an identifier at all (``foo-bar``, ``2fa``, ``émoji``) is not guessed at: None.
    """
    if not _IDENTIFIER.match(text):
        return None
    name = text
    while name in _RESERVED or name in RUNTIME_NAMES or name in extra_reserved:
        name += "_"
    return name


def unescaped(name: str) -> str:
    """The name without a reserved-word underscore: ``str_`` -> ``str``.  Settings may name
    a field either way (``Type.class`` for ``class_``)."""
    base = name.rstrip("_")
    if base and name != base and base in ESCAPED_BY_DOCS:
        return base
    return name


def camel_case(name: str) -> str:
    """``date_time`` -> ``dateTime``; leading/trailing underscores are kept."""
    core = name.strip("_")
    if not core:
        return name
    head, *rest = core.split("_")
    lead = name[: len(name) - len(name.lstrip("_"))]
    return lead + head + "".join(part[:1].upper() + part[1:] for part in rest if part)


def module_name(stem: str) -> Optional[str]:
    """A module name for a page's file stem, or None when the stem cannot be one."""
    text = unicodedata.normalize("NFKC", stem).replace("-", "_").lower()
    if not _IDENTIFIER.match(text):
        return None
    while keyword.iskeyword(text) or text in ("__init__",):
        text += "_"
    return text


def enum_member_name(value: str) -> str:
    """A member name derived from a value when the docs give none: ``two-words`` -> ``TWO_WORDS``."""
    text = re.sub(r"[^A-Za-z0-9]+", "_", value).strip("_").upper()
    if not text:
        return "EMPTY"
    if text[0].isdigit():
        text = "VALUE_" + text
    return text


def isort_key(name: str) -> tuple[int, str]:
    """The order isort and ruff give imported names and ``__all__``: CONSTANTS, then
    Classes, then everything else, each group in plain string order."""
    if name.isupper() and len(name) > 1:
        return 0, name
    if name[:1].isupper():
        return 1, name
    return 2, name


def generated_code_uses(name: str) -> Optional[str]:
    """Why *name* is one that generated modules bind or refer to themselves at their top
    level or inside their functions (support modules, helpers, imports, builtins they
    call, parameters and locals), or None.  tests/emit/test_hostile_names.py checks that
    every name in the generated code of the test trees is either declared by a page or
    known here."""
    if name.startswith("_"):
        return "names starting with '_' are docgen's own (support modules, helper functions)"
    if name in BUILTINS_USED:
        return f"generated code uses the builtin {name!r}"
    if name in RUNTIME_NAMES:
        return f"generated modules import {name!r} for their own use"
    if name in LOCAL_NAMES or re.fullmatch(r"f_\w+|result_\d+", name):
        return f"generated functions use {name!r} as a parameter or local name"
    return None


#: What the root ``__init__.py`` exports from the support modules (the names of
#: :data:`docgen.emit.modules.RUNTIME_EXPORTS`): a page type of such a name is escaped
#: (``ParseError_``), so that it cannot take the place of docgen's export at the root.
ROOT_EXPORTS = frozenset({"ParseError", "UnexpectedResponseError", "UNSET", "Nullable", "OptionalNullable", "Unset"})
#: What ``api_errors.py`` defines itself besides one class per error.
ERRORS_DEFINES = frozenset({"ResponseError", "UnexpectedResponseError"})
#: The builtin and the parameters and locals of ``api_errors.py``'s functions.
ERRORS_USES = frozenset({"Exception", "status_code", "content_type", "body", "response", "data", "reason", "detail"})


def errors_module_uses(name: str) -> Optional[str]:
    """Why ``api_errors.py`` binds *name* itself, or None: an error class of that name is
    escaped (:func:`error_class_name`)."""
    if name in ERRORS_DEFINES:
        return f"api_errors.py defines {name!r} itself"
    if name in ERRORS_USES:
        return f"api_errors.py uses {name!r} in its functions"
    return generated_code_uses(name)


def error_class_name(name: str) -> Optional[str]:
    """The class in ``api_errors.py`` of an error the docs call *name*: the rule of
    :func:`type_name`, and a trailing underscore for a name ``api_errors.py`` defines."""
    escaped = type_name(name)
    while escaped is not None and errors_module_uses(escaped) is not None:
        escaped += "_"
    return escaped


#: What an operation group module (``sdks/<group>.py``) defines for each operation.
_OPERATION_DEFINES = re.compile(r"a?parse_\w+|ROUTES_\w+")


def operation_module_uses(name: str) -> Optional[str]:
    """Why an operation group module binds *name* itself (what every generated module binds,
    the operation support modules, the functions and routes of each operation), or None:
    a type of that name is spelled there through its module."""
    if name in OPERATION_MODULES:
        return f"operation modules import {name!r}"
    if _OPERATION_DEFINES.fullmatch(name):
        return "operation modules define parse_<operation>, aparse_<operation> and ROUTES_<operation>"
    return generated_code_uses(name)


def type_name(name: str) -> Optional[str]:
    """The Python name of a declared type the docs call *name* (an identifier), or None
    when there is none (:func:`type_name_problem` says why).

    The rule for every declared type (model, enum, union): its name is bound at the top of
    its module, exported from its package, and referred to inside generated functions, so
    a name that generated code needs itself (``Any``, ``str``, ``value``) gets a trailing
    underscore (``Any_``), as field names do.  Links and Type cells keep the docs' name.
    """
    escaped = name
    while generated_code_uses(escaped) is not None or escaped in ROOT_EXPORTS:
        if name.startswith("_") or re.fullmatch(r"f_\w+|result_\d+", name):
            return None
        escaped += "_"
    return escaped


def qualified_when_imported(name: str) -> bool:
    """Whether a type of another module named *name* is spelled through its module
    (``warning_.Warning``): the name is one generated modules bind themselves, or a builtin.
    A model is imported at the end of the modules that use it, so a builtin of its name
    (``Warning``) would otherwise be the one the class bodies above the import see."""
    return name in RUNTIME_NAMES or name in _BUILTIN_NAMES


def type_name_problem(name: str) -> Optional[str]:
    """Why generated code cannot define a type named *name* under any spelling, or None."""
    return generated_code_uses(name) if type_name(name) is None else None


def field_name_problem(name: str) -> Optional[str]:
    """Why a dataclass cannot have a field named *name* (already made safe), or None."""
    if name.startswith("__") and not name.endswith("__"):
        return "Python renames attributes that start with two underscores inside a class"
    if name in _SPECIAL_DUNDERS:
        return f"{name!r} has a meaning of its own in a Python class"
    return None


def module_path_problem(parts: tuple[str, ...]) -> Optional[str]:
    """Why a generated module cannot live at the dotted path *parts* below OUT, or None."""
    if parts and parts[0] in SUPPORT_MODULES:
        return f"{parts[0]!r} is the name of a support module docgen writes at the root of the package"
    for part in parts:
        if part.startswith("__") and part.endswith("__"):
            return f"{part!r} has a meaning of its own to Python's import system"
    return None


def field_attributes(documented: Sequence[str], annotation_names: frozenset[str]) -> list[str]:
    """The attribute name of each field of a class, from the names the docs give them (made
    safe): as written, unless it would shadow a name the class's annotations use or one of
    its methods (then with a trailing underscore, then more while taken)."""
    taken: set[str] = set()
    result = []
    for documented_name in documented:
        name = field_attribute(documented_name, annotation_names)
        while name in taken:
            name += "_"
        taken.add(name)
        result.append(name)
    return result


def field_attribute(documented: str, annotation_names: frozenset[str]) -> str:
    """The attribute name of a field the docs name *documented* (made safe), in a class
    whose annotations use *annotation_names*: with a trailing underscore when it would
    shadow one of them (builtin types excepted: annotations qualify those) or a method."""
    return safe_identifier(documented, (annotation_names - BUILTIN_TYPES) | METHOD_NAMES) or documented
