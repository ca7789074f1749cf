"""docgen/format/docstrings.py keeps a docstring over several lines only where black
writes it exactly so: checked against the installed black on the docstrings docgen's
templates write and on random ones built from what black changes (indentation, blank
and trailing whitespace, quotes and backslashes at the ends, tabs, long last lines)."""

from __future__ import annotations

import random

import pytest

from docgen.format.docstrings import kept_docstring
from docgen.format.formatter import black_once


def in_context(lines: list[str]) -> str:
    """A module where *lines* are the docstring of a class (or of the module, at depth 0)."""
    depth = (len(lines[0]) - len(lines[0].lstrip(" "))) // 4
    wrapper = ["    " * level + "if _:" for level in range(depth - 1)]
    if depth:
        wrapper.append("    " * (depth - 1) + "class _:")
    return "\n".join([*wrapper, *lines, "    " * depth + "x = 1", ""])


def check(lines: list[str]) -> bool:
    """Whether docgen keeps *lines*; failing when it keeps what black would change."""
    kept = kept_docstring(lines)
    if kept is not None:
        assert len(kept) == 1
        assert "\n" + kept[0] + "\n" in "\n" + black_once(in_context(lines)), lines
    return kept is not None


@pytest.mark.parametrize(
    "lines",
    [
        ['    """A chat completion.', "", "    Sent when the stream ends.", '    """'],
        ['        """One line.', "        Two lines."],
        ['    """A list:', "", "    - first", "      continued", "    - second", '    """'],
    ],
)
def test_docstrings_as_the_templates_write_them_are_kept(lines: list[str]) -> None:
    lines = [*lines[:-1], lines[-1] + '"""'] if not lines[-1].endswith('"""') else lines
    assert check(lines)
    assert kept_docstring(lines) == ["\n".join(lines)]


@pytest.mark.parametrize(
    ("lines", "indented"),
    [
        (['    """A page\'s first paragraph.', "", 'Its second."""'], "    Its second."),
        (['        """One.', "  - a", '    - b"""'], "        - a\n          - b"),
    ],
)
def test_docstrings_with_lines_at_the_margin_are_indented_as_black_indents_them(
    lines: list[str], indented: str
) -> None:
    """The templates write a description's lines after the first at the margin; black
    indents them to the docstring's depth, and so does docgen, without black."""
    assert check(lines)
    assert kept_docstring(lines)[0].endswith("\n" + indented + '"""')  # type: ignore[index]


@pytest.mark.parametrize(
    "lines",
    [
        ['    """ Leading space.', '    """'],
        ['    """Trailing space. ', '    """'],
        ['    """Too deep.', "        More.", '    """'],
        ['    """Not deep enough.', "  Less.", '    """'],
        ['    """Blank only after.', "    ", '    """'],
        ['    """Ends with a quote', '    "x""""'],
        ['    """Tab\there.', '    """'],
        ['    """Back\\slash.', '    """'],
        ['    """Long.', "    " + "x" * 84 + '"""'],
        ['"""Closing at the margin, read differently by black 24 and 26.', "", "More.", '"""'],
        ['    """Blank with spaces.', "    ", "    More.", '    """'],
    ],
)
def test_docstrings_black_would_change_or_its_releases_differ_on_go_to_black(lines: list[str]) -> None:
    assert not check(lines)


WORDS = ["word", "two words", '"quoted" here', "'single'", "`code`", "x" * 40, "- item"]
ODD = ["", " ", "  ", "\t", "\\", "\xa0", '"', "'", " " * 3]


def random_docstring(chooser: random.Random) -> list[str]:
    """A docstring of the shape docgen writes, each part now and then made one of the
    things black changes."""

    def odd() -> bool:
        return chooser.random() < 0.08

    def text() -> str:
        words = [chooser.choice(ODD if odd() else WORDS) for _ in range(chooser.randrange(1, 4))]
        return " ".join(words) + (chooser.choice(ODD) if odd() else "")

    indent = "    " * chooser.randrange(4)
    lines = [indent + '"""' + (chooser.choice(ODD) if odd() else "") + text()]
    following = indent if chooser.random() < 0.5 else ""  # the templates write the margin
    for _ in range(chooser.randrange(1, 5)):
        if chooser.random() < 0.25:
            lines.append(chooser.choice([indent, " "]) if odd() else "")
        else:
            margin = chooser.choice(["", " ", "  ", "    ", "\t", "\xa0"]) if odd() else ""
            lines.append(following + margin + text())
    if chooser.random() < 0.5:
        lines.append(indent + '"""')
    else:
        lines[-1] = (lines[-1] or indent) + '"""'
    return lines


def test_random_docstrings_are_kept_only_as_black_writes_them() -> None:
    chooser = random.Random(20261203)
    kept = sum(check(random_docstring(chooser)) for _ in range(1500))
    assert kept > 100  # the comparison saw docstrings kept, not only ones left to black
