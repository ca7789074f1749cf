"""Stage 7, write: put the generated files into OUT, all of them or none.

A build compares what it generated with what OUT holds.  When nothing differs it
writes nothing.  Otherwise it assembles the complete new tree in a temporary folder
next to OUT (unchanged files and files docgen did not write are hard-linked, so they
keep their inode and mtime) and swaps it in with one atomic rename, so OUT is always
either the complete old tree or the complete new one.

docgen owns a folder when it holds docgen's manifest (``.docgen-manifest.json``): the
list of files docgen wrote there.  It refuses to write into a non-empty folder that it
does not own, and never deletes a file it did not write.
"""

from __future__ import annotations

import ctypes
import difflib
import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__

MANIFEST = ".docgen-manifest.json"
_TEMP_PREFIX = ".docgen-tmp-"


class NotOwnedError(Exception):
    """OUT holds files and no docgen manifest: docgen will not write there."""


@dataclass(frozen=True)
class Plan:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    diffs: dict[str, str] = field(default_factory=dict)

    @property
    def is_noop(self) -> bool:
        return not (self.added or self.changed or self.removed)

    @property
    def files_changed(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_text(files: dict[str, bytes]) -> str:
    entries = {path: sha256(data) for path, data in sorted(files.items())}
    return json.dumps({"generator": "docgen", "version": __version__, "files": entries}, indent=1) + "\n"


def read_manifest(out: Path) -> dict[str, str] | None:
    """The files docgen wrote in OUT (path -> sha256), or None when OUT is not docgen's."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        if data.get("generator") == "docgen" and isinstance(files, dict):
            return {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def _existing_entries(out: Path) -> list[str]:
    if not out.is_dir():
        return []
    return sorted(p.name for p in out.iterdir())


def check_ownership(out: Path) -> dict[str, str]:
    """The manifest of OUT; raises NotOwnedError for a non-empty folder docgen does not own."""
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
    return manifest


def encode(files: dict[str, str]) -> dict[str, bytes]:
    """The files as bytes, with docgen's manifest added."""
    data = {path: text.encode("utf-8") for path, text in files.items()}
    data[MANIFEST] = manifest_text(data).encode("utf-8")
    return data


def plan(out: Path, files: dict[str, bytes], with_diffs: bool = False) -> Plan:
    """What writing *files* (already encoded, manifest included) into OUT would change."""
    manifest = read_manifest(out) or {}
    added, changed, unchanged = [], [], []
    diffs: dict[str, str] = {}
    for path, data in files.items():
        target = out / path
        try:
            current = target.read_bytes()
        except OSError:
            added.append(path)
            continue
        if current == data:
            unchanged.append(path)
        else:
            changed.append(path)
            if with_diffs:
                diffs[path] = _diff(path, current, data)
    removed = sorted(p for p in manifest if p not in files and (out / p).exists())
    return Plan(tuple(added), tuple(changed), tuple(removed), tuple(unchanged), diffs)


def _diff(path: str, old: bytes, new: bytes) -> str:
    old_lines = old.decode("utf-8", "replace").splitlines(keepends=True)
    new_lines = new.decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old_lines, new_lines, f"a/{path}", f"b/{path}"))


def contained(path: str) -> bool:
    """Whether the relative POSIX *path* stays inside the folder it is relative to."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(p not in ("", ".", "..") for p in parts)


def write_tree(out: Path, files: dict[str, bytes]) -> Plan:
    """Make OUT hold *files* (plus whatever docgen did not write there), atomically."""
    escaping = sorted(path for path in files if not contained(path))
    if escaping:  # the emitter never makes such a path: a bug, stopped before anything is written
        raise ValueError(f"refusing to write outside {out}: {escaping[:3]}")
    manifest = check_ownership(out)
    _remove_stale_temporaries(out)
    result = plan(out, files)
    if result.is_noop:
        return result
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX + out.name + "-", dir=out.parent))
    try:
        os.chmod(temp, _folder_mode(out))  # mkdtemp's 0700 would replace OUT's own mode
        _assemble(temp, out, files, set(result.unchanged), manifest)
        _swap_in(temp, out)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
    return result


def _folder_mode(out: Path) -> int:
    """The permissions OUT keeps: its own, or for a new OUT those the umask gives (0755 by default)."""
    try:
        return stat.S_IMODE(os.stat(out).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o777 & ~umask


def _assemble(temp: Path, out: Path, files: dict[str, bytes], unchanged: set[str], manifest: dict[str, str]) -> None:
    made: set[Path] = set()
    for path, data in files.items():
        target = temp / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if path in unchanged and _link(out / path, target):
            continue
        target.write_bytes(data)
    if out.is_dir():
        _keep_foreign(out, temp, set(files) | set(manifest))


def _keep_foreign(out: Path, temp: Path, ours: set[str]) -> None:
    """Carry every file docgen did not write over into the new tree."""
    for folder, subfolders, names in os.walk(out):
        rel_folder = Path(folder).relative_to(out)
        for name in subfolders + names:
            rel = (rel_folder / name).as_posix()
            source = Path(folder) / name
            target = temp / rel
            if rel in ours or name == "__pycache__":
                continue
            if source.is_symlink():
                target.parent.mkdir(parents=True, exist_ok=True)
                os.symlink(os.readlink(source), target)
            elif source.is_dir():
                target.mkdir(parents=True, exist_ok=True)
            elif not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                if not _link(source, target):
                    shutil.copy2(source, target)
        subfolders[:] = [d for d in subfolders if d != "__pycache__" and not (Path(folder) / d).is_symlink()]


def _link(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
        return True
    except OSError:
        return False


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
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
    if not out.exists():
        os.rename(temp, out)
        return
    if _exchange(temp, out):
        shutil.rmtree(temp)  # temp now holds the old tree
        return
    old = temp.with_name(temp.name + "-old")
    os.rename(out, old)
    os.rename(temp, out)
    shutil.rmtree(old)


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary trees left by a build that was killed part way."""
    if not out.parent.is_dir():
        return
    for entry in out.parent.iterdir():
        if entry.name.startswith(_TEMP_PREFIX + out.name + "-") and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
