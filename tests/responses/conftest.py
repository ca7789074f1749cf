"""The support modules every generated package ships, rendered from docgen's templates
into a throw-away package, and a local HTTP server the response tests talk to."""

from __future__ import annotations

import importlib
import sys
from types import SimpleNamespace

import pytest

from docgen.emit import modules as emit

PACKAGE = "docgen_runtime_under_test"


@pytest.fixture(scope="session")
def runtime(tmp_path_factory: pytest.TempPathFactory):
    """``sse``, ``http`` and ``errors``: the generated ``_sse``, ``_http`` and ``_errors``."""
    root = tmp_path_factory.mktemp("runtime")
    package = root / PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("")
    env = emit.environment()
    for name, template in emit.RUNTIME_FILES.items():
        (package / f"{name}.py").write_text(emit.render_runtime(template, env), encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        yield SimpleNamespace(
            sse=importlib.import_module(f"{PACKAGE}._sse"),
            http=importlib.import_module(f"{PACKAGE}._http"),
            errors=importlib.import_module(f"{PACKAGE}._errors"),
        )
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]
