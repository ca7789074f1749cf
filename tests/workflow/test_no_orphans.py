"""Worker processes die with docgen, even when the main process is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from workflow_helpers import REPO, model_page, write_pages

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="docgen forks workers on Linux only")


def children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_killing_the_main_process_leaves_no_formatting_worker(tmp_path: Path) -> None:
    pages = {f"models/shared/thing{n}.md": model_page(f"Thing{n}") for n in range(300)}
    specs = write_pages(tmp_path / "specs", pages)
    env = dict(os.environ, PYTHONPATH=str(REPO), DOCGEN_CACHE_DIR=str(tmp_path / "cache"))
    main = subprocess.Popen(
        [sys.executable, "-m", "docgen", "build", str(specs), "-o", str(tmp_path / "out"), "-j", "2", "--no-cache"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        assert wait_for(lambda: len(children(main.pid)) >= 2, 120), "docgen started no workers"
        workers = children(main.pid)
        os.kill(main.pid, signal.SIGKILL)
        main.wait()
        assert wait_for(lambda: not any(alive(w) for w in workers), 10), "workers outlived the main process"
    finally:
        if main.poll() is None:
            main.kill()
            main.wait()
        for worker in workers:  # a failed run must not leave them behind either
            if alive(worker):
                os.kill(worker, signal.SIGKILL)


def test_the_watchdog_alone_ends_a_worker_whose_parent_died(tmp_path: Path) -> None:
    """Where prctl is not available: the pipe watchdog by itself."""
    script = textwrap.dedent("""
        import os, sys, time
        from docgen import workers
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:
            workers.watch(read_end, write_end)
            time.sleep(60)
            os._exit(0)
        print(child, flush=True)
        time.sleep(60)
        """)
    parent = subprocess.Popen(
        [sys.executable, "-c", script], env=dict(os.environ, PYTHONPATH=str(REPO)), stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        time.sleep(0.3)
        assert alive(worker)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert wait_for(lambda: not alive(worker), 10), "the watchdog did not end the worker"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
