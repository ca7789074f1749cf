"""The changes as the user asked for them: text lines as a compiler prints them, JSON, or markdown."""

from __future__ import annotations

import json
from typing import Callable, Optional, Sequence

from ..ir import SourceSpan
from ..report import counted
from .compare import Change
from .rules import Level

#: Maps (which tree, a page path of that tree) to the path shown.
Where = Callable[[str, str], str]


def ordered(changes: Sequence[Change]) -> list[Change]:
    """Errors first, then warnings, then info; by type, field and rule within a level."""
    return sorted(changes, key=lambda c: (-c.level, c.type, c.field or "", c.rule, c.text))


def _place(change: Change, where: Where) -> tuple[str, SourceSpan]:
    """The tree and span a change is shown at: the new one, the old one for what was removed."""
    return ("new", change.new) if change.new is not None else ("old", change.old)  # type: ignore[return-value]


def _located(change: Change, where: Where) -> str:
    tree, span = _place(change, where)
    return f"{where(tree, span.path)}:{span.line}:{span.col}"


def summary(changes: Sequence[Change]) -> str:
    """``2 errors, 1 warning, 5 info``, or ``no changes``."""
    if not changes:
        return "no changes"
    counts = [sum(c.level is level for c in changes) for level in (Level.ERROR, Level.WARNING, Level.INFO)]
    return f"{counted(counts[0], 'error')}, {counted(counts[1], 'warning')}, {counts[2]} info"


def text(changes: Sequence[Change], where: Where) -> str:
    lines = [f"{_located(c, where)}: {c.level}[{c.rule}]: {c.text}" for c in ordered(changes)]
    return "".join(line + "\n" for line in lines)


def _span_json(span: Optional[SourceSpan], tree: str, where: Where) -> Optional[dict[str, object]]:
    if span is None:
        return None
    return {"path": where(tree, span.path), "line": span.line, "column": span.col}


def as_json(changes: Sequence[Change], where: Where) -> str:
    rows = [
        {
            "id": c.rule,
            "level": str(c.level),
            "type": c.type,
            "field": c.field,
            "message": c.text,
            "old": _span_json(c.old, "old", where),
            "new": _span_json(c.new, "new", where),
        }
        for c in ordered(changes)
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(changes: Sequence[Change], where: Where, title: str) -> str:
    """A table for a pull request comment or release notes, the summary above it."""
    lines = [f"### {_cell(title)}", "", f"**{summary(changes)}**", ""]
    if changes:
        lines += ["| Level | Rule | Change | Where |", "| --- | --- | --- | --- |"]
        for c in ordered(changes):
            lines.append(f"| {c.level} | `{c.rule}` | {_cell(c.text)} | `{_cell(_located(c, where))}` |")
    return "\n".join(lines) + "\n"
