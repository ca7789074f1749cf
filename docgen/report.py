"""What the command line prints about a build besides the diagnostics: the errors counted by
kind, the pages left out (``--keep-going``) and the pages skipped as not describing types."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .diagnostics import WARNING, Diagnostic

if TYPE_CHECKING:
    from .build import Generated
    from .failures import LeftOut

#: The prefix of the keys of a build record's counts that count skipped pages.
SKIPPED = "skipped: "


def counted(number: int, word: str) -> str:
    """``1 page``, ``2 pages``, ``0 pages``."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def no_pages(specs: Path, chosen: bool) -> str:
    return f"docgen: error: no *.md pages{' chosen by include/exclude' if chosen else ''} found below {specs}"


def outcome(result: "Generated", failing: Sequence[Diagnostic], keep_going: bool, verbose: bool) -> bool:
    """Print what a build skipped (-v), left out or failed on; whether its files are to be written."""
    if verbose:
        skipped_pages(result.skipped)
    if not result.files or (failing and not keep_going):
        failed(failing, "nothing was written")
        return False
    if failing:
        left_out(result.left_out)
        failed(failing, f"{counted(len(result.left_out), 'page')} left out, the rest written (--keep-going)")
    return True


def built(pages: int, counts: dict[str, int], changed: int, out: Path) -> str:
    """The summary of a build that wrote OUT (the caller adds the time)."""
    skipped = skipped_line(counts)
    return (
        f"{counted(pages, 'page')} read; {counted(counts['models'], 'model')}, {counted(counts['enums'], 'enum')}, "
        f"{counted(counts['unions'], 'union')} emitted; {skipped + '; ' if skipped else ''}"
        f"{counted(changed, 'file')} changed in {out}"
    )


def failed(failing: Sequence[Diagnostic], what: str) -> None:
    """The errors counted by kind, then ``N error(s) ...; WHAT`` (stderr)."""
    error_kinds(failing)
    errors = sum(d.severity != WARNING for d in failing)
    warnings = len(failing) - errors
    text = counted(errors, "error") + (f" and {counted(warnings, 'warning')} (--strict)" if warnings else "")
    print(f"docgen: {text}; {what}", file=sys.stderr)


def error_kinds(diagnostics: Iterable[Diagnostic]) -> None:
    """One line per kind of error, the most frequent first (stderr); nothing when each kind occurs
    once (the errors printed say as much)."""
    from .failures import counts_by_kind  # it imports the IR, which a no-op build need not

    kinds = counts_by_kind(diagnostics)
    if all(count == 1 for _, count in kinds):
        return
    for kind, count in kinds:
        print(f"docgen: {count:5d} × {kind}", file=sys.stderr)


def left_out(pages: Sequence["LeftOut"]) -> None:
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
