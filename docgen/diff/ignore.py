"""The ignore file: changes the user accepted, silenced by rule id, by type or field, or both.

One entry a line, ``#`` starts a comment::

    field-removed Account.connector_id   # this rule for this field
    type-added                           # this rule everywhere
    shared.Account.legacy_id             # every rule for this field (namespace optional)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from ..config import display_path
from ..diagnostics import Diagnostic, error
from ..ir import SourceSpan
from .compare import Change
from .rules import RULES

_TARGET = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$")


@dataclass(frozen=True)
class Entry:
    rule: Optional[str]
    target: tuple[str, ...]  # () for every type

    def silences(self, change: Change) -> bool:
        if self.rule is not None and self.rule != change.rule:
            return False
        if not self.target:
            return True
        n = len(self.target)
        key = tuple(change.type.split("."))
        if key[-n:] == self.target:
            return True
        return change.field is not None and n >= 2 and (key + (change.field,))[-n:] == self.target


def read(path: Path) -> tuple[list[Entry], list[Diagnostic]]:
    """The entries of an ignore file and the problems with its lines."""
    shown = display_path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not valid UTF-8"
        return [], [error(SourceSpan(shown, 1, 1), f"cannot read the ignore file: {reason}")]
    entries, problems = [], []
    for number, line in enumerate(lines, start=1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        column = len(line) - len(line.lstrip()) + 1
        entry = _entry(words)
        if isinstance(entry, str):
            problems.append(_problem(entry, words, SourceSpan(shown, number, column)))
        else:
            entries.append(entry)
    return entries, problems


def _entry(words: list[str]) -> Entry | str:
    """The entry *words* spell, or what is wrong with them."""
    if len(words) > 2:
        return "shape"
    rule = words[0] if words[0] in RULES or "-" in words[0] else None
    if rule is not None and rule not in RULES:
        return "rule"
    target = words[1] if len(words) == 2 else (words[0] if rule is None else "")
    if len(words) == 2 and rule is None or (target and not _TARGET.match(target)):
        return "shape"
    return Entry(rule, tuple(target.split(".")) if target else ())


def _problem(kind: str, words: list[str], span: SourceSpan) -> Diagnostic:
    if kind == "rule":
        return error(span, f"unknown rule {words[0]!r} in an ignore file", "rules: " + ", ".join(RULES))
    return error(
        span,
        f"ignore entry {' '.join(words)!r} is not 'RULE', 'Type.field' or 'RULE Type.field'",
        "one entry a line; '#' starts a comment",
    )


def silenced(changes: Iterable[Change], entries: list[Entry]) -> list[Change]:
    """The changes no entry silences."""
    return [c for c in changes if not any(e.silences(c) for e in entries)]
