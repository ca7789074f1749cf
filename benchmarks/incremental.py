"""Incremental builds against a cold build and against datamodel-code-generator, in one run.

    python benchmarks/incremental.py [DOCS] [--synthetic 1000,5000,10000]

DOCS defaults to ../shared/corpus/speakeasy-v1/docs.  Measures, each as a fresh
process (wall time, peak RSS): a cold build (empty OUT, empty cache), a no-op rebuild,
a rebuild after one page changed (on a copy of DOCS), and datamodel-code-generator
making dataclasses from a JSON Schema of the same models, written from docgen's IR.
Then synthetic trees of growing size: time and memory per page should stay flat.
Prints figures and ratios; asserts nothing.  Needs `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.jsonschema_export import write_schema  # noqa: E402
from docgen.build import compile_sources  # noqa: E402
from docgen.read.sources import load_sources  # noqa: E402


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one child process (wait4 reports the child's own peak)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode() if process.stderr else ''}")
    return seconds, usage.ru_maxrss / 1024


def docgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "docgen", "build", *args, "-q"]


def best(command: list[str], env: dict[str, str], runs: int, before=None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(timed(command, env))
    return min(r[0] for r in results), max(r[1] for r in results)


def corpus(docs: Path, work: Path, env: dict[str, str], runs: int) -> None:
    copy = work / "docs"
    shutil.copytree(docs, copy)
    out, cache = work / "out", work / "cache"
    env = dict(env, DOCGEN_CACHE_DIR=str(cache))

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

    cold = best(docgen(str(copy), "-o", str(out)), env, runs, clean)
    noop = best(docgen(str(copy), "-o", str(out)), env, runs)
    page = sorted(copy.rglob("*.md"))[len(list(copy.rglob("*.md"))) // 2]
    original = page.read_text(encoding="utf-8")
    flip = [0]

    def change_one_page() -> None:
        flip[0] += 1
        page.write_text(
            (
                original + f"\nEdited {flip[0]}.\n"
                if "\n## " not in original
                else original.replace("\n## ", f"\nEdited {flip[0]}.\n\n## ", 1)
            ),
            encoding="utf-8",
        )

    one = best(docgen(str(copy), "-o", str(out)), env, runs, change_one_page)
    page.write_text(original, encoding="utf-8")

    sources, _ = load_sources(copy)
    spec = compile_sources(sources).spec
    assert spec is not None
    schema = work / "schema.json"
    write_schema(spec, str(schema))
    dcg = shutil.which("datamodel-codegen")
    peer = None
    if dcg:
        command = [
            dcg,
            "--input",
            str(schema),
            "--input-file-type",
            "jsonschema",
            "--output-model-type",
            "dataclasses.dataclass",
            "--output",
            str(work / "dcg.py"),
        ]
        peer = best(command, env, runs)

    pages = len(sources)
    print(f"corpus: {docs} ({pages} pages, {len(spec.decls())} types); best of {runs} runs, wall time")
    print(f"  docgen cold build          {cold[0]:7.2f} s   peak {cold[1]:6.0f} MiB")
    print(
        f"  docgen no-op rebuild       {noop[0]:7.2f} s   peak {noop[1]:6.0f} MiB   {noop[0] / cold[0]:6.1%} of cold (target <= 10%)"
    )
    print(f"  docgen one page changed    {one[0]:7.2f} s   peak {one[1]:6.0f} MiB   {one[0] / cold[0]:6.1%} of cold")
    if peer:
        print(f"  datamodel-codegen          {peer[0]:7.2f} s   peak {peer[1]:6.0f} MiB")
        print(f"  cold / datamodel-codegen   {cold[0] / peer[0]:7.2f} x (target <= 0.5 x)")
    else:
        print("  datamodel-codegen not installed: pip install -e '.[bench]'")


SYNTHETIC_PAGE = """\
# Type{n}

Synthetic model number {n}.

## Fields

| Field      | Type                                                 | Required           | Description     |
| ---------- | ---------------------------------------------------- | ------------------ | --------------- |
| `id`       | *str*                                                | :heavy_check_mark: | Identifier.     |
| `count`    | *Optional[int]*                                      | :heavy_minus_sign: | A count.        |
| `tags`     | List[*str*]                                          | :heavy_minus_sign: | Tags.           |
| `previous` | [Optional[shared.Type{p}]](../../models/shared/type{p}.md) | :heavy_minus_sign: | The one before. |
"""


def synthetic(sizes: list[int], work: Path, env: dict[str, str]) -> None:
    print("synthetic trees (cold build, one process):")
    print(f"  {'pages':>6} {'seconds':>8} {'ms/page':>8} {'peak MiB':>9} {'KiB/page':>9}")
    for size in sizes:
        specs = work / f"synthetic-{size}"
        folder = specs / "models" / "shared"
        folder.mkdir(parents=True)
        for n in range(size):
            (folder / f"type{n}.md").write_text(SYNTHETIC_PAGE.format(n=n, p=(n - 1) % size), encoding="utf-8")
        out = work / f"synthetic-out-{size}"
        seconds, peak = timed(docgen(str(specs), "-o", str(out), "--no-cache"), env)
        baseline = 60.0  # MiB an interpreter with docgen's libraries takes before any page
        print(
            f"  {size:6d} {seconds:8.2f} {1000 * seconds / size:8.2f} {peak:9.0f} {1024 * max(peak - baseline, 0) / size:9.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docs", nargs="?", type=Path, default=REPO.parent / "shared/corpus/speakeasy-v1/docs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--synthetic", default="1000,5000,10000", help="page counts, comma-separated ('' to skip)")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as folder:
        work = Path(folder)
        if args.docs.is_dir():
            corpus(args.docs, work, env, args.runs)
        else:
            print(f"{args.docs} not found: corpus figures skipped")
        sizes = [int(s) for s in args.synthetic.split(",") if s]
        if sizes:
            synthetic(sizes, work, env)
    print(
        f"cpus: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}; "
        f"max rss units from wait4 (Linux: KiB); {resource.getpagesize()} B pages"
    )


if __name__ == "__main__":
    main()
