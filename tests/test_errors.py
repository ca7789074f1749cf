"""One error type carries diagnostics; severities are an enum that prints as the word."""

from __future__ import annotations

import json

from docgen.config import ConfigError
from docgen.diagnostics import DocgenError, Severity, error, remark, shown_as
from docgen.dialects.types import Problem
from docgen.ir import SourceSpan
from docgen.manifest import ManifestError

SPAN = SourceSpan("a.md", 3, 4)


def test_every_error_that_carries_diagnostics_is_a_docgen_error() -> None:
    found = error(SPAN, "unknown type name 'Foo'")
    for kind in (ConfigError, ManifestError):
        raised = kind([found])
        assert isinstance(raised, DocgenError) and raised.diagnostics == [found]
        assert str(raised) == found.render()
    problem = Problem(found)
    assert isinstance(problem, DocgenError) and problem.diagnostic is found and problem.diagnostics == [found]


def test_a_severity_prints_and_serialises_as_its_word() -> None:
    found = error(SPAN, "unknown type name 'Foo'")
    assert found.severity is Severity.ERROR
    assert found.render().startswith("a.md:3:4: error: unknown type name 'Foo' [")
    assert json.loads(found.to_json())["severity"] == "error"
    assert shown_as(remark(SPAN, "x"), strict=True, verbose=False).severity is Severity.WARNING  # type: ignore[union-attr]
    assert shown_as(remark(SPAN, "x"), strict=False, verbose=False) is None
    assert [s.value for s in Severity] == ["error", "warning", "note", "remark"]
