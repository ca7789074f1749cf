"""``docgen diff OLD NEW``: read both trees as ``build`` does, compare, report, set the exit status.

Exit status: 0 when no change at or above ``--fail-on`` remains after the ignore file; 1 when
one does; 2 for a usage or configuration mistake, or pages with errors in either tree (they
are printed as ``build`` prints them: a half comparison is never reported as complete).
"""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .. import config
from ..diagnostics import ERROR, shown_as, sorted_diagnostics
from ..report import counted

if TYPE_CHECKING:
    from . import ignore
    from .read import Read
    from .sources import Tree

# The comparison, the ignore file and the report load only when diff runs: every build parses
# this command's options too.

EXIT_OK, EXIT_CHANGED, EXIT_USAGE = 0, 1, 2
#: ``--fail-on``'s levels and ``--format``'s formats.
LEVELS, FORMATS = ("error", "warning", "info"), ("text", "json", "markdown")


#: The exit statuses of ``docgen diff`` (not build's: pages with errors are a 2 here).
EXIT_STATUSES = (
    ("0", "no change at or above --fail-on"),
    ("1", "a change at or above --fail-on"),
    ("2", "wrong command line or configuration, a tree that cannot be read, or pages with errors"),
    ("123", "internal error in docgen (please report it)"),
)


def add_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    formatter: type[argparse.HelpFormatter],
    epilog: str,
) -> argparse.ArgumentParser:
    """The ``diff`` subcommand; *epilog* is build's, whose exit statuses are replaced by diff's."""
    from ..helptext import listing

    epilog = listing("exit status:", EXIT_STATUSES) + "\n\n" + epilog.split("\n\n", 1)[1]
    command = commands.add_parser(
        "diff",
        help="what changed in the API between two versions of the docs, and what it breaks",
        description=(
            "Compare two doc trees and list what changed in the API they describe: types, fields, enum "
            "values, union members and operations, each change with a rule id and a level (error: breaks "
            "users; warning; info).  OLD and NEW are folders, or REV / REV:PATH of the current git "
            "repository (read through git; the working tree is not touched; PATH defaults to SPECS); "
            "':' or ':PATH' is what is staged.  NEW defaults to SPECS in the working tree."
        ),
        epilog=epilog,
        formatter_class=formatter,
    )
    command.add_argument("old", metavar="OLD", nargs="?", help="the older docs (with --staged: default HEAD)")
    command.add_argument("new", metavar="NEW", nargs="?", help="the newer docs (default: SPECS, or ':' with --staged)")
    command.add_argument("--staged", action="store_true", help="compare what is staged (NEW) with OLD (default HEAD)")
    command.add_argument("--format", choices=FORMATS, default="text", help="text (the default), json or markdown")
    command.add_argument(
        "--fail-on", choices=LEVELS, default="error", help="exit 1 when a change of this level or above remains"
    )
    command.add_argument(
        "--ignore", metavar="FILE", type=Path, help="silence the changes FILE lists (default: diff-ignore)"
    )
    command.add_argument(
        "--config", metavar="FILE", type=Path, help="read [tool.docgen] from FILE, not from the nearest pyproject.toml"
    )
    command.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    command.add_argument(
        "--dialect", metavar="NAME", help="the docs' flavour (default: detected from each tree's pages)"
    )
    command.add_argument("--wire-naming", choices=config.WIRE_NAMINGS, metavar="NAMING", help="JSON names of fields")
    command.add_argument("--include", metavar="GLOB", action="append", help="read only pages matching GLOB")
    command.add_argument("--exclude", metavar="GLOB", action="append", help="leave out pages matching GLOB")
    command.add_argument("-q", "--quiet", action="store_true", help="print the changes only: no summary")
    command.add_argument("-v", "--verbose", action="store_true", help="also print the trees' warnings and notes")
    return command


def settings_for(args: argparse.Namespace) -> config.Settings:
    from ..cli import loaded_settings

    return config.merge(
        loaded_settings(args),
        wire_naming=args.wire_naming,
        include=tuple(args.include) if args.include else None,
        exclude=tuple(args.exclude) if args.exclude else None,
        dialect=args.dialect,
    )


def _names(args: argparse.Namespace) -> tuple[str, str]:
    """The OLD and NEW trees as given, defaults filled in."""
    from .sources import TreeError

    if args.staged:
        if args.new is not None:
            raise TreeError("--staged compares the staged docs with OLD: give OLD only")
        old = args.old or "HEAD"
        return old, ":" + old.partition(":")[2]  # the staged tree of the same folder
    if args.old is None:
        raise TreeError("give OLD (a folder, REV or REV:PATH), or --staged")
    return args.old, args.new if args.new is not None else ""


def run_diff(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from . import ignore
    from .compare import compare
    from .read import read_tree  # the parsing libraries load only now
    from .rules import Level
    from .sources import TreeError, open_tree

    started = time.perf_counter()
    settings = settings_for(args)
    if settings.dialect is not None:
        from .. import dialects

        if settings.dialect not in dialects.known():
            raise UsageError(str(dialects.UnknownDialect(settings.dialect)))
    entries = _ignored(args, settings)
    if entries is None:
        return EXIT_USAGE
    with ExitStack() as stack:
        try:
            old_name, new_name = _names(args)
            if not new_name and settings.specs is None:
                raise TreeError("no NEW folder: give it, or set 'specs' in [tool.docgen]")
            old = open_tree(old_name, settings.specs, stack)
            new = open_tree(new_name or config.display_path(settings.specs), settings.specs, stack)  # type: ignore[arg-type]
        except TreeError as exc:
            raise UsageError(str(exc)) from None
        reads = [read_tree(tree, settings) for tree in (old, new)]  # one process: forking for pages costs more here
        if not _diagnosed(reads, args.verbose):
            return EXIT_USAGE
        assert reads[0].spec is not None and reads[1].spec is not None
        changes = ignore.silenced(compare(reads[0].spec, reads[1].spec), entries)
        _print(args, changes, old, new, time.perf_counter() - started)
    threshold = Level[args.fail_on.upper()]
    return EXIT_CHANGED if any(c.level >= threshold for c in changes) else EXIT_OK


def _ignored(args: argparse.Namespace, settings: config.Settings) -> Optional[list[ignore.Entry]]:
    from . import ignore

    path = args.ignore if args.ignore is not None else settings.diff_ignore
    if path is None:
        return []
    entries, problems = ignore.read(path)
    for problem in problems:
        print(problem.render(), file=sys.stderr)
    return None if problems else entries


def _diagnosed(reads: "list[Read]", verbose: bool) -> bool:
    """Print each tree's problems as build does; False when a tree has errors (or no pages)."""
    complete = True
    for which, read in zip(("OLD", "NEW"), reads):
        if read.tree.empty:
            print(
                f"docgen diff: {which} ({read.tree.label}) has no such folder: every type counts as new",
                file=sys.stderr,
            )
            continue
        if read.pages == 0 and not read.diagnostics:
            print(f"docgen diff: error: {which} ({read.tree.label}) has no pages", file=sys.stderr)
            complete = False
            continue
        failed = read.spec is None
        shown = [d for d in map(lambda d: shown_as(d, False, verbose), read.diagnostics) if d is not None]
        for diagnostic in sorted_diagnostics(shown if failed or verbose else []):
            print(diagnostic.render(read.tree.shown), file=sys.stderr)
        if failed:
            errors = sum(d.severity == ERROR for d in read.diagnostics)
            print(
                f"docgen diff: {counted(errors, 'error')} in the pages of {which} ({read.tree.label}); "
                "nothing was compared",
                file=sys.stderr,
            )
            complete = False
    return complete


def _print(args: argparse.Namespace, changes: list, old: Tree, new: Tree, seconds: float) -> None:  # type: ignore[type-arg]
    def where(tree: str, path: str) -> str:
        return (old if tree == "old" else new).shown(path)

    from . import report

    title = f"docgen diff {old.label} {new.label}"
    if args.format == "json":
        sys.stdout.write(report.as_json(changes, where))
    elif args.format == "markdown":
        sys.stdout.write(report.markdown(changes, where, title))
    else:
        sys.stdout.write(report.text(changes, where))
    if not args.quiet:
        stream = sys.stdout if args.format == "text" else sys.stderr
        print(f"docgen diff: {report.summary(changes)} ({old.label} -> {new.label}); {seconds:.2f}s", file=stream)
