"""The objects templates are given: small frozen dataclasses with named fields.

This is the reference for anyone who overrides a template (``--templates DIR``): every
attribute a shipped template reads is a field declared here.  A module's template gets
a :class:`ModuleView` named ``module`` (its declarations are :class:`DeclView`, whose
``parser`` is a :class:`ModelParser`, :class:`EnumParser` or :class:`UnionFunctions`,
and ``response`` a :class:`ResponseView`); helpers of inline types are
:class:`ListHelper` and :class:`UnionHelper`; the package's ``__init__`` gets a
:class:`PackageView` named ``package``.  The operation templates' views are in
:mod:`docgen.emit.operation_views`.

The rows of a view (:class:`FieldLocal`, :class:`Param`, :class:`DumpRequired`…) also
unpack like the tuples earlier releases gave templates, so that ``{% for name, value in
decl.members %}`` in an overriding template keeps working.  Every text field holds
Python source (an expression, a statement or a literal) unless its comment says
otherwise.  Part of stage 6 (emit); nothing here computes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Optional, Union


class _Row:
    """A view row that also unpacks, and indexes, like the tuple of its fields."""

    __slots__ = ()

    def __iter__(self) -> Iterator[Any]:
        # a dataclass's __match_args__ names its fields in order (templates unpack rows per field)
        return iter([getattr(self, name) for name in self.__match_args__])  # type: ignore[attr-defined]

    def __getitem__(self, index: int) -> Any:
        return tuple(self)[index]


# --- rows ------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldLocal(_Row):
    """How a model's parse function reads one field into a local.

    ``local = lookup``; then, when *test* holds (always, when there is no test),
    *statement* runs: it raises, or replaces the local by its parsed value.  *test* and
    *statement* are both "" for a value taken as it is.  *statement* may span lines (a
    fast path's ``try``); *lookup* is "" when *statement* reads the key itself.
    """

    local: str  # the local's name
    lookup: str  # reads the wire key from the object ``value``
    test: str
    statement: str


@dataclass(frozen=True)
class Param(_Row):
    """A keyword-only parameter of ``from_dict`` for a field JSON cannot carry."""

    name: str  # a name
    annotation: str  # at module level
    class_annotation: str  # in the class body, builtins qualified where fields shadow them
    default: str  # the default value, "" for none


@dataclass(frozen=True)
class Assignment(_Row):
    """One field a model's parser sets on the object it made: ``result.attribute = argument``."""

    attribute: str  # the field's Python name
    argument: str  # its parsed value


@dataclass(frozen=True)
class DumpRequired(_Row):
    """A key ``to_dict`` always writes."""

    key: str  # the wire key, a string literal
    expression: str  # its JSON value


@dataclass(frozen=True)
class DumpOptional(_Row):
    """A key ``to_dict`` writes when *condition* holds."""

    key: str  # the wire key, a string literal
    condition: str
    expression: str  # its JSON value


@dataclass(frozen=True)
class Constant(_Row):
    """A module-level constant a helper uses: ``name = value``."""

    name: str  # a name
    value: str


@dataclass(frozen=True)
class EnumMemberView(_Row):
    """One member of an enum class: ``name = value``."""

    name: str  # a name
    value: str  # a literal


@dataclass(frozen=True)
class HttpFields(_Row):
    """The Python names of an operation response's three HTTP fields."""

    content_type: str  # a name
    status_code: str  # a name
    raw_response: str  # a name


# --- helpers of inline types -------------------------------------------------------


@dataclass(frozen=True)
class ListHelper:
    """``_parse_list_X`` / ``_dump_list_X``: *item* is an expression of ``item`` (and, when
    parsing, of the path value ``(path, index)``); *unkept*, parsing a list, the same at
    the path ``None`` (a first reading that keeps no path: no index, no tuple per item)."""

    kind: str  # "list" or "dict"
    direction: str  # "parse" or "dump"
    name: str
    annotation: str  # the Python type
    item: str
    unkept: str = ""


@dataclass(frozen=True)
class UnionMember:
    """One member of a union, as the union's parse helper tries it.

    ``guard``: the JSON type test (Python text on ``value``), "" when any value may suit;
    ``label``: a string literal naming the member in messages; ``rejection``: a string
    literal saying what the guard wants; ``expression``: parses ``value`` at ``path``;
    ``can_fail``: whether the expression can raise once the guard passed; ``exact``: a
    condition on ``value`` that makes an accepted value an exact match ("" when every
    accepted value is exact); ``score``: an int expression ranking inexact matches
    (higher wins, ties go to the member listed first).
    """

    label: str
    guard: str
    rejection: str
    expression: str
    can_fail: bool
    exact: str
    score: str


@dataclass(frozen=True)
class UnionDumpMember:
    """One member of a union's dump helper: when *check* holds, *expression* is the JSON value."""

    check: str  # "" for the last, unconditional member
    expression: str


@dataclass(frozen=True)
class TaggedMember(_Row):
    """A member of a tagged union (:mod:`docgen.emit.discriminate`): when *test* holds for
    the value ``f_tag`` at the union's tag key, *expression* (parsing ``value`` at ``path``)
    is the only member that can accept the object."""

    test: str
    expression: str


@dataclass(frozen=True)
class UnionHelper:
    """A union's parse or dump helper function."""

    direction: str  # "parse" or "dump"
    name: str
    annotation: str
    label: str  # a string literal: the union as messages print it
    members: tuple[Union[UnionMember, UnionDumpMember], ...]
    constants: tuple[Constant, ...]  # module-level names the members use
    tag: str = ""  # a string literal: the wire key whose value tells the object members apart
    tagged: tuple[TaggedMember, ...] = ()  # tried first, each alone, when its test holds
    public: str = ""  # a dump helper whose body a union page's public function holds: an alias of it

    @property
    def kind(self) -> str:
        return "union"


Helper = Union[ListHelper, UnionHelper]


# --- declarations ------------------------------------------------------------


@dataclass(frozen=True)
class KeysView:
    """``table``: the WireKeys constant's name; ``literal``: the text of its value;
    ``exact``: the name of its bound exactness test, "" when the parser reads exact keys
    only; ``nulls``: whether the parse body is wrapped to name the nullable setting."""

    table: str
    literal: str
    exact: str
    nulls: bool


@dataclass(frozen=True)
class ModelParser:
    """What ``templates/parsers.py.jinja`` needs to write a model's two functions.

    ``locals``: a :class:`FieldLocal` a field at a time in field order: the local is read from the object, then *statement* runs (when *test*
    holds, if there is a test): it raises, or replaces the local by its parsed value;
    both are "" for a value taken as it is.  Checks and optional values are statements
    rather than conditional expressions: as fast, and short enough for a line or two,
    which keeps the code (and black's work on it) small;
    ``arguments``: the constructor's positional arguments, in field order;
    ``params``: the keyword-only parameters (:class:`Param`) that carry the fields JSON
    cannot (raw response, streams);
    ``dump_required``, ``dump_optional``: what ``to_dict`` writes (:class:`DumpRequired`,
    :class:`DumpOptional`); ``dump_extra``: an expression of the
    additional properties' JSON dict ("" for a model without), whose keys are written
    after the fields' where no field has them.
    """

    parse_name: str
    dump_name: str
    class_name: str
    wants: str  # string literal for messages
    locals: tuple[FieldLocal, ...]
    arguments: tuple[str, ...]
    params: tuple[Param, ...]
    dump_required: tuple[DumpRequired, ...]
    dump_optional: tuple[DumpOptional, ...]
    dump_extra: str = ""
    unknown_keys: str = "ignored"  # what from_dict does with keys no field has, for its docstring
    keys: Optional[KeysView] = None  # the model's WireKeys table (docgen/emit/keys.py)
    first_key: str = ""  # a required field's wire name literal: without it the keys are tested first
    #: the tests any of which shows that the parse read every key of the object, for a
    #: model read with tolerant keys and no keyword parameters (() to test the keys before reading)
    all_read: tuple[str, ...] = ()
    #: an :class:`Assignment` a field at a time, for a model the parser makes itself and
    #: fills in (``_parsing.new``); () for one built by calling the class (keyword parameters)
    assigned: tuple[Assignment, ...] = ()
    #: the counted read subscripts a required key: its KeyError reads the object again
    #: with ``MISSING`` under that key (``WireKeys.absent``)
    subscripts: bool = False


@dataclass(frozen=True)
class EnumParser:
    """An enum's parse function and its value -> member table."""

    parse_name: str
    class_name: str
    table: str  # the module-level name of the value -> member dict
    value_type: str  # "str" or "int"
    wants: str  # a string literal for messages
    open: bool = False  # a value no member has is kept as it is
    annotation: str = ""  # what the parse function returns
    value_phrase: str = ""  # the value type after its article ("an int"), for the docstring


@dataclass(frozen=True)
class UnionFunctions:
    """The public functions of a union page: ``parse_<snake>(data)`` and ``dump_<snake>(value)``."""

    parse_public: str
    dump_public: str
    parse_expression: str  # of ``data`` at ``"$"``
    dump_expression: str  # of ``value``
    first_reading: str  # of ``data`` at the path ``None``, keeping no path
    dump_helper: Optional[UnionHelper] = None  # the dump the public function holds, one frame fewer


# --- modules -----------------------------------------------------------------


@dataclass(frozen=True)
class FieldView:
    """One field of a model's dataclass: ``name: annotation = default`` and its docstring."""

    name: str
    annotation: str
    default: str  # the right-hand side: field(...) call text
    docstring: str  # a string literal, or ""


@dataclass(frozen=True)
class DeclView:
    """One declaration.  ``parser`` is its parse and dump functions (ModelParser,
    EnumParser or UnionFunctions); ``methods`` the annotations its class methods spell
    (``object``, ``json``: the JSON object type), builtins qualified where fields shadow them."""

    kind: str  # model, enum, union
    name: str
    docstring: str
    fields: tuple[FieldView, ...] = ()
    base: str = ""  # enum value type
    members: tuple[EnumMemberView, ...] = ()  # enum
    annotation: str = ""  # union
    parser: Union[ModelParser, EnumParser, UnionFunctions, None] = None
    methods: dict[str, str] = field(default_factory=dict)
    response: Optional[ResponseView] = None  # an operation response's from_response


@dataclass(frozen=True)
class ModuleView:
    """A whole generated module (``module.py.jinja``)."""

    docstring: str
    top_imports: tuple[str, ...]
    bottom_imports: tuple[str, ...]
    decls: tuple[DeclView, ...]
    helpers: tuple[Helper, ...] = ()  # parse/dump helpers of inline types


@dataclass(frozen=True)
class PackageView:
    """The package's ``__init__.py`` (``package.py.jinja``): its imports and ``__all__``."""

    docstring: str
    imports: tuple[str, ...]
    exported: tuple[str, ...]


# --- operation responses -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResponseCase:
    """``if <condition>: return cls(..., <field>=<value>)``; field "" for no body."""

    condition: str
    field: str
    value: str


@dataclass(frozen=True, slots=True)
class BodyReader:
    """A module-level function reading a JSON body: ``name(response) -> annotation``."""

    name: str
    annotation: str
    expression: str  # parses the local ``value``


@dataclass(frozen=True, slots=True)
class EventMember:
    """One alternative of an event: how its data is read and parsed."""

    label: str
    reader: str  # "event_object" (a model reads the event) or "event_data" (the data alone)
    decode: str  # "True" / "False": JSON-decode the event's data
    expression: str  # parses the local ``value`` at the local ``path``


@dataclass(frozen=True, slots=True)
class EventParser:
    """A module-level function turning one server-sent event into the documented item."""

    name: str
    annotation: str
    expected: str  # a string literal naming the item type, for the no-member error
    members: tuple[EventMember, ...]


@dataclass(frozen=True, slots=True)
class ResponseView:
    """An operation response's ``from_response`` (``response.py.jinja``)."""

    response_annotation: str
    http_fields: HttpFields
    headers: str  # Python name of the headers field, or ""
    uses_media: bool
    cases: tuple[ResponseCase, ...]
    readers: tuple[BodyReader, ...]
    event_parsers: tuple[EventParser, ...]
