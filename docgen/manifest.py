"""docgen's manifest in OUT, and what a build may do to each file there.

The manifest (``.docgen-manifest.json``) lists the files docgen wrote in OUT with the
sha256 of their bytes.  It is a claim, and docgen checks it before acting on it:

* a file is overwritten or deleted only when it is listed *and* its bytes still hash
  to what was recorded (docgen wrote it and nobody changed it since);
* a listed file that was edited by hand is written again when a page still maps to it
  (*restored*), and kept, with a warning, when no page does any more;
* a file docgen did not write, at a path a page now maps to, stops the build (a
  *conflict*) unless ``--force`` is given;
* an entry that is absolute, holds ``..`` or otherwise leaves OUT is an error located
  in the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from . import __version__
from .diagnostics import Diagnostic, DocgenError, error
from .spans import SourceSpan

MANIFEST = ".docgen-manifest.json"


class ManifestError(DocgenError):
    """OUT's manifest names paths docgen never writes; carries located diagnostics."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_text(files: dict[str, bytes]) -> str:
    entries = {path: sha256(data) for path, data in sorted(files.items())}
    return json.dumps({"generator": "docgen", "version": __version__, "files": entries}, indent=1) + "\n"


def read_manifest(out: Path) -> Optional[dict[str, str]]:
    """The files docgen wrote in OUT (path -> sha256), or None when OUT is not docgen's."""
    try:
        return parse_manifest((out / MANIFEST).read_bytes())
    except OSError:
        return None


def parse_manifest(text: bytes) -> Optional[dict[str, str]]:
    """The files a manifest's *text* lists (path -> sha256), or None when it is not docgen's."""
    try:
        data = json.loads(text.decode("utf-8"))
        files = data["files"]
        if data.get("generator") == "docgen" and isinstance(files, dict):
            return {str(k): str(v) for k, v in files.items()}
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        pass
    return None


def contained(path: str) -> bool:
    """Whether the relative POSIX *path* stays inside the folder it is relative to."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(p not in ("", ".", "..") for p in parts)


def check_entries(out: Path, manifest: dict[str, str]) -> None:
    """Raise ManifestError for every entry that is not a plain path inside OUT."""
    root = os.path.normcase(os.path.realpath(out))
    folders: dict[str, str] = {}  # folder below OUT -> its real path: a tree has few folders
    bad = []
    for path in sorted(manifest):
        if not contained(path):
            bad.append((path, "is not a plain relative path inside OUT"))
        elif not _inside(root, _real_path(out, path, folders)):
            bad.append((path, "leads outside OUT through a symbolic link"))
    if not bad:
        return
    where = out / MANIFEST
    try:
        lines = where.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        lines = []
    raise ManifestError(
        [
            error(
                _span(where, lines, path),
                f"manifest entry {path!r} {why}; docgen never writes such a path, so it will not touch it",
                f"the manifest was edited or written by something else: remove that entry from {where}",
            )
            for path, why in bad
        ]
    )


def _inside(root: str, real: str) -> bool:
    """Whether the real path *real* is *root* or below it (both as ``os.path.realpath``
    gives them: absolute, normalized; *root* case-normalized), as ``os.path.commonpath``
    would say, cheaply."""
    real = os.path.normcase(real)
    return real == root or real.startswith(root if root.endswith(os.sep) else root + os.sep)


def _real_path(out: Path, path: str, folders: dict[str, str]) -> str:
    """``os.path.realpath(out / path)``, each folder resolved once: the folder's real path,
    then the last part, resolved only when it is a symbolic link."""
    folder, _, name = path.rpartition("/")
    real_folder = folders.get(folder)
    if real_folder is None:
        real_folder = folders[folder] = os.path.realpath(out / folder)
    target = os.path.join(real_folder, name)
    return os.path.realpath(target) if os.path.islink(target) else target


def _span(where: Path, lines: list[str], path: str) -> SourceSpan:
    key = json.dumps(path) + ":"
    for number, line in enumerate(lines, 1):
        col = line.find(key)
        if col >= 0:
            return SourceSpan(str(where), number, col + 1)
    return SourceSpan(str(where), 1, 1)


class _Other:
    """Something at a path that is not a regular file: a folder, a link, a device."""


OTHER = _Other()


def current(target: Union[str, Path]) -> Union[bytes, None, _Other]:
    """The bytes of the regular file at *target*; None when nothing is there; OTHER for anything else."""
    try:
        mode = os.lstat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(mode):
        return OTHER
    with open(target, "rb") as file:
        return file.read()


@dataclass
class Judgement:
    """What writing a build's files into OUT does to each path."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # restored and forced ones included
    unchanged: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)  # docgen's files that were edited by hand
    removed: list[str] = field(default_factory=list)  # stale files docgen wrote, unchanged since
    kept: list[str] = field(default_factory=list)  # stale files docgen wrote, edited since
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (what OUT holds, docgen's file that needs it)


def judge(out: Path, files: dict[str, bytes], manifest: dict[str, str], force: bool = False) -> Judgement:
    """Sort every path of *files* and of *manifest* by what a build may do to it."""
    found = Judgement()
    base = os.fspath(out)  # paths joined as text: a build checks every file it writes
    for path, data in files.items():
        now = current(os.path.join(base, path))
        if now is None:
            found.added.append(path)
        elif now == data:
            found.unchanged.append(path)
        elif isinstance(now, bytes) and (path == MANIFEST or manifest.get(path) == sha256(now)):
            found.changed.append(path)
        elif isinstance(now, bytes) and path in manifest:
            found.changed.append(path)
            found.restored.append(path)
        else:
            found.conflicts.append((path, path))
            found.changed.append(path)
    found.conflicts.extend(_blocked_folders(out, files))
    if force:
        found.conflicts = []
    for path in sorted(set(manifest) - set(files)):
        now = current(os.path.join(base, path))
        if isinstance(now, bytes):
            (found.removed if sha256(now) == manifest[path] else found.kept).append(path)
    return found


def _blocked_folders(out: Path, files: dict[str, bytes]) -> list[tuple[str, str]]:
    """Folders docgen needs where OUT holds something else (a file, a link)."""
    needed: dict[str, str] = {}
    for path in sorted(files):
        parts = path.split("/")
        for depth in range(1, len(parts)):
            needed.setdefault("/".join(parts[:depth]), path)
    blocked = []
    for folder, path in sorted(needed.items()):
        try:
            mode = os.lstat(out / folder).st_mode
        except (FileNotFoundError, NotADirectoryError):
            continue
        if not stat.S_ISDIR(mode):
            blocked.append((folder, path))
    return blocked


def conflict_errors(out: Path, conflicts: tuple[tuple[str, str], ...], origins: dict[str, str]) -> list[Diagnostic]:
    """The conflicts of a build, each located at the page (else the file) that needs the path."""
    problems = []
    for found, needed in conflicts:
        if found != needed:  # a folder is needed: name a page below it rather than a package file
            needed = min((p for p in origins if p.startswith(found + "/")), default=needed)
        page = origins.get(needed)
        span = SourceSpan(page, 1, 1) if page else SourceSpan(str(out / needed), 1, 1)
        what = "this page maps to" if page else "docgen writes its package file"
        where = (out / needed).as_posix()
        if found == needed:
            message = f"{what} {where}, which exists and was not written by docgen"
        else:
            message = f"{what} {where}, but {(out / found).as_posix()} is not a folder and was not written by docgen"
        problems.append(error(span, message, "move that file away, or build with --force to overwrite it"))
    return problems


def report_kept_and_restored(
    out: Path, kept: Sequence[str], restored: Sequence[str], summary: Callable[[str], None]
) -> None:
    """Stale edited files a build kept (a warning, always), and files it wrote over a hand edit (summary)."""
    for path in kept:
        print(
            f"docgen: warning: kept {(out / path).as_posix()}: no page maps to it any more, but it was "
            "edited after docgen wrote it; delete it yourself if it is not needed",
            file=sys.stderr,
        )
    if restored:
        summary("restored " + ", ".join((out / p).as_posix() for p in restored) + " (edited by hand)")
