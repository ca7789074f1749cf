"""The command line: ``docgen build``, ``docgen check`` and ``docgen diff`` (see :mod:`docgen.diff`).

Exit status: 0 success (``check``: OUT is up to date); 1 the pages have errors (nothing
was written), OUT cannot be written, or (``check``) OUT would change; 2 the command
line or the configuration is wrong; 123 an internal error in docgen (a bug: please
report it with the traceback).

The parsing libraries are imported only when a build has work to do: a build in which
nothing changed stops after fingerprinting the pages (see :mod:`docgen.incremental`).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence, TextIO

from . import __version__, config, helptext, incremental, lock, report, samples_cli
from .diagnostics import ERROR, WARNING, Diagnostic, shown_as, sorted_diagnostics
from .dialects import names as dialect_names
from .format import cache
from .manifest import ManifestError, conflict_errors, report_kept_and_restored
from .options import common_options as _common_options
from .read.sources import Selection, Source, load_sources
from .report import counted
from .write import MANIFEST, ConflictError, NotOwnedError, Plan, check_ownership, encode, plan, write_tree

if TYPE_CHECKING:
    from .build import Generated

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 123
DEFAULT_OUT = Path("generated")

DESCRIPTION = """\
docgen reads a folder of markdown model docs (one page per type: '# Name' with a
section of its fields, values or union members, as SDK docs generators write them;
see --dialect) and generates a Python package of dataclasses, enums and union aliases.
The generated code needs only the Python standard library.

Settings may also come from [tool.docgen] in the nearest pyproject.toml (see README);
flags given here override them."""


class UsageError(Exception):
    """The command line or the configuration is wrong (exit status 2)."""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="docgen",
        description=DESCRIPTION,
        epilog=helptext.epilog(),
        formatter_class=helptext.Formatter,
    )
    top.add_argument(
        "--version",
        action="version",
        help="show docgen's, black's and Python's versions and exit",
        version=f"docgen {__version__} (black {incremental.black_version()}, Python {sys.version.split()[0]})",
    )
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="generate Python from a folder of docs",
        description=(
            "Generate the package for every *.md page below SPECS into OUT.  OUT becomes a "
            "Python package (OUT/__init__.py exports every type); name and move it freely.\n\n"
            "Files that did not change are not rewritten; if any page has an error, all "
            "errors are printed and nothing is written (--keep-going: all that needs no failed page)."
        ),
        epilog=helptext.epilog(),
        formatter_class=helptext.Formatter,
    )
    check = commands.add_parser(
        "check",
        help="verify that OUT holds exactly what build would write (writes nothing)",
        description=(
            "Exit 0 when OUT holds exactly what 'docgen build' would write; otherwise exit 1 and "
            "print the missing, extra and changed files and a unified diff of the changes. "
            "Writes nothing."
        ),
        epilog=helptext.epilog(),
        formatter_class=helptext.Formatter,
    )
    samples_cli.add_parser(commands)
    for command in (build, check):
        _common_options(command)
    from .diff.command import add_parser

    add_parser(commands, helptext.Formatter, helptext.epilog())
    build.add_argument(
        "--fail-on-change",
        action="store_true",
        help="exit 1 when the build changed OUT (for pre-commit hooks: new files count too)",
    )
    build.add_argument(
        "--force", action="store_true", help="overwrite files docgen did not write where a page now maps to them"
    )
    return top


def main(argv: Optional[Sequence[str]] = None) -> int:
    top = parser()
    args = top.parse_args(argv)
    if args.command is None:
        top.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "diff":
            from .diff.command import run_diff

            return run_diff(args)
        return run(args)
    except UsageError as exc:
        print(top.format_usage().replace("COMMAND ...", f"{args.command} ..."), end="", file=sys.stderr)
        print(f"docgen {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except config.ConfigError as exc:
        for diagnostic in exc.diagnostics:
            show(args, diagnostic)  # the configuration's paths are shown as they are already
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("docgen: interrupted; OUT was left as it was", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - a bug in docgen, not a user mistake
        import traceback  # only for a bug: importing it costs a twentieth of a no-op build

        traceback.print_exc()
        print("docgen: internal error (this is a bug in docgen; please report it)", file=sys.stderr)
        return EXIT_INTERNAL


def show(args: argparse.Namespace, diagnostic: Diagnostic, where: Optional[Callable[[str], str]] = None) -> None:
    """Print one diagnostic in the format asked for: text on stderr, or a JSON line on stdout."""
    if args.error_format == "json":
        print(diagnostic.to_json(where))
    else:
        print(diagnostic.render(where), file=sys.stderr)


def loaded_settings(args: argparse.Namespace) -> config.Settings:
    """The settings of ``--config FILE``, else of the nearest pyproject.toml (none with --no-config)."""
    if args.no_config:
        loaded = config.Settings()
    elif args.config is not None:
        if not args.config.is_file():
            raise UsageError(f"configuration file {str(args.config)!r} does not exist")
        loaded = config.load(args.config)
    else:
        found = config.find_pyproject(Path.cwd())
        loaded = config.load(found) if found is not None else config.Settings()
    return loaded


def settings_for(args: argparse.Namespace) -> config.Settings:
    """The configuration file's settings with the command line's flags over them."""
    settings = config.merge(
        loaded_settings(args),
        specs=args.specs,
        out=args.out,
        strict=args.strict,
        wire_naming=args.wire_naming,
        templates=args.templates,
        package=args.package,
        include=tuple(args.include) if args.include else None,
        exclude=tuple(args.exclude) if args.exclude else None,
        keep_going=args.keep_going,
        dialect=args.dialect,
        max_page_size=args.max_page_size,
    )
    if settings.specs is None:
        raise UsageError("no SPECS folder: give it on the command line or as 'specs' in [tool.docgen]")
    if settings.templates is not None and not settings.templates.is_dir():
        raise UsageError(f"templates folder {str(settings.templates)!r} does not exist")
    if settings.dialect is not None and settings.dialect not in dialect_names.NAMES:
        raise UsageError(dialect_names.unknown(settings.dialect))
    if settings.package is not None and not config.is_package_name(settings.package):
        raise UsageError(f"package {settings.package!r} is not a dotted Python name")
    problem = config.check_package(settings, settings.out or DEFAULT_OUT)
    if problem:
        raise UsageError(problem)
    return settings


@dataclass
class _Run:
    """One invocation: what was asked, and the pages read."""

    args: argparse.Namespace
    settings: config.Settings
    specs: Path
    out: Path
    sources: list[Source]
    problems: list[Diagnostic]
    key: str
    started: float
    pages: Optional[set[str]] = None  # the paths of the pages read, relative to SPECS

    def where(self, path: str) -> str:
        """A page's path (relative to SPECS) as shown: relative to the current folder when
        below it, else absolute.  Other paths (pyproject.toml's, templates') are shown so already."""
        if self.pages is None:
            self.pages = {source.path for source in self.sources}
        return config.display_path(self.specs / path) if path in self.pages else path

    @property
    def messages(self) -> TextIO:
        """Where the summary and check's listing go: stdout, or stderr when stdout holds JSON."""
        return sys.stderr if self.args.error_format == "json" else sys.stdout

    @property
    def strict(self) -> bool:
        return bool(self.settings.strict)

    def report(self, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
        """Print every diagnostic this run shows; return those that fail the run."""
        ordered = sorted_diagnostics(filter(None, (shown_as(d, self.strict, self.args.verbose) for d in diagnostics)))
        for diagnostic in ordered:
            show(self.args, diagnostic, self.where)
        return [d for d in ordered if d.severity == ERROR or (d.severity == WARNING and self.strict)]

    def built(self, pages: int, counts: dict[str, int], changed: int) -> None:
        self.summary(report.built(pages, counts, changed, self.out))

    def failed(self, failing: Sequence[Diagnostic], what: str) -> None:
        report.failed(failing, what)

    def summary(self, text: str) -> None:
        if not self.args.quiet:
            print(f"docgen: {text}; {time.perf_counter() - self.started:.2f}s", file=self.messages)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    settings = settings_for(args)
    if args.command == "wire-names":
        return samples_cli.run(args, settings)
    specs: Path = settings.specs  # type: ignore[assignment] - checked in settings_for
    out = Path(config.display_path(settings.out)) if settings.out else DEFAULT_OUT
    if not specs.is_dir():
        print(f"docgen: error: SPECS folder {str(specs)!r} does not exist or is not a folder", file=sys.stderr)
        return EXIT_USAGE
    sources, problems = load_sources(specs, Selection(settings.include, settings.exclude), settings.max_page_size)
    if not sources and not problems:
        print(report.no_pages(specs, chosen=bool(settings.include or settings.exclude)), file=sys.stderr)
        return EXIT_USAGE
    templates = settings.templates.resolve() if settings.templates else None
    shipped = _shipped_templates()
    key = incremental.fingerprint(((s.path, s.text) for s in sources), settings.fingerprint(), (shipped, templates))
    current = _Run(args, settings, specs, out, sources, problems, key, started)
    try:
        with lock.held(out, args.lock_timeout, create_parent=args.command == "build"):
            return _run_locked(current)
    except lock.LockTimeout as exc:
        print(f"docgen: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ManifestError as exc:
        current.failed(current.report(exc.diagnostics), "nothing was written")
        return EXIT_FAILED


def _run_locked(current: _Run) -> int:
    """The run, OUT's lock held: a build whose inputs and OUT are unchanged stops here;
    ``check`` always compares OUT's bytes with what a build writes."""
    args, sources, out = current.args, current.sources, current.out
    if not current.problems and not args.no_cache and args.command == "build":
        record = incremental.load_record(current.key)
        if incremental.up_to_date(out, record):
            assert record is not None
            failing = current.report(record.warnings)
            if failing:
                current.failed(failing, "nothing was written")
                return EXIT_FAILED
            current.built(len(sources), record.counts, 0)
            return EXIT_OK
    return _check(current) if args.command == "check" else _build(current)


def _shipped_templates() -> Optional[Path]:
    from .emit import TEMPLATE_DIRS

    for candidate in TEMPLATE_DIRS:
        if (candidate / "module.py.jinja").is_file():
            return candidate
    return None


def _generate(current: _Run) -> Optional[tuple[dict[str, bytes], list[Diagnostic], Generated]]:
    """The files a build writes (encoded, manifest included), its warnings and the result;
    None when the pages have errors."""
    from .build import generate  # the parsing libraries load only now
    from .reuse.modules import ModuleRecords
    from .reuse.pages import PageRecords

    jobs = current.args.jobs if current.args.jobs is not None else incremental.default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    out = current.out if current.out.is_dir() else None
    incremental.tune_gc()
    templates = str(current.settings.templates.resolve()) if current.settings.templates else None
    use_cache = not current.args.no_cache and current.args.command == "build"  # check takes no file on trust
    formatting = cache.Formatting(out, jobs, use_cache=use_cache, twice=templates is not None)
    result = generate(
        current.specs,
        templates,
        current.settings,
        formatting,
        (current.sources, current.problems),
        jobs=formatting.jobs,
        records=PageRecords() if use_cache else None,
        modules=ModuleRecords(out, current.settings.allow_nan) if use_cache else None,
    )
    failing = current.report(result.diagnostics)
    if not report.outcome(result, failing, current.settings.keep_going, current.args.verbose):
        return None
    warnings = [d for d in result.diagnostics if d.severity != ERROR]  # repeated by a no-op build
    return encode(result.files), warnings, result


def _build(current: _Run) -> int:
    generated = _generate(current)
    if generated is None:
        return EXIT_FAILED
    files, warnings, result = generated
    try:
        outcome = write_tree(current.out, files, force=current.args.force)
    except ConflictError as exc:
        current.failed(
            current.report(conflict_errors(current.out, exc.conflicts, result.origins)), "nothing was written"
        )
        return EXIT_FAILED
    except (NotOwnedError, OSError) as exc:
        print(f"docgen: error: cannot write {current.out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    report_kept_and_restored(current.out, outcome.kept, outcome.restored, current.summary)
    counts = {**result.counts, **report.skipped_counts(result.skipped)}
    if not current.args.no_cache and not result.left_out:
        incremental.save_record(current.key, current.out, warnings, counts)
    current.built(result.pages, counts, outcome.files_changed)
    if result.left_out and current.strict:
        return EXIT_FAILED
    if current.args.fail_on_change and not outcome.is_noop:
        print(
            f"docgen: {current.out} was out of date and has been rebuilt; review and add the changes", file=sys.stderr
        )
        return EXIT_FAILED
    return EXIT_OK


def _check(current: _Run) -> int:
    try:
        check_ownership(current.out)
    except NotOwnedError as exc:
        print(f"docgen: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    generated = _generate(current)
    if generated is None:
        return EXIT_FAILED
    files, _, result = generated
    try:
        wanted = plan(current.out, files, with_diffs=True)
    except OSError as exc:
        print(f"docgen: error: cannot read {current.out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if wanted.conflicts:
        current.failed(
            current.report(conflict_errors(current.out, wanted.conflicts, result.origins)), "build would stop"
        )
        return EXIT_FAILED
    if wanted.is_noop:
        current.summary(f"{counted(result.pages, 'page')} read; {current.out} is up to date")
        return EXIT_OK
    print_changes(current.out, wanted, quiet=current.args.quiet, stream=current.messages)
    return EXIT_FAILED


def print_changes(out: Path, wanted: Plan, quiet: bool = False, stream: Optional[TextIO] = None) -> None:
    """What a build would change in OUT: the files by kind, then the diff (stdout)."""
    stream = stream or sys.stdout
    print(
        f"docgen: {out} is out of date: {len(wanted.added)} missing, {len(wanted.removed)} extra, "
        f"{len(wanted.changed)} changed {'file' if len(wanted.changed) == 1 else 'files'}; "
        "run 'docgen build' to update it",
        file=stream,
    )
    for kind, paths in (("missing", wanted.added), ("extra", wanted.removed), ("changed", wanted.changed)):
        for path in sorted(paths):
            print(f"{kind}: {(out / path).as_posix()}", file=stream)
    if quiet:
        return
    for path in sorted(wanted.diffs):
        if path != MANIFEST:
            stream.write(wanted.diffs[path])
