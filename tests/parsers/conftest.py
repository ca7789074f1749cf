"""Fixtures for the generated parsers: builds of specs/ (and of the shared corpus, where
it is present) written to a temporary folder and imported as packages."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from parsers_strategies import CORPUS, SPECS, build_package

from docgen.ir import Spec


@pytest.fixture(scope="session")
def specs_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Spec, Path]:
    out = tmp_path_factory.mktemp("specs_build")
    package, spec = build_package(SPECS, out, "parsers_specs")
    return package, spec, out / "parsers_specs"


@pytest.fixture(scope="session")
def pkg(specs_build: tuple[ModuleType, Spec, Path]) -> ModuleType:
    return specs_build[0]


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Spec]:
    if not CORPUS.is_dir():
        pytest.skip("../shared is absent")
    out = tmp_path_factory.mktemp("corpus_build")
    return build_package(CORPUS, out, "parsers_corpus")[:2]
