"""The :class:`Dialect` base class: every decision that depends on who wrote the docs.

A documentation flavour (Speakeasy's dataclasses-era pages, its pydantic-era pages, ...)
is a subclass.  Its class attributes and hook methods are what docgen needs to know to
read its pages: which sections declare a type, which columns a table has, what marks a
field required, how the docs misspell a type.  Defining a subclass with a ``name``
registers it; a new flavour overrides only what differs from the class it extends::

    class Acme(Dialect):
        name = "acme"
        sections = {"Attributes": MODEL, "Choices": ENUM}
        required_marks = {"yes": True, "no": False}

The dialect of a tree is the one the command line or ``[tool.docgen] dialect`` names,
else the one :func:`detect` finds from the parsed pages (each class says, in
:meth:`Dialect.matches`, whether a page shows its marks).

This module is light on purpose (no markdown library): the command line checks a
dialect's name before any page is parsed.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, ClassVar, Iterable, Mapping, Optional, Pattern, Union

from ..ir import FileKind, Nullability, StreamKind

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..ir import Field, Module, Operation, SourceSpan, TypeRef
    from ..read.markdown import Cell, Page, Section, Table
    from ..resolve import Declared, Symbols

#: What a section that declares a type declares (``Declared.kind``).
MODEL, ENUM, UNION = "model", "enum", "union"

#: Column roles of a fields table and of an enum's values table.
NAME, TYPE, REQUIRED, DESCRIPTION, EXAMPLE, VALUE = "name", "type", "required", "description", "example", "value"


class UnknownDialect(ValueError):
    """A dialect name that no registered class has; the message lists the known ones."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown dialect {name!r}; known dialects: {', '.join(known())}")
        self.name = name


class MixedFamilies(ValueError):
    """A tree whose pages come from two docs generators: one page of each, and their families."""

    def __init__(self, first: tuple[str, str], second: tuple[str, str]) -> None:
        super().__init__(first[0], second[0])
        self.first = first
        self.second = second


class Dialect:
    """A documentation flavour.  The defaults describe plain Python typing in markdown
    tables; subclasses set what their docs generator writes."""

    #: Every registered dialect by name, in the order the classes were defined.
    registry: ClassVar[dict[str, type["Dialect"]]] = {}

    #: The name users write (``--dialect NAME``); a class without one is not registered.
    name: ClassVar[str] = ""

    #: The docs generator the flavour comes from (``speakeasy``): a tree whose pages show
    #: the marks of two families is an error.  Empty: the flavour's name.
    family: ClassVar[str] = ""

    # --- page layout -------------------------------------------------------------

    #: Section titles that declare a type, and what they declare.  The first title of a
    #: kind is the one messages name.  Titles are matched case-insensitively.
    sections: ClassVar[Mapping[str, str]] = {}

    #: Heading level of a declaring section right under the page's ``# Title``; a page may
    #: declare more types as ``## Name`` headings with the declaring section one level deeper.
    section_level: ClassVar[int] = 2

    #: Section titles (lower case) that are part of a model page's layout but describe no type
    #: (``## Example Usage``): not read, listed under -v.  Any other section docgen does not
    #: use is a remark (a warning with --strict).
    layout_sections: ClassVar[frozenset[str]] = frozenset()

    #: Page file names that are the SDK's own documentation (``README.md``), never model pages.
    readme_pages: ClassVar[frozenset[str]] = frozenset()
    #: A folder whose pages, at any depth, are operation pages, not model pages (``sdks``).
    operations_folder: ClassVar[str] = ""
    #: A folder of the client's own helpers (``utils``), at the top or below ``models``: its
    #: pages describe no model of the API.
    helpers_folder: ClassVar[str] = ""

    #: Paragraph text of a ``>`` quote above a table that marks the type deprecated.
    deprecated_quote: ClassVar[str] = "DEPRECATED"

    # --- tables -------------------------------------------------------------------

    #: Column roles of a fields table and the header texts (lower case) that fill them,
    #: in the order messages list them.  Other columns are kept as a field's ``extra``.
    field_columns: ClassVar[Mapping[str, tuple[str, ...]]] = {
        NAME: ("name",),
        TYPE: ("type",),
        DESCRIPTION: ("description",),
    }

    #: Column roles of an enum's values table.  Without a name column, member names are
    #: derived from the values.
    enum_columns: ClassVar[Mapping[str, tuple[str, ...]]] = {NAME: ("name",), VALUE: ("value",)}

    #: Whether a table row with more or fewer cells than its header is an error.
    strict_row_widths: ClassVar[bool] = True

    #: Header texts (lower case) of fields-table columns docgen keeps as a field's ``extra``
    #: for :meth:`refine_field` to read, without the unknown-column warning.
    kept_columns: ClassVar[frozenset[str]] = frozenset()

    #: Whether an enum whose values :meth:`value_list` lists (rather than tables) is open.
    listed_enums_open: ClassVar[bool] = True

    #: Required-column texts and whether each means required; any other text is an error.
    required_marks: ClassVar[Mapping[str, bool]] = {}

    #: Whether a field is required when its table has no required column.
    required_by_default: ClassVar[bool] = True

    #: Example-column texts that mean the field admits null (``Optional[X]``).
    null_examples: ClassVar[frozenset[str]] = frozenset()

    #: Description texts that mean "no description".
    no_description: ClassVar[frozenset[str]] = frozenset({""})

    #: The docs' deprecation banner at the start of a description, and its plain words.
    deprecation_banner: ClassVar[Optional[Pattern[str]]] = None
    deprecation_words: ClassVar[str] = "Deprecated: "

    # --- union pages -----------------------------------------------------------------

    #: A union member's code block; group ``type`` is the member's type.  None: the
    #: flavour writes no union pages.
    union_member_code: ClassVar[Optional[Pattern[str]]] = None

    #: The example a message gives of a union member's code block.
    union_member_example: ClassVar[str] = "value: Foo"

    # --- type cells ------------------------------------------------------------------

    #: Generic heads by what they mean; the first of each (the stream heads and file
    #: heads aside) is also the name that is an error without ``[...]``.
    optional_heads: ClassVar[tuple[str, ...]] = ("Optional",)
    #: Optional heads that keep ``null`` apart from an absent key (``Nullable``), and what
    #: each says; a head not listed means ``Optional[X]``.
    null_heads: ClassVar[Mapping[str, Nullability]] = {}
    list_heads: ClassVar[tuple[str, ...]] = ("List", "list")
    dict_heads: ClassVar[tuple[str, ...]] = ("Dict", "dict")
    union_heads: ClassVar[tuple[str, ...]] = ("Union",)
    literal_heads: ClassVar[tuple[str, ...]] = ("Literal",)
    file_heads: ClassVar[tuple[str, ...]] = ("IO", "typing.IO")
    #: Heads of a stream of items (server-sent events); empty: the flavour has none.
    stream_heads: ClassVar[tuple[str, ...]] = ()
    #: The kind of stream each stream head names; a head not listed is a ``Generator``.
    stream_kinds: ClassVar[Mapping[str, StreamKind]] = {}

    #: Names that stand for the raw HTTP response object of an operation.
    http_response_names: ClassVar[frozenset[str]] = frozenset()
    #: The first folder of a link the docs generator wrote without knowing its docs root
    #: (``undefined/models/shared/pet.md``): the rest of the link is relative to the folder
    #: above the page that holds it.  Empty: the flavour writes none.
    unrooted_link_prefix: ClassVar[str] = ""
    #: Names that stand for the raw HTTP request an operation sent.
    http_request_names: ClassVar[frozenset[str]] = frozenset()
    #: Names that stand for a readable binary file.
    binary_file_names: ClassVar[frozenset[str]] = frozenset({"BinaryIO", "typing.BinaryIO"})
    #: The file type a binary-file name stands for, where it is not ``IO[bytes]``.
    file_kinds: ClassVar[Mapping[str, FileKind]] = {}

    #: Names the docs misspell as the text of a link to external documentation (a
    #: Python docs link), and the primitive each really means.
    external_link_names: ClassVar[Mapping[str, str]] = {}

    #: The type a link to a page that does not exist stands for (with a warning), and how
    #: messages spell it; None: such a link is an error.
    missing_page_type: ClassVar[Optional["TypeRef"]] = None
    missing_page_text: ClassVar[str] = ""

    # --- operation responses ----------------------------------------------------------

    #: The fields that make a model an operation response, as Python names: its content
    #: type (``str``), status code (``int``) and raw response.  Empty: none does.
    response_fields: ClassVar[tuple[str, ...]] = ()

    # --- operation pages --------------------------------------------------------------

    #: Sub-section titles of an operation (``## name``) on an operation page.
    response_section: ClassVar[str] = "Response"
    errors_section: ClassVar[str] = "Errors"
    parameters_section: ClassVar[str] = "Parameters"
    #: Column roles of an errors table (type, status, content_type) and their header texts.
    error_columns: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "type": ("error type", "error object"),
        "status": ("status code",),
        "content_type": ("content type",),
    }
    #: Column roles of a parameters table (name, type, required, description).
    parameter_columns: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "name": ("parameter",),
        "type": ("type",),
    }
    #: Fields of a response model that wraps an operation's body: the response headers
    #: (``Dict[str, List[str]]``) and the body of a paged result.  "": the flavour has none.
    wrapper_headers_field: ClassVar[str] = ""
    wrapper_body_field: ClassVar[str] = ""
    #: The field of a response model holding the HTTP metadata: a model of the raw response
    #: and the request sent (pydantic-era ``http_meta: HTTPMetadata``); "" for none.
    wrapper_meta_field: ClassVar[str] = ""
    #: Link targets that only decorate a type's text (they name no page).
    placeholder_links: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name:
            Dialect.registry[cls.name] = cls

    # --- hooks ------------------------------------------------------------------------

    @classmethod
    def matches(cls, page: "Page") -> bool:
        """Whether *page* shows this flavour's marks: by default, a declaring section."""
        return any(cls.section_kind(section) is not None for section in page.sections)

    @classmethod
    def section_kind(cls, section: "Section") -> Optional[str]:
        """The kind a section declares (:data:`MODEL`, :data:`ENUM`, :data:`UNION`), or None."""
        title = section.title.text.strip().lower()
        for text, kind in cls.sections.items():
            if text.lower() == title:
                return kind
        return None

    def not_a_model_page(self, path: str) -> Optional[str]:
        """What the page at spec-relative *path* is when it is no model page (``operation page``,
        ``SDK readme``, ``SDK helper``), else None.  Such pages are skipped, never errors."""
        folders = path.split("/")[:-1]
        if self.operations_folder and self.operations_folder in folders:
            return "operation page"
        if path.rpartition("/")[2] in self.readme_pages:
            return "SDK readme"
        if self.helpers_folder and folders[-1:] == [self.helpers_folder] and folders[-2:-1] in ([], ["models"]):
            return "SDK helper"
        return None

    def section_title(self, kind: str) -> str:
        """The section title messages use for *kind*."""
        return next((text for text, k in self.sections.items() if k == kind), kind)

    def namespace_of(self, page: str) -> str:
        """The namespace Type cells write for a page's types: its folder's last part."""
        return posixpath.basename(posixpath.dirname(page))

    def names_anchor(self, anchor: str, type_name: str) -> bool:
        """Whether ``#anchor`` is the heading anchor of *type_name* (GitHub's slugs)."""
        return anchor.lower().replace("-", "") == type_name.lower()

    def wire_name(self, documented: str, python_name: str) -> str:
        """A field's JSON name, from its name as documented and the Python name docgen
        gave it: by default the docs write the JSON name."""
        return documented

    def is_required(self, mark: str) -> Optional[bool]:
        """What a Required cell's text means, or None when it is no known marker."""
        return self.required_marks.get(mark)

    def required_hint(self) -> str:
        return "write " + " or ".join(
            f"{m} ({'required' if r else 'optional'})" for m, r in self.required_marks.items()
        )

    def description(self, text: str) -> str:
        """A Description cell as docgen keeps it: no placeholder, no banner markup."""
        text = text.strip()
        if text in self.no_description:
            return ""
        return self.deprecation_banner.sub(self.deprecation_words, text) if self.deprecation_banner else text

    def bare_generics(self) -> frozenset[str]:
        """Generic heads that are an error without type arguments."""
        kinds = (self.optional_heads, self.list_heads, self.dict_heads, self.union_heads, self.literal_heads)
        return frozenset(heads[0] for heads in kinds + (self.stream_heads,) if heads) | frozenset(self.null_heads)

    def generics_hint(self) -> str:
        kinds = (self.optional_heads, self.list_heads, self.dict_heads, self.union_heads, self.literal_heads)
        names = [heads[0] for heads in kinds + (self.stream_heads,) if heads]
        return "use " + ", ".join(names[:-1]) + " or " + names[-1]

    def type_cell(self, cell: "Cell") -> "Cell":
        """A Type cell as docgen's type grammar reads it: by default, as written."""
        return cell

    def fields_table(self, table: "Table") -> tuple["Table", list["Diagnostic"]]:
        """A fields table with the rows the table syntax split wrongly put right, and the
        problems found; by default the table as read."""
        return table, []

    @classmethod
    def family_name(cls) -> str:
        return cls.family or cls.name

    def refine_field(self, field: "Field") -> Union["Field", "Diagnostic"]:
        """A field as the flavour means it once its row is read (a constant, the model's
        additional properties…), or the error when the row contradicts itself.  By
        default the field as read."""
        return field

    def usage_says_open(self, page: "Page") -> bool:
        """Whether the usage example of a page says the enum it titles is open (accepts values
        it does not list).  By default no page does."""
        return False

    def value_list(
        self, section: "Section"
    ) -> Optional[tuple[list[tuple[str, Union[str, int], "SourceSpan"]], list["Diagnostic"]]]:
        """An enum section that lists its values rather than tabling them (an open enum):
        (member name, value, place) of each value, and the problems; None for a section
        without such a list (its table is read)."""
        return None

    # --- the pipeline's entry points ----------------------------------------------------

    def declarations(self, page: "Page") -> tuple[list["Declared"], list["Diagnostic"]]:
        """The types a page declares (name, kind, place), for the symbol table."""
        from . import pages

        return pages.declarations(page, self)

    def lower_operations(self, page: "Page", symbols: "Symbols") -> tuple[list["Operation"], list["Diagnostic"]]:
        """The operations an operation page documents (docgen/dialects/operations.py)."""
        from . import operations

        return operations.lower_operations(page, symbols, self)

    def lower_page(self, page: "Page", symbols: "Symbols") -> tuple[Optional["Module"], list["Diagnostic"]]:
        """A page's types as an IR module, or None with the errors that prevent it."""
        from . import pages

        return pages.lower_page(page, symbols, self)


def known() -> list[str]:
    """The registered dialects' names."""
    return list(Dialect.registry)


def get(name: str) -> Dialect:
    """The dialect registered as *name*; raises :class:`UnknownDialect`."""
    cls = Dialect.registry.get(name)
    if cls is None:
        raise UnknownDialect(name)
    return cls()


def detect(pages: Iterable["Page"], default: str) -> Dialect:
    """The dialect of a tree: the one whose marks most pages show.

    A refinement wins over the class it extends wherever it is seen at all (a tree in
    which some page uses a later flavour's syntax is of that flavour); dialects of one
    family compete by the number of pages.  *default* when no page shows any marks.
    Pages of two families (Speakeasy's and OpenAPI Generator's) raise :class:`MixedFamilies`.
    """
    return detect_marks({page.path: marks(page) for page in pages}, default)


def marks(page: "Page") -> tuple[str, ...]:
    """The registered dialects whose marks *page* shows: all that :func:`detect` needs of a page."""
    return tuple(name for name, cls in Dialect.registry.items() if cls.matches(page))


def detect_marks(shown: dict[str, tuple[str, ...]], default: str) -> Dialect:
    """:func:`detect` from each page's :func:`marks`: page path -> dialect names."""
    first: dict[str, str] = {}  # family -> the first page that shows its marks
    counts = {}
    for name, cls in Dialect.registry.items():
        matching = [path for path, names in shown.items() if name in names]
        counts[cls] = len(matching)
        if matching:
            first[cls.family_name()] = min(matching + [first.get(cls.family_name(), matching[0])])
    if len(first) > 1:
        (a, page_a), (b, page_b) = sorted(first.items(), key=lambda item: item[1])[:2]
        raise MixedFamilies((page_a, a), (page_b, b))
    seen = [cls for cls, count in counts.items() if count]
    seen = [cls for cls in seen if not any(other is not cls and issubclass(other, cls) for other in seen)]
    if not seen:
        return get(default)
    return max(seen, key=lambda cls: counts[cls])()


#: A generic head applied to arguments in a Type cell's text: ``Nullable[``.
HEAD = re.compile(r"(?<![\w.])([A-Za-z_][\w.]*)\s*\[")
