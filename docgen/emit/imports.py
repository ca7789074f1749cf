"""Imports: what one generated module imports, and the lines that import it.

The :class:`Imports` record is filled while a module's annotations and functions are
spelled (:mod:`docgen.emit.spelling`, :mod:`docgen.emit.parsers`) and then written as
isort orders import lines: the standard library, the package's support modules, and
the package's own modules (models at the module's end, see :mod:`docgen.emit.modules`).
Part of stage 6 (emit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..primitives import primitive
from . import names, parsers

RUNTIME_MODULE = "requests_http"

#: The support module of ``UNSET`` and the ``Nullable``/``OptionalNullable`` aliases.
UNSET_MODULE = "_unset"


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


def split_module(where: str) -> tuple[str, str]:
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
        (package, module, f"from {package} import {module}" + (f" as {alias}" if alias != module else ""))
        for alias, (package, module) in aliases.items()
    ]
    return [line for _, _, line in sorted(entries, key=lambda e: (_module_order(e[0]), e[1]))]
