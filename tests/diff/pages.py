"""Pages of a small pydantic-era Speakeasy tree, written from plain data, for the diff tests.

A tree is a dict of spec-relative path -> page text; the helpers below write the pages
the way the docs generator lays them out (``# Name``, a table or a member list).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

SHARED = "models/shared"


@dataclass(frozen=True)
class Row:
    name: str
    type: str  # the Type cell, without emphasis: ``int``, ``Nullable[str]``, ``shared.Colour``
    required: bool = True
    description: str = "N/A"
    deprecated: bool = False

    def cell(self) -> str:
        """Named types are links to their pages; other types are in italics."""
        names = [part for part in _words(self.type) if part.startswith("shared.")]
        if names:
            page = names[0].split(".")[1].lower()
            return f"[{self.type}](../../{SHARED}/{page}.md)"
        return f"*{self.type}*"


def _words(text: str) -> list[str]:
    for mark in "[],":
        text = text.replace(mark, " ")
    return text.split()


def model(name: str, rows: Sequence[Row], description: str = "", deprecated: bool = False) -> str:
    title = f"~~{name}~~" if deprecated else name
    lines = [f"# {title}", ""]
    if description:
        lines += [description, ""]
    lines += ["", "## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |"]
    for row in rows:
        field = f"~~`{row.name}`~~" if row.deprecated else f"`{row.name}`"
        mark = ":heavy_check_mark:" if row.required else ":heavy_minus_sign:"
        lines.append(f"| {field} | {row.cell()} | {mark} | {row.description} |")
    return "\n".join(lines) + "\n"


def enum(name: str, values: Sequence[str], description: str = "") -> str:
    """A closed enum of string values; member names are the values in upper case."""
    lines = [f"# {name}", ""] + ([description, ""] if description else [])
    lines += ["", "## Values", "", "| Name | Value |", "| --- | --- |"]
    lines += [f"| `{value.upper()}` | {value} |" for value in values]
    return "\n".join(lines) + "\n"


def open_enum(name: str, values: Sequence[str]) -> str:
    lines = [f"# {name}", "", "", "## Values", "", "This is an open enum: values not listed here are accepted too.", ""]
    lines += [f'- `"{value}"`' for value in values]
    return "\n".join(lines) + "\n"


def union(name: str, members: Sequence[str]) -> str:
    """A union of named types of ``shared`` (``Circle``) or primitives (``str``)."""
    lines = [f"# {name}", "", "", "## Supported Types", ""]
    for member in members:
        written = f"shared.{member}" if member[0].isupper() else member
        heading = f"`{written}`"
        lines += [f"### {heading}", "", "```python", f"value: {written} = /* values here */", "```", ""]
    return "\n".join(lines)


def response(name: str, bodies: Sequence[Row]) -> str:
    """An operation response model of the 2024 layout: the three HTTP fields and the bodies."""
    http = [
        Row("content_type", "str", description="HTTP response content type for this operation"),
        Row("status_code", "int", description="HTTP response status code for this operation"),
    ]
    lines = model(name, http + [replace(body, required=False, description="OK") for body in bodies]).splitlines()
    raw = "| `raw_response` | [httpx.Response](https://www.python-httpx.org/api/#response) | :heavy_check_mark: | Raw HTTP response |"
    lines.insert(
        lines.index("| `status_code` | *int* | :heavy_check_mark: | HTTP response status code for this operation |")
        + 1,
        raw,
    )
    return "\n".join(lines) + "\n"


def page(name: str) -> str:
    return f"{SHARED}/{name.lower()}.md"


@dataclass(frozen=True)
class Op:
    """One ``## operation`` of an operation page: parameters, response type, errors table rows."""

    name: str
    parameters: tuple[Row, ...] = ()
    response: str = ""  # ``shared.Thing``, ``List[shared.Thing]``; "" for none
    errors: tuple[tuple[str, str, str], ...] = (("errors.APIError", "4XX, 5XX", "\\*/\\*"),)


def operations(group: str, ops: Sequence[Op]) -> str:
    """The operation page ``sdks/<group>/README.md`` of the pydantic era."""
    lines = [f"# {group.title()}", "", "## Overview", "", f"{group.title()} endpoints.", ""]
    for op in ops:
        lines += [f"## {op.name}", ""]
        if op.parameters:
            lines += [
                "### Parameters",
                "",
                "| Parameter | Type | Required | Description |",
                "| --- | --- | --- | --- |",
            ]
            for row in op.parameters:
                mark = ":heavy_check_mark:" if row.required else ":heavy_minus_sign:"
                lines.append(f"| `{row.name}` | {row.cell()} | {mark} | {row.description} |")
            lines.append("")
        if op.response:
            first = [w for w in _words(op.response) if w.startswith("shared.")]
            target = f"../../{SHARED}/{first[0].split('.')[1].lower()}.md" if first else "../../models/.md"
            lines += ["### Response", "", f"**[{op.response}]({target})**", ""]
        lines += ["### Errors", "", "| Error Type | Status Code | Content Type |", "| --- | --- | --- |"]
        lines += [f"| {kind} | {statuses} | {content} |" for kind, statuses, content in op.errors]
        lines.append("")
    return "\n".join(lines)
