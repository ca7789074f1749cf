"""OpenAPI Generator's Python client docs: the 7.x (pydantic) pages and the 6.x ones.

One page per type (``docs/<Model>.md``): ``# Name``, a description, then ``## Properties``
(``Name | Type | Description | Notes``, a pipe table without outer pipes whose Notes cell
is empty for a required field) or ``## Enum`` (``* `NAME` (value: `'x'`)`` items).  The
API pages (``docs/<Group>Api.md``) and the README describe operations, not models.  The
rules that recover the client's code from a page:

* Notes ``[optional]`` makes a field ``Optional[X] = None``; without it the field is
  required; ``[readonly]`` changes nothing in a model docgen writes; ``[default to X]``
  (6.x ``defaults to X``) is the dataclass default where X is a JSON literal or a member of
  the field's enum (docgen/passes/defaults.py checks it), else a warning;
* type spellings: ``bytearray`` is ``bytes``; ``object`` alone is a free-form JSON object,
  ``Dict[str, Any]`` (inside ``Dict[...]``/``List[...]`` it is ``Any``); the 6.x spellings
  ``[X]``, ``{str: (X,)}``, ``X, none_type`` are ``List[X]``, ``Dict[str, X]``,
  ``Optional[X]`` (docgen/dialects/oag_cells.py);
* names: the 7.x generator gives a property whose name Python or pydantic reserves
  (``from``, ``except``, ``schema``, ``json``...) the Python name ``var_<name>``; its docs
  show that name, Kubernetes' templates show ``_<name>`` or the plain name: all three are
  ``var_<name>`` in the code, ``<name>`` on the wire.  The 6.x generators keep ``_<name>``.
  A dotted prefix on a name (``kubernetes.client_ip``: the python-legacy template replaced
  the package name inside it) is dropped;
* a description holding an unescaped ``|`` is put back together (the first two cells
  are the name and type, the last the Notes) with a warning;
* ``datetime`` and ``date`` mean what they say (no swap, unlike Speakeasy's docs).

What the pages cannot say: a oneOf/anyOf page looks exactly like a model page (its table
merges the members' properties), so it becomes a model; wire names are never shown (the
documented name is the Python name; the JSON key is often camelCase); 7.x pages never
show nullability.
"""

from __future__ import annotations

import dataclasses
import html
import keyword
import re
from typing import TYPE_CHECKING, ClassVar, Optional, Union

from ..diagnostics import error
from ..ir import DictOf, Optional_, Primitive
from . import oag_cells, speakeasy  # noqa: F401 - speakeasy: its dialects register first, however this is reached
from .dialect import DESCRIPTION, ENUM, MODEL, NAME, TYPE, Dialect

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..ir import Field, Module, SourceSpan
    from ..read.markdown import Cell, Page, Section, Table
    from ..resolve import Declared, Symbols

#: Names the 7.x generator escapes as ``var_<name>``: Python's keywords and the names
#: pydantic models and the generated client use themselves.
_RESERVED_7X = frozenset(keyword.kwlist) | frozenset(
    {
        "all_params",
        "auth_settings",
        "base64",
        "body_params",
        "date",
        "exec",
        "field",
        "float",
        "form_params",
        "header_params",
        "json",
        "local_var_files",
        "path_params",
        "print",
        "property",
        "query_params",
        "resource_path",
        "schema",
        "self",
    }
)
_ESCAPE_7X = "var_"
#: ``kubernetes.client_ip``: a package name written into a field name.
_DOTTED = re.compile(r"^(?:[A-Za-z_]\w*\.)+(?P<name>[A-Za-z_]\w*)$")
NOTES = "notes"
#: The 6.x ``python`` generator's row for a model's additional properties (its Type cell
#: the type of every additional value), and the name docgen gives them.
_ANY_NAME_ROW = "any string name"
_ANY_NAME = "any_string_name"
ADDITIONAL = "additional_properties"


class _OpenAPIGeneratorPages(Dialect):
    """What every era of OpenAPI Generator's Python docs shares (not registered: no name)."""

    family = "openapi-generator"
    sections = {"Properties": MODEL, "Enum": ENUM}
    layout_sections = frozenset({"example"})
    readme_pages = frozenset({"README.md"})
    field_columns = {NAME: ("name",), TYPE: ("type",), DESCRIPTION: ("description",)}
    kept_columns = frozenset({NOTES})
    strict_row_widths = False  # a required field's row ends at its Description cell
    listed_enums_open = False
    #: The generator writes no page for some models it links to: a JSON object.
    missing_page_type = DictOf(Primitive("Any"))
    missing_page_text = "Dict[str, Any]"
    #: The types ``**object**`` stands for at the top of a Type cell and inside another type.
    object_types: ClassVar[tuple[str, str]] = ("Dict[str, Any]", "Any")

    def not_a_model_page(self, path: str) -> Optional[str]:
        if path.rpartition("/")[2].endswith("Api.md"):
            return "API page"
        return super().not_a_model_page(path)

    def namespace_of(self, page: str) -> str:
        return ""

    def declarations(self, page: "Page") -> tuple[list["Declared"], list["Diagnostic"]]:
        return super().declarations(_one_title(page))

    def lower_page(self, page: "Page", symbols: "Symbols") -> tuple[Optional["Module"], list["Diagnostic"]]:
        return super().lower_page(_one_title(page), symbols)

    def type_cell(self, cell: "Cell") -> "Cell":
        return oag_cells.type_cell(cell, self.object_types)

    def fields_table(self, table: "Table") -> tuple["Table", list["Diagnostic"]]:
        """The header checked, rows split by a ``|`` mended, dotted name prefixes dropped."""
        wrong = oag_cells.check_header(table, self.section_title(MODEL))
        if wrong is not None:
            return dataclasses.replace(table, rows=(), source_lines=()), [wrong]
        table, problems = oag_cells.mend_rows(table)
        rows = tuple(_any_name(_undotted(row)) for row in table.rows)
        return dataclasses.replace(table, rows=rows), problems

    def value_list(
        self, section: "Section"
    ) -> Optional[tuple[list[tuple[str, Union[str, int], "SourceSpan"]], list["Diagnostic"]]]:
        if self.section_kind(section) != ENUM:
            return None
        return oag_cells.enum_items(section.blocks, section.span)

    def wire_name(self, documented: str, python_name: str) -> str:
        """The documented name without the generator's escape."""
        if documented.startswith(_ESCAPE_7X) and documented[len(_ESCAPE_7X) :] in _RESERVED_7X:
            return documented[len(_ESCAPE_7X) :]
        if documented.startswith("_") and documented[1:] in _RESERVED_7X:
            return documented[1:]
        return documented if python_name.rstrip("_") == documented else python_name

    def python_name(self, wire: str, python_name: str) -> str:
        """The client's Python name of a property (*python_name*: docgen's safe spelling of
        the documented name)."""
        return python_name

    def refine_field(self, field: "Field") -> Union["Field", "Diagnostic"]:
        """The Notes flags applied; the Python name as the client spells it."""
        text = html.unescape(next((t for h, t in field.extra if h.strip().lower() == NOTES), ""))
        notes = oag_cells.read_notes(text)
        if notes.unknown:
            return error(
                field.span,
                f"unknown Notes flag {notes.unknown!r} of field {field.name!r}",
                f"OpenAPI Generator writes {oag_cells.KNOWN_FLAGS}",
            )
        extra = tuple((h, t) for h, t in field.extra if h.strip().lower() != NOTES)
        required = field.required and not notes.optional and notes.default is None
        ref = field.type if required or isinstance(field.type, Optional_) else Optional_(field.type)
        default = oag_cells.read_default(notes.default) if notes.default is not None else None
        if field.name == _ANY_NAME:  # every key no property has, each value of the row's type
            value = field.type.inner if isinstance(field.type, Optional_) else field.type
            return dataclasses.replace(
                field, name=ADDITIONAL, wire_name=ADDITIONAL, type=DictOf(value), required=False, extra=extra,
                description="", additional=True,
            )  # fmt: skip
        name = self.python_name(field.wire_name, field.name)
        return dataclasses.replace(field, name=name, type=ref, required=required, extra=extra, default=default)


class OpenAPIGenerator(_OpenAPIGeneratorPages):
    """OpenAPI Generator 7.x Python docs (pydantic clients): ``List[str]``, ``## Example``."""

    name = "openapi-generator"

    @classmethod
    def matches(cls, page: "Page") -> bool:
        """An OpenAPI Generator page with an ``## Example`` section (7.x writes one on model pages)."""
        return _oag_page(page) and _has_example(page)

    def python_name(self, wire: str, python_name: str) -> str:
        """``var_<name>`` for a name Python or pydantic reserves, as the 7.x client spells it."""
        return _ESCAPE_7X + wire if wire in _RESERVED_7X else python_name


class OpenAPIGeneratorLegacy(_OpenAPIGeneratorPages):
    """The 6.x generators' pages (``python-legacy``, ``python``): ``list[str]``, ``[str]``,
    no ``## Example``; escaped names keep their ``_`` prefix in the code."""

    name = "openapi-generator-legacy"
    object_types = ("object", "object")  # the client's own annotation: any JSON value

    @classmethod
    def matches(cls, page: "Page") -> bool:
        """An OpenAPI Generator model page without an ``## Example`` section."""
        return _oag_page(page) and not _has_example(page) and _section(page, "properties")


def _has_example(page: "Page") -> bool:
    return _section(page, "example")


def _section(page: "Page", title: str) -> bool:
    return any(s.title.text.strip().lower() == title for s in page.sections)


def _oag_page(page: "Page") -> bool:
    for section in page.sections:
        title = section.title.text.strip().lower()
        if title == "enum" and any(b.kind == "paragraph" and b.info for b in section.blocks):
            return True
        if title == "properties" and any(
            b.table is not None and tuple(c.text.strip().lower() for c in b.table.header) == oag_cells.HEADER
            for b in section.blocks
        ):
            return True
    return False


def _undotted(row: "tuple[Cell, ...]") -> "tuple[Cell, ...]":
    from ..read.markdown import Cell, Inline

    if not row:
        return row
    match = _DOTTED.match(row[0].text.strip())
    if match is None:
        return row
    return (Cell((Inline("text", match.group("name")),), row[0].span),) + row[1:]


def _any_name(row: "tuple[Cell, ...]") -> "tuple[Cell, ...]":
    """The additional-properties row with a name docgen can read (see :func:`refine_field`)."""
    from ..read.markdown import Cell, Inline

    if not row or row[0].text.strip() != _ANY_NAME_ROW:
        return row
    return (Cell((Inline("text", _ANY_NAME),), row[0].span),) + row[1:]


def _one_title(page: "Page") -> "Page":
    """*page* with every ``#`` heading after the first read as a paragraph of the first's
    description: the generator copies a schema's markdown description, headings and all."""
    from ..read.markdown import Block, Page, Section

    sections: list[Section] = []
    for section in page.sections:
        if section.level == 1 and any(s.level == 1 for s in sections):
            owner = sections[-1]
            heading = Block("paragraph", section.span, text=section.title.text)
            sections[-1] = Section(owner.level, owner.title, owner.blocks + (heading,) + section.blocks)
        else:
            sections.append(section)
    return page if len(sections) == len(page.sections) else Page(page.path, tuple(sections))
