"""Operation pages in the pipeline: --keep-going leaves out the operations whose types are
left out, and keeps the others."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import sys
from pathlib import Path

from docgen.build import generate
from docgen.config import Settings
from docgen.emit import operation_views

TABLE = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"


def _page(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_keep_going_leaves_out_operations_of_left_out_types(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _page(
        docs / "models/shared/good.md",
        "# Good\n\n## Fields\n\n" + TABLE + "| `name` | *str* | :heavy_check_mark: | N/A |\n",
    )
    _page(
        docs / "models/shared/bad.md",
        "# Bad\n\n## Fields\n\n" + TABLE + "| `name` | *Mystery* | :heavy_check_mark: | N/A |\n",
    )
    holder_row = "| `bad` | [shared.Bad](bad.md) | :heavy_check_mark: | N/A |\n"
    _page(docs / "models/shared/holder.md", "# Holder\n\n## Fields\n\n" + TABLE + holder_row)
    operations = "".join(
        f"## {name}\n\n### Response\n\n**[shared.{model}](../../models/shared/{model.lower()}.md)**\n\n"
        for name, model in (("get_good", "Good"), ("get_holder", "Holder"))
    )
    _page(docs / "sdks/things/README.md", "# Things\n\n" + operations)
    result = generate(docs, settings=Settings(keep_going=True))
    assert [d.message for d in result.diagnostics if d.severity == "error"] == [
        "unknown type name 'Mystery' (1 other page refers to it)"
    ]
    out = tmp_path / "out" / "kept_ops"
    for rel, text in result.files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(out.parent))
    try:
        registry = importlib.import_module("kept_ops._operations")
        assert sorted(registry.OPERATIONS) == ["things.get_good"]
    finally:
        sys.path.remove(str(out.parent))
        for name in [m for m in sys.modules if m.startswith("kept_ops")]:
            del sys.modules[name]


def test_the_operation_views_are_documented_frozen_dataclasses() -> None:
    classes = [
        c
        for _, c in inspect.getmembers(operation_views, inspect.isclass)
        if dataclasses.is_dataclass(c) and c.__module__ == operation_views.__name__
    ]
    assert len(classes) == 8
    for cls in classes:
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        assert cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("), cls
        assert all("tuple[str, str" not in str(f.type) for f in dataclasses.fields(cls)), cls


def test_a_page_where_the_operation_files_go_is_an_error(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _page(
        docs / "api_errors.md", "# ApiErrors\n\n## Fields\n\n" + TABLE + "| `x` | *str* | :heavy_check_mark: | N/A |\n"
    )
    _page(
        docs / "sdks/things/README.md", "# Things\n\n## get\n\n### Response\n\n**[ApiErrors](../../api_errors.md)**\n"
    )
    result = generate(docs)
    assert [(d.span.path, d.message) for d in result.diagnostics if d.severity == "error"] == [
        ("api_errors.md", "page would be written to the same module as docgen's operation parsers")
    ]
    assert result.files == {}
