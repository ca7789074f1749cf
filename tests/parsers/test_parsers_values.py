"""What the generated parsers accept, reject and write back, on a build of specs/."""

from __future__ import annotations

import base64
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest


def chunk(**data: Any) -> dict[str, Any]:
    base = {"content": "hi", "role": "assistant", "index": 0, "created": "2024-05-01T12:00:00Z"}
    base.update(data)
    return base


def all_kinds(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "str": "s",
        "int": 1,
        "float_value": 1.5,
        "bool": True,
        "date": "2024-02-29",
        "date_time": "2024-05-01T12:00:00+05:30",
        "decimal": "0.10",
        "big_int": 2**70,
        "blob": base64.b64encode(b"\x00\xff").decode(),
        "any": {"nested": [1, None]},
        "class": "kinds",
        "priority": 2,
        "nullable_count": None,
    }
    base.update(changes)
    return base


def error_of(parse: Any, value: Any, **kwargs: Any) -> str:
    from parsers_specs import ParseError

    with pytest.raises(ParseError) as caught:
        parse(value, **kwargs)
    assert isinstance(caught.value, ValueError)
    return str(caught.value)


# --- point 3: precise errors ----------------------------------------------------------------


def test_wrong_type_names_the_json_path_what_was_expected_and_what_came(pkg: ModuleType) -> None:
    message = error_of(pkg.ChatCompletionEvent.from_dict, {"data": chunk(index="3")})
    assert message == "$.data.index: expected int, got str '3'"


def test_path_through_lists_and_maps(pkg: ModuleType) -> None:
    value = {"tags": [], "labels": {}, "groups": {"odd key": ["a", 3]}, "matrix": [[1], [2, "x"]]}
    assert error_of(pkg.Containers.from_dict, value) == "$.groups['odd key'][1]: expected str, got int 3"
    value["groups"] = {}
    assert error_of(pkg.Containers.from_dict, value) == "$.matrix[1][1]: expected int, got str 'x'"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"int": True}, "$.int: expected int, got bool True"),
        ({"int": 1.5}, "$.int: expected int, got float 1.5"),
        ({"int": 1.0}, "$.int: expected int, got float 1.0"),
        ({"float_value": "1.5"}, "$.float_value: expected float, got str '1.5'"),
        ({"float_value": False}, "$.float_value: expected float, got bool False"),
        ({"bool": 1}, "$.bool: expected bool, got int 1"),
        (
            {"str": None},
            '$.str: expected str, got null (null is accepted with [tool.docgen.nullable] "shared.AllKinds.str" = true)',
        ),
        ({"date": "2024-13-45"}, "$.date: expected an ISO 8601 date, got str '2024-13-45'"),
        ({"date_time": "yesterday"}, "$.date_time: expected an ISO 8601 date-time, got str 'yesterday'"),
        ({"decimal": "1,5"}, "$.decimal: expected a decimal number or string, got str '1,5'"),
        ({"decimal": "NaN"}, "$.decimal: expected a decimal number or string, got str 'NaN'"),
        ({"decimal": " 1"}, "$.decimal: expected a decimal number or string, got str ' 1'"),
        ({"blob": "not base64!"}, "$.blob: expected a base64 string, got str 'not base64!'"),
        ({"class": "other"}, "$.class: expected 'kinds', got str 'other'"),
        ({"priority": 7}, "$.priority: expected Priority (one of 1, 2, 3), got int 7"),
        ({"priority": "2"}, "$.priority: expected Priority (one of 1, 2, 3), got str '2'"),
        ({"priority": True}, "$.priority: expected Priority (one of 1, 2, 3), got bool True"),
        ({"opt_str": 3}, "$.opt_str: expected str or null, got int 3"),
        ({"old_mode": "lax"}, "$.old_mode: expected LegacyMode (one of 'compat', 'strict'), got str 'lax'"),
    ],
)
def test_defects_raise_parse_error(pkg: ModuleType, changes: dict[str, Any], message: str) -> None:
    assert error_of(pkg.AllKinds.from_dict, all_kinds(**changes)) == message


def test_missing_required_field(pkg: ModuleType) -> None:
    value = all_kinds()
    del value["str"]
    assert error_of(pkg.AllKinds.from_dict, value) == "$.str: missing required field, expected str"
    del value["any"]
    value["str"] = "s"
    assert error_of(pkg.AllKinds.from_dict, value) == "$.any: missing required field, expected a value"
    value["any"] = None  # Any admits null; a required nullable field must still be present
    del value["nullable_count"]
    assert error_of(pkg.AllKinds.from_dict, value) == "$.nullable_count: missing required field, expected int or null"


def test_not_an_object(pkg: ModuleType) -> None:
    assert error_of(pkg.Usage.from_dict, [1]) == "$: expected Usage (an object), got list [1]"


def test_long_values_are_shortened_in_messages(pkg: ModuleType) -> None:
    message = error_of(pkg.AllKinds.from_dict, all_kinds(int="x" * 1000))
    assert len(message) < 100 and message.startswith("$.int: expected int, got str 'xxx")


# --- accepted values ------------------------------------------------------------------------


def test_every_kind_parses_and_dumps_back(pkg: ModuleType) -> None:
    value = all_kinds(extra_key="ignored", opt_float=2)
    parsed = pkg.AllKinds.from_dict(value)
    assert parsed.str_ == "s" and parsed.int == 1 and parsed.bool_ is True
    assert parsed.date_ == date(2024, 2, 29)
    assert parsed.date_time == datetime(2024, 5, 1, 12, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert parsed.date_time.utcoffset() == timedelta(hours=5, minutes=30)
    assert parsed.decimal == Decimal("0.10") and str(parsed.decimal) == "0.10"
    assert parsed.big_int == 2**70
    assert parsed.blob == b"\x00\xff"
    assert parsed.any == {"nested": [1, None]}
    assert parsed.priority is pkg.Priority.NORMAL
    assert parsed.opt_float == 2.0 and type(parsed.opt_float) is float  # int accepted as float
    dumped = parsed.to_dict()
    assert dumped == {**all_kinds(), "opt_float": 2.0, "date_time": "2024-05-01T12:00:00+05:30", "decimal": "0.10"}
    assert pkg.AllKinds.from_dict(dumped) == parsed


def test_z_means_utc_and_naive_stays_naive(pkg: ModuleType) -> None:
    parsed = pkg.Data.from_dict(chunk(created="2024-05-01T12:00:00.123Z"))
    assert parsed.created == datetime(2024, 5, 1, 12, 0, 0, 123000, tzinfo=timezone.utc)
    assert pkg.Data.from_dict(chunk(created="2024-05-01T12:00:00")).created.tzinfo is None


def test_decimal_from_numbers_without_float_rounding(pkg: ModuleType) -> None:
    usage = {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
    assert pkg.Usage.from_dict({**usage, "cost": 0.1}).cost == Decimal("0.1")
    assert pkg.Usage.from_dict({**usage, "cost": 10**30}).cost == Decimal(10**30)
    assert pkg.Usage.from_dict({**usage, "cost": Decimal("0.1000000000000000000001")}).cost == Decimal(
        "0.1000000000000000000001"
    )
    assert pkg.Usage.from_dict({**usage, "cost": Decimal("1.5")}).to_dict()["cost"] == "1.5"


def test_optional_fields_absent_or_null_are_none_and_left_out_of_the_dump(pkg: ModuleType) -> None:
    parsed = pkg.Data.from_dict(chunk(usage=None))
    assert parsed.usage is None and parsed.finish_reason is None
    assert parsed.to_dict() == chunk(created="2024-05-01T12:00:00+00:00")


def test_containers_at_depth(pkg: ModuleType) -> None:
    usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
    value = {
        "tags": ["a"],
        "labels": {"k": "v"},
        "groups": {"g": ["x", "y"]},
        "matrix": [[1, 2], []],
        "nested": {"a": {"b": [usage]}},
        "values": ["s", 1, 1.5, True],
        "timestamps": {"t": "2024-01-01T00:00:00+00:00"},
    }
    parsed = pkg.Containers.from_dict(value)
    assert parsed.nested == {"a": {"b": [pkg.Usage(1, 2, 3)]}}
    assert [type(v) for v in parsed.values] == [str, int, float, bool]
    assert parsed.to_dict() == value
    assert parsed.tags is not value["tags"]  # parsing copies containers


def test_enum_and_union_functions(pkg: ModuleType) -> None:
    from parsers_specs.models.shared.scalarvalue import dump_scalar_value, parse_scalar_value

    assert pkg.Role.from_json("tool") is pkg.Role.TOOL and pkg.Role.TOOL.to_json() == "tool"
    assert type(pkg.Role.TOOL.to_json()) is str and pkg.Priority.HIGH.to_json() == 3
    assert error_of(pkg.Role.from_json, "robot").startswith("$: expected Role (one of 'system', ")
    assert [type(parse_scalar_value(v)) for v in ("1", 1, 1.0, True)] == [str, int, float, bool]
    assert dump_scalar_value(True) is True


# --- unions ------------------------------------------------------------------------------


def test_union_of_models_picks_the_member_that_matches(pkg: ModuleType) -> None:
    from parsers_specs.models.shared.contentpart import dump_content_part, parse_content_part

    assert parse_content_part({"type": "image_url", "url": "u"}) == pkg.ImagePart("image_url", "u")
    assert parse_content_part({"type": "text", "text": "t"}) == pkg.TextPart("text", "t")
    assert parse_content_part("plain") == "plain"
    assert dump_content_part(pkg.ImagePart("image_url", "u", "low")) == {
        "type": "image_url",
        "url": "u",
        "detail": "low",
    }
    message = error_of(parse_content_part, {"type": "video"})
    assert message.startswith("$: expected TextPart | ImagePart | str, got dict {'type': 'video'} (")
    assert "TextPart: $.type: expected 'text', got str 'video'" in message
    assert "ImagePart: $.type: expected 'image_url', got str 'video'" in message
    assert "str: expected a string" in message


def test_union_prefers_the_member_that_knows_every_key(pkg: ModuleType) -> None:
    from parsers_specs.models.shared.chatcompletionresult import parse_chat_completion_result

    event = {"data": chunk(), "id": "7"}
    assert parse_chat_completion_result(event) == pkg.ChatCompletionEvent.from_dict(event)
    assert parse_chat_completion_result({"data": "[DONE]"}) == pkg.SentinelEvent("[DONE]")
    # Unknown keys do not stop a match; the member knowing more of the keys wins.
    assert parse_chat_completion_result({"data": "[DONE]", "x": 1}) == pkg.SentinelEvent("[DONE]")


def test_inline_union_in_a_list(pkg: ModuleType) -> None:
    message = pkg.Message.from_dict({"role": "user", "content": ["hi", {"type": "text", "text": "t"}]})
    assert message.content == ["hi", pkg.TextPart("text", "t")]
    assert message.to_dict() == {"role": "user", "content": ["hi", {"type": "text", "text": "t"}]}
    error = error_of(pkg.Message.from_dict, {"role": "user", "content": [3]})
    assert error.startswith("$.content[0]: expected TextPart | ImagePart | str, got int 3")


# --- recursion ----------------------------------------------------------------------------


def nested_tree(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"name": "leaf", "children": []}
    for _ in range(depth):
        node = {"name": "n", "children": [node]}
    return node


def test_self_reference_parses_to_a_realistic_depth(pkg: ModuleType) -> None:
    tree = pkg.TreeNode.from_dict(nested_tree(200))
    depth = 0
    while tree.children:
        tree, depth = tree.children[0], depth + 1
    assert depth == 200 and tree.name == "leaf"


def test_hostile_depth_is_a_parse_error_not_a_recursion_error(pkg: ModuleType) -> None:
    assert error_of(pkg.TreeNode.from_dict, nested_tree(100_000)).startswith("$: value nested too deeply")
    parent: dict[str, Any] = {"name": "root", "children": []}
    for _ in range(100_000):
        parent = {"name": "n", "children": [], "parent": parent}
    assert error_of(pkg.TreeNode.from_dict, parent).startswith("$: value nested too deeply")


def test_mutual_recursion(pkg: ModuleType) -> None:
    author = pkg.Author.from_dict({"name": "A", "books": [{"title": "T", "author": {"name": "B"}}]})
    assert author.books[0].author == pkg.Author("B")
    assert pkg.Author.from_dict(author.to_dict()) == author


# --- fields JSON cannot carry ---------------------------------------------------------------


def test_operation_responses_take_the_raw_response_as_an_argument(pkg: ModuleType) -> None:
    raw = object()
    value = {"content_type": "application/json", "status_code": 200, "chat_completion_result": [{"data": "[DONE]"}]}
    response = pkg.ChatResponse.from_dict(value, raw_response=raw)
    assert response.raw_response is raw and response.chat_completion_stream is None
    assert response.chat_completion_result == [pkg.SentinelEvent("[DONE]")]
    assert response.to_dict() == value  # the raw response and the stream are not JSON
    with pytest.raises(TypeError):
        pkg.ChatResponse.from_dict(value)
