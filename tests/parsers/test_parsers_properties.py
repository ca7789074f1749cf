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
from parsers_strategies import CORPUS, SPECS, Values, compile_spec, json_values, mutations

from docgen.ir import Spec

QUICK = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
CORPUS_SETTINGS = settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))


SPEC_KEYS = sorted(compile_spec(SPECS).decls())
CORPUS_KEYS = sorted(compile_spec(CORPUS).decls()) if CORPUS.is_dir() else []


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
