"""``docgen --help``: text wrapped to the terminal, the exit statuses and the ``[tool.docgen]`` keys."""

from __future__ import annotations

import argparse
import textwrap
from typing import Iterable

from . import config

EXIT_STATUSES = (
    ("0", "success (check: OUT is up to date)"),
    (
        "1",
        "the pages have errors (each printed as path:line:col: error: message [code]; nothing is written), "
        "OUT cannot be written, or (check) OUT would change; with --keep-going 0 unless --strict",
    ),
    ("2", "wrong command line or configuration (a missing SPECS folder too)"),
    ("123", "internal error in docgen (please report it)"),
)


class Formatter(argparse.HelpFormatter):
    """argparse's formatter, which wraps to the terminal's width (``$COLUMNS``), keeping
    the paragraphs of descriptions and epilogs and their lists of ``  term  text`` lines:
    each list entry wraps under its own text."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        width = max(width, 40)
        blocks = []
        for block in text.split("\n\n"):
            head, *rest = block.splitlines()
            if rest and all(line.startswith("  ") for line in rest):
                title = textwrap.fill(head, width, initial_indent=indent, subsequent_indent=indent)
                blocks.append("\n".join([title, *(_entry(line, width, indent) for line in rest)]))
            else:
                blocks.append(
                    textwrap.fill(" ".join(block.split()), width, initial_indent=indent, subsequent_indent=indent)
                )
        return "\n\n".join(blocks)


def _entry(line: str, width: int, indent: str) -> str:
    """``  term  text`` with the text wrapped under itself."""
    term = line.split()[0]
    column = line.index(term) + len(term)
    column += len(line[column:]) - len(line[column:].lstrip(" "))
    hang = indent + " " * column
    return textwrap.fill(line[column:], width, initial_indent=indent + line[:column], subsequent_indent=hang)


def listing(title: str, entries: Iterable[tuple[str, str]]) -> str:
    """A titled list, one ``  term  text`` line an entry, for :class:`Formatter`."""
    entries = list(entries)
    longest = max(len(term) for term, _ in entries)
    return title + "\n" + "\n".join(f"  {term.ljust(longest)}  {text}" for term, text in entries)


def epilog() -> str:
    """The exit statuses and every ``[tool.docgen]`` key (from :data:`docgen.config.KEYS`)."""
    keys = listing("[tool.docgen] keys (in pyproject.toml; flags given here override them):", config.KEYS.items())
    return listing("exit status:", EXIT_STATUSES) + "\n\n" + keys
