"""docgen matches settings and documented names to JSON keys with the same normal form
(``emit.keys.normal_key``) as the generated package does at run time
(``_parsing.normal_key``): a key docgen's checks call equal must read as equal."""

from __future__ import annotations

import importlib
import sys
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.emit.keys import SEPARATORS, normal_key
from docgen.emit.modules import RUNTIME_FILES, environment, render_runtime

KEY_TEXT = st.text(alphabet=st.sampled_from("aBzZ09_-.: /\tÄß" + SEPARATORS), max_size=12)


@pytest.fixture(scope="module")
def runtime_normal_key(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], str]:
    """``normal_key`` of the support modules every generated package holds."""
    root = tmp_path_factory.mktemp("support")
    package = root / "support_under_test"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name, template in RUNTIME_FILES.items():
        (package / f"{name}.py").write_text(render_runtime(template, environment()), encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        return importlib.import_module("support_under_test._parsing").normal_key  # type: ignore[no-any-return]
    finally:
        sys.path.remove(str(root))


@given(key=KEY_TEXT)
def test_build_time_and_run_time_normal_forms_agree(runtime_normal_key: Callable[[str], str], key: str) -> None:
    assert runtime_normal_key(key) == normal_key(key)


def test_every_separator_is_dropped_at_run_time(runtime_normal_key: Callable[[str], str]) -> None:
    assert runtime_normal_key("a" + SEPARATORS + "B") == "ab"
