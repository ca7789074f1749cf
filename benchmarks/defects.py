"""The validation grid of ``parsers.py``: defects every parser should reject, each with the
JSON path docgen (and the hand-written peer) must name, as edits of a valid payload item."""

from __future__ import annotations

import copy
from typing import Any, Callable, Optional

Edit = Callable[[dict[str, Any]], None]


def _set(*keys: Any, value: Any) -> Edit:
    def edit(item: dict[str, Any]) -> None:
        target = item
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return edit


def _drop(key: str) -> Edit:
    return lambda item: item.pop(key) and None


#: workload -> [(label, edit, JSON path of the rejected value)]; the item parsed is the
#: payload's second item (odd items set the optional fields), parsed on its own.
GRIDS: dict[str, list[tuple[str, Edit, str]]] = {
    "primitives": [
        ("int as str '3'", _set("count", value="3"), "$.count"),
        ("bool as int", _set("count", value=True), "$.count"),
        ("1.5 as int", _set("count", value=1.5), "$.count"),
        ("str as float", _set("ratio", value="1.5"), "$.ratio"),
        ("NaN as float", _set("ratio", value=float("nan")), "$.ratio"),
        ("int as bool", _set("enabled", value=1), "$.enabled"),
        ("missing field", _drop("name"), "$.name"),
        ("null required", _set("name", value=None), "$.name"),
        ("unknown enum", _set("level", value="extreme"), "$.level"),
        ("date 2024-13-45", _set("day", value="2024-13-45"), "$.day"),
        ("int as str", _set("name", value=3), "$.name"),
        ("list item not str", _set("tags", value=["a", 1]), "$.tags[1]"),
    ],
    "deep": [
        ("time as datetime", _set("created", value="12:00:00"), "$.created"),
        ("datetime as date", _set("placed", value="2024-03-01T09:15:30"), "$.placed"),
        ("Decimal 'NaN'", _set("total", value="NaN"), "$.total"),
        ("Decimal ' 1.5 '", _set("total", value=" 1.5 "), "$.total"),
        ("Decimal as bool", _set("discount", value=True), "$.discount"),
        ("int enum as str", _set("urgency", value="2"), "$.urgency"),
        ("int enum as bool", _set("urgency", value=True), "$.urgency"),
        ("optional str enum unknown", _set("previous_status", value="lost"), "$.previous_status"),
        ("optional int enum unknown", _set("escalation", value=7), "$.escalation"),
        ("missing Any", _drop("attributes"), "$.attributes"),
        ("list of models not a list", _set("lines", value={}), "$.lines"),
        ("enum in a list item", _set("lines", 1, "status", value="lost"), "$.lines[1].status"),
        ("float quantity in a list item", _set("lines", 0, "quantity", value=2.0), "$.lines[0].quantity"),
        (
            "bad datetime in a list item",
            _set("lines", 1, "delivered", value="2024-02-30T00:00:00"),
            "$.lines[1].delivered",
        ),
        ("int enum in a map value", _set("parties", "buyer", "urgency", value=9), "$.parties.buyer.urgency"),
        ("date in a map value", _set("parties", "seller", "since", value="2024-1-5"), "$.parties.seller.since"),
        ("map value not an object", _set("parties", "buyer", value=[]), "$.parties.buyer"),
        ("optional list item", _set("returns", 0, "unit_price", value="1,5"), "$.returns[0].unit_price"),
    ],
}


def outcome(parse: Callable[[list[Any]], Any], item: Any, want: str, with_path: bool) -> Optional[str]:
    """None when *parse* rejects ``[item]`` (at *want*, if *with_path*), else what went wrong."""
    try:
        parse([item])
    except Exception as exc:  # noqa: BLE001 - any error is a rejection; the path is checked below
        got = getattr(exc, "path", None)
        if with_path and got != want:
            return f"path {got!r}, not {want!r}"
        return None
    return "accepted"


def run_grid(name: str, base: Any, parsers: dict[str, Callable[[list[Any]], Any]], with_path: set[str]) -> None:
    grid = GRIDS[name]
    print(f"Defects of {name} rejected, out of {len(grid)} (with the JSON path: {', '.join(sorted(with_path))}):")
    for parser_name, parse in parsers.items():
        misses = []
        for label, edit, want in grid:
            item = copy.deepcopy(base)
            edit(item)
            problem = outcome(parse, item, want, parser_name in with_path)
            if problem:
                misses.append(f"{label} ({problem})")
        print(f"  {parser_name:<18}{len(grid) - len(misses):>3}/{len(grid)}  {'; '.join(misses) or '-'}")
