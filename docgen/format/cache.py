"""The formatting cache: a build's files formatted, reusing what an earlier build formatted.

Part of the formatting stage; the cache folder and its rules are those of
:mod:`docgen.incremental` (content-addressed, owner-only, best effort).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from .. import __version__
from ..incremental import black_version, cache_dir, write_atomically
from ..manifest import sha256

#: Below this many files, starting processes costs more than it saves.
PARALLEL_THRESHOLD = 64


class Formatting:
    """Formats a build's files, reusing what an earlier build formatted from the same text.

    The cache folder keeps a map from the hash of a text before black to the hash of
    black's result.  A file in OUT whose content has that result hash is taken as it
    is; the rest is formatted, in parallel processes where that pays.
    """

    def __init__(self, out: Optional[Path], jobs: int, use_cache: bool = True, twice: bool = False) -> None:
        self.out = out
        self.jobs = jobs
        self.twice = twice  # black until stable (user templates), not one pass
        self.use_cache = use_cache
        self.reused = 0
        self.known = _load_formatted() if use_cache and out is not None else {}

    def __call__(self, files: dict[str, str]) -> dict[str, str]:
        from .formatter import format_source, format_source_twice

        done: dict[str, str] = {}
        todo: list[tuple[str, str]] = []  # (path, hash before formatting)
        for path, text in files.items():
            if not path.endswith(".py"):
                done[path] = text
                continue
            before = sha256(text.encode("utf-8")) if self.use_cache else ""  # no cache: nothing to look up
            previous = self._previous(path, before) if before else None
            if previous is not None:
                done[path] = previous
                self.reused += 1
            else:
                todo.append((path, before))
        formatted = format_all(
            [files[path] for path, _ in todo], self.jobs, format_source_twice if self.twice else format_source
        )
        learned = {}
        for (path, before), text in zip(todo, formatted):
            done[path] = text
            if before:
                learned[before] = sha256(text.encode("utf-8"))
        if learned:
            _save_formatted(learned)
        return done

    def _previous(self, path: str, before: str) -> Optional[str]:
        """OUT's text of *path*, when it is what black made of the same text before."""
        after = self.known.get(before)
        if after is None or self.out is None:
            return None
        try:
            data = (self.out / path).read_bytes()
        except OSError:
            return None
        return data.decode("utf-8") if sha256(data) == after else None


#: How many (before, after) hashes the cache keeps: enough for a few large builds.
_FORMATTED_LIMIT = 50_000


def _formatted_path() -> Path:
    return cache_dir() / f"formatted-{__version__}-{black_version()}.json"


def _load_formatted() -> dict[str, str]:
    try:
        data = json.loads(_formatted_path().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _save_formatted(learned: dict[str, str]) -> None:
    """Add *learned* to the map, newest last, dropping the oldest past the limit (best effort)."""
    merged = {k: v for k, v in _load_formatted().items() if k not in learned}
    merged.update(learned)
    kept = dict(list(merged.items())[-_FORMATTED_LIMIT:])
    write_atomically(_formatted_path(), json.dumps(kept))


def format_all(texts: list[str], jobs: int, format_one) -> list[str]:  # type: ignore[no-untyped-def]
    """*format_one* over *texts*, in *jobs* forked processes when that is worth it."""
    from ..workers import forked_map  # not needed by a no-op build

    return forked_map(format_one, texts, jobs, PARALLEL_THRESHOLD)
