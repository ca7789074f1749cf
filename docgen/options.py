"""The command line's options shared by ``build`` and ``check`` (the commands are in :mod:`docgen.cli`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import config, lock
from .dialects import names as dialect_names


def common_options(command: argparse.ArgumentParser) -> None:
    """The options of every command that builds: where the pages and OUT are, which settings, how to report."""
    command.add_argument(
        "specs",
        metavar="SPECS",
        type=Path,
        nargs="?",
        help="folder of markdown pages, searched recursively (default: 'specs' of [tool.docgen])",
    )
    command.add_argument(
        "-o", "--out", metavar="OUT", type=Path, help="folder of the generated package (default: generated/)"
    )
    command.add_argument("--strict", action="store_true", default=None, help="treat warnings as errors")
    command.add_argument("-q", "--quiet", action="store_true", help="print problems only: no summary, no diff")
    command.add_argument(
        "--config", metavar="FILE", type=Path, help="read [tool.docgen] from FILE, not from the nearest pyproject.toml"
    )
    command.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    command.add_argument(
        "--wire-naming",
        choices=config.WIRE_NAMINGS,
        metavar="NAMING",
        help="JSON names of fields: as-documented (as the docs write them) or camelCase",
    )
    command.add_argument("--templates", metavar="DIR", type=Path, help="folder of templates that override docgen's")
    command.add_argument("--package", metavar="NAME", help="import name of OUT (checked against OUT's path)")
    command.add_argument(
        "--dialect",
        metavar="NAME",
        help="the docs' flavour: " + ", ".join(dialect_names.NAMES) + " (default: detected from the pages)",
    )
    command.add_argument(
        "-j",
        "--jobs",
        metavar="N",
        type=int,
        help="processes that render and format modules, and from 4 on read pages (default: the CPUs available)",
    )
    command.add_argument("--no-cache", action="store_true", help="neither use nor update docgen's build cache")
    command.add_argument(
        "--error-format",
        choices=("text", "json"),
        default="text",
        metavar="FORMAT",
        help="text (the default) or json: one JSON object a line per diagnostic on stdout (path, line, column, severity, code, "
        "message, hint); other messages go to stderr",
    )
    command.add_argument(
        "--lock-timeout",
        metavar="SECONDS",
        type=lock.seconds,
        help="while another docgen run works on OUT, wait at most this long, then exit 1 (default: wait until it ends)",
    )
    page_options(command)
    command.add_argument(
        "--keep-going", action="store_true", default=None, help="on errors, write what needs no failed page"
    )
    command.add_argument("-v", "--verbose", action="store_true", help="also list skipped pages and unused sections")


def page_options(command: argparse.ArgumentParser) -> None:
    """Which pages a command reads, and how large they may be."""
    command.add_argument("--include", metavar="GLOB", action="append", help="read only pages matching GLOB")
    command.add_argument("--exclude", metavar="GLOB", action="append", help="leave out pages matching GLOB")
    command.add_argument(
        "--max-page-size",
        metavar="BYTES",
        type=page_size,
        help="the largest page docgen reads, in bytes (default: 67108864, 64 MiB)",
    )


def page_size(text: str) -> int:
    """``--max-page-size``'s value: a number of bytes, 1 or more."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of bytes (1 or more)")
    return int(text)
