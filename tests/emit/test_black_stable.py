"""docgen formats the code of its own templates with ``emit.format_source``: one pass
of black, run only on the statements docgen/layout.py cannot keep as they are.  That
must give exactly what black gives, and code black would not change again.  Checked
on the specs/ tree, the fixture trees and, where ../shared is present, the corpora."""

from __future__ import annotations

import random
from pathlib import Path

import black
import pytest

from docgen.build import generate
from docgen.format import layout
from docgen.format.formatter import BLACK_MODE, black_once, format_source
from tests.conftest import shared_path
from tests.emit.test_snapshots import TREES, generated_files


def unformatted(specs: Path) -> dict[str, str]:
    """The .py files of a build as the templates render them, before formatting."""
    raw: dict[str, str] = {}

    def keep(files: dict[str, str]) -> dict[str, str]:
        raw.update(files)
        return files

    result = generate(specs, formatter=keep)
    assert raw, [d.render() for d in result.diagnostics]
    return {path: text for path, text in raw.items() if path.endswith(".py")}


def differing(specs: Path) -> list[str]:
    """The files where docgen's formatting is not black's (until stable)."""
    return [
        path
        for path, text in sorted(unformatted(specs).items())
        if format_source(text) != black.format_str(text, mode=BLACK_MODE)
    ]


@pytest.mark.parametrize("tree", sorted(TREES))
def test_formatting_is_blacks_on_the_trees(tree: str) -> None:
    assert differing(TREES[tree]) == []


def test_formatting_is_blacks_on_the_corpus() -> None:
    assert differing(shared_path("corpus", "speakeasy-v1", "docs")) == []


@pytest.mark.parametrize("tree", sorted(TREES))
def test_formatted_code_is_stable(tree: str) -> None:
    files = generated_files(tree)
    assert [path for path, text in files.items() if path.endswith(".py") and black_once(text) != text] == []


def test_layout_keeps_plain_lines_and_has_black_format_the_rest() -> None:
    calls: list[str] = []

    def spy(source: str) -> str:
        calls.append(source)
        return black_once(source)

    source = (
        "from __future__ import annotations\n\n\n"
        "def f(value: object) -> str:\n"
        "    x = value.get('a')\n"
        "    return x if x is not None else g(lambda: 'a long argument, longer than black allows', 'and more')\n"
    )
    formatted = layout.format_code(source, spy)
    assert formatted == black_once(source)
    assert len(calls) == 1 and "def f" not in calls[0] and "x = value" not in calls[0]  # only the long line


@pytest.mark.parametrize(
    "source",
    [
        "# a comment\nx = 1\n",
        "#a comment\nx = 1\n",
        "x = 1 # a comment\n",
        "def f():\n    x = 1\n# a comment\n    y = 2\n",
        "if a:\n    b(c, 'a long argument, longer than black allows', 'and more')  # and a comment\nelse:  # c\n    pass\n",
        'x = "a \\" b"\ny = \'a \\\' b\'\nz = r"\\d"\n',
        'def f():\n    """Doc\n    string."""\n',
        "if a:\n    pass\nelif (b):\n    pass\n",
        "x = (1)\n",
        "f(a, b,)\n",
        '"""Module\n\ndoc."""\n\nx = 1\n',
        'class A:\n    """Doc\n\nstring   \n  more."""\n\n    x: int = 1\n    """Attribute\ndoc."""\n',
        'if x:\n    class A:\n        """Doc\n\n\n\nwith blank lines."""\n',
    ],
)
def test_layout_leaves_what_it_does_not_know_to_black(source: str) -> None:
    assert layout.format_code(source, black_once) == black_once(source)


# --- the statements layout.py splits itself, against black on random names and lengths ---


def _name(rnd: random.Random, longest: int) -> str:
    return rnd.choice("abXY_") + "".join(rnd.choice("abcdefXYZ_019") for _ in range(rnd.randint(0, longest - 1)))


def _annotation(rnd: random.Random) -> str:
    return rnd.choice(
        [
            _name(rnd, 50),
            f"{_name(rnd, 10)}.{_name(rnd, 40)}",
            f"dict[str, {_name(rnd, 40)}]",
            f"list[dict[str, {_name(rnd, 30)}]]",
            f"dict[str, dict[str, list[{_name(rnd, 30)}]]]",
            f"list[{_name(rnd, 40)}] | None",
            f"{_name(rnd, 30)} | {_name(rnd, 30)}",
        ]
    )


def _header(rnd: random.Random) -> str:
    params = [f"{_name(rnd, 25)}: {_annotation(rnd)}" + rnd.choice(["", " = None"]) for _ in range(rnd.randint(0, 5))]
    if len(params) > 1 and rnd.random() < 0.3:
        params.insert(rnd.randint(1, len(params) - 1), "*")
    returns = rnd.choice(["", f" -> {_annotation(rnd)}"])
    return f"def {_name(rnd, rnd.choice([70, 95]))}({', '.join(params)}){returns}:"  # a name too long, at times


def _call(rnd: random.Random) -> str:
    def argument() -> str:
        return rnd.choice(
            [
                _name(rnd, 30),
                '"' + " ".join(_name(rnd, 12) for _ in range(rnd.randint(1, 8))) + ' (an object)"',
                f"'{_name(rnd, 30)}'",
                f"{_name(rnd, 10)}={_name(rnd, 20)}",
                f"{_name(rnd, 10)}.{_name(rnd, 30)}",
                f"({_name(rnd, 10)}, '{_name(rnd, 30)}')",
                f"{_name(rnd, 10)}={{\"wire_name\": '{_name(rnd, 40)}'}}",
                f"[{_name(rnd, 20)}, {_name(rnd, 20)}]",
                _prefixed_string(rnd),
            ]
        )

    arguments = ", ".join(argument() for _ in range(rnd.randint(1, 5)))
    lead = rnd.choice(
        [
            "",
            "return ",
            f"{_name(rnd, 30)} = ",
            f"{_name(rnd, 30)}: {_name(rnd, 40)} = ",
            f"{_name(rnd, 30)}: {_name(rnd, 10)}.{_name(rnd, 30)} | None = ",
            f"{_name(rnd, 30)}: {_annotation(rnd)} = ",
            f"{_name(rnd, 30)}: {_annotation(rnd)} | None = ",
            f'result["{_name(rnd, 40)}"] = ',
        ]
    )
    callee = rnd.choice([f"{_name(rnd, 12)}.{_name(rnd, 40)}", f"{_name(rnd, 75)}.{_name(rnd, 20)}"])  # a head too long
    return lead + f"{callee}({arguments})"


def _prefixed_string(rnd: random.Random) -> str:
    """A string with a prefix: those black keeps (``f``, ``b``, ``r`` before double quotes)
    and those it changes (``F``, ``u``, ``Rb``, single quotes)."""
    prefix = rnd.choice(["f", "f", "b", "r", "F", "u", "Rb", "rb"])
    quote = rnd.choice(['"', '"', "'"])
    return f"{prefix}{quote}{_name(rnd, 20)} {{{_name(rnd, 8)}}}{quote}"


def _import(rnd: random.Random) -> str:
    names = ", ".join(_name(rnd, 40) for _ in range(rnd.randint(1, 4)))
    return f"from {'.' * rnd.randint(0, 3)}{_name(rnd, 40)}.{_name(rnd, 30)} import {names}"


@pytest.mark.parametrize("seed", range(4))
def test_layout_splits_long_statements_as_black_does(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(250):
        source = rnd.choice(
            [
                f"{_header(rnd)}\n    pass\n",
                f"class A:\n    {_header(rnd)}\n        pass\n",
                f"def f():\n    if x:\n        {_call(rnd)}\n",
                f"def f():\n    {_name(rnd, 20)} = {_prefixed_string(rnd)}\n",
                f"def f():\n    {_name(rnd, 20)} = ({', '.join(_name(rnd, 30) for _ in range(rnd.randint(1, 4)))})\n",
                f"{_import(rnd)}\n",
            ]
        )
        assert layout.format_code(source, black_once) == black_once(source), source


def _comprehension(rnd: random.Random) -> str:
    """``return`` and a comprehension as docgen's parsers write them, on one line or four."""
    pad = "    " * rnd.randint(1, 3)
    call = f"{_name(rnd, 40)}({_name(rnd, 8)}, ({_name(rnd, 8)}, {_name(rnd, 8)}))"
    check = f"({_name(rnd, 6)} if type({_name(rnd, 6)}) is str else _parsing.fail(path, '{_name(rnd, 20)}', x))"
    key = rnd.choice([check, "(" + _name(rnd, 8) + ")", _name(rnd, 8)])
    element, opening, closing = rnd.choice(
        [
            (f"{key}: {rnd.choice([call, f'{_name(rnd, 8)}.{call}', check])}", "{", "}"),
            (call, "[", "]"),
            (check, "[", "]"),
            (f"_parsing.{call}", "[", "]"),
            (f"{_name(rnd, 20)}.{_name(rnd, 20)}: {_name(rnd, 20)}", "{", "}"),  # an enum's value table
            (f"{key}: {_name(rnd, 12)}", "{", "}"),  # a dict of anything, keys checked
            (f"{{{_name(rnd, 6)}: {call} for {_name(rnd, 6)}, {_name(rnd, 6)} in {_name(rnd, 8)}.items()}}", "[", "]"),
            (f"{_name(rnd, 8)}: [{call} for {_name(rnd, 6)} in {_name(rnd, 8)}]", "{", "}"),  # nested comprehensions
        ]
    )
    names = rnd.choice([f"{_name(rnd, 10)}, {_name(rnd, 10)}", _name(rnd, 20)])
    clause = f"for {names} in {rnd.choice(['value.items()', 'enumerate(value)', 'value', _name(rnd, 50)])}"
    lead = rnd.choice(["return ", f"{_name(rnd, 20)} = ", f"{_name(rnd, 60)} = ", f'result["{_name(rnd, 30)}"] = '])
    if rnd.random() < 0.5:
        body = f"{pad}{lead}{opening}{element} {clause}{closing}"
    else:
        body = f"{pad}{lead}{opening}\n{pad}    {element}\n{pad}    {clause}\n{pad}{closing}"
    return "".join(f"{'    ' * level}if x:\n" for level in range(len(pad) // 4)) + body + "\n"


def _assigned_call(rnd: random.Random) -> str:
    """``name = module.function(...)`` with tuple, list and dict displays among the arguments,
    as the key tables of docgen's parsers are written: a trailing comma in a tuple or not."""

    def strings(count: int) -> list[str]:
        return [f"'{_name(rnd, rnd.choice([25, 25, 70]))}'" for _ in range(count)]

    def argument() -> str:
        count = rnd.randint(1, 6)
        return rnd.choice(
            [
                f"'{_name(rnd, 20)}'",
                _name(rnd, 20),
                f"({', '.join(strings(count))},)",
                f"({', '.join(strings(count))})",
                f"[{', '.join(strings(count))}]",
                "{" + ", ".join(f"{k}: {v}" for k, v in zip(strings(count), strings(count))) + "}",
            ]
        )

    arguments = ", ".join(argument() for _ in range(rnd.randint(1, 3)))
    return f"{_name(rnd, 30)} = {_name(rnd, 12)}.{_name(rnd, 20)}({arguments})\n"


def _assignment(rnd: random.Random) -> str:
    """``name = a.b`` and ``name = value if test else call(...)``, as docgen's parsers write them."""
    pad = "    " * rnd.randint(0, 3)
    target = _name(rnd, 60)
    call = f"{_name(rnd, 30)}({_name(rnd, 30)}.get('{_name(rnd, 30)}', _parsing.MISSING), (path, '{_name(rnd, 30)}'))"
    value = rnd.choice(
        [
            f"{_name(rnd, 60)}.{_name(rnd, 20)}",
            f"_values_{_name(rnd, 30)}[{_name(rnd, 20)}] if type({_name(rnd, 20)}) is int else {call}",
            f"{_name(rnd, 20)} if {_name(rnd, 20)} is not _parsing.MISSING else _parsing.fail((path, 'a'), 'a value', x)",
        ]
    )
    return "".join(f"{'    ' * level}if x:\n" for level in range(len(pad) // 4)) + f"{pad}{target} = {value}\n"


def _long_call(rnd: random.Random) -> str:
    """A call whose function's name alone leaves no room: black's parentheses around it, or none."""
    pad = "    " * rnd.randint(0, 3)
    lead = rnd.choice([f"{_name(rnd, 40)} = ", f'result["{_name(rnd, 40)}"] = ', "return "])
    arguments = rnd.choice(
        [
            f"{_name(rnd, 30)}, {_name(rnd, 10)}",
            f"{_name(rnd, 30)}, ({_name(rnd, 6)}, '{_name(rnd, 30)}')",
            f"value.{_name(rnd, 30)}",
        ]
    )
    function = rnd.choice([_name(rnd, 80), f"{_name(rnd, 70)}.{_name(rnd, 10)}"])
    nesting = "".join(f"{'    ' * level}if x:\n" for level in range(len(pad) // 4))
    return nesting + f"{pad}{lead}{function}({arguments})\n"


def _exploded_call(rnd: random.Random) -> str:
    """``return cls(`` with one keyword argument a line, one of them a call too long for its line."""
    pad = "    " * rnd.randint(1, 3)
    arguments = [f"{_name(rnd, 20)}={_name(rnd, 20)}" for _ in range(rnd.randint(0, 3))]
    function = rnd.choice([_name(rnd, 90), f"_http.{_name(rnd, 60)}"])
    inside = rnd.choice(
        [_name(rnd, 20), f"{_name(rnd, 20)}, {_name(rnd, 50)}", f"{_name(rnd, 40)}, {_name(rnd, 40)}, {_name(rnd, 30)}"]
    )
    arguments.insert(rnd.randint(0, len(arguments)), f"{_name(rnd, 30)}={function}({inside})")
    body = "".join(f"{pad}    {argument},\n" for argument in arguments)
    nesting = "".join(f"{'    ' * level}if x:\n" for level in range(len(pad) // 4))
    return nesting + f"{pad}{rnd.choice(['return cls(', 'result = f('])}\n{body}{pad})\n"


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(
    "shape",
    [_comprehension, _assigned_call, _assignment, _long_call, _exploded_call],
    ids=["comprehension", "assigned-call", "assignment", "long-call", "exploded-call"],
)
def test_layout_lays_out_parser_statements_as_black_does(shape, seed: int) -> None:  # type: ignore[no-untyped-def]
    """Returned and assigned comprehensions (docgen/format/comprehensions.py), key tables
    (calls.py) and assignments black puts in parentheses (assignments.py)."""
    rnd = random.Random(seed)
    for _ in range(250):
        source = shape(rnd)
        assert layout.format_code(source, black_once) == black_once(source), source
