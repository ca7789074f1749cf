"""The counted read of a tolerant model parser (the fields read first, then the object's
keys counted): an object with other keys, other spellings or nulls reads as it did when
the keys were tested first, and fields passed as keyword parameters survive it."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Iterator

import pytest

from docgen.build import generate

HEADER = "## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"
PAGES = {
    "reading.md": "# Reading\n\n"
    + HEADER
    + "| `sensor_id` | *str* | :heavy_check_mark: | N/A |\n"
    + "| `celsius` | *Optional[float]* | :heavy_minus_sign: | N/A |\n"
    + "| `note` | *Optional[str]* | :heavy_minus_sign: | N/A |\n",
    "feed.md": "# Feed\n\n"
    + HEADER
    + "| `sensor_id` | *str* | :heavy_check_mark: | N/A |\n"
    + "| `label` | *Optional[str]* | :heavy_minus_sign: | N/A |\n"
    + "| `result` | *Generator[str]* | :heavy_check_mark: | N/A |\n"
    + "| `exc` | *Generator[str]* | :heavy_check_mark: | N/A |\n",
}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("counted")
    for name, text in PAGES.items():
        (root / "specs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "specs" / name).write_text(text, encoding="utf-8")
    generated = generate(root / "specs")
    assert generated.files, [d.render() for d in generated.diagnostics]
    for path, text in generated.files.items():
        target = root / "counted_pkg" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("counted_pkg")
    finally:
        sys.path.remove(str(root))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"sensor_id": "s"}, ("s", None, None)),  # the required keys alone: no count needed
        ({"sensor_id": "s", "celsius": 1.5}, ("s", 1.5, None)),
        ({"sensor_id": "s", "celsius": None, "note": "n"}, ("s", None, "n")),  # a null counts no key
        ({"sensor_id": "s", "Celsius": 2.0}, ("s", 2.0, None)),  # another spelling is renamed
        ({"SensorId": "s", "note": "n"}, ("s", None, "n")),
        ({"sensor_id": "s", "unknown": 1}, ("s", None, None)),  # a key no field has is ignored
        ({"sensor_id": "s", "celsius": None, "Celsius": 3.0}, ("s", None, None)),  # the wire name wins
    ],
)
def test_an_object_reads_the_same_whatever_else_it_holds(pkg: ModuleType, data: dict, expected: tuple) -> None:
    reading = pkg.Reading.from_dict(data)
    assert (reading.sensor_id, reading.celsius, reading.note) == expected


def test_a_parsed_model_equals_the_one_its_class_builds(pkg: ModuleType) -> None:
    """The parser makes the object and sets its fields itself, without calling the class."""
    parsed = pkg.Reading.from_dict({"sensor_id": "s", "note": "n"})
    assert parsed == pkg.Reading("s", None, "n") and repr(parsed) == repr(pkg.Reading("s", None, "n"))
    assert pkg.Reading.from_dict(parsed.to_dict()) == parsed


def test_two_other_spellings_of_one_field_are_still_an_error(pkg: ModuleType) -> None:
    with pytest.raises(pkg.ParseError, match="Celsius"):
        pkg.Reading.from_dict({"sensor_id": "s", "Celsius": 1.0, "CELSIUS": 2.0})


def test_keyword_fields_named_like_the_parsers_locals_survive_a_renamed_read(pkg: ModuleType) -> None:
    result, exc = iter(["a"]), iter(["b"])
    feed = pkg.Feed.from_dict({"sensor_id": "s", "Label": "x"}, result=result, exc=exc)
    assert (feed.sensor_id, feed.label, feed.result, feed.exc) == ("s", "x", result, exc)
