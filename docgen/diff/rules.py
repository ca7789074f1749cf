"""The rules of ``docgen diff``: each kind of change, with a stable id and a level per direction.

A type is *received* when users read it (reachable from an operation's response), *sent*
when they write it (reachable from an operation's request).  A change breaks users in one
direction and not in the other: a field that became required breaks those who send the
model, not those who receive it.  A type used both ways, or whose use the docs do not
show, gets the stricter of the two levels.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Iterable


class Level(enum.IntEnum):
    """How much a change matters to users; ordered, so ``--fail-on`` compares levels."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


class Direction(enum.Enum):
    RECEIVED = "received"
    SENT = "sent"


#: The use of a type the docs do not show: both directions, so the stricter level applies.
UNKNOWN = frozenset(Direction)

E, W, I = Level.ERROR, Level.WARNING, Level.INFO  # noqa: E741 - the table below reads better


@dataclass(frozen=True)
class Rule:
    id: str
    received: Level  # the level when the type is received
    sent: Level  # the level when the type is sent
    summary: str  # one line for the README and --help

    def level(self, use: Iterable[Direction]) -> Level:
        """The level of this change in a type of *use* (empty: unknown, the stricter level)."""
        levels = [self.received if d is Direction.RECEIVED else self.sent for d in use]
        return max(levels) if levels else max(self.received, self.sent)


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("type-removed", E, E, "a model, enum or union is no longer documented"),
        Rule("field-removed", E, E, "a field of a model is gone"),
        Rule("field-became-required", I, E, "an optional field became required"),
        Rule("required-field-added", I, E, "a model gained a required field"),
        Rule(
            "field-type-changed",
            E,
            E,
            "a field's type rejects values the old type accepted (sent), or admits new ones (received)",
        ),
        Rule("field-became-not-nullable", I, E, "a field no longer accepts null"),
        Rule("field-became-nullable", E, I, "a field may now be null"),
        Rule("enum-value-removed", E, E, "an enum lost a value"),
        Rule("union-member-removed", E, E, "a union lost a member type"),
        Rule("operation-removed", E, E, "an operation is no longer documented"),
        Rule("operation-response-changed", E, E, "an operation's response or errors changed"),
        Rule(
            "operation-parameters-changed",
            E,
            E,
            "an operation's parameter was removed, added as required, became required or changed type",
        ),
        Rule("enum-value-added", W, I, "a closed enum gained a value (an open enum: info)"),
        Rule("union-member-added", W, I, "a union gained a member type"),
        Rule("field-became-optional", W, I, "a required field became optional"),
        Rule("type-added", I, I, "a new model, enum or union"),
        Rule("field-added", I, I, "a model gained an optional field"),
        Rule("field-deprecated", I, I, "a field is now deprecated"),
        Rule("type-deprecated", I, I, "a type is now deprecated"),
        Rule("description-changed", I, I, "the description of a type or field changed"),
        Rule("operation-added", I, I, "a new operation"),
        Rule("operation-parameter-added", I, I, "an operation gained an optional parameter"),
        Rule("operation-parameter-became-optional", I, I, "an operation's required parameter became optional"),
    )
}
