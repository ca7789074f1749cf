"""Hostile names, in every role a page gives a name: type, field, enum member, page and
folder.  For each, docgen either refuses it with a located error at the page, or writes
a package that imports, round-trips ``from_dict(to_dict(x))`` and keeps the name
reachable as documented (or as its documented escape, a trailing underscore)."""

from __future__ import annotations

import ast
import builtins
import importlib
import keyword
import sys
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest

from docgen.build import Source, compile_sources, generate
from docgen.diagnostics import ERROR
from docgen.emit import names
from docgen.emit.modules import RUNTIME_FILES
from docgen.ir import Ref

#: Names the OpenAPI Generator docs escape with a trailing underscore or a prefix, and
#: names of the modules docgen writes for operations.
OTHER_DIALECTS = ["Any", "object", "Warning", "Exception", "Ellipsis", "property", "_dispatch", "api_errors"]

HOSTILE = sorted(
    {
        *keyword.kwlist,
        *keyword.softkwlist,
        *[n for n in dir(builtins) if not n.startswith("_")],
        *["print", "id", "len", "isinstance", "super"],
        *["str", "int", "float", "bool", "bytes", "list", "dict", "type", "object", "tuple", "frozenset"],
        *["__slots__", "__init__", "__dict__", "__annotations__", "__weakref__", "__x", "__builtins__"],
        *["__name__", "__path__", "__future__", "__module__", "__class__", "__pydantic_extra__", "__all__"],
        *["__doc__", "__qualname__", "__hash__", "__eq__", "__match_args__", "__dataclass_fields__"],
        *["__members__", "__new__", "__getattr__", "__class_getitem__", "__post_init__", "__spec__"],
        *["_sse", "_http", "_parsing", "_errors", "_unset", "requests_http", "builtins", "typing", "dataclasses"],
        *["_dump_User", "_parse_User", "_User_KEYS", "_Role_VALUES", "_values_Role", "parse_pet", "dump_pet"],
        *["value", "path", "data", "cls", "self", "item", "index", "result_1", "media", "response", "key"],
        *["from_dict", "to_dict", "from_json", "to_json", "from_response", "name", "mro", "f_a", "_missing_"],
        *["Any", "Decimal", "date", "datetime", "Optional", "List", "Literal", "Enum", "field", "dataclass", "IO"],
        *["Generator", "BufferedReader", "IOBase", "UNSET", "Unset", "Nullable", "OptionalNullable"],
        *["User", "user", "USER", "Str", "STR", "Value", "VALUE", "ParseError", "MISSING", "Path", "py", "typed"],
        *OTHER_DIALECTS,
    }
)

MODEL = "# {title}\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n{rows}"
ROW = "| `{name}` | *str* | :heavy_check_mark: | N/A |\n"
ENUM = "# {title}\n\n## Values\n\n| Name | Value |\n|---|---|\n| `{name}` | v |\n"


def trees() -> dict[str, dict[str, tuple[str, str]]]:
    """role -> page path -> (page text, the hostile name it uses)."""
    return {
        "type": {
            f"t{i}.md": (MODEL.format(title=n.replace("_", "\\_"), rows=ROW.format(name="a")), n)
            for i, n in enumerate(HOSTILE)
        },
        "field": {f"f{i}.md": (MODEL.format(title=f"F{i}", rows=ROW.format(name=n)), n) for i, n in enumerate(HOSTILE)},
        "member": {f"e{i}.md": (ENUM.format(title=f"E{i}", name=n), n) for i, n in enumerate(HOSTILE)},
        "page": {f"{n}.md": (MODEL.format(title=f"P{i}", rows=ROW.format(name="a")), n) for i, n in enumerate(HOSTILE)},
        "folder": {
            f"{n}/x{i}.md": (MODEL.format(title=f"D{i}", rows=ROW.format(name="a")), n) for i, n in enumerate(HOSTILE)
        },
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[ModuleType, dict, set[str]]]]:
    """role -> (the imported package of the accepted pages, those pages, the refused pages)."""
    root = tmp_path_factory.mktemp("hostile")
    sys.path.insert(0, str(root))
    result = {}
    try:
        for role, pages in trees().items():
            compiled = compile_sources([Source(p, text) for p, (text, _) in sorted(pages.items())])
            refused = {d.span.path for d in compiled.diagnostics if d.severity == ERROR}
            for diagnostic in compiled.diagnostics:
                assert diagnostic.span.path in pages and diagnostic.span.line >= 1, diagnostic.render()
            accepted = {p: v for p, v in pages.items() if p not in refused}
            specs = root / f"specs_{role}"
            for path, (text, _) in accepted.items():
                (specs / path).parent.mkdir(parents=True, exist_ok=True)
                (specs / path).write_text(text, encoding="utf-8")
            generated = generate(specs)
            assert generated.files, [d.render() for d in generated.diagnostics]
            for path, text in generated.files.items():
                target = root / f"hostile_{role}" / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            result[role] = (importlib.import_module(f"hostile_{role}"), accepted, refused)
        yield result
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.startswith("hostile_")]:
            del sys.modules[name]


def reachable(owner: object, name: str) -> object:
    """The attribute documented as *name*: as written, or with docgen's trailing underscore."""
    known = getattr(owner, "__dataclass_fields__", None) or getattr(owner, "__members__", {})
    for candidate in (name, name + "_"):
        if candidate in known:
            return getattr(owner, candidate)
    raise AssertionError(f"{name!r} is not reachable on {owner!r}")


def module_of(package: ModuleType, page: str) -> ModuleType:
    parts = [names.module_name(p) for p in page[: -len(".md")].split("/")]
    return importlib.import_module(".".join([package.__name__, *parts]))  # type: ignore[list-item]


def declared(module: ModuleType, name: str) -> type:
    """The class a page declares as *name*: as written, or with docgen's trailing underscore."""
    for candidate in (name, name + "_"):
        found = vars(module).get(candidate)
        if isinstance(found, type) and found.__module__ == module.__name__:
            return found
    raise AssertionError(f"{name!r} is not declared in {module.__name__}")


def test_every_hostile_type_name_is_refused_or_works(built) -> None:  # type: ignore[no-untyped-def]
    package, accepted, refused = built["type"]
    for page, (_, name) in accepted.items():
        cls = declared(module_of(package, page), name)  # as documented, or with a trailing underscore
        assert cls.__name__ == names.type_name(name)
        assert cls.from_dict(cls.from_dict({"a": "x"}).to_dict()) == cls.from_dict({"a": "x"})
        assert getattr(package, cls.__name__) is cls  # exported from the root under that name
    refused_names = {accepted_name for p, (_, accepted_name) in trees()["type"].items() if p in refused}
    assert {"_dump_User", "__builtins__", "_http", "f_a", "result_1"} <= refused_names
    escaped = {"str", "int", "value", "path", "Decimal", "date", "Any", "Optional", "field", "dataclass"}
    assert escaped <= {n for _, n in accepted.values()}
    assert {"User", "user", "USER", "Path", "MISSING"} <= {n for _, n in accepted.values()}


def test_every_hostile_field_name_is_refused_or_works(built) -> None:  # type: ignore[no-untyped-def]
    package, accepted, refused = built["field"]
    for page, (text, name) in accepted.items():
        title = text.split("\n")[0][2:]
        cls = getattr(module_of(package, page), title)
        value = cls.from_dict({name: "x"})
        assert reachable(value, name) == "x"
        assert value.to_dict() == {name: "x"} and cls.from_dict(value.to_dict()) == value
    refused_names = {n for p, (_, n) in trees()["field"].items() if p in refused}
    assert {"__slots__", "__init__", "__dict__", "__annotations__", "__weakref__", "__x"} <= refused_names
    assert {"from_dict", "to_dict", "str", "class", "value"} <= {n for _, n in accepted.values()}


def test_every_hostile_enum_member_is_refused_or_works(built) -> None:  # type: ignore[no-untyped-def]
    package, accepted, _ = built["member"]
    for page, (text, name) in accepted.items():
        enum = getattr(module_of(package, page), text.split("\n")[0][2:])
        member = reachable(enum, name)
        assert enum.from_json("v") is member and member.to_json() == "v"
    assert {"from_json", "to_json", "name", "value", "mro"} <= {n for _, n in accepted.values()}


@pytest.mark.parametrize("role", ["page", "folder"])
def test_every_hostile_page_or_folder_name_is_refused_or_works(built, role: str) -> None:  # type: ignore[no-untyped-def]
    package, accepted, refused = built[role]
    for page, (text, _) in accepted.items():
        cls = getattr(module_of(package, page), text.split("\n")[0][2:])
        assert cls.from_dict({"a": "x"}).to_dict() == {"a": "x"}
    assert package.ParseError.__module__.endswith("._errors")  # the support modules are docgen's
    refused_names = {n for p, (_, n) in trees()[role].items() if p in refused}
    assert {"_sse", "_http", "_parsing", "_errors", "__future__"} <= refused_names


def test_the_support_modules_names_know_every_support_module() -> None:
    assert set(RUNTIME_FILES) == names.SUPPORT_MODULES


def test_a_link_to_a_page_whose_type_is_named_like_a_primitive_is_that_type() -> None:
    compiled = compile_sources(
        [
            Source("f.md", MODEL.format(title="F", rows="| `a` | [Decimal](money.md) | :heavy_check_mark: | N/A |\n")),
            Source("money.md", MODEL.format(title="Decimal", rows=ROW.format(name="a"))),
        ]
    )
    assert compiled.spec is not None and compiled.diagnostics == ()
    decls = compiled.spec.decls()
    (field,) = decls["F"].fields  # type: ignore[union-attr]
    assert field.type == Ref("Decimal") and decls["Decimal"].name == "Decimal_"


@pytest.mark.parametrize(
    ("rows", "wire_naming", "message"),
    [
        (["str", "str_"], None, "f.md:8:3: error: fields 'str' (at f.md:7:3) and 'str_' of F share the JSON key 'str'"),
        (["id", "id_"], None, "f.md:8:3: error: fields 'id' (at f.md:7:3) and 'id_' of F share the JSON key 'id'"),
        (["date_time", "dateTime"], "camelCase", "and 'dateTime' of F share the JSON key 'dateTime'"),
    ],
)
def test_two_fields_on_one_json_key_are_a_located_error_naming_both(
    rows: list[str], wire_naming: str | None, message: str, tmp_path: Path
) -> None:
    from docgen.config import Settings

    (tmp_path / "f.md").write_text(MODEL.format(title="F", rows="".join(ROW.format(name=r) for r in rows)))
    settings = Settings(wire_naming=wire_naming) if wire_naming else Settings()
    generated = generate(tmp_path, settings=settings)
    assert not generated.files
    assert any(message in d.render() for d in generated.diagnostics), [d.render() for d in generated.diagnostics]


def test_a_wire_name_setting_onto_another_fields_key_is_a_located_error(tmp_path: Path) -> None:
    from docgen.config import FieldOverride, Settings
    from docgen.ir import SourceSpan

    (tmp_path / "f.md").write_text(MODEL.format(title="F", rows=ROW.format(name="a") + ROW.format(name="b")))
    settings = Settings(wire_names=(FieldOverride("F.b", "a", SourceSpan("pyproject.toml", 3, 1)),))
    generated = generate(tmp_path, settings=settings)
    assert [d.render().splitlines()[0] for d in generated.diagnostics] == [
        "f.md:8:3: error: fields 'a' (at f.md:7:3) and 'b' of F share the JSON key 'a' [D313]"
    ]


def imported(generated: dict[str, str], root: Path, package: str) -> ModuleType:
    """The generated files written under *root* as the package *package*, imported."""
    for path, text in generated.items():
        (root / package / path).parent.mkdir(parents=True, exist_ok=True)
        (root / package / path).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(root))


@pytest.mark.parametrize(
    ("literal", "field_name"),
    [('Literal["text"]', "text"), ('Literal["a b"]', "a"), ('Literal["a b"]', "b"), ('Literal["Literal x"]', "x")],
)
def test_a_string_inside_a_literal_does_not_rename_a_field(literal: str, field_name: str, tmp_path: Path) -> None:
    rows = f"| `kind` | *{literal}* | :heavy_check_mark: | N/A |\n" + ROW.format(name=field_name)
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "f.md").write_text(MODEL.format(title="F", rows=rows))
    package = f"literal_{field_name}_{abs(hash(literal))}"
    cls = imported(generate(tmp_path / "specs").files, tmp_path, package).F
    assert list(cls.__dataclass_fields__) == ["kind", field_name]
    value = cls.from_dict({"kind": literal[9:-2], field_name: "x"})
    assert getattr(value, field_name) == "x" and cls.from_dict(value.to_dict()) == value


def _names_in(tree: ast.Module) -> set[str]:
    """Every name a module binds or refers to, at its top level or inside its functions:
    not the attributes and methods of its classes."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.alias) and node.name != "annotations":  # from __future__
            found.add((node.asname or node.name).split(".")[0])
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            found.add(node.name)
    return found


def _declared_by_pages(tree: ast.Module) -> set[str]:
    """The names that come from pages: classes, their fields and members, and the types
    (and modules of types) a module imports from its own package."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found.add(node.name)
            for item in node.body:
                targets = [item.target] if isinstance(item, ast.AnnAssign) else getattr(item, "targets", [])
                found.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.Assign) and isinstance(node.value, (ast.BinOp, ast.Subscript, ast.Attribute)):
            found.update(t.id for t in node.targets if isinstance(t, ast.Name))  # a union alias
        elif isinstance(node, ast.ImportFrom) and node.level and node.module != "" and node.names:
            found.update(a.asname or a.name for a in node.names if not a.name.startswith("_"))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.update(a.asname for a in node.names if a.asname)
    unions = {n for n in found if n[:1].isupper()}
    found |= {f"{prefix}_{_snake(n)}" for n in unions for prefix in ("parse", "dump")}
    return found


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))


def test_the_name_rules_know_every_name_generated_code_uses() -> None:
    """Every name a generated module binds or uses that no page declared is one the name
    rules know (so a page that names a type so is refused or escaped)."""
    from tests.emit.test_snapshots import SUPPORT_FILES, TREES, generated_files

    trees = {tree: generated_files(tree) for tree in TREES}
    trees["operations"] = generate(Path(__file__).parents[1] / "operations" / "docs").files
    # the support modules, the same in every build, and the operations' own but api_errors.py
    # (a class per error, named by the pages)
    fixed = SUPPORT_FILES | {f"{m}.py" for m in names.OPERATION_MODULES - {names.ERRORS_MODULE}}
    unknown = {}
    for tree, files in trees.items():
        for path, text in files.items():
            if not path.endswith(".py") or path in fixed or path.endswith("__init__.py"):
                continue
            uses = names.operation_module_uses if path.startswith("sdks/") else names.generated_code_uses
            if path == f"{names.ERRORS_MODULE}.py":
                uses = names.errors_module_uses
            module = ast.parse(text)
            for name in _names_in(module) - _declared_by_pages(module):
                if uses(name) is None and name not in ("None", "True", "False"):
                    unknown.setdefault(name, f"{tree}:{path}")
    assert len(trees["operations"]) > 10 and unknown == {}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            ["from_dict", "from_dict_"],
            "f.md:8:3: error: fields 'from_dict' (at f.md:7:3) and 'from_dict_' of F would both be the Python "
            "attribute 'from_dict_' [D314]",
        ),
        (
            ["classmethod", "classmethod_"],
            "f.md:8:3: error: fields 'classmethod' (at f.md:7:3) and 'classmethod_' of F share the JSON key "
            "'classmethod' [D313]",
        ),
    ],
)
def test_two_fields_on_one_python_name_are_a_located_error_naming_both(
    rows: list[str], message: str, tmp_path: Path
) -> None:
    (tmp_path / "f.md").write_text(MODEL.format(title="F", rows="".join(ROW.format(name=r) for r in rows)))
    generated = generate(tmp_path)
    assert not generated.files
    assert [d.render().splitlines()[0] for d in generated.diagnostics] == [message]


def test_a_field_named_like_the_type_it_refers_to_beside_its_escape_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pet.md").write_text(MODEL.format(title="Pet", rows=ROW.format(name="a")))
    rows = "| `Pet` | [Pet](pet.md) | :heavy_check_mark: | N/A |\n" + ROW.format(name="Pet_")
    (tmp_path / "f.md").write_text(MODEL.format(title="F", rows=rows))
    generated = generate(tmp_path)
    assert [d.render().splitlines()[0] for d in generated.diagnostics] == [
        "f.md:8:3: error: fields 'Pet' (at f.md:7:3) and 'Pet_' of F would both be the Python attribute 'Pet_' [D314]"
    ]


OAG_BOX = """# Box

A box whose fields are named like the builtins their defaults use.

## Properties

Name | Type | Description | Notes
------------ | ------------- | ------------- | -------------
**list** | **str** | A field named list. | [optional]
**items** | **List[str]** | Things. | [optional] [default to []]
**dict** | **str** | A field named dict. | [optional]
**extra** | **Dict[str, str]** | More. | [optional] [default to {}]

## Example

```python
from shop_client.models.box import Box
```
"""


def test_a_default_factory_is_not_hidden_by_a_field_named_like_it(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "Box.md").write_text(OAG_BOX)
    box = imported(generate(tmp_path / "specs").files, tmp_path, "defaults_box").Box
    made = box()  # the defaults are built when the class is instantiated
    assert (made.items, made.extra, made.list) == ([], {}, None)
    assert box.from_dict(made.to_dict()) == made and box(list="a").list == "a"
