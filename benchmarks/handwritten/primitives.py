"""The hand-written parser and dumper of the primitives workload."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from docgen_bench import Level, Primitives  # type: ignore[import-not-found]

from ._base import DECIMAL, MISSING, Decimal, as_decimal, as_float, fail  # noqa: F401

_DATE = date.fromisoformat  # raises TypeError for what is not a str, ValueError for a bad one
_DATETIME = datetime.fromisoformat

_LEVELS = {m.value: m for m in Level}


def parse_primitives(d: Any, path: Any = "$") -> Primitives:
    if type(d) is not dict:
        fail(path, "an object")
    name = d.get("name")
    if type(name) is not str:
        fail((path, "name"), "str")
    count = d.get("count")
    if type(count) is not int:
        fail((path, "count"), "int")
    ratio = d.get("ratio")
    if type(ratio) is not float or ratio - ratio != 0.0:
        ratio = as_float(ratio, (path, "ratio"))
    enabled = d.get("enabled")
    if type(enabled) is not bool:
        fail((path, "enabled"), "bool")
    try:
        day = _DATE(d.get("day"))
    except (TypeError, ValueError):
        fail((path, "day"), "a date")
    try:
        moment = _DATETIME(d.get("moment"))
    except (TypeError, ValueError):
        fail((path, "moment"), "a date-time")
    v = d.get("price")
    price = Decimal(v) if type(v) is str and DECIMAL(v) else as_decimal(v, (path, "price"))
    level = d.get("level")
    level = _LEVELS.get(level) if type(level) is str else None
    if level is None:
        fail((path, "level"), "a Level")
    extra = d.get("extra", MISSING)
    if extra is MISSING:
        fail((path, "extra"), "a value")
    note = d.get("note")
    if note is not None and type(note) is not str:
        fail((path, "note"), "str or null")
    limit = d.get("limit")
    if limit is not None and type(limit) is not int:
        fail((path, "limit"), "int or null")
    weight = d.get("weight")
    if weight is not None and (type(weight) is not float or weight - weight != 0.0):
        weight = as_float(weight, (path, "weight"))
    verified = d.get("verified")
    if verified is not None and type(verified) is not bool:
        fail((path, "verified"), "bool or null")
    expires = d.get("expires")
    if expires is not None:
        try:
            expires = _DATE(expires)
        except (TypeError, ValueError):
            fail((path, "expires"), "a date")
    updated = d.get("updated")
    if updated is not None:
        try:
            updated = _DATETIME(updated)
        except (TypeError, ValueError):
            fail((path, "updated"), "a date-time")
    discount = d.get("discount")
    if discount is not None:
        discount = (
            Decimal(discount)
            if type(discount) is str and DECIMAL(discount)
            else as_decimal(discount, (path, "discount"))
        )
    tags = d.get("tags")
    if tags is not None:
        if type(tags) is not list:
            fail((path, "tags"), "a list")
        for i, t in enumerate(tags):
            if type(t) is not str:
                fail(((path, "tags"), i), "str")
        tags = list(tags)
    return Primitives(
        name, count, ratio, enabled, day, moment, price, level, extra, note, limit, weight, verified, expires, updated,
        discount, tags,
    )  # fmt: skip


def dump_primitives(o: Primitives) -> dict[str, Any]:
    r = {
        "name": o.name,
        "count": o.count,
        "ratio": o.ratio,
        "enabled": o.enabled,
        "day": o.day.isoformat(),
        "moment": o.moment.isoformat(),
        "price": str(o.price),
        "level": o.level.value,
        "extra": o.extra,
    }
    if o.note is not None:
        r["note"] = o.note
    if o.limit is not None:
        r["limit"] = o.limit
    if o.weight is not None:
        r["weight"] = o.weight
    if o.verified is not None:
        r["verified"] = o.verified
    if o.expires is not None:
        r["expires"] = o.expires.isoformat()
    if o.updated is not None:
        r["updated"] = o.updated.isoformat()
    if o.discount is not None:
        r["discount"] = str(o.discount)
    if o.tags is not None:
        r["tags"] = list(o.tags)
    return r
