"""docgen's generated parsers and dumpers against hand-written code and the libraries SDKs use.

    python -m pip install -e '.[bench]'
    python benchmarks/parsers.py [--rounds 7] [--size 1000] [--only chat,deep]

Builds ``specs/`` and ``benchmarks/specs/`` with docgen into a temporary folder, then,
in this one process, has every contender turn the same decoded JSON payloads
(``payloads.py``) into the same generated dataclasses, and those back into JSON-ready
values:

* chat: a list of chat stream events, each a ``ChatCompletionEvent | SentinelEvent``
  (every 100th event closes a choice with usage, logprobs and metadata; the last is
  the ``[DONE]`` sentinel);
* primitives: a list of ``Primitives``, every primitive kind, optional fields half set;
* deep: a list of ``Order``: dates, datetimes with offsets, Decimal strings, str and int
  enums, Optional of each, ``Any``, a list and a map of nested models;
* wide: a list of ``WideRecord``, 20 fields on each of three nested levels.

Parse peers: the hand-written straight-line parser of each workload
(``handwritten.py``: the estimate of what generated pure Python can reach),
dataclasses-json, dacite (``check_types``), cattrs, pydantic v2 (``TypeAdapter``
over the dataclass, ``validate_python``) and msgspec (``msgspec.convert``), each given
the hooks it needs for ISO dates and decimals.  Where a peer cannot tell the two
event types apart by itself (msgspec and cattrs refuse untagged unions of
dataclasses; dataclasses-json does not check types), it gets a hand-written
``data == "[DONE]"`` test, which only flatters it.  Dump peers, over the objects
docgen parsed: the hand-written dumper, pydantic (``TypeAdapter.dump_python(mode="json",
exclude_none=True)``) and ``msgspec.to_builtins``.  Each result is compared with
docgen's before anything is timed; a difference is printed beside the figure.

Prints, per workload, objects per CPU second (``time.process_time``: on a shared machine
the wall clock measures the other processes too; median of the rounds, then the slowest and
fastest round) and, for each peer, how many times faster docgen is (their median time
over docgen's; the range pairs extreme rounds).  Contenders are timed in turn within
each round, so load from elsewhere falls on all of them alike.  Then the validation
grids (``defects.py``): every defect must be rejected, by docgen and the hand-written
parsers with its JSON path.  Nothing here asserts on time.

A row ``docgen, PascalCase`` parses the same payload with every key spelled PascalCase
(``prompt_tokens`` -> ``PromptTokens``): each object takes the tolerant matching's
fallback.

``--count`` times nothing: it prints the bytecode instructions executed per object
(``sys.settrace`` opcode events in every Python frame: the generated package, the
standard library it calls), parsing the exact and the PascalCase payloads, the
hand-written parser on the exact one, and both dumpers: a figure that does not move
with the load of a shared machine (work done in C is not counted).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import random
import subprocess
import sys
import tempfile
import warnings
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import payloads  # noqa: E402
from benchmarks.defects import GRIDS, run_grid  # noqa: E402
from benchmarks.timing import Figure, ratio, round_robin  # noqa: E402

Parse = Callable[[list[Any]], list[Any]]
Dump = Callable[[list[Any]], list[Any]]


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


# --- the workloads ---------------------------------------------------------------------------


@dataclasses.dataclass
class Workload:
    name: str
    payload: list[Any]
    target: Any  # the item type (a union alias for chat)
    docgen: Parse
    docgen_dump: Dump
    handwritten: Parse
    handwritten_dump: Dump


def workloads(specs: Any, bench: Any, size: int) -> list[Workload]:
    from benchmarks import handwritten  # the generated packages are importable now

    rng = random.Random(20240501)
    from docgen_specs.models.shared.chatcompletionresult import (  # type: ignore[import-not-found]
        dump_chat_completion_result,
        parse_chat_completion_result,
    )

    def of(model: Any) -> tuple[Parse, Dump]:
        return (lambda p: [model.from_dict(x) for x in p]), (lambda objects: [o.to_dict() for o in objects])

    made = {
        "chat": (
            payloads.chat_payload(size, rng),
            specs.ChatCompletionResult,
            (lambda p: [parse_chat_completion_result(x) for x in p]),
            (lambda objects: [dump_chat_completion_result(o) for o in objects]),
        ),
        "primitives": (payloads.primitives_payload(size, rng), bench.Primitives, *of(bench.Primitives)),
        "deep": (payloads.deep_payload(size, rng), bench.Order, *of(bench.Order)),
        "wide": (payloads.wide_payload(size, rng), bench.WideRecord, *of(bench.WideRecord)),
    }
    loads = []
    for name, (payload, target, parse, dump) in made.items():
        parse_one, dump_one = handwritten.PARSERS[name]
        loads.append(
            Workload(
                name,
                payload,
                target,
                parse,
                dump,
                lambda p, one=parse_one: [one(x) for x in p],
                lambda objects, one=dump_one: [one(o) for o in objects],
            )
        )
    return loads


def _is_sentinel(item: Any) -> bool:
    return isinstance(item, dict) and item.get("data") == "[DONE]"


def peers(specs: Any) -> dict[str, Callable[[Workload], Optional[Parse]]]:
    """Library name -> (workload -> a parse function for its payload, or None)."""
    event, sentinel = specs.ChatCompletionEvent, specs.SentinelEvent

    def with_sentinel(parse_one: Callable[[Any, Any], Any]) -> Parse:
        return lambda p: [parse_one(sentinel if _is_sentinel(x) else event, x) for x in p]

    def handwritten(w: Workload) -> Parse:
        return w.handwritten

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
        "hand-written": handwritten,
        "dataclasses-json": dataclasses_json,
        "dacite": dacite,
        "cattrs": cattrs,
        "pydantic v2": pydantic,
        "msgspec": msgspec,
    }


def dump_peers(w: Workload) -> dict[str, Dump]:
    """Library name -> a dump function for the objects docgen parsed from *w*'s payload."""
    import msgspec
    from pydantic import TypeAdapter

    adapter = TypeAdapter(list[w.target])  # type: ignore[name-defined]
    return {
        "hand-written": w.handwritten_dump,
        "pydantic v2": lambda objects: adapter.dump_python(objects, mode="json", exclude_none=True),
        "msgspec": msgspec.to_builtins,
    }


# --- the tables --------------------------------------------------------------------------------


def _row(workload: str, name: str, figure: Figure, count: int, ours: Optional[Figure], note: str = "") -> None:
    versus = f"  {ratio(ours, figure)}" if ours is not None else ""
    print(f"{workload:<12}{name:<18}{figure.rate(count):<36}{versus}{note}")


def _table(
    title: str, w: Workload, contenders: dict[str, Callable[[], Any]], notes: dict[str, str], rounds: int
) -> None:
    figures = round_robin(contenders, rounds)
    ours = figures["docgen"]
    for name, figure in figures.items():
        _row(w.name, name, figure, len(w.payload), None if name == "docgen" else ours, notes.get(name, ""))


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
    """Bytecode instructions executed while *parse* reads *payload* (or a dumper writes
    it; in every Python frame:
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
    header = (
        f"{'workload':<12}{'exact keys':>12}{'PascalCase':>12}{'hand-written':>14}{'dump':>10}{'hand dump':>11}"
        "  instructions per object"
    )
    print(header)
    print("-" * len(header))
    for w in loads:
        exact = instructions(w.docgen, w.payload)
        hand = instructions(w.handwritten, w.payload)
        objects = w.docgen(w.payload)
        dump, hand_dump = instructions(w.docgen_dump, objects), instructions(w.handwritten_dump, objects)
        tail = f"{hand:>14,.1f}{dump:>10,.1f}{hand_dump:>11,.1f}"
        try:
            pascal = instructions(w.docgen, pascal_keys(w.payload))
        except ValueError:  # a parser that reads exact keys only rejects the payload
            print(f"{w.name:<12}{exact:>12,.1f}{'fails':>12}{tail}")
            continue
        print(f"{w.name:<12}{exact:>12,.1f}{pascal:>12,.1f}{tail}  PascalCase costs {pascal / exact:.2f}x")


def parse_table(w: Workload, libraries: dict[str, Callable[[Workload], Optional[Parse]]], rounds: int) -> list[Any]:
    expected = w.docgen(w.payload)
    contenders: dict[str, Callable[[], Any]] = {"docgen": lambda: w.docgen(w.payload)}
    notes: dict[str, str] = {}
    for name, make in libraries.items():
        parse = make(w)
        if parse is None:
            print(f"{w.name:<12}{name:<18}{'unsupported':>12}")
            continue
        try:
            same = parse(w.payload) == expected
        except Exception as exc:  # a peer that cannot parse the payload at all
            print(f"{w.name:<12}{name:<18}{'fails':>12}  ({type(exc).__name__}: {str(exc)[:60]})")
            continue
        contenders[name] = lambda parse=parse: parse(w.payload)
        notes[name] = "" if same else "  (result differs from docgen's)"
    pascal = pascal_keys(w.payload)
    try:
        same = w.docgen(pascal) == expected
    except ValueError:  # a parser that reads exact keys only rejects the payload
        same = False
    if same:  # every object takes the fallback of tolerant key matching
        contenders["docgen, PascalCase"] = lambda: w.docgen(pascal)
        notes["docgen, PascalCase"] = ""
    _table("parse", w, contenders, notes, rounds)
    return expected


def _difference(theirs: Any, ours: Any, where: str = "$") -> str:
    """Where two JSON-ready values first differ, shortly: ``$[0].moment: '...Z' vs '...+00:00'``."""
    if isinstance(theirs, dict) and isinstance(ours, dict):
        for key in sorted(theirs.keys() | ours.keys(), key=str):
            if key not in ours:
                return f"{where}.{key} is extra ({theirs[key]!r})"
            if key not in theirs:
                return f"{where}.{key} is left out"
            if theirs[key] != ours[key]:
                return _difference(theirs[key], ours[key], f"{where}.{key}")
    if isinstance(theirs, list) and isinstance(ours, list) and len(theirs) == len(ours):
        for index, (a, b) in enumerate(zip(theirs, ours)):
            if a != b:
                return _difference(a, b, f"{where}[{index}]")
    return f"{where}: {theirs!r:.40} vs docgen's {ours!r:.40}"


def dump_table(w: Workload, objects: list[Any], rounds: int) -> None:
    expected = w.docgen_dump(objects)
    contenders: dict[str, Callable[[], Any]] = {"docgen": lambda: w.docgen_dump(objects)}
    notes: dict[str, str] = {}
    for name, dump in dump_peers(w).items():
        try:
            same = dump(objects) == expected
        except Exception as exc:  # noqa: BLE001 - a peer that cannot dump these objects
            print(f"{w.name:<12}{name:<18}{'fails':>12}  ({type(exc).__name__}: {str(exc)[:60]})")
            continue
        contenders[name] = lambda dump=dump: dump(objects)
        notes[name] = "" if same else f"  (output differs: {_difference(dump(objects), expected)})"
    _table("dump", w, contenders, notes, rounds)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="timed runs per contender and workload (median)")
    parser.add_argument("--size", type=int, default=1000, help="objects per payload")
    parser.add_argument("--only", default="", help="workloads to run, comma-separated (default: all)")
    parser.add_argument("--count", action="store_true", help="count bytecode instructions per object instead of timing")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # dataclasses-json warns about each defect of the grid it lets through
    if args.rounds < 5:
        parser.error("--rounds must be at least 5: every figure is a median of five rounds or more")
    with tempfile.TemporaryDirectory() as tmp:
        specs, bench = build(Path(tmp))
        loads = workloads(specs, bench, args.size)
        if args.only:
            loads = [w for w in loads if w.name in args.only.split(",")]
        if args.count:
            count_main(loads)
            return 0
        libraries = peers(specs)
        print(
            f"Python {sys.version.split()[0]}, {args.size} objects per payload, median of {args.rounds} rounds, "
            f"CPU time of this process; load average {os.getloadavg()[0]:.2f} at the start"
        )
        header = f"{'workload':<12}{'parser':<18}{'objects/CPU s (slowest-fastest)':<36}  docgen is (range)"
        for title in ("Parse", "Dump"):
            print(
                f"\n{title}: decoded JSON -> dataclasses"
                if title == "Parse"
                else "\nDump: dataclasses -> JSON-ready values"
            )
            print(header)
            print("-" * len(header))
            for w in loads:
                if title == "Parse":
                    parse_table(w, libraries, args.rounds)
                else:
                    dump_table(w, w.docgen(w.payload), args.rounds)
        print()
        for w in loads:
            if w.name not in GRIDS:
                continue
            parsers: dict[str, Parse] = {"docgen": w.docgen}
            for name, make in libraries.items():
                made = make(w)
                if made is not None:
                    parsers[name] = made
            run_grid(w.name, w.payload[1], parsers, {"docgen", "hand-written"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
