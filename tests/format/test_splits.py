"""docgen/format/splits.py splits long conditions, returns and assignments exactly as
black does: compared with the installed black on the shapes docgen's parsers write, at
and around the line length, and on random expressions of the grammar it knows."""

from __future__ import annotations

import random

import pytest

from docgen.format import layout
from docgen.format.formatter import black_once
from docgen.format.grammar import split_statement


def blacks(statement: str, depth: int) -> list[str]:
    """*statement* at *depth* (``if _:`` blocks around it) as black lays it out."""
    wrapper = "".join("    " * level + "if _:\n" for level in range(depth))
    body = "\n" + "    " * (depth + 1) + "pass\n" if statement.endswith(":") else "\n"
    formatted = black_once(wrapper + "    " * depth + statement + body)
    lines = formatted.split("\n")[depth:]
    return lines[: -2 if statement.endswith(":") else -1]


def check(statement: str, depth: int = 1) -> list[str] | None:
    """docgen's split of *statement* (None: left to black), failing when it is not black's."""
    split = split_statement("    " * depth + statement)
    if split is not None:
        assert split == blacks(statement, depth), statement
    return split


def name(length: int, stem: str = "f_") -> str:
    return (stem + "x" * length)[: max(length, len(stem) + 1)]


# --- the shapes docgen's parsers write ---------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "if 'authenticated' not in value and not _AuthorizationHeaderModificationToken_EXACT(value):",
        "if 'bool' not in value and not _RequestBodyPostMultipleContentTypesSplitParamJSONRequestBody_EXACT(value):",
        "if 'message' not in value and not _FlattenedEnvelopeUnionResponseResponseBodiesResponseBody_EXACT(value):",
        "if f_nullable_optional_int is not None and type(f_nullable_optional_int) is not int:",
        "if _ResponseBodyZeroValueComplexTypePtrsPostResponseBody_FIELDS.unchanged(value, path):",
        "if value.keys() <= _RichCompletionEvent_KEYS or _parsing.matched_keys(value, _RichCompletionEvent_KEYS) == len(value):",
        "if type(f_x_header_number) is not float or f_x_header_number - f_x_header_number != 0.0:",
        "if f_msrp is not _unset.UNSET and (f_msrp is not None and (type(f_msrp) is not float or f_msrp - f_msrp != 0.0)):",
        "if f_region_code is not _unset.UNSET and f_region_code is not None and type(f_region_code) is not str:",
        "if len(value) == 2 - (f_client_level_header is None) - (f_idempotency_key is None):",
        "if len(value) == 19 - (f_bigint_str_val is None) - (f_bigint_val is None) - (f_bool_opt_val is None)"
        " - (f_decimal_val is None) - (f_int_opt_null_val is None) - (f_num_opt_null_val is None)"
        " - (f_str_opt_val is None):",
        "raise TypeError('not an EventGroupCreateWebhook | EventsArrayCreateWebhook: ' + type(value).__name__)",
        "raise TypeError('not a ChatCompletionEvent | SentinelEvent: ' + type(value).__name__)",
        "result = await _dispatch.adispatch(response, ROUTES_delete_payment_method, api_errors.UnexpectedResponseError)",
        "return _parse_SomeVeryLongModelNameForTheTest(_SomeVeryLongModelNameForTheTest_FIELDS.rematch(value, path), path)",
        "_SomeLongEnumName_values = _values_SomeLongEnumName[f_x] if type(f_x) is int else _parse_SomeLongEnumName(f_x, path)",
        "f_decimal_input = number if type(f_decimal_input) is str and '_' not in f_decimal_input"
        " and f_decimal_input == f_decimal_input.strip() and (number := _parsing.Decimal(f_decimal_input)).is_finite()"
        " else _parsing.parse_decimal(value.get('decimal_input', _parsing.MISSING), (path, 'decimal_input'))",
        "if len(value) == 3 and f_code_of_the_error is not None and f_message is not None and f_type is not None:",
        "_ALongModelNameForTheKeysTable_FIELDS = _parsing.WireKeys('ALongModelNameForTheKeysTable', ('a', 'b'))",
        "_ALongModelNameForTheKeysTableOfAModel_FIELDS = _parsing.WireKeys('ALongModelNameForTheKeysTableOfAModel',"
        " ('content_type', 'status_code', 'res'), {'content_type': 'operations.ALongModelNameForTheKeysTableOfAModel"
        ".content_type', 'status_code': 'operations.ALongModelNameForTheKeysTableOfAModel.status_code'})",
        "_ALongModelNameForTheKeysTableOfAModelThatGoesOnAndOn_FIELDS = _parsing.WireKeys("
        "'ALongModelNameForTheKeysTableOfAModelThatGoesOnAndOn', ('some_prop',))",
    ],
)
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_parser_statements_are_split_as_black_splits_them(statement: str, depth: int) -> None:
    statement = statement.replace("'", '"')
    assert check(statement, depth) is not None or len("    " * depth + statement) <= 88


def test_a_condition_exactly_at_the_line_length_stays_and_one_more_splits() -> None:
    stem = "if 'k' not in value and not _{}_EXACT(value):"
    base = len("    " + stem.format(""))
    at_limit = stem.format("A" * (88 - base)).replace("'", '"')
    assert len("    " + at_limit) == 88
    assert split_statement("    " + at_limit) is None  # fits: kept as it is, not split here
    assert layout.format_code(f"if _:\n    {at_limit}\n        pass\n", black_once) == black_once(
        f"if _:\n    {at_limit}\n        pass\n"
    )
    over = stem.format("A" * (89 - base)).replace("'", '"')
    assert check(over) == blacks(over, 1) and len(blacks(over, 1)) > 1


@pytest.mark.parametrize("width", range(80, 100))
def test_around_the_line_length(width: int) -> None:
    """Each split decision (the head fitting, the optional parentheses, the trailer left
    on the line) flips at some width: each width from under to over the limit."""
    for statement in [
        "if {n} is not None and type({n}) is not int:",
        "if 'key' not in value and not {n}(value):",
        "return _parse_X({n}.rematch(value, path), path)",
        "if len(value) == 3 - ({n} is None) - (f_b is None) - (f_c is None):",
        "if {n}.unchanged(value, path):",
        "x = {n} if type({n}) is int else _parse_E(value, (path, 'x'))",
    ]:
        for depth in (1, 2):
            base = len("    " * depth + statement.format(n=""))
            size = max(1, (width - base) // max(1, statement.count("{n}")))
            check(statement.format(n=name(size)).replace("'", '"'), depth)


@pytest.mark.parametrize(
    "statement",
    [
        # nested brackets, calls in calls, subscripts
        "if f_aaaaaaaaaaaaaaaaaaaa(g_bbbbbbbbbbbbbbbbbbbbbbbb(h_cccccccccccccccccc(value, path), x), y_dddddddddddd):",
        'return a_module.a_function(value["a_key_of_some_length"], b_module.b_function(value, path, kind=3))',
        'result = first_function(argument_one, argument_two)["key"] + second_function(argument_three, x)',
        "if a_long_name_number_zero and (a_long_name_number_one or a_long_name_number_two or a_long_x):",
        "while not a_function_with_a_long_name(argument_number_one) or not another_function(argument_two):",
        "return value_one_long_name * value_two_long_name + value_three_long_name // value_four_long_name % x",
        # parentheses around the whole value or condition, which black makes its optional ones
        "return (a_long_name_number_one or a_long_name_number_two or a_long_name_number_three_xxxxxx)",
        "result_3 = (value if type(value) is float and value - value == 0.0 else _parsing.parse_float(value, path))",
        "if (a_long_name_number_one or a_long_name_number_two):",
    ],
)
def test_nested_brackets(statement: str) -> None:
    assert check(statement) is not None


@pytest.mark.parametrize(
    "statement",
    [
        # strings black might requote or leave alone: left to black
        "if value.get('it\\'s a key with an escaped quote') is not None and value.get('another one') is None:",
        'if value.get("a \\"quoted\\" key that is long enough to need a split") is not None and x is None:',
        "if value.get('a key with a \"double quote\" in it, long enough to split') is not None and y:",
        "if value.get(r'raw string key that is quite long, to make the line too long for black') and z:",
        # what the grammar leaves out: trailing commas, displays, lambdas, stars, comments
        "if some_function_with_a_long_name(argument_number_one, argument_number_two, argument_3,):",
        "return [element_of_a_list for element_of_a_list in a_long_iterable_name_that_goes_on_and_on]",
        "return some_function_with_a_long_name(*arguments_with_a_long_name, **keywords_with_a_long_name)",
        "if some_function_with_a_long_name(lambda item: item.attribute_name, a_long_iterable_name_xx):",
        "if some_function_with_a_long_name(argument_number_one, argument_number_two):  # a comment here",
        # an expression opening with a bracket
        "if (a_long_name_number_one or a_long_name_number_two) and (a_long_name_number_three or a_long_x):",
        "return ((a_long_name_number_one or a_long_name_number_two) and a_long_name_number_three_x)",
        "return f(a_long_name_number_one if a_long_condition_name_xxxx else a_long_name_number_two_xx)",
    ],
)
def test_what_it_does_not_know_goes_to_black(statement: str) -> None:
    assert check(statement) is None
    header = statement.split("  #")[0].endswith(":")
    source = f"def f():\n    {statement}\n" + ("        pass\n" if header else "")
    assert layout.format_code(source, black_once) == black_once(source)


# --- random expressions of the grammar ---------------------------------------------------------


def _name(rnd: random.Random) -> str:
    return rnd.choice("abf_XY") + "".join(rnd.choice("abcxyz_019") for _ in range(rnd.randint(0, 28)))


def _atom(rnd: random.Random, depth: int) -> str:
    choice = rnd.random()
    if choice < 0.35 or depth > 2:
        return rnd.choice([_name(rnd), f"{_name(rnd)}.{_name(rnd)}", "None", str(rnd.randint(0, 99)), '"a key"'])
    if choice < 0.7:
        arguments = [_argument(rnd, depth + 1) for _ in range(rnd.randint(0, 3))]
        return f"{rnd.choice([_name(rnd), f'_parsing.{_name(rnd)}'])}({', '.join(arguments)})"
    if choice < 0.75:
        return f'{_name(rnd)}["{_name(rnd)}"]'
    if choice < 0.8:  # a subscript of an atom and its trailers
        return f"{_name(rnd)}[{_atom(rnd, depth + 1) if rnd.random() < 0.5 else _name(rnd) + '.' + _name(rnd)}]"
    if choice < 0.86:
        return f"({_comparison(rnd, depth + 1)})"
    if choice < 0.9:  # a tuple
        elements = [_arith(rnd, depth + 1) for _ in range(rnd.randint(1, 3))]
        return f"({elements[0]},)" if len(elements) == 1 else f"({', '.join(elements)})"
    if choice < 0.93:  # a named expression, in its parentheses
        return f"({_name(rnd)} := {_or(rnd, depth + 1)}).{_name(rnd)}()"
    if choice < 0.96:  # a dict display
        entries = [f'"{_name(rnd)}": {_arith(rnd, depth + 1)}' for _ in range(rnd.randint(0, 3))]
        return "{" + ", ".join(entries) + "}"
    base = _atom(rnd, depth + 1)
    return f"{base if not base[0].isdigit() else f'({base} + 1)'}.{_name(rnd)}"


def _argument(rnd: random.Random, depth: int) -> str:
    value = _or(rnd, depth) if rnd.random() < 0.3 else _atom(rnd, depth)
    return f"{_name(rnd)}={value}" if rnd.random() < 0.25 else value


def _arith(rnd: random.Random, depth: int) -> str:
    parts = [_atom(rnd, depth) for _ in range(rnd.choice([1, 1, 1, 2, 4]))]
    return "".join(
        part if not index else f" {rnd.choice(['-', '+', '*', '//'])} {part}" for index, part in enumerate(parts)
    )


def _comparison(rnd: random.Random, depth: int) -> str:
    left = _arith(rnd, depth)
    if rnd.random() < 0.3:
        return left
    operator = rnd.choice(["==", "!=", "<=", ">", "in", "not in", "is", "is not"])
    return f"{left} {operator} {_arith(rnd, depth)}"


def _or(rnd: random.Random, depth: int) -> str:
    terms = [("not " if rnd.random() < 0.2 else "") + _comparison(rnd, depth) for _ in range(rnd.randint(1, 4))]
    return "".join(term if not index else f" {rnd.choice(['and', 'or'])} {term}" for index, term in enumerate(terms))


def _statement(rnd: random.Random) -> str:
    expression = _or(rnd, 0)
    if rnd.random() < 0.15:
        expression = f"{expression} if {_or(rnd, 1)} else {_atom(rnd, 1)}"
    call = f"{_name(rnd)}.{_name(rnd)}({', '.join(_argument(rnd, 1) for _ in range(rnd.randint(1, 4)))})"
    return rnd.choice(
        [
            f"if {expression}:",
            f"while {expression}:",
            f"return {expression}",
            f"{_name(rnd)} = {expression}",
            f"{_name(rnd)} = ({expression})",  # parentheses black makes invisible
            f"return ({expression})",
            f"if ({_or(rnd, 0)}):",
            f"raise {_name(rnd)}({_or(rnd, 1)})",
            f"{_name(rnd)} = await {call}",
            f"return await {call}",
        ]
    )


@pytest.mark.parametrize("seed", range(6))
def test_random_expressions_are_split_as_black_splits_them(seed: int) -> None:
    rnd = random.Random(seed)
    split = 0
    for _ in range(300):
        statement, depth = _statement(rnd), rnd.randint(0, 3)
        if check(statement, depth) is not None:
            split += 1
    assert split > 50  # most random statements are too long and in the grammar: laid out here


# --- elements of calls and displays exploded one a line ---------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "ROUTES_create_webhook = (\n"
        "    _dispatch.Route('2XX', 'application/json', 'model', CreateWebhookResponse, read=_read_create_webhook),\n"
        "    _dispatch.Route('400', 'application/json', 'error', api_errors.ErrorsBoltAPIResponse, read=_dispatch.x),\n"
        "    _dispatch.Route('4XX', '*', 'error', api_errors.APIError),\n"
        ")\n",
        "def f(value):\n"
        "    result: dict[str, Any] = {\n"
        "        'nullable_required_obj': (None if value.nullable_required_obj is None else _dump_X(value.nullable_obj)),\n"
        "        'required_obj': _dump_RequiredObj(value.required_obj),\n"
        "        'request_body': _dump_RequestBodyPostMultipleContentTypesSplitParamFormRequestBody(value.request_body),\n"
        "    }\n",
        "def f(value):\n    return EmptyResponseObjectWithCommentGetResponseBody(\n    )\n",
        "def f(value):\n    return A_very_long_name_of_a_class_with_nothing_to_hold_in_it_at_all_nothing_xxxxxxxx(\n    )\n",
    ],
)
def test_exploded_elements_are_laid_out_as_black_lays_them_out(source: str) -> None:
    assert layout.format_code(source, black_once) == black_once(source)


def _value(rnd: random.Random) -> str:
    return rnd.choice(
        [
            _atom(rnd, 1),
            _or(rnd, 2),
            f"({_or(rnd, 2)} if {_comparison(rnd, 2)} else {_atom(rnd, 2)})",
            f"{_name(rnd)}.{_name(rnd)}({', '.join(_argument(rnd, 2) for _ in range(rnd.randint(1, 5)))})",
        ]
    )


def _exploded(rnd: random.Random) -> tuple[str, int]:
    """A tuple, a dict, or a call with keyword arguments, one element a line."""
    depth = rnd.randint(0, 2)
    pad = "    " * depth
    head, element, closing = rnd.choice(
        [
            (f"{_name(rnd)} = (", lambda: _value(rnd), ")"),
            (f"{_name(rnd)}: dict[str, Any] = {{", lambda: f'"{_name(rnd)}": {_value(rnd)}', "}"),
            ("return cls(", lambda: f"{_name(rnd)}={_value(rnd)}", ")"),
            (f"{_name(rnd)} = f(", lambda: rnd.choice([_value(rnd), f"{_name(rnd)}={_value(rnd)}"]), ")"),
        ]
    )
    lines = [pad + head, *(f"{pad}    {element()}," for _ in range(rnd.randint(1, 4))), pad + closing]
    nesting = "".join("    " * level + "if _:\n" for level in range(depth))
    return nesting + "\n".join(lines) + "\n", depth


@pytest.mark.parametrize("seed", range(4))
def test_random_exploded_elements_are_laid_out_as_black_lays_them_out(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(150):
        source, _depth = _exploded(rnd)
        assert layout.format_code(source, black_once) == black_once(source), source
