"""One docgen run at a time per OUT: an exclusive lock on a file next to OUT.

``docgen build`` and ``docgen check`` hold the lock for their whole run, so a second
run into the same OUT (two terminals, an editor's on-save hook and pre-commit, a
parallel CI job) waits until the first has finished and then works from the tree the
first one left.  The lock file is ``.OUTNAME.docgen-lock`` in OUT's parent folder; it
is locked with ``flock``, which the operating system releases when the holder exits,
however it exits (a killed build never leaves a stale lock).  The holder removes the
file before it lets go, so none is left beside OUT; a run that was waiting on the
removed file finds, once it holds it, that it is no longer the file at that path, and
starts over with the current one (so two runs never both hold "the" lock).  A killed
run leaves the file, unlocked: the next run takes it over.

On systems without ``fcntl`` (Windows) docgen runs without this lock: concurrent runs
into one OUT are then not kept apart.  Each still writes its complete tree into its own
temporary folder and swaps it in whole, so OUT is always some build's complete tree,
but which build's depends on timing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path
from typing import Iterator, Optional

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: After this many seconds of waiting, docgen says what it is waiting for.
NOTICE_AFTER = 1.0
_POLL = 0.05


class LockTimeout(Exception):
    """Another docgen run held OUT's lock for longer than ``--lock-timeout``."""


def seconds(text: str) -> float:
    """``--lock-timeout``'s value: a number of seconds, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 or more)")
    return value


def lock_path(out: Path) -> Path:
    absolute = Path(os.path.abspath(out))  # '-o .' has a name too
    return absolute.parent / f".{absolute.name or 'out'}.docgen-lock"


@contextlib.contextmanager
def held(out: Path, timeout: Optional[float] = None, create_parent: bool = True) -> Iterator[None]:
    """Hold OUT's lock for the body; wait for it up to *timeout* seconds (None: as long as it takes).

    With *create_parent* False (``check``, which writes nothing) a missing parent folder
    means there is nothing to lock yet, and a lock file docgen cannot create is skipped."""
    if fcntl is None:  # pragma: no cover - see the module docstring
        yield
        return
    path = lock_path(out)
    if create_parent:
        path.parent.mkdir(parents=True, exist_ok=True)
    wait = _Wait(out, path, timeout)
    while True:
        descriptor = _open(path, must=create_parent)
        if descriptor is None:
            yield
            return
        try:
            wait.acquire(descriptor)
        except BaseException:
            os.close(descriptor)
            raise
        if _is_current(descriptor, path):
            break
        os.close(descriptor)  # the holder before removed it: take the file now at that path
    try:
        _note_holder(descriptor)
        yield
    finally:
        if _is_current(descriptor, path):
            _remove(path)
        os.close(descriptor)  # closing releases the lock


def _is_current(descriptor: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path))
    except OSError:
        return False


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # a read-only folder: the file stays, unlocked


def _open(path: Path, must: bool) -> Optional[int]:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        try:
            return os.open(path, os.O_RDONLY)  # a read-only folder: flock works on any descriptor
        except OSError:
            if must:
                raise
            return None


class _Wait:
    """Waiting for OUT's lock: one notice after NOTICE_AFTER seconds, LockTimeout after *timeout*."""

    def __init__(self, out: Path, path: Path, timeout: Optional[float]) -> None:
        self.out, self.path, self.timeout = out, path, timeout
        self.started = time.monotonic()
        self.noticed = False

    def acquire(self, descriptor: int) -> None:
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            waited = time.monotonic() - self.started
            holder = f"{self.path}{_holder(descriptor)}"
            if self.timeout is not None and waited >= self.timeout:
                raise LockTimeout(
                    f"another docgen run is still working on {self.out} (it holds {holder}); "
                    f"gave up after {self.timeout:g}s (--lock-timeout)"
                )
            if not self.noticed and waited >= NOTICE_AFTER:
                self.noticed = True
                print(
                    f"docgen: waiting for another docgen run on {self.out} to finish (lock {holder})", file=sys.stderr
                )
            time.sleep(_POLL)


def _note_holder(descriptor: int) -> None:
    """Write this process's id into the lock file, for the message of a run that waits (best effort)."""
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
    except OSError:
        pass


def _holder(descriptor: int) -> str:
    try:
        text = os.pread(descriptor, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f", process {text}" if text.isdigit() else ""
