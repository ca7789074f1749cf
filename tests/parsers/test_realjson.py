"""Real payloads: keys spelled in every style, nulls the docs do not show, enum values the
docs do not list, keys no field has.  tests/parsers/realjson holds the models (pages
written for these tests) and 17 payloads; they are read by a build with today's exact
reading and by one with tolerant matching and the settings of realjson/settings.toml.

``pytest tests/parsers/test_realjson.py -s`` prints the share of payloads each build
reads exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parsers_strategies import Values, compile_spec

from docgen import config
from docgen.build import generate
from docgen.ir import Model, Optional_, Ref, Spec

HERE = Path(__file__).parent / "realjson"
SPECS = HERE / "specs"
PAYLOADS = [json.loads(line) for line in (HERE / "payloads.jsonl").read_text(encoding="utf-8").splitlines()]


def _build(out: Path, name: str, chosen: config.Settings, specs: Path = SPECS) -> ModuleType:
    import importlib
    import sys

    generated = generate(specs, settings=chosen)
    assert generated.files, [d.render() for d in generated.diagnostics]
    for path, text in generated.files.items():
        target = out / name / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(out))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """Today's reading: exact keys, the docs' nullability, closed enums."""
    return _build(tmp_path_factory.mktemp("before"), "realjson_before", config.Settings(wire_matching="exact"))


@pytest.fixture(scope="module")
def after(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _build(tmp_path_factory.mktemp("after"), "realjson_after", config.load(HERE / "settings.toml"))


SPEC = compile_spec(SPECS)


def _normal(key: str) -> str:
    return re.sub(r"[_\-.: ]", "", key).lower()


def meant(model: Model, data: dict[str, Any], spec: Spec) -> dict[str, Any]:
    """What *data* says, as ``to_dict`` writes it: keys renamed to the field they spell,
    keys no field has dropped, nulls of optional fields left out (as to_dict leaves None)."""
    fields = {_normal(f.wire_name): f for f in model.fields}
    result: dict[str, Any] = {}
    for key, value in data.items():
        found = fields.get(_normal(key))
        if found is None or (value is None and not found.required):
            continue
        inner = found.type.inner if isinstance(found.type, Optional_) else found.type
        decl = spec.decls().get(inner.key) if isinstance(inner, Ref) else None
        result[found.wire_name] = meant(decl, value, spec) if isinstance(decl, Model) and value else value
    return result


def read_exactly(package: ModuleType, payload: dict[str, Any]) -> bool:
    """Whether the package parses the payload and keeps everything it says."""
    model = next(d for d in SPEC.decls().values() if isinstance(d, Model) and d.name == "Connector")
    try:
        parsed = package.Connector.from_dict(payload)
    except package.ParseError:
        return False
    return parsed.to_dict() == meant(model, payload, SPEC)


def test_share_of_payloads_read_exactly(before: ModuleType, after: ModuleType) -> None:
    old = [p["case"] for p in PAYLOADS if read_exactly(before, p["json"])]
    new = [p["case"] for p in PAYLOADS if read_exactly(after, p["json"])]
    print(f"\nread exactly: before {len(old)}/{len(PAYLOADS)}, after {len(new)}/{len(PAYLOADS)}")
    print("before, read exactly:", "; ".join(old))
    assert len(new) == len(PAYLOADS)
    # exact reading keeps only the payloads whose keys are all wire names, without a null
    # where the docs show none or a value the enum does not list
    assert len(old) < len(PAYLOADS)
    assert "camelCase" not in old and "digits spelled camelCase" not in old


def test_digits_and_acronyms_find_their_fields(after: ModuleType) -> None:
    by_case = {p["case"]: p["json"] for p in PAYLOADS}
    digits = after.Connector.from_dict(by_case["digits spelled camelCase"])
    assert (digits.expiration_mm, digits.expiration_yyyy) == (12, 2026)
    assert after.Connector.from_dict(by_case["acronym spelled in capitals"]).connector_id == "c5"


def test_exact_reading_loses_a_differently_spelled_optional_field(before: ModuleType) -> None:
    digits = next(p["json"] for p in PAYLOADS if p["case"] == "digits spelled camelCase")
    assert before.Connector.from_dict(digits).expiration_mm is None


def test_two_spellings_of_one_field_are_an_error_naming_both(after: ModuleType) -> None:
    payload = dict(PAYLOADS[1]["json"])
    del payload["source_type"]
    payload.update({"sourceType": "a", "source-type": "b"})
    with pytest.raises(after.ParseError) as caught:
        after.Connector.from_dict(payload)
    assert str(caught.value).startswith("$: keys 'sourceType' and 'source-type' both match the field 'source_type'")


def test_the_wire_name_wins_over_another_spelling(after: ModuleType) -> None:
    payload = dict(PAYLOADS[1]["json"], sourceType="other")
    assert after.Connector.from_dict(payload).source_type == "mysql"


def test_a_null_the_docs_do_not_allow_names_the_setting(before: ModuleType, after: ModuleType) -> None:
    payload = next(p["json"] for p in PAYLOADS if p["case"].startswith("null for a list"))
    with pytest.raises(before.ParseError) as caught:
        before.Connector.from_dict(payload)
    assert str(caught.value) == (
        '$.tags: expected a list, got null (null is accepted with [tool.docgen.nullable] "shared.Connector.tags" = true)'
    )
    parsed = after.Connector.from_dict(payload)
    assert parsed.tags is None and parsed.to_dict()["tags"] is None


def test_open_enum_keeps_the_unknown_value_apart_from_the_members(after: ModuleType) -> None:
    payload = next(p["json"] for p in PAYLOADS if p["case"] == "enum value added on the server")
    parsed = after.Connector.from_dict(payload)
    assert parsed.status == "archived" and not isinstance(parsed.status, after.ConnectorStatus)
    assert parsed.to_dict()["status"] == "archived"
    assert after.Connector.from_dict(PAYLOADS[0]["json"]).status is after.ConnectorStatus.ACTIVE
    with pytest.raises(after.ParseError, match=r"\$\.status: expected ConnectorStatus \(a str\), got int 3"):
        after.Connector.from_dict(dict(payload, status=3))


# --- property: any spelling of the keys reads back the same instance ----------------------

_SEPARATORS = st.sampled_from(["_", "-", ".", ":", " ", ""])
_CASES = st.sampled_from(["lower", "upper", "title", "camel"])


def respell(words: list[str], separator: str, case: str) -> str:
    if case == "camel":
        return separator.join([words[0].lower()] + [w.capitalize() for w in words[1:]])
    return separator.join(getattr(w, case)() for w in words)


@st.composite
def respelled(draw: st.DrawFn, dumped: Any) -> Any:
    if isinstance(dumped, list):
        return [draw(respelled(item)) for item in dumped]
    if not isinstance(dumped, dict):
        return dumped
    return {
        respell(key.split("_"), draw(_SEPARATORS), draw(_CASES)): draw(respelled(value))
        for key, value in dumped.items()
    }


@pytest.fixture(scope="module")
def connectors(after: ModuleType) -> st.SearchStrategy[Any]:
    values = Values(after, SPEC)
    key = next(k for k, d in SPEC.decls().items() if d.name == "Connector")
    unknown = st.text(min_size=1, max_size=8).filter(lambda v: v not in {"active", "paused"})
    return values.of_key(key) | st.builds(
        lambda c, status: type(c)(**{**{n: getattr(c, n) for n in c.__dataclass_fields__}, "status": status}),
        values.of_key(key),
        unknown,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_spelling_of_the_keys_reads_back_the_same_instance(
    after: ModuleType, connectors: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    value = data.draw(connectors)
    payload = data.draw(respelled(json.loads(json.dumps(value.to_dict()))))
    assert after.Connector.from_dict(payload) == value


@pytest.mark.parametrize(
    "tool", [["mypy", "--strict", "--no-incremental"], ["ruff", "check", "--isolated", "--target-version", "py310"]]
)
def test_the_tolerant_build_passes_mypy_strict_and_ruff(after: ModuleType, tool: list[str]) -> None:
    import subprocess
    import sys

    folder = Path(after.__file__).parent
    result = subprocess.run(
        [sys.executable, "-m", *tool, folder.name], cwd=folder.parent, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_union_ranks_inexact_models_by_the_keys_they_read_in_any_spelling(tmp_path: Path) -> None:
    """Two models that both accept any object (optional fields only): the one whose fields
    the keys spell, in another style, wins over the one listed first."""
    pages = tmp_path / "specs" / "models" / "shared"
    pages.mkdir(parents=True)
    row = "| `{0}` | *Optional[str]* | :heavy_minus_sign: | A value. |"
    for name, fields in (("Person", ("first_name", "last_name")), ("Place", ("street_name", "post_code"))):
        table = "\n".join(row.format(f) for f in fields)
        text = f"# {name}\n\nA thing.\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n{table}\n"
        (pages / f"{name.lower()}.md").write_text(text, encoding="utf-8")
    union = "# Entry\n\nEither.\n\n## Supported Types\n" + "".join(
        f"\n### {name}\n\n```python\nentry: shared.{name} = /* values here */\n```\n" for name in ("Person", "Place")
    )
    (pages / "entry.md").write_text(union, encoding="utf-8")
    package = _build(tmp_path / "out", "realjson_union", config.Settings(), tmp_path / "specs")
    from importlib import import_module

    entry = import_module("realjson_union.models.shared.entry")
    parsed = entry.parse_entry({"streetName": "Main", "PostCode": "1000"})
    assert isinstance(parsed, package.Place) and parsed.post_code == "1000"


def test_an_open_enum_page_of_the_pydantic_era_keeps_unknown_values(tmp_path: Path) -> None:
    from parsers_strategies import PYDANTIC_ERA

    package = _build(tmp_path, "realjson_pydantic_era", config.Settings(), PYDANTIC_ERA)
    badge = package.Badge.from_dict({"label": "Rare", "level": "platinum"})
    assert badge.level == "platinum" and type(badge.level) is str
    assert badge.to_dict()["level"] == "platinum"
    assert package.Badge.from_dict({"label": "Old", "level": "gold"}).level is package.BadgeLevel.GOLD
    assert package.BadgeLevel.from_json("tin") == "tin"


def test_an_open_integer_enum_says_what_it_wants_of_another_type(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "priority.md").write_text(
        "# Priority\n\nHow urgent a ticket is.\n\n## Values\n\n"
        "This is an open enum: values not listed here are accepted too, and kept as they came.\n\n"
        "- `1`\n- `2`\n",
        encoding="utf-8",
    )
    (specs / "ticket.md").write_text(
        "# Ticket\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"
        "| `priority` | [Priority](priority.md) | :heavy_check_mark: | N/A |\n",
        encoding="utf-8",
    )
    package = _build(tmp_path / "out", "realjson_open_int", config.Settings(dialect="speakeasy-pydantic"), specs)
    assert package.Ticket.from_dict({"priority": 7}).priority == 7
    with pytest.raises(package.ParseError) as caught:
        package.Ticket.from_dict({"priority": "7"})
    assert str(caught.value) == "$.priority: expected Priority (an int), got str '7'"
