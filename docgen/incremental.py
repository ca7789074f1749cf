"""Incremental builds: do again only what changed, judged by content hashes, never by time.

* **No-op builds.**  A build's *fingerprint* hashes everything its output depends on:
  every page (path and text), the settings that shape the output, the templates,
  docgen's and black's versions.  After a successful build, a small record in docgen's
  cache folder maps the fingerprint to the hash of the manifest written and to the
  warnings printed.  The next build with the same fingerprint, finding OUT still
  holding exactly the files of that manifest, is done without parsing a page.
* **Formatting.**  black dominates a build's time.  The cache remembers, for each text
  docgen handed to black, the hash of black's result; a file in OUT with that hash is
  taken as it is instead of being formatted again.  What remains is formatted in
  parallel processes where the system allows (:mod:`docgen.format.cache`).
* **Pages and modules.**  A page whose text did not change is neither read nor lowered
  again, a module none of whose inputs changed neither rendered nor formatted again
  (:mod:`docgen.reuse`); the records sit in *packs* here, each record with its checksum.

The cache folder is ``$DOCGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/docgen``, else
``~/.cache/docgen``; docgen creates it readable by its owner only.  Its records are
content-addressed, so deleting it (or its being unwritable) only costs time, and a
record that does not parse is ignored.  Only ``build`` uses it: a cache may be shared
(between CI jobs, say) or tampered with, so ``check`` never takes its word for what
OUT should hold and compares OUT with a build formatted afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from . import __version__
from .diagnostics import Diagnostic, Severity
from .manifest import MANIFEST, contained, parse_manifest, sha256
from .spans import SourceSpan


@lru_cache(maxsize=1)
def black_version() -> str:
    """The installed black's version: its output is part of docgen's.

    Read from the name of black's ``.dist-info`` folder next to the package when there
    is one: ``importlib.metadata`` searches every folder of ``sys.path`` for it, which
    costs a tenth of a no-op build."""
    import importlib.util

    spec = importlib.util.find_spec("black")
    if spec is not None and spec.origin:
        folder = os.path.dirname(os.path.dirname(spec.origin))
        try:
            found = [n for n in os.listdir(folder) if n.startswith("black-") and n.endswith(".dist-info")]
        except OSError:
            found = []
        if len(found) == 1:
            return found[0][len("black-") : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("black")
    except PackageNotFoundError:  # pragma: no cover - black is a dependency
        return "unknown"


def cache_dir() -> Path:
    explicit = os.environ.get("DOCGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docgen"


def template_files(folders: Iterable[Optional[Path]]) -> list[tuple[str, bytes]]:
    found = []
    for number, folder in enumerate(folders):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file():
                found.append((f"{number}/{path.name}", path.read_bytes()))
    return found


#: docgen's own package folder: every module in it, subfolders included, is part of the build key.
CODE_ROOT = Path(__file__).parent


def fingerprint(
    sources: Iterable[tuple[str, str]], settings_fingerprint: str, template_folders: Iterable[Optional[Path]]
) -> str:
    """The hash of every input a build's output depends on."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("docgen", code_digest().encode())  # docgen's version and code, for development builds
    add("black", black_version().encode())
    add("settings", settings_fingerprint.encode())
    for name, data in template_files(template_folders):
        add("template:" + name, data)
    for path, text in sources:
        add("page:" + path, text.encode("utf-8"))
    return digest.hexdigest()


# --- the record of a finished build ---------------------------------------------------


@dataclass(frozen=True)
class Record:
    manifest: str  # sha256 of the manifest the build wrote
    warnings: tuple[Diagnostic, ...]
    counts: dict[str, int]  # models, enums, unions emitted


def _record_path(key: str) -> Path:
    return cache_dir() / "builds" / f"{key}.json"


def load_record(key: str) -> Optional[Record]:
    """The record of the build *key*; None when there is none or it does not parse."""
    try:
        data = json.loads(_record_path(key).read_text(encoding="utf-8"))
        warnings = tuple(_warning(w) for w in data["warnings"])
        counts = {str(k): int(v) for k, v in data["counts"].items()}
        if not isinstance(data["manifest"], str) or not {"models", "enums", "unions"} <= set(counts):
            return None
        return Record(data["manifest"], warnings, counts)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError):
        return None


def _warning(entry: dict) -> Diagnostic:  # type: ignore[type-arg]
    path, line, col = entry["path"], entry["line"], entry["col"]
    severity, message, hint = entry["severity"], entry["message"], entry["hint"]
    if not (isinstance(line, int) and isinstance(col, int)):
        raise TypeError("line and column are numbers")
    if not all(isinstance(text, str) for text in (path, severity, message, hint)):
        raise TypeError("the texts of a warning are strings")
    return Diagnostic(SourceSpan(path, line, col), Severity(severity), message, hint)


def save_record(key: str, out: Path, warnings: Iterable[Diagnostic], counts: dict[str, int]) -> None:
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
    except OSError:
        return
    write_atomically(_record_path(key), json.dumps({"manifest": manifest, "warnings": entries, "counts": counts}))


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
    files = parse_manifest(manifest_bytes)
    if files is None or not all(contained(path) for path in files):
        return False
    base = os.fspath(out)  # joined as text: a Path per file was a tenth of a no-op build
    for path, digest in files.items():
        try:
            with open(os.path.join(base, path), "rb", buffering=0) as file:
                if sha256(file.read()) != digest:
                    return False
        except OSError:
            return False
    return True


def _private_folder(folder: Path) -> None:
    """Make *folder* (the cache folder or one inside it), owner-only when docgen creates it."""
    root = cache_dir()
    root.parent.mkdir(parents=True, exist_ok=True)
    for made in (root, folder) if folder != root else (root,):
        try:
            made.mkdir(mode=0o700)
        except FileExistsError:
            pass


def write_atomically(target: Path, text: str) -> None:
    try:
        _private_folder(target.parent)
        temp = target.with_name(f".{target.name}.{os.getpid()}")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        pass


# --- packs: many small records in one file ------------------------------------------


def pack_path(name: str) -> Path:
    return cache_dir() / f"{name}-{__version__}.json"


def load_pack(name: str) -> dict[str, str]:
    """The records of the pack *name*: key -> payload, each record whose checksum holds
    (a record that fails it, or a pack that does not parse, is as good as none)."""
    try:
        data = json.loads(pack_path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    found = {}
    for key, entry in data.items():
        if isinstance(entry, str) and entry[16:17] == " " and entry[:16] == _checksum(entry[17:]):
            found[key] = entry[17:]
    return found


def save_pack(name: str, learned: dict[str, str], limit: int) -> None:
    """Add *learned* (key -> payload) to the pack *name*, newest last, keeping the newest
    *limit* records (best effort)."""
    if not learned:
        return
    try:
        data = json.loads(pack_path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    for key in learned:
        data.pop(key, None)
    data.update((key, f"{_checksum(payload)} {payload}") for key, payload in learned.items())
    kept = dict(list(data.items())[-limit:])
    write_atomically(pack_path(name), json.dumps(kept, ensure_ascii=False, separators=(",", ":")))


def _checksum(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The hash of docgen's own code (every module, subfolders included) and version."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(CODE_ROOT.rglob("*.py")):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(CODE_ROOT).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def tune_gc() -> None:
    """Fewer collections for a build's process: it holds a large graph of objects that
    live until it exits, and with the default thresholds the collector walks that graph
    again and again, which made time per page grow with the number of pages."""
    import gc

    gc.set_threshold(50_000, 20, 100)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
