"""Stable codes of the diagnostics: one per kind of mistake, for tooling and the README.

A diagnostic's kind is told by its message: each entry of :data:`CODES` gives the code,
a pattern its messages match (from the start of the message), and an example message.
The codes never change meaning; a kind that goes away leaves its code unused.  Ranges:
D1xx pages and tables, D2xx Type cells, D3xx links, names and modules, D4xx
configuration, D5xx user templates, D6xx what OUT holds, D7xx JSON samples (``docgen wire-names``).  tests/test_codes.py checks
that every message docgen's code can write has an entry here and that README.md lists
them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The code of a diagnostic whose message no entry matches (a bug in this table).
UNCODED = "D000"


@dataclass(frozen=True)
class Code:
    code: str
    pattern: str  # a regular expression matched at the start of the message
    example: str  # a message of this kind, as docgen writes it

    def matches(self, message: str) -> bool:
        return re.match(self.pattern, message) is not None


CODES: tuple[Code, ...] = (
    # pages and tables
    Code("D101", r"page is not valid UTF-8", "page is not valid UTF-8"),
    Code("D102", r"page has no '# Title' heading", "page has no '# Title' heading naming its type"),
    Code("D103", r"a second '# Title' heading is ignored", "a second '# Title' heading is ignored"),
    Code(
        "D104",
        r"page .* has no .* section",
        "page 'Thing' has no '## Fields', '## Values' or '## Supported Types' section",
    ),
    Code(
        "D105", r"type name .* is not a valid Python identifier", "type name '2Fast' is not a valid Python identifier"
    ),
    Code("D106", r"page path .* cannot be a Python module path", "page path 'a b.md' cannot be a Python module path"),
    Code("D107", r"'.*' section has no table", "'Fields' section has no table"),
    Code(
        "D108",
        r"column .* is not one docgen reads",
        "column 'Default' is not one docgen reads; its cells are not used",
    ),
    Code("D109", r"table row has \S+ cells but the header has", "table row has 5 cells but the header has 4"),
    Code(
        "D110", r"a .* table needs .* and '.*' columns", "a Fields table needs 'Field' (or 'Name') and 'Type' columns"
    ),
    Code("D111", r"field .* is listed twice", "field 'id' is listed twice (first at models/thing.md:7:1)"),
    Code(
        "D112", r"field name .* is not a valid Python identifier", "field name 'a-b' is not a valid Python identifier"
    ),
    Code("D113", r"unknown .* marker ", "unknown Required marker 'yes'"),
    Code("D114", r"a .* table needs a '.*' column", "a Values table needs a 'Value' column"),
    Code(
        "D115",
        r"enum member name .* is not a valid Python identifier",
        "enum member name '1st' is not a valid Python identifier",
    ),
    Code("D116", r"enum \S+ .* is listed twice", "enum value 'red' is listed twice (first at colour.md:9:1)"),
    Code("D117", r"union member code block is not", "union member code block is not 'name: Type = ...'"),
    Code("D118", r"union has no member types", "union has no member types"),
    Code(
        "D119",
        r"OptionalNullable\[\.\.\.\] means the field may be absent",
        "OptionalNullable[...] means the field may be absent, but its Required cell says required",
    ),
    Code(
        "D120",
        r"Nullable\[\.\.\.\] means the field must be present",
        "Nullable[...] means the field must be present, but its Required cell says optional",
    ),
    Code(
        "D121",
        r"OptionalNullable\[\.\.\.\] describes a field that may be absent",
        "OptionalNullable[...] describes a field that may be absent; it cannot stand inside another type",
    ),
    Code(
        "D122",
        r".* holds a model's additional properties",
        "'__pydantic_extra__' holds a model's additional properties: its type must be Dict[str, X]",
    ),
    Code(
        "D123",
        r"a Values list without a sentence saying the enum is open",
        "a Values list without a sentence saying the enum is open",
    ),
    Code("D124", r"open enum mixes string and integer values", "open enum mixes string and integer values"),
    Code(
        "D125",
        r"open enum value .* is not a quoted string or an integer",
        "open enum value red is not a quoted string or an integer",
    ),
    Code("D126", r"section .* is not one docgen reads; ignored", "section 'Notes' is not one docgen reads; ignored"),
    Code("D127", r"section .* describes no type; not read", "section 'Example Usage' describes no type; not read"),
    Code(
        "D128",
        r"page is a symbolic link to a file outside",
        "page is a symbolic link to a file outside the specs folder",
    ),
    Code("D129", r"page is a loop of symbolic links", "page is a loop of symbolic links"),
    Code(
        "D130",
        r"page is a symbolic link to a file that does not",
        "page is a symbolic link to a file that does not exist",
    ),
    Code(
        "D131",
        r"page is not a regular file",
        "page is not a regular file (a FIFO, device, socket or folder)",
    ),
    Code("D132", r"cannot read page: ", "cannot read page: Permission denied"),
    Code("D133", r"page is larger than docgen reads", "page is larger than docgen reads (the limit is 67108864 bytes)"),
    Code(
        "D134",
        r"operation name .* is not a Python identifier",
        "operation name 'get-widget' is not a Python identifier",
    ),
    Code(
        "D135",
        r"operation .* is already documented in group",
        "operation 'get_widget' is already documented in group 'widgets' at sdks/widgets/README.md:12:4",
    ),
    Code("D136", r"'Response' section names no type", "'Response' section names no type"),
    Code("D137", r"unreadable status .* in the errors table", "unreadable status 'four hundred' in the errors table"),
    Code("D138", r"error type .* is not a Python name", "error type 'errors.Not-Found' is not a Python name"),
    Code("D139", r"'.*' table has no .* column", "'Errors' table has no 'status code' column"),
    Code(
        "D140",
        r"type .* is defined by .*, which has errors",
        "type 'models.Widget' is defined by models/widget.md, which has errors",
    ),
    Code(
        "D141",
        r"operation group .* is not a Python module name",
        "operation group 'sdk-first' is not a Python module name",
    ),
    # OpenAPI Generator pages (docgen/dialects/openapi_generator.py)
    Code(
        "D150",
        r"a .* table has the header ",
        "a Properties table has the header 'Name | Type | Comment'",
    ),
    Code(
        "D151",
        r"description cell holds an unescaped '\|'",
        "description cell holds an unescaped '|' (5 cells where the header has 4); read as part of the description",
    ),
    Code("D152", r"unknown Notes flag ", "unknown Notes flag '[nullable]' of field 'name'"),
    Code(
        "D153",
        r"enum item .* is not a member name and a quoted or integer value",
        "enum item 'RED' is not a member name and a quoted or integer value",
    ),
    Code("D154", r"'.*' section lists no values", "'Enum' section lists no values"),
    Code(
        "D155",
        r"default .* of field .* is not ",
        "default 'soon' of field 'when' is not a value of the field's type; the field gets no default",
    ),
    Code(
        "D159",
        r"error type .* cannot be a class name",
        "error type 'errors._Internal' cannot be a class name: names starting with '_' are docgen's own",
    ),
    Code(
        "D160",
        r"enum value is an integer of more digits",
        "enum value is an integer of more digits than Python reads in source",
    ),
    # Type cells
    Code("D201", r"expected .* in type, found", "expected ']' in type, found the end of the cell"),
    Code("D202", r"empty Type cell", "empty Type cell"),
    Code("D203", r"unexpected .* after the type", "unexpected ']' after the type"),
    Code("D204", r"a value is not a type here", "a value is not a type here"),
    Code("D205", r".* needs type arguments", "List needs type arguments: List[...]"),
    Code("D206", r"unknown type name", "unknown type name 'Strng'"),
    Code("D207", r".*\[\.\.\.\] takes .* type argument\(s\), got", "Dict[...] takes 2 type argument(s), got 1"),
    Code("D208", r"expected a type inside", "expected a type inside List[...]"),
    Code("D209", r"Dict keys must be str", "Dict keys must be str: JSON object keys are strings"),
    Code("D210", r"only binary files are supported", "only binary files are supported: IO[bytes]"),
    Code("D211", r"Literal\[\.\.\.\] takes strings", "Literal[...] takes strings, integers, booleans or None"),
    Code("D212", r"unknown generic type", "unknown generic type 'Tuple'"),
    Code("D213", r"type nested more than .* levels deep", "type nested more than 32 levels deep"),
    Code(
        "D214", r".* is not a number docgen can write in Python", "'1.2.3' is not a number docgen can write in Python"
    ),
    # links, names and modules
    Code(
        "D301",
        r"link .* resolves to .*, outside the specs folder",
        "link '../../x.md' resolves to '../x.md', outside the specs folder",
    ),
    Code(
        "D320",
        r"link .* points to a page that does not exist \(.*\); the type is read as ",
        "link 'Gone.md' points to a page that does not exist (Gone.md); the type is read as Dict[str, Any]",
    ),
    Code(
        "D322",
        r"link .* was written without its docs root, and no folder above this page has ",
        "link 'undefined/models/x.md' was written without its docs root, and no folder above this page has "
        "'models/x.md'",
    ),
    Code(
        "D302",
        r"link .* points to a page that does not exist",
        "link 'foo.md' points to a page that does not exist (models/foo.md)",
    ),
    Code(
        "D303",
        r"type .* is already defined in namespace",
        "type 'Thing' is already defined in namespace 'shared' at models/shared/a.md:1:1",
    ),
    Code(
        "D304",
        r"page would be written to the same module as",
        "page would be written to the same module as models/a.md",
    ),
    Code("D305", r"page has the same name as a folder of pages", "page has the same name as a folder of pages"),
    Code("D306", r"union contains itself", "union contains itself: A -> B -> A"),
    Code(
        "D315",
        r"union nests other unions \S+ deep",
        "union nests other unions 40 deep: U0 -> U1 -> U2 -> ... -> U39",
    ),
    Code(
        "D307",
        r"link .* points to .*, not a model page",
        "link 'x.md' points to 'sdks/x.md', an operation page, not a model page",
    ),
    Code(
        "D308",
        r"link .* resolves to .*, a symbolic link leading outside",
        "link 'x.md' resolves to 'x.md', a symbolic link leading outside the specs folder",
    ),
    Code(
        "D309",
        r"link .* points to .*, a page this build leaves out",
        "link 'x.md' points to 'x.md', a page this build leaves out (include/exclude)",
    ),
    Code(
        "D310",
        r"page cannot be the module ",
        "page cannot be the module _sse.a: '_sse' is the name of a support module",
    ),
    Code(
        "D311",
        r"type name .* cannot be used: ",
        "type name '_Thing' cannot be used: names starting with '_' are docgen's own (support modules, helper functions)",
    ),
    Code(
        "D312",
        r"field name .* cannot be used: ",
        "field name '__slots__' cannot be used: '__slots__' has a meaning of its own in a Python class",
    ),
    Code(
        "D313", r"fields .* share the JSON key", "fields 'str' (at a.md:7:3) and 'str_' of A share the JSON key 'str'"
    ),
    Code(
        "D314",
        r"fields .* would both be the Python attribute",
        "fields 'from_dict' (at a.md:7:3) and 'from_dict_' of A would both be the Python attribute 'from_dict_'",
    ),
    Code(
        "D321",
        r"pages of two docs families: ",
        "pages of two docs families: a.md is written by openapi-generator, b.md by speakeasy",
    ),
    # configuration
    Code("D401", r"cannot read \S+: ", "cannot read pyproject.toml: Permission denied"),
    Code("D402", r"\S+ is not valid UTF-8", "pyproject.toml is not valid UTF-8"),
    Code("D403", r"invalid TOML", "invalid TOML: Expected '=' after a key in a key/value pair"),
    Code("D404", r"\[tool\.docgen\] must be a table", "[tool.docgen] must be a table"),
    Code("D405", r"unknown key .* in \[tool\.docgen\]", "unknown key 'spec' in [tool.docgen]"),
    Code("D406", r"'[\w-]+' must be a non-empty string", "'specs' must be a non-empty string"),
    Code("D407", r"package .* is not a dotted Python name", "package 'acme-models' is not a dotted Python name"),
    Code("D408", r"unknown wire-naming", "unknown wire-naming 'snake'"),
    Code("D409", r"'[\w-]+' must be true or false", "'strict' must be true or false"),
    Code("D410", r"unknown status", "unknown status 'fine'"),
    Code("D411", r"'[\w-]+' must be a table of", '\'wire-names\' must be a table of "Type.field" = "name"'),
    Code("D412", r"\w+ for .* must be a non-empty string", "name for 'Foo.bar' must be a non-empty string"),
    Code(
        "D413", r"[\w-]+ key .* must name a field", "wire-names key 'Foo' must name a field: \"[namespace.]Type.field\""
    ),
    Code("D414", r"[\w-]+: no model .* in the specs", "wire-names: no model 'shared.Foo' in the specs"),
    Code("D415", r"[\w-]+: .* names several models", "wire-names: 'Foo' names several models (a.Foo, b.Foo)"),
    Code("D416", r"[\w-]+: model .* has no field", "wire-names: model 'shared.Foo' has no field 'bar'"),
    Code("D417", r"unknown dialect", "unknown dialect 'sphinx'; known dialects: speakeasy, speakeasy-pydantic"),
    Code("D418", r"'[\w-]+' must be a list of globs", "'include' must be a list of globs"),
    Code("D419", r"'tool' must be a table", "'tool' must be a table ([tool.docgen] holds docgen's settings)"),
    Code("D420", r"\S+ cannot be read: ", "pyproject.toml cannot be read: values nested too deeply"),
    Code("D421", r"cannot read the ignore file", "cannot read the ignore file: No such file or directory"),
    Code("D422", r"unknown rule .* in an ignore file", "unknown rule 'field-gone' in an ignore file"),
    Code(
        "D423",
        r"ignore entry .* is not 'RULE'",
        "ignore entry 'a b c' is not 'RULE', 'Type.field' or 'RULE Type.field'",
    ),
    Code("D430", r"unknown wire-matching", "unknown wire-matching 'loose'"),
    Code("D431", r"nullable entry .* must be true or false", "nullable entry 'Foo.bar' must be true or false"),
    Code(
        "D432",
        r"'open-enums' must be true, false or a list",
        "'open-enums' must be true, false or a list of enum names",
    ),
    Code("D433", r"open-enums: no enum .* in the specs", "open-enums: no enum 'shared.Colour' in the specs"),
    Code(
        "D434",
        r"open-enums: .* names several enums",
        "open-enums: 'Status' names several enums (models.a.Status, models.b.Status)",
    ),
    Code("D440", r"'max-page-size' must be a positive number", "'max-page-size' must be a positive number of bytes"),
    Code(
        "D450",
        r"operation-statuses key .* must name an operation",
        "operation-statuses key 'chat' must name an operation: \"group.operation\"",
    ),
    Code(
        "D451",
        r"operation-statuses entry .* must be a list of statuses",
        "operation-statuses entry 'widgets.get' must be a list of statuses or a table of status = member type",
    ),
    Code(
        "D452",
        r"operation-statuses: no operation .* in the operation pages",
        "operation-statuses: no operation 'widgets.fetch' in the operation pages",
    ),
    Code(
        "D453",
        r"operation-statuses: the response of .* has no member",
        "operation-statuses: the response of 'widgets.get' has no member 'Gadget'",
    ),
    Code(
        "D454",
        r"sentinels key .* names no operation and no model field",
        "sentinels key 'chat.stream' names no operation and no model field: no operation of that key in the "
        "operation pages and no model of that type in the specs",
    ),
    # user templates
    Code("D501", r"template syntax error", "template syntax error: unexpected '}'"),
    Code("D502", r"template failed: ", "template failed: ZeroDivisionError: integer division or modulo by zero"),
    Code(
        "D503",
        r"the templates in .* produced code that is not valid Python",
        "the templates in my-templates produced code that is not valid Python: Cannot parse: 3:4",
    ),
    # OUT
    Code(
        "D601",
        r".* \S+, which exists and was not written by docgen",
        "this page maps to out/models/thing.py, which exists and was not written by docgen",
    ),
    Code(
        "D602",
        r".* \S+, but \S+ is not a folder and was not written by docgen",
        "this page maps to out/models/thing.py, but out/models is not a folder and was not written by docgen",
    ),
    Code(
        "D603",
        r"manifest entry .*; docgen never writes such a path",
        "manifest entry '../x.py' leaves OUT; docgen never writes such a path, so it will not touch it",
    ),
    # JSON samples (docgen wire-names)
    Code("D701", r"cannot read sample file", "cannot read sample file: No such file or directory"),
    Code("D702", r"sample is not JSON: ", "sample is not JSON: Expecting ',' delimiter"),
    Code("D703", r"sample is not JSON docgen reads", "sample is not JSON docgen reads: nested too deeply"),
    Code("D704", r"sample line is not ", 'sample line is not {"model": "[namespace.]Type", "json": {...}}'),
)


def code_of(message: str) -> str:
    """The code of the diagnostic kind *message* belongs to (:data:`UNCODED` if none)."""
    for entry in CODES:
        if entry.matches(message):
            return entry.code
    return UNCODED
