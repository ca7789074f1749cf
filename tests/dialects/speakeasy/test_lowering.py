"""Pages -> IR: what each dialect rule and each column means."""

from __future__ import annotations

from docgen.ir import (
    BinaryFile,
    DictOf,
    Enum,
    FileKind,
    HttpResponse,
    ListOf,
    LiteralOf,
    Model,
    Nullability,
    Optional_,
    Primitive,
    Ref,
    Union_,
    UnionOf,
)
from tests.conftest import compile_pages

PY_DOCS = "https://docs.python.org/3/library/datetime.html"


def model_page(name: str, rows: str, header: str = "| Field | Type | Required | Description |") -> str:
    separator = "|" + "---|" * (header.count("|") - 1)
    return f"# {name}\n\n## Fields\n\n{header}\n{separator}\n{rows}\n"


def only_decl(pages: dict[str, str], key: str):
    compiled = compile_pages(pages)
    assert compiled.spec is not None, [d.render() for d in compiled.diagnostics]
    return compiled.spec.decls()[key]


def errors(pages: dict[str, str]) -> list[str]:
    compiled = compile_pages(pages)
    assert compiled.spec is None
    return [f"{d.span}: {d.message}" for d in compiled.diagnostics if d.severity == "error"]


def test_columns_are_found_by_header_name_and_unknown_columns_are_kept() -> None:
    page = model_page(
        "Thing",
        "| Free text | :heavy_check_mark: | `count` | *int* | 7 |",
        "| Description | Required | Field | Type | Example |",
    )
    thing = only_decl({"m/thing.md": page}, "m.Thing")
    (field,) = thing.fields
    assert (field.name, field.type, field.required, field.description) == ("count", Primitive("int"), True, "Free text")
    assert field.extra == ()  # Example is a known column


def test_extra_columns_are_kept_in_the_ir() -> None:
    page = model_page(
        "Thing", "| `a` | *str* | :heavy_check_mark: | N/A | v1 |", "| Field | Type | Required | Description | Since |"
    )
    (field,) = only_decl({"m/thing.md": page}, "m.Thing").fields
    assert field.extra == (("Since", "v1"),)
    assert field.description == ""


def test_name_column_without_required_means_required() -> None:
    page = model_page("Cfg", "| `strategy` | `*str*` | The strategy. |", "| Name | Type | Description |")
    (field,) = only_decl({"m/cfg.md": page}, "m.Cfg").fields
    assert (field.name, field.required, field.type) == ("strategy", True, Primitive("str"))


def test_minus_sign_makes_a_field_optional_even_without_optional_in_the_type() -> None:
    rows = "\n".join(
        [
            "| `tags` | List[*str*] | :heavy_minus_sign: | N/A |",
            "| `note` | *Optional[str]* | :heavy_minus_sign: | N/A |",
            "| `count` | *Optional[int]* | :heavy_check_mark: | N/A |",
        ]
    )
    tags, note, count = only_decl({"m/t.md": model_page("T", rows)}, "m.T").fields
    assert (tags.type, tags.required) == (Optional_(ListOf(Primitive("str"))), False)
    assert (note.type, note.required) == (Optional_(Primitive("str")), False)
    assert (count.type, count.required) == (Optional_(Primitive("int")), True)


def test_date_and_datetime_swap_only_as_python_docs_links() -> None:
    rows = "\n".join(
        [
            f"| `a` | [date]({PY_DOCS}#date-objects) | :heavy_check_mark: | N/A |",
            f"| `b` | [datetime]({PY_DOCS}#datetime-objects) | :heavy_check_mark: | N/A |",
            f"| `c` | Dict[str, [date]({PY_DOCS}#date-objects)] | :heavy_check_mark: | N/A |",
            "| `d` | [Union[datetime, int]](u.md) | :heavy_check_mark: | N/A |",
        ]
    )
    union = "# U\n\n## Supported Types\n\n### \n\n```python\nu: datetime = /* values here */\n```\n"
    a, b, c, d = only_decl({"m/t.md": model_page("T", rows), "m/u.md": union}, "m.T").fields
    assert a.type == Primitive("datetime")
    assert b.type == Primitive("date")
    assert c.type == DictOf(Primitive("datetime"))
    assert d.type == UnionOf((Primitive("datetime"), Primitive("int")))


def test_nil_example_means_nullable() -> None:
    header = "| Field | Type | Required | Description | Example |"
    rows = (
        "| `xs` | List[*float*] | :heavy_check_mark: | N/A | <nil> |\n| `s` | *str* | :heavy_check_mark: | N/A | null |"
    )
    xs, s = only_decl({"m/t.md": model_page("T", rows, header)}, "m.T").fields
    assert (xs.type, xs.required) == (Optional_(ListOf(Primitive("float"))), True)
    assert s.type == Primitive("str")


def test_links_resolve_relative_to_the_page_and_by_anchor() -> None:
    pages = {
        "models/shared/foo.md": model_page("Foo", "| `x` | *int* | :heavy_check_mark: | N/A |"),
        "models/operations/op.md": (
            model_page(
                "Op",
                "| `foo` | [Optional[shared.Foo]](../../models/shared/foo.md) | :heavy_minus_sign: | N/A |\n"
                "| `raw` | [requests.Response](https://requests.readthedocs.io/) | :heavy_check_mark: | N/A |\n"
                "| `inner` | [Inner](#inner) | :heavy_check_mark: | N/A |",
            )
            + "\n## Inner\n\n### Fields\n\n| Name | Type | Description |\n|---|---|---|\n| `y` | *str* | N/A |\n"
        ),
    }
    foo, raw, inner = only_decl(pages, "models.operations.Op").fields
    assert foo.type == Optional_(Ref("models.shared.Foo"))
    assert raw.type == HttpResponse()
    assert inner.type == Ref("models.operations.Inner")


def test_enums_are_int_when_every_value_is_an_integer() -> None:
    ints = "# Level\n\n## Values\n\n| Name | Value |\n|---|---|\n| `LOW` | 1 |\n| `HIGH` | 10 |\n"
    strs = "# Code\n\n## Values\n\n| Name | Value |\n|---|---|\n| `ONE` | 1 |\n| `A` | a |\n"
    level = only_decl({"m/level.md": ints}, "m.Level")
    code = only_decl({"m/code.md": strs}, "m.Code")
    assert isinstance(level, Enum) and (level.value_type, [m.value for m in level.members]) == ("int", [1, 10])
    assert isinstance(code, Enum) and (code.value_type, [m.value for m in code.members]) == ("str", ["1", "a"])


def test_union_members_keep_doc_order_without_duplicates() -> None:
    page = "# P\n\n## Supported Types\n\n" + "".join(
        f"### \n\n```python\np: {t} = /* values here */\n```\n\n" for t in ("str", "int", "int", "float", "bool")
    )
    union = only_decl({"m/p.md": page}, "m.P")
    assert isinstance(union, Union_)
    assert union.members == (Primitive("str"), Primitive("int"), Primitive("float"), Primitive("bool"))


def test_deprecated_names_and_keywords() -> None:
    rows = '| ~~`old`~~ | *Optional[str]* | :heavy_minus_sign: | N/A |\n| `class` | *Literal["k"]* | :heavy_check_mark: | N/A |'
    old, klass = only_decl({"m/t.md": model_page("T", rows)}, "m.T").fields
    assert (old.name, old.deprecated) == ("old", True)
    assert (klass.name, klass.wire_name, klass.type) == ("class_", "class", LiteralOf(("k",)))


def test_every_problem_of_every_page_is_reported() -> None:
    pages = {
        "m/a.md": model_page("A", "| `x` | [shared.Nope](nope.md) | :heavy_check_mark: | N/A |"),
        "m/b.md": model_page("B", "| `y` | *Wibble* | :heavy_check_mark: | N/A |\n| `z` | *int* | yes | N/A |"),
        "m/c.md": model_page("C", "| `w` | [C](../../../etc/passwd.md) | :heavy_check_mark: | N/A |"),
    }
    assert errors(pages) == [
        "m/a.md:7:9: link 'nope.md' points to a page that does not exist (m/nope.md)",
        "m/b.md:7:10: unknown type name 'Wibble'",
        "m/b.md:8:17: unknown Required marker 'yes'",
        "m/c.md:7:9: link '../../../etc/passwd.md' resolves to '../../etc/passwd.md', outside the specs folder",
    ]


def test_models_refer_to_each_other_by_key() -> None:
    pages = {
        "m/a.md": model_page("A", "| `b` | [Optional[m.B]](b.md) | :heavy_minus_sign: | N/A |"),
        "m/b.md": model_page("B", "| `a` | List[[m.A](a.md)] | :heavy_check_mark: | N/A |"),
    }
    compiled = compile_pages(pages)
    assert compiled.spec is not None
    decls = compiled.spec.decls()
    assert isinstance(decls["m.A"], Model) and decls["m.A"].fields[0].type == Optional_(Ref("m.B"))
    assert decls["m.B"].fields[0].type == ListOf(Ref("m.A"))


def test_binary_files_and_null_literals() -> None:
    rows = (
        "| `content` | *Union[bytes, IO[bytes], io.BufferedReader]* | :heavy_check_mark: | N/A |\n"
        "| `nothing` | *Nullable[Literal[None]]* | :heavy_check_mark: | N/A |"
    )
    content, nothing = only_decl({"m/t.md": model_page("T", rows)}, "m.T").fields
    files = (BinaryFile(FileKind.IO), BinaryFile(FileKind.BUFFERED_READER))
    assert content.type == UnionOf((Primitive("bytes"), *files))
    # a type with one value is a constant, named as the SDK names it
    assert (nothing.name, nothing.wire_name) == ("NOTHING", "nothing")
    assert nothing.type == Optional_(LiteralOf((None,)), Nullability.NULLABLE)
    assert (nothing.constant, nothing.required) == (True, False)
