"""The ``docgen wire-names SAMPLES...`` command: print (or ``--write``) the
``[tool.docgen.wire-names]`` entries captured JSON calls for (see :mod:`docgen.samples`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import config, helptext
from .diagnostics import has_errors

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    command = commands.add_parser(
        "wire-names",
        help="print the [tool.docgen.wire-names] entries that captured JSON samples call for",
        description=(
            "Match every key of captured JSON to a field of its model, up to case and separators, and print "
            "the [tool.docgen.wire-names] entries for the keys that differ from the naming rule; keys that "
            "match no field are listed.  SAMPLES: JSON Lines files (.jsonl) of "
            '{"model": "[namespace.]Type", "json": {...}}, or JSON files named after their model '
            "(shared.Account.json).  With --write the entries are added to pyproject.toml, its formatting "
            "and comments kept; nothing is written when any sample has a problem."
        ),
        epilog=helptext.epilog(),
        formatter_class=helptext.Formatter,
    )
    command.add_argument("samples", metavar="SAMPLES", type=Path, nargs="+", help="sample files")
    command.add_argument(
        "--specs", metavar="SPECS", type=Path, help="folder of pages (default: 'specs' of [tool.docgen])"
    )
    command.add_argument("--config", metavar="FILE", type=Path, help="read [tool.docgen] from FILE")
    command.add_argument("--write", action="store_true", help="add the entries to the configuration file")
    command.set_defaults(
        out=None,
        strict=None,
        wire_naming=None,
        templates=None,
        package=None,
        include=None,
        exclude=None,
        keep_going=None,
        dialect=None,
        max_page_size=None,
        no_config=False,
        error_format="text",
    )


def run(args: argparse.Namespace, settings: config.Settings) -> int:
    """The command, the settings already read (SPECS among them)."""
    # imported here: a no-op build must not load the page reader and the formatter
    from .build import compile_sources, specs_root
    from .passes.settings import apply_wire_names
    from .read.sources import Selection, load_sources
    from .samples import entries_text, match_samples, read_samples, write_entries

    assert settings.specs is not None
    selection = Selection(settings.include, settings.exclude)
    sources, problems = load_sources(settings.specs, selection, settings.max_page_size)
    compiled = compile_sources(sources, 1, settings.dialect, specs_root(settings.specs))
    problems += list(compiled.diagnostics)
    if compiled.spec is None or has_errors(problems):
        return _failed(problems, "the pages have errors")
    spec, naming = apply_wire_names(compiled.spec, settings)
    samples, sample_problems = read_samples(args.samples)
    found = match_samples(spec, samples)
    problems = naming + sample_problems + found.problems
    if has_errors(problems):
        return _failed(problems, "nothing was written" if args.write else "no entries printed")
    print(entries_text(found.entries), end="")
    for where, model, key in found.unmatched:
        print(f"{where}: key {key!r} of {model} matches no field", file=sys.stderr)
    if args.write and found.entries:
        if settings.source is None:
            return _failed([], "no pyproject.toml to write to (give --config FILE)")
        reason = write_entries(settings.source, found.entries)
        if reason is not None:
            return _failed([], reason)
        print(
            f"docgen: {len(found.entries)} entries written to {config.display_path(settings.source)}", file=sys.stderr
        )
    return EXIT_OK


def _failed(problems: list, why: str) -> int:  # type: ignore[type-arg]
    for problem in problems:
        print(problem.render(), file=sys.stderr)
    print(f"docgen: {why}", file=sys.stderr)
    return EXIT_FAILED
