"""Names: the one place where text from a page becomes a Python identifier or module name."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from typing import Optional

#: Names a generated module binds for its own use; a field of that name would shadow
#: them inside the class body (``typing.get_type_hints`` reads class attributes first).
RUNTIME_NAMES = frozenset(
    {
        "Any",
        "Decimal",
        "Dict",
        "Enum",
        "Generator",
        "List",
        "Literal",
        "Optional",
        "Union",
        "dataclass",
        "dataclasses",
        "date",
        "datetime",
        "field",
        "requests_http",
        "typing",
        "builtins",
    }
)

#: Builtin names that generated annotations use; a field that shadows one makes the
#: class's annotations spell it ``builtins.int``.
BUILTIN_TYPES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict"})

_RESERVED = frozenset(keyword.kwlist)
#: Names SDK docs write with a trailing underscore (``str_``, ``filter_``, ``class_``).
_ESCAPED_BY_DOCS = _RESERVED | frozenset(dir(builtins))
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
    if base and name != base and (base in _ESCAPED_BY_DOCS or base in RUNTIME_NAMES):
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
