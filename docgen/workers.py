"""Worker processes that die with docgen: the forked pools that read pages, render and format code.

A worker must not outlive the build that started it, however the build ends: normally,
by an exception, or killed (``SIGKILL`` included, which runs no clean-up in the main
process).  Two guards, both set up in each worker as it starts:

* on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the worker when the
  process that forked it dies;
* everywhere, a watchdog thread reading a pipe whose write end only the main process
  holds: when the main process dies the kernel closes that end, the read returns, and
  the worker exits.  (A worker checks the parent's PID once more after arming both,
  in case the main process died while the worker was starting.)
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Sequence, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1

T = TypeVar("T")
R = TypeVar("R")

#: What the workers of :func:`forked_map` run: set before they are forked, so that they
#: inherit it with everything it refers to (nothing of it is pickled).
_TASK: Optional[Callable[[object], object]] = None


def die_with_parent() -> bool:
    """Ask the kernel to kill this process when its parent dies (Linux); whether that worked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def watch(read_end: int, write_end: int) -> None:
    """Exit this process as soon as nothing holds *write_end* of the pipe any more."""
    with contextlib.suppress(OSError):
        os.close(write_end)  # this process's copy: only the main process keeps the pipe open

    def wait() -> None:
        with contextlib.suppress(OSError):
            while os.read(read_end, 1):
                pass
        os._exit(1)

    threading.Thread(target=wait, name="docgen-watchdog", daemon=True).start()


def _start_worker(parent: int, read_end: int, write_end: int) -> None:
    die_with_parent()
    watch(read_end, write_end)
    if os.getppid() != parent:  # the main process died before the guards were armed
        os._exit(1)


@contextlib.contextmanager
def forked_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of *workers* forked processes, each of which dies with this process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    read_end, write_end = os.pipe()
    try:
        with ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(os.getpid(), read_end, write_end),
        ) as pool:
            yield pool
    finally:
        os.close(read_end)
        os.close(write_end)


def _run_task(item: object) -> object:
    assert _TASK is not None
    return _TASK(item)


def can_fork() -> bool:
    """Forking is safe and cheap on Linux; elsewhere docgen works in one process."""
    return sys.platform.startswith("linux")


def forked_map(function: Callable[[T], R], items: Sequence[T], jobs: int, threshold: int) -> list[R]:
    """``[function(item) for item in items]``, in *jobs* forked processes when there are at
    least *threshold* items (below that, starting processes costs more than it saves).

    The workers inherit *function* and what it refers to from this process; only the
    items and the results travel, pickled.  What the build holds is frozen out of the
    collector's reach first: the workers need not walk (nor copy) it."""
    if jobs <= 1 or len(items) < threshold or not can_fork():
        return [function(item) for item in items]
    import gc

    global _TASK
    _TASK = function  # type: ignore[assignment]
    gc.freeze()
    try:
        chunk = max(1, len(items) // (jobs * 4))
        with forked_pool(jobs) as pool:
            return list(pool.map(_run_task, items, chunksize=chunk))  # type: ignore[arg-type]
    finally:
        _TASK = None
        gc.unfreeze()
