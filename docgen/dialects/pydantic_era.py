"""What Speakeasy's pydantic-era pages say that its dataclasses-era pages do not.

* ``Nullable[X]`` is a required field that may be ``null``; ``OptionalNullable[X]`` a field
  that may be absent, ``null`` or a value (the SDK tells absent from ``null``).  Either
  contradicting its Required cell is an error, and ``OptionalNullable`` describes a field,
  never a list item or a union member.
* A field whose type admits one JSON value only (``Literal["x"]`` on a required field,
  ``Nullable[Literal[None]]``) is a constant: the SDK names it in upper case (``TAG`` for
  a documented ``tag``) and gives it that value as its default; the JSON key stays the
  documented name.
* ``__pydantic_extra__: Dict[str, X]`` is the model's additional properties, not a field
  of the JSON object.
* An open enum's ``## Values`` is a bullet list of quoted values after a sentence saying
  that values not listed are accepted.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from typing import TYPE_CHECKING, Optional, Sequence, Union

from ..diagnostics import Diagnostic, error
from ..emit import names
from ..ir import DictOf, Field, LiteralOf, Nullability, Optional_, SourceSpan, StreamOf, TypeRef
from ..walk import walk, without_optional

if TYPE_CHECKING:
    from ..read.markdown import Block  # the markdown library loads only when pages are read

#: The field name pydantic gives a model's additional properties.
ADDITIONAL_PROPERTIES = "__pydantic_extra__"

#: The namespace the docs write for the pages right inside their models folder (the flat
#: layout: ``docs/models/foo.md`` is ``models.Foo``).
FLAT_NAMESPACE = "models"

#: A sentence saying an enum accepts values it does not list.
_OPEN_SENTENCE = re.compile(r"\bopen enum\b|\bunrecogni[sz]ed values?\b|\bvalues? not listed\b", re.IGNORECASE)


def nullability_problem(ref: TypeRef, required: bool, span: SourceSpan) -> Optional[Diagnostic]:
    """An error when the Type cell's nullability contradicts the Required cell, or when
    ``OptionalNullable`` stands anywhere but at the top of a field's type."""
    nulls = ref.nulls if isinstance(ref, Optional_) else None
    if nulls is Nullability.OPTIONAL_NULLABLE and required:
        return error(
            span,
            "OptionalNullable[...] means the field may be absent, but its Required cell says required",
            "write Nullable[X] for a required field that may be null, or mark the field :heavy_minus_sign:",
        )
    if nulls is Nullability.NULLABLE and not required:
        return error(
            span,
            "Nullable[...] means the field must be present, but its Required cell says optional",
            "write OptionalNullable[X] for a field that may be absent or null, or mark it :heavy_check_mark:",
        )
    inner = without_optional(ref)
    if unset_inside(inner):
        return error(
            span,
            "OptionalNullable[...] describes a field that may be absent; it cannot stand inside another type",
            "write Nullable[X] (a value or null) inside lists, dicts and unions",
        )
    return None


def unset_inside(ref: TypeRef) -> bool:
    """Whether ``OptionalNullable`` appears anywhere in *ref* (streams not looked into)."""
    return any(
        isinstance(node, Optional_) and node.nulls is Nullability.OPTIONAL_NULLABLE
        for node in walk(ref, into=lambda node: not isinstance(node, StreamOf))
    )


def one_value(ref: TypeRef) -> Optional[tuple[Union[str, int, bool, None]]]:
    """The only JSON value a type admits, as a 1-tuple; None when it admits more."""
    if isinstance(ref, LiteralOf) and len(set(ref.values)) == 1:
        return (ref.values[0],)
    if isinstance(ref, Optional_) and isinstance(ref.inner, LiteralOf) and set(ref.inner.values) == {None}:
        return (None,)
    return None


def constant(field: Field) -> Field:
    """*field* as a constant when its type admits one value only (else unchanged): named
    in upper case as the SDK names it, with a default, so not required."""
    if one_value(field.type) is None or (not field.required and not _unset(field.type)):
        return field
    return dataclasses.replace(field, name=field.name.upper(), required=False, constant=True)


def _unset(ref: TypeRef) -> bool:
    return isinstance(ref, Optional_) and ref.nulls is Nullability.OPTIONAL_NULLABLE


def additional_properties(field: Field) -> Union[Field, Diagnostic]:
    """The ``__pydantic_extra__`` row as the model's additional properties: a dict, never
    optional (a model without additional keys has an empty one)."""
    ref = without_optional(field.type)
    if not isinstance(ref, DictOf):
        return error(
            field.span,
            f"{ADDITIONAL_PROPERTIES} holds a model's additional properties: its type must be Dict[str, X]",
            "write Dict[str, X], X being the type of every additional value",
        )
    return dataclasses.replace(field, type=ref, required=False, additional=True)


# --- open enums ---------------------------------------------------------------------------


def says_open(text: str) -> bool:
    """Whether *text* says an enum is open (takes values it does not list)."""
    return _OPEN_SENTENCE.search(text) is not None


def is_value_list(blocks: Sequence["Block"]) -> bool:
    """Whether a ``## Values`` section lists its values as bullets rather than a table."""
    return any(b.kind == "paragraph" and b.info for b in blocks) and not any(b.table is not None for b in blocks)


def open_enum_values(
    blocks: Sequence["Block"], section_span: SourceSpan
) -> tuple[list[tuple[str, Union[str, int], SourceSpan]], list[Diagnostic]]:
    """(member name, value, span) of each bullet of an open enum's list, and the problems."""
    problems: list[Diagnostic] = []
    intro = [b for b in blocks if b.kind == "paragraph" and not b.info]
    if not any(_OPEN_SENTENCE.search(b.text) for b in intro):
        problems.append(
            error(
                section_span,
                "a Values list without a sentence saying the enum is open",
                'an open enum says so before its list ("This is an open enum: values not listed are '
                'accepted."); a closed enum lists its values in a "Name | Value" table',
            )
        )
    values: list[tuple[str, Union[str, int], SourceSpan]] = []
    for block in blocks:
        if block.kind != "paragraph" or not block.info:
            continue
        value = _quoted_value(block.text)
        if value is None:
            problems.append(
                error(
                    block.span,
                    f"open enum value {block.text!r} is not a quoted string or an integer",
                    'write each value as `"value"` (a string) or `1` (an integer)',
                )
            )
            continue
        values.append((names.enum_member_name(str(value)), value, block.span))
    if len({type(value) for _, value, _ in values}) > 1:
        problems.append(error(section_span, "open enum mixes string and integer values", "quote every value, or none"))
    return values, problems


def _quoted_value(text: str) -> Optional[Union[str, int]]:
    text = text.strip()
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    if isinstance(value, str) and not (text[:1] in "\"'" and text[-1:] == text[:1]):
        return None
    return value
