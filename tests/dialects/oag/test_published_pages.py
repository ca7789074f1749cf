"""OpenAPI Generator pages as published trees show them (fixture pages in ``published/``
and ``prior/``, written for these tests): the 7.x ``UUID`` and ``decimal.Decimal`` types,
tables a formatter re-aligned, and the 6.x python generator's additional-properties row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Iterator

import pytest

from docgen.build import compile_sources, generate, load_sources
from docgen.dialects.oag_cells import source_cells
from docgen.ir import DictOf, ListOf, Model, Optional_, Primitive
from tests.dialects.packages import imported

HERE = Path(__file__).parent


def _decls(tree: str) -> dict:  # type: ignore[type-arg]
    sources, _ = load_sources(HERE / tree)
    compiled = compile_sources(sources)
    assert compiled.spec is not None, [d.render() for d in compiled.diagnostics]
    return compiled.spec.decls()


@pytest.fixture
def billing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    yield from _package("published", "billing", tmp_path, monkeypatch)


@pytest.fixture
def helpdesk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    yield from _package("prior", "helpdesk", tmp_path, monkeypatch)


def _package(tree: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    result = generate(HERE / tree)
    assert [d.render() for d in result.diagnostics if d.severity == "error"] == []
    yield from imported(result.files, name, tmp_path, monkeypatch)


def test_uuid_is_the_text_it_travels_as_and_decimal_decimal_is_decimal() -> None:
    invoice = _decls("published")["Invoice"]
    assert isinstance(invoice, Model)
    assert [f.type for f in invoice.fields] == [
        Primitive("str"),
        Primitive("Decimal"),
        Optional_(ListOf(Primitive("str"))),
    ]


def test_uuids_and_decimals_parse(billing) -> None:  # type: ignore[no-untyped-def]
    data = {"invoice_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "total": "12.50"}
    invoice = billing.Invoice.from_dict(data)
    assert (invoice.invoice_id, invoice.total) == (data["invoice_id"], Decimal("12.50"))


def test_a_re_aligned_table_reads_like_the_generator_s(billing) -> None:  # type: ignore[no-untyped-def]
    fields = {f.name: f for f in _decls("published")["LineItem"].fields}
    assert [n for n, f in fields.items() if f.required] == ["label"]
    assert (fields["quantity"].default.json, fields["note"].description) == ("1", "Free text | unescaped.")
    assert billing.LineItem.from_dict({"label": "pen"}).quantity == 1


def test_a_closed_row_s_last_pipe_closes_it_and_an_open_row_s_leaves_an_empty_cell() -> None:
    assert source_cells("| **a** | **str** | x |  |", closed=True) == ["**a**", "**str**", "x", ""]
    assert source_cells("**a** | **str** | x | ") == ["**a**", "**str**", "x", ""]
    assert source_cells("| **a** | **str** | x \\| y | z |", closed=True) == ["**a**", "**str**", "x \\| y", "z"]


def test_the_any_string_name_row_is_the_model_s_additional_properties() -> None:
    decls = _decls("prior")
    ticket, label = decls["Ticket"], decls["Label"]
    extra = ticket.fields[-1]
    assert (extra.name, extra.additional, extra.type, extra.required) == (
        "additional_properties",
        True,
        DictOf(Primitive("Any")),
        False,
    )
    assert label.fields[-1].type == DictOf(Primitive("str"))


def test_additional_properties_are_kept_and_written_back(helpdesk) -> None:  # type: ignore[no-untyped-def]
    data = {"number": 7, "subject": "Printer", "priority": 2, "tags": ["hw"]}
    ticket = helpdesk.Ticket.from_dict(data)
    assert ticket.additional_properties == {"priority": 2, "tags": ["hw"]}
    assert ticket.to_dict() == data
    with pytest.raises(helpdesk.ParseError):
        helpdesk.Label.from_dict({"text": "x", "colour": 3})
