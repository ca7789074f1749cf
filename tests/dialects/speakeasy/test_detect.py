"""Which dialect a tree is read as: detected from the parsed pages, per tree."""

from __future__ import annotations

import pytest

from docgen import dialects
from docgen.read.markdown import read_page

FIELDS = "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"
PLAIN = FIELDS + "| `name` | *str* | :heavy_check_mark: | Use Nullable[str] in prose: not a Type cell. |\n"
NULLABLE = FIELDS + "| `name` | *Nullable[str]* | :heavy_check_mark: | N/A |\n"
STREAM = FIELDS + "| `events` | eventstreaming.EventStream[*str*] | :heavy_check_mark: | N/A |\n"
CODE_HEADINGS = "# Id\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n"
NAMED_HEADINGS = "# Id\n\n## Supported Types\n\n### Text\n\n```python\nid: str = /* values here */\n```\n"


def detected(*texts: str) -> str:
    pages = [read_page(f"m/p{i}.md", text) for i, text in enumerate(texts)]
    return dialects.detect(pages, dialects.DEFAULT).name


def test_dataclasses_era_pages_are_read_as_such() -> None:
    assert detected(PLAIN, NAMED_HEADINGS) == "speakeasy-dataclasses"


@pytest.mark.parametrize("marked", [NULLABLE, STREAM, CODE_HEADINGS])
def test_one_pydantic_era_page_makes_the_tree_pydantic_era(marked: str) -> None:
    assert detected(PLAIN, PLAIN, NAMED_HEADINGS, marked) == "speakeasy-pydantic"


def test_a_tree_without_any_dialect_marks_gets_the_default() -> None:
    assert detected("# Notes\n\nNothing to declare.\n") == dialects.DEFAULT


def test_get_names_every_registered_dialect_or_fails_listing_them() -> None:
    assert dialects.get("speakeasy-pydantic").optional_heads == ("Optional", "Nullable", "OptionalNullable")
    assert dialects.known()[:2] == ["speakeasy-dataclasses", "speakeasy-pydantic"]  # tests may register more
    with pytest.raises(dialects.UnknownDialect) as raised:
        dialects.get("speakeasy")
    assert str(raised.value) == "unknown dialect 'speakeasy'; known dialects: " + ", ".join(dialects.known())
