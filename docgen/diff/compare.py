"""Two resolved IRs compared: every change, with its rule and its level for the type's use.

Types are matched by key (namespace and name), fields by wire name (a field whose Python
name changed and whose JSON key did not is the same field), enum members by value, union
members by type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..ir import Decl, Enum, Field, Model, Nullability, Optional_, SourceSpan, Spec, TypeRef, Union_
from ..walk import without_optional
from .direction import uses
from .operations import compare_operations
from .rules import RULES, UNKNOWN, Direction, Level
from .types import Types, shown

_KIND = {Model: "a model", Enum: "an enum", Union_: "a union"}


@dataclass(frozen=True)
class Change:
    rule: str
    level: Level
    type: str  # the type's key, ``models.shared.Account`` (an operation's name for operation rules)
    field: Optional[str]  # the field's Python name, or None for a change of the type itself
    text: str
    old: Optional[SourceSpan]
    new: Optional[SourceSpan]

    @property
    def span(self) -> SourceSpan:
        """Where the change is shown: in the new docs, or the old for what was removed."""
        return self.new if self.new is not None else self.old  # type: ignore[return-value]


class _Comparison:
    def __init__(self, old: Spec, new: Spec) -> None:
        self.old_spec, self.new_spec = old, new
        self.old, self.new = old.decls(), new.decls()
        self.use = uses(old, new)
        self.changes: list[Change] = []

    def add(
        self,
        rule: str,
        key: str,
        field: Optional[str],
        text: str,
        old: Optional[SourceSpan],
        new: Optional[SourceSpan],
        levels: Optional[tuple[Level, Level]] = None,
    ) -> None:
        use = self.use.get(key, UNKNOWN)
        if levels is None:
            level = RULES[rule].level(use)
        else:
            received, sent = levels
            level = max(received if d is Direction.RECEIVED else sent for d in use)
        self.changes.append(Change(rule, level, key, field, text, old, new))

    def run(self) -> list[Change]:
        for key in sorted(self.old.keys() - self.new.keys()):
            decl = self.old[key]
            self.add("type-removed", key, None, f"{decl.name} was removed", decl.span, None)
        for key in sorted(self.new.keys() - self.old.keys()):
            decl = self.new[key]
            self.add("type-added", key, None, f"{decl.name} was added ({_KIND[type(decl)]})", None, decl.span)
        for key in sorted(self.old.keys() & self.new.keys()):
            self.decl(self.old[key], self.new[key])
        compare_operations(self.old_spec, self.new_spec, self)
        return self.changes

    def decl(self, old: Decl, new: Decl) -> None:
        key, name = new.key, new.name
        if type(old) is not type(new):
            text = f"{name} was {_KIND[type(old)]} and is now {_KIND[type(new)]}"
            self.add("type-removed", key, None, text, old.span, new.span)
            return
        if new.deprecated and not old.deprecated:
            self.add("type-deprecated", key, None, f"{name} is deprecated", old.span, new.span)
        if _words(old.description) != _words(new.description):
            self.add("description-changed", key, None, f"the description of {name} changed", old.span, new.span)
        if isinstance(old, Model):
            self.model(old, new)  # type: ignore[arg-type]
        elif isinstance(old, Enum):
            self.enum(old, new)  # type: ignore[arg-type]
        else:
            self.union(old, new)  # type: ignore[arg-type]

    def model(self, old: Model, new: Model) -> None:
        before = {f.wire_name: f for f in old.fields}
        after = {f.wire_name: f for f in new.fields}
        for wire, f in before.items():
            if wire not in after:
                self.add("field-removed", old.key, f.name, f"{old.name}.{f.name} was removed", f.span, None)
        for wire, f in after.items():
            if wire not in before:
                rule, what = ("required-field-added", "required") if f.required else ("field-added", "optional")
                self.add(rule, new.key, f.name, f"{new.name}.{f.name} was added ({what})", None, f.span)
            else:
                self.field(new, before[wire], f)

    def field(self, model: Model, old: Field, new: Field) -> None:
        key, name = model.key, f"{model.name}.{new.name}"

        def add(rule: str, text: str, levels: Optional[tuple[Level, Level]] = None) -> None:
            self.add(rule, key, new.name, text, old.span, new.span, levels)

        if old.required and not new.required:
            add("field-became-optional", f"{name} is no longer required")
        elif new.required and not old.required:
            add("field-became-required", f"{name} is now required")
        nulls_before, nulls_after = _nullable(old), _nullable(new)
        if nulls_after and not nulls_before and not _absence_only(old, new):
            add("field-became-nullable", f"{name} may now be null")
        elif nulls_before and not nulls_after and not _absence_only(new, old):
            add("field-became-not-nullable", f"{name} no longer accepts null")
        # nullability has rules of its own: the types are compared inside Optional[...]
        self.field_type(without_optional(old.type), without_optional(new.type), add, name)
        if new.deprecated and not old.deprecated:
            add("field-deprecated", f"{name} is deprecated")
        if _words(old.description) != _words(new.description):
            add("description-changed", f"the description of {name} changed")

    def field_type(self, old: TypeRef, new: TypeRef, add, name: str) -> None:  # type: ignore[no-untyped-def]
        if old == new:
            return
        narrowed = not Types(self.new, self.old).covers(new, old)  # an old value the new type rejects
        widened = not Types(self.old, self.new).covers(old, new)  # a new value the old type rejects
        if not narrowed and not widened:
            return
        levels = (Level.ERROR if widened else Level.INFO, Level.ERROR if narrowed else Level.INFO)
        how = "narrowed" if not widened else "widened" if not narrowed else "changed"
        text = f"{name} {how} from {shown(old, self.old)} to {shown(new, self.new)}"
        add("field-type-changed", text, levels)

    def enum(self, old: Enum, new: Enum) -> None:
        before = {m.value: m for m in old.members}
        after = {m.value: m for m in new.members}
        for value, member in before.items():
            if value not in after:
                text = f"{old.name} lost the value {value!r}"
                self.add("enum-value-removed", old.key, None, text, member.span, None)
        added_levels = (Level.INFO, Level.INFO) if new.open else None
        for value, member in after.items():
            if value not in before:
                text = f"{new.name} gained the value {value!r}" + (" (an open enum)" if new.open else "")
                self.add("enum-value-added", new.key, None, text, None, member.span, added_levels)

    def union(self, old: Union_, new: Union_) -> None:
        for member in old.members:
            if member not in new.members:
                text = f"{old.name} lost the member {shown(member, self.old)}"
                self.add("union-member-removed", old.key, None, text, old.span, None)
        for member in new.members:
            if member not in old.members:
                text = f"{new.name} gained the member {shown(member, self.new)}"
                self.add("union-member-added", new.key, None, text, None, new.span)


def _words(text: str) -> str:
    return " ".join(text.split())


def _nullable(f: Field) -> bool:
    return isinstance(f.type, Optional_)


def _absence_only(before: Field, after: Field) -> bool:
    """``Optional[X]`` on a field that just stopped being required says it may be absent:
    the change is the required flag's, not a new null."""
    return (
        before.required
        and not after.required
        and isinstance(after.type, Optional_)
        and after.type.nulls is Nullability.OPTIONAL
    )


def compare(old: Spec, new: Spec) -> list[Change]:
    """Every change from *old* to *new*, types in key order."""
    return _Comparison(old, new).run()
