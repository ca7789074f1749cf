"""Where a cold docgen build spends its time: reading, lowering/resolving, rendering,
formatting, writing, as measured by cProfile.

    python benchmarks/profile_build.py [DOCS] [--rounds 5] [--pages 700] [--top 25]

DOCS is a specs tree; without it a synthetic tree of ``--pages`` pages (``synthetic.py``)
is built.  ``--one-page-changed``: each profiled build is instead a rebuild, with docgen's
cache, of a copy of DOCS after a cold build and after one page in the middle changed (as
``incremental.py`` changes it), so OUT and the cache hold the build before the change.  Each round is a fresh process running ``docgen build DOCS -o OUT -j 1
--no-cache -q`` under cProfile, timed in CPU time (``time.process_time``: other
processes' load does not count; one process, so the profile sees everything; a cold
build: empty OUT, no cache).  A function's own time (tottime) goes to the stage of the
file it is in:

* reading: ``docgen/read/``, markdown-it;
* lowering/resolving: ``docgen/dialects/``, ``docgen/passes/``, ``docgen/resolve.py``,
  ``docgen/ir.py``, ``docgen/build.py``, ``docgen/failures.py`` (and stage folders of
  those names, should the package move them);
* rendering: ``docgen/emit/``, Jinja2, MarkupSafe, the templates;
* formatting: black (compiled: its functions show as builtins named ``black...``),
  blib2to3, ``docgen/format/``, the formatting half of ``docgen/incremental.py``;
* writing: ``docgen/write.py``, ``docgen/manifest.py``, ``docgen/lock.py``, the cache half
  of ``docgen/incremental.py``;
* start-up: importing modules (module-level code included); other: the command line, settings, the rest.

Time in the standard library and in builtins (``open``, ``re``, ``str.join``...) goes to
the stage of whoever called it, in proportion to the time each caller spent there.
cProfile slows call-heavy code far more than the rest, so each round also runs a build
without a profiler whose stage functions (``TIMED``) are wrapped in CPU timers: that split
is the one to quote, the profiled one says where inside a stage the time goes.  Prints
both splits, each stage's seconds as the median of the rounds (fastest-slowest) and its
share, the plain build's wall and CPU time, then the top functions by cumulative time over
all rounds (file:function, % of the whole build), and the top ones by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import write_tree  # noqa: E402
from benchmarks.timing import Figure, child_environment  # noqa: E402

STAGES = ("start-up", "reading", "lowering/resolving", "rendering", "formatting", "writing", "other")
_BY_PATH = (
    (("/docgen/read/", "/markdown_it/", "/mdurl/"), "reading"),
    (
        (
            "/docgen/dialects/",
            "/docgen/passes/",
            "/docgen/lower",
            "/docgen/resolve",
            "/docgen/ir.py",
            "/docgen/walk.py",
        ),
        "lowering/resolving",
    ),
    (("/docgen/build.py", "/docgen/failures.py", "/docgen/primitives.py", "/docgen/names.py"), "lowering/resolving"),
    (("/docgen/emit/", "/jinja2/", "/markupsafe/", ".jinja", "<template>", "/docgen/templates/"), "rendering"),
    (("/black/", "/blib2to3/", "/docgen/format/", "/pathspec/", "/black_"), "formatting"),
    (("/docgen/write.py", "/docgen/manifest.py", "/docgen/lock.py"), "writing"),
    (("<frozen importlib", "/importlib/"), "start-up"),
    (("/docgen/",), "other"),
)
_FORMATTING = ("format_all", "Formatting", "_load_formatted", "_save_formatted", "black_version", "tune_gc")

Key = tuple[str, int, str]


def stage_of(key: Key) -> str | None:
    """The stage a function's own time belongs to; None for the standard library and builtins."""
    filename, _, function = key
    path = filename.replace(os.sep, "/")
    if function == "<module>":
        return "start-up"
    if "black" in function or "blib2to3" in function:  # black is compiled: its functions show as builtins
        return "formatting"
    if path.endswith("/docgen/incremental.py"):
        return "formatting" if function.split(".")[0] in _FORMATTING else "writing"
    for needles, stage in _BY_PATH:
        if any(n in path for n in needles):
            return stage
    return None


def split(stats: dict[Key, Any]) -> dict[str, float]:
    """Seconds of own time per stage; unclassified functions handed up to their callers."""
    memo: dict[Key, dict[str, float]] = {}

    def shares(key: Key, seen: frozenset[Key]) -> dict[str, float]:
        if key in memo:
            return memo[key]
        stage = stage_of(key)
        if stage is not None:
            return {stage: 1.0}
        callers = stats[key][4] if key in stats else {}
        weights = {c: v[3] or v[2] for c, v in callers.items() if c not in seen}
        total = sum(weights.values())
        if not total:
            result = {"other": 1.0}
        else:
            result = {}
            for caller, weight in weights.items():
                for name, part in shares(caller, seen | {key}).items():
                    result[name] = result.get(name, 0.0) + part * weight / total
        memo[key] = result
        return result

    seconds = dict.fromkeys(STAGES, 0.0)
    for key, (_, _, own, _, _) in stats.items():
        for name, part in shares(key, frozenset()).items():
            seconds[name] += own * part
    return seconds


#: Stage -> the functions whose CPU time (less that of the other timed functions they call) is
#: that stage's, as module:qualified name (alternatives after ``|``, for modules that move);
#: a name the package no longer has is reported.
TIMED = {
    "reading": ("docgen.read.sources:load_sources", "docgen.build:read_pages"),
    "lowering/resolving": (
        "docgen.build:compile_sources",
        "docgen.passes.settings:apply_wire_names|docgen.config:apply_wire_names",
        "docgen.passes.settings:apply_statuses|docgen.config:apply_statuses",
        "docgen.passes.checks:shared_json_keys|docgen.passes.fields:shared_json_keys",
    ),
    "rendering": ("docgen.emit.modules:emit", "docgen.reuse.modules:emit_reusing"),
    "formatting": ("docgen.format.cache:Formatting.__call__|docgen.incremental:Formatting.__call__",),
    "writing": ("docgen.write:encode", "docgen.write:write_tree", "docgen.incremental:save_record"),
}


def _install_timers(spent: dict[str, float], missing: list[str]) -> None:
    """Wrap every TIMED function, wherever a docgen module holds it, to add its exclusive CPU
    time to *spent*: a stack subtracts the time of timed functions it calls."""
    import importlib

    stack: list[list[float]] = []

    def timer(stage: str, function: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            stack.append([0.0])
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                took = time.process_time() - start
                inner = stack.pop()[0]
                spent[stage] = spent.get(stage, 0.0) + took - inner
                if stack:
                    stack[-1][0] += took

        return timed

    def find(name: str) -> Any:
        for candidate in name.split("|"):
            module_name, _, qualified = candidate.partition(":")
            try:
                owner: Any = importlib.import_module(module_name)
                *parents, attribute = qualified.split(".")
                for parent in parents:
                    owner = getattr(owner, parent)
                return owner, attribute, getattr(owner, attribute)
            except (ImportError, AttributeError):
                continue
        return None

    for stage, names in TIMED.items():
        for name in names:
            found = find(name)
            if found is None:
                missing.append(name)
                continue
            owner, attribute, original = found
            wrapped = timer(stage, original)
            setattr(owner, attribute, wrapped)
            for module in list(sys.modules.values()):  # the names other modules imported
                if (
                    getattr(module, "__name__", "").startswith("docgen")
                    and getattr(module, attribute, None) is original
                ):
                    setattr(module, attribute, wrapped)


#: The build's flags: cold (no cache) unless a rebuild with the cache is profiled.
FLAGS = ["-j", "1", "--no-cache", "-q"]


def timed_round(docs: Path, out: Path, result_file: Path) -> None:
    """Run in a fresh process: one cold build, CPU time per stage, no profiler."""

    started = time.process_time()
    import docgen.build  # noqa: F401 - loaded before the timers go in, as the build would load it
    from docgen.cli import main

    spent: dict[str, float] = {}
    missing: list[str] = []
    _install_timers(spent, missing)
    spent["start-up"] = time.process_time() - started
    begun = time.process_time()
    code = main(["build", str(docs), "-o", str(out), *FLAGS])
    total = time.process_time() - begun
    spent["other"] = total - sum(v for k, v in spent.items() if k != "start-up")
    result_file.write_text(json.dumps({"spent": spent, "missing": missing}), encoding="utf-8")
    if code:
        raise SystemExit(f"docgen build failed with {code}")


def one_round(docs: Path, out: Path, stats_file: Path) -> None:
    """Run in a fresh process: one profiled cold build."""
    from docgen.cli import main

    profiler = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
    profiler.enable()
    try:
        code = main(["build", str(docs), "-o", str(out), *FLAGS])
    finally:
        profiler.disable()
    profiler.dump_stats(str(stats_file))
    if code:
        raise SystemExit(f"docgen build failed with {code}")


def _rebuild(docs: Path) -> Any:
    """A function that leaves OUT and a cache of its own (``DOCGEN_CACHE_DIR``) holding a
    build of *docs*, then changes one page, so that the next build is a rebuild.  Made once
    for every round: each round makes the same change to the same original page."""
    pages = sorted(docs.rglob("*.md"))
    page = pages[len(pages) // 2]
    original = page.read_text(encoding="utf-8")
    mark = "\nEdited.\n"
    changed = original.replace("\n## ", mark + "\n## ", 1) if "\n## " in original else original + mark

    def prepare(out: Path) -> None:
        os.environ["DOCGEN_CACHE_DIR"] = str(out.with_name(out.name + "-cache"))
        page.write_text(original, encoding="utf-8")
        _child("-m", "docgen", "build", str(docs), "-o", str(out), "-j1", "-q")
        page.write_text(changed, encoding="utf-8")

    return prepare


def _child(*args: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a child process, its CPU time from wait4."""
    env = child_environment()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, *args], env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {args}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def _shown(key: Key) -> str:
    filename, line, function = key
    path = filename.replace(os.sep, "/")
    for anchor in ("/docgen/", "/site-packages/", "/lib/python"):
        if anchor in path:
            path = path.split(anchor, 1)[1]
            path = ("docgen/" + path) if anchor == "/docgen/" else path
            break
    return f"{path}:{function}" if filename != "~" else function


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docs", nargs="?", type=Path, help="a specs tree (default: a synthetic one)")
    parser.add_argument("--rounds", type=int, default=5, help="profiled builds (median; at least 5)")
    parser.add_argument("--pages", type=int, default=700, help="pages of the synthetic tree")
    parser.add_argument("--top", type=int, default=40, help="functions listed by cumulative time")
    parser.add_argument("--one-round", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--timed-round", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--one-page-changed", action="store_true", help="profile a rebuild after one page changed, with the cache"
    )
    args = parser.parse_args()
    if args.one_page_changed or os.environ.get("DOCGEN_PROFILE_REBUILD"):
        FLAGS[:] = ["-j", "1", "-q"]
    if args.one_round:
        one_round(*args.one_round)
        return
    if args.timed_round:
        timed_round(*args.timed_round)
        return
    if args.rounds < 5:
        parser.error("--rounds must be at least 5")
    with tempfile.TemporaryDirectory(prefix="docgen-profile-") as folder:
        work = Path(folder)
        docs = args.docs.resolve() if args.docs else write_tree(work / "specs", args.pages)
        script = str(Path(__file__).resolve())
        walls, splits, files, timed = [], [], [], []
        if args.one_page_changed:
            docs = Path(shutil.copytree(docs, work / "changed"))
            os.environ["DOCGEN_PROFILE_REBUILD"] = "1"  # the children profile a rebuild with the cache
        prepare = _rebuild(docs) if args.one_page_changed else lambda out: None
        for n in range(args.rounds):
            prepare(work / f"plain-{n}")
            walls.append(_child("-m", "docgen", "build", str(docs), "-o", str(work / f"plain-{n}"), *FLAGS))
            prepare(work / f"timed-{n}")
            _child(script, "--timed-round", str(docs), str(work / f"timed-{n}"), str(work / f"timed-{n}.json"))
            timed.append(json.loads((work / f"timed-{n}.json").read_text(encoding="utf-8")))
            files.append(work / f"round-{n}.prof")
            prepare(work / f"out-{n}")
            _child(script, "--one-round", str(docs), str(work / f"out-{n}"), str(files[-1]))
            splits.append(split(pstats.Stats(str(files[-1])).stats))  # type: ignore[attr-defined]
        report(docs, args, walls, timed, splits, files)


def _stages(title: str, splits: list[dict[str, float]]) -> None:
    totals = Figure.of([sum(s.values()) for s in splits])
    print(f"  {title}: {totals.median:.2f} s ({totals.low:.2f}-{totals.high:.2f})")
    for stage in STAGES:
        figure = Figure.of([s.get(stage, 0.0) for s in splits])
        share = figure.median / totals.median if totals.median else 0.0
        print(
            f"    {stage:<20}{figure.median:>8.2f} s ({figure.low:.2f}-{figure.high:.2f})".ljust(50) + f"{share:6.1%}"
        )


def report(
    docs: Path,
    args: argparse.Namespace,
    walls: list[tuple[float, float]],
    timed: list[dict[str, Any]],
    splits: list[dict[str, float]],
    files: list[Path],
) -> None:
    pages = len(list(docs.rglob("*.md")))
    wall = Figure.of([w for w, _ in walls])
    cpu = Figure.of([c for _, c in walls])
    what = "rebuild after one page changed, -j 1, with the cache" if args.one_page_changed else "cold build"
    if not args.one_page_changed:
        what += ", -j 1, no cache"
    print(f"{what} of {docs} ({pages} pages); median of {args.rounds} rounds (fastest-slowest)")
    print(f"  wall time, no instruments: {wall.median:6.2f} s ({wall.low:.2f}-{wall.high:.2f})")
    print(f"  CPU time, no instruments:  {cpu.median:6.2f} s ({cpu.low:.2f}-{cpu.high:.2f})")
    missing = sorted({name for t in timed for name in t["missing"]})
    if missing:
        print(f"  (not found, so not timed: {', '.join(missing)})")
    _stages("CPU time by stage, stage functions timed, no profiler", [t["spent"] for t in timed])
    _stages("CPU time by stage under cProfile (call-heavy code, markdown-it above all, inflated most)", splits)
    combined = pstats.Stats(str(files[0]))
    for extra in files[1:]:
        combined.add(str(extra))
    everything = max(v[3] for v in combined.stats.values())  # type: ignore[attr-defined]
    rows = sorted(combined.stats.items(), key=lambda kv: kv[1][3], reverse=True)  # type: ignore[attr-defined]
    print(
        f"\ntop {args.top} functions by cumulative time, all rounds (own time beside it), % of the build (docgen.cli.main):"
    )
    shown = 0
    for key, (_, calls, own, cumulative, _) in rows:
        if key[0] == "~" and key[2] in ("<built-in method builtins.exec>",):
            continue
        print(
            f"  {cumulative / everything:6.1%} cum {own / everything:6.1%} own {calls // len(files):>9} calls  {_shown(key)}"
        )
        shown += 1
        if shown == args.top:
            break
    print(f"\ntop {args.top // 2} functions by own time, all rounds:")
    for key, (_, calls, own, cumulative, _) in sorted(rows, key=lambda kv: kv[1][2], reverse=True)[: args.top // 2]:
        print(
            f"  {own / everything:6.1%} own {cumulative / everything:6.1%} cum {calls // len(files):>9} calls  {_shown(key)}"
        )


if __name__ == "__main__":
    main()
