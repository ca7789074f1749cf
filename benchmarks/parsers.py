"""docgen's generated parsers against the libraries SDKs use to read JSON into dataclasses.

    python -m pip install -e '.[bench]'
    python benchmarks/parsers.py [--rounds 7] [--size 1000]

Builds ``specs/`` and ``benchmarks/specs/`` with docgen into a temporary folder, then,
in this one process, has every library turn the same decoded JSON payloads into the
same generated dataclasses:

* chat: a list of chat stream events, each a ``ChatCompletionEvent | SentinelEvent``
  (every 100th event closes a choice with usage, logprobs and metadata; the last is
  the ``[DONE]`` sentinel);
* primitives: a list of ``Primitives``, every primitive kind, optional fields half set;
* wide: a list of ``WideRecord``, 20 fields on each of three nested levels.

Peers: dataclasses-json, dacite (``check_types``, on by default), cattrs, pydantic v2
(``TypeAdapter`` over the dataclass) and msgspec (``msgspec.convert``), each given
the hooks it needs for ISO dates and decimals.  Where a peer cannot tell the two
event types apart by itself (msgspec and cattrs refuse untagged unions of
dataclasses; dataclasses-json does not check types), it gets a hand-written
``data == "[DONE]"`` test, which only flatters it.  Each result is checked equal to
docgen's before anything is timed.

Prints objects per second (median of the rounds) and, for each peer, how many times
faster docgen is; then which of the defects every parser should reject each one
rejects.  Nothing here asserts on time.

A row ``docgen, PascalCase`` parses the same payload with every key spelled PascalCase
(``prompt_tokens`` -> ``PromptTokens``): each object takes the tolerant matching's
fallback, and its ratio is against docgen on the exact keys.

``--count`` times nothing: it prints the bytecode instructions executed per object
(``sys.settrace`` opcode events in every Python frame: the generated package, the
standard library it calls), on the exact and the PascalCase payloads: a figure that
does not move with the load of a shared machine (work done in C is not counted).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
Parse = Callable[[list[Any]], list[Any]]


# --- the generated packages -----------------------------------------------------------------


def build(out: Path) -> tuple[Any, Any]:
    """Build both spec folders with docgen; import them as ``docgen_specs`` and ``docgen_bench``."""
    for specs, name in ((ROOT / "specs", "docgen_specs"), (ROOT / "benchmarks" / "specs", "docgen_bench")):
        subprocess.run(
            [sys.executable, "-m", "docgen", "build", str(specs), "-o", str(out / name)],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
    sys.path.insert(0, str(out))
    return importlib.import_module("docgen_specs"), importlib.import_module("docgen_bench")


# --- payloads ------------------------------------------------------------------------------


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


# --- the parsers -------------------------------------------------------------------------------


@dataclasses.dataclass
class Workload:
    name: str
    payload: list[Any]
    target: Any  # the item type (a union alias for chat)
    docgen: Parse


def workloads(specs: Any, bench: Any, size: int) -> list[Workload]:
    rng = random.Random(20240501)
    from docgen_specs.models.shared.chatcompletionresult import parse_chat_completion_result

    return [
        Workload(
            "chat",
            chat_payload(size, rng),
            specs.ChatCompletionResult,
            lambda p: [parse_chat_completion_result(x) for x in p],
        ),
        Workload(
            "primitives",
            primitives_payload(size, rng),
            bench.Primitives,
            lambda p: [bench.Primitives.from_dict(x) for x in p],
        ),
        Workload(
            "wide",
            wide_payload(size, rng),
            bench.WideRecord,
            lambda p: [bench.WideRecord.from_dict(x) for x in p],
        ),
    ]


def _is_sentinel(item: Any) -> bool:
    return isinstance(item, dict) and item.get("data") == "[DONE]"


def peers(specs: Any) -> dict[str, Callable[[Workload], Optional[Parse]]]:
    """Library name -> (workload -> a parse function for its payload, or None)."""
    event, sentinel = specs.ChatCompletionEvent, specs.SentinelEvent

    def with_sentinel(parse_one: Callable[[Any, Any], Any]) -> Parse:
        return lambda p: [parse_one(sentinel if _is_sentinel(x) else event, x) for x in p]

    def dataclasses_json(w: Workload) -> Parse:
        from dataclasses_json import DataClassJsonMixin, cfg

        # Under postponed annotations dataclasses-json matches global decoders against
        # the annotation text, so the text is the key.
        for text, decode in (("datetime", datetime.fromisoformat), ("date", date.fromisoformat)):
            cfg.global_config.decoders[text] = decode  # type: ignore[index]
            cfg.global_config.decoders[text + " | None"] = decode  # type: ignore[index]
        from_dict = DataClassJsonMixin.from_dict.__func__  # type: ignore[attr-defined]
        if w.name == "chat":
            return with_sentinel(from_dict)
        return lambda p: [from_dict(w.target, x) for x in p]

    def dacite(w: Workload) -> Parse:
        import dacite as lib

        config = lib.Config(
            type_hooks={datetime: datetime.fromisoformat, date: date.fromisoformat, Decimal: Decimal},
            cast=[Enum],
            check_types=True,
        )
        if w.name == "chat":
            return with_sentinel(lambda cls, x: lib.from_dict(cls, x, config))
        return lambda p: [lib.from_dict(w.target, x, config) for x in p]

    def cattrs(w: Workload) -> Parse:
        import cattrs as lib

        converter = lib.Converter()
        converter.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))
        converter.register_structure_hook(date, lambda v, _: date.fromisoformat(v))
        converter.register_structure_hook(Decimal, lambda v, _: Decimal(v))
        converter.register_structure_hook(
            w.target if w.name == "chat" else type(None),
            lambda v, _: converter.structure(v, sentinel if _is_sentinel(v) else event),
        )
        target = list[w.target]  # type: ignore[name-defined]
        return lambda p: converter.structure(p, target)

    def pydantic(w: Workload) -> Parse:
        from pydantic import TypeAdapter

        adapter = TypeAdapter(list[w.target])  # type: ignore[name-defined]
        return adapter.validate_python

    def msgspec(w: Workload) -> Parse:
        import msgspec as lib

        if w.name == "chat":
            return with_sentinel(lambda cls, x: lib.convert(x, cls))
        target = list[w.target]  # type: ignore[name-defined]
        return lambda p: lib.convert(p, target)

    return {
        "dataclasses-json": dataclasses_json,
        "dacite": dacite,
        "cattrs": cattrs,
        "pydantic v2": pydantic,
        "msgspec": msgspec,
    }


# --- timing ----------------------------------------------------------------------------------


def rate(parse: Parse, payload: list[Any], rounds: int) -> float:
    """Objects per second: the median of *rounds* timed runs over the whole payload."""
    parse(payload)  # warm up
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        parse(payload)
        times.append(time.perf_counter() - start)
    return len(payload) / statistics.median(times)


#: Fields whose values are dicts of data (not models): their keys are not field names.
_DATA_DICTS = frozenset({"labels", "metadata", "extra"})


def pascal_keys(value: Any) -> Any:
    """*value* with every model key spelled PascalCase (``prompt_tokens`` -> ``PromptTokens``,
    ``content`` -> ``Content``): every object takes the fallback of tolerant matching."""
    if isinstance(value, list):
        return [pascal_keys(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        "".join(part.capitalize() for part in key.split("_")): item if key in _DATA_DICTS else pascal_keys(item)
        for key, item in value.items()
    }


def instructions(parse: Parse, payload: list[Any]) -> float:
    """Bytecode instructions executed while *parse* reads *payload* (in every Python frame:
    the generated package, the standard library it calls, this file's list comprehension),
    per object."""
    count = 0

    def local(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "opcode":
            count += 1
        return local

    def calls(frame: Any, event: str, arg: Any) -> Any:
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return local

    parse(payload)  # warm up: the fallback's renamings are remembered after the first object of a shape
    sys.settrace(calls)
    try:
        parse(payload)
    finally:
        sys.settrace(None)
    return count / len(payload)


def count_main(loads: list[Workload]) -> None:
    header = f"{'workload':<12}{'exact keys':>12}{'PascalCase':>12}  instructions per object"
    print(header)
    print("-" * len(header))
    for w in loads:
        exact = instructions(w.docgen, w.payload)
        try:
            pascal = instructions(w.docgen, pascal_keys(w.payload))
        except ValueError:  # a parser that reads exact keys only rejects the payload
            print(f"{w.name:<12}{exact:>12,.1f}{'fails':>12}")
            continue
        print(f"{w.name:<12}{exact:>12,.1f}{pascal:>12,.1f}  PascalCase costs {pascal / exact:.2f}x")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="timed runs per parser and workload (median)")
    parser.add_argument("--size", type=int, default=1000, help="objects per payload")
    parser.add_argument("--count", action="store_true", help="count bytecode instructions per object instead of timing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        specs, bench = build(Path(tmp))
        loads = workloads(specs, bench, args.size)
        if args.count:
            count_main(loads)
            return 0
        libraries = peers(specs)
        print(f"Python {sys.version.split()[0]}, {args.size} objects per payload, median of {args.rounds} rounds")
        print()
        header = f"{'workload':<12}{'parser':<18}{'objects/s':>12}  docgen is"
        print(header)
        print("-" * len(header))
        for w in loads:
            expected = w.docgen(w.payload)
            ours = rate(w.docgen, w.payload, args.rounds)
            print(f"{w.name:<12}{'docgen':<18}{ours:>12,.0f}")
            pascal = pascal_keys(w.payload)
            try:
                same = w.docgen(pascal) == expected
            except ValueError:  # a parser that reads exact keys only rejects the payload
                same = False
            if same:
                slow = rate(w.docgen, pascal, args.rounds)
                print(f"{'':<12}{'docgen, PascalCase':<18}{slow:>12,.0f}  {ours / slow:6.2f}x")
            for name, make in libraries.items():
                parse = make(w)
                if parse is None:
                    print(f"{'':<12}{name:<18}{'unsupported':>12}")
                    continue
                try:
                    same = parse(w.payload) == expected
                except Exception as exc:  # a peer that cannot parse the payload at all
                    print(f"{'':<12}{name:<18}{'fails':>12}  ({type(exc).__name__}: {str(exc)[:60]})")
                    continue
                theirs = rate(parse, w.payload, args.rounds)
                note = "" if same else "  (result differs from docgen's)"
                print(f"{'':<12}{name:<18}{theirs:>12,.0f}  {ours / theirs:6.2f}x{note}")
        print()
        defects(bench, libraries, loads[1])
    return 0


# --- defects -----------------------------------------------------------------------------------

#: What every parser should reject (the issue's point 3), as edits of a valid Primitives object.
DEFECTS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("int as str '3'", lambda d: d.update(count="3")),
    ("bool as int", lambda d: d.update(count=True)),
    ("1.5 as int", lambda d: d.update(count=1.5)),
    ("str as float", lambda d: d.update(ratio="1.5")),
    ("int as bool", lambda d: d.update(enabled=1)),
    ("missing field", lambda d: d.pop("name")),
    ("null required", lambda d: d.update(name=None)),
    ("unknown enum", lambda d: d.update(level="extreme")),
    ("date 2024-13-45", lambda d: d.update(day="2024-13-45")),
    ("int as str", lambda d: d.update(name=3)),
]


def defects(bench: Any, libraries: dict[str, Callable[[Workload], Optional[Parse]]], w: Workload) -> None:
    print("Defects rejected (an error raised) out of", len(DEFECTS), "; accepted ones named:")
    base = w.payload[0]
    parsers: dict[str, Parse] = {"docgen": w.docgen}
    for name, make in libraries.items():
        made = make(w)
        if made is not None:
            parsers[name] = made
    for name, parse in parsers.items():
        accepted = []
        for label, edit in DEFECTS:
            item = dict(base)
            edit(item)
            try:
                parse([item])
            except Exception:  # noqa: BLE001 - any error counts as a rejection
                continue
            accepted.append(label)
        rejected = len(DEFECTS) - len(accepted)
        print(f"  {name:<18}{rejected:>3}/{len(DEFECTS)}  {', '.join(accepted) or '-'}")


if __name__ == "__main__":
    raise SystemExit(main())
