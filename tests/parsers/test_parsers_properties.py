"""Property tests: for random valid values parse(dump(x)) == x; random invalid payloads
raise ParseError and nothing else.  On specs/ (whose chat models are the seed's family)
and, where ../shared is present, on a build of the speakeasy-v1 corpus."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parsers_strategies import (
    CORPUS,
    CORPUS_V2,
    OAG_TREES,
    PYDANTIC_ERA,
    SPECS,
    Values,
    build_package,
    compile_spec,
    json_values,
    mutations,
)

from docgen.ir import Model, Nullability, Optional_, Spec

QUICK = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
CORPUS_SETTINGS = settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))


SPEC_KEYS = sorted(compile_spec(SPECS).decls())
CORPUS_KEYS = sorted(compile_spec(CORPUS).decls()) if CORPUS.is_dir() else []
PYDANTIC_KEYS = sorted(compile_spec(PYDANTIC_ERA).decls())


def _pydantic_vocabulary(spec: Spec) -> list[str]:
    """The models of a pydantic-era build that use its own vocabulary: null kept apart from
    absent, constants, additional properties."""
    keys = []
    for key, decl in spec.decls().items():
        fields = decl.fields if isinstance(decl, Model) else ()
        nulls = {f.type.nulls for f in fields if isinstance(f.type, Optional_)}
        if nulls - {Nullability.OPTIONAL} or any(f.constant or f.additional for f in fields):
            keys.append(key)
    return sorted(keys)


CORPUS_V2_KEYS = _pydantic_vocabulary(compile_spec(CORPUS_V2)) if CORPUS_V2.is_dir() else []


def roundtrip(values: Values, key: str, value: Any, exact: bool) -> None:
    parse, dump = values.parse_dump(key)
    dumped = dump(value)
    assert json.loads(json.dumps(dumped)) == dumped  # JSON-ready: plain types only
    parsed = parse(json.loads(json.dumps(dumped)))
    assert dump(parsed) == dumped
    if exact:
        assert parsed == value


def rejects_cleanly(values: Values, key: str, payload: Any) -> None:
    parse, _ = values.parse_dump(key)
    error = values.package.ParseError
    try:
        parse(payload)
    except error as exc:
        assert str(exc).startswith("$")


@pytest.fixture(scope="module")
def spec_values(specs_build: tuple[ModuleType, Spec, Any]) -> Values:
    return Values(specs_build[0], specs_build[1])


@pytest.mark.parametrize("key", SPEC_KEYS)
def test_specs_roundtrip(spec_values: Values, key: str) -> None:
    @QUICK
    @given(st.data())
    def check(data: st.DataObject) -> None:
        roundtrip(spec_values, key, data.draw(spec_values.of_key(key)), exact=True)

    check()


@pytest.mark.parametrize("key", SPEC_KEYS)
def test_specs_invalid_payloads(spec_values: Values, key: str) -> None:
    @QUICK
    @given(st.data())
    def check(data: st.DataObject) -> None:
        _, dump = spec_values.parse_dump(key)
        valid = dump(data.draw(spec_values.of_key(key)))
        rejects_cleanly(spec_values, key, data.draw(mutations(valid) | json_values))

    check()


def test_seed_family_event_lists(spec_values: Values) -> None:
    """The seed's body: a list of chat stream events, each a ChatCompletionEvent or the sentinel."""
    from docgen.ir import ListOf, Ref

    result = spec_values.of(ListOf(Ref("models.shared.ChatCompletionResult")))
    module = spec_values.module("models.shared.ChatCompletionResult")

    @QUICK
    @given(result)
    def check(events: list[Any]) -> None:
        dumped = [module.dump_chat_completion_result(e) for e in events]
        assert [module.parse_chat_completion_result(d) for d in json.loads(json.dumps(dumped))] == events

    check()


@pytest.fixture(scope="module")
def corpus_values(corpus_build: tuple[ModuleType, Spec]) -> Values:
    return Values(*corpus_build)


@pytest.mark.parametrize("key", CORPUS_KEYS)
def test_corpus_roundtrip_and_invalid_payloads(corpus_values: Values, key: str) -> None:
    """Unions in the corpus may be ambiguous (a member whose fields are a subset of
    another's): there the JSON round trip is asserted, elsewhere equality too."""
    exact = not corpus_values.reaches_union(key)

    @CORPUS_SETTINGS
    @given(st.data())
    def check(data: st.DataObject) -> None:
        value = data.draw(corpus_values.of_key(key))
        roundtrip(corpus_values, key, value, exact)
        _, dump = corpus_values.parse_dump(key)
        rejects_cleanly(corpus_values, key, data.draw(mutations(dump(value)) | json_values))

    check()


@pytest.fixture(scope="module")
def pydantic_values(tmp_path_factory: pytest.TempPathFactory) -> Values:
    return Values(*build_package(PYDANTIC_ERA, tmp_path_factory.mktemp("pydantic_era"), "parsers_pydantic"))


@pytest.mark.parametrize("key", PYDANTIC_KEYS)
def test_pydantic_era_roundtrip_and_invalid_payloads(pydantic_values: Values, key: str) -> None:
    """UNSET, explicit null and additional keys survive dump and parse."""
    roundtrips_and_rejects(pydantic_values, key)


def roundtrips_and_rejects(values: Values, key: str) -> None:
    """Random values of *key* survive dump and parse; mutated payloads raise ParseError only."""

    @QUICK
    @given(st.data())
    def check(data: st.DataObject) -> None:
        value = data.draw(values.of_key(key))
        roundtrip(values, key, value, exact=not values.reaches_union(key))
        _, dump = values.parse_dump(key)
        rejects_cleanly(values, key, data.draw(mutations(dump(value)) | json_values))

    check()


def test_unset_null_and_extra_keys_are_told_apart(pydantic_values: Values) -> None:
    profile = pydantic_values.cls("models.shared.Profile")
    unset = pydantic_values.package.UNSET
    base = {"handle": "h", "nickname": None, "scores": [1, None]}
    absent = profile.from_dict(base)
    null = profile.from_dict({**base, "motto": None, "visits": 3})
    assert (absent.motto, absent.nickname, absent.__pydantic_extra__) == (unset, None, {})
    assert (null.motto, null.__pydantic_extra__) == (None, {"visits": 3})
    assert "motto" not in absent.to_dict() and absent.to_dict()["nickname"] is None
    assert null.to_dict()["motto"] is None and null.to_dict()["visits"] == 3
    assert absent.to_dict()["kind"] == "person" and absent.KIND == "person"


@pytest.fixture(scope="module")
def corpus_v2_values(tmp_path_factory: pytest.TempPathFactory) -> Values:
    if not CORPUS_V2.is_dir():
        pytest.skip("../shared is absent")
    return Values(*build_package(CORPUS_V2, tmp_path_factory.mktemp("corpus_v2"), "parsers_corpus_v2")[:2])


@pytest.mark.parametrize("key", CORPUS_V2_KEYS)
def test_pydantic_corpus_roundtrip_and_invalid_payloads(corpus_v2_values: Values, key: str) -> None:
    exact = not corpus_v2_values.reaches_union(key)

    @CORPUS_SETTINGS
    @given(st.data())
    def check(data: st.DataObject) -> None:
        value = data.draw(corpus_v2_values.of_key(key))
        roundtrip(corpus_v2_values, key, value, exact)
        _, dump = corpus_v2_values.parse_dump(key)
        rejects_cleanly(corpus_v2_values, key, data.draw(mutations(dump(value)) | json_values))

    check()


OAG_KEYS = [(tree, key) for tree, path in sorted(OAG_TREES.items()) for key in sorted(compile_spec(path).decls())]


@pytest.fixture(scope="module")
def oag_values(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Values]:
    """OpenAPI Generator's fixture pages (tests/dialects/oag), each era built as a package."""
    return {
        tree: Values(*build_package(path, tmp_path_factory.mktemp(tree), f"parsers_{tree}"))
        for tree, path in sorted(OAG_TREES.items())
    }


@pytest.mark.parametrize(("tree", "key"), OAG_KEYS)
def test_openapi_generator_roundtrip_and_invalid_payloads(oag_values: dict[str, Values], tree: str, key: str) -> None:
    """Escaped names, defaults, enums, object and bytes fields survive dump and parse."""
    roundtrips_and_rejects(oag_values[tree], key)
