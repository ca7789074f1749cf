"""Pydantic-era pages -> IR: Nullable/OptionalNullable, constants, additional properties,
open enums, file and stream types, and the errors for pages that say them wrong."""

from __future__ import annotations

import pytest

from docgen.ir import (
    BinaryFile,
    DictOf,
    FileKind,
    HttpResponse,
    ListOf,
    LiteralOf,
    Nullability,
    Optional_,
    Primitive,
    Ref,
    StreamKind,
    StreamOf,
    UnionOf,
)
from tests.dialects.speakeasy.test_lowering import errors, model_page, only_decl

NULLABLE, UNSET = Nullability.NULLABLE, Nullability.OPTIONAL_NULLABLE


def test_nullable_and_optional_nullable_keep_what_they_say() -> None:
    rows = "\n".join(
        [
            "| `a` | *Nullable[str]* | :heavy_check_mark: | N/A |",
            "| `b` | *OptionalNullable[int]* | :heavy_minus_sign: | N/A |",
            "| `c` | *Optional[str]* | :heavy_minus_sign: | N/A |",
            "| `d` | List[*Nullable[int]*] | :heavy_check_mark: | N/A |",
        ]
    )
    a, b, c, d = only_decl({"m/t.md": model_page("T", rows)}, "m.T").fields
    assert (a.type, a.required) == (Optional_(Primitive("str"), NULLABLE), True)
    assert (b.type, b.required) == (Optional_(Primitive("int"), UNSET), False)
    assert (c.type, c.required) == (Optional_(Primitive("str")), False)  # plain Optional: as before
    assert d.type == ListOf(Optional_(Primitive("int"), NULLABLE))


def test_a_page_without_pydantic_marks_is_read_in_the_era_of_its_tree() -> None:
    """One SDK's pages come from one generator: a page of plain fields still gets its constants."""
    pages = {
        "m/a.md": model_page("A", "| `x` | *Nullable[str]* | :heavy_check_mark: | N/A |"),
        "m/b.md": model_page("B", '| `tag` | *Literal["b"]* | :heavy_check_mark: | N/A |'),
    }
    (tag,) = only_decl(pages, "m.B").fields
    assert (tag.name, tag.wire_name, tag.constant, tag.required) == ("TAG", "tag", True, False)
    # without any pydantic-era page in the tree, the same row is an ordinary required field
    (tag,) = only_decl({"m/b.md": pages["m/b.md"]}, "m.B").fields
    assert (tag.name, tag.constant, tag.required) == ("tag", False, True)


@pytest.mark.parametrize(
    ("cell", "required", "constant"),
    [
        ('*Literal["x"]*', ":heavy_check_mark:", True),
        ("*Literal[7]*", ":heavy_check_mark:", True),
        ("*Literal[True]*", ":heavy_check_mark:", True),
        ("*Nullable[Literal[None]]*", ":heavy_check_mark:", True),
        ("*OptionalNullable[Literal[None]]*", ":heavy_minus_sign:", True),
        ('*Literal["x", "y"]*', ":heavy_check_mark:", False),  # two values: a choice
        ('*Optional[Literal["x"]]*', ":heavy_minus_sign:", False),  # "x" or absent: not one value
        ('*Nullable[Literal["x"]]*', ":heavy_check_mark:", False),  # "x" or null
    ],
)
def test_a_field_with_one_possible_value_is_a_constant(cell: str, required: str, constant: bool) -> None:
    pages = {
        "m/a.md": model_page("A", "| `x` | *Nullable[str]* | :heavy_check_mark: | N/A |"),
        "m/t.md": model_page("T", f"| `kind` | {cell} | {required} | N/A |"),
    }
    (field,) = only_decl(pages, "m.T").fields
    assert field.constant is constant
    assert field.name == ("KIND" if constant else "kind")
    assert field.wire_name == "kind"


def test_pydantic_extra_is_the_models_additional_properties() -> None:
    rows = "| `__pydantic_extra__` | Dict[str, *int*] | :heavy_minus_sign: | N/A |\n| `a` | *str* | :heavy_check_mark: | N/A |"
    extra, a = only_decl({"m/t.md": model_page("T", rows)}, "m.T").fields
    assert (extra.type, extra.additional, extra.required) == (DictOf(Primitive("int")), True, False)
    assert not a.additional


def test_open_enum_from_a_bullet_list_of_quoted_values() -> None:
    page = (
        "# Colour\n\nA colour.\n\n## Values\n\nThis is an open enum: values not listed are accepted.\n\n"
        '- `"red"`\n- `"dark-blue"`\n- `"1"`\n'
    )
    marker = model_page("A", "| `x` | *Nullable[str]* | :heavy_check_mark: | N/A |")
    colour = only_decl({"m/colour.md": page, "m/a.md": marker}, "m.Colour")
    assert colour.open is True
    assert colour.value_type == "str"  # quoted: strings, even where they look like numbers
    assert [(m.name, m.value) for m in colour.members] == [("RED", "red"), ("DARK_BLUE", "dark-blue"), ("VALUE_1", "1")]
    assert colour.description == "A colour."


def test_a_values_table_stays_a_closed_enum() -> None:
    page = "# Mode\n\n## Values\n\n| Name | Value |\n|---|---|\n| `ON` | on |\n"
    marker = model_page("A", "| `x` | *Nullable[str]* | :heavy_check_mark: | N/A |")
    assert only_decl({"m/mode.md": page, "m/a.md": marker}, "m.Mode").open is False


def test_file_and_stream_types() -> None:
    rows = "\n".join(
        [
            "| `f` | *Union[bytes, IO[bytes], io.BufferedReader]* | :heavy_check_mark: | N/A |",
            "| `g` | *io.IOBase* | :heavy_check_mark: | N/A |",
            "| `r` | *httpx.Response* | :heavy_check_mark: | N/A |",
            "| `s` | *Union[eventstreaming.EventStream[str], eventstreaming.EventStreamAsync[str]]* "
            "| :heavy_check_mark: | N/A |",
        ]
    )
    f, g, r, s = only_decl({"m/t.md": model_page("T", rows)}, "m.T").fields
    assert f.type == UnionOf((Primitive("bytes"), BinaryFile(FileKind.IO), BinaryFile(FileKind.BUFFERED_READER)))
    assert g.type == BinaryFile(FileKind.IO_BASE)
    assert r.type == HttpResponse()
    sync, asynchronous = StreamKind.EVENT_STREAM, StreamKind.EVENT_STREAM_ASYNC
    assert s.type == UnionOf((StreamOf(Primitive("str"), sync), StreamOf(Primitive("str"), asynchronous)))


def test_union_headings_in_code_and_the_flat_models_namespace() -> None:
    union = (
        "# Note\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n"
        "### [`models.Chunk`](../models/chunk.md)\n\n```python\nvalue: List[models.Chunk] = /* values here */\n```\n"
    )
    chunk = model_page("Chunk", "| `text` | *Nullable[str]* | :heavy_check_mark: | N/A |")
    note = only_decl({"models/note.md": union, "models/chunk.md": chunk}, "models.Note")
    assert note.members == (Primitive("str"), ListOf(Ref("models.Chunk")))
    # built from inside docs/models, the pages' namespace is still the one the docs write
    note = only_decl({"note.md": union.replace("../models/", ""), "chunk.md": chunk}, "Note")
    assert note.members == (Primitive("str"), ListOf(Ref("Chunk")))


MARKER = {"m/a.md": model_page("A", "| `x` | *Nullable[str]* | :heavy_check_mark: | N/A |")}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("| `b` | *OptionalNullable[str]* | :heavy_check_mark: | N/A |", "may be absent, but its Required cell"),
        ("| `b` | *Nullable[str]* | :heavy_minus_sign: | N/A |", "must be present, but its Required cell"),
        ("| `b` | List[*OptionalNullable[str]*] | :heavy_check_mark: | N/A |", "cannot stand inside another type"),
        ("| `b` | *Nullable[str, int]* | :heavy_check_mark: | N/A |", "Nullable[...] takes 1 type argument(s), got 2"),
        ("| `b` | *Nullable* | :heavy_check_mark: | N/A |", "Nullable needs type arguments"),
        ("| `b` | *Literal[]* | :heavy_check_mark: | N/A |", "Literal[...] takes 1 to 64"),
        ("| `b` | *Literal[str]* | :heavy_check_mark: | N/A |", "Literal[...] takes strings, integers"),
        ("| `__pydantic_extra__` | *str* | :heavy_minus_sign: | N/A |", "its type must be Dict[str, X]"),
    ],
)
def test_malformed_cells_get_a_located_error(row: str, message: str) -> None:
    found = errors({**MARKER, "m/t.md": model_page("T", row)})
    assert len(found) == 1 and message in found[0], found
    assert found[0].startswith("m/t.md:7:")


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        ('- `"red"`\n- `"blue"`\n', "m/c.md:3:", "without a sentence saying the enum is open"),
        ('This is an open enum.\n\n- `"red"`\n- red\n', "m/c.md:8:", "is not a quoted string or an integer"),
        ('This is an open enum.\n\n- `"red"`\n- `"red"`\n', "m/c.md:8:", "listed twice"),
        ('This is an open enum.\n\n- `1`\n- `"one"`\n', "m/c.md:3:", "mixes string and integer values"),
    ],
)
def test_malformed_open_enum_lists_get_a_located_error(body: str, where: str, message: str) -> None:
    found = errors({**MARKER, "m/c.md": f"# C\n\n## Values\n\n{body}"})
    assert len(found) == 1 and found[0].startswith(where) and message in found[0], found


def test_literal_constants_keep_their_values_type() -> None:
    rows = "| `on` | *Literal[True]* | :heavy_check_mark: | N/A |\n| `n` | *Literal[-3]* | :heavy_check_mark: | N/A |"
    on, n = only_decl({**MARKER, "m/t.md": model_page("T", rows)}, "m.T").fields
    assert (on.type, n.type) == (LiteralOf((True,)), LiteralOf((-3,)))
