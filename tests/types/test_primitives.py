"""The primitive table: the one description of each primitive that every stage reads.

The last test adds ``uuid.UUID`` as a new primitive without touching docgen: one table
entry (patched in for the test) and two support functions in an overriding copy of
``parsing.py.jinja``, and the built package parses and dumps UUIDs.
"""

from __future__ import annotations

import importlib
import sys
import uuid
from pathlib import Path

import pytest

from docgen import primitives
from docgen.build import generate
from docgen.emit.dumps import dump_expression, is_identity
from docgen.emit.parsers import parse_expression
from docgen.ir import Primitive
from docgen.primitives import TABLE, PrimitiveType, is_cell_name, primitive

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class _Context:
    """Just enough of a ParserContext for expressions of primitives."""

    decls: dict = {}
    allow_nan = False


def test_every_primitive_of_a_type_cell_parses_and_dumps_as_the_table_says() -> None:
    for entry in TABLE:
        if not entry.in_cells or entry.name == "float":
            continue
        parsed = parse_expression(Primitive(entry.name), "v", "p", _Context())  # type: ignore[arg-type]
        dumped = dump_expression(Primitive(entry.name), "v", _Context())  # type: ignore[arg-type]
        if entry.any_value:  # any JSON value, taken as it is
            assert parsed == "v" and entry.identity and not entry.parse and not entry.guard[0]
        elif entry.parse:
            assert parsed == f"_parsing.{entry.parse}(v, p)"
        else:
            assert entry.exact and parsed.startswith(f"(v if type(v) is {entry.name} else _parsing.fail(")
        called = entry.dump_in_line.format(v="v") if entry.dump_in_line else f"_parsing.{entry.dump}(v)"
        assert dumped == ("v" if entry.identity else called)
        assert is_identity(Primitive(entry.name), {}) is entry.identity


def test_the_table_describes_what_a_type_cell_may_name() -> None:
    assert {p.name for p in TABLE if is_cell_name(p.name)} == {
        "str", "int", "float", "bool", "bytes", "Decimal", "date", "datetime", "Any", "object"
    }  # fmt: skip
    assert {p.name for p in TABLE if p.any_value} == {"Any", "object"}
    assert not is_cell_name("None") and not is_cell_name("UUID")
    # a dump tests subclasses before their bases
    names = [p.name for p in TABLE]
    assert names.index("bool") < names.index("int") and names.index("datetime") < names.index("date")


UUID_ENTRY = PrimitiveType(
    "UUID", "uuid", ("type(value) is str", "a UUID string"), parse="parse_uuid", dump="dump_uuid"
)
UUID_FUNCTIONS = '''

def parse_uuid(value: object, path: Path) -> "UUID":
    """A UUID from its canonical string form."""
    from uuid import UUID

    if type(value) is str:
        try:
            return UUID(value)
        except ValueError:
            pass
    fail(path, "a UUID string", value)


def dump_uuid(value: "UUID") -> str:
    return str(value)
'''
PAGE = """# Order

## Fields

| Field | Type | Required | Description |
|---|---|---|---|
| `id` | UUID | :heavy_check_mark: | N/A |
| `others` | List[UUID] | :heavy_minus_sign: | N/A |
"""


def test_adding_uuid_is_one_table_entry_and_two_support_functions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(primitives.BY_NAME, "UUID", UUID_ENTRY)
    templates = tmp_path / "templates"
    templates.mkdir()
    parsing = (TEMPLATES / "parsing.py.jinja").read_text(encoding="utf-8")
    (templates / "parsing.py.jinja").write_text(parsing + UUID_FUNCTIONS, encoding="utf-8")
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "order.md").write_text(PAGE, encoding="utf-8")
    generated = generate(specs, user_templates=str(templates))
    assert generated.files, [d.render() for d in generated.diagnostics]
    assert primitive("UUID") is UUID_ENTRY
    for path, text in generated.files.items():
        (tmp_path / "uuid_pkg" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "uuid_pkg" / path).write_text(text, encoding="utf-8")
    source = generated.files["order.py"]
    assert "from uuid import UUID" in source and "_parsing.parse_uuid(" in source
    sys.path.insert(0, str(tmp_path))
    try:
        package = importlib.import_module("uuid_pkg")
        order = importlib.import_module("uuid_pkg.order")
        one, two = uuid.uuid4(), uuid.uuid4()
        value = order.Order.from_dict({"id": str(one), "others": [str(two)]})
        assert value.id == one and value.others == [two]
        assert value.to_dict() == {"id": str(one), "others": [str(two)]}
        with pytest.raises(package.ParseError, match="UUID"):
            order.Order.from_dict({"id": "not-a-uuid"})
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("uuid_pkg")]:
            del sys.modules[name]
