"""OpenAPI Generator's Python docs: the 7.x pages (docs/) and the 6.x ones (legacy/) build
to working code; the pages' mistakes are located diagnostics."""

from __future__ import annotations

import importlib
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from docgen import dialects
from docgen.build import Source, compile_sources, generate, load_sources
from docgen.config import Settings
from docgen.diagnostics import Diagnostic
from docgen.dialects import oag_cells
from docgen.dialects.openapi_generator import OpenAPIGenerator, OpenAPIGeneratorLegacy
from docgen.emit.modules import RUNTIME_FILES
from docgen.read.markdown import read_page

HERE = Path(__file__).parent
TREES = {"docs": HERE / "docs", "legacy": HERE / "legacy"}
SUPPORT_FILES = {f"{name}.py" for name in RUNTIME_FILES}


@lru_cache(maxsize=None)
def built(tree: str) -> tuple[dict[str, str], tuple[str, ...]]:
    result = generate(TREES[tree])
    return result.files, shown(result.diagnostics)


def shown(diagnostics: Iterable[Diagnostic]) -> tuple[str, ...]:
    """The diagnostics a run prints without -v (notes on unused sections aside)."""
    return tuple(d.render() for d in diagnostics if d.severity != "note")


CASES = [(t, p) for t in TREES for p in built(t)[0] if p not in SUPPORT_FILES]


@pytest.mark.parametrize(("tree", "path"), CASES, ids=[f"{t}:{p}" for t, p in CASES])
def test_generated_file(tree: str, path: str, snapshot) -> None:  # type: ignore[no-untyped-def]
    assert built(tree)[0][path] == snapshot


@pytest.mark.parametrize("tree", sorted(TREES))
def test_ruff_passes_on_what_each_fixture_tree_builds(tree: str, tmp_path: Path) -> None:
    package = tmp_path / "out"
    for path, text in built(tree)[0].items():
        (package / path).parent.mkdir(parents=True, exist_ok=True)
        (package / path).write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "ruff", "check", "--isolated", "--target-version", "py310", "out"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("tree", sorted(TREES))
def test_the_fixture_trees_build_without_problems(tree: str) -> None:
    assert built(tree)[1] == ()


def _pages(tree: str) -> list:  # type: ignore[type-arg]
    sources, _ = load_sources(TREES[tree])
    return [read_page(s.path, s.text) for s in sources]


def test_each_era_is_detected_from_its_pages() -> None:
    assert isinstance(dialects.detect(_pages("docs"), dialects.DEFAULT), OpenAPIGenerator)
    assert isinstance(dialects.detect(_pages("legacy"), dialects.DEFAULT), OpenAPIGeneratorLegacy)


def test_api_pages_and_the_readme_are_skipped() -> None:
    sources, _ = load_sources(TREES["docs"])
    compiled = compile_sources(sources)
    assert sorted(compiled.skipped) == [("README.md", "SDK readme"), ("ShipmentsApi.md", "API page")]


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    for path, text in built("docs")[0].items():
        (tmp_path / "shop" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "shop" / path).write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module("shop")
    for name in [m for m in sys.modules if m == "shop" or m.startswith("shop.")]:
        del sys.modules[name]


def test_escaped_names_read_and_write_the_json_key(shop) -> None:  # type: ignore[no-untyped-def]
    data = {"tracking_code": "T1", "weight_grams": 900, "from": "Ghent", "except": ["sun"], "schema": "A6"}
    shipment = shop.Shipment.from_dict(data)
    assert (shipment.var_from, shipment.var_except, shipment.var_schema) == ("Ghent", ["sun"], "A6")
    assert shipment.to_dict() == {**data, "carrier": "postal", "speed": "standard", "attempts": 0, "stops": []}


def test_documented_defaults_are_the_dataclass_defaults(shop) -> None:  # type: ignore[no-untyped-def]
    first = shop.Shipment(tracking_code="T1", weight_grams=1, var_from="x")
    second = shop.Shipment(tracking_code="T2", weight_grams=2, var_from="y")
    assert (first.carrier, first.speed, first.attempts, first.stops) == (shop.Carrier.POSTAL, "standard", 0, [])
    first.stops.append(shop.Stop(depot="d"))
    assert second.stops == []  # a fresh list for every instance


def test_types_named_like_names_generated_code_uses_work(shop) -> None:  # type: ignore[no-untyped-def]
    box = shop.Any_.from_dict({"kind": "crate", "notices": [{"text": "fragile"}]})
    assert box.notices[0] == shop.Warning(text="fragile")
    parcel = shop.Parcel.from_dict({"box": {"kind": "crate"}})
    assert isinstance(parcel.box, shop.Any_) and parcel.to_dict() == {"box": {"kind": "crate"}}


MODEL_PAGE = (
    "# {title}\n\n## Properties\n\n{header}\n------------ | ------------- | ------------- | -------------\n{rows}\n"
)
HEADER = "Name | Type | Description | Notes"


def _compiled(*pages: tuple[str, str], dialect: str = "openapi-generator") -> list[str]:
    compiled = compile_sources([Source(path, text) for path, text in pages], dialect=dialect)
    return list(shown(compiled.diagnostics))


def test_a_properties_table_with_another_header_is_an_error() -> None:
    page = MODEL_PAGE.format(title="Box", header="Name | Type | Comment | Notes", rows="**a** | **str** | | ")
    assert _compiled(("Box.md", page)) == [
        "Box.md:5:1: error: a Properties table has the header 'Name | Type | Comment | Notes' [D150]\n"
        "  hint: OpenAPI Generator writes 'Name | Type | Description | Notes'; fix the header or choose another dialect",
        "Box.md:5:15: warning: column 'Comment' is not one docgen reads; its cells are not used [D108]\n"
        "  hint: docgen reads the columns Name, Type, Description; remove or rename it",
    ]


def test_an_unknown_notes_flag_is_an_error_at_its_row() -> None:
    page = MODEL_PAGE.format(title="Box", header=HEADER, rows="**a** | **str** | | [optional] [nullable]")
    assert _compiled(("Box.md", page)) == [
        "Box.md:7:1: error: unknown Notes flag '[nullable]' of field 'a' [D152]\n"
        f"  hint: OpenAPI Generator writes {oag_cells.KNOWN_FLAGS}"
    ]


def test_an_enum_item_docgen_cannot_read_is_an_error() -> None:
    page = "# Size\n\n## Enum\n\n* `SMALL` (value: `'s'`)\n\n* `LARGE` is the other one\n"
    assert _compiled(("Size.md", page)) == [
        "Size.md:7:1: error: enum item 'LARGE is the other one' is not a member name and a quoted or integer "
        "value [D153]\n  hint: write each item as * `NAME` (value: `'x'`)"
    ]


def test_a_description_with_an_unescaped_pipe_is_read_whole_with_a_warning(tmp_path: Path) -> None:
    rows = "**mode** | **str** | Either a | b, never both. | [optional]\n**size** | **int** | In cm. |"
    (tmp_path / "Box.md").write_text(MODEL_PAGE.format(title="Box", header=HEADER, rows=rows) + "\n## Example\n")
    result = generate(tmp_path)
    assert shown(result.diagnostics) == (
        "Box.md:7:22: warning: description cell holds an unescaped '|' (5 cells where the header has 4); read "
        "as part of the description [D151]\n"
        "  hint: escape it as '\\|' in the page (the generator copies descriptions unescaped)",
    )
    module = result.files["box.py"]
    assert '    mode: str | None = field(default=None, metadata={"wire_name": "mode"})\n' in module
    assert '    """Either a | b, never both."""\n' in module
    assert '    size: int = field(metadata={"wire_name": "size"})\n' in module


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("**int** | | [optional] [default to 'many']", "is not a value of the field's type"),
        ("**str** | | [optional] [default to now()]", "is not a JSON value"),
    ],
)
def test_a_default_docgen_cannot_write_is_a_warning_and_no_default(cell: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "Box.md").write_text(MODEL_PAGE.format(title="Box", header=HEADER, rows="**a** | " + cell))
    result = generate(tmp_path, settings=Settings(dialect="openapi-generator"))
    (problem,) = shown(result.diagnostics)
    assert problem.startswith("Box.md:7:1: warning: default ") and message in problem and "[D155]" in problem
    assert (
        '    a: int | None = field(default=None, metadata={"wire_name": "a"})\n' in result.files["box.py"]
        or '    a: str | None = field(default=None, metadata={"wire_name": "a"})\n' in result.files["box.py"]
    )


def test_a_link_to_a_page_the_generator_did_not_write_is_a_json_object_with_a_warning() -> None:
    page = MODEL_PAGE.format(title="Box", header=HEADER, rows="**lid** | [**Lid**](Lid.md) | | [optional]")
    assert _compiled(("Box.md", page)) == [
        "Box.md:7:11: warning: link 'Lid.md' points to a page that does not exist (Lid.md); the type is read as "
        "Dict[str, Any] [D320]\n  hint: add the page (the docs generator wrote none for that model), or fix the link"
    ]


def test_a_tree_of_both_families_is_an_error_naming_a_page_of_each() -> None:
    oag = MODEL_PAGE.format(title="Box", header=HEADER, rows="**a** | **str** | |") + "\n## Example\n"
    speakeasy = "# Crate\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `a` | *str* | :heavy_check_mark: |\n"
    compiled = compile_sources([Source("models/Box.md", oag), Source("models/crate.md", speakeasy)])
    assert compiled.spec is None
    assert [d.render() for d in compiled.diagnostics] == [
        "models/crate.md:1:1: error: pages of two docs families: models/Box.md is written by openapi-generator, "
        "models/crate.md by speakeasy [D321]\n"
        "  hint: build each family's pages separately (--include/--exclude), or force one with --dialect"
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("[str]", "List[str]"),
        ("[[int]]", "List[List[int]]"),
        ("{str: (int,)}", "Dict[str, int]"),
        ("{str: ([str],)}", "Dict[str, List[str]]"),
        ("str, none_type", "Optional[str]"),
        ("bool, date, datetime, dict, float, int, list, str, none_type", "Optional[Any]"),
        ("{str: (bool, date, datetime, dict, float, int, list, str, none_type)}", "Dict[str, Optional[Any]]"),
        ("bytearray", "bytes"),
        ("List[bytearray]", "List[bytes]"),
        ("Dict[str, object]", "Dict[str, Any]"),
        ("object", "Dict[str, Any]"),
        ("Union[int, str]", "Union[int, str]"),
    ],
)
def test_type_spellings_of_each_era(text: str, read: str) -> None:
    assert oag_cells.type_text(text, True, OpenAPIGenerator.object_types) == read


@pytest.mark.parametrize(
    ("notes", "read"),
    [
        ("", oag_cells.Notes()),
        ("[optional]", oag_cells.Notes(optional=True)),
        ("[optional] [readonly]", oag_cells.Notes(optional=True, readonly=True)),
        ("[optional] [default to []]", oag_cells.Notes(optional=True, default="[]")),
        ('defaults to "junior"', oag_cells.Notes(default='"junior"')),
        ('[optional] must be one of ["a", "b", ]', oag_cells.Notes(optional=True)),
        ("[optional] [nullable]", oag_cells.Notes(optional=True, unknown="[nullable]")),
    ],
)
def test_notes_flags(notes: str, read: oag_cells.Notes) -> None:
    assert oag_cells.read_notes(notes) == read


def test_the_readme_example_is_what_docgen_writes(tmp_path: Path) -> None:
    from tests.conftest import REPO
    from tests.readme_blocks import _FENCE

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    fenced = [(m.group(1), m.group(3)) for m in _FENCE.finditer(readme)]
    page = next(text for language, text in fenced if language == "markdown" and "## Properties" in text)
    code = next(text for language, text in fenced if language == "python" and "class Delivery" in text)
    (tmp_path / "Delivery.md").write_text(page, encoding="utf-8")
    result = generate(tmp_path)
    assert shown(result.diagnostics) == ()
    assert code in result.files["delivery.py"]
