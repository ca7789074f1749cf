"""docgen formats the code of its own templates with ``emit.format_source``: one pass
of black, run only on the statements docgen/layout.py cannot keep as they are.  That
must give exactly what black gives, and code black would not change again.  Checked
on the specs/ tree, the fixture trees and, where ../shared is present, the corpora."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from docgen import layout
from docgen.build import generate
from docgen.emit import BLACK_MODE, black_once, format_source
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
        "    return g(x, 'a long argument to make this line longer than black allows', 'and some more text')\n"
    )
    formatted = layout.format_code(source, spy)
    assert formatted == black_once(source)
    assert len(calls) == 1 and "def f" not in calls[0] and "x = value" not in calls[0]  # only the long line


@pytest.mark.parametrize(
    "source",
    [
        "# a comment\nx = 1\n",
        'def f():\n    """Doc\n    string."""\n',
        "if a:\n    pass\nelif (b):\n    pass\n",
        "x = (1)\n",
        "f(a, b,)\n",
    ],
)
def test_layout_leaves_what_it_does_not_know_to_black(source: str) -> None:
    assert layout.format_code(source, black_once) == black_once(source)
