"""Machine instructions per object, docgen against the hand-written code and the libraries.

    python benchmarks/instructions.py [--size 200] [--reps 3] [--only chat,deep] [--directions dump]

The same contenders and payloads as ``parsers.py`` (parse: docgen, the hand-written
straight-line parser, pydantic v2 ``validate_python``, ``msgspec.convert``; dump: docgen,
the hand-written dumper, pydantic ``dump_python(mode="json")``, ``msgspec.to_builtins``),
each counted by valgrind's callgrind in a child process of its own: every instruction the
CPU runs, in Python and in C alike, so the Rust of pydantic-core and the C of msgspec are
counted as fully as the generated Python.  A child runs its contender once to warm up,
then *reps* times; the figure is the difference between that child and one that runs no
rep, over reps x size objects: start-up and imports cancel out.  ``PYTHONHASHSEED=0``
makes each count repeat exactly, so the ratios do not move with the load of a shared
machine, as the timed ratios of ``parsers.py`` do (what it does not see: the cache misses
and branch mispredictions that make one instruction cost more than another).

Prints a table per direction, instructions per object and how many times fewer docgen runs
(peer / docgen: above 1 means docgen does less work).  Needs valgrind on PATH and
``pip install -e '.[bench]'``.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import parsers  # noqa: E402

#: The contenders of each direction, in the order of the table's columns.
CONTENDERS = {
    "parse": ("docgen", "hand-written", "pydantic v2", "msgspec"),
    "dump": ("docgen", "hand-written", "pydantic v2", "msgspec"),
}
_REFS = re.compile(r"refs:\s+([\d,]+)")


def contender(direction: str, name: str, w: parsers.Workload, specs: Any) -> tuple[Callable[[Any], Any], Any]:
    """(the function to count, its argument) for contender *name* of *direction* on *w*."""
    if direction == "parse":
        if name == "docgen":
            return w.docgen, w.payload
        made = parsers.peers(specs)[name](w)
        assert made is not None, f"{name} cannot parse {w.name}"
        return made, w.payload
    objects = w.docgen(w.payload)
    if name == "docgen":
        return w.docgen_dump, objects
    return parsers.dump_peers(w)[name], objects


def child(out: Path, direction: str, workload: str, name: str, size: int, reps: int) -> None:
    """Run one contender *reps* times after one warm-up run (under callgrind, in the parent's eyes)."""
    sys.path.insert(0, str(out))
    specs, bench = importlib.import_module("docgen_specs"), importlib.import_module("docgen_bench")
    (w,) = [w for w in parsers.workloads(specs, bench, size) if w.name == workload]
    function, argument = contender(direction, name, w, specs)
    # what the set-up left (the libraries a peer imports, the payloads) is moved out of the
    # collector's reach: its collections then scan only what the contender makes, the same
    # for every contender, instead of a heap that differs with the libraries imported
    gc.collect()
    gc.freeze()
    function(argument)
    for _ in range(reps):
        function(argument)


def instructions(out: Path, direction: str, workload: str, name: str, size: int, reps: int) -> int:
    """Instructions callgrind counts in a child running *reps* reps of the contender."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__]
    command += ["--child", str(out), direction, workload, name, str(size), str(reps)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind failed on {direction} {workload} {name}:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_object(out: Path, direction: str, workload: str, name: str, size: int, reps: int) -> float:
    idle = instructions(out, direction, workload, name, size, 0)
    busy = instructions(out, direction, workload, name, size, reps)
    return (busy - idle) / (reps * size)


def table(out: Path, direction: str, loads: list[str], size: int, reps: int) -> None:
    names = CONTENDERS[direction]
    header = f"{'workload':<12}" + "".join(f"{n:>16}" for n in names) + "   docgen does x fewer (peer / docgen)"
    print(f"\n{direction.capitalize()}: instructions per object (callgrind)")
    print(header)
    print("-" * len(header))
    for workload in loads:
        counts = {n: per_object(out, direction, workload, n, size, reps) for n in names}
        ours = counts["docgen"]
        ratios = ", ".join(f"{n} {counts[n] / ours:.2f}x" for n in names[1:])
        print(f"{workload:<12}" + "".join(f"{counts[n]:>16,.0f}" for n in names) + f"   {ratios}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200, help="objects per payload")
    parser.add_argument("--reps", type=int, default=3, help="counted runs per child (after one warm-up)")
    parser.add_argument("--only", default="", help="workloads to run, comma-separated (default: all)")
    parser.add_argument("--directions", default="parse,dump", help="parse, dump or both (default: both)")
    parser.add_argument("--child", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        out, direction, workload, name, size, reps = args.child
        child(Path(out), direction, workload, name, int(size), int(reps))
        return 0
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not on PATH (apt install valgrind)")
    if args.size < 1 or args.reps < 1:
        parser.error("--size and --reps must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        specs, bench = parsers.build(Path(tmp))
        loads = [w.name for w in parsers.workloads(specs, bench, 1)]
        if args.only:
            loads = [name for name in loads if name in args.only.split(",")]
        print(f"Python {sys.version.split()[0]}, {args.size} objects per payload, {args.reps} counted runs a child")
        for direction in [d for d in CONTENDERS if d in args.directions.split(",")]:
            table(Path(tmp), direction, loads, args.size, args.reps)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
