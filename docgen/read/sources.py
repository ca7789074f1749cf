"""The pages of a build as text: found below SPECS, chosen by the include/exclude globs,
decoded, each with its spec-relative path.

This module is light on purpose: a no-op build reads the pages to fingerprint them
and stops before any parsing library is imported.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, error
from ..ir import SourceSpan


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
    """The spec-relative POSIX paths of :func:`find_pages`, sorted."""
    found = []
    for folder, subfolders, files in os.walk(specs_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        prefix = os.path.relpath(folder, specs_dir).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(prefix + f for f in files if f.endswith(".md"))
    return sorted(found)


def load_sources(specs_dir: Path, selection: Selection = Selection()) -> tuple[list[Source], list[Diagnostic]]:
    """The chosen pages below *specs_dir*, decoded; a page that cannot be read is a problem."""
    sources, problems = [], []
    real_root = os.path.realpath(specs_dir)
    for rel in _relative_pages(specs_dir):
        if not selection.chooses(rel):
            continue
        path = os.path.join(specs_dir, rel)
        if os.path.islink(path) and not _below(os.path.realpath(path), real_root):
            problems.append(
                error(
                    SourceSpan(rel, 1, 1),
                    "page is a symbolic link leading outside the specs folder",
                    "copy the page into the folder, or leave it out with --exclude",
                )
            )
            continue
        with open(path, "rb") as handle:
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


def _below(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)
