"""Worker processes that die with docgen: the forked pools that read pages and format code.

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
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1


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
