"""The two trees ``docgen diff`` compares: a folder, a git revision's folder, or the staged one.

``REV`` or ``REV:PATH`` is read from the current git repository with ``git archive`` into a
temporary folder (``:PATH``, or ``:`` alone, is the index: what is staged, read with
``git checkout-index``); the user's working tree is never touched.  PATH is relative to the
current folder, as a folder argument is, and defaults to SPECS.
"""

from __future__ import annotations

import io
import os
import posixpath
import subprocess
import tarfile
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..config import display_path

INDEX = ""  # the revision name of the staged tree


class TreeError(Exception):
    """A tree that cannot be found (exit status 2): not a folder, no such revision, no such path."""


@dataclass(frozen=True)
class Tree:
    label: str  # as the user gave it (a folder, REV:PATH)
    folder: Path  # where its pages are on disk now
    revision: Optional[str] = None  # None for a folder of the working tree; INDEX for the staged tree
    path: str = ""  # the folder's path in the repository, for a revision
    empty: bool = False  # a revision without the folder (the docs are new): no types at all

    def shown(self, page: str) -> str:
        """A page's path (relative to the tree) as messages show it."""
        if self.revision is None:
            return display_path(self.folder / page)
        where = f"{self.revision}:" if self.revision != INDEX else ":"
        return where + posixpath.join(self.path, page) if self.path else where + page


def _git(top: Optional[Path], *args: str, data: Optional[bytes] = None) -> subprocess.CompletedProcess[bytes]:
    command = ["git", *(["-C", str(top)] if top is not None else []), *args]
    try:
        return subprocess.run(command, input=data, capture_output=True, check=False)
    except OSError as exc:
        raise TreeError(f"cannot run git: {exc.strerror}") from None


def _top() -> Path:
    result = _git(None, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise TreeError("the current folder is not in a git repository")
    return Path(result.stdout.decode().strip())


def _in_repository(top: Path, folder: Path) -> str:
    """*folder* (relative to the current folder) as a path from the repository's top."""
    relative = os.path.relpath(os.path.abspath(folder), os.path.realpath(top))
    if relative == ".." or relative.startswith(".." + os.sep):
        raise TreeError(f"{display_path(folder)} is outside the git repository at {display_path(top)}")
    return "" if relative == "." else Path(relative).as_posix()


def open_tree(text: str, specs: Optional[Path], stack: ExitStack) -> Tree:
    """The tree *text* names; temporary folders are removed when *stack* closes."""
    if ":" not in text and Path(text).is_dir():
        return Tree(text, Path(text))
    revision, colon, path = text.partition(":")
    if not colon and Path(text).exists():
        raise TreeError(f"{text!r} is not a folder")
    try:
        top = _top()
    except TreeError:
        if colon:
            raise
        raise TreeError(
            f"{text!r} is not a folder (nor a revision: the current folder is not in a git repository)"
        ) from None
    unborn = revision == "HEAD" and _git(top, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0
    if revision not in (INDEX, "HEAD") or (revision == "HEAD" and not unborn):
        if _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode != 0:
            where = display_path(top)
            raise TreeError(f"{revision!r} is neither a folder nor a revision of the git repository at {where}")
    folder = Path(path) if path else specs
    if folder is None:
        raise TreeError(f"{text!r} names no folder: write REV:PATH, or set 'specs' in [tool.docgen]")
    inside = _in_repository(top, folder)
    temporary = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="docgen-diff-")))
    if revision == INDEX:
        _staged(top, inside, temporary)
        empty = False
    else:
        empty = unborn or not _archived(top, revision, inside, temporary)
    return Tree(text, temporary / inside if inside else temporary, revision, inside, empty)


def _archived(top: Path, revision: str, inside: str, into: Path) -> bool:
    """Write *revision*'s files below *inside* into *into*; False when it has none there."""
    if _git(top, "cat-file", "-e", f"{revision}:{inside}" if inside else f"{revision}^{{tree}}").returncode != 0:
        return False
    result = _git(top, "archive", "--format=tar", revision, "--", inside or ".")
    if result.returncode != 0:
        raise TreeError(f"cannot read {revision}:{inside}: {result.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        for member in archive:
            if member.isfile() and _safe(member.name):
                data = archive.extractfile(member)
                assert data is not None
                _write(into / member.name, data.read())
    return True


def _staged(top: Path, inside: str, into: Path) -> None:
    listed = _git(top, "ls-files", "-z", "--", inside or ".")
    if listed.returncode != 0:
        raise TreeError(f"cannot list the staged files: {listed.stderr.decode(errors='replace').strip()}")
    names = [name for name in listed.stdout.split(b"\0") if name and _safe(name.decode(errors="replace"))]
    if not names:
        raise TreeError(f"nothing is staged below {inside or '.'!r}")
    result = _git(top, "checkout-index", "-z", "--stdin", f"--prefix={into.as_posix()}/", data=b"\0".join(names))
    if result.returncode != 0:
        raise TreeError(f"cannot read the staged files: {result.stderr.decode(errors='replace').strip()}")


def _safe(name: str) -> bool:
    parts = name.split("/")
    return not name.startswith("/") and ".." not in parts


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
