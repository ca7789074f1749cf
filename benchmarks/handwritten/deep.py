"""The hand-written parser and dumper of the deep workload (orders)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from docgen_bench import Order, OrderLine, OrderStatus, Party, Urgency  # type: ignore[import-not-found]

from ._base import DECIMAL, MISSING, Decimal, as_decimal, as_float, fail  # noqa: F401

_DATE = date.fromisoformat  # raises TypeError for what is not a str, ValueError for a bad one
_DATETIME = datetime.fromisoformat

_STATUSES = {m.value: m for m in OrderStatus}
_URGENCIES = {m.value: m for m in Urgency}


def parse_party(d: Any, path: Any) -> Party:
    if type(d) is not dict:
        fail(path, "an object")
    name = d.get("name")
    if type(name) is not str:
        fail((path, "name"), "str")
    try:
        since = _DATE(d.get("since"))
    except (TypeError, ValueError):
        fail((path, "since"), "a date")
    urgency = d.get("urgency")
    urgency = _URGENCIES.get(urgency) if type(urgency) is int else None
    if urgency is None:
        fail((path, "urgency"), "an Urgency")
    email = d.get("email")
    if email is not None and type(email) is not str:
        fail((path, "email"), "str or null")
    last_seen = d.get("last_seen")
    if last_seen is not None:
        try:
            last_seen = _DATETIME(last_seen)
        except (TypeError, ValueError):
            fail((path, "last_seen"), "a date-time")
    return Party(name, since, urgency, email, last_seen)


def parse_order_line(d: Any, path: Any) -> OrderLine:
    if type(d) is not dict:
        fail(path, "an object")
    sku = d.get("sku")
    if type(sku) is not str:
        fail((path, "sku"), "str")
    quantity = d.get("quantity")
    if type(quantity) is not int:
        fail((path, "quantity"), "int")
    v = d.get("unit_price")
    unit_price = Decimal(v) if type(v) is str and DECIMAL(v) else as_decimal(v, (path, "unit_price"))
    status = d.get("status")
    status = _STATUSES.get(status) if type(status) is str else None
    if status is None:
        fail((path, "status"), "an OrderStatus")
    delivered = d.get("delivered")
    if delivered is not None:
        try:
            delivered = _DATETIME(delivered)
        except (TypeError, ValueError):
            fail((path, "delivered"), "a date-time")
    tax = d.get("tax")
    if tax is not None:
        tax = Decimal(tax) if type(tax) is str and DECIMAL(tax) else as_decimal(tax, (path, "tax"))
    urgency = d.get("urgency")
    if urgency is not None:
        member = _URGENCIES.get(urgency) if type(urgency) is int else None
        if member is None:
            fail((path, "urgency"), "an Urgency")
        urgency = member
    return OrderLine(sku, quantity, unit_price, status, delivered, tax, urgency)


def _order_lines(v: Any, path: Any) -> list[OrderLine]:
    if type(v) is not list:
        fail(path, "a list")
    return [parse_order_line(x, (path, i)) for i, x in enumerate(v)]


def parse_order(d: Any, path: Any = "$") -> Order:
    if type(d) is not dict:
        fail(path, "an object")
    id_ = d.get("id")
    if type(id_) is not str:
        fail((path, "id"), "str")
    try:
        placed = _DATE(d.get("placed"))
    except (TypeError, ValueError):
        fail((path, "placed"), "a date")
    try:
        created = _DATETIME(d.get("created"))
    except (TypeError, ValueError):
        fail((path, "created"), "a date-time")
    v = d.get("total")
    total = Decimal(v) if type(v) is str and DECIMAL(v) else as_decimal(v, (path, "total"))
    status = d.get("status")
    status = _STATUSES.get(status) if type(status) is str else None
    if status is None:
        fail((path, "status"), "an OrderStatus")
    urgency = d.get("urgency")
    urgency = _URGENCIES.get(urgency) if type(urgency) is int else None
    if urgency is None:
        fail((path, "urgency"), "an Urgency")
    attributes = d.get("attributes", MISSING)
    if attributes is MISSING:
        fail((path, "attributes"), "a value")
    lines = _order_lines(d.get("lines"), (path, "lines"))
    parties = d.get("parties")
    if type(parties) is not dict:
        fail((path, "parties"), "an object")
    parties = {k: parse_party(v, ((path, "parties"), k)) for k, v in parties.items()}
    shipped = d.get("shipped")
    if shipped is not None:
        try:
            shipped = _DATE(shipped)
        except (TypeError, ValueError):
            fail((path, "shipped"), "a date")
    changed = d.get("changed")
    if changed is not None:
        try:
            changed = _DATETIME(changed)
        except (TypeError, ValueError):
            fail((path, "changed"), "a date-time")
    discount = d.get("discount")
    if discount is not None:
        discount = (
            Decimal(discount)
            if type(discount) is str and DECIMAL(discount)
            else as_decimal(discount, (path, "discount"))
        )
    previous = d.get("previous_status")
    if previous is not None:
        member = _STATUSES.get(previous) if type(previous) is str else None
        if member is None:
            fail((path, "previous_status"), "an OrderStatus")
        previous = member
    escalation = d.get("escalation")
    if escalation is not None:
        member = _URGENCIES.get(escalation) if type(escalation) is int else None
        if member is None:
            fail((path, "escalation"), "an Urgency")
        escalation = member
    note = d.get("note")
    if note is not None and type(note) is not str:
        fail((path, "note"), "str or null")
    returns = d.get("returns")
    if returns is not None:
        returns = _order_lines(returns, (path, "returns"))
    return Order(
        id_, placed, created, total, status, urgency, attributes, lines, parties, shipped, changed, discount, previous,
        escalation, note, returns,
    )  # fmt: skip


def dump_party(o: Party) -> dict[str, Any]:
    r = {"name": o.name, "since": o.since.isoformat(), "urgency": o.urgency.value}
    if o.email is not None:
        r["email"] = o.email
    if o.last_seen is not None:
        r["last_seen"] = o.last_seen.isoformat()
    return r


def dump_order_line(o: OrderLine) -> dict[str, Any]:
    r = {"sku": o.sku, "quantity": o.quantity, "unit_price": str(o.unit_price), "status": o.status.value}
    if o.delivered is not None:
        r["delivered"] = o.delivered.isoformat()
    if o.tax is not None:
        r["tax"] = str(o.tax)
    if o.urgency is not None:
        r["urgency"] = o.urgency.value
    return r


def dump_order(o: Order) -> dict[str, Any]:
    r = {
        "id": o.id,
        "placed": o.placed.isoformat(),
        "created": o.created.isoformat(),
        "total": str(o.total),
        "status": o.status.value,
        "urgency": o.urgency.value,
        "attributes": o.attributes,
        "lines": [dump_order_line(x) for x in o.lines],
        "parties": {k: dump_party(v) for k, v in o.parties.items()},
    }
    if o.shipped is not None:
        r["shipped"] = o.shipped.isoformat()
    if o.changed is not None:
        r["changed"] = o.changed.isoformat()
    if o.discount is not None:
        r["discount"] = str(o.discount)
    if o.previous_status is not None:
        r["previous_status"] = o.previous_status.value
    if o.escalation is not None:
        r["escalation"] = o.escalation.value
    if o.note is not None:
        r["note"] = o.note
    if o.returns is not None:
        r["returns"] = [dump_order_line(x) for x in o.returns]
    return r
