"""docgen's build times: cold, no-op and one page changed, against datamodel-code-generator.

    python benchmarks/incremental.py [DOCS] [--rounds 5] [--synthetic 700] [--scaling 1000,5000,10000]

Each figure is a fresh process (wall time, and CPU time, user + system, from ``wait4``:
on a shared machine the wall clock counts the other processes too; peak RSS of that
process, also from ``wait4``), the median of ``--rounds`` rounds (at least 5) with the
fastest and slowest round.  For a
synthetic tree of ``--synthetic`` pages (``synthetic.py``) and for DOCS (default
``../shared/corpus/speakeasy-v1/docs``; its rows are skipped when it is absent):

* docgen cold build (empty OUT, empty cache), with the default ``--jobs`` and with ``-j 1``;
* no-op rebuild and one page changed (on a copy), as a share of the cold build;
* creating OUT's files alone: a plain Python loop writing the files of a cold build
  into a new folder (the seconds inside that process), the part of a cold build the
  disk decides, which the peer, writing one file, does not pay;
* datamodel-code-generator (``--formatters black isort``, its default) making dataclasses
  from a JSON Schema of the same models, written from docgen's IR; the ratio cold / peer.

Then ``--scaling``: cold builds (``-j 1 --no-cache``, one process) of synthetic trees of
growing size, in CPU ms/page and KiB/page (peak RSS above a one-page build's, over the pages):
both should stay flat if the build is linear.  docgen runs from bytecode, as an installed
docgen does (``timing.child_environment``).  Asserts nothing.  Needs ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.jsonschema_export import write_schema  # noqa: E402
from benchmarks.synthetic import write_tree  # noqa: E402
from benchmarks.timing import Figure, child_environment  # noqa: E402
from docgen.build import compile_sources  # noqa: E402
from docgen.read.sources import load_sources  # noqa: E402

#: wall seconds, CPU seconds (user + system, the child's and its own children's), largest peak RSS in MiB
Run = tuple[Figure, Figure, float]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MiB) of one child process: wait4 reports its
    CPU time (with that of the children it waited for) and its own peak RSS (KiB on Linux)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode() if process.stderr else ''}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def docgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "docgen", "build", *args, "-q"]


def rounds(command: list[str], env: dict[str, str], count: int, before: Optional[Callable[[], None]] = None) -> Run:
    results = []
    for _ in range(count):
        if before:
            before()
        results.append(timed(command, env))
    return Figure.of([r[0] for r in results]), Figure.of([r[1] for r in results]), max(r[2] for r in results)


def peer(docs: Path, work: Path, env: dict[str, str], count: int) -> Optional[Run]:
    """datamodel-code-generator on a JSON Schema of the models of *docs*; None when it is not installed."""
    dcg = shutil.which("datamodel-codegen") or shutil.which("datamodel-codegen", path=str(Path(sys.executable).parent))
    if dcg is None:
        return None
    sources, _ = load_sources(docs)
    spec = compile_sources(sources).spec
    assert spec is not None, f"{docs} does not build"
    schema = work / "schema.json"
    write_schema(spec, str(schema))
    command = [dcg, "--input", str(schema), "--input-file-type", "jsonschema", "--output-model-type"]
    command += ["dataclasses.dataclass", "--formatters", "black", "isort", "--output", str(work / "dcg.py")]
    return rounds(command, env, count)


#: A child's script: OUT's files read into memory, then written into a new folder, timed.
_WRITE_ALONE = """
import os, sys, time
out, target = sys.argv[1:]
files = {}
for folder, _, names in os.walk(out):
    for name in names:
        path = os.path.join(folder, name)
        with open(path, "rb") as file:
            files[os.path.join(target, os.path.relpath(path, out))] = file.read()
started = time.perf_counter()
for path, data in files.items():
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as file:
        file.write(data)
print(len(files), time.perf_counter() - started)
"""


def write_alone(out: Path, work: Path, count: int) -> tuple[int, Figure]:
    """(how many files OUT holds, the seconds a plain Python loop takes to create them
    anew): what the disk alone costs a cold build, which a peer writing one file does
    not pay."""
    seconds, files = [], 0
    for round_ in range(count):
        target = work / f"written-{round_}"
        done = subprocess.run(
            [sys.executable, "-c", _WRITE_ALONE, str(out), str(target)], capture_output=True, text=True, check=True
        )
        files, took = done.stdout.split()
        seconds.append(float(took))
        shutil.rmtree(target)
    return int(files), Figure.of(seconds)


def _line(label: str, run: Run, cold: Optional[Run] = None, target: str = "") -> None:
    wall, cpu, peak = run
    share = (
        f"  {wall.median / cold[0].median:6.1%} / {cpu.median / cold[1].median:6.1%} of cold{target}" if cold else ""
    )
    print(
        f"  {label:<33}{wall.median:6.2f} s ({wall.low:.2f}-{wall.high:.2f}) {cpu.median:6.2f} s ({cpu.low:.2f}-{cpu.high:.2f})"
        f" {peak:5.0f} MiB{share}"
    )


def builds(title: str, docs: Path, work: Path, env: dict[str, str], count: int) -> None:
    copy = work / "docs"
    shutil.copytree(docs, copy)
    out, cache = work / "out", work / "cache"
    env = dict(env, DOCGEN_CACHE_DIR=str(cache))

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

    build = docgen(str(copy), "-o", str(out))
    one_job = rounds(build + ["-j", "1"], env, count, clean)
    cold = rounds(build, env, count, clean)
    noop = rounds(build, env, count)
    pages = sorted(copy.rglob("*.md"))
    page = pages[len(pages) // 2]
    original = page.read_text(encoding="utf-8")
    edits = [0]

    def change_one_page() -> None:
        edits[0] += 1
        mark = f"\nEdited {edits[0]}.\n"
        page.write_text(
            original.replace("\n## ", mark + "\n## ", 1) if "\n## " in original else original + mark, "utf-8"
        )

    one = rounds(build, env, count, change_one_page)
    page.write_text(original, encoding="utf-8")
    files, writing = write_alone(out, work, count)
    theirs = peer(copy, work, env, count)
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{title}: {docs} ({len(pages)} pages); median of {count} rounds (fastest-slowest)")
    print(f"  {'':<33}{'wall time':<22} {'CPU time':<21} {'peak RSS':<9} share of cold (wall / CPU)")
    _line(f"docgen cold build (-j {jobs})", cold)
    _line("docgen cold build (-j 1)", one_job)
    _line("docgen no-op rebuild", noop, cold, " (target <= 5%)")
    _line("docgen one page changed", one, cold, " (target <= 15%)")
    print(
        f"  {f'creating its {files} files alone':<33}{writing.median:6.2f} s ({writing.low:.2f}-{writing.high:.2f})"
        f"{'':<23}{'':<11}{writing.median / cold[0].median:6.1%} of cold wall (the disk's part; the peer writes 1 file)"
    )
    if theirs is None:
        print("  datamodel-codegen not installed: pip install -e '.[bench]'")
        return
    _line("datamodel-codegen (black+isort)", theirs)
    for label, ours in (("cold / datamodel-codegen", cold), ("cold -j 1 / datamodel-codegen", one_job)):
        wall, cpu = ours[0].median / theirs[0].median, ours[1].median / theirs[1].median
        print(f"  {label:<33}{wall:6.2f} x wall, {cpu:.2f} x CPU (target <= 0.25 x)")
    shutil.rmtree(work)
    work.mkdir()


def scaling(sizes: list[int], work: Path, env: dict[str, str], count: int) -> None:
    command = ["-j", "1", "--no-cache"]
    base = write_tree(work / "synthetic-1", 1)
    _, base_cpu, baseline = rounds(docgen(str(base), "-o", str(work / "out-1"), *command), env, count)
    previous = (1, base_cpu.median, baseline)
    print(f"scaling: cold builds of synthetic trees, -j 1, no cache; median of {count} rounds (fastest-slowest)")
    print(f"  memory: peak RSS (wait4) above a one-page build's {baseline:.0f} MiB, over the pages;")
    print("  KiB marginal: peak RSS added per page since the size before (the one-page build's first)")
    print(
        f"  marginal: CPU ms per page added since the size before (the one-page build's {base_cpu.median:.2f} s first)"
    )
    print(
        f"  {'pages':>6} {'wall s':>22} {'CPU s':>22} {'CPU ms/page':>12} {'marginal':>9} {'peak MiB':>9} {'KiB/page':>9}"
        f" {'KiB marginal':>13}"
    )
    for size in sizes:
        specs = write_tree(work / f"synthetic-{size}", size)
        out = work / f"out-{size}"
        wall, cpu, peak = rounds(
            docgen(str(specs), "-o", str(out), *command), env, count, lambda out=out: shutil.rmtree(out, True)
        )
        walls, cpus = (f"{f.median:7.2f} ({f.low:.2f}-{f.high:.2f})" for f in (wall, cpu))
        per_page = 1024 * max(peak - baseline, 0) / size
        marginal = 1000 * (cpu.median - previous[1]) / (size - previous[0])
        memory = 1024 * (peak - previous[2]) / (size - previous[0])
        previous = (size, cpu.median, peak)
        print(
            f"  {size:6d} {walls:>22} {cpus:>22} {1000 * cpu.median / size:12.2f} {marginal:9.2f}"
            f" {peak:9.0f} {per_page:9.1f} {memory:13.1f}"
        )
        shutil.rmtree(specs)
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docs", nargs="?", type=Path, default=REPO.parent / "shared/corpus/speakeasy-v1/docs")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per figure (median; at least 5)")
    parser.add_argument("--synthetic", type=int, default=700, help="pages of the synthetic tree (0 to skip)")
    parser.add_argument("--scaling", default="1000,5000,10000", help="page counts, comma-separated ('' to skip)")
    args = parser.parse_args()
    if args.rounds < 5:
        parser.error("--rounds must be at least 5")
    env = child_environment()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs; load average {load:.2f} at the start")
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as folder:
        work = Path(folder) / "work"
        work.mkdir()
        if args.synthetic:
            tree = write_tree(Path(folder) / "synthetic", args.synthetic)
            builds(f"synthetic tree of {args.synthetic} pages", tree, work, env, args.rounds)
        if args.docs.is_dir():
            builds("corpus", args.docs, work, env, args.rounds)
        else:
            print(f"{args.docs} not found: corpus rows skipped")
        sizes = [int(s) for s in args.scaling.split(",") if s]
        if sizes:
            scaling(sizes, Path(folder), env, args.rounds)


if __name__ == "__main__":
    main()
