"""Constructs of Speakeasy docs trees as SDKs publish them (fixture trees in this folder,
written for these tests): the HTTP metadata of pydantic-era responses, status ranges of
operation pages, links the generator wrote without its docs root."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from docgen.build import Source, compile_sources, generate, load_sources
from docgen.ir import HttpRequest, HttpResponse, ListOf, Model, Optional_, Ref, Spec
from docgen.resolve import specs_root
from tests.dialects.packages import imported

HERE = Path(__file__).parent


def _build(name: str):
    result = generate(HERE / name / "docs")
    assert [d.render() for d in result.diagnostics if d.severity == "error"] == []
    return result


def _spec(name: str) -> Spec:
    sources, _ = load_sources(HERE / name / "docs")
    compiled = compile_sources(sources, root=specs_root(HERE / name / "docs"))
    assert compiled.spec is not None, [d.render() for d in compiled.diagnostics]
    return compiled.spec


def test_the_request_an_operation_sent_is_typed_like_its_response() -> None:
    meta = _spec("envelope").decls()["models.components.HTTPMetadata"]
    assert isinstance(meta, Model)
    assert [(f.name, f.type) for f in meta.fields] == [("response", HttpResponse()), ("request", HttpRequest())]
    result = _build("envelope")
    module = result.files["models/components/httpmetadata.py"]
    assert "request: requests_http.Request = field(" in module
    assert "class Request(Protocol):" in result.files["requests_http.py"]


def test_a_range_of_status_codes_covers_every_status_in_it() -> None:
    operation = next(o for o in _spec("envelope").operations if o.name == "track_parcel")
    assert [(e.statuses, e.name) for e in operation.errors] == [
        (("404",), "Problem"),
        (("4XX", "5XX"), "APIError"),
    ]


def test_status_ranges_of_codes() -> None:
    from docgen.dialects.operations import statuses

    assert statuses("400-600") == ("4XX", "5XX")
    assert statuses("400-599") == ("4XX", "5XX")
    assert statuses("400-500") == ("4XX", "500")
    assert statuses("500-503") == ("500", "501", "502", "503")
    assert statuses("500-400") is None


def test_a_link_written_without_its_docs_root_is_followed_from_the_folder_above_that_has_it() -> None:
    for folder in ("docs", "docs/models"):  # the SDK's docs, or only their models
        sources, _ = load_sources(HERE / "unrooted" / folder)
        compiled = compile_sources(sources, root=specs_root(HERE / "unrooted" / folder))
        assert compiled.spec is not None, [d.render() for d in compiled.diagnostics]
        decls = compiled.spec.decls()
        prefix = "models." if folder == "docs" else ""
        shelf = decls[prefix + "shared.Shelf"]
        assert shelf.fields[1].type == Optional_(ListOf(Ref(prefix + "shared.Book")))
        response = decls[prefix + "operations.GetShelfResponse"]
        assert response.fields[3].type == Optional_(Ref(prefix + "shared.Shelf"))


def test_a_link_without_its_docs_root_that_leads_nowhere_is_a_located_error() -> None:
    row = "| `x` | [Optional[shared.Gone]](undefined/models/shared/gone.md) | :heavy_minus_sign: | N/A |"
    page = (
        "# Holder\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n" + row + "\n"
    )
    compiled = compile_sources([Source("models/shared/holder.md", page)])
    assert [f"{d.span}: {d.message}" for d in compiled.diagnostics if d.severity == "error"] == [
        "models/shared/holder.md:7:9: link 'undefined/models/shared/gone.md' was written without its docs root, "
        "and no folder above this page has 'models/shared/gone.md'"
    ]


def test_messages_take_the_article_the_type_sounds_with(tmp_path: Path) -> None:
    from docgen.emit.spelling import with_article

    assert [with_article(t) for t in ("int | float", "str", "ImagePart", "OneOfPet", "UUID", "Item")] == [
        "an int | float",
        "a str",
        "an ImagePart",
        "a OneOfPet",
        "a UUID",
        "an Item",
    ]
    page = "# Amount\n\n## Supported Types\n\n### `int`\n\n```python\nvalue: int = /* values here */\n```\n\n"
    page += "### `Decimal`\n\n```python\nvalue: Decimal = /* values here */\n```\n"
    (tmp_path / "models").mkdir()
    (tmp_path / "models/amount.md").write_text(page, encoding="utf-8")
    result = generate(tmp_path)
    assert 'raise TypeError("not an int | Decimal: " + type(value).__name__)' in result.files["models/amount.py"]


def test_an_enum_whose_usage_example_says_it_is_open_is_open(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    decls = _spec("openenums").decls()
    assert [decls[f"models.components.{n}"].open for n in ("ShipmentState", "Priority", "Crate")] == [
        True,
        True,
        False,
    ]
    for freight in imported(_build("openenums").files, "freight", tmp_path, monkeypatch):
        shipment = freight.Shipment.from_dict({"state": "lost", "priority": 9, "crate": "wood"})
        assert (shipment.state, shipment.priority, shipment.crate) == ("lost", 9, freight.Crate.WOOD)
        assert shipment.to_dict() == {"state": "lost", "priority": 9, "crate": "wood"}
        with pytest.raises(freight.ParseError):
            freight.Shipment.from_dict({"state": "packed", "crate": "paper"})


def test_a_response_with_http_metadata_holds_the_body_and_the_exchange(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    httpx = pytest.importorskip("httpx")
    operations = {o.name: o for o in _spec("envelope").operations}
    assert (operations["track_parcel"].wrapper.meta, operations["track_parcel"].wrapper.body) == ("http_meta", "parcel")
    # of several body fields, the first whose description gives no error status takes the body
    assert operations["list_parcels"].wrapper.body == "parcels"
    for parcels in imported(_build("envelope").files, "parcels", tmp_path, monkeypatch):
        ops = importlib.import_module("parcels.sdks.parcels")
        request = httpx.Request("GET", "https://api.example.invalid/parcels/P-1")
        sent = httpx.Response(200, json={"code": "P-1", "weight_grams": 300}, request=request)
        tracked = ops.parse_track_parcel(sent)
        assert tracked.parcel == parcels.Parcel(code="P-1", weight_grams=300)
        assert (tracked.http_meta.response, tracked.http_meta.request) == (sent, request)
        listed = ops.parse_list_parcels(httpx.Response(200, json=[], request=request))
        assert (listed.parcels, listed.problem, listed.fallback) == ([], None, None)
        with pytest.raises(parcels.api_errors.Problem):
            ops.parse_track_parcel(httpx.Response(404, json={"detail": "no"}, request=request))
