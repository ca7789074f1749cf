"""Incremental builds: do again only what changed, judged by content hashes, never by time.

* **No-op builds.**  A build's *fingerprint* hashes everything its output depends on:
  every page (path and text), the settings that shape the output, the templates,
  docgen's and black's versions.  After a successful build, a small record in docgen's
  cache folder maps the fingerprint to the hash of the manifest written and to the
  warnings printed.  The next build with the same fingerprint, finding OUT still
  holding exactly the files of that manifest, is done without parsing a page.
* **Formatting.**  black dominates a build's time.  OUT's manifest records, for each
  file, the hash of its text before black; a file whose unformatted text did not
  change is taken from OUT (after checking its hash) instead of being formatted
  again.  What remains is formatted in parallel processes where the system allows.

The cache folder is ``$DOCGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/docgen``, else
``~/.cache/docgen``.  Its records are content-addressed, so deleting it (or its being
unwritable) only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from . import __version__
from .diagnostics import Diagnostic
from .ir import SourceSpan
from .write import MANIFEST, black_version, read_manifest_data, sha256

#: Below this many files, starting processes costs more than it saves.
PARALLEL_THRESHOLD = 64


def cache_dir() -> Path:
    explicit = os.environ.get("DOCGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docgen"


def _template_files(folders: Iterable[Optional[Path]]) -> list[tuple[str, bytes]]:
    found = []
    for number, folder in enumerate(folders):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file():
                found.append((f"{number}/{path.name}", path.read_bytes()))
    return found


def fingerprint(
    sources: Iterable[tuple[str, str]], settings_fingerprint: str, template_folders: Iterable[Optional[Path]]
) -> str:
    """The hash of every input a build's output depends on."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("docgen", __version__.encode())
    add("black", black_version().encode())
    add("settings", settings_fingerprint.encode())
    for name, data in _template_files(template_folders):
        add("template:" + name, data)
    for path, text in sources:
        add("page:" + path, text.encode("utf-8"))
    return digest.hexdigest()


# --- the record of a finished build ---------------------------------------------------


@dataclass(frozen=True)
class Record:
    manifest: str  # sha256 of the manifest the build wrote
    warnings: tuple[Diagnostic, ...]


def _record_path(key: str) -> Path:
    return cache_dir() / "builds" / f"{key}.json"


def load_record(key: str) -> Optional[Record]:
    try:
        data = json.loads(_record_path(key).read_text(encoding="utf-8"))
        warnings = tuple(
            Diagnostic(SourceSpan(w["path"], w["line"], w["col"]), w["severity"], w["message"], w["hint"])
            for w in data["warnings"]
        )
        return Record(str(data["manifest"]), warnings)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_record(key: str, out: Path, warnings: Iterable[Diagnostic]) -> None:
    """Remember that the build *key* left OUT as it is now (best effort)."""
    try:
        manifest = sha256((out / MANIFEST).read_bytes())
        entries = [
            {
                "path": w.span.path,
                "line": w.span.line,
                "col": w.span.col,
                "severity": w.severity,
                "message": w.message,
                "hint": w.hint,
            }
            for w in warnings
        ]
        target = _record_path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.{os.getpid()}")
        temp.write_text(json.dumps({"manifest": manifest, "warnings": entries}), encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        pass


def up_to_date(out: Path, record: Optional[Record]) -> bool:
    """Whether OUT holds exactly the files of the manifest *record* names, unchanged."""
    if record is None:
        return False
    try:
        manifest_bytes = (out / MANIFEST).read_bytes()
    except OSError:
        return False
    if sha256(manifest_bytes) != record.manifest:
        return False
    data = read_manifest_data(out)
    if data is None:
        return False
    for path, digest in data.files.items():
        try:
            if sha256((out / path).read_bytes()) != digest:
                return False
        except OSError:
            return False
    return True


# --- formatting -----------------------------------------------------------------------


class Formatting:
    """Formats a build's files: reuses OUT's formatted files, formats the rest in parallel.

    After a call, :attr:`unformatted` holds each file's hash before formatting, for
    the manifest.
    """

    def __init__(self, out: Optional[Path], jobs: int) -> None:
        self.jobs = jobs
        self.reused = 0
        self.unformatted: dict[str, str] = {}
        data = read_manifest_data(out) if out is not None else None
        self._out = out
        self._known = data if data is not None and data.version == (__version__, black_version()) else None

    def __call__(self, files: dict[str, str]) -> dict[str, str]:
        from .emit import format_source

        self.unformatted = {path: sha256(text.encode("utf-8")) for path, text in files.items()}
        done: dict[str, str] = {}
        todo: list[str] = []
        for path, text in files.items():
            if not path.endswith(".py"):
                done[path] = text
                continue
            previous = self._previous(path)
            if previous is not None:
                done[path] = previous
                self.reused += 1
            else:
                todo.append(path)
        texts = [files[path] for path in todo]
        done.update(zip(todo, format_all(texts, self.jobs, format_source)))
        return done

    def _previous(self, path: str) -> Optional[str]:
        """OUT's formatted text of *path*, when it was formatted from the same text."""
        if self._known is None or self._out is None:
            return None
        if self._known.unformatted.get(path) != self.unformatted[path]:
            return None
        try:
            data = (self._out / path).read_bytes()
        except OSError:
            return None
        if sha256(data) != self._known.files.get(path):
            return None
        return data.decode("utf-8")


def format_all(texts: list[str], jobs: int, format_one) -> list[str]:  # type: ignore[no-untyped-def]
    """*format_one* over *texts*, in *jobs* forked processes when that is worth it."""
    if jobs <= 1 or len(texts) < PARALLEL_THRESHOLD or not _can_fork():
        return [format_one(text) for text in texts]
    import multiprocessing

    chunk = max(1, len(texts) // (jobs * 4))
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(format_one, texts, chunksize=chunk))


def _can_fork() -> bool:
    """Forking is safe and cheap on Linux; elsewhere docgen formats in one process."""
    return sys.platform.startswith("linux")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
