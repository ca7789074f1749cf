"""``docgen diff`` of two doc trees, timed as the user runs it, against a cold build of each tree.

    python benchmarks/diff.py [OLD NEW] [--rounds 5]

OLD and NEW default to ../shared/corpus/speakeasy-v1/docs and speakeasy-v2/docs (one API,
regenerated a year apart).  Each round is a fresh process: ``docgen diff OLD NEW`` (reading
and comparing both trees, in one process), and, as the peer, ``docgen build --no-cache`` of each tree into
an empty folder (what a team would otherwise run twice to compare the generated code).
Prints the median of the rounds, their ratio and the diff's summary; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", nargs="?", default=str(CORPUS / "speakeasy-v1" / "docs"))
    parser.add_argument("new", nargs="?", default=str(CORPUS / "speakeasy-v2" / "docs"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    docgen = [sys.executable, "-m", "docgen"]
    diffs, builds, last = [], [], None
    for _ in range(args.rounds):
        seconds, last = timed([*docgen, "diff", args.old, args.new, "--no-config"])
        if last.returncode not in (0, 1):
            raise SystemExit(f"docgen diff failed ({last.returncode}):\n{last.stderr}")
        diffs.append(seconds)
        total = 0.0
        for tree in (args.old, args.new):
            with tempfile.TemporaryDirectory() as out:
                seconds, built = timed(
                    [*docgen, "build", tree, "-o", f"{out}/models", "--no-cache", "-q", "--no-config"]
                )
                if built.returncode != 0:
                    raise SystemExit(f"docgen build {tree} failed:\n{built.stderr}")
                total += seconds
        builds.append(total)
    diff, build = statistics.median(diffs), statistics.median(builds)
    assert last is not None
    print(
        f"docgen diff OLD NEW:       median {diff:.2f}s of {args.rounds} rounds ({', '.join(f'{s:.2f}' for s in diffs)})"
    )
    print(
        f"docgen build of each tree: median {build:.2f}s of {args.rounds} rounds (the peer: building both to compare)"
    )
    print(f"ratio diff / both builds:  {diff / build:.2f}")
    print("summary: " + last.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
