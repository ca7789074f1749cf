"""Generated parsers raise ParseError and nothing else for any decoded JSON value: huge
integers, NaN and infinities, Decimal numbers; and what ``to_dict`` does with wrong types."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from parsers_strategies import SPECS
from test_parsers_values import all_kinds, error_of

from docgen.config import Settings

HUGE = 7 * 10**5000  # more digits than Python converts to text by default


@pytest.mark.parametrize("field", ["str", "float_value", "date", "date_time", "blob", "priority", "bool", "class"])
def test_a_huge_int_where_another_type_is_expected_is_a_parse_error(pkg: ModuleType, field: str) -> None:
    message = error_of(pkg.AllKinds.from_dict, all_kinds(**{field: HUGE}))
    assert message.startswith(f"$.{field}: expected ")
    assert message.endswith("got int <int of about 5001 digits>")


def test_a_huge_int_deep_inside_a_rejected_value_is_described_by_its_size(pkg: ModuleType) -> None:
    message = error_of(pkg.AllKinds.from_dict, all_kinds(str=[HUGE, {"k": HUGE}]))
    assert message == "$.str: expected str, got list [<int of about 5001 digits>, {'k': <int of about 5001 digits>}]"


def test_a_huge_int_where_an_int_is_expected_is_kept_exactly(pkg: ModuleType) -> None:
    assert pkg.AllKinds.from_dict(all_kinds(big_int=HUGE)).big_int == HUGE


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_infinities_are_rejected_for_float(pkg: ModuleType, bad: float) -> None:
    message = error_of(pkg.AllKinds.from_dict, all_kinds(float_value=bad))
    assert message == f"$.float_value: expected a finite float (NaN and infinities are not JSON), got float {bad!r}"
    assert error_of(pkg.AllKinds.from_dict, all_kinds(opt_float=bad)).startswith("$.opt_float: expected a finite")


def test_decimal_numbers_from_parse_float_decimal_are_accepted_where_a_float_is_expected(pkg: ModuleType) -> None:
    data = json.loads(json.dumps(all_kinds(float_value=1.25, opt_float=0.1, decimal=2.5)), parse_float=Decimal)
    kinds = pkg.AllKinds.from_dict(data)
    assert (kinds.float_value, kinds.opt_float, kinds.decimal) == (1.25, 0.1, Decimal("2.5"))
    assert type(kinds.float_value) is float and type(kinds.opt_float) is float
    assert error_of(pkg.AllKinds.from_dict, all_kinds(float_value=Decimal("1e400"))).startswith(
        "$.float_value: expected a float (this number is too large for one)"
    )
    for bad in (Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity")):
        assert error_of(pkg.AllKinds.from_dict, all_kinds(float_value=bad)).startswith(
            "$.float_value: expected a finite"
        )


def test_to_dict_does_not_check_types_as_the_readme_says(pkg: ModuleType) -> None:
    kinds = pkg.AllKinds.from_dict(all_kinds())
    kinds.str_ = 12  # wrong type, written as it is
    assert kinds.to_dict()["str"] == 12
    kinds.date_ = "not a date"
    with pytest.raises(AttributeError):  # the conversion's own error: documented as unchecked
        kinds.to_dict()


@pytest.fixture(scope="module")
def nan_package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    from docgen.build import generate

    out = tmp_path_factory.mktemp("allow_nan")
    generated = generate(SPECS, settings=Settings(allow_nan=True))
    for path, text in generated.files.items():
        target = out / "parsers_nan" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    import importlib
    import sys

    sys.path.insert(0, str(out))
    return importlib.import_module("parsers_nan")


def test_allow_nan_lets_nan_and_infinities_through(nan_package: ModuleType) -> None:
    kinds = nan_package.AllKinds.from_dict(all_kinds(float_value=math.inf, opt_float=math.nan))
    assert kinds.float_value == math.inf and math.isnan(kinds.opt_float)
    assert nan_package.AllKinds.from_dict(all_kinds(float_value=3)).float_value == 3.0
    with pytest.raises(nan_package.ParseError, match="expected float, got str"):
        nan_package.AllKinds.from_dict(all_kinds(float_value="nan"))


def test_allow_nan_is_a_setting_of_pyproject(tmp_path: Path) -> None:
    from docgen import config

    (tmp_path / "pyproject.toml").write_text("[tool.docgen]\nallow-nan = true\n")
    loaded = config.load(tmp_path / "pyproject.toml")
    assert loaded.allow_nan and loaded.fingerprint() != Settings().fingerprint()
    (tmp_path / "pyproject.toml").write_text('[tool.docgen]\nallow-nan = "yes"\n')
    with pytest.raises(config.ConfigError, match="'allow-nan' must be true or false"):
        config.load(tmp_path / "pyproject.toml")


def test_unions_with_a_float_member_reject_nan_and_take_decimals(pkg: ModuleType) -> None:
    from parsers_specs.models.shared.scalarvalue import parse_scalar_value  # type: ignore[import-not-found]

    assert parse_scalar_value(Decimal("1.5")) == 1.5
    with pytest.raises(pkg.ParseError):
        parse_scalar_value(math.nan)
