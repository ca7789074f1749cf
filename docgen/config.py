"""Configuration: the ``[tool.docgen]`` table of ``pyproject.toml``, under the command line.

docgen reads the nearest ``pyproject.toml``: the one in the current folder, else in
its parents, stopping at the top of the repository (a folder holding ``.git``).  Paths
in it are relative to the folder of that file.  Flags on the command line override it.

```toml
[tool.docgen]
specs = "docs/models"            # folder of pages (SPECS)
out = "src/acme/models"          # output folder (OUT)
package = "acme.models"          # import name of OUT; checked against OUT's path
wire-naming = "camelCase"        # or "as-documented" (the default)
templates = "docgen-templates"   # templates here override docgen's by file name
strict = false                   # warnings fail the build
allow-nan = false                # float fields accept NaN and infinities (not JSON)
dialect = "speakeasy-pydantic"   # the docs' flavour (default: detected from the pages)
include = ["models/**"]          # globs of pages to read, relative to specs ("**" spans folders)
exclude = ["sdks"]               # globs of pages to leave out (a folder leaves out all below it)
keep-going = false               # on errors, still write every module no failed page touches
wire-matching = "tolerant"       # or "exact": only each field's wire name is read
open-enums = false               # true, or ["[namespace.]Enum", ...]: enums keep values they do not list
diff-ignore = "docs-changes.ignore"  # changes `docgen diff` does not report
max-page-size = 67108864         # the largest page read, in bytes (the default: 64 MiB)

[tool.docgen.wire-names]         # per-field JSON names: "[namespace.]Type.field"
"shared.Foo.date_time" = "dateTime"

[tool.docgen.nullable]           # fields that may be null although their page does not say so
"shared.Foo.tags" = true         # "Type.*" = true: every field of Type

[tool.docgen.statuses]           # the response status a body field stands for
"operations.GetUsageResponse.error" = "4XX"

[tool.docgen.sentinels]          # the event data that ends a stream field or operation's stream
"operations.ChatResponse.chat_completion_stream" = "[DONE]"

[tool.docgen.operation-statuses] # the success statuses of an operation (the pages say none)
"errors.status_get_error" = ["2XX", "300"]
```

This module only reads settings; the passes that apply them to the IR (wire names,
statuses, sentinels) are in :mod:`docgen.passes.settings`.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from . import json_settings, operation_settings
from .diagnostics import Diagnostic, DocgenError, error
from .dialects import names as dialect_names
from .emit import names
from .read.sources import MAX_PAGE_BYTES
from .spans import SourceSpan

PYPROJECT = "pyproject.toml"
AS_DOCUMENTED, CAMEL_CASE = "as-documented", "camelCase"
WIRE_NAMINGS = (AS_DOCUMENTED, CAMEL_CASE)
TOLERANT, EXACT = "tolerant", "exact"
WIRE_MATCHINGS = (TOLERANT, EXACT)
#: Every key of ``[tool.docgen]``, with the line ``docgen --help`` shows for it.
KEYS: dict[str, str] = {
    "specs": "folder of markdown pages (SPECS)",
    "out": "folder of the generated package (OUT)",
    "package": "import name of OUT; docgen checks that OUT's path ends in its folders",
    "wire-naming": 'JSON names of fields: "as-documented" (the default) or "camelCase"',
    "wire-names": 'table of per-field JSON names: "[namespace.]Type.field" = "name"',
    "statuses": 'table of the response status a body field stands for: "Type.field" = "4XX"',
    "sentinels": 'table of the event data that ends an event stream: "Type.field" or "group.operation" = "[DONE]"',
    "operation-statuses": 'table of an operation\'s success statuses: "group.operation" = ["2XX", "300"] (or {"200" = "Member"})',
    "templates": "folder of templates that override docgen's of the same file name",
    "strict": "true: warnings fail the build",
    "allow-nan": "true: float fields accept NaN and the infinities (which JSON does not have)",
    "dialect": "the docs' flavour, a registered dialect's name (default: detected from the pages)",
    "include": "list of globs (relative to SPECS) of the pages to read; all pages when empty",
    "exclude": "list of globs (relative to SPECS) of the pages to leave out",
    "keep-going": "true: on page errors, still write every module that depends on no failed page",
    "wire-matching": '"tolerant" (the default): a missing key is looked for up to case and separators; "exact"',
    "nullable": 'table of fields that may be null though their page does not say so: "Type.field" = true',
    "open-enums": 'true, or a list of "[namespace.]Enum": enums keep the values they do not list',
    "diff-ignore": "file of the changes 'docgen diff' does not report (rule ids, Type.field)",
    "max-page-size": f"the largest page docgen reads, in bytes (default {MAX_PAGE_BYTES}, 64 MiB)",
}


@dataclass(frozen=True)
class FieldOverride:
    """One per-field setting: ``"shared.Foo.date_time" = "dateTime"``, and where it was written."""

    target: str
    value: str
    span: SourceSpan


@dataclass(frozen=True)
class Settings:
    specs: Optional[Path] = None
    out: Optional[Path] = None
    package: Optional[str] = None
    wire_naming: str = AS_DOCUMENTED
    wire_names: tuple[FieldOverride, ...] = ()
    statuses: tuple[FieldOverride, ...] = ()  # the response status a body field stands for
    sentinels: tuple[FieldOverride, ...] = ()  # the event data that ends a stream field
    templates: Optional[Path] = None
    strict: bool = False
    allow_nan: bool = False  # float accepts NaN and the infinities
    include: tuple[str, ...] = ()  # globs of the pages to read (all when empty)
    exclude: tuple[str, ...] = ()  # globs of the pages to leave out
    keep_going: bool = False  # write what does not depend on a failed page
    dialect: Optional[str] = None  # a registered dialect's name; None: detected from the pages
    max_page_size: int = MAX_PAGE_BYTES  # the largest page read, in bytes
    source: Optional[Path] = None  # the pyproject.toml the settings came from
    wire_matching: str = TOLERANT  # how generated parsers find a field's key
    nullable: tuple[FieldOverride, ...] = ()  # fields that may be null: "Type.field" or "Type.*" (value "true")
    open_enums: tuple[FieldOverride, ...] = ()  # enums opened: target "*" for all, else "[namespace.]Enum"
    diff_ignore: Optional[Path] = None  # the ignore file of ``docgen diff``
    operation_statuses: tuple[operation_settings.OperationStatuses, ...] = ()  # success statuses by operation

    def fingerprint(self) -> str:
        """What of the settings shapes the generated files (paths and strictness do not)."""
        overrides = ";".join(f"{w.target}={w.value}" for w in sorted(self.wire_names, key=lambda w: w.target))
        statuses = ";".join(f"{w.target}={w.value}" for w in sorted(self.statuses, key=lambda w: w.target))
        sentinels = ";".join(f"{w.target}={w.value}" for w in sorted(self.sentinels, key=lambda w: w.target))
        nan = ";allow-nan" if self.allow_nan else ""
        chosen = f";dialect={self.dialect}" if self.dialect else ""
        reading = ";".join(
            [f"wire-matching={self.wire_matching}"]
            + sorted(f"nullable={n.target}" for n in self.nullable)
            + sorted(f"open={o.target}" for o in self.open_enums)
        )
        successes = "".join(
            f";success={o.target}={','.join(o.statuses)}:{','.join(o.members)}"
            for o in sorted(self.operation_statuses, key=lambda o: o.target)
        )
        return (
            f"wire-naming={self.wire_naming};{overrides};statuses={statuses};sentinels={sentinels}{chosen}{nan};"
            f"{reading}{successes}"
        )


class ConfigError(DocgenError):
    """The configuration is wrong; carries every problem found in it."""


def find_pyproject(start: Path) -> Optional[Path]:
    """The nearest pyproject.toml in *start* or its parents, not above the repository's top."""
    folder = start.resolve()
    while True:
        candidate = folder / PYPROJECT
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def display_path(path: Path) -> str:
    """*path* as messages show it: relative to the current folder when it is below it,
    else absolute (so that ``path:line:col`` can be followed from where the user stands)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(os.path.abspath(path)).as_posix()


def load(path: Path) -> Settings:
    """The ``[tool.docgen]`` settings of one pyproject.toml; raises :class:`ConfigError`."""
    if sys.version_info >= (3, 11):  # imported here: a build with no pyproject.toml need not pay for it
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError([error(SourceSpan(shown, 1, 1), f"cannot read {PYPROJECT}: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise ConfigError([error(SourceSpan(shown, 1, 1), f"{PYPROJECT} is not valid UTF-8")]) from None
    except tomllib.TOMLDecodeError as exc:
        line, col = _toml_error_place(str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(exc))
        raise ConfigError([error(SourceSpan(shown, line, col), f"invalid TOML: {message}")]) from None
    except (ValueError, RecursionError) as exc:  # an integer of too many digits, values nested too deeply
        reason = "values nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ConfigError([error(SourceSpan(shown, 1, 1), f"{PYPROJECT} cannot be read: {reason}")]) from None
    where = _Locator(shown, text)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(
            [error(where.span("", "tool"), "'tool' must be a table ([tool.docgen] holds docgen's settings)")]
        )
    table = tool.get("docgen")
    if table is None:
        return Settings(source=path)
    return _settings(table, where, path.parent)


def _toml_error_place(message: str) -> tuple[int, int]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


class _Locator:
    """Finds the line of a key in pyproject.toml's text, for diagnostics (tomllib keeps none)."""

    _HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def span(self, table: str, key: str) -> SourceSpan:
        current = ""
        wanted = re.compile(r"^(\s*)(" + re.escape(key) + r'|"' + re.escape(key) + r'"|\'' + re.escape(key) + r"')\s*=")
        header_line = 0
        for number, line in enumerate(self.lines, start=1):
            header = self._HEADER.match(line)
            if header:
                current = header.group(1).replace('"', "").replace(" ", "")
                if current == f"{table}.{key}":  # the key written as a table of its own
                    return SourceSpan(self.path, number, 1)
                if current == table:
                    header_line = number
                continue
            match = wanted.match(line)
            if match and current == table:
                return SourceSpan(self.path, number, len(match.group(1)) + 1)
        return SourceSpan(self.path, header_line or 1, 1)


def _settings(table: Any, where: _Locator, base: Path) -> Settings:
    problems: list[Diagnostic] = []
    values: dict[str, Any] = {"source": base / PYPROJECT}
    here = "tool.docgen"
    if not isinstance(table, dict):
        raise ConfigError([error(where.span("tool", "docgen"), "[tool.docgen] must be a table")])
    for key in table:
        if key not in KEYS:
            problems.append(
                error(where.span(here, key), f"unknown key {key!r} in [tool.docgen]", "known keys: " + ", ".join(KEYS))
            )

    def text(key: str) -> Optional[str]:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            problems.append(error(where.span(here, key), f"'{key}' must be a non-empty string"))
            return None
        return value

    for key in ("specs", "out", "templates", "diff-ignore"):
        if text(key) is not None:
            values[key.replace("-", "_")] = base / table[key]
    _names(text("package"), text("wire-naming"), where, problems, values)
    values["dialect"] = _known_dialect(text("dialect"), where.span(here, "dialect"), problems)
    for key in ("strict", "allow-nan", "keep-going"):
        if key in table:
            if not isinstance(table[key], bool):
                problems.append(error(where.span(here, key), f"'{key}' must be true or false"))
            values[key.replace("-", "_")] = bool(table[key])
    for key in ("include", "exclude"):
        values[key] = _globs(table, key, where, problems)
    if "max-page-size" in table:
        size = table["max-page-size"]
        if type(size) is not int or size < 1:
            problems.append(
                error(where.span(here, "max-page-size"), "'max-page-size' must be a positive number of bytes")
            )
        else:
            values["max_page_size"] = size
    values["wire_names"] = _field_table(table, "wire-names", "name", where, problems)
    values["statuses"] = _field_table(table, "statuses", "status", where, problems)
    values["sentinels"] = _field_table(table, "sentinels", "sentinel", where, problems)
    problems.extend(_unknown_statuses(values["statuses"]))
    json_settings.read(table, where.span, problems, values)
    values["operation_statuses"] = operation_settings.read(table, where.span, problems)
    if problems:
        raise ConfigError(problems)
    return Settings(**values)


def _names(
    package: Optional[str], naming: Optional[str], where: _Locator, problems: list[Diagnostic], values: dict[str, Any]
) -> None:
    """``package`` (a dotted Python name) and ``wire-naming`` (one of :data:`WIRE_NAMINGS`)."""
    here = "tool.docgen"
    if package is not None:
        if not is_package_name(package):
            problems.append(error(where.span(here, "package"), f"package {package!r} is not a dotted Python name"))
        values["package"] = package
    if naming is not None:
        if naming not in WIRE_NAMINGS:
            problems.append(
                error(
                    where.span(here, "wire-naming"),
                    f"unknown wire-naming {naming!r}",
                    "use " + " or ".join(repr(n) for n in WIRE_NAMINGS),
                )
            )
        values["wire_naming"] = naming


def _unknown_statuses(statuses: tuple[FieldOverride, ...]) -> list[Diagnostic]:
    from .emit import responses  # only when statuses are set: it loads the template views

    return [
        error(
            status.span,
            f"unknown status {status.value!r}",
            'write a code ("404"), a class ("4XX"), a phrase or "default"',
        )
        for status in statuses
        if responses.status_range(status.value) is None
    ]


def _globs(table: dict[str, Any], key: str, where: _Locator, problems: list[Diagnostic]) -> tuple[str, ...]:
    """``include``/``exclude``: a list of non-empty glob strings (a single string is one glob)."""
    value = table.get(key, [])
    globs = [value] if isinstance(value, str) else value
    if not isinstance(globs, list) or not all(isinstance(g, str) and g.strip() for g in globs):
        problems.append(error(where.span("tool.docgen", key), f"'{key}' must be a list of globs", 'e.g. ["sdks"]'))
        return ()
    return tuple(globs)


def _known_dialect(name: Optional[str], span: SourceSpan, problems: list[Diagnostic]) -> Optional[str]:
    if name is not None and name not in dialect_names.NAMES:
        problems.append(error(span, dialect_names.unknown(name)))
    return name


def _field_table(
    table: dict[str, Any], key: str, what: str, where: _Locator, problems: list[Diagnostic]
) -> tuple[FieldOverride, ...]:
    """A ``[tool.docgen.KEY]`` table of ``"[namespace.]Type.field" = "text"`` entries."""
    here = "tool.docgen"
    entries = table.get(key, {})
    if not isinstance(entries, dict):
        problems.append(error(where.span(here, key), f'\'{key}\' must be a table of "Type.field" = "{what}"'))
        return ()
    found = []
    for target, value in entries.items():
        span = where.span(f"{here}.{key}", target)
        if span.line == 1 and span.col == 1:
            span = where.span(here, key)
        if not isinstance(value, str) or not value:
            problems.append(error(span, f"{what} for {target!r} must be a non-empty string"))
        elif len(target.split(".")) < 2:
            problems.append(error(span, f'{key} key {target!r} must name a field: "[namespace.]Type.field"'))
        else:
            found.append(FieldOverride(target, value, span))
    return tuple(found)


def is_package_name(text: str) -> bool:
    return all(names.is_identifier(part) for part in text.split("."))


def merge(settings: Settings, **flags: Any) -> Settings:
    """*settings* with every flag given on the command line (not None) put over it."""
    given = {key: value for key, value in flags.items() if value is not None}
    return dataclasses.replace(settings, **given)


def check_package(settings: Settings, out: Path) -> Optional[str]:
    """Why OUT's path does not end in the package's folders, or None when it does."""
    if not settings.package:
        return None
    parts = settings.package.split(".")
    tail = Path(os.path.abspath(out)).parts[-len(parts) :]
    if list(tail) != parts:
        return (
            f"package {settings.package!r} is imported from a folder ending in {'/'.join(parts)}, "
            f"but OUT is {out}; change 'out' or 'package'"
        )
    return None
