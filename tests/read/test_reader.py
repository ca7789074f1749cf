"""The page reader: markdown-it-py tokens -> sections, blocks and cells with places.

Each fixture page ``fixtures/NAME.md`` has its expected reading in
``fixtures/NAME.expected.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docgen.read.markdown import Page, cell_columns, read_page

FIXTURES = Path(__file__).parent / "fixtures"


def summary(page: Page) -> list[dict]:
    out = []
    for section in page.sections:
        blocks = []
        for block in section.blocks:
            item: dict = {"kind": block.kind, "line": block.span.line}
            if block.table is not None:
                table = block.table
                item["header"] = [c.text for c in table.header]
                item["rows"] = [[[c.text, c.span.col, c.struck] for c in row] for row in table.rows]
                item["source_cell_counts"] = list(table.source_cell_counts)
            else:
                item["text"] = block.text
                if block.info:
                    item["info"] = block.info
            blocks.append(item)
        out.append(
            {
                "level": section.level,
                "title": section.title.text,
                "struck": section.title.struck,
                "at": [section.span.line, section.span.col],
                "blocks": blocks,
            }
        )
    return out


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.md")))
def test_reading_matches_fixture(name: str) -> None:
    source = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert summary(read_page(f"models/{name}.md", source)) == expected


@pytest.mark.parametrize(
    ("line", "columns"),
    [
        ("| a | b |", [3, 7]),
        ("|a|b|", [2, 4]),
        ("| a \\| b | c |", [3, 12]),
        ("a | b", [1, 5]),
        ("| a | b | c", [3, 7, 11]),
        ("|   |x|", [5, 6]),
        ("| a \\\\| b |", [3, 9]),  # an escaped backslash does not escape the pipe
        ("| a | b \\", [3]),  # a backslash at the end escapes the row's end
        ("| a | b \\x", [3, 7]),
    ],
)
def test_cell_columns(line: str, columns: list[int]) -> None:
    assert cell_columns(line) == columns
