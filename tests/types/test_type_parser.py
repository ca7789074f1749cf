"""The Type-cell grammar, case by case from fixture files (cell markdown => tree)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.read.types import ArgList, Generic, Link, Name, TypeExpr, TypeSyntaxError, Value, parse_type
from tests.conftest import cell

HERE = Path(__file__).parent


def show(expr: TypeExpr) -> str:
    if isinstance(expr, Name):
        return expr.text
    if isinstance(expr, Generic):
        return f"{expr.head.text}[{', '.join(show(a) for a in expr.args)}]"
    if isinstance(expr, Link):
        return f"<{show(expr.inner)} -> {expr.href}>"
    if isinstance(expr, ArgList):
        return f"[{', '.join(show(a) for a in expr.items)}]"
    assert isinstance(expr, Value)
    return repr(expr.value)


def cases(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, _, expected = line.rpartition(" => ")
            rows.append((source.strip(), expected.strip()))
    return rows


@pytest.mark.parametrize(("markdown", "expected"), cases("valid.txt"))
def test_valid_type_cells(markdown: str, expected: str) -> None:
    assert show(parse_type(cell(markdown))) == expected


@pytest.mark.parametrize(("markdown", "expected"), cases("invalid.txt"))
def test_invalid_type_cells_report_column_and_reason(markdown: str, expected: str) -> None:
    column, _, message = expected.partition(": ")
    with pytest.raises(TypeSyntaxError) as caught:
        parse_type(cell(markdown))
    assert (caught.value.span.line, caught.value.span.col, caught.value.message) == (7, int(column), message)


def test_spans_point_into_the_cell() -> None:
    expr = parse_type(cell("Dict[str, List[*str*]]"))
    assert isinstance(expr, Generic)
    assert (expr.span.line, expr.span.col) == (7, 3)
    inner = expr.args[1]
    assert isinstance(inner, Generic) and inner.span.col == 13
