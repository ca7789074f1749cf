"""The pages of a build as text: found below SPECS, chosen by the include/exclude globs,
decoded, each with its spec-relative path.

This module is light on purpose: a no-op build reads the pages to fingerprint them
and stops before any parsing library is imported.

Only regular files are read.  A page that is a FIFO, a device or a socket, a symbolic
link that loops, dangles or leads out of SPECS (refused like a link to a page outside
SPECS), a file that cannot be opened, or one larger than the limit (:data:`MAX_PAGE_BYTES`
unless ``[tool.docgen] max-page-size`` or ``--max-page-size`` says otherwise) is an error
located at the page, never a hang or a traceback.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..diagnostics import Diagnostic, error
from ..spans import SourceSpan

#: The largest page docgen reads by default, in bytes (the largest real docs page we know
#: is under 100 KiB); ``[tool.docgen] max-page-size`` and ``--max-page-size`` change it.
MAX_PAGE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    path: str  # spec-relative POSIX path
    text: str


@dataclass(frozen=True)
class Selection:
    """Which pages below SPECS a build reads: globs relative to SPECS (``**`` spans folders).

    A page is read when it matches an *include* glob (or there are none) and no *exclude*
    glob.  A glob matches a page when it matches the page's path or one of its folders:
    ``sdks`` and ``sdks/**`` both leave out everything below ``sdks/``.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def chooses(self, page: str) -> bool:
        if self.include and not any(matches(glob, page) for glob in self.include):
            return False
        return not any(matches(glob, page) for glob in self.exclude)


def glob_pattern(glob: str) -> re.Pattern[str]:
    """A glob as a regular expression: ``*`` and ``?`` stay within a folder, ``**`` spans folders.

    >>> bool(glob_pattern("sdks/**/*.md").match("sdks/pets/README.md"))
    True
    >>> bool(glob_pattern("*.md").match("shared/pet.md"))
    False
    """
    out, i = [], 0
    text = glob.strip().strip("/")
    while i < len(text):
        if text.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif text.startswith("**", i):
            out.append(".*")
            i += 2
        elif text[i] == "*":
            out.append("[^/]*")
            i += 1
        elif text[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(text[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(glob: str, page: str) -> bool:
    """Whether *glob* matches *page* or one of the folders it lies in."""
    pattern = glob_pattern(glob)
    parts = page.split("/")
    return any(pattern.match("/".join(parts[:depth])) for depth in range(1, len(parts) + 1))


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


def load_sources(
    specs_dir: Path, selection: Selection = Selection(), limit: int = MAX_PAGE_BYTES
) -> tuple[list[Source], list[Diagnostic]]:
    """The chosen pages below *specs_dir*, decoded; a page that cannot be read is a problem."""
    sources, problems = [], []
    root = os.path.realpath(specs_dir)
    for rel in _relative_pages(specs_dir):
        if not selection.chooses(rel):
            continue
        data, problem = _read_page(os.path.join(specs_dir, rel), root, limit)
        if problem is not None:
            problems.append(error(SourceSpan(rel, 1, 1), *problem))
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


def _refused(message: str, hint: str) -> tuple[str, str]:
    """Why a page is not read: (message, hint) of its diagnostic."""
    return message, hint


def _raise_limit(limit: int) -> str:
    return (
        f"split the page, or raise the limit: max-page-size = {2 * limit} in [tool.docgen] "
        f"or --max-page-size {2 * limit} (bytes)"
    )


_NOT_REGULAR = "rename it so that it does not end in .md, or replace it with the page itself"


def _read_page(path: str, root: str, limit: int) -> tuple[Optional[bytes], Optional[tuple[str, str]]]:
    """The bytes of the page at *path*, or (message, hint) saying why it is not read."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        if os.path.commonpath([root, target]) != root:
            return None, _refused("page is a symbolic link to a file outside the specs folder", _NOT_REGULAR)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; the file's kind is checked next.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, _refused("page is a loop of symbolic links", _NOT_REGULAR)
        if os.path.islink(path) and not os.path.exists(path):
            return None, _refused("page is a symbolic link to a file that does not exist", _NOT_REGULAR)
        return None, _refused(f"cannot read page: {exc.strerror or exc}", "check the file's permissions")
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return None, _refused("page is not a regular file (a FIFO, device, socket or folder)", _NOT_REGULAR)
        if info.st_size > limit:
            return None, _refused(
                f"page is larger than docgen reads ({info.st_size} bytes; the limit is {limit})", _raise_limit(limit)
            )
        try:
            data = _read_at_most(handle, info.st_size, limit + 1)
        except OSError as exc:
            return None, _refused(f"cannot read page: {exc.strerror or exc}", "check the file")
    finally:
        os.close(handle)
    if len(data) > limit:
        return None, _refused(f"page is larger than docgen reads (the limit is {limit} bytes)", _raise_limit(limit))
    return data, None


def _read_at_most(handle: int, size: int, most: int) -> bytes:
    """Up to *most* bytes of the open file *handle*, whose size was *size* when looked at
    (it may have grown since).  Each read asks for what is expected, not for *most*: a
    buffer of *most* bytes (64 MiB by default) allocated for every page was most of the
    time a no-op build spent reading pages."""
    chunks: list[bytes] = []
    total, want = 0, size + 1  # one byte more: the end of the file is seen in the same read
    while total < most:
        chunk = os.read(handle, min(want, most - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _GROWTH
    return b"".join(chunks)


#: What each further read asks for, when a page grew while it was read.
_GROWTH = 1 << 16
