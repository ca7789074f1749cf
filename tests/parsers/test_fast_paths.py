"""The fast paths of the generated parsers (docgen/emit/fast.py, docgen/emit/discriminate.py)
decide nothing on their own: every value they do not convert reaches the general parse,
so what is accepted and every message stay what they were."""

from __future__ import annotations

import importlib
import random
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest
from test_parsers_values import all_kinds, chunk, error_of

from docgen.primitives import primitive


@pytest.mark.parametrize("key", ["date", "date_time", "decimal", "priority"])
def test_an_absent_required_key_is_missing_not_null(pkg: ModuleType, key: str) -> None:
    value = all_kinds()
    del value[key]
    assert error_of(pkg.AllKinds.from_dict, value).startswith(f"$.{key}: missing required field, expected ")
    value[key] = None
    message = error_of(pkg.AllKinds.from_dict, value)
    assert message.startswith(f"$.{key}: expected ") and "got null" in message
    assert f'"shared.AllKinds.{key}" = true' in message  # the nullable hint still names the setting


@pytest.mark.parametrize(
    ("key", "value", "wanted"),
    [
        ("decimal", 3, Decimal(3)),  # an int is a decimal: the fallback converts it
        ("decimal", Decimal("0.5"), Decimal("0.5")),  # json.loads(parse_float=Decimal)
        ("decimal", 1.25, Decimal("1.25")),
        ("date_time", "2024-05-01T12:00:00.12345Z", None),  # a fraction of 5 digits, Z
    ],
)
def test_what_the_fast_path_leaves_the_fallback_converts(pkg: ModuleType, key: str, value: Any, wanted: Any) -> None:
    parsed = getattr(pkg.AllKinds.from_dict(all_kinds(**{key: value})), key)
    if wanted is not None:
        assert parsed == wanted and type(parsed) is Decimal
    else:
        assert parsed.microsecond == 123450 and parsed.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("bad", [True, 2.0, [2], {"x": 2}])
def test_an_int_enum_takes_ints_only(pkg: ModuleType, bad: Any) -> None:
    message = error_of(pkg.AllKinds.from_dict, all_kinds(priority=bad))
    assert message.startswith("$.priority: expected Priority (one of 1, 2, 3), got ")


@pytest.mark.parametrize("bad", [["assistant"], {"r": 1}, 3, "robot"])
def test_a_str_enum_rejects_unhashable_and_unknown_values(pkg: ModuleType, bad: Any) -> None:
    message = error_of(pkg.ChatCompletionEvent.from_dict, {"data": chunk(role=bad)})
    assert message.startswith("$.data.role: expected Role (one of ")


def test_a_tagged_member_that_rejects_gives_the_whole_unions_message(pkg: ModuleType) -> None:
    from parsers_specs.models.shared.chatcompletionresult import parse_chat_completion_result

    # "data" is an object: only ChatCompletionEvent can accept it, and it does not
    message = error_of(parse_chat_completion_result, {"data": chunk(index="3")})
    assert message.startswith("$: expected ChatCompletionEvent | SentinelEvent, got dict ")
    assert "ChatCompletionEvent: $.data.index: expected int, got str '3'" in message
    assert "SentinelEvent: $.data: expected '[DONE]', got dict" in message


def test_a_tag_spelled_otherwise_takes_the_general_route(pkg: ModuleType) -> None:
    from parsers_specs.models.shared.chatcompletionresult import parse_chat_completion_result

    assert parse_chat_completion_result({"Data": "[DONE]"}) == pkg.SentinelEvent("[DONE]")
    assert parse_chat_completion_result({"Data": chunk()}) == pkg.ChatCompletionEvent.from_dict({"data": chunk()})


def _decimal_texts() -> list[str]:
    """Texts near the decimal grammar: signs, points, exponents, other digits,
    whitespace, underscores, NaN and the infinities."""
    rnd = random.Random(7)
    alphabet = ["0", "1", "9", ".", "e", "E", "+", "-", "_", " ", "\t", "\u00a0", "\u0663", "N", "a", "I", "nf", "x"]
    texts = [
        "",
        "0",
        "1.",
        ".5",
        "1e5",
        "-1.5E-3",
        " 1",
        "1 ",
        "1_000",
        "NaN",
        "-Infinity",
        "sNaN",
        "inf",
        "1e999999999",
    ]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 7))) for _ in range(4000)]
    return texts


def test_the_decimal_fast_path_reads_exactly_the_texts_the_general_parse_reads(pkg: ModuleType) -> None:
    """The fast path is the expression a Decimal field's read holds in line, its fallback
    (the general parse) standing in as "rejected"."""
    parsing = importlib.import_module(f"{pkg.__name__}._parsing")
    written, _ = primitive("Decimal").fast_parse
    expression = written.format(v="text").replace("{fallback}", "'rejected'")
    for text in _decimal_texts():
        try:
            general: Any = parsing.parse_decimal(text, "$")
        except parsing.ParseError:
            general = "rejected"
        try:
            fast: Any = eval(expression, {"_parsing": parsing}, {"text": text})
        except ArithmeticError:
            fast = "rejected"
        assert (text, fast) == (text, general)


def _tree(depth: int, bad: bool = False) -> dict[str, Any]:
    """A TreeNode *depth* levels deep, two children a level; *bad*: the last leaf's name is an int."""
    if depth == 0:
        return {"name": 7 if bad else "leaf", "children": []}
    return {"name": f"level {depth}", "children": [_tree(depth - 1), _tree(depth - 1, bad)]}


def test_a_first_reading_keeps_no_path_and_an_error_is_read_again_with_its_path(
    pkg: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """from_dict reads with the path None (no tuple per nested value); where that reading
    fails it reads again from ``$``, so the error still says exactly where."""
    module = importlib.import_module(pkg.__name__ + ".models.shared.treenode")
    parse = module._parse_TreeNode
    paths: list[Any] = []

    def recorded(value: Any, path: Any) -> Any:
        paths.append(path)
        return parse(value, path)

    monkeypatch.setattr(module, "_parse_TreeNode", recorded)
    tree = module.TreeNode.from_dict(_tree(3))
    assert tree.children[1].children[0].name == "level 1"
    assert len(paths) == 15 and set(paths) == {None}

    paths.clear()
    message = error_of(module.TreeNode.from_dict, _tree(3, bad=True))
    assert message.startswith("$.children[1].children[1].children[1].name: expected str, got int 7"), message
    first = paths[: paths.index("$")]
    assert set(first) == {None}  # the first reading, up to the failing leaf
    assert all(path == "$" or isinstance(path, tuple) for path in paths[len(first) :])
