"""The pages of a build as text: found below SPECS, decoded, each with its spec-relative path.

This module is light on purpose: a no-op build reads the pages to fingerprint them
and stops before any parsing library is imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, error
from ..ir import SourceSpan


@dataclass(frozen=True)
class Source:
    path: str  # spec-relative POSIX path
    text: str


def find_pages(specs_dir: Path) -> list[Path]:
    """Every ``*.md`` file below *specs_dir*, in a stable order; hidden folders skipped."""
    return [specs_dir / rel for rel in _relative_pages(specs_dir)]


def _relative_pages(specs_dir: Path) -> list[str]:
    """The spec-relative POSIX paths of :func:`find_pages`, sorted."""
    found = []
    for folder, subfolders, files in os.walk(specs_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        prefix = os.path.relpath(folder, specs_dir).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(prefix + f for f in files if f.endswith(".md"))
    return sorted(found)


def load_sources(specs_dir: Path) -> tuple[list[Source], list[Diagnostic]]:
    sources, problems = [], []
    for rel in _relative_pages(specs_dir):
        with open(os.path.join(specs_dir, rel), "rb") as handle:
            data = handle.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            problems.append(error(SourceSpan(rel, line, col), "page is not valid UTF-8", "save the page as UTF-8"))
            continue
        sources.append(Source(rel, text))
    return sources, problems
