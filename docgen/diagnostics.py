"""Problems found in the input, as values: collected per stage, printed by the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .ir import SourceSpan

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # listed under -v only: something docgen recognised and did not use
REMARK = "remark"  # listed under -v; a warning (failing the build) only with --strict


@dataclass(frozen=True, slots=True)
class Diagnostic:
    span: SourceSpan
    severity: str  # ERROR, WARNING, NOTE or REMARK
    message: str
    hint: str = ""

    def render(self) -> str:
        text = f"{self.span}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


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


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Report order: by file, line, column, then message."""
    return sorted(
        set(diagnostics),
        key=lambda d: (d.span.path, d.span.line, d.span.col, d.severity, d.message),
    )


class DocgenError(Exception):
    """Raised once at the end of a stage that found errors; carries all of them."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted_diagnostics(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))
