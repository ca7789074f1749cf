"""The decoded JSON payloads the parser and dumper benchmarks read: seeded, so every run
and every library sees the same values."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from typing import Any


def chat_payload(size: int, rng: random.Random) -> list[Any]:
    start = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    events: list[Any] = []
    for i in range(size - 1):
        data: dict[str, Any] = {
            "content": rng.choice(["Hello", " world", ",", " how", " are", " you", "?"]),
            "role": "assistant",
            "index": 0,
            "created": (start + timedelta(milliseconds=37 * i)).isoformat(),
        }
        if i % 100 == 99:
            data["finish_reason"] = "stop"
            data["usage"] = {"prompt_tokens": 12, "completion_tokens": 100, "total_tokens": 112, "cost": "0.00112"}
            data["logprobs"] = [-rng.random() for _ in range(8)]
            data["metadata"] = {"model": "m-1", "cached": False}
        events.append({"data": data, "event": "completion.chunk", "id": f"evt_{i}", "retry": 3000})
    events.append({"data": "[DONE]"})
    return events


def primitives_payload(size: int, rng: random.Random) -> list[Any]:
    items = []
    for i in range(size):
        item: dict[str, Any] = {
            "name": f"item {i}",
            "count": rng.randrange(10**6),
            "ratio": rng.random(),
            "enabled": rng.random() < 0.5,
            "day": (date(2024, 1, 1) + timedelta(days=i % 365)).isoformat(),
            "moment": datetime(2024, 1, 1, 8, 30, tzinfo=timezone(timedelta(hours=2))).isoformat(),
            "price": f"{rng.randrange(10**6) / 100:.2f}",
            "level": rng.choice(["low", "medium", "high"]),
            "extra": {"k": [1, 2, 3]} if i % 2 else None,
        }
        if i % 2:
            item.update(
                note="optional",
                limit=10,
                weight=2.5,
                verified=True,
                expires="2025-12-31",
                updated="2024-06-01T00:00:00+00:00",
                discount="0.15",
                tags=["a", "b"],
            )
        items.append(item)
    return items


def wide_level(rng: random.Random, depth: int) -> dict[str, Any]:
    values = (lambda i: f"s{i}", lambda i: rng.randrange(1000), lambda i: rng.random() + 0.5, lambda i: i % 3 == 0)
    record: dict[str, Any] = {}
    for i in range(18):
        kind = ("str", "int", "float", "bool")[i % 4]
        if i < 12 or i % 2 == 0:
            record[f"{kind}_{i:02d}"] = values[i % 4](i)
    if depth == 0:
        record["labels"] = {"a": "x", "b": "y"}
        record["scores"] = [0.5, 1.5]
    else:
        child = "detail" if depth == 2 else "leaf"
        record[child] = wide_level(rng, depth - 1)
    return record


def wide_payload(size: int, rng: random.Random) -> list[Any]:
    return [wide_level(rng, 2) for _ in range(size)]


OFFSETS = [timezone.utc, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5, minutes=-30))]
STATUSES = ["pending", "paid", "shipped", "cancelled"]


def order_line(rng: random.Random, n: int, when: datetime) -> dict[str, Any]:
    line: dict[str, Any] = {
        "sku": f"SKU-{rng.randrange(10**5):05d}",
        "quantity": rng.randrange(1, 20),
        "unit_price": f"{rng.randrange(100, 10**5) / 100:.2f}",
        "status": rng.choice(STATUSES),
    }
    if n % 2:
        line.update(delivered=(when + timedelta(days=3)).isoformat(), tax="0.19", urgency=rng.randrange(1, 4))
    return line


def party(rng: random.Random, n: int, when: datetime) -> dict[str, Any]:
    who: dict[str, Any] = {
        "name": f"party {n}",
        "since": (date(2019, 1, 1) + timedelta(days=n % 1500)).isoformat(),
        "urgency": rng.randrange(1, 4),
    }
    if n % 2:
        who.update(email=f"p{n}@example.test", last_seen=(when - timedelta(hours=n % 48)).isoformat())
    return who


def deep_payload(size: int, rng: random.Random) -> list[Any]:
    """Orders: dates, datetimes with three offsets, Decimal strings, str and int enums, each
    also optional (half the orders set the optional ones), Any, a list and a map of models."""
    orders = []
    for i in range(size):
        when = datetime(2024, 3, 1, 9, 15, 30, 250000, tzinfo=OFFSETS[i % 3]) + timedelta(minutes=7 * i)
        order: dict[str, Any] = {
            "id": f"ord_{i}",
            "placed": when.date().isoformat(),
            "created": when.isoformat(),
            "total": f"{rng.randrange(10**7) / 100:.2f}",
            "status": rng.choice(STATUSES),
            "urgency": rng.randrange(1, 4),
            "attributes": [None, {"gift": True, "codes": [1, 2]}, "fragile"][i % 3],
            "lines": [order_line(rng, i + k, when) for k in range(2 + i % 3)],
            "parties": {role: party(rng, i + k, when) for k, role in enumerate(("buyer", "seller"))},
        }
        if i % 2:
            order.update(
                shipped=(when.date() + timedelta(days=1)).isoformat(),
                changed=(when + timedelta(hours=5)).isoformat(),
                discount="12.50",
                previous_status="pending",
                escalation=3,
                note="leave at the door",
                returns=[order_line(rng, i + 1, when)],
            )
        orders.append(order)
    return orders
