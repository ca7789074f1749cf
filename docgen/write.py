"""Stage 7, write: put the generated files into OUT, all of them or none.

A build compares what it generated with what OUT holds.  When nothing differs it
writes nothing.  Otherwise it assembles the complete new tree in a temporary folder
next to OUT (unchanged files and files docgen did not write are hard-linked, so they
keep their inode and mtime) and swaps it in with one atomic rename, so OUT is always
either the complete old tree or the complete new one.

docgen owns a folder when it holds docgen's manifest (``.docgen-manifest.json``): the
list of files docgen wrote there, with their hashes.  It refuses to write into a
non-empty folder that it does not own, and deletes or overwrites only files it wrote
and nobody changed since (see :mod:`docgen.manifest`).  A failed write (a full disk)
leaves OUT as it was.  The caller holds OUT's lock (:mod:`docgen.lock`) meanwhile.
"""

from __future__ import annotations

# ctypes, difflib, socket and tempfile are imported where a write needs them: a no-op
# build, which writes nothing, need not pay for them.
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from .manifest import (  # noqa: F401 - part of this module's API
    MANIFEST,
    ManifestError,
    check_entries,
    contained,
    judge,
    manifest_text,
    read_manifest,
    sha256,
)

_TEMP_PREFIX = ".docgen-tmp-"
#: The file inside each temporary tree that says whose it is (see _mark).
_MARKER = ".docgen-temporary.json"


class NotOwnedError(Exception):
    """OUT holds files and no docgen manifest: docgen will not write there."""


class ConflictError(Exception):
    """Files docgen would write are where OUT holds files docgen did not write."""

    def __init__(self, conflicts: tuple[tuple[str, str], ...]) -> None:
        self.conflicts = conflicts
        super().__init__(", ".join(found for found, _ in conflicts))


class WriteError(OSError):
    """Writing the new tree failed; OUT is as it was."""


@dataclass(frozen=True)
class Plan:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    diffs: dict[str, str] = field(default_factory=dict)
    restored: tuple[str, ...] = ()  # changed files docgen wrote that were edited by hand
    kept: tuple[str, ...] = ()  # files no page maps to any more, kept because they were edited
    conflicts: tuple[tuple[str, str], ...] = ()  # (OUT's path, docgen's file that needs it)

    @property
    def is_noop(self) -> bool:
        return not (self.added or self.changed or self.removed)

    @property
    def files_changed(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)


def _existing_entries(out: Path) -> list[str]:
    if not out.is_dir():
        return []
    return sorted(p.name for p in out.iterdir())


def check_ownership(out: Path) -> dict[str, str]:
    """The manifest of OUT, its entries checked; raises NotOwnedError for a non-empty folder
    docgen does not own and ManifestError for entries that leave OUT."""
    if out.exists() and not out.is_dir():
        raise NotOwnedError(f"{out} exists and is not a folder")
    manifest = read_manifest(out)
    if manifest is None:
        entries = _existing_entries(out)
        if entries:
            raise NotOwnedError(
                f"{out} is not empty and has no {MANIFEST}, so docgen did not create it "
                f"(it holds {', '.join(entries[:3])}{'…' if len(entries) > 3 else ''}); "
                "choose an empty or new folder with -o, or remove its contents yourself"
            )
        return {}
    check_entries(out, manifest)
    return manifest


def encode(files: dict[str, str]) -> dict[str, bytes]:
    """The files as bytes, with docgen's manifest added."""
    data = {path: text.encode("utf-8") for path, text in files.items()}
    data[MANIFEST] = manifest_text(data).encode("utf-8")
    return data


def plan(out: Path, files: dict[str, bytes], with_diffs: bool = False, force: bool = False) -> Plan:
    """What writing *files* (already encoded, manifest included) into OUT would change."""
    manifest = read_manifest(out) or {}
    check_entries(out, manifest)
    return _plan(out, files, manifest, with_diffs, force)


def _plan(out: Path, files: dict[str, bytes], manifest: dict[str, str], with_diffs: bool, force: bool) -> Plan:
    """:func:`plan` with OUT's *manifest* read and its entries checked."""
    found = judge(out, files, manifest, force)
    diffs: dict[str, str] = {}
    if with_diffs:
        for path in found.changed:
            now = (out / path).read_bytes() if (out / path).is_file() else b""
            diffs[path] = _diff(path, now, files[path])
    return Plan(
        tuple(found.added),
        tuple(found.changed),
        tuple(found.removed),
        tuple(found.unchanged),
        diffs,
        tuple(found.restored),
        tuple(found.kept),
        tuple(found.conflicts),
    )


def _diff(path: str, old: bytes, new: bytes) -> str:
    import difflib

    old_lines = old.decode("utf-8", "replace").splitlines(keepends=True)
    new_lines = new.decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old_lines, new_lines, f"a/{path}", f"b/{path}"))


def write_tree(out: Path, files: dict[str, bytes], force: bool = False) -> Plan:
    """Make OUT hold *files* (plus whatever docgen did not write there), atomically.

    Raises ConflictError, without writing, when a file would replace one docgen did not
    write (unless *force*), and WriteError when the new tree cannot be written."""
    escaping = sorted(path for path in files if not contained(path))
    if escaping:  # the emitter never makes such a path: a bug, stopped before anything is written
        raise ValueError(f"refusing to write outside {out}: {escaping[:3]}")
    result = _plan(out, files, check_ownership(out), False, force)
    if result.conflicts:
        raise ConflictError(result.conflicts)
    if result.is_noop:
        return result
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(out)
        temp = _make_temporary(out)
    except OSError as exc:
        raise _write_error(out, exc) from exc
    try:
        _assemble(temp, out, files, set(result.unchanged), set(result.removed))
        _swap_in(temp, out)
    except OSError as exc:
        raise _write_error(out, exc) from exc
    finally:
        if temp.exists():
            _remove_tree(temp)
    return result


def _write_error(out: Path, exc: OSError) -> WriteError:
    where = f" ({exc.filename})" if exc.filename else ""
    return WriteError(
        f"{exc.strerror or exc}{where} while writing the new tree next to it; "
        f"{out} was left as it was and the partial tree was removed"
    )


def _assemble(temp: Path, out: Path, files: dict[str, bytes], unchanged: set[str], removed: set[str]) -> None:
    """Write the new tree into *temp*: unchanged files hard-linked from OUT, the rest
    written (paths joined as text: a tree has hundreds of files)."""
    new, old = os.fspath(temp), os.fspath(out)
    made: set[str] = set()
    for path, data in files.items():
        target = os.path.join(new, path)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if path in unchanged and _link(os.path.join(old, path), target):
            continue
        with open(target, "wb") as file:
            file.write(data)
    if out.is_dir():
        _keep_foreign(old, new, set(files) | removed)


def _keep_foreign(out: str, temp: str, replaced: set[str]) -> None:
    """Carry every file the build neither writes nor removes over into the new tree."""
    for folder, subfolders, names in os.walk(out):
        relative = os.path.relpath(folder, out)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in subfolders + names:
            rel = prefix + name
            if rel in replaced or name == "__pycache__":
                continue
            source, target = os.path.join(folder, name), os.path.join(temp, rel)
            if os.path.islink(source):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.symlink(os.readlink(source), target)
            elif os.path.isdir(source):
                os.makedirs(target, exist_ok=True)
            elif not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                if not _link(source, target):
                    _copy2(source, target)
        subfolders[:] = [
            d
            for d in subfolders
            if d != "__pycache__" and not os.path.islink(os.path.join(folder, d)) and prefix + d not in replaced
        ]


def _remove_tree(path: Union[str, Path]) -> None:
    """Remove the folder *path*, best effort (what is left is cleared by a later build)."""
    import shutil  # only when a tree is written: a no-op build need not import it

    shutil.rmtree(path, ignore_errors=True)


def _copy2(source: Union[str, Path], target: Union[str, Path]) -> None:
    import shutil

    shutil.copy2(source, target)


def _link(source: Union[str, Path], target: Union[str, Path]) -> bool:
    try:
        os.link(source, target)
        return True
    except OSError:
        return False


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    import ctypes

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _swap_in(temp: Path, out: Path) -> None:
    (temp / _MARKER).unlink()  # the new tree must not carry it into OUT
    if not out.exists():
        os.rename(temp, out)
        return
    if _exchange(temp, out):
        _discard(temp, out)  # temp now holds the old tree
        return
    old = temp.with_name(temp.name + "-old")
    os.rename(out, old)
    try:
        os.rename(temp, out)
    except OSError:
        os.rename(old, out)
        raise
    _discard(old, out)


def _discard(old_tree: Path, out: Path) -> None:
    """Remove OUT's replaced tree; marked first, so a kill part way leaves it to the next cleanup."""
    try:
        _mark(old_tree, out)
    except OSError:
        pass
    _remove_tree(old_tree)


# --- temporary trees ------------------------------------------------------------------
#
# A build assembles its new tree in OUT's parent, in a folder named after the hash of
# OUT's resolved path (so the temporaries of OUT's siblings, 'gen' and 'gen-2', never
# share a prefix) and marked with a file naming OUT, the host and the building process.
# A later build removes a temporary tree only when that marker proves it is one of its
# OUT's, left by a process that is no longer running; anything else is left alone.


def _identity(out: Path) -> str:
    return str(out.parent.resolve() / out.name)


def _temp_prefix(out: Path) -> str:
    return f"{_TEMP_PREFIX}{sha256(_identity(out).encode('utf-8'))[:16]}-"


def _make_temporary(out: Path) -> Path:
    import tempfile

    temp = Path(tempfile.mkdtemp(prefix=_temp_prefix(out), dir=out.parent))
    try:
        os.chmod(temp, _folder_mode(out))  # mkdtemp makes it owner-only; OUT keeps its mode
        _mark(temp, out)
    except OSError:
        _remove_tree(temp)
        raise
    return temp


def _folder_mode(out: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(out).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask


def _mark(folder: Path, out: Path) -> None:
    import socket

    marker = {"generator": "docgen", "out": _identity(out), "host": socket.gethostname(), "pid": os.getpid()}
    (folder / _MARKER).write_text(json.dumps(marker), encoding="utf-8")


def _is_stale(entry: Path, out: Path) -> bool:
    """Whether *entry* is provably a temporary tree of OUT whose builder is gone."""
    import socket

    if entry.is_symlink() or not entry.is_dir():
        return False
    try:
        marker = json.loads((entry / _MARKER).read_text(encoding="utf-8"))
        owner, host, pid = marker["out"], marker["host"], marker["pid"]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return False
    if marker.get("generator") != "docgen" or owner != _identity(out) or host != socket.gethostname():
        return False
    return isinstance(pid, int) and not _running(pid)


def _running(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return True  # not provably gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, and belongs to someone else
    return True


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary trees of OUT left by a build that was killed part way."""
    prefix = _temp_prefix(out)
    for entry in out.parent.iterdir():
        if entry.name.startswith(prefix) and _is_stale(entry, out):
            _remove_tree(entry)
