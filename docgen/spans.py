"""Where something was written in the docs: part of the IR (docgen/ir.py), kept in a
module of its own so that what needs only spans (settings, diagnostics, the build's
record, a no-op build) does not import the whole IR."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where something was written: a spec-relative POSIX path, 1-based line and column."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"
