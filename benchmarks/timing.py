"""Timing shared by the benchmark scripts: every figure is the median of several rounds,
printed with the smallest and largest round so the machine's noise shows."""

from __future__ import annotations

import functools
import gc
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Figure:
    """Seconds per round: the median, and the fastest and slowest round."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, seconds: list[float]) -> Figure:
        return cls(statistics.median(seconds), min(seconds), max(seconds))

    def noise(self) -> float:
        """(slowest - fastest) / median: how far apart the rounds were."""
        return (self.high - self.low) / self.median if self.median else 0.0

    def rate(self, count: int) -> str:
        """*count* things per round as a rate: ``12,345/s (11,000-13,000)``."""
        return f"{count / self.median:>11,.0f}/s ({count / self.high:,.0f}-{count / self.low:,.0f})"


def round_robin(contenders: dict[str, Callable[[], Any]], rounds: int) -> dict[str, Figure]:
    """Time every contender once per round, in turn, so that a burst of load from elsewhere
    hits them all alike; one untimed warm-up call each first.

    The time is this process's CPU time (``time.process_time``), not wall time: on a shared
    machine a run of a few milliseconds is as likely as not to be preempted, and the wall
    clock would then measure the other processes."""
    for run in contenders.values():
        run()
    seconds: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():
            gc.collect()
            start = time.process_time()
            run()
            seconds[name].append(time.process_time() - start)
    return {name: Figure.of(times) for name, times in seconds.items()}


def ratio(ours: Figure, theirs: Figure) -> str:
    """How many times faster ours is (their median time over ours), with the range the
    rounds allow (their fastest over our slowest, their slowest over our fastest)."""
    return f"{theirs.median / ours.median:5.2f}x ({theirs.low / ours.high:.2f}-{theirs.high / ours.low:.2f})"


def child_environment() -> dict[str, str]:
    return dict(_child_environment())


@functools.lru_cache(maxsize=1)
def _child_environment() -> dict[str, str]:
    """The environment of the docgen processes a benchmark times: docgen as an installed
    one runs, from bytecode.  pip compiles an installed package's modules (and those of
    the peers, black, datamodel-code-generator); a checkout run with
    ``PYTHONDONTWRITEBYTECODE`` set compiles docgen's from source in every process, a
    fifth of a second that no user pays.  So that is unset, and docgen's modules are
    compiled once here, before the first round."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "docgen")], env=env, check=True)
    return env
