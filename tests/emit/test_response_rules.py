"""Which models are operation responses, and which body field takes which response."""

from __future__ import annotations

import ast
import dataclasses

import pytest

from docgen.emit.responses import BYTES, HEADERS, JSON, STREAM, TEXT, body_fields, is_operation_response, status_range
from docgen.ir import Model
from tests.conftest import compile_pages

TRIO = (
    "| `content_type` | *str* | :heavy_check_mark: | HTTP response content type for this operation |\n"
    "| `status_code` | *int* | :heavy_check_mark: | HTTP response status code for this operation |\n"
    "| `raw_response` | [requests.Response](https://requests.readthedocs.io/) | :heavy_check_mark: | Raw HTTP response |\n"
)


def model(rows: str, name: str = "Op") -> Model:
    page = f"# {name}\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n{rows}"
    compiled = compile_pages({"m/op.md": page})
    assert compiled.spec is not None, [d.render() for d in compiled.diagnostics]
    decl = compiled.spec.decls()[f"m.{name}"]
    assert isinstance(decl, Model)
    return decl


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OK", (200, 200)),
        ("Ok", (200, 200)),
        ("Created", (201, 201)),
        ("Not Found", (404, 404)),
        ("Internal Server Error.", (500, 500)),
        ("4XX", (400, 499)),
        ("5xx", (500, 599)),
        ("default", (100, 599)),
        ("204", (204, 204)),
        ("A successful response", None),
        ("", None),
    ],
)
def test_status_range_reads_the_description(text: str, expected: tuple[int, int] | None) -> None:
    assert status_range(text) == expected


def test_the_http_trio_makes_an_operation_response() -> None:
    assert is_operation_response(model(TRIO))
    assert not is_operation_response(model("| `status_code` | *int* | :heavy_check_mark: | N/A |\n"))


def test_body_fields_by_type_and_status() -> None:
    rows = TRIO + (
        "| `result` | List[*str*] | :heavy_minus_sign: | OK |\n"
        "| `events` | *Optional[Generator[str]]* | :heavy_minus_sign: | OK |\n"
        "| `body` | *Optional[bytes]* | :heavy_minus_sign: | OK |\n"
        "| `text` | *Optional[str]* | :heavy_minus_sign: | Accepted |\n"
        "| `error` | *Optional[str]* | :heavy_minus_sign: | 4XX |\n"
        "| `other` | Dict[str, *int*] | :heavy_minus_sign: | Fine, thanks |\n"
        "| `headers` | Dict[str, List[*str*]] | :heavy_check_mark: | N/A |\n"
    )
    bodies = [(b.field.name, b.kind, b.status_low, b.status_high) for b in body_fields(model(rows))]
    assert bodies == [
        ("result", JSON, 200, 200),
        ("events", STREAM, 200, 200),
        ("body", BYTES, 200, 200),
        ("text", TEXT, 202, 202),
        ("error", TEXT, 400, 499),
        ("other", JSON, 200, 299),
        ("headers", HEADERS, 100, 599),
    ]


def test_status_overrides_win_over_the_description() -> None:
    rows = TRIO + "| `error` | *Optional[str]* | :heavy_minus_sign: | Something went wrong |\n"
    op = model(rows)
    configured = dataclasses.replace(
        op, fields=tuple(dataclasses.replace(f, status="5XX") if f.name == "error" else f for f in op.fields)
    )
    ((_, kind, low, high),) = [(b.field.name, b.kind, b.status_low, b.status_high) for b in body_fields(configured)]
    assert (kind, low, high) == (TEXT, 500, 599)


def test_configured_statuses_reach_the_ir(tmp_path) -> None:
    from docgen.config import load
    from docgen.passes.settings import apply_statuses

    rows = TRIO + "| `error` | *Optional[str]* | :heavy_minus_sign: | Something went wrong |\n"
    page = f"# Op\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n{rows}"
    compiled = compile_pages({"m/op.md": page})
    (tmp_path / "pyproject.toml").write_text('[tool.docgen.statuses]\n"m.Op.error" = "5XX"\n"m.Op.nope" = "404"\n')
    settings = load(tmp_path / "pyproject.toml")
    spec, problems = apply_statuses(compiled.spec, settings)
    assert [p.message for p in problems] == ["statuses: model 'm.Op' has no field 'nope'"]
    (body,) = body_fields(spec.decls()["m.Op"])
    assert (body.field.name, body.status_low, body.status_high) == ("error", 500, 599)


def test_a_raw_response_body_field_takes_the_response_itself() -> None:
    rows = TRIO + "| `bytes` | *Optional[requests_http.Response]* | :heavy_minus_sign: | OK |\n"
    (body,) = body_fields(model(rows))
    assert (body.field.name, body.kind, body.status_low) == ("bytes", "raw", 200)


def test_configured_sentinel_ends_the_generated_stream(tmp_path) -> None:
    from docgen.config import load
    from docgen.emit.modules import emit
    from docgen.passes.settings import apply_statuses

    rows = TRIO + "| `events` | *Optional[Generator[str]]* | :heavy_minus_sign: | OK |\n"
    page = f"# Op\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n{rows}"
    (tmp_path / "pyproject.toml").write_text('[tool.docgen.sentinels]\n"m.Op.events" = "[DONE]"\n')
    spec, problems = apply_statuses(compile_pages({"m/op.md": page}).spec, load(tmp_path / "pyproject.toml"))
    assert problems == []
    tree = ast.parse(emit(spec)["m/op.py"])
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == "_http.event_stream"]
    assert [{k.arg: ast.literal_eval(k.value) for k in call.keywords} for call in calls] == [{"sentinel": "[DONE]"}]
