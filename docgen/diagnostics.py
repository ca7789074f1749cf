"""Problems found in the input, as values: collected per stage, printed by the CLI."""

from __future__ import annotations

import dataclasses
import enum
import json
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from .codes import code_of
from .spans import SourceSpan


class Severity(str, enum.Enum):
    """How bad a diagnostic is; its value is the word printed after the location."""

    #: The page (or setting) cannot be used: nothing is written.
    ERROR = "error"
    #: Written, but worth a look; fails the build under --strict.
    WARNING = "warning"
    #: Listed under -v only: something docgen recognised and did not use.
    NOTE = "note"
    #: Listed under -v; a warning (failing the build) only with --strict.
    REMARK = "remark"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


ERROR = Severity.ERROR
WARNING = Severity.WARNING
NOTE = Severity.NOTE
REMARK = Severity.REMARK


@dataclass(frozen=True, slots=True)
class Diagnostic:
    span: SourceSpan
    severity: Severity
    message: str
    hint: str = ""

    @property
    def code(self) -> str:
        """The stable code of this kind of diagnostic (``D101`` ...; see :mod:`docgen.codes`)."""
        return code_of(self.message)

    def render(self, where: Optional[Callable[[str], str]] = None) -> str:
        """``path:line:col: severity: message [code]`` and the hint; *where* maps the span's
        path to the one shown (relative to the current folder, say)."""
        path = where(self.span.path) if where else self.span.path
        text = f"{path}:{self.span.line}:{self.span.col}: {self.severity}: {self.message} [{self.code}]"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def to_json(self, where: Optional[Callable[[str], str]] = None) -> str:
        """One line of JSON: path, line, column, severity, code, message, hint."""
        fields = {
            "path": where(self.span.path) if where else self.span.path,
            "line": self.span.line,
            "column": self.span.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }
        return json.dumps(fields, ensure_ascii=False)


def error(span: SourceSpan, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(span, ERROR, message, hint)


def warning(span: SourceSpan, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(span, WARNING, message, hint)


def note(span: SourceSpan, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(span, NOTE, message, hint)


def remark(span: SourceSpan, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(span, REMARK, message, hint)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == ERROR for d in diagnostics)


def shown_as(diagnostic: Diagnostic, strict: bool, verbose: bool) -> Optional[Diagnostic]:
    """A diagnostic as a run prints it, or None when it is not shown: a remark is a warning with
    --strict and a note otherwise; notes show only under -v."""
    if diagnostic.severity == REMARK:
        diagnostic = dataclasses.replace(diagnostic, severity=WARNING if strict else NOTE)
    if diagnostic.severity == NOTE and not verbose:
        return None
    return diagnostic


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Report order: by file, line, column, then message."""
    return sorted(
        set(diagnostics),
        key=lambda d: (d.span.path, d.span.line, d.span.col, d.severity, d.message),
    )


class DocgenError(Exception):
    """The one exception that carries diagnostics (the configuration's, the manifest's, a
    type's), in the order they were found; its text is theirs, rendered."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))
