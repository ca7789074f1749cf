"""The pages of a build as text: found below SPECS, decoded, each with its spec-relative path.

This module is light on purpose: a no-op build reads the pages to fingerprint them
and stops before any parsing library is imported.

Only regular files are read.  A page that is a FIFO, a device or a socket, a symbolic
link that loops, dangles or leads out of SPECS (refused like a link to a page outside
SPECS), a file that cannot be opened, or one larger than :data:`MAX_PAGE_BYTES` is an
error located at the page, never a hang or a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..diagnostics import Diagnostic, error
from ..ir import SourceSpan

#: The largest page docgen reads (the largest real docs page we know is under 100 KiB).
MAX_PAGE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    path: str  # spec-relative POSIX path
    text: str


def find_pages(specs_dir: Path) -> list[Path]:
    """Every ``*.md`` file below *specs_dir*, in a stable order; hidden folders skipped."""
    return [specs_dir / rel for rel in _relative_pages(specs_dir)]


def _relative_pages(specs_dir: Path) -> list[str]:
    """The spec-relative POSIX paths of :func:`find_pages`, sorted.  Symbolic links to
    folders are not followed (a loop of them cannot make the walk endless)."""
    found = []
    for folder, subfolders, files in os.walk(specs_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        prefix = os.path.relpath(folder, specs_dir).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(prefix + f for f in files if f.endswith(".md"))
    return sorted(found)


def load_sources(specs_dir: Path, limit: int = MAX_PAGE_BYTES) -> tuple[list[Source], list[Diagnostic]]:
    sources, problems = [], []
    root = os.path.realpath(specs_dir)
    for rel in _relative_pages(specs_dir):
        span = SourceSpan(rel, 1, 1)
        data, problem = _read_page(os.path.join(specs_dir, rel), root, limit)
        if problem is not None:
            problems.append(error(span, *problem))
            continue
        assert data is not None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            problems.append(error(SourceSpan(rel, line, col), "page is not valid UTF-8", "save the page as UTF-8"))
            continue
        sources.append(Source(rel, text))
    return sources, problems


_NOT_REGULAR = "rename it so that it does not end in .md, or replace it with the page itself"


def _read_page(path: str, root: str, limit: int) -> tuple[Optional[bytes], Optional[tuple[str, str]]]:
    """The bytes of the page at *path*, or (message, hint) saying why it is not read."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        if os.path.commonpath([root, target]) != root:
            return None, ("page is a symbolic link to a file outside the specs folder", _NOT_REGULAR)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; the file's kind is checked next.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, ("page is a loop of symbolic links", _NOT_REGULAR)
        if os.path.islink(path) and not os.path.exists(path):
            return None, ("page is a symbolic link to a file that does not exist", _NOT_REGULAR)
        return None, (f"cannot read page: {exc.strerror or exc}", "check the file's permissions")
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, ("page is not a regular file (a FIFO, device, socket or folder)", _NOT_REGULAR)
        if info.st_size > limit:
            return None, (f"page is larger than docgen reads ({info.st_size} bytes; the limit is {limit})", "split it")
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            return None, (f"cannot read page: {exc.strerror or exc}", "check the file")
    if len(data) > limit:
        return None, (f"page is larger than docgen reads (the limit is {limit} bytes)", "split the page")
    return data, None
