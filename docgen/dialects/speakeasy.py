"""Speakeasy's Python SDK docs: the dataclasses era and the pydantic era.

Both write one page per type (``docs/models/<namespace>/<type>.md``): ``# Name``, then
``## Fields`` (``Field | Type | Required | Description | Example``), ``## Values``
(``Name | Value``) or ``## Supported Types`` (one ``### Member`` heading and a python
code block per member).  The rules that recover the code from a page:

* ``date`` and ``datetime`` are swapped in Type cells (the docs generator's long-standing
  slip), so ``[date](...#date-objects)`` means ``datetime`` and the reverse (only where
  the name is the link text to the Python docs; inside a union's link text or code block
  the names are right);
* an Example cell of ``<nil>`` (the docs generator's spelling of null) means the field
  admits null: ``Optional[X]``, required or not;
* a ``:heavy_minus_sign:`` Required cell makes the field ``Optional[X] = None`` even where
  the Type cell shows no ``Optional``;
* a field name the SDK escapes (``class_``, ``str_``) is documented escaped: its JSON
  name is the name without the underscore;
* a model with ``content_type``, ``status_code`` and ``raw_response: requests.Response``
  is an operation's response;
* an enum whose values are all integer literals is an ``int`` enum, otherwise ``str``;
* ``~~Name~~`` marks a deprecated field or type.

The pydantic era adds ``Nullable[X]``/``OptionalNullable[X]`` and
``eventstreaming.EventStream[X]``, and writes union member headings as code.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, Iterator, Mapping, Optional, Union

from ..emit.names import ESCAPED_BY_DOCS
from ..ir import FileKind, Nullability, StreamKind
from . import pydantic_era
from .dialect import DESCRIPTION, ENUM, EXAMPLE, HEAD, MODEL, NAME, REQUIRED, TYPE, UNION, Dialect

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..ir import Field, SourceSpan
    from ..read.markdown import Cell, Page, Section, Table


class SpeakeasyDataclasses(Dialect):
    """Speakeasy's Python docs of the dataclasses era (``Optional[X]``, ``Generator[X]``)."""

    name = "speakeasy-dataclasses"
    family = "speakeasy"
    sections = {"Fields": MODEL, "Values": ENUM, "Supported Types": UNION}
    layout_sections = frozenset({"example usage", "overview", "usage", "example", "examples", "description"})
    readme_pages = frozenset({"README.md", "USAGE.md"})
    operations_folder = "sdks"  # docs/sdks/<group>/README.md
    helpers_folder = "utils"  # docs/models/utils/retryconfig.md: RetryConfig is no model of the API
    field_columns = {
        NAME: ("field", "name"),
        TYPE: ("type",),
        REQUIRED: ("required",),
        DESCRIPTION: ("description",),
        EXAMPLE: ("example",),
    }
    required_marks = {":heavy_check_mark:": True, ":heavy_minus_sign:": False}
    null_examples = frozenset({"<nil>"})
    no_description = frozenset({"N/A", ""})
    deprecation_banner = re.compile(r"^:\s*warning\s*:\s*\*\*\s*DEPRECATED\s*\*\*\s*:\s*", re.IGNORECASE)
    union_member_code = re.compile(r"^\s*[A-Za-z_][\w]*\s*:\s*(?P<type>.+?)\s*=\s*/\*", re.DOTALL)
    union_member_example = "value: shared.Foo = /* values here */"
    stream_heads: ClassVar[tuple[str, ...]] = ("Generator",)
    http_response_names = frozenset({"requests.Response", "requests_http.Response", "httpx.Response"})
    unrooted_link_prefix = "undefined/"  # a template's docs root left unset
    http_request_names = frozenset(
        {"requests.Request", "requests.PreparedRequest", "requests_http.Request", "httpx.Request"}
    )
    binary_file_names = frozenset(
        {"io.BufferedReader", "BufferedReader", "io.IOBase", "IOBase", "BinaryIO", "typing.BinaryIO"}
    )
    file_kinds: ClassVar[Mapping[str, FileKind]] = {
        "io.BufferedReader": FileKind.BUFFERED_READER,
        "BufferedReader": FileKind.BUFFERED_READER,
        "io.IOBase": FileKind.IO_BASE,
        "IOBase": FileKind.IO_BASE,
    }
    external_link_names: ClassVar[Mapping[str, str]] = {"date": "datetime", "datetime": "date"}
    response_fields = ("content_type", "status_code", "raw_response")
    parameter_columns: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "name": ("parameter",),
        "type": ("type",),
        "required": ("required",),
        "description": ("description",),
    }
    wrapper_headers_field = "headers"  # ``headers: Dict[str, List[str]]`` of a pydantic-era response model
    wrapper_body_field = "result"  # the page of a paginated operation's response model
    wrapper_meta_field = "http_meta"  # ``HTTPMetadata``: the response, and the request sent
    placeholder_links = ("/.md",)  # ``[List[str]](../../models/.md)``: the docs link every type

    def namespace_of(self, page: str) -> str:
        """The folder's last part; ``models`` for a page right in the folder being built
        (the flat layout's ``models.Foo``, built from inside ``docs/models``)."""
        return super().namespace_of(page) or pydantic_era.FLAT_NAMESPACE

    def wire_name(self, documented: str, python_name: str) -> str:
        """``str_`` -> ``str``: the docs show the SDK's escaped Python name."""
        base = python_name.rstrip("_")
        if base and python_name != base and base in ESCAPED_BY_DOCS:
            return base
        return python_name

    def usage_says_open(self, page: "Page") -> bool:
        """A comment of the page's usage example saying the enum is open (``# Open enum:
        unrecognized values are captured as UnrecognizedStr``): how Speakeasy marks an open
        enum whose values it tables."""
        return any(
            pydantic_era.says_open(line.lstrip()[1:])
            for section in page.sections
            if section.title.text.strip().lower() in self.layout_sections
            for block in section.blocks
            if block.kind == "code"
            for line in block.text.splitlines()
            if line.lstrip().startswith("#")
        )


class SpeakeasyPydantic(SpeakeasyDataclasses):
    """The pydantic era: ``Nullable``/``OptionalNullable`` and event streams; union member
    headings in code (``### `shared.Foo` ``)."""

    name = "speakeasy-pydantic"
    optional_heads = ("Optional", "Nullable", "OptionalNullable")
    null_heads: ClassVar[Mapping[str, Nullability]] = {
        "Nullable": Nullability.NULLABLE,
        "OptionalNullable": Nullability.OPTIONAL_NULLABLE,
    }
    stream_heads = ("Generator", "eventstreaming.EventStream", "eventstreaming.EventStreamAsync")
    stream_kinds: ClassVar[Mapping[str, StreamKind]] = {
        "eventstreaming.EventStream": StreamKind.EVENT_STREAM,
        "eventstreaming.EventStreamAsync": StreamKind.EVENT_STREAM_ASYNC,
    }

    def refine_field(self, field: "Field") -> Union["Field", "Diagnostic"]:
        """Nullability checked against the Required cell; a one-value type is a constant;
        ``__pydantic_extra__`` is the additional properties (docgen/dialects/pydantic_era.py)."""
        problem = pydantic_era.nullability_problem(field.type, field.required, field.span)
        if problem is not None:
            return problem
        if field.name == pydantic_era.ADDITIONAL_PROPERTIES:
            return pydantic_era.additional_properties(field)
        return pydantic_era.constant(field)

    def value_list(
        self, section: "Section"
    ) -> Optional[tuple[list[tuple[str, Union[str, int], "SourceSpan"]], list["Diagnostic"]]]:
        """An open enum's bullet list of quoted values."""
        if not pydantic_era.is_value_list(section.blocks):
            return None
        return pydantic_era.open_enum_values(section.blocks, section.span)

    @classmethod
    def matches(cls, page: "Page") -> bool:
        """A page using a generic head only this era has, or a union member heading in code."""
        own = set(cls.optional_heads + cls.stream_heads) - set(
            SpeakeasyDataclasses.optional_heads + SpeakeasyDataclasses.stream_heads
        )
        in_union = False
        for section in page.sections:
            if section.level <= 2:
                in_union = cls.section_kind(section) == UNION
            elif in_union and _in_code(section.title):
                return True
            if any(head in own for text in _type_texts(section) for head in HEAD.findall(text)):
                return True
            if any(_names_additional_properties(b.table) for b in section.blocks if b.table is not None):
                return True
        return False


def _names_additional_properties(table: "Table") -> bool:
    """Whether a table's first column names pydantic's additional properties."""
    return any(row and row[0].text.strip() == pydantic_era.ADDITIONAL_PROPERTIES for row in table.rows)


def _in_code(title: "Cell") -> bool:
    pieces = [p for p in title.inlines if p.kind != "mark"]
    return len(pieces) == 1 and pieces[0].kind == "code"


def _type_texts(section: "Section") -> Iterator[str]:
    """The Type cells of a section's tables, the text of its code blocks and the type of an
    operation's ``Response`` section."""
    response = section.title.text.strip() == SpeakeasyDataclasses.response_section
    for block in section.blocks:
        if block.kind == "code" or (response and block.kind == "paragraph"):
            yield block.text
        if block.table is not None:
            columns = [i for i, cell in enumerate(block.table.header) if cell.text.strip().lower() == "type"]
            yield from (row[i].text for row in block.table.rows for i in columns if i < len(row))
