"""The command line: ``docgen build SPECS [-o OUT]``.

Exit status: 0 success; 1 the pages have errors (nothing was written) or OUT cannot be
written; 2 the command line is wrong; 123 an internal error in docgen (a bug: please
report it with the traceback).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .build import generate
from .diagnostics import WARNING, sorted_diagnostics
from .write import NotOwnedError, encode, write_tree

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 123

DESCRIPTION = """\
docgen reads a folder of markdown model docs (one page per type: '# Name' with a
'## Fields', '## Values' or '## Supported Types' section, as Speakeasy-style SDK docs
are written) and generates a Python package of dataclasses, enums and union aliases.
The generated code needs only the Python standard library."""

EPILOG = """\
exit status:
  0    success
  1    the pages have errors (each printed as path:line:col: error: message;
       nothing is written), or OUT cannot be written
  2    wrong command line
  123  internal error in docgen (please report it)"""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="docgen",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"docgen {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="generate Python from a folder of docs",
        description=(
            "Generate the package for every *.md page below SPECS into OUT.  OUT becomes a "
            "Python package (OUT/__init__.py exports every type); name and move it freely. "
            "Files that did not change are not rewritten; if any page has an error, all "
            "errors are printed and nothing is written."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("specs", metavar="SPECS", type=Path, help="folder of markdown pages (searched recursively)")
    build.add_argument(
        "-o",
        "--out",
        metavar="OUT",
        type=Path,
        default=Path("generated"),
        help="folder of the generated package (default: generated/)",
    )
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("-q", "--quiet", action="store_true", help="print errors only, no summary line")
    return top


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return run_build(args)
    except KeyboardInterrupt:
        print("docgen: interrupted; OUT was left as it was", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - a bug in docgen, not a user mistake
        traceback.print_exc()
        print("docgen: internal error (this is a bug in docgen; please report it)", file=sys.stderr)
        return EXIT_INTERNAL


def run_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    specs: Path = args.specs
    if not specs.is_dir():
        print(f"docgen: error: SPECS folder {str(specs)!r} does not exist or is not a folder", file=sys.stderr)
        return EXIT_FAILED
    result = generate(specs)
    diagnostics = sorted_diagnostics(result.diagnostics)
    for diagnostic in diagnostics:
        print(diagnostic.render(), file=sys.stderr)
    errors = [d for d in diagnostics if d.severity != WARNING or args.strict]
    if errors or not result.files:
        if not errors and result.pages == 0:
            print(f"docgen: error: no *.md pages found below {specs}", file=sys.stderr)
        else:
            print(f"docgen: {len(errors)} error(s); nothing was written", file=sys.stderr)
        return EXIT_FAILED
    try:
        outcome = write_tree(args.out, encode(result.files))
    except (NotOwnedError, OSError) as exc:
        print(f"docgen: error: cannot write {args.out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        counts = result.counts
        seconds = time.perf_counter() - started
        print(
            f"docgen: {result.pages} pages read; {counts['models']} models, {counts['enums']} enums, "
            f"{counts['unions']} unions emitted; {outcome.files_changed} files changed in {args.out}; "
            f"{seconds:.2f}s"
        )
    return EXIT_OK
