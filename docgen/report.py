"""What the command line prints about a build besides the diagnostics: the errors counted by
kind, the pages left out (``--keep-going``) and the pages skipped as not describing types."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Iterable, Sequence

from .diagnostics import Diagnostic
from .failures import LeftOut, counts_by_kind

#: The prefix of the keys of a build record's counts that count skipped pages.
SKIPPED = "skipped: "


def error_kinds(diagnostics: Iterable[Diagnostic]) -> None:
    """One line per kind of error, the most frequent first (stderr); nothing when each kind occurs
    once (the errors printed say as much)."""
    kinds = counts_by_kind(diagnostics)
    if all(count == 1 for _, count in kinds):
        return
    for kind, count in kinds:
        print(f"docgen: {count:5d} × {kind}", file=sys.stderr)


def left_out(pages: Sequence[LeftOut]) -> None:
    """Each page a --keep-going build did not write, and why (stderr)."""
    for page in pages:
        print(f"docgen: left out {page.page}: {page.reason()}", file=sys.stderr)


def skipped_counts(skipped: Iterable[tuple[str, str]]) -> dict[str, int]:
    """The skipped pages counted by what they are, as build-record counts."""
    return {SKIPPED + what: n for what, n in sorted(Counter(what for _, what in skipped).items())}


def skipped_line(counts: dict[str, int]) -> str:
    """``11 pages skipped as not model pages (10 operation pages, 1 SDK helper)``, or "" when none were."""
    kinds = [(key[len(SKIPPED) :], n) for key, n in counts.items() if key.startswith(SKIPPED)]
    if not kinds:
        return ""
    total = sum(n for _, n in kinds)
    parts = ", ".join(f"{n} {what}{'s' if n != 1 else ''}" for what, n in kinds)
    return f"{total} page{'s' if total != 1 else ''} skipped as not model pages ({parts})"


def skipped_pages(skipped: Iterable[tuple[str, str]]) -> None:
    """Each skipped page and what it is (stdout, -v)."""
    for page, what in skipped:
        print(f"docgen: skipped {page}: {what}")
